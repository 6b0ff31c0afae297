package oncall_test

import (
	"bytes"
	"encoding/csv"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"wheelhouse/backend/clock"
	"wheelhouse/backend/id"
	"wheelhouse/backend/oncall"
	"wheelhouse/backend/people"
	"wheelhouse/backend/store"
)

// diskEnv is setup on a Badger store in a temp directory.
func diskEnv(t *testing.T) *env {
	t.Helper()
	st, err := store.Open(t.TempDir(), store.Options{})
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

func (e *env) pay(t *testing.T, cp oncall.Compensation) {
	t.Helper()
	cp.Mode = oncall.CompensationPay
	if cp.Currency == "" {
		cp.Currency = "EUR"
	}
	if _, err := e.svc.SaveSettings(oncall.Settings{Compensation: cp}); err != nil {
		t.Fatal(err)
	}
}

func (e *env) month(t *testing.T, m string) map[string]oncall.CompensationRow {
	t.Helper()
	rep, err := e.svc.Compensation(m)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]oncall.CompensationRow{}
	for _, r := range rep.Rows {
		out[r.Name] = r
	}
	return out
}

func berlin(y int, m time.Month, d, h int) time.Time {
	loc, _ := time.LoadLocation("Europe/Berlin")
	return time.Date(y, m, d, h, 0, 0, 0, loc)
}

// Weekly turns from Monday 2 November 10:00 Berlin: Dana Nov 2-9, Mei
// covers Dana's Nov 16-23 turn by override, Dana again from Nov 30 10:00.
// Stipends per turn (a share of a turn its share), per on-call day (half the
// day or more) and per seven on-call days; the turn across the month's end
// is split between November and December.
func TestCompensationStipendsAndMonthBoundary(t *testing.T) {
	e := diskEnv(t)
	r := e.weekly(t, "Primary", 0, 1)
	if _, err := e.svc.SaveOverride(oncall.Override{RotationID: r.ID, PersonID: e.p[2].ID, Start: berlin(2026, 11, 16, 10), End: berlin(2026, 11, 23, 10)}); err != nil {
		t.Fatal(err)
	}
	e.pay(t, oncall.Compensation{TurnStipend: 100, DayStipend: 10, WeekStipend: 70})
	rows := e.month(t, "2026-11")
	dana, kofi, mei := rows["Dana Xu"], rows["Kofi Mensah"], rows["Mei Lindqvist"]
	// Dana: 168 h + 14 h of the turn from Nov 30 (14/168 of a turn); days
	// Nov 2 (14 h) to 8, Nov 30; not Nov 9 (10 h).
	if dana.TotalHours != 182 || dana.Turns != 1.08 || dana.Days != 8 {
		t.Fatalf("dana %+v", dana)
	}
	// 1.0833 turns x 100 + 8 days x 10 + 8/7 weeks x 70.
	if dana.Stipends != 108.33+80+80 || dana.Amount != dana.Stipends || dana.HourlyPay != 0 {
		t.Errorf("dana pay %+v", dana)
	}
	want := []string{"1.08 turns × 100.00 = 108.33", "8 on-call days × 10.00 = 80.00", "8 on-call days ÷ 7 × 70.00 a week = 80.00"}
	if !slices.Equal(dana.Lines, want) {
		t.Errorf("dana lines %q", dana.Lines)
	}
	// The covered turn pays Mei, who covered it.
	if mei.TotalHours != 168 || mei.Turns != 1 || mei.Days != 7 || mei.Amount != 100+70+70 {
		t.Errorf("mei %+v", mei)
	}
	if kofi.TotalHours != 336 || kofi.Turns != 2 || kofi.Days != 14 || kofi.Amount != 200+140+140 {
		t.Errorf("kofi %+v", kofi)
	}
	// December: the rest of the turn (154 h: 154/168 = 0.92 of it, with
	// November's 14/168 one turn), Dec 14-21 and 86/168 of Dec 28-Jan 4.
	dec := e.month(t, "2026-12")["Dana Xu"]
	if dec.Turns != 2.43 {
		t.Errorf("december %+v", dec)
	}
	// Dana Nov 30 10:00 - Dec 7 10:00: December has 154 h of it, she has
	// the Dec 14 and Dec 28 turns too (Dec 28 - Jan 1: 86 h).
	if dec.TotalHours != 154+168+86 {
		t.Errorf("december hours %v", dec.TotalHours)
	}
}

