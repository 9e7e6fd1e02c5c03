#!/usr/bin/env bash
# Replays a realistic domain event stream through each projection as Axon does (batches in one unit of work) on
# the embedded memory backend and writes bench/results/projections-<date>.md. Not a test; see ProjectionReplayBench.
#   query-side/bench-projections.sh [--events 60000] [--batch 200] [--repeats 3] [--label NAME] [--baseline FILE.tsv]
set -euo pipefail
cd "$(dirname "$0")/.."
export AXONIQ_UPDATE_CHECKER_DISABLED=true
mvn -B -o -q -pl query-side -am test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
exec java -Xms1g -Xmx4g -cp "query-side/target/test-classes:query-side/target/classes:$(cat query-side/target/bench-classpath.txt)" \
  io.tributary.query.bench.ProjectionReplayBench "$@"
