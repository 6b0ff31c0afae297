package handoff_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/clock"
	"wheelhouse/backend/demo"
	"wheelhouse/backend/errs"
	"wheelhouse/backend/handoff"
	"wheelhouse/backend/id"
	"wheelhouse/backend/reminder"
	"wheelhouse/backend/store"
	"wheelhouse/backend/workspace"
)

// A Wednesday noon: outside the default quiet hours, so reminders deliver.
var now = time.Date(2026, 12, 2, 12, 0, 0, 0, time.UTC)

// demoWorkspace is the small demo (one weekly rotation, "Payments
// on-call", with handoff reminders on) in a real Badger in a temp dir.
func demoWorkspace(t *testing.T) (*workspace.Workspace, *clock.Fake) {
	t.Helper()
	dir := t.TempDir()
	c := clock.NewFake(now)
	if _, err := workspace.ImportFolder(dir, demo.Generate(demo.Small, now), false, workspace.Options{Clock: c}); err != nil {
		t.Fatal(err)
	}
	w, err := workspace.Open(dir, workspace.Options{Clock: c})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	return w, c
}

// lastEnded is the latest turn that has ended, from the handoffs list.
func lastEnded(t *testing.T, w *workspace.Workspace) handoff.Entry {
	t.Helper()
	list, err := w.Handoffs.Recent(0)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range list {
		if e.Ended {
			return e
		}
	}
	t.Fatalf("no ended turn in %+v", list)
	return handoff.Entry{}
}

func count(t *testing.T, w *workspace.Workspace, prefix byte) int {
	t.Helper()
	n := 0
	_ = w.Store.View(func(txn *badger.Txn) error {
		n = store.CountPrefix(txn, []byte{prefix})
		return nil
	})
	return n
}

func fieldOf(err error) string {
	if fe := errs.FieldsOf(err); len(fe) > 0 {
		return fe[0].Field
	}
	return ""
}

func TestRecordValidation(t *testing.T) {
	w, _ := demoWorkspace(t)
	e := lastEnded(t, w)
	ok := handoff.Input{RotationID: e.RotationID, TurnStart: e.Start, Rating: 3}
	future, err := w.Handoffs.Recent(0)
	if err != nil {
		t.Fatal(err)
	}
	var running handoff.Entry
	for _, x := range future {
		if !x.Ended {
			running = x
		}
	}
	for _, c := range []struct {
		name  string
		edit  func(*handoff.Input)
		field string
	}{
		{"no rating", func(in *handoff.Input) { in.Rating = 0 }, "rating"},
		{"rating 6", func(in *handoff.Input) { in.Rating = 6 }, "rating"},
		{"negative rating", func(in *handoff.Input) { in.Rating = -1 }, "rating"},
		{"no rotation", func(in *handoff.Input) { in.RotationID = id.ID{} }, "rotationId"},
		{"unknown rotation", func(in *handoff.Input) { in.RotationID = id.New(now) }, "rotationId"},
		{"no turn", func(in *handoff.Input) { in.TurnStart = time.Time{} }, "turnStart"},
		{"not a turn start", func(in *handoff.Input) { in.TurnStart = in.TurnStart.Add(time.Hour) }, "turnStart"},
		{"a turn that has not started", func(in *handoff.Input) { in.TurnStart = running.End }, "turnStart"},
		{"notes too long", func(in *handoff.Input) { in.OpenIssues = strings.Repeat("x", handoff.MaxNotes+1) }, "openIssues"},
		{"free text too long", func(in *handoff.Input) { in.Comment = strings.Repeat("é", handoff.MaxComment+1) }, "comment"},
	} {
		t.Run(c.name, func(t *testing.T) {
			in := ok
			c.edit(&in)
			_, err := w.Handoffs.Record(in)
			if !errs.Is(err, errs.Invalid) || fieldOf(err) != c.field {
				t.Fatalf("got %v (field %q), want invalid %s", err, fieldOf(err), c.field)
			}
			if n := count(t, w, store.PrefixHandoff) + count(t, w, store.IdxHandoffPerson) + count(t, w, store.IdxHandoffTurn); n != 0 {
				t.Fatalf("%d keys written by a refused record", n)
			}
		})
	}
}

