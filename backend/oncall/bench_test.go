package oncall_test

import (
	"os"
	"sync"
	"testing"
	"time"

	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/clock"
	"wheelhouse/backend/demo"
	"wheelhouse/backend/id"
	"wheelhouse/backend/oncall"
	"wheelhouse/backend/workspace"
)

// largeSnapshot is the large demo's on-call data (20 rotations over five
// years with holidays, vacations, overrides and swaps) as a Snapshot.
func largeSnapshot() *oncall.Snapshot {
	s := demo.Generate(demo.Large, now)
	snap := &oncall.Snapshot{Rotations: s.OnCall.Rotations, TimeOff: s.OnCall.TimeOff, Regions: s.OnCall.Regions,
		Overrides: s.OnCall.Overrides, Swaps: s.OnCall.Swaps, Settings: s.OnCall.Settings, People: map[id.ID]oncall.PersonInfo{}}
	for _, p := range s.People {
		snap.People[p.ID] = oncall.PersonInfo{Name: p.Name, TimeZone: p.TimeZone}
	}
	return snap
}

// BenchmarkYearOfShifts: a year of shifts of all 20 rotations of the large
// demo from the snapshot the service holds (oncall.Service.Snapshot: all of
// the on-call data, with the walk checkpoints its earlier computations kept;
// decision 0013), as the app computes between two edits.
func BenchmarkYearOfShifts(b *testing.B) {
	from := now.AddDate(0, -6, 0)
	to := from.AddDate(1, 0, 0)
	base := loadedSnapshot(b, from, to)
	oncall.AllShifts(base, from, to) // the first computation keeps checkpoints
	n := 0
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		n = len(oncall.AllShifts(base, from, to))
	}
	b.ReportMetric(float64(n), "shifts")
	b.ReportMetric(float64(len(base.Rotations)), "rotations")
	b.ReportMetric(float64(len(base.TimeOff)), "timeoff")
	b.ReportMetric(float64(len(base.Overrides)), "overrides")
}

// BenchmarkYearOfShiftsCold: the same from a fresh snapshot each time (its
// lookup tables built, no checkpoints): every rotation walks from its first
// turn, five years before the window (after an edit, once).
func BenchmarkYearOfShiftsCold(b *testing.B) {
	from := now.AddDate(0, -6, 0)
	to := from.AddDate(1, 0, 0)
	base := loadedSnapshot(b, from, to)
	n := 0
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		s := &oncall.Snapshot{Rotations: base.Rotations, TimeOff: base.TimeOff, Regions: base.Regions,
			Overrides: base.Overrides, Swaps: base.Swaps, People: base.People}
		n = len(oncall.AllShifts(s, from, to))
	}
	b.ReportMetric(float64(n), "shifts")
}

// BenchmarkYearOfShiftsAllData: the cold computation from the generated
// data (not through the store).
func BenchmarkYearOfShiftsAllData(b *testing.B) {
	base := largeSnapshot()
	from := now.AddDate(0, -6, 0)
	to := from.AddDate(1, 0, 0)
	n := 0
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		s := &oncall.Snapshot{Rotations: base.Rotations, TimeOff: base.TimeOff, Regions: base.Regions,
			Overrides: base.Overrides, Swaps: base.Swaps, People: base.People}
		n = len(oncall.AllShifts(s, from, to))
	}
	b.ReportMetric(float64(n), "shifts")
}

var (
	largeDir  string
	largeOnce sync.Once
)

// largeWorkspace is the large demo in a data folder, made once per run.
func largeWorkspace(b *testing.B) *workspace.Workspace {
	largeOnce.Do(func() {
		dir, err := os.MkdirTemp("", "wheelhouse-oncall-bench-")
		if err != nil {
			b.Fatal(err)
		}
		if _, err := demo.Create(dir, demo.Large, workspace.Options{Clock: clock.NewFake(now)}); err != nil {
			b.Fatal(err)
		}
		largeDir = dir
	})
	w, err := workspace.Open(largeDir, workspace.Options{Clock: clock.NewFake(now)})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { w.Close() })
	return w
}

func loadedSnapshot(b *testing.B, from, to time.Time) *oncall.Snapshot {
	w := largeWorkspace(b)
	s, err := w.OnCall.Snapshot(from, to)
	if err != nil {
		b.Fatal(err)
	}
	return s
}

// BenchmarkYearOfShiftsFromStore: the same through the store without the
// service's cache: load the window's snapshot (all history before it) in one
// transaction, then compute from the first turns (what a calendar feed does).
func BenchmarkYearOfShiftsFromStore(b *testing.B) {
	w := largeWorkspace(b)
	from := now.AddDate(0, -6, 0)
	to := from.AddDate(1, 0, 0)
	n := 0
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		err := w.Store.View(func(txn *badger.Txn) error {
			s, err := oncall.LoadTx(txn, from, to)
			if err != nil {
				return err
			}
			n = len(oncall.AllShifts(s, from, to))
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n), "shifts")
}

// BenchmarkFairnessYear: the fairness table of a year.
func BenchmarkFairnessYear(b *testing.B) {
	base := largeSnapshot()
	from := now.AddDate(-1, 0, 0)
	for i := 0; i < b.N; i++ {
		s := &oncall.Snapshot{Rotations: base.Rotations, TimeOff: base.TimeOff, Regions: base.Regions,
			Overrides: base.Overrides, Swaps: base.Swaps, People: base.People}
		oncall.Fairness(s, from, now)
	}
}

var _ = time.UTC

func TestMain(m *testing.M) {
	code := m.Run()
	if largeDir != "" {
		os.RemoveAll(largeDir)
	}
	os.Exit(code)
}
