#!/usr/bin/env bash
# Appliance start-up benchmark: process start -> ONLINE at the broker, and idle RSS.
#   appliance/bench/startup.sh [runs]          (from the repository root; needs mosquitto)
#   appliance/bench/startup.sh --aot [runs]    the same, with the JDK's AOT cache as the launcher
#                                              uses it (one training start first, not counted)
# The appliance runs from its packaged jars (target/diemcau-appliance-*.jar + target/lib), as installed.
set -euo pipefail
cd "$(dirname "$0")/../.."
source tools/lib.sh
diemcau_pick_jdk
aot=false
if [ "${1:-}" = --aot ]; then aot=true; shift; fi
runs="${1:-5}"
mvn -B -q -ntp -pl appliance -am package -DskipTests >/dev/null
mvn -B -q -ntp -pl appliance -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=test >/dev/null
cd appliance
jar=$(ls target/diemcau-appliance-*.jar | grep -v -e sources -e tests | head -1)
export DIEMCAU_BENCH_APP_CLASSPATH="$PWD/$jar:$PWD/target/lib/*"
bench() {
  java -cp "target/test-classes:target/classes:$(cat target/classpath.txt)" \
    vn.diemcau.appliance.ApplianceStartBench "$1"
}
if $aot; then
  cache=$(mktemp -d)/appliance.aot
  echo "AOT training start (writes $cache when the appliance stops):"
  DIEMCAU_BENCH_JVM_OPTS="-XX:AOTCacheOutput=$cache -Xlog:aot=error" bench 1
  for _ in $(seq 60); do [ -s "$cache" ] && break; sleep 1; done
  ls -l "$cache"
  export DIEMCAU_BENCH_JVM_OPTS="-XX:AOTCache=$cache"
fi
bench "$runs"
