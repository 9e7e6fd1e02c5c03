#!/usr/bin/env bash
# The file store's data file under the app's write pattern, compaction off vs on, in one JVM; appends the figures to
# bench/results/file-growth-<date>.md. Not a test; see FileGrowthBench.
#   embedded-mongo/bench-file-growth.sh [batches of 100 tracked events, default 1000] [modes, default: off on]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -o -q -pl embedded-mongo -am test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
classpath="embedded-mongo/target/test-classes:embedded-mongo/target/classes:$(cat embedded-mongo/target/bench-classpath.txt)"
exec java -Xmx3g -XX:+UseParallelGC -cp "$classpath" io.tributary.embedded.FileGrowthBench "$@"
