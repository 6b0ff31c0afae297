package app

import (
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"wheelhouse/backend/calendar"
	"wheelhouse/backend/publish"
	"wheelhouse/backend/secrets"
	"wheelhouse/backend/workspace"
)

// Publishing to CalDAV while the app runs (issue 13): the configured
// publications of the open workspace are run
//   - debounced after edits that change shifts (PublishDelay after the last
//     one: rotations, overrides, swaps, time off, people, imported calendars),
//   - on a schedule (PublishEvery, checked by the reminder loop; the first
//     check at start-up catches up on what changed while the app was closed),
//   - never while the app is locked, and only publications someone added to
//     this workspace: the demo has none unless the user adds one there.
// A run that fails (offline, server down) leaves its changes waiting; the
// status says so and the next run sends them. This is the shell's rather
// than publish.Scheduler's (decision 0030): a run must be skipped while the
// app is locked, follow the workspace open at the time (demo, restore,
// unlock), and report progress to the window.

// Timing of the automatic runs.
const (
	PublishDelay = 30 * time.Second
	PublishEvery = 30 * time.Minute
)

// EventPublishProgress: how far a run is (data: PublishProgressDTO), at
// most every 100 ms and at the end. EventPublishChanged: an automatic run
// finished; the statuses may have changed (data: nothing).
const (
	EventPublishProgress = "publish:progress"
	EventPublishChanged  = "publish:changed"
)

// publishState is the shell's side of publishing.
type publishState struct {
	mu       sync.Mutex
	running  map[string]bool  // publications being published (by name, folded)
	timer    *time.Timer      // the debounced run after edits
	lastAuto time.Time        // the last scheduled run started
	busy     atomic.Bool      // an automatic run is going
	secrets  *publish.Keyring // nil: passwords stay in the workspace
	once     sync.Once
}

func (p *publishState) mark(name string, on bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.running == nil {
		p.running = map[string]bool{}
	}
	if on {
		p.running[strings.ToLower(name)] = true
	} else {
		delete(p.running, strings.ToLower(name))
	}
}

func (p *publishState) isRunning(name string) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.running[strings.ToLower(name)]
}

// soon runs every publication after delay, unless another edit comes first
// (which starts the delay again).
func (p *publishState) soon(s *Shell, delay time.Duration) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.timer != nil {
		p.timer.Stop()
	}
	p.timer = time.AfterFunc(delay, func() { s.publishAll("after an edit") })
}

func (p *publishState) stop() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.timer != nil {
		p.timer.Stop()
		p.timer = nil
	}
}

// keyring is the OS keyring for passwords (backend/secrets: each call
// bounded by a timeout, so a locked keyring that prompts nobody cannot hang
// the app), or nil when switched off (WHEELHOUSE_NO_KEYRING=1, as in the CLI).
func (s *Shell) keyring() *publish.Keyring {
	s.pub.once.Do(func() {
		if s.getenv("WHEELHOUSE_NO_KEYRING") == "" {
			s.pub.secrets = &publish.Keyring{Store: secrets.OS()}
		}
	})
	return s.pub.secrets
}

// publisher is the open workspace's publish service with the OS keyring
// wired (once per workspace, before any use).
func (s *Shell) publisher(w *workspace.Workspace) *publish.Service {
	s.wireSecrets(w)
	return w.Publish
}

// subscriber is the open workspace's calendar service with the OS keyring
// wired for CalDAV subscriptions' passwords.
func (s *Shell) subscriber(w *workspace.Workspace) *calendar.Service {
	s.wireSecrets(w)
	return w.Calendar
}

// wireSecrets gives the workspace's publish and calendar services the OS
// keyring (once per workspace, before any use).
func (s *Shell) wireSecrets(w *workspace.Workspace) {
	k := s.keyring()
	s.pub.mu.Lock()
	defer s.pub.mu.Unlock()
	if k != nil && w.Publish.Secrets == nil {
		w.Publish.Secrets = *k
	}
	if k != nil && w.Calendar.Secrets == nil {
		w.Calendar.Secrets = *k
	}
}

// changesShifts tells whether a successful write (by its op name) may
// change what the publications hold.
func changesShifts(op string) bool {
	switch {
	case strings.HasPrefix(op, "oncall."), strings.HasPrefix(op, "people."):
		return true
	case op == "calendar.ApplyImport", op == "calendar.FetchSubscription":
		return true // time off and holidays
	}
	return false
}

// afterWrite follows a successful write: reminders are re-evaluated, and
// an edit that may change shifts publishes after PublishDelay.
func (s *Shell) afterWrite(op string) {
	s.afterChange()
	if changesShifts(op) {
		s.pub.soon(s, s.publishDelay())
	}
}

func (s *Shell) publishDelay() time.Duration {
	if d, err := time.ParseDuration(s.getenv("WHEELHOUSE_PUBLISH_DELAY")); err == nil && d >= 0 {
		return d // tests
	}
	return PublishDelay
}

// publishDue runs the scheduled publish when PublishEvery has passed since
// the last one (called by the reminder loop every minute).
func (s *Shell) publishDue() {
	now := s.clock.Now()
	s.pub.mu.Lock()
	due := s.pub.lastAuto.IsZero() || now.Sub(s.pub.lastAuto) >= PublishEvery
	s.pub.mu.Unlock()
	if due && s.publishAll("on schedule") {
		s.pub.mu.Lock()
		s.pub.lastAuto = now
		s.pub.mu.Unlock()
	}
}

// publishAll runs, in a goroutine, every publication of the open workspace
// and reports whether it started. Nothing runs while the app is locked, or
// while another automatic run goes.
func (s *Shell) publishAll(why string) bool {
	if s.Locked() {
		return false
	}
	w, err := s.workspace()
	if err != nil || !s.pub.busy.CompareAndSwap(false, true) {
		return false
	}
	go func() {
		defer s.pub.busy.Store(false)
		ps, err := s.publisher(w).List()
		if err != nil {
			s.log.Error("publish: list", "err", err)
			return
		}
		ran := false
		for _, p := range ps {
			if p.OneOff || s.Locked() {
				continue
			}
			ran = true
			c, err := s.publishOne(w, p.Name)
			if err != nil {
				s.log.Warn("publish failed: its changes wait for the next run", "publication", p.Name, "why", why, "err", err)
				continue
			}
			s.log.Info("published", "publication", p.Name, "why", why, "created", c.Created, "updated", c.Updated,
				"deleted", c.Deleted, "unchanged", c.Unchanged, "conflicts", c.Conflicts)
		}
		if ran {
			s.emit(EventPublishChanged, nil)
		}
	}()
	return true
}
