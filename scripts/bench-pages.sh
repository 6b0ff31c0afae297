#!/usr/bin/env bash
# Issue 11: importing paging history, next to pandas, in one run on one
# machine (docs/performance.md, "Issue 11 — importing pages").
#
#   ROWS=1000000 RUNS=3 bash scripts/bench-pages.sh
#
# Writes a deterministic PagerDuty-style export (pages.Generate, seed 11),
# then, each round: Wheelhouse's streaming parse + per-person aggregation
# (pages, median seconds to first ack, by acknowledging user) and pandas'
# read_csv + the same groupby, alternately; then the whole import into a
# fresh workspace (two passes, Badger writes, SyncWrites on) and a re-import
# of the same file (every page unchanged). Prints the medians, the ratio and
# the peak resident memory of each process (VmHWM / ru_maxrss).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
rows=${ROWS:-1000000}
runs=${RUNS:-3}
if ! command -v go >/dev/null 2>&1 && [ -x /usr/local/go/bin/go ]; then PATH="$PATH:/usr/local/go/bin"; fi
py=/usr/bin/python3 # Debian's python3 with python3-pandas (scripts/setup.sh)
"$py" -c 'import pandas' 2>/dev/null || { echo "bench-pages: pandas missing: apt-get install python3-pandas (make setup)" >&2; exit 1; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
(cd "$root" && CGO_ENABLED=0 go build -o "$out/bench-pages" ./scripts/bench-pages)
csv="$out/pages.csv"
"$out/bench-pages" gen "$rows" "$csv"
echo "$(cd "$root" && go version | cut -d' ' -f3), pandas $("$py" -c 'import pandas; print(pandas.__version__)'), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "input: $rows rows, $(( $(stat -c %s "$csv") / 1000000 )) MB, sha256 $(sha256sum "$csv" | cut -c1-16)…; $runs rounds"
: >"$out/results.txt"
for r in $(seq 1 "$runs"); do
  "$out/bench-pages" agg "$csv" | tee -a "$out/results.txt"
  "$py" "$root/scripts/bench-pages/pandas_agg.py" "$csv" | tee -a "$out/results.txt"
  rm -rf "$out/ws"
  "$out/bench-pages" import "$csv" "$out/ws" | tee -a "$out/results.txt"
  "$out/bench-pages" reimport "$csv" "$out/ws" | tee -a "$out/results.txt"
done
echo
"$py" - "$out/results.txt" "$rows" <<'PY'
import statistics, sys
runs = {}
for line in open(sys.argv[1]):
    name, *kv = line.split()
    d = dict(x.split("=", 1) for x in kv)
    runs.setdefault(name, []).append(d)
rows = int(sys.argv[2])
def med(name, key):
    return statistics.median(float(d[key]) for d in runs[name])
check = {n: (runs[n][0]["people"], runs[n][0]["pages"], runs[n][0]["mediansum"]) for n in ("go-agg", "pandas-agg")}
print("same answer (people, pages, sum of medians): %s %s" % ("yes" if check["go-agg"] == check["pandas-agg"] else "NO", check["go-agg"]))
print("%-44s %10s %12s %9s" % ("run (median of %d)" % len(runs["go-agg"]), "seconds", "rows/s", "peak MB"))
for name, label in (("go-agg", "Wheelhouse: parse + per-person aggregation"), ("pandas-agg", "pandas: read_csv + the same groupby"),
                    ("go-import", "Wheelhouse: import into Badger"), ("go-reimport", "Wheelhouse: re-import, all unchanged")):
    s = med(name, "seconds")
    print("%-44s %10.2f %12.0f %9.0f" % (label, s, rows / s, med(name, "peak_mb")))
ratio = med("pandas-agg", "seconds") / med("go-agg", "seconds")
mem = med("pandas-agg", "peak_mb") / med("go-agg", "peak_mb")
imp = rows / med("go-import", "seconds")
print()
print("throughput vs pandas: %.2fx (target >= 1x) %s" % (ratio, "ok" if ratio >= 1 else "MISSED"))
print("peak memory: pandas %.0fx Wheelhouse's (target: Wheelhouse lower) %s" % (mem, "ok" if mem > 1 else "MISSED"))
print("import: %.0f rows/s (target >= 50,000) %s" % (imp, "ok" if imp >= 50000 else "MISSED"))
PY
