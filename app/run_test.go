package app

import (
	"sync/atomic"
	"testing"
	"time"
)

// The reminder loop starts at the earliest instant asked for: the page's
// "ready" (1.5 s) brings it forward from the 10 s fallback asked for first;
// a later request never delays it; it runs once; Stop cancels it.
func TestEarliestRunsOnceAtTheEarliestInstantAskedFor(t *testing.T) {
	var runs atomic.Int32
	ran := make(chan struct{}, 4)
	e := newEarliest(func() { runs.Add(1); ran <- struct{}{} })
	e.At(time.Hour)            // the fallback, asked for first
	e.At(5 * time.Millisecond) // ready: sooner, wins
	e.At(2 * time.Hour)        // later: ignored
	select {
	case <-ran:
	case <-time.After(30 * time.Second):
		t.Fatal("the earlier instant did not replace the first one asked for")
	}
	e.At(time.Millisecond) // after it ran: nothing more
	time.Sleep(50 * time.Millisecond)
	if n := runs.Load(); n != 1 {
		t.Fatalf("ran %d times, want once", n)
	}

	stopped := newEarliest(func() { t.Error("ran after Stop") })
	stopped.At(10 * time.Millisecond)
	stopped.Stop()
	stopped.At(time.Millisecond)
	time.Sleep(50 * time.Millisecond)
}
