package oncall_test

import (
	"fmt"
	"strconv"
	"testing"
	"time"

	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/civil"
	"wheelhouse/backend/clock"
	"wheelhouse/backend/demo"
	"wheelhouse/backend/id"
	"wheelhouse/backend/oncall"
	"wheelhouse/backend/store"
	"wheelhouse/backend/workspace"
)

// historyWorkspace is the large demo with years of on-call history before
// now (5: the demo as it is; more: its rotations start earlier and the first
// years of time off, overrides and holidays repeat before them).
func historyWorkspace(b *testing.B, years int) *workspace.Workspace {
	s := demo.Generate(demo.Large, now)
	if extra := years - demo.LargeYears; extra > 0 {
		shift := 364 * extra // whole weeks: weekly turns keep their weekday
		first := now.AddDate(-demo.LargeYears, 0, 0)
		oc := &s.OnCall
		for i := range oc.Rotations {
			d, _ := civil.Parse(oc.Rotations[i].StartDate)
			oc.Rotations[i].StartDate = civil.Format(d.AddDate(0, 0, -shift))
		}
		seq := 0
		newID := func() id.ID { seq++; return id.New(now.Add(time.Duration(seq) * time.Millisecond)) }
		for _, t := range oc.TimeOff {
			for k := 1; k*364*demo.LargeYears <= shift+364*demo.LargeYears; k++ {
				sd, _ := civil.Parse(t.StartDate)
				ed, _ := civil.Parse(t.EndDate)
				off := -364 * demo.LargeYears * k
				if -off > shift || !ed.AddDate(0, 0, off).Before(first) {
					continue
				}
				c := t
				c.ID, c.StartDate, c.EndDate = newID(), civil.Format(sd.AddDate(0, 0, off)), civil.Format(ed.AddDate(0, 0, off))
				oc.TimeOff = append(oc.TimeOff, c)
			}
		}
		for _, o := range oc.Overrides {
			off := time.Duration(-shift) * 24 * time.Hour
			if !o.End.Add(off).Before(first) {
				continue
			}
			c := o
			c.ID, c.Start, c.End = newID(), o.Start.Add(off), o.End.Add(off)
			oc.Overrides = append(oc.Overrides, c)
		}
		for i := range oc.Regions {
			rg := &oc.Regions[i]
			n := len(rg.Holidays)
			for _, h := range rg.Holidays[:n] {
				y, _ := strconv.Atoi(h.Date[:4])
				if y-extra < first.Year() {
					rg.Holidays = append(rg.Holidays, oncall.Holiday{Date: strconv.Itoa(y-extra) + h.Date[4:], Name: h.Name})
				}
			}
		}
	}
	dir := b.TempDir()
	if _, err := workspace.ImportFolder(dir, s, false, workspace.Options{Clock: clock.NewFake(now)}); err != nil {
		b.Fatal(err)
	}
	w, err := workspace.Open(dir, workspace.Options{Clock: clock.NewFake(now)})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { w.Close() })
	return w
}