// A holiday of Dana's region pays her holiday hours at the rate of the day
// times the multiplier (and her day stipend of it); Kofi, on call the same
// day on another schedule but in no region, gets no holiday. Mei's region
// has rates of its own, in another currency.
func TestCompensationHolidayMultiplierAndRegionRates(t *testing.T) {
	e := diskEnv(t)
	p1 := e.weekly(t, "Primary", 0, 1)
	p2 := e.weekly(t, "Platform", 1, 2)
	if _, err := e.svc.SaveRegion(oncall.Region{Name: "Germany", MemberIDs: e.ids(0), Holidays: []oncall.Holiday{{Date: "2026-11-18", Name: "Buß- und Bettag"}}}); err != nil {
		t.Fatal(err)
	}
	ch, err := e.svc.SaveRegion(oncall.Region{Name: "Switzerland", MemberIDs: e.ids(2)})
	if err != nil {
		t.Fatal(err)
	}
	// The holiday makes Dana unavailable for her turn: she takes it anyway
	// by override, Kofi holds Platform that week.
	for _, o := range []oncall.Override{{RotationID: p1.ID, PersonID: e.p[0].ID}, {RotationID: p2.ID, PersonID: e.p[1].ID}} {
		o.Start, o.End = berlin(2026, 11, 16, 10), berlin(2026, 11, 23, 10)
		if _, err := e.svc.SaveOverride(o); err != nil {
			t.Fatal(err)
		}
	}
	e.pay(t, oncall.Compensation{WeekdayRate: 2, WeekendRate: 3, HolidayMultiplier: 2, DayStipend: 10,
		Regions: []oncall.RegionPay{{RegionID: ch.ID, Currency: "chf", WeekdayRate: 5, WeekendRate: 5, HolidayMultiplier: 1}}})
	rep, err := e.svc.Compensation("2026-11")
	if err != nil {
		t.Fatal(err)
	}
	rows := map[string]oncall.CompensationRow{}
	for _, r := range rep.Rows {
		rows[r.Name] = r
	}
	dana, kofi, mei := rows["Dana Xu"], rows["Kofi Mensah"], rows["Mei Lindqvist"]
	if dana.HolidayHours != 24 || dana.HolidayDays != 1 || dana.Region != "Germany" || dana.RegionRates || dana.Currency != "EUR" {
		t.Fatalf("dana %+v", dana)
	}
	if !slices.Contains(dana.Lines, "24 holiday h × 2.00 × 2 = 96.00") || !slices.Contains(dana.Lines, "(14 on-call days + 1 holidays × 2) × 10.00 = 160.00") {
		t.Errorf("dana lines %q", dana.Lines)
	}
	// Dana 350 h: 24 of them the holiday, the rest weekday or weekend.
	if want := dana.WeekdayHours*2 + dana.WeekendHours*3 + 96 + 160; dana.Amount != want {
		t.Errorf("dana amount %v, want %v", dana.Amount, want)
	}
	if kofi.HolidayHours != 0 || kofi.HolidayDays != 0 || kofi.Currency != "EUR" {
		t.Errorf("kofi %+v", kofi)
	}
	if mei.Region != "Switzerland" || !mei.RegionRates || mei.Currency != "CHF" || mei.Amount != mei.TotalHours*5 || mei.Lines[0] != "rates of the region Switzerland (CHF)" {
		t.Errorf("mei %+v", mei)
	}
	// Two currencies: a total per currency, no grand total.
	if len(rep.Totals) != 2 || rep.Totals[0].Currency != "CHF" || rep.Totals[0].Amount != mei.Amount || rep.Totals[1].Amount != dana.Amount+kofi.Amount || rep.Total != 0 {
		t.Errorf("totals %+v total %v", rep.Totals, rep.Total)
	}
	// Deleting the region drops its rates: Mei is paid by the default.
	if err := e.svc.DeleteRegion(ch.ID); err != nil {
		t.Fatal(err)
	}
	st, _ := e.svc.Settings()
	if len(st.Compensation.Regions) != 0 {
		t.Fatalf("region rates kept: %+v", st.Compensation.Regions)
	}
	if m := e.month(t, "2026-11")["Mei Lindqvist"]; m.Currency != "EUR" || m.RegionRates {
		t.Errorf("mei after delete %+v", m)
	}
}

