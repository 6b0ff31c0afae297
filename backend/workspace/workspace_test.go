package workspace_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/clock"
	"wheelhouse/backend/demo"
	"wheelhouse/backend/errs"
	"wheelhouse/backend/followup"
	"wheelhouse/backend/id"
	"wheelhouse/backend/incident"
	"wheelhouse/backend/people"
	"wheelhouse/backend/workspace"
)

var now = time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)

var opts = workspace.Options{Clock: clock.NewFake(now)}

func open(t *testing.T, dir string) *workspace.Workspace {
	t.Helper()
	return openWith(t, dir, workspace.Options{Clock: clock.NewFake(now)})
}

// openWith opens the workspace in dir with opt, closed when the test ends.
func openWith(t *testing.T, dir string, opt workspace.Options) *workspace.Workspace {
	t.Helper()
	w, err := workspace.Open(dir, opt)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	return w
}

func export(t *testing.T, w *workspace.Workspace) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := w.Export(&b, "test"); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestDemoSizes(t *testing.T) {
	for _, c := range []struct {
		size                demo.Size
		people, teams, svcs int
		firstTeamMembers    int
		incidents, actions  int
	}{{demo.Small, 9, 1, 5, 8, 6, 9}, {demo.Large, 50, 6, 25, -1, 2000, 20000}} {
		dir := t.TempDir()
		if _, err := demo.Create(dir, c.size, opts); err != nil {
			t.Fatalf("%s: %v", c.size, err)
		}
		s, _ := open(t, dir).Load()
		if len(s.People) != c.people || len(s.Teams) != c.teams || len(s.Services) != c.svcs {
			t.Fatalf("%s: %d people %d teams %d services", c.size, len(s.People), len(s.Teams), len(s.Services))
		}
		fromReviews, from1on1 := 0, 0
		for _, it := range s.FollowUps {
			switch it.Source.Kind {
			case followup.SourceOneOnOne:
				from1on1++
			default:
				fromReviews++
			}
		}
		if len(s.Incidents) != c.incidents || fromReviews != c.actions || from1on1 == 0 {
			t.Fatalf("%s: %d incidents, %d follow-ups from reviews, %d from 1:1s", c.size, len(s.Incidents), fromReviews, from1on1)
		}
		if len(s.OneOnOnes.Series) == 0 || len(s.OneOnOnes.Meetings) == 0 || len(s.Feedback.Entries) == 0 || len(s.Growth.Plans) == 0 || len(s.Growth.Mentorships) == 0 {
			t.Fatalf("%s: %d cadences, %d 1:1s, %d feedback, %d plans, %d pairs", c.size, len(s.OneOnOnes.Series), len(s.OneOnOnes.Meetings),
				len(s.Feedback.Entries), len(s.Growth.Plans), len(s.Growth.Mentorships))
		}
		t.Logf("%s: %d cadences, %d 1:1s, %d feedback, %d plans, %d pairs, %d follow-ups from 1:1s", c.size, len(s.OneOnOnes.Series), len(s.OneOnOnes.Meetings),
			len(s.Feedback.Entries), len(s.Growth.Plans), len(s.Growth.Mentorships), from1on1)
		if c.firstTeamMembers >= 0 && len(s.Teams[0].MemberIDs) != c.firstTeamMembers {
			t.Fatalf("%s: team of %d", c.size, len(s.Teams[0].MemberIDs))
		}
		if _, err := demo.Create(dir, c.size, opts); !errs.Is(err, errs.Conflict) {
			t.Fatalf("demo over an existing workspace: %v", err)
		}
	}
}

func TestExportImportRoundTrip(t *testing.T) {
	srcDir := t.TempDir()
	if _, err := demo.Create(srcDir, demo.Large, opts); err != nil {
		t.Fatal(err)
	}
	first := export(t, open(t, srcDir))
	snap, err := workspace.Parse(bytes.NewReader(first), now)
	if err != nil {
		t.Fatal(err)
	}
	dstDir := t.TempDir()
	if _, err := workspace.ImportFolder(dstDir, snap, false, opts); err != nil {
		t.Fatal(err)
	}
	dst := open(t, dstDir)
	second := export(t, dst)
	if !bytes.Equal(first, second) {
		t.Fatalf("round trip changed the workspace:\n%s", firstDiff(first, second))
	}
	// Indexes were written too: an e-mail from the file is taken.
	var p people.Person
	for _, x := range snap.People {
		if x.Email != "" {
			p = x
			break
		}
	}
	_, err = dst.Roster.CreatePerson(people.Person{Name: "Dup", Email: p.Email, TimeZone: "UTC"})
	if !errs.Is(err, errs.Invalid) {
		t.Fatalf("email index missing after import: %v", err)
	}
}

