package reminder

import (
	"sync"

	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/store"
)

// Watch wraps a rule whose reminders depend only on the data stored in the
// key families reads, and on the evaluation's date, zone and hour (UTC):
// the engine then reuses the rule's last reminders until a commit writes
// into one of those families, or the date, zone or hour changes. The
// reminders may still carry due and expiry times within the hour; the
// engine filters them against the current instant at every evaluation.
//
// What a rule reads must be a subset of reads, or an edit would leave its
// reminders stale: state reads as every family except those known not to
// matter (store.AllPrefixes().Without(...)), so that a family added later is
// watched by default.
func Watch(r Rule, reads store.Prefixes) Rule { return &watched{rule: r, reads: reads} }

type watched struct {
	rule  Rule
	reads store.Prefixes

	mu    sync.Mutex
	valid bool
	ts    uint64 // read timestamp the reminders are known to be current at
	key   watchKey
	items []Reminder
}

type watchKey struct {
	today, zone string
	hour        int64
}

func (w *watched) Name() string { return w.rule.Name() }

// Due runs the rule without the cache (the engine calls dueIn).
func (w *watched) Due(txn *badger.Txn, c Context) ([]Reminder, error) { return w.rule.Due(txn, c) }

func (w *watched) dueIn(st *store.Store, txn *badger.Txn, c Context) ([]Reminder, error) {
	k := watchKey{today: c.Today, hour: c.Now.Unix() / 3600}
	if c.Loc != nil {
		k.zone = c.Loc.String()
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.valid && w.key == k && !st.ChangedSince(txn, w.ts, w.reads) {
		w.ts = max(w.ts, txn.ReadTs())
		return w.items, nil
	}
	items, err := w.rule.Due(txn, c)
	if err != nil {
		w.valid = false
		return nil, err
	}
	w.valid, w.ts, w.key, w.items = true, txn.ReadTs(), k, items
	return items, nil
}

// ruleDue runs one rule, through its cache if it is watched.
func (e *Engine) ruleDue(r Rule, txn *badger.Txn, c Context) ([]Reminder, error) {
	if w, ok := r.(*watched); ok {
		return w.dueIn(e.st, txn, c)
	}
	return r.Due(txn, c)
}
