package workspace_test

import (
	"sort"

	"github.com/dgraph-io/badger/v4"
	"testing"
	"time"

	"wheelhouse/backend/clock"
	"wheelhouse/backend/demo"
	"wheelhouse/backend/notify"
	"wheelhouse/backend/store"
	"wheelhouse/backend/workspace"
)

func largeWorkspace(b *testing.B) string {
	b.Helper()
	dir := b.TempDir()
	if _, err := demo.Create(dir, demo.Large, workspace.Options{Clock: clock.NewFake(now)}); err != nil {
		b.Fatal(err)
	}
	return dir
}

// firstScreen is what the app loads to show its first screen: the roster
// directory and the team overview.
func firstScreen(b *testing.B, w *workspace.Workspace) {
	if _, err := w.Roster.Directory(); err != nil {
		b.Fatal(err)
	}
	if _, err := w.Roster.Overview(); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkOpenAndFirstScreen: open the large demo workspace from disk (marker
// and schema check included), load the first screen, close.
func BenchmarkOpenAndFirstScreen(b *testing.B) {
	dir := largeWorkspace(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		w, err := workspace.Open(dir, workspace.Options{Clock: clock.NewFake(now)})
		if err != nil {
			b.Fatal(err)
		}
		firstScreen(b, w)
		b.StopTimer()
		w.Close() // closing (with its L0 compaction) is not part of start-up
		b.StartTimer()
	}
}

// BenchmarkFirstScreenQuery: the first-screen queries alone on an open workspace.
func BenchmarkFirstScreenQuery(b *testing.B) {
	dir := largeWorkspace(b)
	w, err := workspace.Open(dir, workspace.Options{Clock: clock.NewFake(now)})
	if err != nil {
		b.Fatal(err)
	}
	defer w.Close()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		firstScreen(b, w)
	}
}

// BenchmarkSyncedWrite: one person edit (record + index entries, one
// transaction) with SyncWrites on, as the app saves. Reports p50/p99.
func BenchmarkSyncedWrite(b *testing.B) {
	dir := largeWorkspace(b)
	w, err := workspace.Open(dir, workspace.Options{Clock: clock.NewFake(now)})
	if err != nil {
		b.Fatal(err)
	}
	defer w.Close()
	ps, _ := w.Roster.People(false)
	lat := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		p := ps[i%len(ps)]
		p.Notes = "edited " + time.Duration(i).String()
		t0 := time.Now()
		if _, err := w.Roster.UpdatePerson(p); err != nil {
			b.Fatal(err)
		}
		lat = append(lat, time.Since(t0))
	}
	b.StopTimer()
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	b.ReportMetric(float64(lat[len(lat)/2].Microseconds()), "p50-µs")
	b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds()), "p99-µs")
}

// BenchmarkReminderEvaluation: one evaluation of every reminder rule on the
// large demo workspace (2,000 incidents, 20,000 follow-ups), in steady state:
// what the app does every minute. The first evaluation (which delivers the
// catch-up and writes the reminders' state) runs before the timer.
func BenchmarkReminderEvaluation(b *testing.B) {
	dir := largeWorkspace(b)
	w, err := workspace.Open(dir, workspace.Options{Clock: clock.NewFake(now), Notifier: &notify.Recorder{}, Zone: "Europe/Berlin"})
	if err != nil {
		b.Fatal(err)
	}
	defer w.Close()
	res, err := w.Reminders.Evaluate()
	if err != nil {
		b.Fatal(err)
	}
	b.Run("steady", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			if _, err := w.Reminders.Evaluate(); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(len(res.Active)), "reminders")
	})
	// After an edit every rule and the reminders' state are read afresh:
	// each iteration commits a small (fsync'd) write first, as an edit does.
	b.Run("after-an-edit", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			if err := w.Store.Update(func(txn *badger.Txn) error {
				return txn.Set(store.Key(store.PrefixSetting, "bench-edit"), []byte{byte(i)})
			}); err != nil {
				b.Fatal(err)
			}
			if _, err := w.Reminders.Evaluate(); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(len(res.Active)), "reminders")
	})
}
