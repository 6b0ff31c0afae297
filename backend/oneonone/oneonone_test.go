package oneonone_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/civil"
	"wheelhouse/backend/clock"
	"wheelhouse/backend/errs"
	"wheelhouse/backend/followup"
	"wheelhouse/backend/id"
	"wheelhouse/backend/internal/testenv"
	"wheelhouse/backend/oneonone"
	"wheelhouse/backend/people"
	"wheelhouse/backend/reminder"
	"wheelhouse/backend/store"
)

type fixture struct {
	st     *store.Store
	clk    *clock.Fake
	roster *people.Roster
	book   *followup.Book
	svc    *oneonone.Service
	dana   people.Person
	kofi   people.Person
}

func setup(t *testing.T) *fixture {
	t.Helper()
	st := testenv.Store(t)
	clk := clock.NewFake(time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC))
	f := &fixture{st: st, clk: clk, roster: people.NewRoster(st, clk), book: followup.NewBook(st, clk)}
	f.svc = oneonone.NewService(st, clk, f.book)
	f.roster.AddPersonRefs(followup.PersonRefs{Clock: clk})
	f.roster.AddPersonRefs(oneonone.PersonRefs{})
	f.dana = f.person(t, "Dana Whitfield")
	f.kofi = f.person(t, "Kofi Mensah")
	return f
}

func (f *fixture) person(t *testing.T, name string) people.Person {
	t.Helper()
	return testenv.Person(t, f.roster, people.Person{Name: name, Aspiration: people.AspirationIC})
}

func fieldOf(err error) string {
	var e *errs.Error
	if errors.As(err, &e) {
		if len(e.Fields) > 0 {
			return e.Fields[0].Field
		}
		return e.Field
	}
	return ""
}

func TestCadenceNextAcrossMonthEnds(t *testing.T) {
	cases := []struct {
		c          oneonone.Cadence
		from, want string
	}{
		{oneonone.Weekly, "2026-12-29", "2027-01-05"},
		{oneonone.Biweekly, "2026-02-20", "2026-03-06"},
		{oneonone.Biweekly, "2028-02-20", "2028-03-05"}, // leap year
		{oneonone.Monthly, "2026-01-31", "2026-02-28"},
		{oneonone.Monthly, "2028-01-31", "2028-02-29"},
		{oneonone.Monthly, "2026-03-31", "2026-04-30"},
		{oneonone.Monthly, "2026-12-15", "2027-01-15"},
		// DST does not move civil dates: Berlin springs forward 29 Mar 2026,
		// New York 8 Mar 2026, Lord Howe 4 Oct 2026.
		{oneonone.Weekly, "2026-03-26", "2026-04-02"},
		{oneonone.Biweekly, "2026-03-01", "2026-03-15"},
		{oneonone.Weekly, "2026-10-01", "2026-10-08"},
	}
	for _, c := range cases {
		if got := c.c.Next(c.from); got != c.want {
			t.Errorf("%s after %s = %s, want %s", c.c, c.from, got, c.want)
		}
	}
}

