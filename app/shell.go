// Package app is the only Go code that imports Wails. It binds one thin API
// struct per area (delegation only) and keeps lifecycle on the Shell, which is
// never bound.
package app

import (
	"context"
	"log/slog"
	"net/http"
	"os"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"wheelhouse/backend/calendar"
	"wheelhouse/backend/clock"
	"wheelhouse/backend/control"
	"wheelhouse/backend/datadir"
	"wheelhouse/backend/demo"
	"wheelhouse/backend/errs"
	"wheelhouse/backend/notify"
	"wheelhouse/backend/reminder"
	"wheelhouse/backend/search"
	"wheelhouse/backend/secrets"
	"wheelhouse/backend/store"
	"wheelhouse/backend/today"
	"wheelhouse/backend/workspace"
)

// Emitter sends events to the frontend. The Wails implementation lives in
// run.go; tests use a recorder.
type Emitter interface {
	Emit(name string, data any)
}

// Event names (mirrored in frontend/src/lib/api/events.ts).
const (
	EventWorkspaceChanged = "workspace:changed"
	EventRemindersChanged = "reminders:changed" // data: number of active reminders
	// EventCalendarsRefreshed: a scheduled refresh fetched calendar
	// subscriptions; data: how many of them changed what is stored.
	EventCalendarsRefreshed = "calendars:refreshed"
	// EventPagesProgress: how far a paging import or its preview has read
	// the file (data: PagesProgressDTO), at most every 100 ms and at the end
	// of each pass.
	EventPagesProgress = "pages:progress"
	// EventLockChanged: the app was locked or unlocked; data: locked (bool).
	EventLockChanged = "lock:changed"
)

// Shell owns the open workspace and the app's lifecycle.
type Shell struct {
	log      *slog.Logger
	clock    *clock.Offset // the real clock, shiftable only in test-clock mode
	root     string        // the user's data folder
	version  string
	notifier notify.Notifier
	zone     string              // the machine's IANA zone
	getenv   func(string) string // for autostart paths and the test-clock switch
	exe      string              // this binary, for the autostart entry

	dialogs  Dialogs            // native file dialogs; nil in tests
	feeds    *calendar.FeedHost // the open workspace's subscription feeds on 127.0.0.1
	previews calendar.Previews  // calendar import previews awaiting apply

	refreshing atomic.Bool     // a scheduled calendar refresh is running
	backingUp  atomic.Bool     // an automatic backup is running
	control    *control.Server // answers the command line's backup and export-json (app/control.go)

	lock lockState    // the lock screen (lock.go)
	pub  publishState // CalDAV publishing after edits and on a schedule (publish.go)

	day    today.Cache  // the Today screen's last day (WarmFirstScreen builds it at launch)
	search search.Index // the command palette's index, in memory only; dropped on lock

	mu      sync.RWMutex
	ws      *workspace.Workspace
	demo    bool
	openErr error            // why the workspace could not be opened at startup
	pass    []byte           // the passphrase the user's encrypted workspace was unlocked with (memory only)
	key     *store.MasterKey // the open user's workspace's key (nil: plaintext), to reopen it without the passphrase
	secrets secrets.Store    // the OS keyring, for "remember on this computer" (keyring.go)
	emitter Emitter
}

// Config for NewShell.
type Config struct {
	Root     string
	Version  string
	Log      *slog.Logger
	Clock    clock.Clock     // nil: the real clock
	Notifier notify.Notifier // nil: reminders reach the notification centre only
	Zone     string          // the machine's IANA zone ("" = UTC)
	Getenv   func(string) string
	Exe      string
	// Passphrase checks the passphrase on unlock; nil: the open
	// workspace's (none unless it is encrypted: then unlocking needs no
	// secret, lock.go).
	Passphrase Passphrase
	// Secrets is the OS keyring ("remember on this computer"); nil: none
	// (the app passes secrets.OS()).
	Secrets secrets.Store
}

// NewShell makes a shell for a data folder; call Open before use.
func NewShell(c Config) *Shell {
	if c.Clock == nil {
		c.Clock = clock.Real{}
	}
	if c.Getenv == nil {
		c.Getenv = func(string) string { return "" }
	}
	if c.Log == nil {
		c.Log = slog.New(slog.DiscardHandler)
	}
	s := &Shell{root: c.Root, version: c.Version, log: c.Log, clock: clock.NewOffset(c.Clock),
		notifier: c.Notifier, zone: c.Zone, getenv: c.Getenv, exe: c.Exe}
	s.lock.pass = c.Passphrase
	s.secrets = c.Secrets
	if s.secrets == nil {
		s.secrets = noKeyring{}
	}
	if s.lock.pass == nil {
		s.lock.pass = workspacePassphrase{s}
	}
	s.feeds = &calendar.FeedHost{Handler: http.HandlerFunc(s.serveFeed), Port: calendar.FeedPort(c.Getenv)}
	return s
}

