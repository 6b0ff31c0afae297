package workspace_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"wheelhouse/backend/demo"
	"wheelhouse/backend/errs"
	"wheelhouse/backend/id"
	"wheelhouse/backend/oncall"
	"wheelhouse/backend/workspace"
)

// The demo's on-call data survives export and import, and computes.
func TestOnCallInTheWorkspaceFile(t *testing.T) {
	for _, c := range []struct {
		size                      demo.Size
		rotations, regions, swaps int
	}{{demo.Small, 1, 4, 0}, {demo.Large, demo.LargeRotations, 5, demo.LargeRotations * (demo.LargeYears*4 - 1)}} {
		s := demo.Generate(c.size, now)
		d := s.OnCall
		if len(d.Rotations) != c.rotations || len(d.Regions) != c.regions || len(d.Swaps) != c.swaps || len(d.TimeOff) == 0 || len(d.Overrides) == 0 {
			t.Fatalf("%s: %d rotations, %d regions, %d swaps, %d time off, %d overrides", c.size,
				len(d.Rotations), len(d.Regions), len(d.Swaps), len(d.TimeOff), len(d.Overrides))
		}
		dir := t.TempDir()
		if _, err := workspace.ImportFolder(dir, s, false, opts); err != nil {
			t.Fatalf("%s: %v", c.size, err)
		}
		w := open(t, dir)
		got, err := w.Load()
		if err != nil {
			t.Fatal(err)
		}
		if len(got.OnCall.Rotations) != c.rotations || len(got.OnCall.TimeOff) != len(d.TimeOff) || len(got.OnCall.Overrides) != len(d.Overrides) {
			t.Fatalf("%s after import: %d rotations, %d time off, %d overrides", c.size, len(got.OnCall.Rotations), len(got.OnCall.TimeOff), len(got.OnCall.Overrides))
		}
		shifts, err := w.OnCall.AllShifts(now, now.AddDate(0, 1, 0))
		if err != nil || len(shifts) == 0 {
			t.Fatalf("%s: %d shifts, %v", c.size, len(shifts), err)
		}
	}
}

// A file from before on-call (no "oncall") imports with defaults.
func TestOnCallAbsentInOlderFiles(t *testing.T) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	s := demo.Generate(demo.Small, now)
	s.OnCall = oncall.Data{}
	enc.Encode(s)
	raw := strings.Replace(b.String(), `,"oncall":{"settings":{"compensation":{"mode":"","weekdayRate":0,"weekendRate":0,"holidayRate":0,"timeOffRatio":0},"gapWarningDays":0,"fairnessSpreadLimit":0,"pagesPerDayLimit":0},"rotations":null,"regions":null,"timeOff":null,"overrides":null,"swaps":null}`, "", 1)
	if strings.Contains(raw, `"oncall"`) {
		t.Fatalf("the file still has oncall: %s", raw[len(raw)-300:])
	}
	got, err := workspace.Parse(strings.NewReader(raw), now)
	if err != nil {
		t.Fatal(err)
	}
	if got.OnCall.Settings.GapWarningDays != 14 || got.OnCall.Settings.PagesPerDayLimit != oncall.DefaultPagesPerDayLimit || got.OnCall.Settings.Compensation.Mode != oncall.CompensationNone || got.OnCall.Rotations == nil {
		t.Fatalf("defaults %+v", got.OnCall)
	}
}

func TestOnCallProblemsAreLocated(t *testing.T) {
	s := demo.Generate(demo.Small, now)
	d := &s.OnCall
	d.Rotations[0].TimeZone = "Mars/Olympus"
	d.Rotations[0].Participants = append(d.Rotations[0].Participants, d.Rotations[0].ID) // not a person
	d.TimeOff[0].EndDate = "2020-01-01"
	o := d.Overrides[0]
	o.ID = id.New(now)
	d.Overrides = append(d.Overrides, o) // overlaps the first
	d.Regions[1].MemberIDs = append(d.Regions[1].MemberIDs, d.Regions[0].MemberIDs[0])
	var b bytes.Buffer
	json.NewEncoder(&b).Encode(s)
	_, err := workspace.Parse(&b, now)
	msg := errs.MessageOf(err)
	for _, want := range []string{
		`oncall.rotations[0] "Payments on-call" timezone: "Mars/Olympus" is not a known time zone`,
		`oncall.rotations[0] "Payments on-call" participants[8]: no person has id`,
		`oncall.timeOff[0] endDate: The last day (2020-01-01) is before the first`,
		`oncall.overrides[1]: overlaps override`,
		`is also in the region Germany`,
	} {
		if !strings.Contains(msg, want) {
			t.Errorf("message lacks %q:\n%s", want, msg)
		}
	}
	_ = time.UTC
}
