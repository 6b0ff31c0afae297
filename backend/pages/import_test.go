package pages_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/clock"
	"wheelhouse/backend/errs"
	"wheelhouse/backend/id"
	"wheelhouse/backend/oncall"
	"wheelhouse/backend/pages"
	"wheelhouse/backend/people"
	"wheelhouse/backend/store"
	"wheelhouse/backend/workspace"
)

// fixture is a workspace on disk: José, Ann, Bob and Carla; the Payments
// team owns the payments-api service; its primary rotation (layer 1) has
// Bob and Carla weekly from Monday 2026-11-02 10:00 Berlin, its secondary
// (layer 2) Ann.
type fixture struct {
	w                     *workspace.Workspace
	jose, ann, bob, carla people.Person
	primary, secondary    oncall.Rotation
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	w, err := workspace.Open(t.TempDir(), workspace.Options{Clock: clock.NewFake(time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC))})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	f := &fixture{w: w}
	person := func(name, email string) people.Person {
		p, err := w.Roster.CreatePerson(people.Person{Name: name, Email: email, TimeZone: "Europe/Berlin"})
		must(err)
		return p
	}
	f.jose = person("José Núñez", "jose@example.com")
	f.ann = person("Ann Lee", "ann@example.com")
	f.bob = person("Bob Stone", "")
	f.carla = person("Carla Diaz", "")
	team, err := w.Roster.SaveTeam(people.Team{Name: "Payments", MemberIDs: []id.ID{f.ann.ID, f.bob.ID, f.carla.ID}})
	must(err)
	_, err = w.Roster.SaveService(people.Service{Name: "payments-api", TeamID: team.ID, Criticality: people.CriticalityInternal})
	must(err)
	rot := func(name string, layer int, ps ...id.ID) oncall.Rotation {
		r, err := w.OnCall.SaveRotation(oncall.Rotation{Name: name, TeamID: team.ID, Layer: layer, TimeZone: "Europe/Berlin", Participants: ps,
			ShiftLength: oncall.ShiftLength{N: 1, Unit: oncall.Weeks}, HandoffTime: "10:00", StartDate: "2026-11-02",
			RequiredCoverage: oncall.Coverage24x7})
		must(err)
		return r
	}
	// The secondary is saved first: the lowest layer wins, not the first made.
	f.secondary = rot("Payments secondary", 2, f.ann.ID)
	f.primary = rot("Payments primary", 1, f.bob.ID, f.carla.ID)
	return f
}

