#!/usr/bin/env bash
# Fleet-scale benchmark (a program, not a test): builds the simulator, raises the open-file limit
# to the hard limit, then runs vn.diemcau.simulator.bench.FleetBenchmark with the given options.
#   simulator/bench.sh                                  # 1,000 / 5,000 / 10,000 / 20,000 boxes vs a fresh Mosquitto per step
#   simulator/bench.sh --boxes 1000 --window 20s        # one quick step
#   simulator/bench.sh --target HUB                     # the hub of this checkout (Main, embedded broker), restarted per step
#   simulator/bench.sh --target COMMAND --target-command 'mosquitto -p {port}'
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

# --target HUB without --hub-classpath: build the hub of this checkout too and pass its class path.
modules=simulator
extra=()
if [[ " $* " == *" HUB "* || " $* " == *"--target=HUB"* ]] && [[ " $* " != *"--hub-classpath"* ]]; then
  [ -f hub/src/main/java/vn/diemcau/hub/Main.java ] || { echo "error: --target HUB: no hub Main in this checkout; pass --hub-classpath" >&2; exit 2; }
  modules=simulator,hub
fi
# relative outputFile: each module writes its own target/bench.classpath
mvn -B -q -ntp -pl "$modules" -am -DskipTests package dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=runtime >&2
# Run from a copy of this checkout's jars: a build in the checkout while the benchmark runs must
# not pull class files from under the running JVMs.
lib="$(mktemp -d /tmp/diemcau-bench-lib.XXXXXX)"
snapshot() { # class path → the same class path with this checkout's jars copied to $lib
  local out="" e
  IFS=: read -ra entries <<< "$1"
  for e in "${entries[@]}"; do
    if [[ "$e" == "$PWD"/* && -f "$e" ]]; then cp "$e" "$lib/"; e="$lib/$(basename "$e")"; fi
    out="${out:+$out:}$e"
  done
  printf '%s' "$out"
}
sim_jar="$(ls simulator/target/diemcau-simulator-*.jar | head -1)"
sim_cp="$(snapshot "$PWD/$sim_jar:$(cat simulator/target/bench.classpath)")"
if [ "$modules" = simulator,hub ]; then
  extra=(--hub-classpath "$(snapshot "$PWD/$(ls hub/target/diemcau-hub-*.jar | head -1):$(cat hub/target/bench.classpath)")")
fi
exec "$JAVA_HOME/bin/java" -Xmx1g -XX:+UseSerialGC --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow \
  -cp "$sim_cp" vn.diemcau.simulator.bench.FleetBenchmark "${extra[@]}" "$@"