// Dana holds the same weeks on two schedules: each hour, turn and day is
// paid once; the row says how many hours it left out.
func TestCompensationOverlapPaidOnce(t *testing.T) {
	e := diskEnv(t)
	e.weekly(t, "Primary", 0, 1)
	e.pay(t, oncall.Compensation{WeekdayRate: 2, WeekendRate: 3, TurnStipend: 100, DayStipend: 10})
	single := e.month(t, "2026-11")["Dana Xu"]
	e.weekly(t, "Platform", 0, 2)
	both := e.month(t, "2026-11")
	dana := both["Dana Xu"]
	if single.TotalHours != 350 || dana.TotalHours != 350 || dana.OverlapHours != 350 || dana.Turns != single.Turns || dana.Days != single.Days || dana.Amount != single.Amount {
		t.Fatalf("single %+v\nboth %+v", single, dana)
	}
	if dana.Lines[len(dana.Lines)-1] != "350 h on two schedules at once, paid once" {
		t.Errorf("lines %q", dana.Lines)
	}
	if m := both["Mei Lindqvist"]; m.TotalHours != 336 || m.OverlapHours != 0 {
		t.Errorf("mei %+v", m)
	}
}

// March 2027 in Berlin has 743 hours (clocks go forward on the 28th): the
// turn across the change is 167 hours long and counts as one turn; the
// short day is an on-call day.
func TestCompensationDSTMonth(t *testing.T) {
	e := diskEnv(t)
	if _, err := e.svc.SaveRotation(oncall.Rotation{Name: "Solo", TimeZone: "Europe/Berlin", Participants: e.ids(0),
		ShiftLength: oncall.ShiftLength{N: 1, Unit: oncall.Weeks}, HandoffTime: "10:00", StartDate: "2027-01-04"}); err != nil {
		t.Fatal(err)
	}
	e.pay(t, oncall.Compensation{WeekdayRate: 1, WeekendRate: 2, TurnStipend: 168})
	d := e.month(t, "2027-03")["Dana Xu"]
	// Weekends: 8 days, one of them 23 h. Turns: 10/168 + 3 + 167/167 + 62/168.
	if d.TotalHours != 743 || d.WeekendHours != 191 || d.WeekdayHours != 552 || d.Days != 31 || d.Turns != 4.43 {
		t.Fatalf("%+v", d)
	}
	if d.Amount != 552+2*191+744 {
		t.Errorf("amount %v (%q)", d.Amount, d.Lines)
	}
}

// The CSV reads back (encoding/csv) to the report: one row per person,
// names with commas and quotes intact, formulas defused.
func TestCompensationCSVRoundTrip(t *testing.T) {
	e := diskEnv(t)
	e.p[1].Name = `=Kofi "KM", Mensah`
	if _, err := e.roster.UpdatePerson(e.p[1]); err != nil {
		t.Fatal(err)
	}
	e.weekly(t, "Primary", 0, 1)
	e.weekly(t, "Platform", 0, 2)
	e.pay(t, oncall.Compensation{WeekdayRate: 2.5, WeekendRate: 3, TurnStipend: 100, HolidayMultiplier: 1.5})
	rep, err := e.svc.Compensation("2026-11")
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := e.svc.CompensationCSV(&b, "2026-11"); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(recs[0], oncall.CompensationCSVHeader) || len(recs) != 1+len(rep.Rows) || len(rep.Rows) != 3 {
		t.Fatalf("%d records, header %q", len(recs), recs[0])
	}
	col := map[string]int{}
	for i, h := range recs[0] {
		col[h] = i
	}
	for i, r := range rep.Rows {
		rec := recs[i+1]
		name := strings.TrimPrefix(rec[col["person"]], "'")
		num := func(c string) float64 {
			v, err := strconv.ParseFloat(rec[col[c]], 64)
			if err != nil {
				t.Fatalf("%s: %v", c, err)
			}
			return v
		}
		if name != r.Name || rec[col["month"]] != "2026-11" || rec[col["currency"]] != "EUR" || num("hours") != r.TotalHours ||
			num("weekend_hours") != r.WeekendHours || num("holiday_hours") != r.HolidayHours || num("stipends") != r.Stipends ||
			num("total") != r.Amount || num("overlap_hours") != r.OverlapHours || rec[col["note"]] != strings.Join(r.Lines, "; ") {
			t.Errorf("row %d: %q vs %+v", i, rec, r)
		}
	}
	if recs[1][col["person"]] != `'=Kofi "KM", Mensah` || recs[2][col["overlap_hours"]] != "350.00" {
		t.Errorf("%q", recs[1:])
	}
}

