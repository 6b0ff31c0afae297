// Package reminder turns data and the clock into due reminders and delivers
// each one once: as a desktop notification (when the OS allows and quiet hours
// do not hold it back) and in the app's notification centre. Rules from each
// area produce reminders; the engine keeps their state (delivered, snoozed,
// dismissed) so nothing is shown twice.
package reminder

import (
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/civil"
	"wheelhouse/backend/clock"
	"wheelhouse/backend/errs"
	"wheelhouse/backend/notify"
	"wheelhouse/backend/store"
	"wheelhouse/backend/tz"
)

// Link points a reminder at the item it is about.
type Link struct {
	Area string `json:"area"` // "followups", "incidents", "people", "oncall"
	ID   string `json:"id"`
}

// Reminder is something that needs the manager's attention now.
type Reminder struct {
	// Key identifies the reminder across evaluations. It names the record and
	// what is due about it (e.g. the due date), so a changed due date is a new
	// reminder while the same overdue item is never shown twice.
	Key   string    `json:"key"`
	Kind  string    `json:"kind"` // e.g. "followup.overdue"
	Title string    `json:"title"`
	Body  string    `json:"body"`
	Link  Link      `json:"link"`
	DueAt time.Time `json:"dueAt"` // when it became due; the centre sorts by it
	// ExpiresAt, if set, is when the reminder stops mattering (a handoff
	// that has happened). A rule may return reminders before they are due
	// or after they expired: the engine shows only those due and current.
	ExpiresAt time.Time `json:"expiresAt,omitzero"`
}

// Context is what a rule needs to know about time.
type Context struct {
	Now   time.Time
	Loc   *time.Location // the user's zone (Settings.TimeZone)
	Today string         // the civil date in Loc (backend/civil)
}

// Rule produces the reminders that are due, reading inside txn.
type Rule interface {
	Name() string
	Due(txn *badger.Txn, c Context) ([]Reminder, error)
}

// RuleFunc adapts a function to Rule.
type RuleFunc struct {
	RuleName string
	Fn       func(txn *badger.Txn, c Context) ([]Reminder, error)
}

// Name returns the rule's name.
func (r RuleFunc) Name() string { return r.RuleName }

// Due runs the function.
func (r RuleFunc) Due(txn *badger.Txn, c Context) ([]Reminder, error) { return r.Fn(txn, c) }

// Cached is a rule whose reminders depend only on the data, the date and the
// zone: what fn works out is kept until one of them changes (the
// transaction's read timestamp moves on every commit), so the
// minute-by-minute evaluation costs almost nothing. An error is not kept.
func Cached(name string, fn func(txn *badger.Txn, c Context) ([]Reminder, error)) Rule {
	var (
		mu    sync.Mutex
		cache struct {
			readTs      uint64
			today, zone string
			items       []Reminder
		}
	)
	return RuleFunc{RuleName: name, Fn: func(txn *badger.Txn, c Context) ([]Reminder, error) {
		mu.Lock()
		defer mu.Unlock()
		zone := c.Loc.String() // nil: UTC
		if cache.readTs == txn.ReadTs() && cache.today == c.Today && cache.zone == zone {
			return cache.items, nil
		}
		items, err := fn(txn, c)
		if err != nil {
			return nil, err
		}
		cache.readTs, cache.today, cache.zone, cache.items = txn.ReadTs(), c.Today, zone, items
		return items, nil
	}}
}

// State is what the engine remembers about a reminder.
type State struct {
	Key          string    `json:"key"`
	FirstSeenAt  time.Time `json:"firstSeenAt"`
	DeliveredAt  time.Time `json:"deliveredAt,omitzero"`
	SnoozedUntil time.Time `json:"snoozedUntil,omitzero"`
	DismissedAt  time.Time `json:"dismissedAt,omitzero"`
	Desktop      string    `json:"desktop,omitempty"` // "shown", or why it was not
}

// Settings of reminders and notifications.
type Settings struct {
	TimeZone   string `json:"timezone"` // IANA; "" means the machine's zone as the app detects it
	Quiet      Quiet  `json:"quiet"`
	Desktop    bool   `json:"desktop"`    // send desktop notifications (the centre always lists reminders)
	Background bool   `json:"background"` // closing the window keeps Wheelhouse running to deliver reminders
	Autostart  bool   `json:"autostart"`  // start (hidden) at login
	// LockMinutes: the window locks after this many idle minutes (1-240);
	// 0 never locks by itself (Ctrl+L still does).
	LockMinutes int `json:"lockMinutes"`
}

