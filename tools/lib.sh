# Shared shell helpers for ./diemcau and .ci/run. Source, don't run.

# Installs the Debian packages in tools/debian-packages.txt that are missing (sudo when not root).
diemcau_install_packages() {
  local root; root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  local wanted missing=()
  mapfile -t wanted < <(grep -vE '^\s*(#|$)' "$root/tools/debian-packages.txt")
  for p in "${wanted[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  local sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  if [ "${#missing[@]}" -gt 0 ] || [ "${DIEMCAU_APT_UPDATE:-0}" = 1 ]; then
    echo "==> apt-get update" >&2
    $sudo apt-get update -q
  fi
  if [ "${#missing[@]}" -gt 0 ]; then
    echo "==> installing: ${missing[*]}" >&2
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
  fi
}

# Exports JAVA_HOME as the newest JDK >= 21 under /usr/lib/jvm (or fails).
diemcau_pick_jdk() {
  local best="" best_v=0 d v
  for d in /usr/lib/jvm/*/; do
    d="${d%/}"
    [ -x "$d/bin/javac" ] || continue
    v="$("$d/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')"
    v="${v%%.*}"
    [[ "$v" =~ ^[0-9]+$ ]] || continue
    if [ "$v" -ge 21 ] && [ "$v" -gt "$best_v" ]; then best="$d"; best_v="$v"; fi
  done
  if [ -z "$best" ]; then echo "error: no JDK >= 21 under /usr/lib/jvm" >&2; return 1; fi
  export JAVA_HOME="$best"
  export PATH="$JAVA_HOME/bin:$PATH"
  echo "==> JDK $best_v at $JAVA_HOME" >&2
}
