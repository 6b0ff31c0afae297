package today_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/clock"
	"wheelhouse/backend/demo/demotest"
	"wheelhouse/backend/followup"
	"wheelhouse/backend/today"
	"wheelhouse/backend/workspace"
)

var benchNow = time.Date(2026, 11, 24, 9, 30, 0, 0, time.UTC)

// What the first screen asks for on the large demo (50 people, 5 years,
// 20,000 follow-ups, 2,000 incidents, 20 rotations): the day, and the
// follow-ups view the sidebar badge used to load at start. Reports the time and
// the JSON bytes that cross the bridge.
func BenchmarkFirstScreenPayloads(b *testing.B) {
	w := demotest.OpenLarge(b, benchNow)
	b.Run("today", func(b *testing.B) {
		var n int
		for b.Loop() {
			d, err := today.Of(w, benchNow)
			if err != nil {
				b.Fatal(err)
			}
			j, _ := json.Marshal(d)
			n = len(j)
		}
		b.ReportMetric(float64(n)/1024, "KiB")
	})
	b.Run("followups-open-view", func(b *testing.B) {
		var n int
		for b.Loop() {
			var v followup.View
			if err := w.Store.View(func(txn *badger.Txn) (err error) {
				v, err = followup.ViewTx(txn, "2026-11-24", followup.ViewOptions{})
				return err
			}); err != nil {
				b.Fatal(err)
			}
			j, _ := json.Marshal(v)
			n = len(j)
		}
		b.ReportMetric(float64(n)/1024, "KiB")
	})
}

// BenchmarkTodayCold: the first Today after opening the large demo from disk
// (what the app asks for at launch): each iteration opens the workspace
// afresh, so nothing is cached yet.
func BenchmarkTodayCold(b *testing.B) {
	dir := demotest.LargeDir(b, benchNow)
	for b.Loop() {
		b.StopTimer()
		w, err := workspace.Open(dir, workspace.Options{Clock: clock.NewFake(benchNow), Zone: "Europe/Berlin"})
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if _, err := today.Of(w, benchNow); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		w.Close()
		b.StartTimer()
	}
}