// UnmarshalJSON reads settings; a record or file written before the lock
// existed (no lockMinutes) locks after the default time, not never.
func (s *Settings) UnmarshalJSON(b []byte) error {
	type plain Settings
	p := plain(*s)
	p.LockMinutes = DefaultLockMinutes
	if err := json.Unmarshal(b, &p); err != nil {
		return err
	}
	*s = Settings(p)
	return nil
}

// DefaultLockMinutes is the idle time before the window locks by default.
const DefaultLockMinutes = 15

// MaxLockMinutes is the longest idle time the lock can wait (4 hours).
const MaxLockMinutes = 240

// DefaultSettings: desktop notifications on, quiet 22:00-08:00 and weekends.
func DefaultSettings() Settings {
	return Settings{Desktop: true, Quiet: Quiet{Enabled: true, Start: "22:00", End: "08:00", Weekends: true},
		LockMinutes: DefaultLockMinutes}
}

// Status of an active reminder in the centre.
const (
	StatusNew       = "new"       // due, not yet delivered (next evaluation delivers it)
	StatusHeld      = "held"      // due, held back by quiet hours until HeldUntil
	StatusDelivered = "delivered" // shown
	StatusSnoozed   = "snoozed"   // hidden until SnoozedUntil
)

// Active is a due reminder with its state, as the centre lists it.
type Active struct {
	Reminder
	State     State     `json:"state"`
	Status    string    `json:"status"`
	HeldUntil time.Time `json:"heldUntil,omitzero"`
}

// Result of one evaluation.
type Result struct {
	Active     []Active   // every due reminder that is not dismissed
	Delivered  []Reminder // what this evaluation delivered
	Notes      []notify.Note
	DesktopErr error // the OS refused a notification
}

// MaxSeparate is how many reminders one evaluation shows as separate desktop
// notifications; more are summed up in one, so a catch-up after a week away
// is one notification, not fifty.
const MaxSeparate = 3

var keySettings = store.Key(store.PrefixSetting, "reminders")

func stateKey(k string) []byte { return store.Key(store.PrefixReminderState, k) }

// Engine evaluates rules and delivers reminders.
type Engine struct {
	st       *store.Store
	clock    clock.Clock
	notifier notify.Notifier
	log      *slog.Logger
	rules    []Rule
	// DefaultZone is used when Settings.TimeZone is empty (the machine's zone).
	DefaultZone string
	// Locked, if set, reports whether the app is locked: desktop
	// notifications then carry counts by kind only, no names or note text
	// (the screen may be seen by anyone). Reminders are delivered as usual.
	Locked func() bool

	mu sync.Mutex // one evaluation at a time: delivered once means once

	stateMu    sync.Mutex
	stateTs    uint64 // read timestamp the cached states are known to be current at
	stateCache map[string]State
}

// states reads every stored state, reusing the last read while no commit
// has written a state since (store.ChangedSince). Callers must not modify
// the map.
func (e *Engine) states(txn *badger.Txn) (map[string]State, error) {
	e.stateMu.Lock()
	defer e.stateMu.Unlock()
	if e.stateCache != nil && !e.st.ChangedSince(txn, e.stateTs, stateFamily) {
		e.stateTs = max(e.stateTs, txn.ReadTs())
		return e.stateCache, nil
	}
	m, err := allStates(txn)
	if err != nil {
		return nil, err
	}
	e.stateTs, e.stateCache = txn.ReadTs(), m
	return m, nil
}

var stateFamily = store.PrefixSet(store.PrefixReminderState)

// NewEngine builds an engine; add rules with AddRule.
func NewEngine(st *store.Store, c clock.Clock, n notify.Notifier, log *slog.Logger) *Engine {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Engine{st: st, clock: c, notifier: n, log: log, DefaultZone: "UTC"}
}

// AddRule registers a rule.
func (e *Engine) AddRule(r Rule) { e.rules = append(e.rules, r) }

// SettingsTx reads the reminder settings.
func SettingsTx(txn *badger.Txn) (Settings, error) {
	s := DefaultSettings()
	_, err := store.GetJSON(txn, keySettings, &s)
	return s, err
}

// Settings reads the reminder settings.
func (e *Engine) Settings() (s Settings, err error) {
	err = e.st.View(func(txn *badger.Txn) error {
		s, err = SettingsTx(txn)
		return err
	})
	return s, err
}

