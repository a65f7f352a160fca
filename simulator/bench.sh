#!/usr/bin/env bash
# Fleet-scale benchmark (a program, not a test): builds the simulator, raises the open-file limit
# to the hard limit, then runs vn.diemcau.simulator.bench.FleetBenchmark with the given options.
#   simulator/bench.sh                                  # 1,000 / 5,000 / 10,000 / 20,000 boxes vs a fresh Mosquitto per step
#   simulator/bench.sh --boxes 1000 --window 20s        # one quick step
#   simulator/bench.sh --target COMMAND --target-command 'java -cp ... vn.diemcau.hub.Main --mqtt-port {port}'
#   simulator/bench.sh --help
# Each step stops by itself (online timeout + window + ~20 s); figures go to standard output.
set -euo pipefail
cd "$(dirname "$0")/.."
source tools/lib.sh
diemcau_pick_jdk >/dev/null 2>&1 || { echo "error: no JDK >= 21 under /usr/lib/jvm" >&2; exit 1; }

hard="$(ulimit -Hn)"
ulimit -n "$hard"
if [ "$hard" != unlimited ] && [ "$hard" -lt 45000 ]; then
  echo "note: open-file hard limit is $hard: the broker needs one file per connection, so a step above ~$((hard - 100)) boxes cannot fully connect" >&2
fi

cp_file="$PWD/simulator/target/bench.classpath"
mvn -B -q -ntp -pl simulator -am -DskipTests package dependency:build-classpath \
  -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=runtime >&2
exec "$JAVA_HOME/bin/java" -Xmx1g -XX:+UseSerialGC --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow \
  -cp "simulator/target/classes:$(cat "$cp_file")" vn.diemcau.simulator.bench.FleetBenchmark "$@"
