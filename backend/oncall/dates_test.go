package oncall_test

import (
	"testing"

	"wheelhouse/backend/errs"
	"wheelhouse/backend/id"
	"wheelhouse/backend/oncall"
)

// On-call dates go through backend/civil (years 1900-2200). Everything the
// area accepted before (1970-2200) still validates, so stored data and old
// workspace files read as they did; years outside the range are refused.
func TestCivilDateRange(t *testing.T) {
	for _, c := range []struct {
		date string
		ok   bool
	}{
		{"1970-01-01", true}, {"2200-12-31", true}, {"1900-01-01", true},
		{"1899-12-31", false}, {"2201-01-01", false}, {"2026-02-30", false},
	} {
		to := oncall.TimeOff{PersonID: id.New(now), Kind: oncall.KindVacation, StartDate: c.date, EndDate: c.date, Source: oncall.SourceManual}
		to.Normalize()
		reg := oncall.Region{Name: "R", Holidays: []oncall.Holiday{{Date: c.date, Name: "H"}}}
		reg.Normalize()
		for what, err := range map[string]error{"time off": to.Validate(), "holiday": reg.Validate()} {
			if got := err == nil; got != c.ok {
				t.Errorf("%s on %s: valid %v, want %v (%v)", what, c.date, got, c.ok, err)
			} else if err != nil && !errs.Is(err, errs.Invalid) {
				t.Errorf("%s on %s: %v", what, c.date, err)
			}
		}
	}
}
