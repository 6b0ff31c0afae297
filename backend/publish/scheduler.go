package publish

import (
	"context"
	"sync"
	"time"
)

// Scheduler runs every configured publication after edits, debounced
// (Nudge), and on a period, one run at a time. The app starts one with the
// workspace and nudges it after each write; the runs catch up whatever an
// offline spell left waiting. Timers use the real clock (they wait in real
// time whatever the workspace's clock says).
type Scheduler struct {
	Service *Service
	// Debounce: a run starts this long after the last nudge (0: 30 s).
	Debounce time.Duration
	// Every: a run starts this long after the last one (0: 15 min; < 0:
	// never on its own).
	Every time.Duration
	// OnRun, if set, hears each run's counts by name and first error.
	OnRun func(map[string]Counts, error)

	mu      sync.Mutex
	nudge   chan struct{}
	cancel  context.CancelFunc
	done    chan struct{}
	running bool
}

// Start runs the loop until Stop or ctx ends.
func (s *Scheduler) Start(ctx context.Context) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.running {
		return
	}
	ctx, s.cancel = context.WithCancel(ctx)
	s.nudge = make(chan struct{}, 1)
	s.done = make(chan struct{})
	s.running = true
	go s.loop(ctx, s.nudge, s.done)
}

// Nudge asks for a run after the debounce (edits call it).
func (s *Scheduler) Nudge() {
	s.mu.Lock()
	ch := s.nudge
	s.mu.Unlock()
	if ch == nil {
		return
	}
	select {
	case ch <- struct{}{}:
	default:
	}
}

// Stop ends the loop and waits for a run in progress to stop.
func (s *Scheduler) Stop() {
	s.mu.Lock()
	if !s.running {
		s.mu.Unlock()
		return
	}
	s.running = false
	cancel, done := s.cancel, s.done
	s.nudge = nil
	s.mu.Unlock()
	cancel()
	<-done
}

func (s *Scheduler) loop(ctx context.Context, nudge <-chan struct{}, done chan<- struct{}) {
	defer close(done)
	debounce, every := s.Debounce, s.Every
	if debounce <= 0 {
		debounce = 30 * time.Second
	}
	if every == 0 {
		every = 15 * time.Minute
	}
	var debounceC <-chan time.Time
	var dt *time.Timer
	var periodC <-chan time.Time
	if every > 0 {
		pt := time.NewTicker(every)
		defer pt.Stop()
		periodC = pt.C
	}
	for {
		select {
		case <-ctx.Done():
			if dt != nil {
				dt.Stop()
			}
			return
		case <-nudge:
			if dt == nil {
				dt = time.NewTimer(debounce)
			} else {
				if !dt.Stop() {
					select {
					case <-dt.C:
					default:
					}
				}
				dt.Reset(debounce)
			}
			debounceC = dt.C
			continue
		case <-debounceC:
			debounceC = nil
		case <-periodC:
		}
		res, err := s.Service.PublishAll(ctx, nil)
		if ctx.Err() != nil {
			return
		}
		if s.OnRun != nil {
			s.OnRun(res, err)
		}
	}
}
