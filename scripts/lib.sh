# Shared helpers for scripts/smoke.sh and scripts/e2e.sh (source it, don't run it).
# Every wait has a timeout and a message; cleanup is registered with on_exit.

log() { printf '[%s %s] %s\n' "${LOG_TAG:-script}" "$(date +%H:%M:%S)" "$*"; }
fail() { printf '[%s] FAIL: %s\n' "${LOG_TAG:-script}" "$*" >&2; exit 1; }

# Go's bin dir (wails) on PATH even when called outside make.
if ! command -v go >/dev/null 2>&1 && [ -x /usr/local/go/bin/go ]; then PATH="$PATH:/usr/local/go/bin"; fi
if command -v go >/dev/null 2>&1; then PATH="$PATH:$(go env GOPATH)/bin"; fi
export PATH

# Cleanup actions run in reverse order on any exit (including errors and signals).
_CLEANUPS=()
on_exit() { _CLEANUPS+=("$1"); }
_run_cleanups() {
  local rc=$? i
  trap - EXIT INT TERM HUP
  for ((i = ${#_CLEANUPS[@]} - 1; i >= 0; i--)); do eval "${_CLEANUPS[$i]}" || true; done
  exit "$rc"
}
trap _run_cleanups EXIT
trap 'exit 130' INT
trap 'exit 143' TERM HUP

# wait_until SECONDS MESSAGE CMD... : polls CMD every 0.25 s; fails with MESSAGE after SECONDS.
wait_until() {
  local secs=$1 msg=$2; shift 2
  local deadline=$((SECONDS + secs))
  until "$@" >/dev/null 2>&1; do
    if [ "$SECONDS" -ge "$deadline" ]; then
      log "timed out after ${secs}s: $msg"
      return 1
    fi
    sleep 0.25
  done
}

# kill_tree PID [GRACE]: TERM the process group and session led by PID, KILL what is
# left after GRACE seconds. Only for processes this script started as group or
# session leaders (setsid, timeout): PID = PGID (= SID).
kill_tree() {
  local pid=$1 grace=${2:-5} deadline
  [ -n "$pid" ] || return 0
  kill -TERM -- "-$pid" 2>/dev/null || true
  tree_pids "$pid" | xargs -r kill -TERM 2>/dev/null || true
  deadline=$((SECONDS + grace))
  while tree_pids "$pid" | grep -q . && [ "$SECONDS" -lt "$deadline" ]; do sleep 0.2; done
  tree_pids "$pid" | xargs -r kill -KILL 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

# tree_pids ID: live processes whose process group or session is ID (the session
# also catches children that moved to their own group, like the vite of wails dev).
tree_pids() { ps -e -o pid=,pgid=,sid=,stat= | awk -v s="$1" '($2 == s || $3 == s) && $4 !~ /^Z/ { print $1 }'; }

# start_xvfb: starts Xvfb on a free display (it picks one itself with -displayfd)
# and exports DISPLAY. Registers its cleanup.
start_xvfb() {
  command -v Xvfb >/dev/null 2>&1 || fail "Xvfb not found: run 'make setup'"
  local dfile; dfile=$(mktemp)
  # -displayfd picks the first free display number atomically: no races with other Xvfbs.
  setsid Xvfb -displayfd 3 -screen 0 "${XVFB_SCREEN:-1280x800x24}" -nolisten tcp -noreset 3>"$dfile" >"${XVFB_LOG:-/dev/null}" 2>&1 &
  XVFB_PID=$!
  on_exit "kill_tree $XVFB_PID 3; rm -f '$dfile'"
  wait_until 15 "Xvfb did not report a display" test -s "$dfile" || fail "Xvfb did not start (log: ${XVFB_LOG:-none})"
  export DISPLAY=":$(tr -dc 0-9 <"$dfile")"
  wait_until 15 "X server $DISPLAY not answering" xdpyinfo -display "$DISPLAY" || fail "Xvfb on $DISPLAY is not answering"
  log "Xvfb running on $DISPLAY (pid $XVFB_PID)"
}

# in_dbus_session LOG "$@": re-executes the calling script ($SELF) inside
# dbus-run-session (a private session bus, torn down with it) when available and
# not yet inside one. The bus daemon's (and its services') chatter goes to LOG; the
# script keeps its own stdout and stderr.
in_dbus_session() {
  local dlog=$1; shift
  if [ -z "${WH_DBUS_SESSION:-}" ] && command -v dbus-run-session >/dev/null 2>&1; then
    export WH_DBUS_SESSION=1
    mkdir -p "$(dirname "$dlog")"
    exec 7>&2 8>&1
    exec dbus-run-session -- bash "${SELF:-$0}" "$@" >"$dlog" 2>&1
  fi
  if [ -n "${WH_DBUS_SESSION:-}" ] && { true >&7 && true >&8; } 2>/dev/null; then exec 1>&8 2>&7 7>&- 8>&-; fi
  if [ -z "${DBUS_SESSION_BUS_ADDRESS:-}" ]; then log "dbus-run-session not found: running without a session bus"; fi
}

# start_keyring DIR: an unlocked gnome-keyring (the Secret Service "remember on
# this computer" uses) on the session bus, its keyrings in DIR (never the user's
# own). Non-fatal: without it the app says the keyring is unavailable.
start_keyring() {
  if ! command -v gnome-keyring-daemon >/dev/null 2>&1 || [ -z "${DBUS_SESSION_BUS_ADDRESS:-}" ]; then
    log "gnome-keyring or session bus missing: the system keyring will be unavailable (non-fatal)"
    return 0
  fi
  mkdir -p "$1/data" && export XDG_DATA_HOME="$1/data"
  if [ -z "${XDG_RUNTIME_DIR:-}" ]; then mkdir -p -m 700 "$1/run" && export XDG_RUNTIME_DIR="$1/run"; fi
  if printf %s wheelhouse-e2e | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1; then
    log "gnome-keyring unlocked (keyrings in $1/data)"
  else
    log "WARNING: gnome-keyring did not start (non-fatal)"
  fi
}

# start_dunst: notification daemon on the session bus, for notification tests. Non-fatal.
start_dunst() {
  if ! command -v dunst >/dev/null 2>&1 || [ -z "${DBUS_SESSION_BUS_ADDRESS:-}" ]; then
    log "dunst or session bus missing: notifications will not be shown (non-fatal)"
    return 0
  fi
  setsid dunst >"${DUNST_LOG:-/dev/null}" 2>&1 &
  DUNST_PID=$!
  on_exit "kill_tree $DUNST_PID 3"
  if wait_until 10 "no owner for org.freedesktop.Notifications" notifications_owned; then
    log "dunst owns org.freedesktop.Notifications (pid $DUNST_PID)"
  else
    log "WARNING: dunst did not take org.freedesktop.Notifications (non-fatal; log: ${DUNST_LOG:-none})"
  fi
}
notifications_owned() {
  dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
    org.freedesktop.DBus.NameHasOwner string:org.freedesktop.Notifications | grep -q 'boolean true'
}
