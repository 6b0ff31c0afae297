#!/usr/bin/env bash
# Launch benchmark of the PRODUCTION binary (build/bin/wheelhouse) in a real
# (virtual) window, empty data folder against the large demo, in one run:
#
#   empty: launch -> first paint, and -> first screen settled (the first-run screen)
#   large: launch -> first paint, and -> data on the first screen
#          (`wheelhouse --data DIR demo --size large`, generated once and
#          copied afresh for every run)
#
# and the resident memory of the Go process (VmRSS and RssAnon from
# /proc/PID/status, Pss from smaps_rollup) and of WebKit's processes (in the
# app's session) after each launch: SETTLE seconds after the first screen (the
# first reminder evaluation has run by then), and on the large demo with
# VISIT=1 once more after visiting every screen with the keyboard (Alt+2 …
# Alt+9, then Alt+1), the way a user looks around.
#
# The app logs the marks itself (run with --verbose):
#   ready mark=dom-ready     Wails' OnDomReady (Go side)
#   ready mark=first-paint   the page: the first frame after the app mounted
#   ready mark=first-screen  the page: no loading indicator, nothing changing
#                            for 300 ms; the instant is the frame after the
#                            last change (frontend/src/lib/api/perf.ts)
#   ready mark=screen name=N ms=M nodes=E rows=R
#                            the page, after each switch to another screen:
#                            M ms from the route change to that screen settled
#                            (same rule as first-screen), E elements in the
#                            document and R rows (table body rows, list items)
#                            in <main> then. With VISIT=1 the table lists them
#                            per screen (median over the runs).
# Launch times here are measured from this script's clock just before it
# starts the binary to the instant in the mark (same machine clock), so they
# include exec and loading GTK/WebKit; `t=` in the log counts from the
# process's start time in /proc (10 ms resolution).
#
# Usage: bash scripts/bench-launch.sh   (make bench-launch)
#   RUNS=5      launches of each kind, interleaved (empty, large, empty, …)
#   SETTLE=3    seconds after the first screen before reading memory
#   VISIT=1     also visit every screen and read memory again (0: skip);
#               each visit waits for the screen's mark (at most VISIT_WAIT s),
#               then lets VISIT_GAP s pass from the key press (1.5)
#   VISIT_ROUNDS=1  rounds of visits; later rounds are listed as screen@N
#               (data and code already loaded once), memory after the first
#   BIN=…       the binary (default build/bin/wheelhouse; copied first)
#   SHOTS=1     on the first large run, a screenshot of each screen visited
#   SMAPS=1     on the first large run, the web process's memory by mapping
#               (/proc/PID/smaps summed by kind: anonymous, each library,
#               shared memory) after the first screen and after the visits,
#               in artifacts/bench-launch/web-memory-*.txt
# Output: a table on stdout; logs and screenshots in artifacts/bench-launch/.
set -euo pipefail
SELF="$(cd "$(dirname "$0")" && pwd)/$(basename "$0")"
cd "$(dirname "$SELF")/.."
LOG_TAG=bench-launch
source scripts/lib.sh
OUT=artifacts/bench-launch
[ -n "${WH_DBUS_SESSION:-}" ] || { rm -rf "$OUT" && mkdir -p "$OUT"; }
in_dbus_session "$OUT/dbus.log" "$@" # the single-instance lock and notifications live on D-Bus
export NO_AT_BRIDGE=1

RUNS=${RUNS:-5}
SETTLE=${SETTLE:-3}
VISIT=${VISIT:-1}
MARK_TIMEOUT=${MARK_TIMEOUT:-60}
VISIT_WAIT=${VISIT_WAIT:-8}
VISIT_GAP=${VISIT_GAP:-1.5}
VISIT_ROUNDS=${VISIT_ROUNDS:-1}
SHOTS=${SHOTS:-0}
SMAPS=${SMAPS:-0}
SRC_BIN=${BIN:-build/bin/wheelhouse}
[ -x "$SRC_BIN" ] || fail "$SRC_BIN not found: run 'make build' first"
for t in xdotool xdpyinfo /usr/bin/import; do command -v "$t" >/dev/null 2>&1 || fail "$t not found: run 'make setup'"; done

