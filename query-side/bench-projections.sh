#!/usr/bin/env bash
# Replays a realistic domain event stream through each projection as Axon does (batches in one unit of work) on
# the embedded store in memory (with its ordered indexes) and appends the figures to
# bench/results/projections-<date>.md. Not a test; see ProjectionReplayBench. --compare-with REF also measures a git
# ref's query-side in the same run (alternating).
#   query-side/bench-projections.sh [--compare-with main] [--events 60000] [--batch 200] [--ref-batch 200] [--data-dir DIR] [--repeats 3] [--only profiles,data-quality]
# --data-dir DIR: on the file store there (default: in memory). --ref-batch: the batch size for the git ref's code (default --batch), to compare each at its own processor setting.
set -euo pipefail
cd "$(dirname "$0")/.."
export AXONIQ_UPDATE_CHECKER_DISABLED=true
args=()
ref=""
while [ $# -gt 0 ]; do
  if [ "$1" = "--compare-with" ]; then ref="$2"; shift 2; else args+=("$1"); shift; fi
done
mvn -B -o -q -pl query-side -am test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
classpath="query-side/target/test-classes:query-side/target/classes:$(cat query-side/target/bench-classpath.txt)"
if [ -n "$ref" ]; then
  refdir=query-side/target/bench-ref
  rm -rf "$refdir" && mkdir -p "$refdir/classes"
  git archive "$ref" query-side/src/main/java | tar -x -C "$refdir"
  javac -nowarn -d "$refdir/classes" -cp "$(cat query-side/target/bench-classpath.txt)" \
    $(find "$refdir/query-side" -name '*.java')
  args+=(--ref-classes "$refdir/classes" --ref-label "$ref" --label "this tree")
fi
exec java -Xms1g -Xmx4g -cp "$classpath" io.tributary.query.bench.ProjectionReplayBench "${args[@]}"
