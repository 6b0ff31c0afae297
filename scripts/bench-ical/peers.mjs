// The npm peers of `make bench-ical`: ical-generator 10.2.0 writes the same
// events Wheelhouse exports (events-N.json), node-ical 0.26.1 parses the
// same 50,000-event calendar Wheelhouse imports (import-50k.ics). Both
// inputs are written by the Go benchmarks (WHEELHOUSE_BENCH_OUT). One JSON
// line per measurement on stdout.
//
//   node --expose-gc peers.mjs OUT_DIR
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import ical, { ICalEventStatus, ICalEventTransparency } from 'ical-generator';
import nodeIcal from 'node-ical';

const dir = process.argv[2];
const gc = globalThis.gc ?? (() => {});
const report = (o) => process.stdout.write(JSON.stringify(o) + '\n');

for (const n of [10000, 100000]) {
  const file = join(dir, `events-${n}.json`);
  if (!existsSync(file)) continue;
  const evs = JSON.parse(readFileSync(file, 'utf8')).map((e) => ({
    id: e.UID, summary: e.Summary, description: e.Description, sequence: e.Sequence,
    start: new Date(e.Start), end: new Date(e.End), lastModified: new Date(e.LastModified),
    status: ICalEventStatus.CONFIRMED, transparency: ICalEventTransparency.TRANSPARENT,
  }));
  const stamp = new Date('2026-11-23T09:00:00Z');
  gc();
  const t0 = process.hrtime.bigint();
  const cal = ical({ name: 'On call: team', prodId: '//Wheelhouse//bench//EN' });
  for (const e of evs) cal.createEvent({ ...e, stamp, timezone: null });
  const text = cal.toString();
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  report({ peer: 'ical-generator', version: '10.2.0', what: `export-${n / 1000}k`, events: n, seconds: secs, eventsPerSec: n / secs, bytes: Buffer.byteLength(text) });
}

const icsFile = join(dir, 'import-50k.ics');
if (existsSync(icsFile)) {
  const text = readFileSync(icsFile, 'utf8');
  const bytes = Buffer.byteLength(text);
  gc();
  const before = process.memoryUsage();
  let peakHeap = before.heapUsed;
  let peakRss = before.rss;
  const t0 = process.hrtime.bigint();
  const parsed = nodeIcal.sync.parseICS(text);
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  const after = process.memoryUsage();
  peakHeap = Math.max(peakHeap, after.heapUsed);
  peakRss = Math.max(peakRss, after.rss);
  const events = Object.values(parsed).filter((v) => v.type === 'VEVENT').length;
  report({
    peer: 'node-ical', version: '0.26.1', what: 'import-50k', events, seconds: secs, eventsPerSec: events / secs, fileBytes: bytes,
    // The heap still holding the parsed result (a lower bound of the peak) and the process RSS growth.
    heapAfterMB: (peakHeap - before.heapUsed) / 2 ** 20, rssGrowthMB: (peakRss - before.rss) / 2 ** 20,
    heapPerFile: (peakHeap - before.heapUsed) / bytes,
  });
}