OUT=$(cd "$OUT" && pwd)
WORK=$(mktemp -d /tmp/wheelhouse-bench-launch.XXXXXX)
on_exit "rm -rf '$WORK'"
# A copy: others may rebuild build/bin while this runs.
cp "$SRC_BIN" "$WORK/wheelhouse"
BIN=$WORK/wheelhouse
VERSION=$("$BIN" version 2>/dev/null | head -n1)
XVFB_LOG=$OUT/xvfb.log
start_xvfb
DUNST_LOG=$OUT/dunst.log
start_dunst

log "generating the large demo once (wheelhouse demo --size large)"
gen_start=$SECONDS
"$BIN" --data "$WORK/large" demo --size large >"$OUT/demo.log" 2>&1 || { cat "$OUT/demo.log" >&2; fail "demo generation failed"; }
log "large demo: $(du -sh "$WORK/large" | cut -f1) on disk, generated in $((SECONDS - gen_start))s"
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)

now_ms() { date +%s%3N; }
# mark LOG NAME: the mark's unix_ms, empty if not logged (yet).
mark() { sed -n "s/.*msg=ready mark=$2 .* unix_ms=\([0-9]*\).*/\1/p" "$1" | head -n1; }
mark_t() { sed -n "s/.*msg=ready mark=$2 t=\([0-9.]*\)ms.*/\1/p" "$1" | head -n1; }
# rss_kb PID [FIELD]: VmRSS (or RssAnon, RssFile) in kB.
rss_kb() { awk -v f="${2:-VmRSS}:" '$1 == f { print $2 }' "/proc/$1/status" 2>/dev/null || true; }
# web_rss SID: the WebKit processes in the app's session, "name=kB …" and the total.
web_rss() {
  local sid=$1 total=0 parts=() p c r
  for p in $(ps -e -o pid=,sid= | awk -v s="$sid" '$2 == s && $1 != s { print $1 }'); do
    c=$(cat "/proc/$p/comm" 2>/dev/null) || continue
    case "$c" in WebKit*) ;; *) continue ;; esac
    r=$(rss_kb "$p")
    [ -n "$r" ] || continue
    parts+=("$c=$((r / 1024))MB")
    total=$((total + r))
  done
  echo "$total ${parts[*]:-}"
}
# webproc_kb SID: the RSS of the WebKitWebProcess in the app's session alone, kB.
webproc_kb() {
  local p
  for p in $(ps -e -o pid=,sid= | awk -v s="$1" '$2 == s && $1 != s { print $1 }'); do
    # comm is cut at 15 characters: WebKitWebProces
    case "$(cat "/proc/$p/comm" 2>/dev/null)" in WebKitWebProc*) rss_kb "$p"; return ;; esac
  done
  echo 0
}
# web_memory SID FILE: the WebKitWebProcess's status lines and its RSS by mapping, largest first.
web_memory() {
  local p
  for p in $(ps -e -o pid=,sid= | awk -v s="$1" '$2 == s && $1 != s { print $1 }'); do
    case "$(cat "/proc/$p/comm" 2>/dev/null)" in WebKitWebProc*) ;; *) continue ;; esac
    {
      grep -E '^(VmRSS|RssAnon|RssFile|RssShmem|VmHWM)' "/proc/$p/status"
      echo
      awk '/^[0-9a-f]+-[0-9a-f]+ / { name = ($6 == "") ? "[anonymous]" : $6; for (i = 7; i <= NF; i++) name = name " " $i }
           /^Rss:/ { rss[name] += $2 }
           END { for (n in rss) if (rss[n] >= 1024) printf "%8d kB  %s\n", rss[n], n }' "/proc/$p/smaps" | sort -rn | head -n 40
    } >"$2"
    return
  done
}
# screen_marks LOG: the screen marks so far, one "name ms render api nodes rows" a line.
screen_marks() {
  { grep 'msg=ready mark=screen ' "$1" || true; } | awk '{
    delete v
    for (i = 1; i <= NF; i++) { p = index($i, "="); if (p) v[substr($i, 1, p - 1)] = substr($i, p + 1) }
    print v["name"], v["ms"], ("render" in v) ? v["render"] : 0, v["api"], v["nodes"], v["rows"]
  }'
}
pss_kb() { awk '$1 == "Pss:" { print $2 }' "/proc/$1/smaps_rollup" 2>/dev/null || true; }
mb() { awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }'; }