// Validate checks the settings (trimming the zone).
func (s *Settings) Validate() error {
	var c errs.Collector
	s.TimeZone = strings.TrimSpace(s.TimeZone)
	if s.TimeZone != "" && !tz.Valid(s.TimeZone) {
		c.Add("timezone", "%q is not a known time zone.", s.TimeZone)
	}
	if err := s.Quiet.Validate(); err != nil {
		c.Add("quiet", "Quiet hours: %v.", err)
	}
	if s.LockMinutes < 0 || s.LockMinutes > MaxLockMinutes {
		c.Add("lockMinutes", "Lock after 1 to %d minutes idle, or 0 for never.", MaxLockMinutes)
	}
	return c.Err()
}

// SaveSettings validates and stores the settings.
func (e *Engine) SaveSettings(s Settings) (Settings, error) {
	if err := s.Validate(); err != nil {
		return s, err
	}
	err := e.st.Update(func(txn *badger.Txn) error { return store.PutJSON(txn, keySettings, s) })
	return s, errs.Wrap("reminder.SaveSettings", err)
}

func (e *Engine) location(s Settings) *time.Location {
	if loc, ok := tz.Load(s.TimeZone); ok {
		return loc
	}
	if loc, ok := tz.Load(e.DefaultZone); ok {
		return loc
	}
	return time.UTC
}

// LocationTx is the manager's zone: the reminder settings' zone, else the
// machine's. Other areas ask the workspace for it (Workspace.ZoneTx).
func (e *Engine) LocationTx(txn *badger.Txn) *time.Location {
	s, err := SettingsTx(txn)
	if err != nil {
		s = DefaultSettings()
	}
	return e.location(s)
}

// due runs every rule and loads the state of what they produced.
func (e *Engine) due(txn *badger.Txn, now time.Time) (Settings, *time.Location, []Reminder, map[string]State, error) {
	s, err := SettingsTx(txn)
	if err != nil {
		return s, nil, nil, nil, err
	}
	loc := e.location(s)
	ctx := Context{Now: now, Loc: loc, Today: civil.Format(now.In(loc))}
	results, err := e.runRules(txn, ctx)
	if err != nil {
		return s, loc, nil, nil, err
	}
	var all []Reminder
	seen := map[string]bool{}
	for _, rs := range results {
		for _, x := range rs {
			if x.DueAt.After(now) || (!x.ExpiresAt.IsZero() && !now.Before(x.ExpiresAt)) {
				continue // not due yet, or over
			}
			if !seen[x.Key] {
				seen[x.Key] = true
				all = append(all, x)
			}
		}
	}
	// One pass over the stored states (fewer than the reminders, or about as
	// many) is cheaper than a lookup per reminder.
	states, err := e.states(txn)
	if err != nil {
		return s, loc, nil, nil, err
	}
	return s, loc, all, states, nil
}

// classify decides the status of a due reminder; deliver reports whether this
// evaluation should deliver it now.
func classify(x Reminder, st State, hasState bool, now time.Time, s Settings, loc *time.Location) (a Active, deliver, skip bool) {
	a = Active{Reminder: x, State: st}
	if !hasState {
		a.State = State{Key: x.Key, FirstSeenAt: now}
	}
	switch {
	case !st.DismissedAt.IsZero():
		return a, false, true
	case !st.SnoozedUntil.IsZero() && now.Before(st.SnoozedUntil):
		a.Status = StatusSnoozed
		return a, false, false
	}
	pending := st.DeliveredAt.IsZero() || (!st.SnoozedUntil.IsZero() && st.DeliveredAt.Before(st.SnoozedUntil))
	if !pending {
		a.Status = StatusDelivered
		return a, false, false
	}
	if !s.Quiet.Allowed(now, loc) {
		a.Status = StatusHeld
		a.HeldUntil = s.Quiet.NextAllowed(now, loc)
		return a, false, false
	}
	a.Status = StatusNew
	return a, true, false
}

func sortActive(as []Active) {
	sort.SliceStable(as, func(i, j int) bool {
		if !as[i].DueAt.Equal(as[j].DueAt) {
			return as[i].DueAt.Before(as[j].DueAt)
		}
		return as[i].Key < as[j].Key
	})
}

