package workspace_test

import (
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
	"sort"
	"strconv"
	"strings"

	"github.com/dgraph-io/badger/v4"
	"testing"
	"time"

	"wheelhouse/backend/clock"
	"wheelhouse/backend/demo/demotest"
	"wheelhouse/backend/followup"
	"wheelhouse/backend/notify"
	"wheelhouse/backend/store"
	"wheelhouse/backend/today"
	"wheelhouse/backend/workspace"
)

func largeWorkspace(b *testing.B) string {
	b.Helper()
	return demotest.LargeDir(b, now)
}

// benchModes are the large demo plain and encrypted (decision 0022); the
// encrypted one opens with its key unwrapped once (Argon2id runs once per
// unlock, when the passphrase is typed, and is measured on its own in
// BenchmarkUnlockKDF).
var benchModes = []string{"plain", "encrypted"}

func benchWorkspace(b *testing.B, mode string) (string, workspace.Options) {
	b.Helper()
	dir := largeWorkspace(b)
	opt := workspace.Options{Clock: clock.NewFake(now)}
	if mode == "encrypted" {
		pass := []byte("correct horse battery staple")
		if _, err := store.Encrypt(dir, store.Options{Clock: opt.Clock, Migrations: workspace.Migrations}, pass); err != nil {
			b.Fatal(err)
		}
		k, err := store.UnlockKey(dir, pass)
		if err != nil {
			b.Fatal(err)
		}
		opt.Key = k
	}
	return dir, opt
}

// BenchmarkUnlockKDF: one Argon2id unwrap of the master key with the
// production parameters (m = 64 MiB, t = 3, p = 4), the cost of one unlock.
func BenchmarkUnlockKDF(b *testing.B) {
	dir := b.TempDir()
	s, err := store.Open(dir, store.Options{GCInterval: -1})
	if err != nil {
		b.Fatal(err)
	}
	s.Close()
	pass := []byte("correct horse battery staple")
	if _, err := store.Encrypt(dir, store.Options{}, pass); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := store.UnlockKey(dir, pass); err != nil {
			b.Fatal(err)
		}
	}
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
func BenchmarkOpenAndFirstScreen(b *testing.B) { benchOpen(b, firstScreen) }

// benchOpen times opening the large demo from disk and showing a screen,
// plain and encrypted side by side; closing is not part of start-up.
func benchOpen(b *testing.B, screen func(*testing.B, *workspace.Workspace)) {
	for _, mode := range benchModes {
		b.Run(mode, func(b *testing.B) {
			dir, opt := benchWorkspace(b, mode)
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				w, err := workspace.Open(dir, opt)
				if err != nil {
					b.Fatal(err)
				}
				screen(b, w)
				b.StopTimer()
				w.Close() // closing (with its L0 compaction) is not part of start-up
				b.StartTimer()
			}
		})
	}
}

// BenchmarkOpenAndToday: open the large demo workspace from disk and build
// the app's first screen, Today (on call now and next, incidents, follow-ups,
// 1:1s, team health, time off: it reads most areas), close. Plain and
// encrypted side by side: the target of issue 12 is ≤ 1.25×.
func BenchmarkOpenAndToday(b *testing.B) {
	benchOpen(b, func(b *testing.B, w *workspace.Workspace) {
		day, err := new(today.Cache).Of(w, now)
		if err != nil {
			b.Fatal(err)
		}
		if len(day.OnCall.Schedules) == 0 {
			b.Fatal("Today of the large demo with nobody on call")
		}
	})
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
	for _, mode := range benchModes {
		b.Run(mode, func(b *testing.B) { syncedWrite(b, mode) })
	}
}

