#!/usr/bin/env bash
# Smoke test of the PRODUCTION binary: it opens a real window under Xvfb with a
# throwaway data folder holding three people (scripts/smoke/people.json), renders,
# and a real click (xdotool) on the SECOND row of People opens the second person:
# the window title names the open record. It stays alive, and a second launch on
# the same folder hands over to the first one and exits.
# Screenshots: artifacts/smoke/window.png (first screen), person.png (after the click).
set -euo pipefail
SELF="$(cd "$(dirname "$0")" && pwd)/$(basename "$0")"
cd "$(dirname "$SELF")/.."
LOG_TAG=smoke
source scripts/lib.sh
OUT=artifacts/smoke
[ -n "${WH_DBUS_SESSION:-}" ] || { rm -rf "$OUT" && mkdir -p "$OUT"; }
in_dbus_session "$OUT/dbus.log" "$@"   # private session bus: the single-instance lock lives on D-Bus
export NO_AT_BRIDGE=1  # no accessibility bridge for the GTK window

BIN=${BIN:-build/bin/wheelhouse}
WINDOW_TIMEOUT=${WINDOW_TIMEOUT:-30}
[ -x "$BIN" ] || fail "$BIN not found: run 'make build' first"
for t in xdotool xdpyinfo /usr/bin/import; do command -v "$t" >/dev/null 2>&1 || fail "$t not found: run 'make setup'"; done

OUT=$(cd "$OUT" && pwd)
WORK=$(mktemp -d /tmp/wheelhouse-smoke.XXXXXX)
on_exit "rm -rf '$WORK'"
DATA=$WORK/data
XVFB_LOG=$OUT/xvfb.log
start_xvfb

APP_LOG=$OUT/app.log
show_log() { echo "----- app log ($APP_LOG) -----" >&2; tail -n 60 "$APP_LOG" >&2 || true; echo "-----" >&2; }
if [ -n "${SMOKE_DEMO:-}" ]; then  # `make screenshot`: show the demo workspace instead
  "$BIN" --data "$DATA" demo --size "${SMOKE_DEMO_SIZE:-small}" >>"$APP_LOG" 2>&1 || { show_log; fail "demo failed"; }
else
  "$BIN" --data "$DATA" import-json scripts/smoke/people.json >>"$APP_LOG" 2>&1 || { show_log; fail "import-json of the smoke people failed"; }
fi
log "starting $BIN --data $DATA"
setsid "$BIN" --data "$DATA" >"$APP_LOG" 2>&1 &
APP_PID=$!
on_exit "kill_tree $APP_PID 5"

app_alive() { kill -0 "$APP_PID" 2>/dev/null && ! ps -o stat= -p "$APP_PID" | grep -q '^Z'; }
# The title names what is open: "People — Wheelhouse", "Ben Okoro — Wheelhouse".
window_up() { app_alive && xdotool search --onlyvisible --name 'Wheelhouse$' >/dev/null 2>&1; }

deadline=$((SECONDS + WINDOW_TIMEOUT))
until window_up; do
  if ! app_alive; then show_log; fail "the app exited before showing its window"; fi
  if [ "$SECONDS" -ge "$deadline" ]; then show_log; fail "no visible window titled '… Wheelhouse' within ${WINDOW_TIMEOUT}s"; fi
  sleep 0.25
done
WIN=$(xdotool search --onlyvisible --name 'Wheelhouse$' | head -n1)
log "window $WIN is visible after ~$((SECONDS - deadline + WINDOW_TIMEOUT))s: $(xdotool getwindowgeometry "$WIN" | tr '\n' ' ')"

# Let WebKit paint, then keep shooting (at most ~8 s more) until two shots in a row
# are identical, so the picture shows the settled first screen, not a loading state.
sleep "${RENDER_WAIT:-2}"
shoot() { timeout 20 /usr/bin/import -window root "$1" && /usr/bin/convert "$1" rgba:- | md5sum; }
last=$(shoot "$OUT/window.png") || fail "screenshot failed"
for _ in 1 2 3 4 5 6 7 8; do
  sleep 1
  now=$(shoot "$WORK/next.png") || fail "screenshot failed"
  mv "$WORK/next.png" "$OUT/window.png"
  [ "$now" != "$last" ] || break
  last=$now
done
# A blank framebuffer compresses to almost nothing and has one colour: refuse it.
colours=$(/usr/bin/convert "$OUT/window.png" -format '%k' info:)
log "screenshot $OUT/window.png ($colours colours)"
[ "$colours" -gt 16 ] || fail "screenshot looks blank ($colours colours): nothing rendered?"
app_alive || { show_log; fail "the app died after showing its window"; }

