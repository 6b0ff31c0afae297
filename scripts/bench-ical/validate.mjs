// Reads an iCalendar file with ical.js (Mozilla's parser, the one in
// Thunderbird) and prints what a client sees, as JSON, for the Go tests
// (backend/calendar/icaljs_test.go): calendar name, and per event the UID,
// UTC start and end, status, sequence and summary.
//
//   node validate.mjs FILE
import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';

const text = readFileSync(process.argv[2], 'utf8');
const root = new ICAL.Component(ICAL.parse(text));
const out = { name: root.getFirstPropertyValue('x-wr-calname'), events: [] };
for (const ve of root.getAllSubcomponents('vevent')) {
  const start = ve.getFirstPropertyValue('dtstart');
  const end = ve.getFirstPropertyValue('dtend');
  out.events.push({
    uid: ve.getFirstPropertyValue('uid'),
    start: start.toJSDate().toISOString(),
    end: end.toJSDate().toISOString(),
    utc: start.zone === ICAL.Timezone.utcTimezone && end.zone === ICAL.Timezone.utcTimezone,
    status: ve.getFirstPropertyValue('status'),
    sequence: ve.getFirstPropertyValue('sequence'),
    summary: ve.getFirstPropertyValue('summary'),
    description: ve.getFirstPropertyValue('description'),
    transp: ve.getFirstPropertyValue('transp'),
  });
}
process.stdout.write(JSON.stringify(out));