// serveFeed serves a subscription feed of the workspace open now.
func (s *Shell) serveFeed(rw http.ResponseWriter, r *http.Request) {
	w, err := s.workspace()
	if err != nil {
		http.Error(rw, "no workspace is open", http.StatusServiceUnavailable)
		return
	}
	w.Calendar.Handler().ServeHTTP(rw, r)
}

// Dialogs are the native file dialogs (run.go implements them with Wails).
type Dialogs interface {
	SaveFile(defaultName, filterName, pattern string) (string, error)
}

// SetDialogs wires the native dialogs (set in startup).
func (s *Shell) SetDialogs(d Dialogs) { s.dialogs = d }

// wsOptions for the user's workspace (demo false) or the demo. The demo never
// reaches the desktop: its reminders are about made-up people, so they stay in
// the notification centre.
func (s *Shell) wsOptions(demo bool) workspace.Options {
	o := workspace.Options{Logger: s.log, Clock: s.clock, Notifier: s.notifier, Zone: s.zone, Locked: s.Locked}
	if demo {
		o.Notifier = nil
	} else {
		o.Passphrase, o.Key = s.pass, s.key
	}
	return o
}

// Unlock opens the user's encrypted workspace with passphrase. A wrong one
// is an error on the field "passphrase"; nothing else changes. With
// remember, the workspace's key is then kept in the OS keyring (keyring.go);
// when that fails the workspace is open all the same and the returned note
// says why it was not remembered.
func (s *Shell) Unlock(passphrase string, remember bool) (note string, err error) {
	s.mu.Lock()
	if s.ws != nil {
		s.mu.Unlock()
		return "", nil
	}
	o := s.wsOptions(false)
	o.Passphrase, o.Key = []byte(passphrase), nil
	w, err := workspace.Open(s.root, o)
	if err != nil {
		s.mu.Unlock()
		return "", err
	}
	s.ws, s.demo, s.openErr, s.pass, s.key = w, false, nil, []byte(passphrase), w.Store.Key()
	if remember {
		if err := s.remember(w); err != nil {
			note = errs.MessageOf(err)
			s.log.Warn("remember on this computer", "err", err)
		}
	}
	s.mu.Unlock()
	s.startControl()
	s.emit(EventWorkspaceChanged, map[string]bool{"demo": false})
	go s.EvaluateReminders()
	return note, nil
}

// TestClockEnabled reports whether the test-only clock control is on
// (WHEELHOUSE_TEST_CLOCK=1): end-to-end tests move time forward with it.
func (s *Shell) TestClockEnabled() bool { return s.getenv("WHEELHOUSE_TEST_CLOCK") == "1" }

// RunReminders evaluates reminders now (catching up on what came due while
// the app was closed) and then every interval until ctx ends. Each round
// also starts, in the background, the refresh of calendar subscriptions that
// are due, the daily automatic backup when it is due, and the scheduled
// CalDAV publish (publish.go).
func (s *Shell) RunReminders(ctx context.Context, every time.Duration) {
	s.RefreshCalendars(ctx)
	s.EvaluateReminders()
	s.runBackups()
	s.publishDue()
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			s.RefreshCalendars(ctx)
			s.EvaluateReminders()
			s.runBackups()
			s.publishDue()
		}
	}
}

// RefreshCalendars fetches, in a goroutine, the calendar subscriptions
// whose schedule (daily, weekly) is due; subscriptions refreshed manually
// are never fetched here. It returns at once; a refresh still running is
// not started twice.
func (s *Shell) RefreshCalendars(ctx context.Context) {
	w, err := s.workspace()
	if err != nil || !s.refreshing.CompareAndSwap(false, true) {
		return
	}
	go func() {
		defer s.refreshing.Store(false)
		out, err := s.subscriber(w).RefreshDue(ctx)
		if err != nil {
			s.log.Error("calendar subscriptions refresh", "err", err)
			return
		}
		changed := 0
		for _, o := range out {
			if o.Err != nil {
				s.log.Warn("calendar subscription refresh failed", "subscription", o.Name, "err", o.Err)
			} else if o.Changed() {
				changed++
				s.log.Info("calendar subscription refreshed", "subscription", o.Name, "added", o.Applied.Added,
					"updated", o.Applied.Updated, "removed", o.Applied.Removed)
			}
		}
		if len(out) > 0 {
			s.emit(EventCalendarsRefreshed, changed)
		}
		if changed > 0 {
			s.EvaluateReminders()
			s.pub.soon(s, s.publishDelay()) // time off or holidays changed: shifts may have
		}
	}()
}