// List returns the active reminders for the notification centre without
// delivering anything.
func (e *Engine) List() ([]Active, error) {
	now := e.clock.Now()
	var out []Active
	err := e.st.View(func(txn *badger.Txn) error {
		s, loc, all, states, err := e.due(txn, now)
		if err != nil {
			return err
		}
		for _, x := range all {
			st, ok := states[x.Key]
			a, _, skip := classify(x, st, ok, now, s, loc)
			if !skip {
				out = append(out, a)
			}
		}
		return nil
	})
	sortActive(out)
	if out == nil {
		out = []Active{}
	}
	return out, errs.Wrap("reminder.List", err)
}

// Evaluate runs the rules and delivers what is due and allowed: each reminder
// once, as a desktop notification (if enabled) and in the centre. State for
// reminders that are no longer due is removed. Called at startup (catching up
// on what came due while the app was closed) and every minute.
func (e *Engine) Evaluate() (Result, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	now := e.clock.Now()
	var (
		res      Result
		settings Settings
		deliver  []Reminder
		stale    [][]byte
		changed  = map[string]bool{} // states to write: new or delivered now
	)
	err := e.st.View(func(txn *badger.Txn) error {
		s, loc, all, states, err := e.due(txn, now)
		if err != nil {
			return err
		}
		settings = s
		current := map[string]bool{}
		for _, x := range all {
			current[x.Key] = true
			st, ok := states[x.Key]
			a, d, skip := classify(x, st, ok, now, s, loc)
			if skip {
				continue
			}
			if !ok || d {
				changed[x.Key] = true
			}
			if d {
				deliver = append(deliver, x)
				a.Status = StatusDelivered
				a.State.DeliveredAt = now
			}
			res.Active = append(res.Active, a)
		}
		// Forget reminders that are no longer due (done, deleted, re-dated).
		for k := range states {
			if !current[k] {
				stale = append(stale, stateKey(k))
			}
		}
		return nil
	})
	if err != nil {
		return res, errs.Wrap("reminder.Evaluate", err)
	}
	sortActive(res.Active)

	// Deliver outside any transaction.
	desktop := ""
	if len(deliver) > 0 && settings.Desktop && e.notifier != nil {
		if e.Locked != nil && e.Locked() {
			res.Notes = lockedNotes(deliver)
		} else {
			res.Notes = notesFor(deliver)
		}
		for _, n := range res.Notes {
			if err := e.notifier.Notify(n); err != nil {
				res.DesktopErr = err
			}
		}
		desktop = "shown"
		if res.DesktopErr != nil {
			desktop = "not shown: " + res.DesktopErr.Error()
			e.log.Warn("desktop notification failed; reminders stay in the notification centre", "err", res.DesktopErr)
		}
	} else if len(deliver) > 0 {
		desktop = "desktop notifications are off"
	}
	res.Delivered = deliver

	err = e.st.Update(func(txn *badger.Txn) error {
		for i := range res.Active {
			st := &res.Active[i].State
			if !changed[st.Key] {
				continue
			}
			if st.DeliveredAt.Equal(now) {
				st.Desktop = desktop
			}
			if err := putState(txn, *st); err != nil {
				return err
			}
		}
		for _, k := range stale {
			if err := txn.Delete(k); err != nil {
				return err
			}
		}
		return nil
	})
	return res, errs.Wrap("reminder.Evaluate", err)
}

// notesFor turns delivered reminders into desktop notifications: one each up
// to MaxSeparate, else a summary.
func notesFor(rs []Reminder) []notify.Note {
	if len(rs) <= MaxSeparate {
		out := make([]notify.Note, len(rs))
		for i, r := range rs {
			out[i] = notify.Note{Title: r.Title, Body: r.Body}
		}
		return out
	}
	var b strings.Builder
	for i, r := range rs {
		if i == MaxSeparate {
			fmt.Fprintf(&b, "… and %d more. Open Wheelhouse to see them all.", len(rs)-MaxSeparate)
			break
		}
		fmt.Fprintf(&b, "• %s\n", r.Title)
	}
	return []notify.Note{{Title: fmt.Sprintf("Wheelhouse: %d reminders need your attention", len(rs)), Body: b.String()}}
}

