package calendar

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	ical "github.com/emersion/go-ical"

	"wheelhouse/backend/id"
	"wheelhouse/backend/oncall"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func TestAppendText(t *testing.T) {
	for in, want := range map[string]string{
		"plain":                       "plain",
		`a\b;c,d`:                     `a\\b\;c\,d`,
		"two\nlines\r\nthree\rfour":   `two\nlines\nthree\nfour`,
		"tab\tbell\x07nul\x00del\x7f": "tab\tbellnuldel",
		"bad \xff utf8":               "bad \uFFFD utf8",
		"Zoë 😀 国":                     "Zoë 😀 国",
		"colon: ok":                   "colon: ok",
	} {
		if got := string(AppendText(nil, in)); got != want {
			t.Errorf("%q: got %q, want %q", in, got, want)
		}
	}
}

// unfold reverses Fold: CRLF followed by a space or tab continues a line.
func unfold(b []byte) []string {
	s := strings.ReplaceAll(string(b), "\r\n ", "")
	s = strings.ReplaceAll(s, "\r\n\t", "")
	return strings.Split(strings.TrimSuffix(s, "\r\n"), "\r\n")
}

func checkFolding(t *testing.T, out []byte) {
	t.Helper()
	if !bytes.HasSuffix(out, []byte("\r\n")) {
		t.Fatal("no CRLF at the end")
	}
	for i, l := range strings.Split(strings.TrimSuffix(string(out), "\r\n"), "\r\n") {
		if len(l) > 75 {
			t.Fatalf("line %d has %d octets: %q", i+1, len(l), l)
		}
		if !utf8.ValidString(l) {
			t.Fatalf("line %d splits a UTF-8 sequence: %q", i+1, l)
		}
		if strings.ContainsAny(l, "\r\n") {
			t.Fatalf("line %d holds a bare line break", i+1)
		}
	}
}

func TestFoldNeverSplitsUTF8(t *testing.T) {
	for pad := 0; pad < 8; pad++ {
		for _, text := range []string{"€", "😀", "é", "国", "a"} {
			line := "SUMMARY:" + strings.Repeat("x", pad) + strings.Repeat(text, 200)
			out := Fold([]byte(line))
			checkFolding(t, out)
			if got := unfold(out); len(got) != 1 || got[0] != line {
				t.Fatalf("pad %d %q: unfold gives %q", pad, text, got)
			}
		}
	}
	if got := string(Fold([]byte(strings.Repeat("a", 75)))); got != strings.Repeat("a", 75)+"\r\n" {
		t.Errorf("75 octets folded: %q", got)
	}
	if got := string(Fold([]byte(strings.Repeat("a", 76)))); got != strings.Repeat("a", 75)+"\r\n a\r\n" {
		t.Errorf("76 octets: %q", got)
	}
}

// A team of four with a multi-byte name, a rotation with an override and a
// replacement: the fixture of the golden exports.
func fixture() (*oncall.Snapshot, id.ID) {
	p := func(n byte) id.ID { return id.ID{0: 1, 6: 0x70, 8: 0x80, 15: n} }
	rid := id.ID{0: 2, 6: 0x70, 8: 0x80, 15: 1}
	s := &oncall.Snapshot{
		People: map[id.ID]oncall.PersonInfo{
			p(1): {Name: "Zoë Ødegård-Nakamura 中村", TimeZone: "Europe/Oslo"},
			p(2): {Name: "Kofi Mensah", TimeZone: "Africa/Accra"},
			p(3): {Name: "Dana Xu; the \"pager\", person", TimeZone: "America/New_York"},
			p(4): {Name: "Lars Raman", TimeZone: "Europe/Berlin"},
		},
		Rotations: []oncall.Rotation{{ID: rid, Name: "Payments primary", ScheduleName: "Payments", Layer: 1, TimeZone: "Europe/Berlin",
			Participants: []id.ID{p(1), p(2), p(3)}, ShiftLength: oncall.ShiftLength{N: 1, Unit: oncall.Weeks}, HandoffTime: "10:00",
			StartDate: "2026-10-19", RequiredCoverage: oncall.Coverage24x7}},
		TimeOff: []oncall.TimeOff{{PersonID: p(2), Kind: oncall.KindVacation, StartDate: "2026-10-28", EndDate: "2026-10-30", Note: "Ghana trip"}},
		Overrides: []oncall.Override{{RotationID: rid, PersonID: p(4), Start: time.Date(2026, 11, 3, 17, 0, 0, 0, time.UTC),
			End: time.Date(2026, 11, 4, 7, 0, 0, 0, time.UTC), Note: "Zoë at the dentist, überraschend"}},
	}
	return s, rid
}

