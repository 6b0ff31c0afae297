// Expands the first N occurrences of every recurring event of an iCalendar
// file with ical.js (Mozilla's parser, the one in Thunderbird), using the
// file's own VTIMEZONE, and prints them as UTC instants (JSON), for the Go
// tests of the 1:1 calendar export (backend/oneonone).
//
//   node recur.mjs FILE N
import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';

const text = readFileSync(process.argv[2], 'utf8');
const n = Number(process.argv[3] || 10);
const root = new ICAL.Component(ICAL.parse(text));
for (const tz of root.getAllSubcomponents('vtimezone')) {
  ICAL.TimezoneService.register(new ICAL.Timezone(tz));
}
const out = [];
for (const ve of root.getAllSubcomponents('vevent')) {
  const ev = new ICAL.Event(ve);
  const it = ev.iterator();
  const starts = [];
  for (let next = it.next(); next && starts.length < n; next = it.next()) {
    starts.push(next.toJSDate().toISOString());
  }
  out.push({ uid: ev.uid, summary: ev.summary, zone: ev.startDate.zone.tzid, durationMinutes: ev.duration.toSeconds() / 60, starts });
}
process.stdout.write(JSON.stringify(out));