func TestDueAndOverdueMessages(t *testing.T) {
	s := &oneonone.Series{PersonID: id.New(time.Now()), Cadence: oneonone.Biweekly, StartDate: "2026-10-01"}
	st := oneonone.Due(s, "Dana", "2026-11-01", "2026-11-24")
	if !st.Overdue || st.DaysSince != 23 || st.NextDue != "2026-11-15" || st.DaysOverdue != 9 {
		t.Fatalf("status %+v", st)
	}
	if st.Message != "No 1:1 with Dana for 23 days (cadence 14)." {
		t.Fatalf("message %q", st.Message)
	}
	// due today is not overdue
	if st := oneonone.Due(s, "Dana", "2026-11-10", "2026-11-24"); st.Overdue || st.Message != "1:1 with Dana is due today." {
		t.Fatalf("due today: %+v", st)
	}
	// never held: due on the start date
	if st := oneonone.Due(s, "Dana", "", "2026-10-03"); !st.Overdue || st.DaysSince != -1 || !strings.Contains(st.Message, "No 1:1 with Dana yet") {
		t.Fatalf("never held: %+v", st)
	}
	// paused: never overdue
	s.Paused = true
	if st := oneonone.Due(s, "Dana", "2026-01-01", "2026-11-24"); st.Overdue {
		t.Fatalf("paused is overdue: %+v", st)
	}
	// Monthly is the series' weekday of the month, as its calendar shows:
	// first 1:1 on the 2nd Tuesday (13 Jan) → due the 2nd Tuesday of
	// February (10 Feb), overdue from 11 Feb, also when January's was late.
	m := &oneonone.Series{Cadence: oneonone.Monthly, Weekday: 2, StartDate: "2026-01-13"}
	for _, held := range []string{"2026-01-13", "2026-01-20"} {
		if st := oneonone.Due(m, "Kofi", held, "2026-02-10"); st.Overdue || st.NextDue != "2026-02-10" {
			t.Fatalf("held %s: overdue on its due date: %+v", held, st)
		}
		if st := oneonone.Due(m, "Kofi", held, "2026-02-11"); !st.Overdue || st.DaysOverdue != 1 {
			t.Fatalf("held %s: %+v", held, st)
		}
	}
	// the last Tuesday (31 Mar is a fifth) → the last Tuesday of April
	m = &oneonone.Series{Cadence: oneonone.Monthly, Weekday: 2, StartDate: "2026-03-31"}
	if st := oneonone.Due(m, "Kofi", "2026-03-31", "2026-04-28"); st.Overdue || st.NextDue != "2026-04-28" {
		t.Fatalf("last Tuesday: %+v", st)
	}
	// days across the spring-forward weekend are whole days
	if d := civil.DaysBetween("2026-03-28", "2026-03-30"); d != 2 {
		t.Fatalf("DaysBetween across DST = %d", d)
	}
}

func TestSeriesValidation(t *testing.T) {
	f := setup(t)
	cases := []struct {
		name  string
		s     oneonone.Series
		field string
	}{
		{"no person", oneonone.Series{Cadence: oneonone.Weekly, StartDate: "2026-11-24"}, "personId"},
		{"unknown person", oneonone.Series{PersonID: id.New(time.Now()), Cadence: oneonone.Weekly, StartDate: "2026-11-24"}, "personId"},
		{"bad cadence", oneonone.Series{PersonID: f.dana.ID, Cadence: "daily", StartDate: "2026-11-24"}, "cadence"},
		{"bad time", oneonone.Series{PersonID: f.dana.ID, Cadence: oneonone.Weekly, Time: "25:00", StartDate: "2026-11-24"}, "time"},
		{"bad date", oneonone.Series{PersonID: f.dana.ID, Cadence: oneonone.Weekly, StartDate: "24/11/2026"}, "startDate"},
		{"bad weekday", oneonone.Series{PersonID: f.dana.ID, Cadence: oneonone.Weekly, Weekday: 7, StartDate: "2026-11-24"}, "weekday"},
		{"long meeting", oneonone.Series{PersonID: f.dana.ID, Cadence: oneonone.Weekly, DurationMinutes: 600, StartDate: "2026-11-24"}, "durationMinutes"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := f.svc.SaveSeries(c.s)
			if !errs.Is(err, errs.Invalid) || fieldOf(err) != c.field {
				t.Fatalf("err %v (field %q), want invalid %s", err, fieldOf(err), c.field)
			}
		})
	}
	if _, ok, _ := f.svc.Series(f.dana.ID); ok {
		t.Fatal("a refused series was stored")
	}
	s, err := f.svc.SaveSeries(oneonone.Series{PersonID: f.dana.ID, Cadence: oneonone.Biweekly, Weekday: 2, StartDate: "2026-11-24"})
	if err != nil || s.Time != "10:00" || s.DurationMinutes != 30 {
		t.Fatalf("save: %+v %v", s, err)
	}
}