func TestRecordEditAndHistory(t *testing.T) {
	w, c := demoWorkspace(t)
	e := lastEnded(t, w)
	if e.Record != nil {
		t.Fatalf("the demo has a handoff already: %+v", e.Record)
	}
	r, err := w.Handoffs.Record(handoff.Input{RotationID: e.RotationID, TurnStart: e.Start, Rating: 4, SleepInterrupted: true,
		OpenIssues: "  disk alerts flapping  ", RunbookGaps: "no runbook for the kafka lag alert"})
	if err != nil {
		t.Fatal(err)
	}
	if r.PersonID != e.PersonID || !r.TurnEnd.Equal(e.End) || r.OpenIssues != "disk alerts flapping" || !r.RecordedAt.Equal(now) {
		t.Fatalf("record %+v for turn %+v", r, e)
	}
	c.Advance(time.Hour)
	r2, err := w.Handoffs.Record(handoff.Input{RotationID: e.RotationID, TurnStart: e.Start, Rating: 2, Comment: "better than it sounded"})
	if err != nil {
		t.Fatal(err)
	}
	if r2.ID != r.ID || !r2.RecordedAt.Equal(now) || !r2.UpdatedAt.Equal(now.Add(time.Hour)) || r2.SleepInterrupted || r2.Rating != 2 {
		t.Fatalf("edit %+v of %+v", r2, r)
	}
	if n := count(t, w, store.PrefixHandoff); n != 1 {
		t.Fatalf("%d records after an edit, want 1", n)
	}
	hist, err := w.Handoffs.History(e.PersonID)
	if err != nil || len(hist) != 1 || hist[0].Rating != 2 {
		t.Fatalf("history %+v, %v", hist, err)
	}
	if got := lastEnded(t, w); got.Record == nil || got.Record.ID != r.ID {
		t.Fatalf("the list does not show the record: %+v", got)
	}
	health, err := w.Handoffs.Health(0)
	if err != nil || len(health) != 1 || health[0].Recorded != 1 || health[0].Mean != 2 || health[0].Turns < 1 {
		t.Fatalf("health %+v, %v", health, err)
	}
	// Deleting the person deletes their handoffs.
	im, err := w.Roster.DeleteImpact(e.PersonID)
	if err != nil || !strings.Contains(strings.Join(im.Items, " "), "1 handoff record") {
		t.Fatalf("impact %+v, %v", im, err)
	}
	if _, err := w.Roster.DeletePerson(e.PersonID, im.Person.Name); err != nil {
		t.Fatal(err)
	}
	for _, pre := range []byte{store.PrefixHandoff, store.IdxHandoffPerson, store.IdxHandoffTurn} {
		if n := count(t, w, pre); n != 0 {
			t.Fatalf("%d keys under %#x after the person was deleted", n, pre)
		}
	}
}

func TestReminderFiresOnceAndStopsAfterRecording(t *testing.T) {
	w, c := demoWorkspace(t)
	e := lastEnded(t, w)
	key := func(r reminder.Reminder) bool {
		return r.Kind == handoff.KindRecord && strings.Contains(r.Key, e.RotationID.String())
	}
	res, err := w.Reminders.Evaluate()
	if err != nil {
		t.Fatal(err)
	}
	var fired []reminder.Reminder
	for _, r := range res.Delivered {
		if key(r) {
			fired = append(fired, r)
		}
	}
	if len(fired) != 1 {
		t.Fatalf("delivered %d handoff reminders for the turn, want 1: %+v", len(fired), res.Delivered)
	}
	if !strings.Contains(fired[0].Title, e.Person) || fired[0].Link.Area != "handoffs" {
		t.Fatalf("reminder %+v", fired[0])
	}
	// Ten minutes later: still listed, not delivered again.
	c.Advance(10 * time.Minute)
	res, err = w.Reminders.Evaluate()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range res.Delivered {
		if key(r) {
			t.Fatalf("delivered twice: %+v", r)
		}
	}
	active := func() int {
		n := 0
		list, err := w.Reminders.List()
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range list {
			if key(a.Reminder) {
				n++
			}
		}
		return n
	}
	if n := active(); n != 1 {
		t.Fatalf("%d active reminders for the turn before recording, want 1", n)
	}
	// Private content never reaches the notification: record with notes,
	// then the reminder is gone.
	if _, err := w.Handoffs.Record(handoff.Input{RotationID: e.RotationID, TurnStart: e.Start, Rating: 5, OpenIssues: "SECRET-NOTE"}); err != nil {
		t.Fatal(err)
	}
	if _, err := w.Reminders.Evaluate(); err != nil {
		t.Fatal(err)
	}
	if n := active(); n != 0 {
		t.Fatalf("%d active reminders for the turn after recording, want 0", n)
	}
	// Long after: a turn that ended more than a week ago is not asked about.
	c.Set(e.End.Add(handoff.RecentDays*24*time.Hour + 2*time.Hour))
	list, err := w.Reminders.List()
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range list {
		if a.Kind == handoff.KindRecord && a.DueAt.Before(c.Now().Add(-handoff.RecentDays*24*time.Hour)) {
			t.Fatalf("a reminder for a turn that ended long ago: %+v", a)
		}
		if strings.Contains(a.Title+a.Body, "SECRET") {
			t.Fatalf("private notes in a reminder: %+v", a)
		}
	}
}