// kindPhrases say how many reminders of a kind are due without saying what
// they are about: {one, many} with %d for the count.
var kindPhrases = map[string][2]string{
	"followup.overdue":         {"1 follow-up is overdue", "%d follow-ups are overdue"},
	"followup.due_tomorrow":    {"1 follow-up is due tomorrow", "%d follow-ups are due tomorrow"},
	"review.overdue":           {"1 incident review is overdue", "%d incident reviews are overdue"},
	"growth.checkin_due":       {"1 development check-in is due", "%d development check-ins are due"},
	"growth.milestone_due":     {"1 milestone is due", "%d milestones are due"},
	"growth.milestone_overdue": {"1 milestone is overdue", "%d milestones are overdue"},
	"feedback.stale":           {"1 person has had no feedback for a while", "%d people have had no feedback for a while"},
	"oncall.handoff_soon":      {"1 on-call handoff is coming up", "%d on-call handoffs are coming up"},
	"oncall.tomorrow":          {"1 on-call shift starts tomorrow", "%d on-call shifts start tomorrow"},
	"oncall.coverage_gap":      {"1 on-call coverage gap", "%d on-call coverage gaps"},
	"oncall.back_to_back":      {"1 back-to-back on-call shift", "%d back-to-back on-call shifts"},
}

// countPhrase says "n reminders of kind" generically.
func countPhrase(kind string, n int) string {
	p, ok := kindPhrases[kind]
	if !ok {
		p = [2]string{"1 reminder needs your attention", "%d reminders need your attention"}
	}
	if n == 1 {
		return p[0]
	}
	return fmt.Sprintf(p[1], n)
}

// lockedNotes is notesFor while the app is locked: one notification with
// counts by kind and nothing from the reminders' titles or bodies.
func lockedNotes(rs []Reminder) []notify.Note {
	counts := map[string]int{}
	var kinds []string
	for _, r := range rs {
		if counts[r.Kind] == 0 {
			kinds = append(kinds, r.Kind)
		}
		counts[r.Kind]++
	}
	sort.Strings(kinds)
	if len(kinds) == 1 {
		return []notify.Note{{Title: "Wheelhouse: " + countPhrase(kinds[0], len(rs)),
			Body: "Wheelhouse is locked. Unlock it to see the details."}}
	}
	var b strings.Builder
	for _, k := range kinds {
		fmt.Fprintf(&b, "• %s\n", countPhrase(k, counts[k]))
	}
	b.WriteString("Wheelhouse is locked. Unlock it to see the details.")
	return []notify.Note{{Title: fmt.Sprintf("Wheelhouse: %d reminders need your attention", len(rs)), Body: b.String()}}
}

// Snooze hides a reminder until the given instant; it is delivered again then.
func (e *Engine) Snooze(key string, until time.Time) error {
	if !until.After(e.clock.Now()) {
		return errs.FieldErr("until", "Snooze until a time in the future.")
	}
	return e.updateState(key, func(st *State) { st.SnoozedUntil = until.UTC() })
}

// SnoozeChoice snoozes by a named choice (see SnoozeUntil).
func (e *Engine) SnoozeChoice(key, choice string) (time.Time, error) {
	s, err := e.Settings()
	if err != nil {
		return time.Time{}, err
	}
	until, err := SnoozeUntil(choice, e.clock.Now(), e.location(s))
	if err != nil {
		return until, errs.FieldErr("until", "%v", err)
	}
	return until, e.Snooze(key, until)
}

// Dismiss hides a reminder for good (until what it is about changes).
func (e *Engine) Dismiss(key string) error {
	now := e.clock.Now().UTC()
	return e.updateState(key, func(st *State) { st.DismissedAt = now })
}

func (e *Engine) updateState(key string, f func(*State)) error {
	if strings.TrimSpace(key) == "" {
		return errs.FieldErr("key", "No reminder given.")
	}
	return errs.Wrap("reminder.update", e.st.Update(func(txn *badger.Txn) error {
		st, found, err := getState(txn, key)
		if err != nil {
			return err
		}
		if !found {
			return NoLongerDue()
		}
		f(&st)
		return putState(txn, st)
	}))
}

// StatesTx reads every stored reminder state (for the workspace export).
func StatesTx(txn *badger.Txn) ([]State, error) {
	var out []State
	if err := eachState(txn, func(st State) { out = append(out, st) }); err != nil {
		return nil, err
	}
	return out, nil
}

// PutStateTx writes a reminder state (for the workspace import).
func PutStateTx(txn *badger.Txn, st State) error {
	if st.Key == "" {
		return errors.New("reminder state without key")
	}
	return putState(txn, st)
}

// PutSettingsTx writes the settings (for the workspace import).
func PutSettingsTx(txn *badger.Txn, s Settings) error { return store.PutJSON(txn, keySettings, s) }