func syncedWrite(b *testing.B, mode string) {
	dir, opt := benchWorkspace(b, mode)
	w, err := workspace.Open(dir, opt)
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
//
// The after-an-edit cases commit one real (fsync'd) edit per iteration, as
// the app saves, and then evaluate, as the app does right after every edit.
// The edit's area decides what must be read afresh: "setting" writes a
// workspace setting, "followup" edits an open follow-up's notes, "oneonone"
// saves a report's 1:1 cadence, "oncall" saves a rotation, and "person" edits
// a person's notes (every rule names people, so this is the worst case).
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

	// What the edits change, picked once.
	open, err := w.FollowUps.List(followup.Filter{Statuses: []followup.Status{followup.StatusOpen}})
	if err != nil || len(open) == 0 {
		b.Fatal("no open follow-up", err)
	}
	fu := open[len(open)/2]
	sts, err := w.OneOnOnes.Statuses(now.Format("2006-01-02"))
	if err != nil || len(sts) == 0 {
		b.Fatal("no 1:1 cadence", err)
	}
	series, _, err := w.OneOnOnes.Series(sts[0].PersonID)
	if err != nil {
		b.Fatal(err)
	}
	rots, err := w.OnCall.Rotations()
	if err != nil || len(rots) == 0 {
		b.Fatal("no rotation", err)
	}
	rot := rots[0]
	ps, _ := w.Roster.People(false)
	person := ps[0]

	edits := []struct {
		name string
		edit func(i int) error
	}{
		{"setting", func(i int) error {
			return w.Store.Update(func(txn *badger.Txn) error {
				return txn.Set(store.Key(store.PrefixSetting, "bench-edit"), []byte{byte(i)})
			})
		}},
		{"followup", func(i int) error {
			fu.Notes = fmt.Sprintf("edited %d", i)
			var err error
			fu, err = w.FollowUps.Update(fu)
			return err
		}},
		{"oneonone", func(i int) error {
			var err error
			series, err = w.OneOnOnes.SaveSeries(series)
			return err
		}},
		{"oncall", func(i int) error {
			var err error
			rot, err = w.OnCall.SaveRotation(rot)
			return err
		}},
		{"person", func(i int) error {
			person.Notes = fmt.Sprintf("edited %d", i)
			var err error
			person, err = w.Roster.UpdatePerson(person)
			return err
		}},
	}
	b.Run("after-an-edit", func(b *testing.B) {
		for _, e := range edits {
			b.Run(e.name, func(b *testing.B) {
				for i := 0; i < b.N; i++ {
					b.StopTimer()
					if err := e.edit(i); err != nil {
						b.Fatal(err)
					}
					b.StartTimer()
					if _, err := w.Reminders.Evaluate(); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(len(res.Active)), "reminders")
			})
		}
	})
}

// BenchmarkWorkspaceMemory: what the Go side holds after a launch on the
// large demo, without GTK and WebKit: open the workspace from disk, load the
// first screen, run the first reminder evaluation (the catch-up, which
// writes 1,321 reminder states). Reported: what the open workspace keeps
// live on the heap (after a GC), the heap in use at its peak, and how much
// the process's resident set (VmRSS) grew while it was open. Run with
// -benchtime 1x: each iteration opens afresh.
func BenchmarkWorkspaceMemory(b *testing.B) {
	dir := largeWorkspace(b)
	for i := 0; i < b.N; i++ {
		runtime.GC()
		debug.FreeOSMemory()
		var before runtime.MemStats
		runtime.ReadMemStats(&before)
		rss0 := vmRSS(b)
		w, err := workspace.Open(dir, workspace.Options{Clock: clock.NewFake(now), Notifier: &notify.Recorder{}, Zone: "Europe/Berlin"})
		if err != nil {
			b.Fatal(err)
		}
		firstScreen(b, w)
		if _, err := w.Reminders.Evaluate(); err != nil {
			b.Fatal(err)
		}
		var peak runtime.MemStats
		runtime.ReadMemStats(&peak)
		rss1 := vmRSS(b)
		runtime.GC()
		var after runtime.MemStats
		runtime.ReadMemStats(&after)
		b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/(1<<20), "live-MB")
		b.ReportMetric(float64(peak.HeapInuse)/(1<<20), "heap-inuse-MB")
		b.ReportMetric(float64(rss1-rss0)/1024, "rss-growth-MB")
		w.Close()
	}
}

// BenchmarkBackupMemory: the daily automatic backup of the large demo (the
// stream into a file, then the check that restores it into a temporary
// folder and opens it) in a process that has the workspace open. Reported:
// the largest heap in use while it ran (sampled every 5 ms, garbage
// included: what the process had to hold) and how much the process's
// resident set grew once it returned. Run with -benchtime 1x.
func BenchmarkBackupMemory(b *testing.B) {
	dir := largeWorkspace(b)
	for i := 0; i < b.N; i++ {
		w, err := workspace.Open(dir, workspace.Options{Clock: clock.NewFake(now.Add(time.Duration(i) * time.Hour))})
		if err != nil {
			b.Fatal(err)
		}
		runtime.GC()
		debug.FreeOSMemory()
		rss0 := vmRSS(b)
		var peak uint64
		done := make(chan struct{})
		sampled := make(chan struct{})
		go func() {
			defer close(sampled)
			var m runtime.MemStats
			for {
				runtime.ReadMemStats(&m)
				peak = max(peak, m.HeapInuse)
				select {
				case <-done:
					return
				case <-time.After(5 * time.Millisecond):
				}
			}
		}()
		if _, err := w.Backups.Now(); err != nil {
			b.Fatal(err)
		}
		close(done)
		<-sampled
		b.ReportMetric(float64(peak)/(1<<20), "heap-peak-MB")
		b.ReportMetric(float64(vmRSS(b)-rss0)/1024, "rss-growth-after-MB")
		w.Close()
	}
}

// vmRSS is this process's resident set in kB (0 where /proc is missing).
func vmRSS(b *testing.B) int64 { return vmField(b, "VmRSS:") }

// vmField is a kB field of /proc/self/status (0 where /proc is missing).
func vmField(b *testing.B, name string) int64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, l := range strings.Split(string(data), "\n") {
		if f := strings.Fields(l); len(f) >= 2 && f[0] == name {
			n, _ := strconv.ParseInt(f[1], 10, 64)
			return n
		}
	}
	return 0
}