// EvaluateReminders runs one evaluation of the open workspace's reminders and
// tells the frontend how many are active.
func (s *Shell) EvaluateReminders() (reminder.Result, error) {
	w, err := s.workspace()
	if err != nil {
		return reminder.Result{}, err
	}
	res, err := w.Reminders.Evaluate()
	if err != nil {
		s.log.Error("reminder evaluation", "err", err)
		return res, err
	}
	s.emit(EventRemindersChanged, len(res.Active))
	return res, nil
}

// SetEmitter wires the frontend event sink (set in startup).
func (s *Shell) SetEmitter(e Emitter) {
	s.mu.Lock()
	s.emitter = e
	s.mu.Unlock()
}

func (s *Shell) emit(name string, data any) {
	s.mu.RLock()
	e := s.emitter
	s.mu.RUnlock()
	if e != nil {
		e.Emit(name, data)
	}
}

// Open opens the user's workspace. A failure is kept and shown by the UI
// (e.g. the folder is locked by another Wheelhouse) instead of crashing.
func (s *Shell) Open() error {
	w, err := workspace.Open(s.root, s.wsOptions(false))
	if store.NeedsPassphrase(err) {
		// Remembered on this computer: no passphrase needed (decision 0027).
		if rw, ok := s.openRemembered(); ok {
			w, err = rw, nil
		}
	}
	s.mu.Lock()
	s.ws, s.demo, s.openErr, s.key = w, false, err, keyOf(w)
	s.mu.Unlock()
	if store.NeedsPassphrase(err) {
		return err // the unlock screen asks for it; not a failure to log
	}
	if err != nil {
		s.log.Error("cannot open workspace", "dir", s.root, "err", err)
		return err
	}
	s.startControl()
	return nil
}

// WarmFirstScreen reads, in the caller's goroutine, what the window's first
// screen asks for as soon as it has loaded: the Today screen's day (kept in
// s.day, given to the window's first request if nothing changed meanwhile,
// see today.Cache) and the active reminders (the sidebar's count; the
// engine keeps each rule's answer until its data changes). Run at launch
// while GTK and WebKit start, which takes the Go side's CPU for 0.3-0.6 s
// otherwise unused; on the large demo it is most of the first screen's
// wait. Nothing is sent anywhere: a workspace that is not open (locked,
// failed) is left alone.
func (s *Shell) WarmFirstScreen() {
	if s.Locked() {
		return
	}
	w, err := s.workspace()
	if err != nil {
		return
	}
	start := time.Now()
	if err := s.day.Warm(w, s.clock.Now()); err != nil {
		s.log.Debug("warming the Today screen", "err", err)
	}
	if _, err := w.Reminders.List(); err != nil {
		s.log.Debug("warming the reminders", "err", err)
	}
	s.log.Debug("first screen warmed", "took", time.Since(start).Round(time.Millisecond))
}