// Bad policies are refused field by field and nothing is stored.
func TestCompensationPolicyValidation(t *testing.T) {
	e := diskEnv(t)
	rg, _ := e.svc.SaveRegion(oncall.Region{Name: "Germany"})
	_, err := e.svc.SaveSettings(oncall.Settings{Compensation: oncall.Compensation{Mode: "pay", Currency: "EUR", TurnStipend: -1, HolidayMultiplier: 0.5,
		Regions: []oncall.RegionPay{{RegionID: rg.ID, Currency: "EUR", DayStipend: 2e6}, {RegionID: rg.ID, Currency: "x"}, {Currency: "EUR"}, {RegionID: id.New(now), Currency: "EUR"}}}})
	want := "compensation.holidayMultiplier,compensation.regions.0.dayStipend,compensation.regions.1.currency,compensation.regions.1.regionId," +
		"compensation.regions.2.regionId,compensation.regions.3.regionId,compensation.turnStipend"
	if got := sorted(fields(err)); got != want {
		t.Fatalf("fields %s\nwant   %s", got, want)
	}
	if st, _ := e.svc.Settings(); st.Compensation.Mode != oncall.CompensationNone || st.Compensation.HolidayMultiplier != 1 {
		t.Errorf("stored %+v", st.Compensation)
	}
	if _, err := e.svc.Compensation("2026-13"); fields(err) != "month" {
		t.Errorf("bad month: %v", err)
	}
}

func sorted(csv string) string {
	l := strings.Split(csv, ",")
	slices.Sort(l)
	return strings.Join(l, ",")
}

// A team's two layers, Dana primary and Kofi secondary, both around the
// clock: by default only the layer a page reaches is paid (the final
// schedule: Dana); with Layers "every" the secondary's standby hours are
// paid too, and someone in both layers at once is paid each hour once.
func TestCompensationLayersPaid(t *testing.T) {
	e := diskEnv(t)
	pay := e.team(t, "Payments")
	layer := func(name string, n, who int) oncall.Rotation {
		t.Helper()
		r, err := e.svc.SaveRotation(oncall.Rotation{Name: name, TeamID: pay.ID, Layer: n, TimeZone: "Europe/Berlin", Participants: e.ids(who),
			ShiftLength: oncall.ShiftLength{N: 1, Unit: oncall.Weeks}, HandoffTime: "10:00", StartDate: "2026-11-02", RequiredCoverage: oncall.Coverage24x7})
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	layer("Payments primary", 1, 0)
	second := layer("Payments secondary", 2, 1)
	const hours = 28*24 + 14 // 2 Nov 10:00 to the end of November, Berlin
	cp := oncall.Compensation{WeekdayRate: 2, WeekendRate: 3, TurnStipend: 100}
	e.pay(t, cp)
	final := e.month(t, "2026-11")
	if d := final["Dana Xu"]; d.TotalHours != hours || d.OverlapHours != 0 {
		t.Fatalf("final: dana %+v", d)
	}
	if k, ok := final["Kofi Mensah"]; ok {
		t.Fatalf("final: the secondary is paid though a page never reaches them: %+v", k)
	}

	cp.Layers = oncall.CompensationLayersEvery
	e.pay(t, cp)
	every := e.month(t, "2026-11")
	dana, kofi := every["Dana Xu"], every["Kofi Mensah"]
	if dana.Amount != final["Dana Xu"].Amount || kofi.TotalHours != hours || kofi.Amount != dana.Amount || kofi.Turns != dana.Turns {
		t.Fatalf("every: dana %+v\nkofi %+v", dana, kofi)
	}

	// Dana in both layers: each hour once.
	second.Participants = e.ids(0)
	if _, err := e.svc.SaveRotation(second); err != nil {
		t.Fatal(err)
	}
	both := e.month(t, "2026-11")["Dana Xu"]
	if both.TotalHours != hours || both.OverlapHours != hours || both.Amount != dana.Amount || both.Turns != dana.Turns {
		t.Fatalf("both layers: %+v (one layer %+v)", both, dana)
	}
	if _, ok := e.month(t, "2026-11")["Kofi Mensah"]; ok {
		t.Fatal("Kofi left the secondary layer but is still paid")
	}

	cp.Layers = "some"
	cp.Mode, cp.Currency = oncall.CompensationPay, "EUR"
	if _, err := e.svc.SaveSettings(oncall.Settings{Compensation: cp}); fields(err) != "compensation.layers" {
		t.Fatalf("bad layers: %v", err)
	}
}