// BenchmarkThreeWeeksOfHistory: the schedule of three weeks (every
// rotation) through the service, load included, with 5 and 10 years of
// history before it. warm: the service's snapshot and checkpoints are
// current (any query after the first since the last edit); after-edit: an
// on-call commit before each query (time off tomorrow or four years back):
// the service rereads the time off committed since and walks from the last
// checkpoint before the edit. cold: the first query after opening (a new
// service: load and walk from every rotation's first turn, none stored).
// cold-checkpoints: the same after a session stored its checkpoints
// (decision 0032: the walks resume from the stored one before the window).
// save-on-close: storing them the first time. load: reading the whole data
// alone (part of cold, and of the first query after an edit to people's
// zones or holidays).
func BenchmarkThreeWeeksOfHistory(b *testing.B) {
	from := now.AddDate(0, 0, -7)
	to := from.AddDate(0, 0, 21)
	for _, years := range []int{5, 10} {
		w := historyWorkspace(b, years)
		b.Run(fmt.Sprintf("%dy/warm", years), func(b *testing.B) {
			if _, err := w.OnCall.AllShifts(from, to); err != nil {
				b.Fatal(err)
			}
			n := 0
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				l, err := w.OnCall.AllShifts(from, to)
				if err != nil {
					b.Fatal(err)
				}
				n = len(l)
			}
			b.ReportMetric(float64(n), "shifts")
		})
		// firstQuery times the first query of a new service (a workspace
		// just opened) over the window.
		firstQuery := func(b *testing.B) {
			n := 0
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				l, err := oncall.NewService(w.Store, clock.NewFake(now)).AllShifts(from, to)
				if err != nil {
					b.Fatal(err)
				}
				n = len(l)
			}
			b.ReportMetric(float64(n), "shifts")
		}
		b.Run(fmt.Sprintf("%dy/cold", years), func(b *testing.B) {
			// The first query after opening the workspace: a new service
			// (no snapshot, no checkpoints, none stored) loads everything
			// and walks every rotation from its first turn to the window.
			err := w.Store.Update(func(txn *badger.Txn) error {
				return store.Keys(txn, store.Range{Prefix: []byte{store.PrefixOnCallCheckpoint}}, func(k []byte) error {
					return txn.Delete(append([]byte(nil), k...))
				})
			})
			if err != nil {
				b.Fatal(err)
			}
			firstQuery(b)
		})
		b.Run(fmt.Sprintf("%dy/cold-checkpoints", years), func(b *testing.B) {
			// The same after a session that stored its checkpoints (the
			// workspace does on close, decision 0032): the walk resumes
			// from the stored checkpoint before the window.
			if _, err := w.OnCall.AllShifts(from, to); err != nil {
				b.Fatal(err)
			}
			if err := w.OnCall.SaveCheckpoints(); err != nil {
				b.Fatal(err)
			}
			firstQuery(b)
		})
		b.Run(fmt.Sprintf("%dy/save-on-close", years), func(b *testing.B) {
			// What closing the workspace adds the first time: storing the
			// checkpoints of a session that walked every rotation to the
			// window (none stored before).
			if _, err := w.OnCall.AllShifts(from, to); err != nil {
				b.Fatal(err)
			}
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				err := w.Store.Update(func(txn *badger.Txn) error {
					return store.Keys(txn, store.Range{Prefix: []byte{store.PrefixOnCallCheckpoint}}, func(k []byte) error {
						return txn.Delete(append([]byte(nil), k...))
					})
				})
				if err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				if err := w.OnCall.SaveCheckpoints(); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(fmt.Sprintf("%dy/load", years), func(b *testing.B) {
			// The load alone: the whole on-call data in one transaction.
			var snap *oncall.Snapshot
			for i := 0; i < b.N; i++ {
				err := w.Store.View(func(txn *badger.Txn) (err error) {
					snap, err = oncall.LoadTx(txn, time.Time{}, time.Time{})
					return err
				})
				if err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(len(snap.Overrides)), "overrides")
			b.ReportMetric(float64(len(snap.TimeOff)), "timeoff")
		})
		// After an edit: time off of someone in a rotation, added before
		// each query and deleted before the next (so every query follows a
		// commit), tomorrow or four years back.
		person := w.OnCall
		rots, err := person.Rotations()
		if err != nil {
			b.Fatal(err)
		}
		// An edit to someone's time off drops the checkpoints of the
		// rotations that person is in (cache.go): the first person of the
		// first rotation, and (busiest) the person in the most rotations.
		in := map[id.ID]int{}
		busiest := rots[0].Participants[0]
		for _, r := range rots {
			for _, u := range r.Participants {
				if in[u]++; in[u] > in[busiest] {
					busiest = u
				}
			}
		}
		for _, c := range []struct {
			name string
			at   time.Time
			who  id.ID
		}{{"after-edit-tomorrow", now.AddDate(0, 0, 1), rots[0].Participants[0]}, {"after-edit-4y-ago", now.AddDate(-4, 0, 0), rots[0].Participants[0]},
			{"after-edit-4y-ago-busiest", now.AddDate(-4, 0, 0), busiest}} {
			who := c.who
			b.Run(fmt.Sprintf("%dy/%s", years, c.name), func(b *testing.B) {
				if _, err := w.OnCall.AllShifts(from, to); err != nil {
					b.Fatal(err)
				}
				n := 0
				var last id.ID
				b.ResetTimer()
				for i := 0; i < b.N; i++ {
					b.StopTimer()
					if last.IsZero() {
						saved, err := w.OnCall.SaveTimeOff(oncall.TimeOff{PersonID: who, Kind: oncall.KindSick, StartDate: civil.Format(c.at), EndDate: civil.Format(c.at)})
						if err != nil {
							b.Fatal(err)
						}
						last = saved.Item.ID
					} else {
						if err := w.OnCall.DeleteTimeOff(last); err != nil {
							b.Fatal(err)
						}
						last = id.ID{}
					}
					b.StartTimer()
					l, err := w.OnCall.AllShifts(from, to)
					if err != nil {
						b.Fatal(err)
					}
					n = len(l)
				}
				b.ReportMetric(float64(n), "shifts")
				b.ReportMetric(float64(in[who]), "rotations")
			})
		}
	}
}
