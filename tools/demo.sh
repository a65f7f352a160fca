#!/usr/bin/env bash
# The whole diemcau system on this machine (called by `./diemcau demo` after the build):
# Janus with its own config, the hub (embedded MQTT broker, SQLite under .demo/, an admin account
# whose password is printed once) and three room boxes (the real appliance program, virtual
# button and LEDs, distinct test patterns and tones), all inside a private network namespace
# "diemcau-demo". A veth pair joins it to this machine: the namespace end is 10.99.0.1, the host
# end 10.99.0.2, so a browser here opens the pages and does WebRTC with Janus; nothing else goes
# in or out. Ctrl-C stops everything and removes the namespace.
#
# Usage: tools/demo.sh [--check]
#   --check (or DIEMCAU_DEMO_SMOKE=1): start everything, wait until the three boxes are online at
#           the hub, join them to the session and back, print the summary, stop, exit 0 (1 on failure).
# Needs root for the namespace (re-runs itself with sudo otherwise).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
NS=diemcau-demo
HOST_IF=dcdemo0
NS_IF=dcdemo1
NS_ADDR=10.99.0.1
HOST_ADDR=10.99.0.2
DEMO="$ROOT/.demo"
LOGS="$DEMO/logs"
HUB_PORT=8080
BROKER_PORT=1883
JANUS_PORT=8088
ROOM=1234
CHECK="${DIEMCAU_DEMO_SMOKE:-0}"
for a in "$@"; do
  case "$a" in
    --check) CHECK=1 ;;
    -h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "demo: unknown argument: $a" >&2; exit 2 ;;
  esac
done

# Each program reads only its own config file: no DIEMCAU_* override leaks in from this shell.
for v in $(compgen -e | grep '^DIEMCAU_' | grep -v '^DIEMCAU_DEMO_SMOKE$' || true); do unset "$v"; done

if [ "$(id -u)" -ne 0 ]; then
  echo "==> the demo needs root for its network namespace: running it with sudo" >&2
  exec sudo -E DIEMCAU_DEMO_SMOKE="$CHECK" JAVA_HOME="${JAVA_HOME:-}" "$0" "$@"
fi

# shellcheck source=tools/lib.sh
source "$ROOT/tools/lib.sh"
if [ -z "${JAVA_HOME:-}" ] || [ ! -x "$JAVA_HOME/bin/java" ]; then diemcau_pick_jdk; fi
JAVA="$JAVA_HOME/bin/java"

# The classpath of the programs: written by the build (e2e module, package phase).
CP_FILE="$ROOT/e2e/target/classpath.txt"
if [ ! -s "$CP_FILE" ]; then
  echo "==> building (mvn -DskipTests package)" >&2
  (cd "$ROOT" && mvn -B -ntp -q -DskipTests package)
fi
CP="$(cat "$CP_FILE")"

in_ns() { ip netns exec "$NS" "$@"; }

