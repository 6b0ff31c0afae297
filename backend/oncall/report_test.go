package oncall

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"

	"wheelhouse/backend/id"
)

func gaps(gs []Gap) string {
	var b strings.Builder
	for _, g := range gs {
		fmt.Fprintf(&b, "%s %s %s %s unstaffed=%v\n", g.Schedule, g.Requirement, g.Start.UTC().Format("2006-01-02T15:04Z"), g.End.Sub(g.Start), g.Unstaffed)
	}
	return b.String()
}

func TestCoverageAcrossLayers(t *testing.T) {
	primary := rotation("UTC", 1, Weeks, "09:00", "2026-01-05", 1, 2)
	primary.ScheduleName = "Payments"
	secondary := rotation("UTC", 1, Weeks, "09:00", "2026-01-05", 3)
	secondary.ID, secondary.Name, secondary.ScheduleName, secondary.Layer = id.ID{0: 3, 15: 2}, "Secondary", "payments", 2
	secondary.RequiredCoverage = CoverageNone
	secondary.Restriction = &Restriction{Weekdays: []string{"mon", "tue", "wed", "thu", "fri"}, Start: "09:00", End: "17:00"}
	s := &Snapshot{Rotations: []Rotation{primary, secondary}, People: team(3, "UTC"),
		TimeOff: []TimeOff{
			{PersonID: pid(1), Kind: KindVacation, StartDate: "2026-01-12", EndDate: "2026-01-13"},
			{PersonID: pid(2), Kind: KindVacation, StartDate: "2026-01-13", EndDate: "2026-01-14"},
		}}
	// Slot 1 (Jan 12-19, B's turn): B and A are both away → unstaffed; the
	// secondary covers business hours only.
	got := CoverageGaps(s, utc("2026-01-01T00:00:00Z"), utc("2026-01-20T00:00:00Z"))
	check(t, gaps(got), `
Payments 24x7 2026-01-12T17:00Z 16h0m0s unstaffed=true
Payments 24x7 2026-01-13T17:00Z 16h0m0s unstaffed=true
Payments 24x7 2026-01-14T17:00Z 16h0m0s unstaffed=true
Payments 24x7 2026-01-15T17:00Z 16h0m0s unstaffed=true
Payments 24x7 2026-01-16T17:00Z 64h0m0s unstaffed=true`)
}

func TestCoverageBusinessHours(t *testing.T) {
	r := rotation("America/New_York", 1, Weeks, "09:00", "2026-03-02", 1)
	r.RequiredCoverage = CoverageBusinessHours
	r.Restriction = &Restriction{Weekdays: []string{"mon", "tue", "wed"}, Start: "08:00", End: "18:00"}
	s := &Snapshot{Rotations: []Rotation{r}, People: team(1, "UTC")}
	// Thursday and Friday 09-17 New York time are not covered; the DST
	// change on Sunday 8 March moves them from 14:00Z to 13:00Z.
	check(t, gaps(CoverageGaps(s, utc("2026-03-02T00:00:00Z"), utc("2026-03-14T00:00:00Z"))), `
Primary business_hours 2026-03-05T14:00Z 8h0m0s unstaffed=false
Primary business_hours 2026-03-06T14:00Z 8h0m0s unstaffed=false
Primary business_hours 2026-03-12T13:00Z 8h0m0s unstaffed=false
Primary business_hours 2026-03-13T13:00Z 8h0m0s unstaffed=false`)
	// Before the first handoff nothing is required.
	if g := CoverageGaps(s, utc("2026-01-01T00:00:00Z"), utc("2026-03-02T14:00:00Z")); len(g) != 0 {
		t.Errorf("gaps before the rotation starts: %s", gaps(g))
	}
}

// A turn across two calendar weeks of the window counts once: two people
// taking weekly turns are each on call half the time, whatever weekday the
// window starts on, and daily turns count a seventh of a week each.
func TestFairnessFrequencyIsTurnsNotCalendarWeeks(t *testing.T) {
	weekly := rotation("UTC", 1, Weeks, "09:00", "2026-01-05", 1, 2)
	s := &Snapshot{Rotations: []Rotation{weekly}, People: team(2, "UTC")}
	rep := Fairness(s, utc("2026-01-07T15:00:00Z"), utc("2026-04-01T15:00:00Z")) // 12 weeks from a Wednesday afternoon
	for _, r := range rep.Rows {
		if r.Weeks != 12 || r.WeeksOnCall != 6 || r.Frequency != 0.5 || !r.TooFrequent {
			t.Errorf("weekly turns of two: %+v", r)
		}
	}
	daily := rotation("UTC", 1, Days, "09:00", "2026-01-05", 1, 2, 3, 4, 5, 6, 7)
	s = &Snapshot{Rotations: []Rotation{daily}, People: team(7, "UTC")}
	rep = Fairness(s, utc("2026-01-05T09:00:00Z"), utc("2026-03-02T09:00:00Z")) // 8 weeks
	for _, r := range rep.Rows {
		if r.WeeksOnCall != 1.1 || r.TooFrequent { // 8 days of a day each: 8/7 weeks
			t.Errorf("daily turns of seven: %+v", r)
		}
	}
}