// The small demo has something to remind about, and an import writes the
// indexes the reminder queries read.
func TestSmallDemoHasRemindersAfterImport(t *testing.T) {
	dir := t.TempDir()
	if _, err := workspace.ImportFolder(dir, demo.Generate(demo.Small, now), false, opts); err != nil {
		t.Fatal(err)
	}
	w := open(t, dir)
	today := incident.Today(now, time.UTC)
	err := w.Store.View(func(txn *badger.Txn) error {
		od, err := followup.Overdue(txn, today)
		reviews := 0
		for _, it := range od {
			if it.Source.Kind != followup.SourceOneOnOne {
				reviews++
			}
		}
		if err != nil || reviews != 2 {
			t.Fatalf("overdue follow-ups from reviews: %d %v", reviews, err)
		}
		rs, err := incident.ReviewsOverdue(txn, today)
		if err != nil || len(rs) != 1 || rs[0].Title != "Card payments failing for EU customers" {
			t.Fatalf("overdue reviews: %+v %v", rs, err)
		}
		open, err := incident.ListTx(txn, incident.Filter{Statuses: []incident.Status{incident.StatusInvestigating, incident.StatusIdentified, incident.StatusMonitoring}})
		if err != nil || len(open) != 1 {
			t.Fatalf("open incidents: %+v %v", open, err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func firstDiff(a, b []byte) string {
	la, lb := strings.Split(string(a), "\n"), strings.Split(string(b), "\n")
	for i := range la {
		if i >= len(lb) || la[i] != lb[i] {
			return "line " + la[i]
		}
	}
	return "length differs"
}

func TestParseRejectsBadFiles(t *testing.T) {
	dir := t.TempDir()
	if _, err := demo.Create(dir, demo.Small, opts); err != nil {
		t.Fatal(err)
	}
	good := export(t, open(t, dir))
	edit := func(f func(m map[string]any)) string {
		var m map[string]any
		_ = json.Unmarshal(good, &m)
		f(m)
		b, _ := json.MarshalIndent(m, "", "  ")
		return string(b)
	}
	person := func(m map[string]any, i int) map[string]any { return m["people"].([]any)[i].(map[string]any) }
	inc := func(m map[string]any, i int) map[string]any { return m["incidents"].([]any)[i].(map[string]any) }
	act := func(m map[string]any, i int) map[string]any { return m["actions"].([]any)[i].(map[string]any) }
	const ghost = "018bfe62-9d32-7085-a6d6-c542b349d162"
	cases := []struct{ name, in, want string }{
		{"empty", "", "empty or cut short"},
		{"truncated", string(good[:len(good)/2]), "cut short"},
		{"syntax error with position", "{\n  \"format\": \"wheelhouse-workspace\",\n  \"version\": 1,,\n}", "line 3, column"},
		{"not a workspace", `{"format":"something-else","version":1}`, "not a Wheelhouse workspace file"},
		{"newer version", strings.Replace(string(good), `"version": 1`, `"version": 7`, 1), "format version 7"},
		{"unknown field", strings.Replace(string(good), `"format"`, `"colour": "red", "format"`, 1), `unknown field "colour"`},
		{"wrong type", strings.Replace(string(good), `"version": 1`, `"version": "one"`, 1), "version has the wrong type"},
		{"bad zone", edit(func(m map[string]any) { person(m, 1)["timezone"] = "Mars/Olympus" }), `people[1]`},
		{"bad zone message", edit(func(m map[string]any) { person(m, 1)["timezone"] = "Mars/Olympus" }), `timezone: "Mars/Olympus" is not a known time zone`},
		{"duplicate id", edit(func(m map[string]any) { person(m, 2)["id"] = person(m, 1)["id"] }), "is also used by people[1]"},
		{"dangling manager", edit(func(m map[string]any) { person(m, 2)["managerId"] = "018bfe62-9d32-7085-a6d6-c542b349d162" }), "managerId: no person has id"},
		{"cycle", edit(func(m map[string]any) { person(m, 0)["managerId"] = person(m, 1)["id"] }), "management cycle"},
		{"dup email", edit(func(m map[string]any) { person(m, 2)["email"] = person(m, 1)["email"] }), "is also the e-mail of people[1]"},
		{"service without team", edit(func(m map[string]any) {
			delete(m["services"].([]any)[0].(map[string]any), "teamId")
		}), "services[0]"},
		{"trailing data", string(good) + "{}", "more data after"},
		{"unknown commander", edit(func(m map[string]any) { inc(m, 0)["commanderId"] = ghost }), `incidents[0] "CI runners out of disk" commanderId: no person has id`},
		{"unknown service", edit(func(m map[string]any) { inc(m, 1)["affectedServiceIds"] = []any{ghost} }), `incidents[1] "Fraud scoring latency above SLO" affectedServiceIds.0: no service has id`},
		{"times out of order", edit(func(m map[string]any) { inc(m, 0)["detectedAt"] = "2020-01-01T00:00:00Z" }), "detectedAt: Detected before the incident started"},
		{"closed without review", edit(func(m map[string]any) { inc(m, 0)["review"].(map[string]any)["state"] = "draft" }), "status: A closed incident needs a completed review"},
		{"unknown status", edit(func(m map[string]any) { inc(m, 0)["status"] = "done" }), `status: Unknown status "done"`},
		{"skip without reason", edit(func(m map[string]any) { delete(inc(m, 1)["review"].(map[string]any), "skipReason") }), "review.skipReason: Skipping a review is a decision"},
		{"follow-up owner unknown", edit(func(m map[string]any) { act(m, 0)["ownerId"] = ghost }), `actions[0] "Prune build caches nightly" ownerId: no person has id`},
		{"follow-up of unknown incident", edit(func(m map[string]any) { act(m, 0)["source"].(map[string]any)["id"] = ghost }), "source.id: no incident has id"},
		{"follow-up from an unknown 1:1", edit(func(m map[string]any) { act(m, 0)["source"].(map[string]any)["kind"] = "one_on_one" }), "source.id: no 1:1 has id"},
		{"private notes in a file without them", edit(func(m map[string]any) { m["privateNotes"] = "sometimes" }), `privateNotes: must be "included" or "omitted"`},
		{"id of an incident reused", edit(func(m map[string]any) { act(m, 0)["id"] = inc(m, 0)["id"] }), `is also used by incidents[0]`},
		{"won't do without reason", edit(func(m map[string]any) { delete(act(m, 5), "reason") }), "reason: Say why"},
		{"severity labels", edit(func(m map[string]any) {
			m["settings"].(map[string]any)["incidents"].(map[string]any)["severities"] = []any{map[string]any{"label": "P0"}}
		}), "settings.incidents severities: There are exactly 4 severity levels"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := workspace.Parse(strings.NewReader(c.in), now)
			if !errs.Is(err, errs.Invalid) || !strings.Contains(errs.MessageOf(err), c.want) {
				t.Fatalf("Parse: %v\nwant invalid containing %q", err, c.want)
			}
		})
	}
	t.Run("file from before incidents", func(t *testing.T) {
		old := edit(func(m map[string]any) {
			delete(m, "incidents")
			delete(m, "actions")
			delete(m["settings"].(map[string]any), "incidents")
		})
		s, err := workspace.Parse(strings.NewReader(old), now)
		if err != nil || len(s.Incidents) != 0 || s.Settings.Incidents.ReviewDueBusinessDays != 5 || s.Settings.Incidents.Label(1) != "SEV1" {
			t.Fatalf("older file: %v %+v", err, s.Settings.Incidents)
		}
	})
	t.Run("BOM accepted", func(t *testing.T) {
		if _, err := workspace.Parse(bytes.NewReader(append([]byte("\xef\xbb\xbf"), good...)), now); err != nil {
			t.Fatal(err)
		}
	})
}

func TestImportAllOrNothing(t *testing.T) {
	dir := t.TempDir()
	w := open(t, dir)
	if _, err := w.Roster.CreatePerson(people.Person{Name: "Mine", TimeZone: "UTC"}); err != nil {
		t.Fatal(err)
	}
	before := export(t, w)
	snap := demo.Generate(demo.Small, now)

	if _, err := workspace.ImportFolder(dir, snap, true, opts); !errs.Is(err, errs.Unavailable) {
		t.Fatalf("import while the workspace is open elsewhere: %v", err)
	}
	w.Close()
	if _, err := workspace.ImportFolder(dir, snap, false, opts); !errs.Is(err, errs.Conflict) {
		t.Fatalf("import into non-empty: %v", err)
	}
	bad := demo.Generate(demo.Small, now)
	bad.People[3].TimeZone = "Nowhere"
	if _, err := workspace.ImportFolder(dir, bad, true, opts); !errs.Is(err, errs.Invalid) {
		t.Fatalf("invalid import: %v", err)
	}
	if after := export(t, open(t, dir)); !bytes.Equal(stripTime(before), stripTime(after)) {
		t.Fatal("a refused import changed the workspace")
	}
}

func TestImportReplaceKeepsOldAside(t *testing.T) {
	dir := t.TempDir()
	w := open(t, dir)
	if _, err := w.Roster.CreatePerson(people.Person{Name: "Mine", TimeZone: "UTC"}); err != nil {
		t.Fatal(err)
	}
	w.Close()
	aside, err := workspace.ImportFolder(dir, demo.Generate(demo.Small, now), true, opts)
	if err != nil {
		t.Fatal(err)
	}
	s, _ := open(t, dir).Load()
	if len(s.People) != 9 {
		t.Fatalf("after replace: %d people, want 9", len(s.People))
	}
	for _, p := range s.People {
		if p.Name == "Mine" {
			t.Fatal("replace kept the old person")
		}
	}
	if st, err := os.Stat(filepath.Join(aside, "MANIFEST")); err != nil || st.Size() == 0 {
		t.Fatalf("old workspace not kept aside at %s: %v", aside, err)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".import-") {
			t.Fatalf("staging folder %s left behind", e.Name())
		}
	}
}

// A workspace far larger than one Badger transaction still imports whole.
func TestImportLargerThanOneTransaction(t *testing.T) {
	snap := demo.Generate(demo.Small, now)
	base := snap.People[1]
	for i := 0; i < 6000; i++ {
		p := base
		p.ID = id.New(now)
		p.Name = fmt.Sprintf("Person %05d", i)
		p.Email = fmt.Sprintf("p%05d@example.com", i)
		p.Notes = strings.Repeat("n", 400)
		snap.People = append(snap.People, p)
	}
	dir := t.TempDir()
	if _, err := workspace.ImportFolder(dir, snap, false, opts); err != nil {
		t.Fatal(err)
	}
	s, _ := open(t, dir).Load()
	if len(s.People) != 6009 {
		t.Fatalf("%d people imported, want 6009", len(s.People))
	}
}

func stripTime(b []byte) []byte {
	var m map[string]any
	_ = json.Unmarshal(b, &m)
	delete(m, "exportedAt")
	out, _ := json.Marshal(m)
	return out
}

func TestWorkspacePersistsAcrossReopen(t *testing.T) {
	dir := t.TempDir()
	w, err := workspace.Open(dir, workspace.Options{Clock: clock.NewFake(now)})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Roster.CreatePerson(people.Person{Name: "Kept", TimeZone: "Asia/Kolkata"}); err != nil {
		t.Fatal(err)
	}
	w.Close()
	w2 := open(t, dir)
	ps, _ := w2.Roster.People(false)
	if len(ps) != 1 || ps[0].Name != "Kept" || ps[0].TimeZone != "Asia/Kolkata" {
		t.Fatalf("after reopen: %+v", ps)
	}
	if _, err := os.Stat(filepath.Join(dir, "db")); err != nil {
		t.Fatal(err)
	}
}
