#!/usr/bin/env bash
# make bench-ical: the iCalendar benchmarks of issue 3 next to their npm
# peers, in one run on one machine (docs/performance.md). The Go benchmarks
# write the shared inputs (events, a 50,000-event calendar) into out/; each
# round runs Go, then the peers on the same inputs; report.mjs prints the
# medians, the ratios and the targets.
#
#   RUNS=3 PEER_100K=1 scripts/bench-ical/bench.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
runs=${RUNS:-3}
out="$here/out"
rm -rf "$out" && mkdir -p "$out"
cd "$here"
[ -f node_modules/ical.js/package.json ] && [ -f node_modules/node-ical/package.json ] && [ -f node_modules/ical-generator/package.json ] || npm ci --no-audit --no-fund >/dev/null
echo "node $(node --version), $(cd "$root" && go version | cut -d' ' -f3), $(nproc) cores; $runs rounds"
: >"$out/go.txt"; : >"$out/node.jsonl"
for r in $(seq 1 "$runs"); do
  echo "round $r/$runs: Go benchmarks"
  (cd "$root" && WHEELHOUSE_BENCH_OUT="$out" CGO_ENABLED=0 go test ./backend/calendar -run '^$' -bench 'Export|Import50k' -benchtime 3x) >>"$out/go.txt"
  (cd "$root" && CGO_ENABLED=0 go test ./backend/oncall -run '^$' -bench 'YearOfShifts$|YearOfShiftsFromStore' -benchtime 2s) >>"$out/go.txt"
  echo "round $r/$runs: npm peers"
  if [ "$r" -gt "${PEER_100K:-1}" ]; then mv "$out/events-100000.json" "$out/events-100000.json.skip"; fi # ical-generator needs ~80 s for 100k
  node --expose-gc peers.mjs "$out" >>"$out/node.jsonl"
  if [ -f "$out/events-100000.json.skip" ]; then mv "$out/events-100000.json.skip" "$out/events-100000.json"; fi
done
echo
node report.mjs "$out"
