package oncall_test

import (
	"strings"
	"testing"
	"time"

	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/clock"
	"wheelhouse/backend/errs"
	"wheelhouse/backend/id"
	"wheelhouse/backend/oncall"
	"wheelhouse/backend/people"
	"wheelhouse/backend/reminder"
	"wheelhouse/backend/store"
)

var now = time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)

type env struct {
	st     *store.Store
	clock  *clock.Fake
	svc    *oncall.Service
	roster *people.Roster
	p      []people.Person
}

func setup(t *testing.T) *env {
	t.Helper()
	st, err := store.Open("", store.Options{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	c := clock.NewFake(now)
	e := &env{st: st, clock: c, svc: oncall.NewService(st, c), roster: people.NewRoster(st, c)}
	e.roster.AddPersonRefs(oncall.PersonRefs{Clock: c})
	for _, n := range []string{"Dana Xu", "Kofi Mensah", "Mei Lindqvist", "Lars Raman"} {
		p, err := e.roster.CreatePerson(people.Person{Name: n, TimeZone: "Europe/Berlin"})
		if err != nil {
			t.Fatal(err)
		}
		e.p = append(e.p, p)
	}
	return e
}

func (e *env) ids(ix ...int) []id.ID {
	var out []id.ID
	for _, i := range ix {
		out = append(out, e.p[i].ID)
	}
	return out
}

func (e *env) weekly(t *testing.T, name string, ix ...int) oncall.Rotation {
	t.Helper()
	r, err := e.svc.SaveRotation(oncall.Rotation{Name: name, TimeZone: "Europe/Berlin", Participants: e.ids(ix...),
		ShiftLength: oncall.ShiftLength{N: 1, Unit: oncall.Weeks}, HandoffTime: "10:00", StartDate: "2026-11-02",
		RequiredCoverage: oncall.Coverage24x7})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func fields(err error) string {
	var out []string
	for _, f := range errs.FieldsOf(err) {
		out = append(out, f.Field)
	}
	return strings.Join(out, ",")
}

func TestRotationValidation(t *testing.T) {
	e := setup(t)
	ghost := id.New(now)
	for _, c := range []struct {
		name   string
		r      oncall.Rotation
		fields string
	}{
		{"empty", oncall.Rotation{}, "name,timezone,participants,shiftLength.unit,handoffTime,startDate"},
		{"bad values", oncall.Rotation{Name: "X", TimeZone: "Mars/Olympus", Participants: e.ids(0, 0),
			ShiftLength: oncall.ShiftLength{N: 0, Unit: "days"}, HandoffTime: "24:00", StartDate: "2026-13-01", RequiredCoverage: "always",
			Restriction: &oncall.Restriction{Weekdays: []string{"monday"}, Start: "9", End: "17:00"}},
			"timezone,participants.1,shiftLength.n,handoffTime,startDate,restriction.weekdays.0,restriction.start,requiredCoverage"},
		{"unknown person", oncall.Rotation{Name: "X", TimeZone: "UTC", Participants: []id.ID{ghost},
			ShiftLength: oncall.ShiftLength{N: 1, Unit: "weeks"}, HandoffTime: "09:00", StartDate: "2026-01-05"}, "participants.0"},
		{"too long", oncall.Rotation{Name: "X", TimeZone: "UTC", Participants: e.ids(0),
			ShiftLength: oncall.ShiftLength{N: 53, Unit: "weeks"}, HandoffTime: "09:00", StartDate: "2026-01-05"}, "shiftLength.n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := e.svc.SaveRotation(c.r)
			if !errs.Is(err, errs.Invalid) || fields(err) != c.fields {
				t.Fatalf("fields %q, want %q (%v)", fields(err), c.fields, err)
			}
		})
	}
	r := e.weekly(t, "Payments primary", 0, 1, 2)
	if _, err := e.svc.SaveRotation(oncall.Rotation{Name: "payments PRIMARY", TimeZone: "UTC", Participants: e.ids(0),
		ShiftLength: oncall.ShiftLength{N: 1, Unit: "weeks"}, HandoffTime: "09:00", StartDate: "2026-01-05"}); fields(err) != "name" {
		t.Fatalf("duplicate name: %v", err)
	}
	got, err := e.svc.RotationByName("payments primary")
	if err != nil || got.ID != r.ID || got.Layer != 1 || got.RequiredCoverage != oncall.Coverage24x7 {
		t.Fatalf("by name: %+v %v", got, err)
	}
}

func TestServiceShiftsTimeOffOverridesSwaps(t *testing.T) {
	e := setup(t)
	r := e.weekly(t, "Primary", 0, 1, 2)
	// Kofi (turn 2: 9-16 Nov) takes a day off: Mei covers, with a warning.
	saved, err := e.svc.SaveTimeOff(oncall.TimeOff{PersonID: e.p[1].ID, Kind: oncall.KindVacation, StartDate: "2026-11-12"})
	if err != nil {
		t.Fatal(err)
	}
	if len(saved.Warnings) != 1 || !strings.Contains(saved.Warnings[0], "Kofi Mensah was on call for Primary from Mon 9 Nov 10:00 Berlin time; Mei Lindqvist covers.") {
		t.Fatalf("warnings %q", saved.Warnings)
	}
	if saved.Item.EndDate != "2026-11-12" || saved.Item.Source != oncall.SourceManual {
		t.Fatalf("normalized %+v", saved.Item)
	}
	if _, err := e.svc.SaveTimeOff(oncall.TimeOff{PersonID: e.p[1].ID, StartDate: "2026-11-12", EndDate: "2026-11-01"}); fields(err) != "endDate" {
		t.Fatalf("end before start: %v", err)
	}
	if _, err := e.svc.SaveTimeOff(oncall.TimeOff{PersonID: e.p[1].ID, Start: now, End: now.Add(-time.Hour)}); fields(err) != "end" {
		t.Fatalf("instant end before start: %v", err)
	}
	from, to := time.Date(2026, 11, 2, 0, 0, 0, 0, time.UTC), time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)
	shifts, err := e.svc.Shifts(r.ID, from, to)
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		who    int
		reason oncall.Reason
	}{{0, oncall.ReasonScheduled}, {2, oncall.ReasonReplacement}, {2, oncall.ReasonScheduled}, {0, oncall.ReasonScheduled}}
	if len(shifts) != len(want) {
		t.Fatalf("%d shifts", len(shifts))
	}
	for i, w := range want {
		if shifts[i].PersonID != e.p[w.who].ID || shifts[i].Reason != w.reason {
			t.Errorf("shift %d: %s %s", i, shifts[i].PersonID, shifts[i].Reason)
		}
	}
	// An override for someone who is away is saved, with a warning.
	ov, err := e.svc.SaveOverride(oncall.Override{RotationID: r.ID, PersonID: e.p[1].ID,
		Start: time.Date(2026, 11, 12, 8, 0, 0, 0, time.UTC), End: time.Date(2026, 11, 12, 20, 0, 0, 0, time.UTC)})
	if err != nil || len(ov.Warnings) != 1 || !strings.Contains(ov.Warnings[0], "Kofi Mensah is away during this override (vacation)") {
		t.Fatalf("override: %+v %v", ov, err)
	}
	_, err = e.svc.SaveOverride(oncall.Override{RotationID: r.ID, PersonID: e.p[3].ID,
		Start: time.Date(2026, 11, 12, 19, 0, 0, 0, time.UTC), End: time.Date(2026, 11, 13, 8, 0, 0, 0, time.UTC)})
	if !errs.Is(err, errs.Conflict) || !strings.Contains(errs.MessageOf(err), "overlaps the override of Kofi Mensah") {
		t.Fatalf("overlapping override: %v", err)
	}
	if _, err := e.svc.SaveOverride(oncall.Override{RotationID: id.New(now), PersonID: e.p[3].ID, Start: now, End: now.Add(time.Hour)}); fields(err) != "rotationId" {
		t.Fatalf("override of unknown rotation: %v", err)
	}
	// Swap turns 3 and 4 (slots 2 and 3).
	sw, err := e.svc.SaveSwap(oncall.Swap{RotationID: r.ID, SlotA: 3, SlotB: 2})
	if err != nil || sw.Item.SlotA != 2 || len(sw.Warnings) != 0 {
		t.Fatalf("swap %+v %v", sw, err)
	}
	if _, err := e.svc.SaveSwap(oncall.Swap{RotationID: r.ID, SlotA: 3, SlotB: 7}); !errs.Is(err, errs.Conflict) {
		t.Fatalf("slot swapped twice: %v", err)
	}
	shifts, _ = e.svc.Shifts(r.ID, from, to)
	var got []string
	for _, x := range shifts {
		got = append(got, string(x.Reason))
	}
	if strings.Join(got, " ") != "scheduled replacement override replacement swap swap" {
		t.Fatalf("reasons %v", got)
	}
	// The swap as the schedule lists it: both turns' times and their holders now.
	for _, rid := range []id.ID{r.ID, id.Nil} {
		views, err := e.svc.SwapViews(rid)
		if err != nil || len(views) != 1 {
			t.Fatalf("swap views: %+v %v", views, err)
		}
		v := views[0]
		if v.ID != sw.Item.ID || v.SlotA != 2 || v.SlotB != 3 ||
			!v.StartA.Equal(time.Date(2026, 11, 16, 9, 0, 0, 0, time.UTC)) || !v.EndA.Equal(v.StartB) || !v.EndB.Equal(time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC)) {
			t.Fatalf("swap view %+v", v)
		}
		for _, x := range shifts {
			if x.Reason == oncall.ReasonSwap && x.Slot == 2 && x.PersonID != v.PersonA || x.Reason == oncall.ReasonSwap && x.Slot == 3 && x.PersonID != v.PersonB {
				t.Fatalf("swap view holders %s %s, shifts say %+v", v.PersonA, v.PersonB, x)
			}
		}
		if v.PersonA.IsZero() || v.PersonB.IsZero() || v.PersonA == v.PersonB {
			t.Fatalf("swap view holders %+v", v)
		}
	}
	if _, err := e.svc.Shifts(r.ID, to, from); fields(err) != "to" {
		t.Fatalf("window backwards: %v", err)
	}
	if _, err := e.svc.Shifts(r.ID, from, from.AddDate(7, 0, 0)); fields(err) != "to" {
		t.Fatalf("window too long: %v", err)
	}
	// Deleting the rotation deletes its overrides and swaps.
	if err := e.svc.DeleteRotation(r.ID); err != nil {
		t.Fatal(err)
	}
	if o, _ := e.svc.Overrides(id.Nil); len(o) != 0 {
		t.Fatalf("overrides left: %d", len(o))
	}
	if s, _ := e.svc.Swaps(id.Nil); len(s) != 0 {
		t.Fatalf("swaps left: %d", len(s))
	}
}