# Real clicks in the real window: People in the sidebar, then down the Role
# column of the table, 12 px at a time, back to People after each person opened.
# Top to bottom the rows are Ada Alvarez, Ben Okoro, Chen Wei (sorted by name):
# the people opened must come in that order, each row its own person. (With
# the old row overlay every click opened the LAST row.) Probing instead of fixed
# row positions keeps the test true when the page above the table changes.
# Coordinates are of the page at 1280x800, below GTK's title bar (SMOKE_TOP px).
TOP=${SMOKE_TOP:-25}
title() { xdotool getwindowname "$WIN" 2>/dev/null; }
wait_title() {  # wait_title EXPECTED WHAT
  local want=$1 what=$2 until_s=$((SECONDS + 10))
  while [ "$(title)" != "$want" ]; do
    [ "$SECONDS" -lt "$until_s" ] || { show_log; fail "$what: the window title is '$(title)', not '$want'"; }
    sleep 0.2
  done
  log "$what: window title '$want'"
}
if [ -z "${SMOKE_DEMO:-}" ]; then
  eval "$(xdotool getwindowgeometry --shell "$WIN")"  # X Y WIDTH HEIGHT of the window
  # People is the second screen of the sidebar, under Search (at 1280x800: y 156).
  people() { xdotool mousemove --sync $((X + 70)) $((Y + TOP + 156)) click 1; wait_title 'People — Wheelhouse' "$1"; }
  people 'a click on People in the sidebar'
  opened=()
  for ((py = 80; py <= 420 && ${#opened[@]} < 3; py += 12)); do
    xdotool mousemove --sync $((X + 560)) $((Y + TOP + py)) click 1
    sleep 0.35
    t=$(title)
    case "$t" in
      'People — Wheelhouse') continue ;;
      *' — Wheelhouse')
        who=${t% — Wheelhouse}
        [ ${#opened[@]} -gt 0 ] && [ "${opened[-1]}" = "$who" ] || opened+=("$who")
        if [ "${#opened[@]}" -eq 2 ]; then
          sleep 1  # the second person's page, painted
          timeout 20 /usr/bin/import -window root "$OUT/person.png" || fail "screenshot failed"
        fi
        people "back to People after opening $who" ;;
      *) show_log; fail "a click at y=$py on People gave the window title '$t'" ;;
    esac
  done
  got=$(IFS='|'; echo "${opened[*]}")
  [ "$got" = 'Ada Alvarez|Ben Okoro|Chen Wei' ] || { show_log; fail "clicking down the People rows opened '$got', not 'Ada Alvarez|Ben Okoro|Chen Wei'"; }
  log "clicks down the People rows opened each row's own person: $got"
  # Screen shortcuts answer the first press (Alt+N once needed two in the window).
  xdotool key --clearmodifiers alt+3  # real key events (XTEST) to the focused window; --window sends synthetic ones GTK ignores
  wait_title 'Teams — Wheelhouse' 'one press of Alt+3'
  xdotool key --clearmodifiers alt+1
  wait_title 'Today — Wheelhouse' 'one press of Alt+1'
fi

# Second instance on the same data folder: Wails' single-instance lock (D-Bus)
# hands over to the first window and exits. Wails itself exits with status 1 here.
if [ -n "${DBUS_SESSION_BUS_ADDRESS:-}" ]; then
  log "second instance on the same data folder"
  set +e
  timeout 10 "$BIN" --data "$DATA" >"$OUT/second.log" 2>&1
  rc=$?
  set -e
  if [ "$rc" -eq 124 ]; then
    cat "$OUT/second.log" >&2; fail "the second instance did not exit within 10s"
  fi
  case "$rc" in
    # A second instance that failed to hand over would have stayed up with its own window.
    0 | 1) ! grep -qE '^panic:|fatal error:' "$OUT/second.log" || { cat "$OUT/second.log" >&2; fail "the second instance crashed"; }
      log "second instance exited with status $rc (Wails' single-instance hand-over exits 1)" ;;
    *) cat "$OUT/second.log" >&2; fail "the second instance exited with status $rc" ;;
  esac
  sleep 0.5
  app_alive || { show_log; fail "the first instance died when the second one started"; }
  window_up || { show_log; fail "the first window disappeared when the second instance started"; }
else
  log "no session bus: skipping the second-instance check"
fi

log "PASS: window rendered, app alive"
