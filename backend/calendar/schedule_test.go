package calendar

import (
	"bytes"
	"io"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	ical "github.com/emersion/go-ical"

	"wheelhouse/backend/clock"
	"wheelhouse/backend/errs"
	"wheelhouse/backend/id"
	"wheelhouse/backend/oncall"
	"wheelhouse/backend/people"
	"wheelhouse/backend/store"
)

// scheduleEnv is a workspace on disk with a team whose schedule has two
// layers: office hours (layer 1, weekdays 09-17 Berlin, Dana and Kofi) and
// a 24x7 secondary (layer 2, Zoë and Ama).
type scheduleEnv struct {
	*env
	team   people.Team
	office oncall.Rotation
	second oncall.Rotation
}

func setupSchedule(t *testing.T) *scheduleEnv {
	t.Helper()
	st, err := store.Open(t.TempDir(), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	c := clock.NewFake(now)
	e := &env{st: st, clock: c, oc: oncall.NewService(st, c), roster: people.NewRoster(st, c)}
	if e.cal, err = NewService(st, c, nil); err != nil {
		t.Fatal(err)
	}
	for _, n := range []string{"Dana Xu", "Kofi Mensah", "Zoë Ødegård", "Ama Owusu"} {
		p, err := e.roster.CreatePerson(people.Person{Name: n, TimeZone: "Europe/Berlin"})
		if err != nil {
			t.Fatal(err)
		}
		e.people = append(e.people, p)
	}
	s := &scheduleEnv{env: e}
	if s.team, err = e.roster.SaveTeam(people.Team{Name: "Payments"}); err != nil {
		t.Fatal(err)
	}
	s.office, err = e.oc.SaveRotation(oncall.Rotation{Name: "Office hours", TimeZone: "Europe/Berlin", TeamID: s.team.ID, Layer: 1,
		Participants: []id.ID{e.people[0].ID, e.people[1].ID},
		ShiftLength:  oncall.ShiftLength{N: 1, Unit: oncall.Weeks}, HandoffTime: "09:00", StartDate: "2026-11-02",
		Restriction: &oncall.Restriction{Weekdays: []string{"mon", "tue", "wed", "thu", "fri"}, Start: "09:00", End: "17:00"}})
	if err != nil {
		t.Fatal(err)
	}
	s.second, err = e.oc.SaveRotation(oncall.Rotation{Name: "Secondary", TimeZone: "Europe/Berlin", TeamID: s.team.ID, Layer: 2,
		Participants: []id.ID{e.people[2].ID, e.people[3].ID},
		ShiftLength:  oncall.ShiftLength{N: 1, Unit: oncall.Weeks}, HandoffTime: "10:00", StartDate: "2026-11-02"})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func (s *scheduleEnv) exportWin(t *testing.T, sc Scope, from, to time.Time) ([]ical.Event, ExportResult) {
	t.Helper()
	var b bytes.Buffer
	res, err := s.cal.Export(&b, sc, from, to, ExportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return decode(t, b.Bytes()), res
}

type evView struct {
	summary, status string
	start, end      time.Time
}

func view(t *testing.T, evs []ical.Event) map[string]evView {
	t.Helper()
	out := map[string]evView{}
	for _, ev := range evs {
		uid, _ := ev.Props.Text(ical.PropUID)
		if _, dup := out[uid]; dup {
			t.Fatalf("two events with UID %s", uid)
		}
		sum, _ := ev.Props.Text(ical.PropSummary)
		st, _ := ev.Props.Text(ical.PropStatus)
		a, err := ev.DateTimeStart(time.UTC)
		if err != nil {
			t.Fatal(err)
		}
		b, err := ev.DateTimeEnd(time.UTC)
		if err != nil {
			t.Fatal(err)
		}
		out[uid] = evView{sum, st, a.UTC(), b.UTC()}
	}
	return out
}

// A team's schedule calendar is its final schedule: office hours go to the
// office rotation, the rest to the secondary; the events are the same
// whichever window asks, and they never mix with the rotation calendars.
func TestScheduleScopePublishesTheFinalSchedule(t *testing.T) {
	s := setupSchedule(t)
	sc := Scope{Kind: ScopeSchedule, ID: s.team.ID}
	// Week of 30 Nov (Mon) - 7 Dec: Dana has office hours, Ama (until
	// Monday 10:00) and Zoë the rest.
	from, to := time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC), time.Date(2026, 12, 7, 0, 0, 0, 0, time.UTC)
	evs, res := s.exportWin(t, sc, from, to)
	if res.Name != "On call: Payments (final schedule)" || res.Cancelled != 0 || res.Events != len(evs) {
		t.Fatalf("first export %+v", res)
	}
	got := view(t, evs)
	var office, rest int
	for uid, ev := range got {
		if !strings.HasPrefix(uid, "f") {
			t.Errorf("UID %s is not a final-schedule UID", uid)
		}
		switch {
		case ev.summary == "Dana Xu on call · Payments":
			office++
			if h := ev.start.In(berlin(t)).Hour(); h != 9 || ev.end.Sub(ev.start) != 8*time.Hour {
				t.Errorf("office piece %v–%v", ev.start, ev.end)
			}
		case strings.HasSuffix(ev.summary, " on call · Payments"):
			rest++
		default:
			t.Errorf("summary %q", ev.summary)
		}
	}
	// Five office days; the secondary around them: Ama's turn until Monday
	// 09:00, then five parts of Zoë's.
	if office != 5 || rest != 6 {
		t.Fatalf("%d office pieces, %d others:\n%v", office, rest, got)
	}
	// Every part of a secondary turn cut by office hours has its own UID;
	// the same piece asked through another window is the same event.
	for _, shift := range []time.Duration{-3 * 24 * time.Hour, 2*24*time.Hour + 5*time.Hour, 11 * time.Hour} {
		evs2, res2 := s.exportWin(t, sc, from.Add(shift), to.Add(shift))
		if res2.Cancelled != 0 {
			t.Fatalf("a window %v later cancelled %d events", shift, res2.Cancelled)
		}
		for uid, ev := range view(t, evs2) {
			if w, ok := got[uid]; ok && (w.start != ev.start || w.end != ev.end || w.summary != ev.summary) {
				t.Fatalf("window %v: %s is %v, was %v", shift, uid, ev, w)
			}
			if ev.start.Before(to) && ev.end.After(from) {
				if _, ok := got[uid]; !ok {
					t.Fatalf("window %v: %s (%v) was not in the first export", shift, uid, ev)
				}
			}
		}
	}

	// The rotation and team calendars do not cancel the final pieces, and
	// the schedule calendar does not cancel theirs.
	for _, other := range []Scope{{Kind: ScopeTeam}, {Kind: ScopeRotation, ID: s.office.ID}, {Kind: ScopePerson, ID: s.people[1].ID}} {
		evs, res := s.exportWin(t, other, from, to)
		if res.Cancelled != 0 {
			t.Fatalf("%s after the schedule: %d cancelled", other.Kind, res.Cancelled)
		}
		for uid := range view(t, evs) {
			if strings.HasPrefix(uid, "f") {
				t.Fatalf("%s holds a final piece %s", other.Kind, uid)
			}
		}
	}
	if _, res := s.exportWin(t, sc, from, to); res.Cancelled != 0 || res.Changed != 0 {
		t.Fatalf("schedule after the others: %+v", res)
	}

	// Dana is off on Wednesday 2 Dec: Kofi takes the office turn (the whole
	// turn, fair cover), so Dana's office pieces are cancelled in the
	// schedule calendar only.
	if _, err := s.oc.SaveTimeOff(oncall.TimeOff{PersonID: s.people[0].ID, StartDate: "2026-12-02"}); err != nil {
		t.Fatal(err)
	}
	s.clock.Advance(time.Hour)
	evs, res = s.exportWin(t, sc, from, to)
	cancelled, kofi := 0, 0
	for _, ev := range view(t, evs) {
		switch {
		case ev.status == "CANCELLED":
			cancelled++
			if ev.summary != "Dana Xu on call · Payments" {
				t.Errorf("cancelled %q", ev.summary)
			}
		case ev.summary == "Kofi Mensah on call · Payments":
			kofi++
		}
	}
	if cancelled != 5 || kofi != 5 || res.Cancelled != 5 {
		t.Fatalf("after Dana's day off: %d cancelled, %d of Kofi's, %+v", cancelled, kofi, res)
	}
	// The team calendar cancels Dana's office shifts (its own events), not
	// the final pieces.
	evs, res = s.exportWin(t, Scope{Kind: ScopeTeam}, from, to)
	for uid, ev := range view(t, evs) {
		if strings.HasPrefix(uid, "f") {
			t.Fatalf("the team calendar holds %s %v", uid, ev)
		}
	}
	if res.Cancelled != 5 {
		t.Fatalf("the team calendar: %+v", res)
	}
}

func berlin(t *testing.T) *time.Location {
	l, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func TestScheduleScopeFeedAndErrors(t *testing.T) {
	s := setupSchedule(t)
	f, token, err := s.cal.CreateFeed(Scope{Kind: ScopeSchedule, ID: s.team.ID}, "")
	if err != nil {
		t.Fatal(err)
	}
	if f.Name != "On call: Payments (final schedule)" {
		t.Fatalf("feed name %q", f.Name)
	}
	srv := httptest.NewServer(s.cal.Handler())
	defer srv.Close()
	res, err := srv.Client().Get(srv.URL + FeedPath(token))
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	evs := view(t, decode(t, body))
	if res.StatusCode != 200 || len(evs) < 100 {
		t.Fatalf("feed: %d, %d events", res.StatusCode, len(evs))
	}
	for uid, ev := range evs {
		if !strings.HasPrefix(uid, "f") || !strings.HasSuffix(ev.summary, "· Payments") {
			t.Fatalf("feed event %s %q", uid, ev.summary)
		}
	}
	if _, _, err := s.cal.CreateFeed(Scope{Kind: ScopeSchedule}, ""); !errs.Is(err, errs.Invalid) {
		t.Errorf("a schedule feed without a team: %v", err)
	}
	if _, _, err := s.cal.CreateFeed(Scope{Kind: ScopeSchedule, ID: id.New(now)}, ""); !errs.Is(err, errs.NotFound) {
		t.Errorf("a feed of an unknown team: %v", err)
	}
	if _, err := s.cal.Export(io.Discard, Scope{Kind: ScopeSchedule, ID: id.New(now)}, now, now.Add(time.Hour), ExportOptions{}); !errs.Is(err, errs.NotFound) {
		t.Errorf("unknown team: %v", err)
	}
}