const surveyCSV = "\xef\xbb\xbfTimestamp,Email Address,Your name,Which rotation?,How heavy was it (1-5)?,Sleep interrupted?,Anything else?\n" +
	"11/23/2026 10:01:02,ana@example.com,Ana Person,Payments on-call,4,Yes,\"Too many disk alerts, again\"\n" +
	"2026-11-24 11:00,bo@example.com,Bo Person,payments ON-CALL,2,No,\n" +
	"2026-11-30T08:00:00+01:00,cy@example.com,Cy Person,Payments on-call,5 - very heavy,yes,kafka runbook is outdated\n" +
	"12/01/2026 11:01:02,dee@example.com,Dee Person,Nope,5,Yes,\n" +
	"12/01/2026 11:01:02,eve@example.com,Eve Person,Payments on-call,7,Yes,\n" +
	",,,,,,\n"

func TestSurveyImportAggregatesAnonymously(t *testing.T) {
	w, _ := demoWorkspace(t)
	data := []byte(surveyCSV)
	p, err := w.Handoffs.PreviewSurvey("/home/me/answers.csv", data, handoff.Mapping{})
	if err != nil {
		t.Fatal(err)
	}
	if p.File != "answers.csv" || p.Answers != 3 || p.Skipped != 2 || len(p.Problems) != 2 || len(p.Aggregates) != 2 {
		t.Fatalf("preview %+v", p)
	}
	for _, cm := range p.Mapping.Columns {
		if cm.Column == "Email Address" || cm.Column == "Your name" {
			t.Fatalf("the guess mapped a person column: %+v", p.Mapping)
		}
	}
	if strings.Join(p.Ignored, "|") != "Email Address|Your name" {
		t.Fatalf("ignored %q", p.Ignored)
	}
	if n := count(t, w, store.PrefixSurvey); n != 0 {
		t.Fatalf("a preview wrote %d keys", n)
	}
	w48, w49 := p.Aggregates[0], p.Aggregates[1]
	if w48.Period != "2026-W48" || w48.Answers != 2 || w48.Ratings != [5]int{0, 1, 0, 1, 0} || w48.Mean() != 3 ||
		w48.SleepAnswered != 2 || w48.SleepInterrupted != 1 || len(w48.Comments) != 1 {
		t.Fatalf("week 48 %+v", w48)
	}
	if w49.Period != "2026-W49" || w49.Ratings != [5]int{0, 0, 0, 0, 1} || w49.Comments[0] != "kafka runbook is outdated" {
		t.Fatalf("week 49 %+v", w49)
	}

	// Mapping a person is refused, whichever way it is asked for.
	for _, m := range []handoff.Mapping{
		{Columns: []handoff.ColumnMap{{"Which rotation?", "rotation"}, {"Timestamp", "date"}, {"How heavy was it (1-5)?", "rating"}, {"Email Address", "comment"}}},
		{Columns: []handoff.ColumnMap{{"Which rotation?", "rotation"}, {"Timestamp", "date"}, {"How heavy was it (1-5)?", "rating"}, {"Anything else?", "person"}}},
	} {
		if _, err := w.Handoffs.ImportSurvey("answers.csv", data, m); !errs.Is(err, errs.Invalid) || !strings.Contains(errs.MessageOf(err), "anonymous") {
			t.Fatalf("mapping %+v: %v", m, err)
		}
	}
	if n := count(t, w, store.PrefixSurvey); n != 0 {
		t.Fatalf("a refused import wrote %d keys", n)
	}
	// A preview with a wrong mapping says why, with the file's columns.
	bad, err := w.Handoffs.PreviewSurvey("answers.csv", data, handoff.Mapping{Columns: []handoff.ColumnMap{{"Timestamp", "date"}}})
	if err != nil || len(bad.MappingErrors) == 0 || len(bad.Headers) != 7 || bad.Answers != 0 {
		t.Fatalf("preview of a wrong mapping: %+v, %v", bad, err)
	}

	if _, err := w.Handoffs.ImportSurvey("answers.csv", data, handoff.Mapping{}); err != nil {
		t.Fatal(err)
	}
	before := count(t, w, store.PrefixSurvey)
	// The same file again is refused and changes nothing.
	if _, err := w.Handoffs.ImportSurvey("copy.csv", data, handoff.Mapping{}); !errs.Is(err, errs.Conflict) {
		t.Fatalf("re-import: %v", err)
	}
	aggs, err := w.Handoffs.Survey()
	if err != nil || len(aggs) != 2 || aggs[0].Answers != 2 || count(t, w, store.PrefixSurvey) != before {
		t.Fatalf("after the re-import: %+v, %v", aggs, err)
	}
	// Another file adds to the same aggregate; the mapping is remembered.
	more := []byte("Timestamp,Email Address,Your name,Which rotation?,How heavy was it (1-5)?,Sleep interrupted?,Anything else?\n" +
		"11/25/2026 09:00:00,fay@example.com,Fay Person,Payments on-call,1,No,all quiet\n")
	p2, err := w.Handoffs.ImportSurvey("more.csv", more, handoff.Mapping{})
	if err != nil || p2.Answers != 1 {
		t.Fatalf("second file: %+v, %v", p2, err)
	}
	aggs, _ = w.Handoffs.Survey()
	if aggs[0].Answers != 3 || aggs[0].Ratings[0] != 1 || strings.Join(aggs[0].Comments, "|") != "Too many disk alerts, again|all quiet" {
		t.Fatalf("merged %+v", aggs[0])
	}

	// Nothing stored under the survey prefix names a respondent: no e-mail,
	// no name, no person id of the roster.
	ppl, err := w.Roster.People(true)
	if err != nil {
		t.Fatal(err)
	}
	var stored bytes.Buffer
	_ = w.Store.View(func(txn *badger.Txn) error {
		return store.Values(txn, store.Range{Prefix: []byte{store.PrefixSurvey}}, func(k, v []byte) error {
			stored.Write(k)
			stored.Write(v)
			return nil
		})
	})
	for _, bad := range []string{"example.com", "Person", "Email"} {
		if bytes.Contains(stored.Bytes(), []byte(bad)) {
			t.Fatalf("stored survey data holds %q", bad)
		}
	}
	for _, p := range ppl {
		if bytes.Contains(stored.Bytes(), p.ID[:]) || bytes.Contains(stored.Bytes(), []byte(p.ID.String())) || bytes.Contains(stored.Bytes(), []byte(p.Name)) {
			t.Fatalf("stored survey data holds person %s", p.Name)
		}
	}
}

