// Prints the table of `make bench-ical` from the Go benchmark output
// (OUT/go.txt) and the npm peers' measurements (OUT/node.jsonl): medians
// over the runs, the range, the ratios and the targets of issue 3.
//
//   node report.mjs OUT_DIR
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
const go = {};
for (const line of readFileSync(join(dir, 'go.txt'), 'utf8').split('\n')) {
  const m = line.match(/^Benchmark(\S+?)-\d+\s+\d+\s+(.*)$/);
  if (!m) continue;
  const vals = {};
  const parts = m[2].trim().split(/\s+/);
  for (let i = 0; i + 1 < parts.length; i += 2) vals[parts[i + 1]] = Number(parts[i]);
  (go[m[1]] ??= []).push(vals);
}
const node = {};
for (const line of readFileSync(join(dir, 'node.jsonl'), 'utf8').split('\n')) {
  if (!line.trim()) continue;
  const o = JSON.parse(line);
  (node[`${o.peer}/${o.what}`] ??= []).push(o);
}
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const n = s.length; return n ? (n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2) : NaN; };
const goMetric = (name, unit) => (go[name] ?? []).map((v) => v[unit]).filter((x) => x !== undefined);
const nodeMetric = (name, key) => (node[name] ?? []).map((o) => o[key]);
const fmt = (x, d = 1) => (Number.isFinite(x) ? x.toLocaleString('en-US', { maximumFractionDigits: d }) : 'n/a');
const range = (xs, d = 1) => (xs.length ? `${fmt(Math.min(...xs), d)}–${fmt(Math.max(...xs), d)}` : 'n/a');

const rows = [];
const verdicts = [];
const check = (what, ok, detail) => verdicts.push(`${ok ? 'MET   ' : 'MISSED'} ${what}: ${detail}`);

// A year of shifts.
const shifts = goMetric('YearOfShifts', 'ns/op').map((x) => x / 1e6);
rows.push(['a year of shifts, 20 rotations (large demo)', `${fmt(median(shifts), 2)} ms`, range(shifts, 2) + ' ms', '', '']);
check('a year of shifts < 5 ms', median(shifts) < 5, `${fmt(median(shifts), 2)} ms (median of ${shifts.length})`);
const fromStore = goMetric('YearOfShiftsFromStore', 'ns/op').map((x) => x / 1e6);
if (fromStore.length) rows.push(['  … with the load from Badger', `${fmt(median(fromStore), 2)} ms`, range(fromStore, 2) + ' ms', '', '']);

// Export.
for (const k of ['10k', '100k']) {
  const ours = goMetric(`Export/${k}/wheelhouse`, 'ns/op').map((x) => x / 1e6);
  const gi = goMetric(`Export/${k}/go-ical`, 'ns/op').map((x) => x / 1e6);
  const oursEps = goMetric(`Export/${k}/wheelhouse`, 'events/s');
  const gen = nodeMetric(`ical-generator/export-${k}`, 'eventsPerSec');
  const t = median(ours) / median(gi);
  const x = median(oursEps) / median(gen);
  rows.push([`export ${k} events: Wheelhouse`, `${fmt(median(ours))} ms`, range(ours) + ' ms', `${fmt(median(oursEps), 0)} ev/s`, '']);
  rows.push([`  go-ical (build + encode, no folding)`, `${fmt(median(gi))} ms`, range(gi) + ' ms', `${fmt(median(goMetric(`Export/${k}/go-ical`, 'events/s')), 0)} ev/s`, `ours ${fmt(t, 2)}x its time`]);
  rows.push([`  ical-generator 10.2.0 (node)`, `${fmt(median(nodeMetric(`ical-generator/export-${k}`, 'seconds')) * 1000)} ms`,
    range(nodeMetric(`ical-generator/export-${k}`, 'seconds').map((s) => s * 1000)) + ' ms', `${fmt(median(gen), 0)} ev/s`, `ours ${fmt(x, 0)}x its throughput`]);
  check(`export ${k} ≤ 1.3x go-ical's time`, t <= 1.3, `${fmt(t, 2)}x`);
  check(`export ${k} ≥ 25x ical-generator's throughput`, x >= 25, `${fmt(x, 0)}x`);
}

// Import.
const imp = goMetric('Import50k/wheelhouse', 'events/s');
const impPeak = goMetric('Import50k/wheelhouse', 'peak/file');
const impMB = goMetric('Import50k/wheelhouse', 'peak-heap-MB');
const fileMB = median(goMetric('Import50k/wheelhouse', 'file-MB'));
const gi = goMetric('Import50k/go-ical', 'events/s');
const giPeak = goMetric('Import50k/go-ical', 'peak/file');
const ni = nodeMetric('node-ical/import-50k', 'eventsPerSec');
const niHeap = nodeMetric('node-ical/import-50k', 'heapPerFile');
rows.push([`import 50k events (${fmt(fileMB)} MB): Wheelhouse`, `${fmt(50000 / median(imp) * 1000)} ms`, '', `${fmt(median(imp), 0)} ev/s`, `peak heap ${fmt(median(impMB))} MB = ${fmt(median(impPeak), 2)}x file (${range(impPeak, 2)})`]);
rows.push([`  go-ical decoder`, `${fmt(50000 / median(gi) * 1000)} ms`, '', `${fmt(median(gi), 0)} ev/s`, `peak heap ${fmt(median(giPeak), 2)}x file`]);
rows.push([`  node-ical 0.26.1 (node)`, `${fmt(median(nodeMetric('node-ical/import-50k', 'seconds')) * 1000)} ms`, '', `${fmt(median(ni), 0)} ev/s`, `heap after ${fmt(median(niHeap), 1)}x file`]);
const ix = median(imp) / median(ni);
check('import ≥ 3x node-ical\'s throughput', ix >= 3, `${fmt(ix, 1)}x`);
check('import peak heap ≤ 4x the file', median(impPeak) <= 4, `${fmt(median(impPeak), 2)}x (worst run ${fmt(Math.max(...impPeak), 2)}x)`);

const widths = [0, 1, 2, 3, 4].map((i) => Math.max(...rows.map((r) => String(r[i]).length)));
console.log(rows.map((r) => r.map((c, i) => String(c).padEnd(widths[i])).join('  ').trimEnd()).join('\n'));
console.log('');
console.log(verdicts.join('\n'));
