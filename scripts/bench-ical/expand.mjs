// Expands every event of an iCalendar file with ical.js (Mozilla's parser,
// the one in Thunderbird), using the file's own VTIMEZONEs, and prints each
// occurrence's UTC start and end (JSON lines of [uid, start, end]), up to an
// end instant; for the Go tests that compare exporters with an independent
// reading (backend/ics/icstest).
//
//   node expand.mjs FILE UNTIL_ISO
import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';

const text = readFileSync(process.argv[2], 'utf8');
const until = new Date(process.argv[3]);
const root = new ICAL.Component(ICAL.parse(text));
for (const tz of root.getAllSubcomponents('vtimezone')) {
  ICAL.TimezoneService.register(new ICAL.Timezone(tz));
}
const out = { name: root.getFirstPropertyValue('x-wr-calname'), occurrences: [] };
for (const ve of root.getAllSubcomponents('vevent')) {
  const ev = new ICAL.Event(ve);
  if (ve.getFirstPropertyValue('status') === 'CANCELLED') continue;
  if (!ev.isRecurring()) {
    if (ev.startDate.toJSDate() >= until) continue;
    out.occurrences.push([ev.uid, ev.startDate.toJSDate().toISOString(), ev.endDate.toJSDate().toISOString()]);
    continue;
  }
  const it = ev.iterator();
  for (let next = it.next(); next; next = it.next()) {
    if (next.toJSDate() >= until) break;
    const d = ev.getOccurrenceDetails(next);
    out.occurrences.push([ev.uid, d.startDate.toJSDate().toISOString(), d.endDate.toJSDate().toISOString()]);
  }
}
process.stdout.write(JSON.stringify(out));