func TestRegionsAndDeletePerson(t *testing.T) {
	e := setup(t)
	solo := e.weekly(t, "Solo", 3)
	r := e.weekly(t, "Primary", 0, 1, 2, 3)
	de, err := e.svc.SaveRegion(oncall.Region{Name: "Germany", MemberIDs: e.ids(0, 3),
		Holidays: []oncall.Holiday{{Date: "2026-12-26", Name: "Second Christmas Day"}, {Date: "2026-12-25", Name: "Christmas Day"}}})
	if err != nil || de.Holidays[0].Name != "Christmas Day" {
		t.Fatalf("region %+v %v", de, err)
	}
	if _, err := e.svc.SaveRegion(oncall.Region{Name: "Bavaria", MemberIDs: e.ids(3)}); fields(err) != "memberIds" ||
		!strings.Contains(errs.MessageOf(err), "Lars Raman is already in the region Germany") {
		t.Fatalf("two regions: %v", err)
	}
	if _, err := e.svc.SaveRegion(oncall.Region{Name: "X", Holidays: []oncall.Holiday{{Date: "2026-02-30", Name: ""}}}); fields(err) != "holidays.0.date,holidays.0.name" {
		t.Fatalf("bad holiday: %v", err)
	}
	e.svc.SaveTimeOff(oncall.TimeOff{PersonID: e.p[3].ID, StartDate: "2026-12-01", EndDate: "2026-12-03"})
	e.svc.SaveOverride(oncall.Override{RotationID: r.ID, PersonID: e.p[3].ID, Start: now, End: now.Add(time.Hour)})
	e.svc.SaveSettings(oncall.Settings{NotifyPersonIDs: e.ids(3, 0)})

	im, err := e.roster.DeleteImpact(e.p[3].ID)
	if err != nil {
		t.Fatal(err)
	}
	joined := strings.Join(im.Items, "\n")
	for _, want := range []string{"The rotation Solo, of which they are the only participant", "Their place in the rotation Primary (3 people stay",
		"1 entry of time off.", "1 override in which they cover", "Membership of the holiday region Germany."} {
		if !strings.Contains(joined, want) {
			t.Errorf("impact lacks %q:\n%s", want, joined)
		}
	}
	if _, err := e.roster.DeletePerson(e.p[3].ID, "Lars Raman"); err != nil {
		t.Fatal(err)
	}
	if _, err := e.svc.Rotation(solo.ID); !errs.Is(err, errs.NotFound) {
		t.Errorf("solo rotation kept: %v", err)
	}
	r2, _ := e.svc.Rotation(r.ID)
	rg, _ := e.svc.RegionByName("germany")
	to, _ := e.svc.TimeOff(oncall.TimeOffFilter{})
	ov, _ := e.svc.Overrides(id.Nil)
	st, _ := e.svc.Settings()
	if len(r2.Participants) != 3 || len(rg.MemberIDs) != 1 || len(to) != 0 || len(ov) != 0 || len(st.NotifyPersonIDs) != 1 {
		t.Fatalf("after delete: %d participants, %d members, %d time off, %d overrides, notify %v", len(r2.Participants), len(rg.MemberIDs), len(to), len(ov), st.NotifyPersonIDs)
	}
}

