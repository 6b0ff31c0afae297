#!/usr/bin/python3
"""Expands every event of an iCalendar file with python3-icalendar (a second
parser, independent of ical.js and of Wheelhouse) and dateutil's rrule, and
prints each occurrence's UTC start and end as JSON, up to an end instant; for
the Go tests that compare exporters with independent readings
(backend/ics/icstest).

    python3 expand.py FILE UNTIL_ISO

python3-icalendar resolves a TZID by its IANA name (pytz; the file's
VTIMEZONE is used only for names it does not know) and does not expand
RRULEs: they are expanded here in the event's wall-clock time, as
recurring-ical-events does, then each occurrence is placed in the zone.
"""
import json
import sys
from datetime import datetime, timedelta, timezone

import icalendar
from dateutil import rrule

path, until_s = sys.argv[1], sys.argv[2]
until = datetime.fromisoformat(until_s.replace("Z", "+00:00"))
cal = icalendar.Calendar.from_ical(open(path, "rb").read())
name = cal.get("X-WR-CALNAME")
out = {"name": str(name) if name is not None else None, "occurrences": []}


def iso(dt):
    return dt.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.000Z")


for ev in cal.walk("VEVENT"):
    if str(ev.get("STATUS", "")) == "CANCELLED":
        continue
    uid = str(ev.get("UID"))
    start = ev.decoded("DTSTART")
    if "DTEND" in ev:
        length = ev.decoded("DTEND") - start
    else:
        length = ev.decoded("DURATION")
    if "RRULE" not in ev:
        if start < until:
            out["occurrences"].append([uid, iso(start), iso(start + length)])
        continue
    tz = start.tzinfo
    local = start.replace(tzinfo=None)
    rule = rrule.rrulestr(ev["RRULE"].to_ical().decode(), dtstart=local)
    ex = set()
    exd = ev.get("EXDATE")
    if exd is not None:
        for lst in exd if isinstance(exd, list) else [exd]:
            for d in lst.dts:
                ex.add(d.dt.replace(tzinfo=None))
    for occ in rule:
        at = tz.localize(occ) if hasattr(tz, "localize") else occ.replace(tzinfo=tz)
        if at >= until:
            break
        if occ in ex:
            continue
        out["occurrences"].append([uid, iso(at), iso(at + length)])
json.dump(out, sys.stdout)
