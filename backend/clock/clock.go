// Package clock is the only place in the backend that reads the wall clock.
// Domain code takes a Clock so tests (and the app's test-only clock setting)
// can fix or advance time.
package clock

import (
	"sync"
	"time"
)

// Clock tells the time.
type Clock interface {
	Now() time.Time
}

// Real is the system clock.
type Real struct{}

// Now returns the current time.
func (Real) Now() time.Time { return time.Now() }

// Fake is a settable clock for tests, safe for concurrent use.
type Fake struct {
	mu sync.Mutex
	t  time.Time
}

// NewFake returns a Fake clock reading t.
func NewFake(t time.Time) *Fake { return &Fake{t: t} }

// Now returns the fake time.
func (f *Fake) Now() time.Time {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.t
}

// Set moves the clock to t.
func (f *Fake) Set(t time.Time) {
	f.mu.Lock()
	f.t = t
	f.mu.Unlock()
}

// Advance moves the clock forward by d.
func (f *Fake) Advance(d time.Duration) {
	f.mu.Lock()
	f.t = f.t.Add(d)
	f.mu.Unlock()
}

// Offset is a clock that runs with the real one, shifted by a settable amount.
// The app uses it for its test-only "advance the clock" setting.
type Offset struct {
	mu   sync.Mutex
	base Clock
	d    time.Duration
}

// NewOffset wraps base.
func NewOffset(base Clock) *Offset { return &Offset{base: base} }

// Now returns base time plus the offset.
func (o *Offset) Now() time.Time {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.base.Now().Add(o.d)
}

// SetOffset sets the shift.
func (o *Offset) SetOffset(d time.Duration) {
	o.mu.Lock()
	o.d = d
	o.mu.Unlock()
}

// Offset returns the shift.
func (o *Offset) Offset() time.Duration {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.d
}
