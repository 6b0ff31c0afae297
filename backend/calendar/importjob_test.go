package calendar

import (
	"fmt"
	"strings"
	"testing"

	"wheelhouse/backend/errs"
	"wheelhouse/backend/oncall"
)

// regionNames lists the holiday regions by name.
func (e *env) regionNames(t *testing.T) string {
	t.Helper()
	rs, err := e.oc.Regions()
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, r := range rs {
		names = append(names, r.Name)
	}
	return strings.Join(names, ",")
}

// manyHolidays is a calendar of more holidays than a region holds: daily
// rules, each expanded up to the instance limit.
func manyHolidays() string {
	var b strings.Builder
	b.WriteString("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\n")
	for i := 0; i*DefaultLimits.MaxInstances <= oncall.MaxHolidays; i++ {
		fmt.Fprintf(&b, "BEGIN:VEVENT\r\nUID:daily-%d@test\r\nDTSTART;VALUE=DATE:20260101\r\nRRULE:FREQ=DAILY\r\nSUMMARY:Day %d\r\nEND:VEVENT\r\n", i, i)
	}
	b.WriteString("END:VCALENDAR\r\n")
	return b.String()
}

// Holidays into a region by name: an existing one is found; a new one is
// made only for a calendar that is accepted, so a refused import leaves no
// region behind.
func TestPreviewIntoMakesTheRegionOnlyForAnAcceptedCalendar(t *testing.T) {
	e := setup(t)
	e.cal.Regions = e.oc
	good := Source{Text: holidayICS(xmas, boxing)}
	holidays := Target{Kind: TargetHolidays}

	p, made, err := e.cal.PreviewInto(good, holidays, " germany ")
	if err != nil || made || p.Target.RegionID != e.region.ID || p.New != 2 {
		t.Fatalf("into the existing region: %+v made=%v %v", p, made, err)
	}
	for name, src := range map[string]Source{
		"a broken file":          {Text: "garbage"},
		"too many holidays":      {Text: manyHolidays()},
		"a file that is missing": {Path: t.TempDir() + "/missing.ics"},
	} {
		if _, made, err := e.cal.PreviewInto(src, holidays, "Bavaria"); !errs.Is(err, errs.Invalid) || made {
			t.Fatalf("%s: made=%v %v", name, made, err)
		}
		if got := e.regionNames(t); got != "Germany" {
			t.Fatalf("%s left regions %s", name, got)
		}
	}
	_, _, err = e.cal.PreviewInto(good, holidays, strings.Repeat("x", oncall.MaxName+1))
	if fs := errs.FieldsOf(err); len(fs) != 1 || fs[0].Field != "regionName" || e.regionNames(t) != "Germany" {
		t.Fatalf("a name too long: %v, regions %s", err, e.regionNames(t))
	}

	p, made, err = e.cal.PreviewInto(good, holidays, "Bavaria")
	if err != nil || !made || p.TargetName != "Bavaria" || p.New != 2 {
		t.Fatalf("into a new region: %+v made=%v %v", p, made, err)
	}
	if res, err := e.cal.Apply(p); err != nil || res.Added != 2 {
		t.Fatalf("apply: %+v %v", res, err)
	}
	// A region id, or time off, ignores the name.
	if p, made, err := e.cal.PreviewInto(good, Target{Kind: TargetHolidays, RegionID: e.region.ID}, "Saxony"); err != nil || made || p.TargetName != "Germany" {
		t.Fatalf("with a region id: %+v made=%v %v", p, made, err)
	}
	if _, made, err := e.cal.PreviewInto(good, Target{Kind: TargetTimeOff, PersonID: e.people[0].ID}, "Saxony"); err != nil || made {
		t.Fatalf("time off: made=%v %v", made, err)
	}
	if got := e.regionNames(t); got != "Bavaria,Germany" && got != "Germany,Bavaria" {
		t.Fatalf("regions %s", got)
	}
}

// A new holiday subscription into a region by name: the region is made only
// for a subscription that is saved.
func TestSaveSubscriptionIntoMakesTheRegionOnlyForASavedSubscription(t *testing.T) {
	e := setup(t)
	e.cal.Regions = e.oc
	holidays := Target{Kind: TargetHolidays}
	_, err := e.cal.SaveSubscriptionInto(Subscription{URL: "ftp://example.com/h.ics", Target: holidays}, "Bavaria")
	if !errs.Is(err, errs.Invalid) || e.regionNames(t) != "Germany" {
		t.Fatalf("a refused subscription: %v, regions %s", err, e.regionNames(t))
	}
	sub, err := e.cal.SaveSubscriptionInto(Subscription{URL: "https://example.com/h.ics", Target: holidays}, "Bavaria")
	if err != nil || sub.Target.RegionID.IsZero() || sub.Target.RegionID == e.region.ID {
		t.Fatalf("saved: %+v %v", sub, err)
	}
	again, err := e.cal.SaveSubscriptionInto(Subscription{URL: "https://example.com/other.ics", Target: holidays}, "bavaria")
	if err != nil || again.Target.RegionID != sub.Target.RegionID {
		t.Fatalf("into the region made before: %+v %v", again, err)
	}
}
