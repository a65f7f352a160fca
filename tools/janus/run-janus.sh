#!/usr/bin/env bash
# Writes a minimal Janus 1.1.2 configuration into a directory and execs `janus` with it:
# only the HTTP transport (bound to 127.0.0.1:<port>, admin API off) and only the VideoRoom
# plugin, ICE restricted to one address, full trickle, VideoRoom rooms with optional PINs and
# recording into a directory. Used by the media integration tests (JanusFixture), the
# time-to-join benchmark and the local demo.
#
# Janus never uses loopback for ICE (see MEDIA-NOTES.md): run this inside a private network
# namespace that has a veth address, and pass that address with --ice.
#
# Usage:
#   run-janus.sh --dir DIR --port PORT --ice IP [--rec-dir DIR] [--room ID[:DESCRIPTION[:PIN]]]...
#                [--session-timeout SECONDS] [--debug-level 0-7] [--dry-run]
# Example:
#   run-janus.sh --dir /tmp/j --port 18088 --ice 10.99.0.1 --rec-dir /tmp/j/rec \
#     --room 1234:"Phiên tiếp dân" --room 5678:"Phòng có PIN":2468
# Then: curl -s http://127.0.0.1:18088/janus/info
set -euo pipefail

dir="" port="" ice="" rec_dir="" session_timeout=60 debug_level=4 dry_run=0
rooms=()
while [ $# -gt 0 ]; do
  case "$1" in
    --dir) dir="$2"; shift 2 ;;
    --port) port="$2"; shift 2 ;;
    --ice) ice="$2"; shift 2 ;;
    --rec-dir) rec_dir="$2"; shift 2 ;;
    --room) rooms+=("$2"); shift 2 ;;
    --session-timeout) session_timeout="$2"; shift 2 ;;
    --debug-level) debug_level="$2"; shift 2 ;;
    --dry-run) dry_run=1; shift ;;
    -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
    *) echo "run-janus.sh: unknown argument: $1" >&2; exit 2 ;;
  esac
done
[ -n "$dir" ] || { echo "run-janus.sh: --dir is required" >&2; exit 2; }
[[ "$port" =~ ^[0-9]+$ ]] || { echo "run-janus.sh: --port must be a number, got '$port'" >&2; exit 2; }
[[ "$ice" =~ ^[0-9.]+$ ]] || { echo "run-janus.sh: --ice must be an IPv4 address, got '$ice'" >&2; exit 2; }
[ ${#rooms[@]} -gt 0 ] || rooms=("1234:diemcau")
[ -n "$rec_dir" ] || rec_dir="$dir/recordings"
mkdir -p "$dir" "$rec_dir"

lib=/usr/lib/x86_64-linux-gnu/janus
for cand in /usr/lib/*/janus /usr/lib/janus; do
  [ -e "$cand/plugins/libjanus_videoroom.so" ] && { lib="$cand"; break; }
done

# Disable every plugin and transport except the ones we use (by their .so names).
disabled_in() {
  local folder="$1" keep="$2" out="" f
  for f in "$folder"/libjanus_*.so; do
    f="$(basename "$f")"
    [ "$f" = "$keep" ] || out="${out:+$out,}$f"
  done
  printf '%s' "$out"
}
jcfg_string() { local s="${1//\\/\\\\}"; printf '"%s"' "${s//\"/\\\"}"; }

cat >"$dir/janus.jcfg" <<EOF
general: {
	configs_folder = $(jcfg_string "$dir")
	plugins_folder = $(jcfg_string "$lib/plugins")
	transports_folder = $(jcfg_string "$lib/transports")
	events_folder = $(jcfg_string "$lib/events")
	loggers_folder = $(jcfg_string "$lib/loggers")
	debug_level = $debug_level
	debug_timestamps = true
	debug_colors = false
	interface = "127.0.0.1"
	session_timeout = $session_timeout
	server_name = "diemcau-test"
	protected_folders = ["/bin", "/boot", "/dev", "/etc", "/lib", "/proc", "/sbin", "/sys", "/usr"]
}
certificates: {
}
media: {
	rtp_port_range = "20000-40000"
}
nat: {
	nice_debug = false
	full_trickle = true
	ice_enforce_list = $(jcfg_string "$ice")
}
plugins: {
	disable = $(jcfg_string "$(disabled_in "$lib/plugins" libjanus_videoroom.so)")
}
transports: {
	disable = $(jcfg_string "$(disabled_in "$lib/transports" libjanus_http.so)")
}
loggers: {
	disable = $(jcfg_string "$(disabled_in "$lib/loggers" none)")
}
events: {
	broadcast = false
}
EOF

cat >"$dir/janus.transport.http.jcfg" <<EOF
general: {
	json = "compact"
	base_path = "/janus"
	http = true
	port = $port
	ip = "127.0.0.1"
	https = false
}
admin: {
	admin_http = false
	admin_https = false
}
EOF

{
  echo 'general: {'
  echo '	admin_key = "diemcau-test-admin"'
  echo '}'
  for r in "${rooms[@]}"; do
    IFS=: read -r id desc pin <<<"$r"
    [[ "$id" =~ ^[0-9]+$ ]] || { echo "run-janus.sh: room id must be numeric, got '$id'" >&2; exit 2; }
    echo "room-$id: {"
    echo "	description = $(jcfg_string "${desc:-room $id}")"
    [ -n "${pin:-}" ] && echo "	pin = $(jcfg_string "$pin")"
    echo '	publishers = 16'
    echo '	bitrate = 2500000'
    echo '	fir_freq = 10'
    echo '	audiocodec = "opus"'
    echo '	videocodec = "h264,vp8"'
    echo '	record = true'
    echo "	rec_dir = $(jcfg_string "$rec_dir")"
    echo '}'
  done
} >"$dir/janus.plugin.videoroom.jcfg"

[ "$dry_run" = 1 ] && { echo "$dir"; exit 0; }
exec janus -C "$dir/janus.jcfg" -F "$dir" -o
