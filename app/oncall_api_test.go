package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"wheelhouse/backend/id"
	"wheelhouse/backend/oncall"
)

// A rotation of four through the bound API: preview before saving, the
// schedule, a vacation replaced by the next available person, an override
// for someone who is away (saved, with a warning).
func TestOnCallThroughAPI(t *testing.T) {
	s := openShell(t) // the clock reads 2026-11-23 12:00 UTC
	ppl := NewPeopleAPI(s)
	var ids []id.ID
	for _, n := range []string{"Ana", "Bo", "Cy", "Di"} {
		p, err := ppl.CreatePerson(PersonInput{Name: n, TimeZone: "Europe/Berlin"})
		if err != nil {
			t.Fatal(err)
		}
		u, _ := id.Parse(p.ID)
		ids = append(ids, u)
	}
	api := NewOnCallAPI(s)
	rot := oncall.Rotation{Name: "Primary", TimeZone: "Europe/Berlin", Participants: ids,
		ShiftLength: oncall.ShiftLength{N: 1, Unit: oncall.Weeks}, HandoffTime: "10:00", StartDate: "2026-11-23",
		RequiredCoverage: oncall.Coverage24x7, Layer: 1}
	w := Window{From: "2026-11-23T09:00:00Z", To: "2026-12-21T09:00:00Z"}

	prev, err := api.Preview(rot, w)
	if err != nil || len(prev) != 4 || prev[0].PersonID != ids[0] || prev[3].PersonID != ids[3] {
		t.Fatalf("preview: %+v %v", prev, err)
	}
	bad := rot
	bad.TimeZone = "Mars/Olympus"
	if _, err := api.Preview(bad, w); apiErr(t, err).Field != "timezone" {
		t.Fatal("preview accepted a bad zone")
	}
	saved, err := api.SaveRotation(rot)
	if err != nil {
		t.Fatal(err)
	}
	// Bo is away for his whole week: Cy takes it, Bo owes a turn.
	to, err := api.SaveTimeOff(oncall.TimeOff{PersonID: ids[1], Kind: oncall.KindVacation, StartDate: "2026-11-30", EndDate: "2026-12-06"})
	if err != nil {
		t.Fatal(err)
	}
	shifts, err := api.Shifts(saved.ID.String(), w)
	if err != nil {
		t.Fatal(err)
	}
	var week2 oncall.Shift
	for _, sh := range shifts {
		if sh.Slot == 1 {
			week2 = sh
		}
	}
	if week2.PersonID == ids[1] || week2.Reason != oncall.ReasonReplacement || week2.ReplacedPersonID != ids[1] {
		t.Fatalf("week 2 during Bo's vacation: %+v (time off warnings %v)", week2, to.Warnings)
	}
	ov, err := api.SaveOverride(oncall.Override{RotationID: saved.ID, PersonID: ids[1],
		Start: week2.Start, End: week2.Start.Add(24 * 3600e9)})
	if err != nil || len(ov.Warnings) == 0 {
		t.Fatalf("override for someone away: %+v %v", ov, err)
	}
	fair, err := api.Fairness(w)
	if err != nil || len(fair.Rows) != 4 {
		t.Fatalf("fairness %+v %v", fair, err)
	}
	if _, err := api.Shifts("", Window{From: "nope"}); apiErr(t, err).Field != "from" {
		t.Fatal("bad window accepted")
	}
}

// The compensation policy through the bound API: a field error for a bad
// stipend, then the month's CSV saved through the native dialog (a fake);
// cancelling writes nothing; a bad month is a field error.
func TestCompensationThroughAPI(t *testing.T) {
	s := openShell(t)
	ppl := NewPeopleAPI(s)
	p, err := ppl.CreatePerson(PersonInput{Name: "Ana", TimeZone: "Europe/Berlin"})
	if err != nil {
		t.Fatal(err)
	}
	u, _ := id.Parse(p.ID)
	api := NewOnCallAPI(s)
	if _, err := api.SaveRotation(oncall.Rotation{Name: "Solo", TimeZone: "Europe/Berlin", Participants: []id.ID{u},
		ShiftLength: oncall.ShiftLength{N: 1, Unit: oncall.Weeks}, HandoffTime: "10:00", StartDate: "2026-10-05", Layer: 1}); err != nil {
		t.Fatal(err)
	}
	st, _ := api.Settings()
	st.Compensation = oncall.Compensation{Mode: oncall.CompensationPay, Currency: "EUR", DayStipend: -5}
	if _, err := api.SaveSettings(st); apiErr(t, err).Field != "compensation.dayStipend" {
		t.Fatalf("bad stipend: %v", err)
	}
	st.Compensation.DayStipend = 20
	if _, err := api.SaveSettings(st); err != nil {
		t.Fatal(err)
	}
	rep, err := api.Compensation("2026-11")
	if err != nil || len(rep.Rows) != 1 || rep.Rows[0].Days != 30 || rep.Rows[0].Amount != 600 {
		t.Fatalf("%+v %v", rep, err)
	}
	path := filepath.Join(t.TempDir(), "comp.csv")
	s.SetDialogs(saveDialog{path: ""})
	if saved, err := api.SaveCompensationCSV("2026-11"); err != nil || saved.Path != "" {
		t.Fatalf("cancelled: %+v %v", saved, err)
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Fatal("a cancelled save wrote a file")
	}
	s.SetDialogs(saveDialog{path: path})
	saved, err := api.SaveCompensationCSV("2026-11")
	if err != nil || saved.Path != path || saved.Name != "on-call compensation 2026-11.csv" {
		t.Fatalf("save %+v %v", saved, err)
	}
	b, _ := os.ReadFile(path)
	if !strings.HasPrefix(string(b), "month,person,region,") || !strings.Contains(string(b), "30 on-call days × 20.00 = 600.00") {
		t.Fatalf("csv:\n%s", b)
	}
	if _, err := api.SaveCompensationCSV("11/2026"); apiErr(t, err).Field != "month" {
		t.Fatalf("bad month: %v", err)
	}
}