// Close stops the feed server and closes the open workspace.
func (s *Shell) Close() {
	s.feeds.Stop()
	s.pub.stop()
	if s.control != nil {
		s.control.Close()
		s.control = nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.ws != nil {
		if err := s.ws.Close(); err != nil {
			s.log.Error("closing workspace", "err", err)
		}
		s.ws = nil
	}
}

// keyOf is w's key (nil for none or a plaintext workspace).
func keyOf(w *workspace.Workspace) *store.MasterKey {
	if w == nil {
		return nil
	}
	return w.Store.Key()
}

// workspace returns the open workspace, or why there is none.
func (s *Shell) workspace() (*workspace.Workspace, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.ws == nil {
		if s.openErr != nil {
			return nil, s.openErr
		}
		return nil, errs.E(errs.Unavailable, "No workspace is open.")
	}
	return s.ws, nil
}

// switchTo closes the current workspace and opens the demo or the user's one.
// The demo is generated on first use.
func (s *Shell) switchTo(toDemo bool) error {
	dir := s.root
	if toDemo {
		dir = datadir.Demo(s.root)
	}
	s.mu.Lock()
	if s.ws != nil && s.demo == toDemo {
		s.mu.Unlock()
		return nil
	}
	if s.ws != nil {
		if err := s.ws.Close(); err != nil {
			s.log.Error("closing workspace", "err", err)
		}
		s.ws = nil
	}
	var err error
	if empty, _ := store.IsEmptyDataDir(dir); toDemo && empty {
		_, err = demo.Create(dir, demo.Small, s.wsOptions(true))
	}
	var w *workspace.Workspace
	if err == nil {
		w, err = workspace.Open(dir, s.wsOptions(toDemo))
	}
	if err != nil {
		// Fall back to the user's workspace so the app stays usable.
		s.log.Error("switching workspace", "demo", toDemo, "err", err)
		back, berr := workspace.Open(s.root, s.wsOptions(false))
		s.ws, s.demo, s.openErr, s.key = back, false, berr, keyOf(back)
		s.mu.Unlock()
		return err
	}
	s.ws, s.demo, s.openErr = w, toDemo, nil
	s.mu.Unlock()
	s.emit(EventWorkspaceChanged, map[string]bool{"demo": toDemo})
	go s.EvaluateReminders()
	return nil
}

// emitCount tells the frontend how many reminders are active (after snooze
// or dismiss, without delivering anything).
func (s *Shell) emitCount() {
	w, err := s.workspace()
	if err != nil {
		return
	}
	if as, err := w.Reminders.List(); err == nil {
		s.emit(EventRemindersChanged, len(as))
	}
}

// KeepRunningOnClose reports whether closing the window should hide it and
// keep delivering reminders (the user's Background setting).
func (s *Shell) KeepRunningOnClose() bool {
	w, err := s.workspace()
	if err != nil {
		return false
	}
	st, err := w.Reminders.Settings()
	return err == nil && st.Background
}

// today is the manager's date in w now.
func (s *Shell) today(w *workspace.Workspace) string { return w.Today(s.clock.Now()) }

// orToday is date, or the manager's date when date is "".
func (s *Shell) orToday(w *workspace.Workspace, date string) string {
	if date == "" {
		return s.today(w)
	}
	return date
}

// afterChange re-evaluates reminders after an edit that may change what is
// due (a follow-up done, a review written), without blocking the call.
func (s *Shell) afterChange() { go s.EvaluateReminders() }

// readyMarks are the readiness marks the app logs for scripts/bench-launch.sh:
// "dom-ready" (Wails' OnDomReady), and from the page (lib/api/perf.ts)
// "first-paint" (the first frame after the app mounted) and "first-screen"
// (the first screen settled: no loading indicator, nothing changing).
var readyMarks = map[string]bool{"dom-ready": true, "first-paint": true, "first-screen": true}

// ReadyMark logs `ready mark=NAME t=MS since process start` (at Info: run
// with --verbose to see it) with the instant as Unix milliseconds. Unknown
// names are ignored.
func (s *Shell) ReadyMark(name string, at time.Time) {
	if !readyMarks[name] {
		return
	}
	ms := float64(at.Sub(processStart).Microseconds()) / 1000
	s.log.Info("ready", "mark", name, "t", strconv.FormatFloat(ms, 'f', 1, 64)+"ms",
		"unix_ms", at.UnixMilli(), "start_unix_ms", processStart.UnixMilli())
}

// screenName bounds what a screen mark may call a screen (the page sends it):
// a short word with slashes, nothing a log line could be confused by.
func screenName(name string) string {
	if len(name) == 0 || len(name) > 40 {
		return "?"
	}
	for _, r := range name {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '/' || r == '-' || r == '_') {
			return "?"
		}
	}
	return name
}

// ScreenMark logs `ready mark=screen name=NAME ms=MS render=R api=A nodes=N
// rows=R`: a switch to a screen (lib/api/perf.ts) took MS from the route
// change to the screen settled; the first R ms of it went to tearing down the
// old screen and building the new one (synchronous script, before any frame);
// the last answer of a bound call in that time came A ms after the change (0:
// none); the document then held N elements, R of them table or list rows in
// <main>. At Info, like ReadyMark.
func (s *Shell) ScreenMark(name string, ms, render, api float64, nodes, rows int, at time.Time) {
	f := func(v float64) string { return strconv.FormatFloat(v, 'f', 1, 64) }
	s.log.Info("ready", "mark", "screen", "name", screenName(name), "ms", f(ms), "render", f(render), "api", f(api),
		"nodes", nodes, "rows", rows, "unix_ms", at.UnixMilli())
}

// processStart is when this process started: on Linux from /proc (10 ms
// resolution; it counts the loading of GTK and WebKit before Go runs),
// elsewhere when the Go runtime initialised this package.
var processStart = startedAt(time.Now())

func startedAt(now time.Time) time.Time {
	stat, err1 := os.ReadFile("/proc/self/stat")
	up, err2 := os.ReadFile("/proc/uptime")
	if err1 != nil || err2 != nil {
		return now
	}
	// Field 22 (starttime, in clock ticks since boot) follows the command
	// name in parentheses, which may itself hold spaces.
	f := strings.Fields(string(stat[strings.LastIndexByte(string(stat), ')')+1:]))
	u := strings.Fields(string(up))
	if len(f) < 20 || len(u) == 0 {
		return now
	}
	ticks, err1 := strconv.ParseFloat(f[19], 64)
	uptime, err2 := strconv.ParseFloat(u[0], 64)
	age := time.Duration((uptime - ticks/100) * float64(time.Second)) // USER_HZ is 100 on Linux
	if err1 != nil || err2 != nil || age < 0 || age > time.Minute {
		return now
	}
	return now.Add(-age)
}
