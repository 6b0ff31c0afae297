package workspace_test

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/clock"
	"wheelhouse/backend/demo"
	"wheelhouse/backend/errs"
	"wheelhouse/backend/id"
	"wheelhouse/backend/oncall"
	"wheelhouse/backend/people"
	"wheelhouse/backend/store"
	"wheelhouse/backend/workspace"
)

// rotationKeys is every rotation record and index entry, raw.
func rotationKeys(t *testing.T, st *store.Store) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := st.View(func(txn *badger.Txn) error {
		for _, p := range oncall.Rotations.Prefixes() {
			it := txn.NewIterator(badger.IteratorOptions{PrefetchValues: true, Prefix: []byte{p}})
			for it.Rewind(); it.Valid(); it.Next() {
				v, err := it.Item().ValueCopy(nil)
				if err != nil {
					it.Close()
					return err
				}
				out[string(it.Item().KeyCopy(nil))] = string(v)
			}
			it.Close()
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// Migration 2 on a schema-1 database written to disk: schedule names that
// are team names (any case) become the team; others stay and still group;
// a backup is made first; running it again changes nothing.
func TestMigrationPutsRotationsInTheirTeams(t *testing.T) {
	dir := t.TempDir()
	created := now.AddDate(0, -2, 0)
	st, err := store.Open(dir, store.Options{Clock: clock.NewFake(created), Migrations: workspace.Migrations[:1], GCInterval: -1})
	if err != nil {
		t.Fatal(err)
	}
	if st.Schema() != 1 {
		t.Fatalf("schema %d, want 1 before the upgrade", st.Schema())
	}
	person := people.Person{ID: id.New(created), Name: "Dana Xu", TimeZone: "Europe/Berlin", CreatedAt: created, UpdatedAt: created}
	pay := people.Team{ID: id.New(created), Name: "Payments", MemberIDs: []id.ID{person.ID}, CreatedAt: created, UpdatedAt: created}
	ops := people.Team{ID: id.New(created), Name: "Ops", MemberIDs: []id.ID{}, CreatedAt: created, UpdatedAt: created}
	rot := func(name, schedule string, layer int) oncall.Rotation {
		return oncall.Rotation{ID: id.New(created), Name: name, ScheduleName: schedule, Layer: layer, TimeZone: "Europe/Berlin",
			Participants: []id.ID{person.ID}, ShiftLength: oncall.ShiftLength{N: 1, Unit: oncall.Weeks}, HandoffTime: "10:00",
			StartDate: "2026-09-07", RequiredCoverage: oncall.Coverage24x7, CreatedAt: created, UpdatedAt: created}
	}
	rots := []oncall.Rotation{
		rot("Payments primary", "Payments", 1),
		rot("Payments secondary", "PAYMENTS", 2), // case differs
		rot("Ops primary", "ops", 1),
		rot("Checkout primary", "Checkout", 1), // no such team
		rot("Checkout secondary", "checkout", 2),
		rot("Lone", "", 1),
	}
	err = st.Update(func(txn *badger.Txn) error {
		ops := []store.Op{
			func(txn *badger.Txn) error { return people.Persons.Put(txn, &person) },
			func(txn *badger.Txn) error { return people.Teams.Put(txn, &pay) },
			func(txn *badger.Txn) error { return people.Teams.Put(txn, &ops) },
		}
		for i := range rots {
			r := &rots[i]
			ops = append(ops, func(txn *badger.Txn) error { return oncall.Rotations.Put(txn, r) })
		}
		return store.All(ops...)(txn)
	})
	if err != nil {
		t.Fatal(err)
	}
	st.Close()

	w := open(t, dir) // migrates
	if w.Store.Schema() != 2 {
		t.Fatalf("schema %d after opening, want 2", w.Store.Schema())
	}
	backups, _ := os.ReadDir(store.BackupDir(dir))
	if len(backups) != 1 || !strings.HasPrefix(backups[0].Name(), "pre-migration-schema1-") {
		t.Fatalf("backups before migrating: %v", backups)
	}
	want := map[string]struct {
		team     id.ID
		schedule string
	}{
		"Payments primary": {pay.ID, ""}, "Payments secondary": {pay.ID, ""}, "Ops primary": {ops.ID, ""},
		"Checkout primary": {id.Nil, "Checkout"}, "Checkout secondary": {id.Nil, "checkout"}, "Lone": {id.Nil, ""},
	}
	got, err := w.OnCall.Rotations()
	if err != nil || len(got) != len(want) {
		t.Fatalf("rotations after migrating: %d, %v", len(got), err)
	}
	for _, r := range got {
		t.Run(r.Name, func(t *testing.T) {
			if w := want[r.Name]; r.TeamID != w.team || r.ScheduleName != w.schedule {
				t.Fatalf("team %v schedule %q, want %v %q", r.TeamID, r.ScheduleName, w.team, w.schedule)
			}
			if !r.UpdatedAt.Equal(created) {
				t.Fatalf("updatedAt moved to %v: a migration is not an edit", r.UpdatedAt)
			}
		})
	}
	// Schedules: the two teams, the old Checkout schedule, the lone rotation.
	var names []string
	for _, r := range got {
		names = append(names, r.Name)
	}
	if strings.Join(names, ", ") != "Checkout primary, Checkout secondary, Lone, Ops primary, Payments primary, Payments secondary" {
		t.Fatalf("order by schedule: %s", strings.Join(names, ", "))
	}
	gaps, err := w.OnCall.Coverage(now, now.AddDate(0, 0, 14))
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range gaps {
		t.Errorf("unexpected gap %+v", g)
	}
	// The team index was written with the records: Payments cannot go.
	if err := w.Roster.DeleteTeam(pay.ID); !errs.Is(err, errs.Conflict) || !strings.Contains(errs.MessageOf(err), "Payments primary and Payments secondary") {
		t.Fatalf("delete Payments: %v", err)
	}

	// Idempotent: a second run (a crash before the schema was written)
	// changes no byte.
	before := rotationKeys(t, w.Store)
	if err := oncall.MigrateScheduleNamesToTeams(w.Store); err != nil {
		t.Fatal(err)
	}
	if after := rotationKeys(t, w.Store); len(after) != len(before) {
		t.Fatalf("second run: %d keys, was %d", len(after), len(before))
	} else {
		for k, v := range before {
			if after[k] != v {
				t.Fatalf("second run changed key %x", k)
			}
		}
	}
	w.Close()

	// Opening again runs nothing (no second backup).
	w2 := open(t, dir)
	if backups, _ := os.ReadDir(store.BackupDir(dir)); len(backups) != 1 || w2.Store.Schema() != 2 {
		t.Fatalf("reopen: %d backups, schema %d", len(backups), w2.Store.Schema())
	}
}

// The workspace file carries teamId; a file from before rotations had teams
// (scheduleName only) is read as an upgraded database would be; an unknown
// team is a located problem.
func TestRotationTeamInTheWorkspaceFile(t *testing.T) {
	s := demo.Generate(demo.Small, now)
	team := s.Teams[0]
	if r := s.OnCall.Rotations[0]; r.TeamID != team.ID || r.ScheduleName != "" {
		t.Fatalf("the demo rotation is not in its team: %+v", r)
	}
	dir := t.TempDir()
	if _, err := workspace.ImportFolder(dir, s, false, opts); err != nil {
		t.Fatal(err)
	}
	w := open(t, dir)
	file := export(t, w)
	var exported struct {
		OnCall struct {
			Rotations []map[string]any `json:"rotations"`
		} `json:"oncall"`
	}
	if err := json.Unmarshal(file, &exported); err != nil || len(exported.OnCall.Rotations) != 1 ||
		exported.OnCall.Rotations[0]["teamId"] != team.ID.String() || exported.OnCall.Rotations[0]["scheduleName"] != nil {
		t.Fatalf("the export's rotation: %v (%v)", exported.OnCall.Rotations, err)
	}
	on, err := w.OnCall.TeamsOnCall()
	if err != nil || len(on) != 1 || on[0].Team != team.Name || on[0].Rotations[0].Now == nil {
		t.Fatalf("the demo team's on-call: %+v %v", on, err)
	}

	encode := func(s workspace.Snapshot) *bytes.Buffer {
		var b bytes.Buffer
		if err := json.NewEncoder(&b).Encode(s); err != nil {
			t.Fatal(err)
		}
		return &b
	}
	t.Run("an old file with a schedule name joins the team of that name", func(t *testing.T) {
		old := demo.Generate(demo.Small, now)
		old.OnCall.Rotations[0].TeamID, old.OnCall.Rotations[0].ScheduleName = id.Nil, strings.ToUpper(team.Name)
		got, err := workspace.Parse(encode(old), now)
		if err != nil {
			t.Fatal(err)
		}
		if r := got.OnCall.Rotations[0]; r.TeamID != old.Teams[0].ID || r.ScheduleName != "" {
			t.Fatalf("read as team %v schedule %q", r.TeamID, r.ScheduleName)
		}
	})
	t.Run("a schedule name no team has stays", func(t *testing.T) {
		old := demo.Generate(demo.Small, now)
		old.OnCall.Rotations[0].TeamID, old.OnCall.Rotations[0].ScheduleName = id.Nil, "Night owls"
		got, err := workspace.Parse(encode(old), now)
		if err != nil {
			t.Fatal(err)
		}
		if r := got.OnCall.Rotations[0]; !r.TeamID.IsZero() || r.ScheduleName != "Night owls" {
			t.Fatalf("read as team %v schedule %q", r.TeamID, r.ScheduleName)
		}
	})
	t.Run("an unknown team is refused where it is", func(t *testing.T) {
		bad := demo.Generate(demo.Small, now)
		ghost := id.New(now.Add(time.Hour))
		bad.OnCall.Rotations[0].TeamID = ghost
		_, err := workspace.Parse(encode(bad), now)
		want := `oncall.rotations[0] "Payments on-call" teamId: no team has id ` + ghost.String()
		if !errs.Is(err, errs.Invalid) || !strings.Contains(errs.MessageOf(err), want) {
			t.Fatalf("got %v, want %q", err, want)
		}
	})
}