var genAt = time.Date(2026, 10, 20, 8, 0, 0, 0, time.UTC)

func render(t *testing.T, cal Calendar, at time.Time) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := Render(&b, cal, at); err != nil {
		t.Fatal(err)
	}
	checkFolding(t, b.Bytes())
	return b.Bytes()
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := "testdata/" + name
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (go test -update rewrites it):\n%s", name, got)
	}
}

// decode reads an export with go-ical's decoder (an independent parser).
func decode(t *testing.T, b []byte) []ical.Event {
	t.Helper()
	cal, err := ical.NewDecoder(bytes.NewReader(b)).Decode()
	if err != nil {
		t.Fatalf("go-ical cannot read the export: %v", err)
	}
	return cal.Events()
}

func TestExportGoldenAndUpdates(t *testing.T) {
	snap, rid := fixture()
	from, to := time.Date(2026, 10, 19, 0, 0, 0, 0, time.UTC), time.Date(2026, 11, 16, 0, 0, 0, 0, time.UTC)
	sc := Scope{Kind: ScopeRotation, ID: rid}
	rec := Reconcile(nil, Events(snap, oncall.Shifts(snap, rid, from, to), sc), sc, from, to, genAt)
	first := render(t, Calendar{Name: "On call: Payments primary", Events: rec.Events, Alarm: time.Hour}, genAt)
	golden(t, "export_rotation.ics", first)
	evs := decode(t, first)
	if len(evs) != 6 || len(rec.Upserts) != 6 {
		t.Fatalf("%d events, %d state records", len(evs), len(rec.Upserts))
	}
	for _, e := range evs {
		st, err := e.DateTimeStart(nil)
		if err != nil || st.Location() != time.UTC {
			t.Fatalf("DTSTART %v %v", st, err)
		}
	}
	sum, _ := evs[0].Props.Text(ical.PropSummary)
	if sum != "Zoë Ødegård-Nakamura 中村 on call · Payments primary" {
		t.Errorf("summary %q", sum)
	}

	// A week later: the override is gone and Dana covers an extra day. The
	// override's event is cancelled, Zoë's split shift is whole again (same
	// UID, SEQUENCE 1), the unchanged events keep SEQUENCE 0.
	prev := map[string]Published{}
	for _, p := range rec.Upserts {
		prev[p.UID] = p
	}
	snap.Overrides = nil
	snap2 := &oncall.Snapshot{People: snap.People, Rotations: snap.Rotations, TimeOff: snap.TimeOff}
	later := genAt.Add(7 * 24 * time.Hour)
	rec2 := Reconcile(prev, Events(snap2, oncall.Shifts(snap2, rid, from, to), sc), sc, from, to, later)
	second := render(t, Calendar{Name: "On call: Payments primary", Events: rec2.Events}, later)
	golden(t, "export_rotation_changed.ics", second)
	seq := map[string]string{}
	for _, e := range decode(t, second) {
		seq[e.Props.Get(ical.PropUID).Value] = e.Props.Get(ical.PropSequence).Value + " " + e.Props.Get(ical.PropStatus).Value
	}
	uid := func(slot, piece int, person byte) string {
		return fmt.Sprintf("%d.%d-%s-%s@wheelhouse", slot, piece, rid, id.ID{0: 1, 6: 0x70, 8: 0x80, 15: person})
	}
	want := map[string]string{
		uid(0, 0, 1): "0 CONFIRMED", // Zoë, unchanged
		uid(1, 0, 3): "0 CONFIRMED", // Dana for Kofi, unchanged
		uid(2, 0, 3): "1 CONFIRMED", // Dana's turn, whole again
		uid(2, 0, 4): "1 CANCELLED", // Lars's override, gone
		uid(2, 1, 3): "1 CANCELLED", // the second piece of Dana's turn, gone
	}
	for u, w := range want {
		if seq[u] != w {
			t.Errorf("%s: %q, want %q (all: %v)", u, seq[u], w, seq)
		}
	}
	// Tombstones stay for 30 days, then are forgotten.
	prev2 := map[string]Published{}
	for k, v := range prev {
		prev2[k] = v
	}
	for _, p := range rec2.Upserts {
		prev2[p.UID] = p
	}
	rec3 := Reconcile(prev2, Events(snap2, oncall.Shifts(snap2, rid, from, to), sc), sc, from, to, later.Add(29*24*time.Hour))
	if n := cancelled(rec3.Events); n != 2 || len(rec3.Upserts) != 0 {
		t.Errorf("day 29: %d cancelled, %d upserts", n, len(rec3.Upserts))
	}
	rec4 := Reconcile(prev2, Events(snap2, oncall.Shifts(snap2, rid, from, to), sc), sc, from, to, later.Add(31*24*time.Hour))
	if n := cancelled(rec4.Events); n != 0 || len(rec4.Deletes) != 2 {
		t.Errorf("day 31: %d cancelled, %d forgotten", n, len(rec4.Deletes))
	}
}

