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
