package reminder

import (
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"

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

func watchKeyOf(c Context) watchKey {
	k := watchKey{today: c.Today, hour: c.Now.Unix() / 3600}
	if c.Loc != nil {
		k.zone = c.Loc.String()
	}
	return k
}

// cached returns the rule's last reminders if they are still current.
func (w *watched) cached(st *store.Store, txn *badger.Txn, c Context) ([]Reminder, bool) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.current(st, txn, watchKeyOf(c))
}

func (w *watched) current(st *store.Store, txn *badger.Txn, k watchKey) ([]Reminder, bool) {
	if w.valid && w.key == k && !st.ChangedSince(txn, w.ts, w.reads) {
		w.ts = max(w.ts, txn.ReadTs())
		return w.items, true
	}
	return nil, false
}

func (w *watched) dueIn(st *store.Store, txn *badger.Txn, c Context) ([]Reminder, error) {
	k := watchKeyOf(c)
	w.mu.Lock()
	defer w.mu.Unlock()
	if items, ok := w.current(st, txn, k); ok {
		return items, nil
	}
	items, err := w.rule.Due(txn, c)
	if err != nil {
		w.valid = false
		return nil, err
	}
	w.valid, w.ts, w.key, w.items = true, txn.ReadTs(), k, items
	return items, nil
}

// runRules returns every rule's reminders, in the order of the rules. The
// rules whose reminders must be worked out afresh (after an edit to the
// roster, every one) run side by side, one per CPU: they only read, in one
// read-only transaction, which Badger allows from several goroutines.
func (e *Engine) runRules(txn *badger.Txn, c Context) ([][]Reminder, error) {
	out := make([][]Reminder, len(e.rules))
	var stale []int
	for i, r := range e.rules {
		if w, ok := r.(*watched); ok {
			if items, ok := w.cached(e.st, txn, c); ok {
				out[i] = items
				continue
			}
		}
		stale = append(stale, i)
	}
	errs := make([]error, len(e.rules))
	run := func(i int) { out[i], errs[i] = e.ruleDue(e.rules[i], txn, c) }
	workers := min(len(stale), runtime.GOMAXPROCS(0))
	if workers <= 1 {
		for _, i := range stale {
			run(i)
		}
	} else {
		var next atomic.Int32
		var wg sync.WaitGroup
		for range workers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for j := int(next.Add(1)) - 1; j < len(stale); j = int(next.Add(1)) - 1 {
					run(stale[j])
				}
			}()
		}
		wg.Wait()
	}
	for i, err := range errs {
		if err != nil {
			return nil, fmt.Errorf("rule %s: %w", e.rules[i].Name(), err)
		}
	}
	return out, nil
}

// ruleDue runs one rule, through its cache if it is watched.
func (e *Engine) ruleDue(r Rule, txn *badger.Txn, c Context) ([]Reminder, error) {
	if w, ok := r.(*watched); ok {
		return w.dueIn(e.st, txn, c)
	}
	return r.Due(txn, c)
}
