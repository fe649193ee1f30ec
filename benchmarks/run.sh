#!/usr/bin/env bash
# Runs every benchmark (three forks each, in three rounds of one fork of every benchmark; -prof gc and the whole-JVM
# CPU profiler) against the stub server (started in its own JVM) and writes the results table to
# benchmarks/target/results.md.
# Usage: benchmarks/run.sh [extra -D options for RunAll, e.g. -Dbench.include=chatStream -Dbench.seconds=1]
# Takes about 36 minutes (13 benchmarks, 3 forks each, 20 warm-up and 5 measured iterations of 2 s); builds with the reactor (never installs anything in ~/.m2).
set -euo pipefail
cd "$(dirname "$0")/.."
out=benchmarks/target/results.md
./mvnw -B -q -pl benchmarks -am package dependency:build-classpath -DskipTests -Dspring-javaformat.skip=true \
  -Dmdep.outputFile=target/classpath.txt
{
  echo "Run: $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) CPUs, $(java -version 2>&1 | head -1)"
  echo "Load before: $(uptime | sed 's/.*load average/load average/')"
} > benchmarks/target/machine.txt
java -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" "$@" \
  dev.mistralboot.benchmarks.RunAll "$out"
echo "Load after: $(uptime | sed 's/.*load average/load average/')" >> benchmarks/target/machine.txt
cat benchmarks/target/machine.txt
