#!/usr/bin/env bash
# End-to-end tests against the real app: Xvfb + a private D-Bus session + dunst,
# a fresh temporary data folder, then frontend/e2e/run.mjs, which starts
# `wails dev` (the Go app with its real bindings, served at http://localhost:34115),
# drives it in WebKitGTK (WebKitWebDriver + the engine's MiniBrowser; E2E_ENGINE=chromium
# for Debian's chromium through playwright-core) and stops it.
# Arguments are spec name filters: scripts/e2e.sh boot
# Artifacts (screenshots, console logs, wails dev log): artifacts/e2e/
set -euo pipefail
SELF="$(cd "$(dirname "$0")" && pwd)/$(basename "$0")"
cd "$(dirname "$SELF")/.."
LOG_TAG=e2e
source scripts/lib.sh
OUT=${E2E_OUT:-artifacts/e2e}  # make e2e-chromium keeps its own
[ -n "${WH_DBUS_SESSION:-}" ] || { rm -rf "$OUT" && mkdir -p "$OUT"; }
in_dbus_session "$OUT/dbus.log" "$@"   # notifications (dunst) and the single-instance lock need a session bus
export NO_AT_BRIDGE=1  # no accessibility bridge for the GTK window

for t in wails node; do command -v "$t" >/dev/null 2>&1 || fail "$t not found: run 'make setup'"; done
case "${E2E_ENGINE:-webkit}" in
  webkit) for t in /usr/bin/WebKitWebDriver /usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser; do
            [ -x "$t" ] || fail "$t not found: run 'make setup'"; done ;;
  chromium) [ -x /usr/bin/chromium ] || fail "/usr/bin/chromium not found: run 'make setup'" ;;
esac
[ -d frontend/node_modules/webdriver ] || fail "frontend/node_modules is missing or old: run 'make setup'"

OUT=$(cd "$OUT" && pwd)
export E2E_ARTIFACTS=$OUT

WORK=$(mktemp -d /tmp/wheelhouse-e2e.XXXXXX)
on_exit "rm -rf '$WORK'"
export WHEELHOUSE_DATA=$WORK/data

XVFB_LOG=$OUT/xvfb.log
XVFB_SCREEN=${XVFB_SCREEN:-1600x1000x24} start_xvfb  # room for a 1280x800 viewport plus MiniBrowser's toolbar
DUNST_LOG=$OUT/dunst.log
start_dunst
start_keyring "$WORK/keyring"

# If the runner dies hard, its wails dev session (app, vite) must not outlive us.
on_exit "[ -s '$OUT/wails-dev.pid' ] && kill_tree \$(cat '$OUT/wails-dev.pid') 3; rm -f '$OUT/wails-dev.pid'"

log "data folder $WHEELHOUSE_DATA"
# In the background so a signal reaches our traps at once (bash runs traps only
# between foreground commands); `timeout` leads its own process group.
timeout -k 15 "${E2E_TIMEOUT:-1800}" node frontend/e2e/run.mjs "$@" &
RUNNER=$!
on_exit "kill_tree $RUNNER 15"   # runs before the sweep above: node stops wails dev itself
rc=0
wait "$RUNNER" || rc=$?
[ "$rc" -ne 124 ] || log "FAIL: the e2e run took longer than ${E2E_TIMEOUT:-1800}s"
log "artifacts in ${OUT#"$PWD/"}"
exit "$rc"
