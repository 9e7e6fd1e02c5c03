#!/usr/bin/env bash
# Builds the app and the harness, then runs the benchmark and writes bench/results/<date>.md.
#   bench/run.sh [--levels 10000,100000,1000000] [--sustain-seconds 60] [--concurrency 8] [--batch 50] …
set -euo pipefail
cd "$(dirname "$0")/.."
export AXONIQ_UPDATE_CHECKER_DISABLED=true
mvn -B -q -DskipTests package -pl bench -am
exec java -Xms2g -Xmx21g -XX:+UseParallelGC -XX:NewRatio=6 \
  -cp "bench/target/bench-0.1.0-SNAPSHOT.jar:$(cat bench/target/classpath.txt)" \
  io.tributary.bench.Bench "$@"