ROWS=()
declare -A SERIES
add() { SERIES[$1]+="$2 "; }
SCREENS_SEEN=() # screen names in the order first visited

# launch KIND I
launch() {
  local kind=$1 i=$2 data=$WORK/run-$1-$2 applog=$OUT/$1-$2.log
  if [ "$kind" = large ]; then cp -a "$WORK/large" "$data"; else mkdir -p "$data"; fi
  sync
  local t0 pid
  t0=$(now_ms)
  setsid "$BIN" --verbose --data "$data" >"$applog" 2>&1 &
  pid=$!
  local deadline=$((SECONDS + MARK_TIMEOUT))
  until [ -n "$(mark "$applog" first-screen)" ]; do
    if ! kill -0 "$pid" 2>/dev/null; then tail -n 30 "$applog" >&2; fail "$kind run $i: the app exited before its first screen"; fi
    if [ "$SECONDS" -ge "$deadline" ]; then tail -n 30 "$applog" >&2; kill_tree "$pid" 5; fail "$kind run $i: no first-screen mark within ${MARK_TIMEOUT}s (is the binary built with frontend/src/lib/api/perf.ts?)"; fi
    sleep 0.05
  done
  local dom paint screen
  dom=$(($(mark "$applog" dom-ready) - t0))
  paint=$(($(mark "$applog" first-paint) - t0))
  screen=$(($(mark "$applog" first-screen) - t0))
  add "$kind-dom" "$dom"
  add "$kind-paint" "$paint"
  add "$kind-screen" "$screen"
  local row
  row=$(printf '%-6s %2d  %7d  %9d  %10d  %12s' "$kind" "$i" "$dom" "$paint" "$screen" "$(mark_t "$applog" first-screen)")
  sleep "$SETTLE"
  local go anon pss web
  go=$(rss_kb "$pid")
  anon=$(rss_kb "$pid" RssAnon)
  pss=$(pss_kb "$pid")
  web=$(web_rss "$pid")
  add "$kind-go" "$go"
  add "$kind-goanon" "$anon"
  add "$kind-gopss" "$pss"
  add "$kind-web" "${web%% *}"
  add "$kind-webproc" "$(webproc_kb "$pid")"
  row+=$(printf '  %6s  %7s  %6s  %7s  %s' "$(mb "$go")" "$(mb "$anon")" "$(mb "$pss")" "$(mb "${web%% *}")" "${web#* }")
  if [ "$i" = 1 ]; then timeout 20 /usr/bin/import -window root "$OUT/$kind-first-screen.png" || true; fi
  if [ "$SMAPS" = 1 ] && [ "$i" = 1 ] && [ "$kind" = large ]; then web_memory "$pid" "$OUT/web-memory-first-screen.txt"; fi
  if [ "$kind" = large ] && [ "$VISIT" = 1 ]; then
    local win k
    win=$(xdotool search --onlyvisible --name 'Wheelhouse$' | head -n1)
    xdotool windowfocus --sync "$win" 2>/dev/null || true
    local before t_key got line name ms render api nodes rows left
    local round key
    for round in $(seq 1 "$VISIT_ROUNDS"); do
    for k in 2 3 4 5 6 7 8 9 1; do
      before=$(screen_marks "$applog" | wc -l)
      t_key=$(now_ms)
      xdotool key --window "$win" "alt+$k"
      got=
      while [ $(($(now_ms) - t_key)) -lt $((VISIT_WAIT * 1000)) ]; do
        if [ "$(screen_marks "$applog" | wc -l)" -gt "$before" ]; then got=1; break; fi
        sleep 0.05
      done
      if [ -n "$got" ]; then
        line=$(screen_marks "$applog" | sed -n "$((before + 1))p")
        read -r name ms render api nodes rows <<<"$line"
        key=$name
        [ "$round" = 1 ] || key="$name@$round"
        [ -n "${SERIES[scr-ms-$key]:-}" ] || SCREENS_SEEN+=("$key")
        add "scr-ms-$key" "$ms"
        add "scr-api-$key" "$api"
        add "scr-render-$key" "$render"
        add "scr-web-$key" "$(webproc_kb "$pid")"
        add "scr-nodes-$key" "$nodes"
        add "scr-rows-$key" "$rows"
        if [ "$SHOTS" = 1 ] && [ "$i" = 1 ] && [ "$round" = 1 ]; then timeout 20 /usr/bin/import -window root "$OUT/screen-${name//\//-}.png" || true; fi
      else
        log "large run $i: no screen mark within ${VISIT_WAIT}s after Alt+$k"
      fi
      left=$(awk -v g="$VISIT_GAP" -v e="$(($(now_ms) - t_key))" 'BEGIN { l = g - e / 1000; print (l > 0) ? l : 0 }')
      sleep "$left"
    done
    if [ "$round" = 1 ]; then
    go=$(rss_kb "$pid")
    anon=$(rss_kb "$pid" RssAnon)
    web=$(web_rss "$pid")
    add go-visit "$go"
    add goanon-visit "$anon"
    add web-visit "${web%% *}"
    add webproc-visit "$(webproc_kb "$pid")"
    else
      add "webproc-visit@$round" "$(webproc_kb "$pid")"
    fi
    done
    if [ "$SMAPS" = 1 ] && [ "$i" = 1 ]; then web_memory "$pid" "$OUT/web-memory-visited.txt"; fi
    row+=$(printf '  | visited: %s %s %s' "$(mb "$go")" "$(mb "$anon")" "$(mb "${web%% *}")")
    if [ "$i" = 1 ]; then timeout 20 /usr/bin/import -window root "$OUT/large-after-visit.png" || true; fi
  fi
  ROWS+=("$row")
  kill_tree "$pid" 5
  rm -rf "$data"
  log "$row"
}

