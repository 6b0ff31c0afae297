package incident_test

import (
	"os"
	"sync"
	"testing"
	"time"

	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/clock"
	"wheelhouse/backend/demo"
	"wheelhouse/backend/followup"
	"wheelhouse/backend/incident"
	"wheelhouse/backend/workspace"
)

// The large demo workspace (2,000 incidents, 20,000 follow-ups over five
// years), created once per test binary on disk.
var (
	largeOnce sync.Once
	largeDir  string
	largeErr  error
	benchNow  = time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)
)

func largeWorkspace(b *testing.B) *workspace.Workspace {
	b.Helper()
	largeOnce.Do(func() {
		if largeDir, largeErr = os.MkdirTemp("", "wheelhouse-bench-"); largeErr == nil {
			_, largeErr = demo.Create(largeDir, demo.Large, workspace.Options{Clock: clock.NewFake(benchNow)})
		}
	})
	if largeErr != nil {
		b.Fatal(largeErr)
	}
	w, err := workspace.Open(largeDir, workspace.Options{Clock: clock.NewFake(benchNow)})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { w.Close() })
	return w
}

func TestMain(m *testing.M) {
	code := m.Run()
	if largeDir != "" {
		os.RemoveAll(largeDir)
	}
	os.Exit(code)
}

func benchDesk(b *testing.B) (*workspace.Workspace, *incident.Desk) {
	w := largeWorkspace(b)
	d := incident.NewDesk(w.Store, w.Clock, followup.NewBook(w.Store, w.Clock))
	d.Zone = func(*badger.Txn) *time.Location { return berlin }
	return w, d
}

// BenchmarkMetricsPage: everything the metrics page shows (MTTA/MTTR by
// severity and month, incidents per service per month, escalation, review
// and follow-up completion rates, recurring patterns), in one read
// transaction, over the whole five years and over the last twelve months.
func BenchmarkMetricsPage(b *testing.B) {
	_, d := benchDesk(b)
	for _, c := range []struct {
		name string
		w    incident.Window
	}{
		{"5y", incident.Window{}},
		{"12m", incident.Window{From: benchNow.AddDate(-1, 0, 0), To: benchNow}},
	} {
		b.Run(c.name, func(b *testing.B) {
			var p incident.Page
			for i := 0; i < b.N; i++ {
				var err error
				if p, err = d.MetricsPage(c.w, benchNow); err != nil {
					b.Fatal(err)
				}
			}
			if p.Metrics.Incidents == 0 || len(p.Metrics.ByServiceMonth) == 0 || len(p.Patterns) == 0 {
				b.Fatalf("empty page: %d incidents, %d patterns", p.Metrics.Incidents, len(p.Patterns))
			}
		})
	}
}

// BenchmarkIncidentList: the incidents list (all 2,000 summaries, newest
// first) from the covering index.
func BenchmarkIncidentList(b *testing.B) {
	_, d := benchDesk(b)
	for i := 0; i < b.N; i++ {
		if l, err := d.List(incident.Filter{}); err != nil || len(l) != demo.LargeIncidents {
			b.Fatal(len(l), err)
		}
	}
}

// BenchmarkReminderQueries: the two queries a reminder evaluation makes for
// this area, overdue follow-ups and overdue reviews, in one read transaction
// (the engine's), and each alone.
func BenchmarkReminderQueries(b *testing.B) {
	w, _ := benchDesk(b)
	today := incident.Today(benchNow, berlin)
	run := func(b *testing.B, fn func(txn *badger.Txn) (int, error)) {
		n := 0
		for i := 0; i < b.N; i++ {
			err := w.Store.View(func(txn *badger.Txn) (err error) {
				n, err = fn(txn)
				return err
			})
			if err != nil {
				b.Fatal(err)
			}
		}
		if n == 0 {
			b.Fatal("nothing overdue in the large demo")
		}
		b.ReportMetric(float64(n), "items")
	}
	b.Run("both", func(b *testing.B) {
		run(b, func(txn *badger.Txn) (int, error) {
			a, err := followup.Overdue(txn, today)
			if err != nil {
				return 0, err
			}
			r, err := incident.ReviewsOverdue(txn, today)
			return len(a) + len(r), err
		})
	})
	b.Run("followups", func(b *testing.B) {
		run(b, func(txn *badger.Txn) (int, error) { a, err := followup.Overdue(txn, today); return len(a), err })
	})
	b.Run("reviews", func(b *testing.B) {
		run(b, func(txn *badger.Txn) (int, error) { r, err := incident.ReviewsOverdue(txn, today); return len(r), err })
	})
}

// BenchmarkFollowUpsView: the follow-ups view (open items ordered overdue
// first, per-owner and per-team stats over all 20,000); with closed ones too
// (the 200 most recently closed, the default); and with every one of the
// 20,000 listed.
func BenchmarkFollowUpsView(b *testing.B) {
	w, _ := benchDesk(b)
	book := followup.NewBook(w.Store, w.Clock)
	today := incident.Today(benchNow, berlin)
	for _, c := range []struct {
		name string
		opt  followup.ViewOptions
	}{
		{"open", followup.ViewOptions{}},
		{"with-closed", followup.ViewOptions{Filter: followup.Filter{Statuses: followup.Statuses}}},
		{"every-row", followup.ViewOptions{Filter: followup.Filter{Statuses: followup.Statuses}, ClosedLimit: -1}},
	} {
		b.Run(c.name, func(b *testing.B) {
			var v followup.View
			for i := 0; i < b.N; i++ {
				var err error
				if v, err = book.View(today, c.opt); err != nil {
					b.Fatal(err)
				}
			}
			if v.All.Total != demo.LargeActions || v.Overdue == 0 || len(v.Teams) == 0 {
				b.Fatalf("view: %+v", v.All)
			}
			b.ReportMetric(float64(len(v.Rows)), "rows")
		})
	}
}