# ---------------------------------------------------------------- clean-up
PIDS=()
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  echo
  echo "==> stopping the demo"
  # Reverse start order: boxes leave the room and say goodbye to the hub, then hub, then Janus.
  local i p
  for ((i = ${#PIDS[@]} - 1; i >= 0; i--)); do
    p="${PIDS[$i]}"
    kill -TERM -- "-$p" 2>/dev/null || continue
    for _ in $(seq 1 50); do
      kill -0 -- "-$p" 2>/dev/null || break
      sleep 0.2
    done
    kill -KILL -- "-$p" 2>/dev/null || true
  done
  if ip netns list 2>/dev/null | grep -qw "$NS"; then
    ip netns pids "$NS" 2>/dev/null | xargs -r kill -KILL 2>/dev/null || true
    ip netns del "$NS" 2>/dev/null || true
  fi
  ip link del "$HOST_IF" 2>/dev/null || true
  echo "==> stopped: no demo process or namespace left (logs kept in $LOGS)"
  exit "$rc"
}

# A previous run that was killed hard may have left its namespace behind.
if ip netns list 2>/dev/null | grep -qw "$NS"; then
  echo "==> removing the namespace a previous demo left behind" >&2
  ip netns pids "$NS" 2>/dev/null | xargs -r kill -KILL 2>/dev/null || true
  ip netns del "$NS"
fi
ip link del "$HOST_IF" 2>/dev/null || true
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---------------------------------------------------------------- network
ip netns add "$NS"
ip -n "$NS" link set lo up
ip link add "$HOST_IF" type veth peer name "$NS_IF"
ip link set "$NS_IF" netns "$NS"
ip addr add "$HOST_ADDR/24" dev "$HOST_IF"
ip link set "$HOST_IF" up
ip -n "$NS" addr add "$NS_ADDR/24" dev "$NS_IF"
ip -n "$NS" link set "$NS_IF" up

rm -rf "$DEMO"
mkdir -p "$LOGS"
chmod 700 "$DEMO"   # the hub's first output holds the admin password

# Starts "$@" inside the namespace in its own process group, output to $LOGS/$name.log.
start() {
  local name="$1"; shift
  setsid ip netns exec "$NS" "$@" >"$LOGS/$name.log" 2>&1 < /dev/null &
  PIDS+=("$!")
}

cat >"$DEMO/logback.xml" <<'EOF'
<configuration>
  <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
    <encoder><pattern>%d{HH:mm:ss.SSS} %-5level [%thread] %logger{20} - %msg%n</pattern></encoder>
  </appender>
  <logger name="vn.diemcau" level="INFO"/>
  <root level="WARN"><appender-ref ref="OUT"/></root>
</configuration>
EOF
JVM_FLAGS=(--enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow -XX:+UseSerialGC
  -XX:TieredStopAtLevel=1 -Xss512k "-Dlogback.configurationFile=$DEMO/logback.xml")

wait_for() { # wait_for SECONDS DESCRIPTION COMMAND...
  local secs="$1" what="$2"; shift 2
  local deadline=$((SECONDS + secs))
  until "$@" >/dev/null 2>&1; do
    if [ "$SECONDS" -ge "$deadline" ]; then
      echo "demo: timed out after ${secs}s waiting for $what; see $LOGS" >&2
      return 1
    fi
    sleep 0.5
  done
}

api() { # api METHOD PATH [JSON]
  in_ns curl -sS -f -X "$1" -H 'Content-Type: application/json' -H "Authorization: Bearer ${TOKEN:-}" \
    ${3:+--data "$3"} "http://127.0.0.1:$HUB_PORT$2"
}
json_field() { sed -n "s/.*\"$1\":\"\([^\"]*\)\".*/\1/p"; }

# ---------------------------------------------------------------- Janus
echo "==> starting Janus (VideoRoom $ROOM, ICE on $NS_ADDR)"
start janus bash "$ROOT/tools/janus/run-janus.sh" --dir "$DEMO/janus" --port "$JANUS_PORT" --ice "$NS_ADDR" \
  --room "$ROOM:Phiên tiếp dân" --rec-dir "$DEMO/recordings" --debug-level 3

# ---------------------------------------------------------------- hub
cat >"$DEMO/hub.properties" <<EOF
state.dir=$DEMO/hub
http.host=0.0.0.0
http.port=$HUB_PORT
broker.host=127.0.0.1
broker.port=$BROKER_PORT
broker.tls.port=0
mqtt.keepAliveSeconds=10
conference.url=http://127.0.0.1:$JANUS_PORT/janus
conference.room=$ROOM
conference.centreName=Trung tâm tiếp dân tỉnh
EOF
echo "==> starting the hub (embedded broker, SQLite in $DEMO/hub)"
start hub "$JAVA" "${JVM_FLAGS[@]}" -Xmx256m -cp "$CP" vn.diemcau.hub.Main \
  --config "$DEMO/hub.properties"
wait_for 60 "Janus" in_ns curl -sf "http://127.0.0.1:$JANUS_PORT/janus/info"
wait_for 120 "the hub" grep -q "password '" "$LOGS/hub.log"
ADMIN_PASSWORD="$(sed -n "s/.*username 'admin', password '\([^']*\)'.*/\1/p" "$LOGS/hub.log" | head -1)"
TOKEN="$(api POST /api/login "{\"username\":\"admin\",\"password\":\"$ADMIN_PASSWORD\"}" | json_field token)"

# ---------------------------------------------------------------- boxes
BOX_IDS=(xa-an-phu xa-binh-minh phuong-tan-dinh)
BOX_NAMES=("Xã An Phú" "Xã Bình Minh" "Phường Tân Định")
BOX_COMMUNES=("An Phú" "Bình Minh" "Tân Định")
BOX_PATTERNS=(0 18 24)     # SMPTE bars, moving ball, colours
BOX_TONES=(440 660 880)
for i in 0 1 2; do
  id="${BOX_IDS[$i]}"
  reply="$(api POST /api/boxes "{\"id\":\"$id\",\"displayName\":\"${BOX_NAMES[$i]}\",\"commune\":\"${BOX_COMMUNES[$i]}\",\"room\":\"Phòng tiếp dân\",\"hardware\":\"MINI_PC\"}")"
  password="$(printf '%s' "$reply" | json_field password)"
  [ -n "$password" ] || { echo "demo: registering $id failed: $reply" >&2; exit 1; }
  mkdir -p "$DEMO/box-$id"
  cat >"$DEMO/box-$id/appliance.json" <<EOF
{
  "boxId": "$id",
  "displayName": "${BOX_NAMES[$i]}",
  "commune": "${BOX_COMMUNES[$i]}",
  "telemetryIntervalSeconds": 10,
  "hub": {"brokerUrl": "tcp://127.0.0.1:$BROKER_PORT", "password": "$password", "keepAliveSeconds": 10},
  "conference": {"kind": "janus"},
  "hardware": {"profile": "virtual"},
  "admin": {"bindAddresses": ["0.0.0.0"], "httpsPort": $((8443 + i)), "httpPort": -1},
  "media": {"videoSource": "test", "audioSource": "test", "testPattern": ${BOX_PATTERNS[$i]},
            "testToneHz": ${BOX_TONES[$i]}, "videoSink": "fake", "audioSink": "fake", "echoCancel": false,
            "video": {"width": 640, "height": 360, "fps": 15, "bitrateKbps": 600},
            "iceAddresses": ["$NS_ADDR"]}
}
EOF
  chmod 600 "$DEMO/box-$id/appliance.json"
  echo "==> starting box $id (${BOX_NAMES[$i]}, test pattern ${BOX_PATTERNS[$i]}, tone ${BOX_TONES[$i]} Hz)"
  start "box-$id" "$JAVA" "${JVM_FLAGS[@]}" -Xmx160m -cp "$CP" vn.diemcau.appliance.Main \
    --config "$DEMO/box-$id/appliance.json" --state-dir "$DEMO/box-$id/state"
