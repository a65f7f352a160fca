#!/usr/bin/env bash
# Appliance start-up benchmark: process start -> ONLINE at the broker, and idle RSS.
#   appliance/bench/startup.sh [runs]      (from the repository root; needs mosquitto)
set -euo pipefail
cd "$(dirname "$0")/../.."
source tools/lib.sh
diemcau_pick_jdk
mvn -B -q -ntp -pl appliance -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=test >/dev/null
cd appliance
exec java -cp "target/test-classes:target/classes:$(cat target/classpath.txt)" \
  vn.diemcau.appliance.ApplianceStartBench "${1:-5}"