func TestSettingsAndCompensation(t *testing.T) {
	e := setup(t)
	if _, err := e.svc.SaveSettings(oncall.Settings{Compensation: oncall.Compensation{Mode: "pay", Currency: "euro", WeekdayRate: -1}}); fields(err) != "compensation.currency,compensation.weekdayRate" {
		t.Fatalf("bad settings: %v", err)
	}
	if _, err := e.svc.SaveSettings(oncall.Settings{Compensation: oncall.Compensation{Mode: "pay", Currency: "eur", WeekdayRate: 1.5, WeekendRate: 3, HolidayRate: 4}}); err != nil {
		t.Fatal(err)
	}
	e.weekly(t, "Primary", 0, 1)
	rep, err := e.svc.Compensation("2026-11")
	if err != nil || rep.Currency != "EUR" || len(rep.Rows) != 2 {
		t.Fatalf("%+v %v", rep, err)
	}
	// Nov 2 10:00 Berlin to Dec 1 00:00: Dana has weeks 1, 3 and 14 hours of week 5, Kofi weeks 2 and 4.
	if rep.Rows[0].Name != "Dana Xu" || rep.Rows[0].TotalHours != 350 || rep.Rows[1].TotalHours != 336 {
		t.Fatalf("rows %+v", rep.Rows)
	}
	var b strings.Builder
	if err := e.svc.CompensationCSV(&b, "2026-11"); err != nil || !strings.HasPrefix(b.String(), "month,person,") {
		t.Fatalf("csv %q %v", b.String(), err)
	}
}

