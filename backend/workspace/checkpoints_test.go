package workspace_test

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/civil"
	"wheelhouse/backend/clock"
	"wheelhouse/backend/oncall"
	"wheelhouse/backend/people"
	"wheelhouse/backend/store"
	"wheelhouse/backend/workspace"
)

func countCheckpoints(t *testing.T, w *workspace.Workspace) int {
	t.Helper()
	n := 0
	err := w.Store.View(func(txn *badger.Txn) error {
		return store.Keys(txn, store.Range{Prefix: []byte{store.PrefixOnCallCheckpoint}}, func([]byte) error { n++; return nil })
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// The on-call replay checkpoints (decision 0032) are stored when the
// workspace closes and used by the next session; they are machine-local:
// neither a backup nor the workspace file carries them.
func TestReplayCheckpointsAreMachineLocal(t *testing.T) {
	dir := t.TempDir()
	opt := workspace.Options{Clock: clock.NewFake(now)}
	w, err := workspace.Open(dir, opt)
	if err != nil {
		t.Fatal(err)
	}
	var ids []people.Person
	for _, n := range []string{"Ana", "Bo", "Cy", "Di"} {
		p, err := w.Roster.CreatePerson(people.Person{Name: n, TimeZone: "Europe/Berlin"})
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, p)
	}
	r := oncall.Rotation{Name: "Eights", TimeZone: "Europe/Berlin", HandoffTime: "08:00", StartDate: civil.Format(now.AddDate(-1, 0, 0)),
		ShiftLength: oncall.ShiftLength{N: 8, Unit: oncall.Hours}, RequiredCoverage: oncall.Coverage24x7}
	for _, p := range ids {
		r.Participants = append(r.Participants, p.ID)
	}
	if _, err := w.OnCall.SaveRotation(r); err != nil {
		t.Fatal(err)
	}
	for i := range 12 {
		d := now.AddDate(0, 0, -360+30*i)
		if _, err := w.OnCall.SaveTimeOff(oncall.TimeOff{PersonID: ids[i%4].ID, Kind: oncall.KindVacation, StartDate: civil.Format(d), EndDate: civil.Format(d.AddDate(0, 0, 3))}); err != nil {
			t.Fatal(err)
		}
	}
	from, to := now.AddDate(0, 0, -7), now.AddDate(0, 0, 14)
	want, err := w.OnCall.AllShifts(from, to)
	if err != nil {
		t.Fatal(err)
	}
	if n := countCheckpoints(t, w); n != 0 {
		t.Fatalf("%d checkpoints stored before closing", n)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}

	w, err = workspace.Open(dir, opt)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	if n := countCheckpoints(t, w); n < 10 {
		t.Fatalf("%d checkpoints stored on close", n)
	}
	got, err := w.OnCall.AllShifts(from, to)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(shiftLines(got), shiftLines(want)) {
		t.Fatalf("the next session differs:\n%v\n%v", shiftLines(got), shiftLines(want))
	}

	// A backup, restored elsewhere, holds none.
	bak := filepath.Join(t.TempDir(), "b.bak")
	if err := w.Store.BackupToFile(bak); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(bak)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	restored := filepath.Join(t.TempDir(), "restored")
	if _, err := workspace.RestoreFolder(restored, f, false, opt); err != nil {
		t.Fatal(err)
	}
	wr := openWith(t, restored, opt)
	if n := countCheckpoints(t, wr); n != 0 {
		t.Fatalf("the restored workspace holds %d checkpoints", n)
	}
	// Nor does the workspace file: exported and imported, none.
	snap, err := workspace.Parse(bytes.NewReader(export(t, w)), now)
	if err != nil {
		t.Fatal(err)
	}
	imported := filepath.Join(t.TempDir(), "imported")
	if _, err := workspace.ImportFolder(imported, snap, false, opt); err != nil {
		t.Fatal(err)
	}
	wi := openWith(t, imported, opt)
	if n := countCheckpoints(t, wi); n != 0 {
		t.Fatalf("the imported workspace holds %d checkpoints", n)
	}

	// Should stale checkpoints reach other data all the same (copied by
	// hand, or by a build that kept them in backups), the fingerprints keep
	// them from changing an answer: the imported copy gets six weeks of
	// vacation four months back (fair cover then weighs other burdens than
	// the original's), then every checkpoint of the original.
	back := now.AddDate(0, -4, 0)
	if _, err := wi.OnCall.SaveTimeOff(oncall.TimeOff{PersonID: ids[0].ID, Kind: oncall.KindVacation,
		StartDate: civil.Format(back), EndDate: civil.Format(back.AddDate(0, 0, 42))}); err != nil {
		t.Fatal(err)
	}
	type kv struct{ k, v []byte }
	var copied []kv
	err = w.Store.View(func(txn *badger.Txn) error {
		return store.Values(txn, store.Range{Prefix: []byte{store.PrefixOnCallCheckpoint}}, func(k, v []byte) error {
			copied = append(copied, kv{append([]byte(nil), k...), append([]byte(nil), v...)})
			return nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	err = wi.Store.Update(func(txn *badger.Txn) error {
		for _, x := range copied {
			if err := txn.Set(x.k, x.v); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	wins := [][2]time.Time{{from, to}, {now.AddDate(0, -11, 0), now.AddDate(0, -10, 0)}}
	for d := 0; d < 45; d += 3 {
		wins = append(wins, [2]time.Time{back.AddDate(0, 0, d), back.AddDate(0, 0, d+2)})
	}
	for _, win := range wins {
		got, err := oncall.NewService(wi.Store, clock.NewFake(now)).AllShifts(win[0], win[1])
		if err != nil {
			t.Fatal(err)
		}
		var snap *oncall.Snapshot
		if err := wi.Store.View(func(txn *badger.Txn) (err error) {
			snap, err = oncall.LoadTx(txn, time.Time{}, time.Time{})
			return err
		}); err != nil {
			t.Fatal(err)
		}
		if ref := oncall.AllShifts(snap, win[0], win[1]); !reflect.DeepEqual(shiftLines(got), shiftLines(ref)) {
			t.Fatalf("[%s, %s) with another workspace's checkpoints differs from a replay:\n%v\n%v", win[0], win[1], shiftLines(got), shiftLines(ref))
		}
	}
}

func shiftLines(l []oncall.Shift) []string {
	var out []string
	for _, s := range l {
		out = append(out, s.Start.UTC().Format(time.RFC3339)+" "+s.End.UTC().Format(time.RFC3339)+" "+s.PersonID.String()+" "+string(s.Reason)+" "+s.Notes)
	}
	return out
}