func TestFairness(t *testing.T) {
	r := rotation("UTC", 1, Weeks, "00:00", "2026-01-05", 1, 2, 3)
	s := &Snapshot{Rotations: []Rotation{r}, People: team(3, "UTC"),
		Regions: []Region{{Name: "DE", MemberIDs: []id.ID{pid(1)}, Holidays: []Holiday{{Date: "2026-01-07", Name: "Wednesday off"}}}},
		// C and A are away a day in the first two turns, so fair cover has
		// one choice each time: B for A, then C for B (C's turn comes next).
		TimeOff: []TimeOff{{PersonID: pid(2), Kind: KindSick, StartDate: "2026-01-13", EndDate: "2026-01-13"},
			{PersonID: pid(3), Kind: KindVacation, StartDate: "2026-01-06", EndDate: "2026-01-06"},
			{PersonID: pid(1), Kind: KindVacation, StartDate: "2026-01-14", EndDate: "2026-01-14"}},
		// A's holiday makes B take slot 0, but A volunteers for the holiday itself.
		Overrides: []Override{{RotationID: rid, PersonID: pid(1), Start: utc("2026-01-07T00:00:00Z"), End: utc("2026-01-08T00:00:00Z")}},
	}
	rep := Fairness(s, utc("2026-01-05T00:00:00Z"), utc("2026-03-02T00:00:00Z")) // 8 weeks
	rows := map[string]FairnessRow{}
	for _, r := range rep.Rows {
		rows[r.Name] = r
	}
	a, b, c := rows["A"], rows["B"], rows["C"]
	// Turns: B (for A, with A's override on the holiday), C (for B), C, A, B, C, A, B.
	if a.Shifts != 3 || b.Shifts != 3 || c.Shifts != 3 || a.Overrides != 1 {
		t.Fatalf("turns %d %d %d", a.Shifts, b.Shifts, c.Shifts)
	}
	if a.Hours != 360 || a.WeekendHours != 96 || a.NightHours != 135 || a.HolidayHours != 24 {
		t.Errorf("A: %+v", a)
	}
	if b.Hours != 480 || c.Hours != 504 || rep.Rows[0].Name != "C" {
		t.Errorf("hours B %v C %v, first row %s", b.Hours, c.Hours, rep.Rows[0].Name)
	}
	// A held two whole weekly turns and one day of B's turn (the override):
	// 2 + 1/7 weeks of turns.
	if a.WeeksOnCall != 2.1 || a.Weeks != 8 || a.Frequency != 0.268 || !a.TooFrequent {
		t.Errorf("A frequency: %+v", a)
	}
	if a.Owes != 1 || b.Owes != 1 || b.Owed != 1 || c.Owed != 1 || len(rep.Ledger) != 2 {
		t.Errorf("ledger: %+v", rep.Ledger)
	}
	if len(rep.Warnings) != 4 || !strings.Contains(rep.Warnings[0], "A is on call in 2.1 of 8 weeks") {
		t.Errorf("warnings %q", rep.Warnings)
	}
	// C covers B's sick week, then takes their own: two weeks without a break.
	if !c.LongStretch || c.LongestStretch != 336 || a.LongStretch || b.LongStretch ||
		rep.Warnings[3] != "C is on call 14 days straight (Mon 12 Jan 00:00 to Mon 26 Jan 00:00): longer than one turn." {
		t.Errorf("stretch: C %v/%v A %v B %v, %q", c.LongStretch, c.LongestStretch, a.LongStretch, b.LongStretch, rep.Warnings)
	}
	if a.Heavier || b.Heavier || c.Heavier {
		t.Errorf("360/480/504 h is not uneven: %v %v %v", a.Heavier, b.Heavier, c.Heavier)
	}
	// A person in Tokyo sees nights and weekends in Tokyo time.
	s.People[pid(1)] = PersonInfo{Name: "A", TimeZone: "Asia/Tokyo"}
	s2 := &Snapshot{Rotations: s.Rotations, People: s.People}
	rep = Fairness(s2, utc("2026-01-05T00:00:00Z"), utc("2026-01-12T00:00:00Z"))
	if rep.Rows[0].Name != "A" || rep.Rows[0].NightHours != 63 || rep.Rows[0].WeekendHours != 48 {
		t.Errorf("Tokyo week %+v", rep.Rows[0])
	}
}

