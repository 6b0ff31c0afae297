package oncall_test

import (
	"fmt"
	"strconv"
	"testing"
	"time"

	"wheelhouse/backend/civil"
	"wheelhouse/backend/clock"
	"wheelhouse/backend/demo"
	"wheelhouse/backend/id"
	"wheelhouse/backend/oncall"
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
// on-call commit before each query (the settings saved again), so the
// whole data is loaded and walked from the first turns.
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
		b.Run(fmt.Sprintf("%dy/after-edit", years), func(b *testing.B) {
			st, err := w.OnCall.Settings()
			if err != nil {
				b.Fatal(err)
			}
			n := 0
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				if _, err := w.OnCall.SaveSettings(st); err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				l, err := w.OnCall.AllShifts(from, to)
				if err != nil {
					b.Fatal(err)
				}
				n = len(l)
			}
			b.ReportMetric(float64(n), "shifts")
		})
	}
}