// The snapshot loaded for a window gives the same shifts as a snapshot of
// everything.
func TestWindowedLoadMatchesFullLoad(t *testing.T) {
	e := setup(t)
	r := e.weekly(t, "Primary", 0, 1, 2)
	r.Payback = true
	r, _ = e.svc.SaveRotation(r)
	for i, d := range []string{"2026-11-10", "2027-01-05", "2027-03-02", "2027-06-01"} {
		e.svc.SaveTimeOff(oncall.TimeOff{PersonID: e.p[i%3].ID, StartDate: d, EndDate: d})
	}
	e.svc.SaveOverride(oncall.Override{RotationID: r.ID, PersonID: e.p[3].ID, Start: time.Date(2027, 2, 1, 0, 0, 0, 0, time.UTC), End: time.Date(2027, 2, 20, 0, 0, 0, 0, time.UTC)})
	var full *oncall.Snapshot
	e.st.View(func(txn *badger.Txn) (err error) {
		full, err = oncall.LoadTx(txn, time.Time{}, time.Time{})
		return err
	})
	for _, w := range [][2]time.Time{
		{time.Date(2027, 2, 10, 0, 0, 0, 0, time.UTC), time.Date(2027, 3, 10, 0, 0, 0, 0, time.UTC)},
		{time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC), time.Date(2027, 7, 1, 0, 0, 0, 0, time.UTC)},
	} {
		got, err := e.svc.Shifts(r.ID, w[0], w[1])
		if err != nil {
			t.Fatal(err)
		}
		want := oncall.Shifts(full, r.ID, w[0], w[1])
		if len(got) != len(want) {
			t.Fatalf("%d vs %d shifts", len(got), len(want))
		}
		for i := range got {
			if got[i] != want[i] {
				t.Fatalf("shift %d: %+v vs %+v", i, got[i], want[i])
			}
		}
	}
}

