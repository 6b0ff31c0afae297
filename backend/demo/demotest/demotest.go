// Package demotest gives tests and benchmarks the large demo workspace
// (demo.Large: 50 people, 5 years, 20,000 follow-ups, 2,000 incidents).
package demotest

import (
	"testing"
	"time"

	"wheelhouse/backend/clock"
	"wheelhouse/backend/demo"
	"wheelhouse/backend/workspace"
)

// LargeDir makes the large demo, as of now, in a temporary folder of tb.
func LargeDir(tb testing.TB, now time.Time) string {
	tb.Helper()
	dir := tb.TempDir()
	if _, err := demo.Create(dir, demo.Large, workspace.Options{Clock: clock.NewFake(now)}); err != nil {
		tb.Fatal(err)
	}
	return dir
}

// OpenLarge makes the large demo and opens it on a clock fixed at now, with
// the manager in Europe/Berlin; it is closed when tb ends.
func OpenLarge(tb testing.TB, now time.Time) *workspace.Workspace {
	tb.Helper()
	w, err := workspace.Open(LargeDir(tb, now), workspace.Options{Clock: clock.NewFake(now), Zone: "Europe/Berlin"})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { w.Close() })
	return w
}