func (f *fixture) stored(t *testing.T) map[string]pages.Page {
	t.Helper()
	out := map[string]pages.Page{}
	err := f.w.Store.View(func(txn *badger.Txn) error {
		return store.Scan(txn, store.Prefix(store.PrefixPage), func(_ []byte, p *pages.Page) error {
			out[p.Source+"/"+p.SourceID] = *p
			return nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// keys is every key of the pages' prefixes, for "nothing changed" checks.
func (f *fixture) keys(t *testing.T) string {
	t.Helper()
	var b strings.Builder
	err := f.w.Store.View(func(txn *badger.Txn) error {
		for _, p := range []byte{store.PrefixPage, store.IdxPageResponder} {
			if err := store.Values(txn, store.Range{Prefix: []byte{p}}, func(k, v []byte) error {
				b.WriteString(string(k) + "=" + string(v) + "\n")
				return nil
			}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func file(name string) pages.Opener { return pages.OpenFile(filepath.Join("testdata", name)) }

func TestImportMatchesResponders(t *testing.T) {
	f := newFixture(t)
	svc := f.w.Pages
	pre, err := svc.Preview(file("pagerduty.csv"), pages.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if pre.Added != 4 || pre.Applied || pre.Source != "pagerduty" || pre.ByAcknowledger != 2 || pre.ByOnCall != 1 || pre.NoResponder != 1 ||
		len(pre.Unmatched) != 1 || pre.Unmatched[0] != (pages.NameCount{Name: "Zed Unknown", Pages: 1}) {
		t.Fatalf("preview: %+v", pre)
	}
	if n, _ := svc.Count(); n != 0 {
		t.Fatalf("the preview wrote %d pages", n)
	}
	res, err := svc.Apply(file("pagerduty.csv"), pages.Options{File: "pagerduty.csv"})
	if err != nil || res.Added != 4 || !res.Applied {
		t.Fatalf("apply: %+v %v", res, err)
	}
	got := f.stored(t)
	check := func(key string, who id.ID, by string, rot id.ID) {
		t.Helper()
		p, ok := got[key]
		if !ok {
			t.Fatalf("%s not stored: %v", key, got)
		}
		if p.ResponderID != who || p.ResponderBy != by || p.RotationID != rot {
			t.Errorf("%s: responder %s by %q on %s; want %s by %q on %s", key, p.ResponderID, p.ResponderBy, p.RotationID, who, by, rot)
		}
	}
	check("pagerduty/Q1AAA", f.jose.ID, pages.ByName, id.Nil)          // "Jose Nunez": accents and case
	check("pagerduty/Q1BBB", f.carla.ID, pages.ByOnCall, f.primary.ID) // nobody acked; Carla's week, layer 1
	check("pagerduty/Q1CCC", f.ann.ID, pages.ByEmail, id.Nil)
	check("pagerduty/Q1DDD", id.Nil, "", id.Nil) // an unknown service and name
	// The responder index finds Carla's page.
	l, err := svc.ForPerson(f.carla.ID, time.Time{}, time.Date(2100, 1, 1, 0, 0, 0, 0, time.UTC))
	if err != nil || len(l) != 1 || l[0].SourceID != "Q1BBB" {
		t.Fatalf("ForPerson: %v %+v", err, l)
	}

	// Mapping the unknown name, the re-import updates that page only.
	res, err = svc.Apply(file("pagerduty.csv"), pages.Options{MapPerson: map[string]string{"zed unknown": "ann@example.com"}})
	if err != nil || res.Added != 0 || res.Updated != 1 || res.Unchanged != 3 || len(res.Unmatched) != 0 {
		t.Fatalf("re-import with a mapping: %+v %v", res, err)
	}
	got = f.stored(t)
	check("pagerduty/Q1DDD", f.ann.ID, pages.ByMap, id.Nil)
	if _, err := svc.Apply(file("pagerduty.csv"), pages.Options{MapPerson: map[string]string{"x": "Nobody"}}); errs.CodeOf(err) != errs.Invalid || !strings.Contains(errs.MessageOf(err), `"Nobody"`) {
		t.Fatalf("a mapping to nobody: %v", err)
	}
	if un, err := svc.Unfinished(); err != nil || len(un) != 0 {
		t.Fatalf("unfinished imports: %v %v", un, err)
	}
}

// Re-importing the same file changes nothing; an overlapping export with a
// changed row updates it and adds the new one; a file listing one id twice
// keeps the later row.
func TestReimportDedupes(t *testing.T) {
	f := newFixture(t)
	svc := f.w.Pages
	if _, err := svc.Apply(file("pagerduty.csv"), pages.Options{}); err != nil {
		t.Fatal(err)
	}
	before := f.keys(t)
	res, err := svc.Apply(file("pagerduty.csv"), pages.Options{})
	if err != nil || res.Added+res.Updated != 0 || res.Unchanged != 4 {
		t.Fatalf("same file again: %+v %v", res, err)
	}
	if f.keys(t) != before {
		t.Fatal("re-importing the same file changed the store")
	}
	overlap := "id,created_at,status,acknowledged_user_names,service_name\n" +
		"Q1BBB,2026-11-10T01:00:00Z,resolved,Bob Stone,payments-api\n" + // was acked by nobody
		"Q1EEE,2026-11-19T01:00:00Z,triggered,,payments-api\n" +
		"Q1EEE,2026-11-19T01:00:00Z,resolved,,payments-api\n"
	res, err = svc.Apply(pages.OpenBytes([]byte(overlap)), pages.Options{ParseOptions: pages.ParseOptions{Source: "pagerduty"}})
	if err != nil || res.Added != 1 || res.Updated != 1 || res.Duplicates != 1 {
		t.Fatalf("overlap: %+v %v", res, err)
	}
	got := f.stored(t)
	if p := got["pagerduty/Q1BBB"]; p.ResponderID != f.bob.ID || p.Title != "" || p.Status != "resolved" {
		t.Errorf("the changed row: %+v", p)
	}
	if p := got["pagerduty/Q1EEE"]; p.Status != "resolved" || p.ResponderID != f.bob.ID || p.ResponderBy != pages.ByOnCall {
		t.Errorf("the later of two rows: %+v", p)
	}
	// Carla no longer has Q1BBB: its old index entry went with the update.
	if l, _ := svc.ForPerson(f.carla.ID, time.Time{}, time.Date(2100, 1, 1, 0, 0, 0, 0, time.UTC)); len(l) != 0 {
		t.Errorf("Carla still has %+v", l)
	}
}

// Every source: each sample imports, goes to the right people, and
// imports again unchanged.
func TestImportEverySource(t *testing.T) {
	f := newFixture(t)
	svc := f.w.Pages
	opt := pages.Options{MapPerson: map[string]string{"carla": "Carla Diaz"}}
	for name, want := range map[string]int{"pagerduty.json": 2, "opsgenie.csv": 2, "grafana.json": 2, "grafana.csv": 1, "goalert.csv": 3} {
		res, err := svc.Apply(file(name), opt)
		if err != nil || res.Added+res.Unchanged != want || res.BadRows != 0 {
			t.Fatalf("%s: %+v %v", name, res, err)
		}
		if again, err := svc.Apply(file(name), opt); err != nil || again.Unchanged != want {
			t.Fatalf("%s again: %+v %v", name, again, err)
		}
	}
	got := f.stored(t)
	for key, who := range map[string]id.ID{
		"pagerduty/Q2AAA": f.bob.ID,   // acknowledger in the JSON
		"pagerduty/Q2BBB": f.carla.ID, // nobody; Carla's week
		"opsgenie/1001":   f.jose.ID,  // JOSE@example.com
		"opsgenie/1002":   f.carla.ID, // the team column: Payments
		"grafana/IAB12":   f.carla.ID, // --map-person carla
		"goalert/501":     f.carla.ID, // 09:30 Berlin, before the 10:00 handoff
		"goalert/502":     f.bob.ID,   // 10:30 Berlin, after it
	} {
		if got[key].ResponderID != who {
			t.Errorf("%s: responder %s, want %s", key, got[key].ResponderID, who)
		}
	}
	if got["grafana/IAB13"].ResponderID != id.Nil {
		t.Errorf("a Grafana page with no service or team has a responder")
	}
}

// A file with bad rows is refused whole with their line numbers; with
// SkipBad the good rows are imported.
func TestBadRows(t *testing.T) {
	f := newFixture(t)
	svc := f.w.Pages
	res, err := svc.Apply(file("bad.csv"), pages.Options{})
	if errs.CodeOf(err) != errs.Invalid || res == nil || res.BadRows != 4 {
		t.Fatalf("%+v %v", res, err)
	}
	for _, s := range []string{"4 of 5 rows cannot be imported, so nothing was imported", "line 3: created:", "line 4: id:", "line 5: acknowledged:", "line 6: ack_seconds:"} {
		if !strings.Contains(errs.MessageOf(err), s) {
			t.Errorf("message lacks %q: %s", s, errs.MessageOf(err))
		}
	}
	if f.keys(t) != "" {
		t.Fatal("a refused file wrote pages")
	}
	res, err = svc.Apply(file("bad.csv"), pages.Options{SkipBad: true})
	if err != nil || res.Added != 1 || res.BadRows != 4 {
		t.Fatalf("skip bad: %+v %v", res, err)
	}
	// JSON items: line numbers where the item starts.
	js := "[\n {\"id\": \"a\", \"created_at\": \"2026-11-03T09:00:00Z\"},\n {\"id\": \"b\",\n  \"created_at\": \"never\"},\n \"text\"\n]\n"
	res, err = svc.Apply(pages.OpenBytes([]byte(js)), pages.Options{})
	if errs.CodeOf(err) != errs.Invalid || res.BadRows != 2 || res.Bad[0].Line != 3 || res.Bad[1].Line != 5 {
		t.Fatalf("json: %+v %v", res, err)
	}
	// A file that cannot be read at all is refused with nothing written.
	before := f.keys(t)
	broken := "id,created_at\nZ1,2026-11-03T09:00:00Z\nZ2,\"2026-11-03\n"
	if _, err := svc.Apply(pages.OpenBytes([]byte(broken)), pages.Options{SkipBad: true}); errs.CodeOf(err) != errs.Invalid {
		t.Fatalf("broken CSV: %v", err)
	}
	if f.keys(t) != before {
		t.Fatal("a broken file wrote pages")
	}
}

// An import larger than one Badger transaction commits in batches and
// reads back whole.
func TestLargeImport(t *testing.T) {
	if testing.Short() {
		t.Skip("large import")
	}
	f := newFixture(t)
	path := filepath.Join(t.TempDir(), "big.csv")
	out, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := pages.Generate(out, 30000, 1); err != nil {
		t.Fatal(err)
	}
	out.Close()
	res, err := f.w.Pages.Apply(pages.OpenFile(path), pages.Options{})
	if err != nil || res.Added != 30000 {
		t.Fatalf("%+v %v", res, err)
	}
	if n, _ := f.w.Pages.Count(); n != 30000 {
		t.Fatalf("%d stored", n)
	}
	res, err = f.w.Pages.Apply(pages.OpenFile(path), pages.Options{})
	if err != nil || res.Unchanged != 30000 {
		t.Fatalf("again: %+v %v", res, err)
	}
}

// Deleting a person takes their pages out of the responder index (the
// delete's impact says so); a re-import files the pages under whoever
// matches then.
func TestDeletedResponder(t *testing.T) {
	f := newFixture(t)
	svc := f.w.Pages
	if _, err := svc.Apply(file("pagerduty.csv"), pages.Options{}); err != nil {
		t.Fatal(err)
	}
	im, err := f.w.Roster.DeleteImpact(f.jose.ID)
	if err != nil || !strings.Contains(strings.Join(im.Items, " "), "1 imported page loses its responder") {
		t.Fatalf("impact: %+v %v", im, err)
	}
	if _, err := f.w.Roster.DeletePerson(f.jose.ID, f.jose.Name); err != nil {
		t.Fatal(err)
	}
	if l, _ := svc.ForPerson(f.jose.ID, time.Time{}, time.Date(2100, 1, 1, 0, 0, 0, 0, time.UTC)); len(l) != 0 {
		t.Fatalf("the deleted person still has %+v", l)
	}
	res, err := svc.Apply(file("pagerduty.csv"), pages.Options{})
	if err != nil || res.Updated != 1 || res.Unchanged != 3 {
		t.Fatalf("re-import: %+v %v", res, err)
	}
	// Q1AAA was acknowledged by José, now nobody: Bob was on call then.
	if p := f.stored(t)["pagerduty/Q1AAA"]; p.ResponderID != f.bob.ID || p.ResponderBy != pages.ByOnCall {
		t.Fatalf("%+v", p)
	}
}