func TestCarryOverUnfinishedTopics(t *testing.T) {
	f := setup(t)
	m1, err := f.svc.StartMeeting(f.dana.ID, "2026-11-10", []oneonone.AgendaItem{
		{Text: "Career: staff promo case", By: oneonone.SideThem},
		{Text: "On-call load", By: oneonone.SideMe},
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(m1.Agenda) != 2 || m1.Agenda[0].Carried != 0 {
		t.Fatalf("first meeting agenda %+v", m1.Agenda)
	}
	m1.Agenda[1].Done = true
	m1.Status = oneonone.Held
	m1.Mood = 4
	m1.PrivateNotes = "Seems tired."
	if m1, err = f.svc.SaveMeeting(m1); err != nil {
		t.Fatal(err)
	}
	m2, err := f.svc.StartMeeting(f.dana.ID, "2026-11-24", []oneonone.AgendaItem{{Text: "Conference budget", By: oneonone.SideThem}})
	if err != nil {
		t.Fatal(err)
	}
	if len(m2.Agenda) != 2 {
		t.Fatalf("second meeting agenda %+v", m2.Agenda)
	}
	c := m2.Agenda[0]
	if c.Text != "Career: staff promo case" || c.Carried != 1 || c.CarriedFrom != "2026-11-10" || c.OriginID != m1.Agenda[0].ID || c.Done || c.By != oneonone.SideThem {
		t.Fatalf("carried topic %+v", c)
	}
	if m2.Agenda[1].Text != "Conference budget" || m2.Agenda[1].Carried != 0 {
		t.Fatalf("new topic %+v", m2.Agenda[1])
	}
	// left unfinished again: carried a second time, counted
	m2.Status = oneonone.Held
	if _, err := f.svc.SaveMeeting(m2); err != nil {
		t.Fatal(err)
	}
	m3, err := f.svc.StartMeeting(f.dana.ID, "2026-12-08", nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(m3.Agenda) != 2 || m3.Agenda[0].Carried != 2 || m3.Agenda[0].CarriedFrom != "2026-11-24" || m3.Agenda[0].OriginID != m1.Agenda[0].ID {
		t.Fatalf("third meeting agenda %+v", m3.Agenda)
	}
	// Holding m3 after planning m4 carries into m4 without duplicates.
	m4, err := f.svc.StartMeeting(f.dana.ID, "2026-12-22", nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(m4.Agenda) != 2 { // carried from m3 (still planned): the same topics
		t.Fatalf("m4 agenda at start %+v", m4.Agenda)
	}
	m3.Agenda = append(m3.Agenda, oneonone.AgendaItem{Text: "New in m3", By: oneonone.SideMe})
	m3.Status = oneonone.Held
	if _, err := f.svc.SaveMeeting(m3); err != nil {
		t.Fatal(err)
	}
	m4, _ = f.svc.Meeting(m4.ID)
	if len(m4.Agenda) != 3 || m4.Agenda[2].Text != "New in m3" || m4.Agenda[2].Carried != 1 {
		t.Fatalf("m4 after m3 was held %+v", m4.Agenda)
	}
	// Another person's meetings do not carry.
	k, err := f.svc.StartMeeting(f.kofi.ID, "2026-11-25", nil)
	if err != nil || len(k.Agenda) != 0 {
		t.Fatalf("kofi %+v %v", k, err)
	}
	// History from the index, and the last held
	var hist []oneonone.Entry
	var last oneonone.Entry
	f.st.View(func(txn *badger.Txn) error {
		hist = oneonone.HistoryTx(txn, f.dana.ID)
		last, _ = oneonone.LastHeldTx(txn, f.dana.ID, "2026-12-31")
		return nil
	})
	if len(hist) != 4 || hist[0].Mood != 4 || hist[0].Status != oneonone.Held || last.Date != "2026-12-08" {
		t.Fatalf("history %+v last %+v", hist, last)
	}
}

func TestMeetingValidationAndDuplicates(t *testing.T) {
	f := setup(t)
	m, err := f.svc.StartMeeting(f.dana.ID, "2026-11-24", nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.svc.StartMeeting(f.dana.ID, "2026-11-24", nil); fieldOf(err) != "date" {
		t.Fatalf("same-day meeting: %v", err)
	}
	if _, err := f.svc.StartMeeting(f.dana.ID, "tomorrow", nil); fieldOf(err) != "date" {
		t.Fatalf("bad date: %v", err)
	}
	bad := m
	bad.Mood = 9
	if _, err := f.svc.SaveMeeting(bad); fieldOf(err) != "mood" {
		t.Fatalf("mood: %v", err)
	}
	bad = m
	bad.Agenda = []oneonone.AgendaItem{{Text: ""}}
	if _, err := f.svc.SaveMeeting(bad); fieldOf(err) != "agenda.0.text" {
		t.Fatalf("empty topic: %v", err)
	}
	bad = m
	bad.PersonID = f.kofi.ID
	if _, err := f.svc.SaveMeeting(bad); fieldOf(err) != "personId" {
		t.Fatalf("moving a meeting: %v", err)
	}
	bad = m
	bad.PrivateNotes = strings.Repeat("x", oneonone.MaxNotes+1)
	if _, err := f.svc.SaveMeeting(bad); fieldOf(err) != "privateNotes" {
		t.Fatalf("long notes: %v", err)
	}
	got, _ := f.svc.Meeting(m.ID)
	if got.Mood != 0 || len(got.Agenda) != 0 || got.PersonID != f.dana.ID {
		t.Fatalf("refused edits changed the meeting: %+v", got)
	}
}

func TestFollowUpsFromMeetingsAndDelete(t *testing.T) {
	f := setup(t)
	m, _ := f.svc.StartMeeting(f.dana.ID, "2026-11-24", nil)
	it, err := f.svc.AddFollowUp(m.ID, followup.Item{Title: "Send promo doc template", OwnerID: f.kofi.ID, DueDate: "2026-11-30"})
	if err != nil {
		t.Fatal(err)
	}
	if it.Source.Label != "1:1 with Dana Whitfield, 2026-11-24" {
		t.Fatalf("label %q", it.Source.Label)
	}
	var open []followup.Brief
	f.st.View(func(txn *badger.Txn) error {
		open, err = oneonone.PersonFollowUpsTx(txn, f.dana.ID)
		return err
	})
	if len(open) != 1 || open[0].ID != it.ID {
		t.Fatalf("open follow-ups %+v", open)
	}
	if err := f.svc.DeleteMeeting(m.ID); !errs.Is(err, errs.Conflict) {
		t.Fatalf("deleting a meeting with follow-ups: %v", err)
	}
	// Deleting Dana deletes her meetings; the follow-up stays, unlinked.
	if _, err := f.roster.DeletePerson(f.dana.ID, f.dana.Name); err != nil {
		t.Fatal(err)
	}
	if _, err := f.svc.Meeting(m.ID); !errs.Is(err, errs.NotFound) {
		t.Fatalf("meeting after the person was deleted: %v", err)
	}
	got, err := f.book.Get(it.ID)
	if err != nil || got.Source.Kind != "" || !strings.Contains(got.Source.Label, "(deleted)") {
		t.Fatalf("follow-up after delete %+v %v", got, err)
	}
	if _, err := f.book.Update(got); err != nil {
		t.Fatalf("the kept follow-up cannot be edited: %v", err)
	}
}

func TestOverdueReminderRule(t *testing.T) {
	f := setup(t)
	if _, err := f.svc.SaveSeries(oneonone.Series{PersonID: f.dana.ID, Cadence: oneonone.Biweekly, Weekday: 2, StartDate: "2026-10-01"}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.svc.SaveSeries(oneonone.Series{PersonID: f.kofi.ID, Cadence: oneonone.Weekly, Weekday: 3, StartDate: "2026-11-20"}); err != nil {
		t.Fatal(err)
	}
	m, _ := f.svc.StartMeeting(f.dana.ID, "2026-11-01", nil)
	m.Status = oneonone.Held
	f.svc.SaveMeeting(m)
	k, _ := f.svc.StartMeeting(f.kofi.ID, "2026-11-20", nil)
	k.Status = oneonone.Held
	f.svc.SaveMeeting(k)
	loc, _ := time.LoadLocation("Europe/Berlin")
	rule := oneonone.Rules()[0]
	var got []reminder.Reminder
	eval := func(today string) {
		t.Helper()
		err := f.st.View(func(txn *badger.Txn) error {
			var err error
			got, err = rule.Due(txn, reminder.Context{Now: f.clk.Now(), Loc: loc, Today: today})
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	eval("2026-11-24")
	if len(got) != 1 || got[0].Link.ID != f.dana.ID.String() || got[0].Key != oneonone.KindOverdue+":"+f.dana.ID.String()+":2026-11-15" {
		t.Fatalf("reminders %+v", got)
	}
	if !strings.Contains(got[0].Body, "No 1:1 with Dana Whitfield for 23 days (cadence 14).") {
		t.Fatalf("body %q", got[0].Body)
	}
	if want := time.Date(2026, 11, 16, 0, 0, 0, 0, loc); !got[0].DueAt.Equal(want) {
		t.Fatalf("due at %v, want %v", got[0].DueAt, want)
	}
	// Kofi becomes overdue on the 28th (held the 20th, weekly)
	eval("2026-11-28")
	if len(got) != 2 {
		t.Fatalf("on the 28th: %+v", got)
	}
	// Holding Dana's 1:1 ends her reminder.
	m2, _ := f.svc.StartMeeting(f.dana.ID, "2026-11-24", nil)
	m2.Status = oneonone.Held
	f.svc.SaveMeeting(m2)
	eval("2026-11-24")
	if len(got) != 0 {
		t.Fatalf("after the 1:1 was held: %+v", got)
	}
	// Archived people are not reminded of.
	f.roster.SetArchived(f.kofi.ID, true)
	eval("2026-11-28")
	if len(got) != 0 {
		t.Fatalf("archived person: %+v", got)
	}
}

func TestICSExportKeepsWallClockAcrossDST(t *testing.T) {
	loc, _ := time.LoadLocation("Europe/Berlin")
	s := &oneonone.Series{PersonID: id.New(time.Now()), Cadence: oneonone.Biweekly, Weekday: 2, Time: "10:30", DurationMinutes: 45, StartDate: "2026-03-02"}
	var b bytes.Buffer
	err := oneonone.WriteICS(&b, s, oneonone.Invite{PersonName: "Dana, \"DW\" Whitfield", PersonEmail: "dana@example.com", Zone: loc, GeneratedAt: time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{
		"BEGIN:VTIMEZONE", "TZID:Europe/Berlin", "BEGIN:DAYLIGHT", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200",
		"DTSTART;TZID=Europe/Berlin:20260303T103000", "DURATION:PT45M",
		"RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=TU", "SUMMARY:1:1 with Dana\\, \"DW\" Whitfield", "ATTENDEE;CN=",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in\n%s", want, out)
		}
	}
	if !strings.Contains(out, "DTSTART:20250330T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nTZNAME:CEST\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU") { // Berlin springs forward at 02:00 local, last Sunday of March
		t.Errorf("DST onset wrong:\n%s", out)
	}
	// monthly on the usual weekday of the month
	s.Cadence, s.StartDate, s.Weekday = oneonone.Monthly, "2026-11-24", 2
	b.Reset()
	oneonone.WriteICS(&b, s, oneonone.Invite{PersonName: "Dana", Zone: loc})
	if !strings.Contains(b.String(), "RRULE:FREQ=MONTHLY;BYDAY=4TU") {
		t.Errorf("monthly rule:\n%s", b.String())
	}
	// Lord Howe: half-hour DST shift
	lh, _ := time.LoadLocation("Australia/Lord_Howe")
	b.Reset()
	oneonone.WriteICS(&b, s, oneonone.Invite{PersonName: "Dana", Zone: lh})
	if !strings.Contains(b.String(), "TZOFFSETFROM:+1030") || !strings.Contains(b.String(), "TZOFFSETTO:+1100") {
		t.Errorf("Lord Howe:\n%s", b.String())
	}
	// bad series refused
	if err := oneonone.WriteICS(&b, &oneonone.Series{}, oneonone.Invite{}); !errs.Is(err, errs.Invalid) {
		t.Fatalf("empty series: %v", err)
	}
}

// The export, read by ical.js (Thunderbird's parser) with the VTIMEZONE we
// write: every occurrence stays at 10:30 in Berlin, before and after the
// clocks change, and in Lord Howe's half-hour shift.
func TestICSExportExpandsInICALJS(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node is not installed (make go-test installs the peers and runs this)")
	}
	peer := "../../scripts/bench-ical"
	if _, err := os.Stat(filepath.Join(peer, "node_modules", "ical.js", "package.json")); err != nil {
		t.Skip("ical.js is not installed: run `npm ci` in scripts/bench-ical (make go-test does)")
	}
	for _, zone := range []string{"Europe/Berlin", "America/New_York", "Australia/Lord_Howe"} {
		t.Run(zone, func(t *testing.T) {
			loc, _ := time.LoadLocation(zone)
			s := &oneonone.Series{PersonID: id.New(time.Now()), Cadence: oneonone.Weekly, Weekday: 2, Time: "10:30", DurationMinutes: 45, StartDate: "2026-02-01"}
			var b bytes.Buffer
			if err := oneonone.WriteICS(&b, s, oneonone.Invite{PersonName: "Dana", Zone: loc, GeneratedAt: time.Now()}); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(t.TempDir(), "1on1.ics")
			os.WriteFile(path, b.Bytes(), 0o644)
			cmd := exec.Command(node, "recur.mjs", mustAbs(t, path), "52")
			cmd.Dir = peer
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			raw, err := cmd.Output()
			if err != nil {
				t.Fatalf("ical.js: %v\n%s", err, stderr.String())
			}
			var evs []struct {
				Zone            string
				DurationMinutes float64
				Starts          []string
			}
			if err := json.Unmarshal(raw, &evs); err != nil || len(evs) != 1 {
				t.Fatalf("%s: %v", raw, err)
			}
			if evs[0].Zone != zone || evs[0].DurationMinutes != 45 || len(evs[0].Starts) != 52 {
				t.Fatalf("event %+v", evs[0])
			}
			offsets := map[int]bool{}
			for i, st := range evs[0].Starts {
				u, err := time.Parse(time.RFC3339, st)
				if err != nil {
					t.Fatal(err)
				}
				l := u.In(loc)
				if l.Hour() != 10 || l.Minute() != 30 || l.Weekday() != time.Tuesday {
					t.Fatalf("occurrence %d is %s local (%s UTC)", i, l, st)
				}
				_, off := l.Zone()
				offsets[off] = true
			}
			if len(offsets) != 2 {
				t.Fatalf("a year of occurrences saw offsets %v: no DST change covered", offsets)
			}
		})
	}
}

func mustAbs(t *testing.T, p string) string {
	a, err := filepath.Abs(p)
	if err != nil {
		t.Fatal(err)
	}
	return a
}