func TestSurveyBadFiles(t *testing.T) {
	w, _ := demoWorkspace(t)
	full := []handoff.ColumnMap{{"r", "rotation"}, {"d", "date"}, {"x", "rating"}}
	for _, c := range []struct {
		name string
		data string
		m    handoff.Mapping
		want string
	}{
		{"empty", "", handoff.Mapping{}, "empty"},
		{"not UTF-8", "r,d,x\n\xff\xfe,1,2\n", handoff.Mapping{Columns: full}, "UTF-8"},
		{"no rotation column", "d,x\n2026-11-23,3\n", handoff.Mapping{}, "rotation"},
		{"unknown column", "r,d,x\nPayments on-call,2026-11-23,3\n", handoff.Mapping{Columns: append(full[:2:2], handoff.ColumnMap{"rating!", "rating"})}, "no column"},
		{"unknown field", "r,d,x\nPayments on-call,2026-11-23,3\n", handoff.Mapping{Columns: append(full[:2:2], handoff.ColumnMap{"x", "mood"})}, "Unknown field"},
		{"bad period", "r,d,x\nPayments on-call,2026-11-23,3\n", handoff.Mapping{Columns: full, Period: "year"}, "week or month"},
		{"nothing countable", "r,d,x\nPayments on-call,yesterday,3\n", handoff.Mapping{Columns: full}, "No answer"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := w.Handoffs.ImportSurvey("f.csv", []byte(c.data), c.m)
			if !errs.Is(err, errs.Invalid) || !strings.Contains(errs.MessageOf(err), c.want) {
				t.Fatalf("got %v, want invalid with %q", err, c.want)
			}
			if n := count(t, w, store.PrefixSurvey); n != 0 {
				t.Fatalf("%d keys written", n)
			}
		})
	}
	// By month, in a semicolon-separated file.
	p, err := w.Handoffs.ImportSurvey("m.csv", []byte("r;d;x\nPayments on-call;2026-11-23;3\nPayments on-call;2026-11-30;5\n"),
		handoff.Mapping{Columns: full, Period: handoff.PeriodMonth})
	if err != nil || len(p.Aggregates) != 1 || p.Aggregates[0].Period != "2026-11" || p.Aggregates[0].Mean() != 4 {
		t.Fatalf("by month: %+v, %v", p, err)
	}
}

