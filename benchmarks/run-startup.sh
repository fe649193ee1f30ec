#!/usr/bin/env bash
# What the starter adds to the start-up of a minimal non-web Boot application: fresh JVMs, alternately
# with and without the Mistral auto-configurations (same Boot, RestClient and Jackson jars), median of
# 7 starts each (pass another count as the first argument; add `steps` as the second for a table of what each
# kind of Spring start-up step costs with and without the starter). Never installs anything in ~/.m2.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -pl mistral-spring-boot-starter,benchmarks -am package dependency:build-classpath -DskipTests -Dspring-javaformat.skip=true \
  -Dmdep.outputFile=target/classpath.txt
starter=$(cat mistral-spring-boot-starter/target/classpath.txt)
with="benchmarks/target/startup-classes:$starter"
without="benchmarks/target/startup-classes:$(echo "$starter" | tr ':' '\n' | grep -v 'mistral-spring-boot-autoconfigure' | paste -sd:)"
# only the application's classes (not the JMH benchmarks, nor their peers' jars)
rm -rf benchmarks/target/startup-classes && mkdir -p benchmarks/target/startup-classes/dev/mistralboot/benchmarks
cp -r benchmarks/target/classes/dev/mistralboot/benchmarks/startup benchmarks/target/startup-classes/dev/mistralboot/benchmarks/
echo "Load before: $(uptime | sed 's/.*load average/load average/')"
java -cp "benchmarks/target/classes" dev.mistralboot.benchmarks.startup.StartupRun "$with" "$without" "${1:-7}" ${2:+"$2"}
echo "Load after: $(uptime | sed 's/.*load average/load average/')"