for i in $(seq 1 "$RUNS"); do
  launch empty "$i"
  launch large "$i"
done

# stats "v v v": median (min–max)
stats() { tr ' ' '\n' <<<"$1" | grep . | sort -n | awk '{ a[NR] = $1 } END { m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2; printf "%.0f (%.0f–%.0f)", m, a[1], a[NR] }'; }
median() { tr ' ' '\n' <<<"$1" | grep . | sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
mbstats() { tr ' ' '\n' <<<"$1" | grep . | awk '{ print $1 / 1024 }' | tr '\n' ' ' | { read -r l; stats "$l"; }; }

echo
echo "Launch benchmark: $VERSION, $RUNS runs of each, interleaved; Xvfb ${XVFB_SCREEN:-1280x800x24}; $(nproc) cores"
echo "load average at start: $LOAD_START, at end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "Per run (ms from launch; 'app t' = first-screen in the app's log, ms since process start; RSS in MB):"
printf '%-6s %2s  %7s  %9s  %10s  %12s  %6s  %7s  %6s  %7s\n' kind run dom-rdy 1st-paint 1st-screen "app t" "Go RSS" "Go anon" "Go PSS" "Web RSS"
printf '%s\n' "${ROWS[@]}"
echo
echo "Summary: median (min–max) over $RUNS runs"
printf '  %-44s %s ms\n' "empty: launch -> first paint" "$(stats "${SERIES[empty-paint]}")"
printf '  %-44s %s ms\n' "empty: launch -> first screen settled" "$(stats "${SERIES[empty-screen]}")"
printf '  %-44s %s ms\n' "large: launch -> first paint" "$(stats "${SERIES[large-paint]}")"
printf '  %-44s %s ms\n' "large: launch -> data on the first screen" "$(stats "${SERIES[large-screen]}")"
ep=$(median "${SERIES[empty-paint]}")
es=$(median "${SERIES[empty-screen]}")
ls_=$(median "${SERIES[large-screen]}")
printf '  %-44s %s\n' "ratio large data / empty first paint" "$(awk -v a="$ls_" -v b="$ep" 'BEGIN { printf "%.2fx", a / b }')"
printf '  %-44s %s\n' "ratio large data / empty first screen" "$(awk -v a="$ls_" -v b="$es" 'BEGIN { printf "%.2fx", a / b }')"
for kind in empty large; do
  printf '  %-44s %s MB\n' "$kind: Go process RSS ${SETTLE}s after first screen" "$(mbstats "${SERIES[$kind-go]}")"
  printf '  %-44s %s MB\n' "  anonymous (Go heap, C heap, stacks)" "$(mbstats "${SERIES[$kind-goanon]}")"
  printf '  %-44s %s MB\n' "  proportional (shared pages split)" "$(mbstats "${SERIES[$kind-gopss]}")"
  printf '  %-44s %s MB\n' "$kind: WebKit processes RSS (sum)" "$(mbstats "${SERIES[$kind-web]}")"
  printf '  %-44s %s MB\n' "  of which WebKitWebProcess" "$(mbstats "${SERIES[$kind-webproc]}")"
done
if [ "$VISIT" = 1 ]; then
  printf '  %-44s %s MB\n' "large, every screen visited: Go RSS" "$(mbstats "${SERIES[go-visit]}")"
  printf '  %-44s %s MB\n' "  anonymous" "$(mbstats "${SERIES[goanon-visit]}")"
  printf '  %-44s %s MB\n' "large, every screen visited: WebKit RSS" "$(mbstats "${SERIES[web-visit]}")"
  printf '  %-44s %s MB\n' "  of which WebKitWebProcess" "$(mbstats "${SERIES[webproc-visit]}")"
  for r in $(seq 2 "$VISIT_ROUNDS"); do
    printf '  %-44s %s MB\n' "  … after $r rounds of visits" "$(mbstats "${SERIES[webproc-visit@$r]}")"
  done
  echo
  echo "Screen switches on the large demo (Alt+N; ms from the route change to the screen settled; 'build' = the old"
  echo "screen torn down and the new one built, before any frame; 'data at' = the last answer of a bound call in that"
  echo "time; elements in the document and rows in <main> after it; 'web MB' = WebKitWebProcess RSS then, the screens"
  echo "visited in this order): median (min–max) over $RUNS runs; target <= 250 ms"
  printf '  %-12s %-18s %-16s %-16s %8s %6s %7s  %s\n' screen "switch ms" "build ms" "data at ms" elements rows "web MB" target
  for name in "${SCREENS_SEEN[@]}"; do
    m=$(median "${SERIES[scr-ms-$name]}")
    printf '  %-12s %-18s %-16s %-16s %8s %6s %7s  %s\n' "$name" "$(stats "${SERIES[scr-ms-$name]}")" "$(stats "${SERIES[scr-render-$name]}")" "$(stats "${SERIES[scr-api-$name]}")" "$(median "${SERIES[scr-nodes-$name]}")" \
      "$(median "${SERIES[scr-rows-$name]}")" "$(mb "$(median "${SERIES[scr-web-$name]}")")" "$(awk -v m="$m" 'BEGIN { print (m <= 250) ? "met" : "NOT met" }')"
  done
fi
echo
log "logs and screenshots in $OUT"
