#!/usr/bin/env bash
# A REAL desktop notification: under a private D-Bus session with dunst (on Xvfb),
# the Go test TestRemindOnceRealDesktop runs `wheelhouse remind --once` in-process
# with the real notifier (beeep over D-Bus) against a workspace with one overdue
# follow-up, checks through `dunstctl history` that exactly one notification
# arrived, then evaluates again a minute later and checks that none did.
set -euo pipefail
SELF="$(cd "$(dirname "$0")" && pwd)/$(basename "$0")"
cd "$(dirname "$SELF")/.."
LOG_TAG=notify
source scripts/lib.sh
OUT=artifacts/notify
[ -n "${WH_DBUS_SESSION:-}" ] || { rm -rf "$OUT" && mkdir -p "$OUT"; }
in_dbus_session "$OUT/dbus.log" "$@"
[ -n "${DBUS_SESSION_BUS_ADDRESS:-}" ] || fail "no D-Bus session bus (install dbus: make setup)"
for t in dunst dunstctl Xvfb; do command -v "$t" >/dev/null 2>&1 || fail "$t not found: run 'make setup'"; done
OUT=$(cd "$OUT" && pwd)

XVFB_LOG=$OUT/xvfb.log
start_xvfb
DUNST_LOG=$OUT/dunst.log
start_dunst
notifications_owned || fail "dunst does not own org.freedesktop.Notifications (log: $DUNST_LOG)"

log "running the real-notification test"
WHEELHOUSE_REAL_NOTIFY=1 CGO_ENABLED=0 timeout -k 10 300 \
  go test ./cli -run '^TestRemindOnceRealDesktop$' -count=1 -v 2>&1 | tee "$OUT/test.log"
dunstctl history > "$OUT/dunst-history.json" || true
grep -q -- '--- PASS: TestRemindOnceRealDesktop' "$OUT/test.log" || fail "the real-notification test did not pass (see $OUT/test.log)"
log "PASS: one desktop notification, shown once"