func TestCompensationAndCSV(t *testing.T) {
	r := rotation("UTC", 1, Weeks, "00:00", "2025-12-29", 1)
	s := &Snapshot{Rotations: []Rotation{r}, People: map[id.ID]PersonInfo{pid(1): {Name: `=Ada "the pager", Jr.`, TimeZone: "UTC"}},
		Regions:  []Region{{Name: "X", MemberIDs: []id.ID{pid(1)}, Holidays: []Holiday{{Date: "2026-01-01", Name: "New Year"}, {Date: "2026-01-03", Name: "Saturday holiday"}}}},
		Settings: Settings{Compensation: Compensation{Mode: CompensationPay, Currency: "EUR", WeekdayRate: 2, WeekendRate: 4, HolidayRate: 6}},
		// Holidays make Ada unavailable; she covers the month by override.
		Overrides: []Override{{RotationID: rid, PersonID: pid(1), Start: utc("2026-01-01T00:00:00Z"), End: utc("2026-02-01T00:00:00Z")}},
	}
	rep, err := MonthlyCompensation(s, "2026-01")
	if err != nil {
		t.Fatal(err)
	}
	row := rep.Rows[0]
	// January: 744 h; weekends 9 days (one of them a holiday), holidays 2 days.
	if row.TotalHours != 744 || row.HolidayHours != 48 || row.WeekendHours != 192 || row.WeekdayHours != 504 || row.Amount != 504*2+192*4+48*6 || rep.Total != row.Amount {
		t.Fatalf("%+v total %v", row, rep.Total)
	}
	var b bytes.Buffer
	if err := WriteCompensationCSV(&b, rep); err != nil {
		t.Fatal(err)
	}
	want := "month,person,region,currency,hours,weekday_hours,weekend_hours,holiday_hours,overlap_hours,turns,on_call_days,hourly_pay,stipends,total,time_off_hours,note\r\n" +
		"2026-01,\"'=Ada \"\"the pager\"\", Jr.\",X,EUR,744.00,504.00,192.00,48.00,0.00,4.43,31,2064.00,0.00,2064.00,0.00," +
		"504 weekday h × 2.00 = 1008.00; 192 weekend h × 4.00 = 768.00; 48 holiday h × 6.00 = 288.00\r\n"
	if b.String() != want {
		t.Errorf("csv:\n%q\nwant\n%q", b.String(), want)
	}
	// Time off in lieu, and the month in the person's own zone.
	s2 := &Snapshot{Rotations: s.Rotations, People: map[id.ID]PersonInfo{pid(1): {Name: "A", TimeZone: "Europe/Berlin"}}, Overrides: s.Overrides,
		Settings: Settings{Compensation: Compensation{Mode: CompensationTimeOff, TimeOffRatio: 0.1}}}
	rep, _ = MonthlyCompensation(s2, "2026-01")
	if rep.Rows[0].TotalHours != 744 || rep.Rows[0].TimeOffHours != 74.4 || rep.Rows[0].Amount != 0 {
		t.Errorf("time off: %+v", rep.Rows[0])
	}
	if _, err := MonthlyCompensation(s, "January"); err == nil {
		t.Error("bad month accepted")
	}
	_ = time.UTC
}

// An uneven load is flagged (423 h against 168 h), an even one is not, and a
// turn that is long by design (two weeks) is not a "long stretch".
func TestFairnessFlagsUnevenLoadAndLongStretches(t *testing.T) {
	r := rotation("UTC", 2, Weeks, "09:00", "2026-01-05", 1, 2)
	// A covers the first ten days of B's turn by override.
	s := &Snapshot{Rotations: []Rotation{r}, People: team(2, "UTC"),
		Overrides: []Override{{RotationID: rid, PersonID: pid(1), Start: utc("2026-01-19T09:00:00Z"), End: utc("2026-01-29T12:00:00Z")}}}
	rep := Fairness(s, utc("2026-01-05T09:00:00Z"), utc("2026-02-02T09:00:00Z"))
	rows := map[string]FairnessRow{}
	for _, x := range rep.Rows {
		rows[x.Name] = x
	}
	a, b := rows["A"], rows["B"]
	if a.Hours != 579 || b.Hours != 93 || !a.Heavier || b.Heavier {
		t.Fatalf("A %v h heavier=%v, B %v h heavier=%v", a.Hours, a.Heavier, b.Hours, b.Heavier)
	}
	// A: her own two weeks, then ten days of B's: 24 days straight, longer than a two-week turn.
	if !a.LongStretch || a.LongestStretch != 579 {
		t.Errorf("A stretch %v %v", a.LongStretch, a.LongestStretch)
	}
	joined := strings.Join(rep.Warnings, "\n")
	if !strings.Contains(joined, "A has 579 h on call, 6.2 times the others' median of 93 h.") || !strings.Contains(joined, "A is on call 24 days 3 h straight") {
		t.Errorf("warnings %q", rep.Warnings)
	}

	// Plain two-week turns: nobody heavier, no long stretch.
	s = &Snapshot{Rotations: []Rotation{r}, People: team(2, "UTC")}
	rep = Fairness(s, utc("2026-01-05T09:00:00Z"), utc("2026-02-02T09:00:00Z"))
	for _, x := range rep.Rows {
		if x.Heavier || x.LongStretch || x.LongestStretch != 336 {
			t.Errorf("even two-week turns: %+v", x)
		}
	}
}
