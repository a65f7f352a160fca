#!/usr/bin/env bash
# Runs a command inside a fresh private network namespace holding `lo` and a veth pair
# (veth0 = 10.99.0.1/24, the address Janus and webrtcbin use for ICE; see MEDIA-NOTES.md).
# Nothing inside can reach outside. Needs root (or user namespaces): used for the media
# benchmark and local media runs; failsafe ITs use tools/netns-jdk/bin/java the same way.
# Usage: tools/janus/in-netns.sh COMMAND [ARGS...]
set -euo pipefail
[ $# -gt 0 ] || { echo "usage: $0 COMMAND [ARGS...]" >&2; exit 2; }
exec unshare -n bash -c '
  set -e
  ip link set lo up
  ip link add veth0 type veth peer name veth1
  ip addr add 10.99.0.1/24 dev veth0
  ip link set veth0 up
  ip link set veth1 up
  exec "$@"' in-netns "$@"