func cancelled(evs []Event) int {
	n := 0
	for _, e := range evs {
		if e.Status == StatusCancelled {
			n++
		}
	}
	return n
}

func TestExportScopesAndEmpty(t *testing.T) {
	snap, rid := fixture()
	from, to := time.Date(2026, 10, 19, 0, 0, 0, 0, time.UTC), time.Date(2026, 11, 16, 0, 0, 0, 0, time.UTC)
	shifts := oncall.AllShifts(snap, from, to)
	lars := id.ID{0: 1, 6: 0x70, 8: 0x80, 15: 4}
	if n := len(Events(snap, shifts, Scope{Kind: ScopePerson, ID: lars})); n != 1 {
		t.Errorf("Lars has %d events", n)
	}
	if n := len(Events(snap, shifts, Scope{Kind: ScopeTeam})); n != 6 {
		t.Errorf("team has %d events", n)
	}
	if n := len(Events(snap, shifts, Scope{Kind: ScopeRotation, ID: id.New(genAt)})); n != 0 {
		t.Errorf("other rotation has %d events", n)
	}
	_ = rid
	empty := render(t, Calendar{Name: "On call: nobody"}, genAt)
	golden(t, "export_empty.ics", empty)
	if evs := decode(t, empty); len(evs) != 0 {
		t.Fatalf("%d events in the empty calendar", len(evs))
	}
	// go-ical's own encoder refuses an empty calendar; ours still holds a
	// component, so go-ical re-encodes what it decoded.
	cal, _ := ical.NewDecoder(bytes.NewReader(empty)).Decode()
	var b bytes.Buffer
	if err := ical.NewEncoder(&b).Encode(cal); err != nil {
		t.Fatalf("re-encode: %v", err)
	}
}

func TestUIDIgnoresTimes(t *testing.T) {
	x := oncall.Shift{RotationID: id.ID{1}, Slot: 7, Piece: 1, PersonID: id.ID{2}, Start: genAt, End: genAt.Add(time.Hour)}
	y := x
	y.End = y.End.Add(5 * time.Hour)
	y.Start = y.Start.Add(-time.Hour)
	if UID(x) != UID(y) {
		t.Fatal("UID depends on the times")
	}
	y.PersonID = id.ID{3}
	if UID(x) == UID(y) {
		t.Fatal("UID ignores the person")
	}
}