func TestPrivateFieldsLeaveExportWithoutPrivate(t *testing.T) {
	w, _ := demoWorkspace(t)
	e := lastEnded(t, w)
	if _, err := w.Handoffs.Record(handoff.Input{RotationID: e.RotationID, TurnStart: e.Start, Rating: 4,
		OpenIssues: "OPEN-ISSUE-TEXT", RunbookGaps: "RUNBOOK-GAP-TEXT", Comment: "FREE-TEXT"}); err != nil {
		t.Fatal(err)
	}
	if _, err := w.Handoffs.ImportSurvey("s.csv", []byte(surveyCSV), handoff.Mapping{}); err != nil {
		t.Fatal(err)
	}
	var with, without bytes.Buffer
	if err := w.Export(&with, "test"); err != nil {
		t.Fatal(err)
	}
	if err := w.ExportWith(&without, "test", workspace.ExportOptions{WithoutPrivate: true}); err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"OPEN-ISSUE-TEXT", "RUNBOOK-GAP-TEXT", "FREE-TEXT", "kafka runbook is outdated", `"rating": 4`} {
		if !strings.Contains(with.String(), s) {
			t.Fatalf("the full export lacks %q", s)
		}
		if strings.Contains(without.String(), s) {
			t.Fatalf("the export without private notes has %q", s)
		}
	}
	// Both files import; the full one brings the handoffs back.
	for _, c := range []struct {
		name    string
		file    *bytes.Buffer
		records int
	}{{"with", &with, 1}, {"without", &without, 0}} {
		s, err := workspace.Parse(bytes.NewReader(c.file.Bytes()), now)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		dir := t.TempDir()
		if _, err := workspace.ImportFolder(dir, s, false, workspace.Options{Clock: clock.NewFake(now)}); err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		w2, err := workspace.Open(dir, workspace.Options{Clock: clock.NewFake(now)})
		if err != nil {
			t.Fatal(err)
		}
		got, err := w2.Load()
		w2.Close()
		if err != nil || len(got.Handoffs.Records) != c.records {
			t.Fatalf("%s: %d records after import, want %d (%v)", c.name, len(got.Handoffs.Records), c.records, err)
		}
	}
	// A file that says private notes are omitted but has handoffs is refused.
	var s map[string]any
	_ = json.Unmarshal(with.Bytes(), &s)
	s["privateNotes"] = "omitted"
	b, _ := json.Marshal(s)
	if _, err := workspace.Parse(bytes.NewReader(b), now); err == nil || !strings.Contains(err.Error(), "handoff") {
		t.Fatalf("a file with handoffs marked omitted: %v", err)
	}
}