done

online_count() { api GET /api/boxes | grep -o '"state":"ONLINE"' | wc -l; }
all_online() { [ "$(online_count)" -ge 3 ]; }
wait_for 180 "the three boxes to come online at the hub" all_online
echo "==> all three boxes are online at the hub"

cat <<EOF

================================================================================
 diemcau demo is running (Ctrl-C stops everything)

 Hub administrator: username admin, password $ADMIN_PASSWORD   (shown only now)

 Dashboard (hub admins)            http://$NS_ADDR:$HUB_PORT/
 Centre's view (the chair)         http://$NS_ADDR:$HUB_PORT/session
 Hub API                           http://$NS_ADDR:$HUB_PORT/api/openapi.yaml
 Box local pages (technicians)     https://$NS_ADDR:8443/  https://$NS_ADDR:8444/  https://$NS_ADDR:8445/
                                   (self-signed certificates; first visit asks for the box's setup code,
                                    printed in $LOGS/box-<id>.log as "Admin page setup code")
 Logs                              $LOGS/

 Try this:
  1. Open the centre's view, sign in as admin: your (fake or real) camera is the chair.
  2. Join all three rooms to the session from the dashboard, or with the API:
       TOKEN=\$(curl -s -H 'Content-Type: application/json' -d '{"username":"admin","password":"$ADMIN_PASSWORD"}' \\
               http://$NS_ADDR:$HUB_PORT/api/login | sed 's/.*"token":"\\([^"]*\\)".*/\\1/')
       curl -s -H "Authorization: Bearer \$TOKEN" -H 'Content-Type: application/json' \\
            -d '{"boxes":["xa-an-phu","xa-binh-minh","phuong-tan-dinh"],"command":{"type":"join"}}' \\
            http://$NS_ADDR:$HUB_PORT/api/commands
     The centre's view shows the three rooms' test patterns within seconds.
  3. Pull the plug on a room:  sudo ip netns exec $NS pkill -9 -f 'box-xa-binh-minh/appliance.json'
     The dashboard shows it offline with an alert within seconds.
  4. Send {"type":"leave"} the same way: the rooms leave and go idle.
================================================================================
EOF

if [ "$CHECK" = 1 ]; then
  echo "==> --check: the three box pages answer over HTTPS (first run redirects to /setup)"
  for port in 8443 8444 8445; do
    page_ready() { in_ns curl -ks -o /dev/null -w '%{http_code} %{redirect_url}' "https://127.0.0.1:$port/" | grep -q '^303 .*/setup$'; }
    wait_for 30 "the box page on port $port" page_ready
  done
  echo "==> --check: joining the three boxes to the session and back"
  join="$(api POST /api/commands '{"boxes":["xa-an-phu","xa-binh-minh","phuong-tan-dinh"],"command":{"type":"join"}}')"
  batch="$(printf '%s' "$join" | sed -n 's/.*"batchId":"\([^"]*\)".*/\1/p')"
  joined() { [ "$(api GET "/api/batches/$batch" | grep -o '"state":"SUCCEEDED"' | wc -l)" -ge 3 ]; }
  wait_for 120 "the three boxes to join the session" joined
  echo "==> the three boxes joined the Janus room (each reported media received by Janus)"
  api POST /api/commands '{"boxes":["xa-an-phu","xa-binh-minh","phuong-tan-dinh"],"command":{"type":"leave"}}' >/dev/null
  echo "==> demo check passed: Janus, hub and three boxes ran; the boxes came online, served their pages and joined"
  exit 0
fi

echo "==> press Ctrl-C to stop"
while :; do
  for p in "${PIDS[@]}"; do
    if ! kill -0 "$p" 2>/dev/null; then
      echo "demo: a process stopped unexpectedly (pid $p); see $LOGS" >&2
      exit 1
    fi
  done
  sleep 2
done