func TestReminderRules(t *testing.T) {
	e := setup(t)
	r := e.weekly(t, "Primary", 0, 1)
	r.NotifyHandoffs = true
	e.svc.SaveRotation(r)
	eng := reminder.NewEngine(e.st, e.clock, nil, nil)
	eng.DefaultZone = "Europe/Berlin"
	for _, rule := range e.svc.Rules() {
		eng.AddRule(rule)
	}
	eng.SaveSettings(reminder.Settings{TimeZone: "Europe/Berlin"}) // no quiet hours
	eval := func(at time.Time) []string {
		t.Helper()
		e.clock.Set(at)
		res, err := eng.Evaluate()
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, d := range res.Delivered {
			out = append(out, d.Kind+" "+d.Title)
		}
		return out
	}
	// Handoff Mon 30 Nov 10:00 Berlin (09:00Z) to Dana (turn 5).
	if got := eval(time.Date(2026, 11, 29, 10, 0, 0, 0, time.UTC)); len(got) != 0 {
		t.Fatalf("Sunday morning: %q", got)
	}
	got := eval(time.Date(2026, 11, 29, 12, 0, 0, 0, time.UTC))
	if len(got) != 1 || got[0] != "oncall.tomorrow On call tomorrow: Dana Xu (Primary)" {
		t.Fatalf("Sunday afternoon: %q", got)
	}
	if got := eval(time.Date(2026, 11, 29, 18, 0, 0, 0, time.UTC)); len(got) != 0 {
		t.Fatalf("delivered twice: %q", got)
	}
	got = eval(time.Date(2026, 11, 30, 8, 5, 0, 0, time.UTC))
	if len(got) != 1 || got[0] != "oncall.handoff_soon Handoff within the hour: Dana Xu takes over Primary at 10:00" {
		t.Fatalf("an hour before: %q", got)
	}
	if got := eval(time.Date(2026, 11, 30, 8, 30, 0, 0, time.UTC)); len(got) != 0 {
		t.Fatalf("delivered twice: %q", got)
	}
	// A coverage gap: both away on 10 December.
	for _, p := range e.ids(0, 1) {
		e.svc.SaveTimeOff(oncall.TimeOff{PersonID: p, StartDate: "2026-12-10"})
	}
	got = eval(time.Date(2026, 11, 30, 9, 30, 0, 0, time.UTC))
	if len(got) != 1 || !strings.HasPrefix(got[0], "oncall.coverage_gap Coverage gap from Mon 7 Dec 10:00: Primary") {
		t.Fatalf("gap: %q", got)
	}
	if got := eval(time.Date(2026, 12, 1, 9, 30, 0, 0, time.UTC)); len(got) != 0 {
		t.Fatalf("gap delivered twice: %q", got)
	}
}
