package calendar

import (
	"strings"
	"testing"

	"wheelhouse/backend/errs"
)

// A calendar whose events are all skipped is refused with the reason, not
// with "Preview the file first." (issue 12).
func TestApplyAllSkippedSaysWhy(t *testing.T) {
	e := setup(t)
	ics := "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\n" +
		"BEGIN:VEVENT\r\nUID:a@x\r\nSUMMARY:No start\r\nEND:VEVENT\r\n" +
		"BEGIN:VEVENT\r\nUID:b@x\r\nSUMMARY:No start either\r\nEND:VEVENT\r\n" +
		"END:VCALENDAR\r\n"
	p, err := e.cal.Preview(strings.NewReader(ics), Target{Kind: TargetHolidays, RegionID: e.region.ID})
	if err != nil {
		t.Fatalf("preview: %v", err)
	}
	if p.Events == 0 {
		t.Fatalf("preview counts no events: %+v", p)
	}
	_, err = e.cal.Apply(p)
	if !errs.Is(err, errs.Invalid) || strings.Contains(errs.MessageOf(err), "Preview the file first") || !strings.Contains(errs.MessageOf(err), "skipped") {
		t.Fatalf("apply of an all-skipped calendar: %v (%s)", err, errs.MessageOf(err))
	}
	t.Log(errs.MessageOf(err))
}

// A holiday import into a new region whose calendar has only skipped events
// leaves no empty region behind (issue 12; issue 10 covered the broken file
// and too many events).
func TestAllSkippedMakesNoRegion(t *testing.T) {
	e := setup(t)
	e.cal.Regions = e.oc
	ics := "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\n" +
		"BEGIN:VEVENT\r\nUID:a@x\r\nSUMMARY:No start\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
	p, made, err := e.cal.PreviewInto(Source{Text: ics}, Target{Kind: TargetHolidays}, "Atlantis")
	if err == nil {
		_, err = e.cal.Apply(p)
	}
	if err == nil || !errs.Is(err, errs.Invalid) {
		t.Fatalf("all-skipped holiday import accepted: made=%v %v", made, err)
	}
	if got := e.regionNames(t); got != "Germany" {
		t.Fatalf("a refused import left regions %s (%s)", got, errs.MessageOf(err))
	}
}
