package feedback

import (
	"fmt"
	"sort"
	"time"

	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/civil"
	"wheelhouse/backend/errs"
	"wheelhouse/backend/id"
	"wheelhouse/backend/people"
	"wheelhouse/backend/reminder"
	"wheelhouse/backend/store"
)

// StaleDraft is a draft past the stale age.
type StaleDraft struct {
	ID       id.ID
	PersonID id.ID
	Created  string // civil (UTC) date
}

// StaleTx returns drafts created on or before cutoff (a civil date), oldest
// first. Keys only.
func StaleTx(txn *badger.Txn, cutoff string) []StaleDraft {
	var out []StaleDraft
	_ = store.Keys(txn, store.Prefix(store.IdxFeedbackDraft), func(k []byte) error {
		r := store.ReadKey(k)
		d := StaleDraft{Created: string(r.Bytes(10)), PersonID: r.ID(), ID: r.ID()}
		if !r.Done() {
			return nil
		}
		if d.Created > cutoff {
			return store.Stop
		}
		out = append(out, d)
		return nil
	})
	return out
}

// KindStale is the reminder kind of a stale draft.
const KindStale = "feedback.stale"

// Rules remind of drafts older than the stale age, one per draft (keyed by
// its id: delivering or deleting it ends the reminder). Cached until the
// data or the date changes.
func Rules() []reminder.Rule {
	return []reminder.Rule{reminder.Cached("feedback", func(txn *badger.Txn, c reminder.Context) ([]reminder.Reminder, error) {
		st, err := SettingsTx(txn)
		if err != nil {
			return nil, err
		}
		t, ok := civil.Parse(c.Today)
		if !ok {
			return nil, fmt.Errorf("feedback: today %q is not a date", c.Today)
		}
		stale := StaleTx(txn, t.AddDate(0, 0, -st.StaleDays).Format(civil.Layout))
		var out []reminder.Reminder
		names := map[id.ID]string{}
		for _, d := range stale {
			name, ok := names[d.PersonID]
			if !ok {
				p, err := people.Persons.Get(txn, d.PersonID)
				if err != nil && !errs.Is(err, errs.NotFound) {
					return nil, err
				}
				name = p.Name
				if p.Archived {
					name = ""
				}
				names[d.PersonID] = name
			}
			if name == "" {
				continue
			}
			created, _ := civil.Parse(d.Created)
			due := created.AddDate(0, 0, st.StaleDays)
			age := int(t.Sub(created).Hours() / 24)
			y, m, dd := due.Date()
			out = append(out, reminder.Reminder{
				Key:   KindStale + ":" + d.ID.String(),
				Kind:  KindStale,
				Title: "Feedback for " + name + " is waiting",
				Body:  fmt.Sprintf("A feedback draft for %s has waited %d days. Deliver it while it is still timely, or drop it.", name, age),
				Link:  reminder.Link{Area: "people", ID: d.PersonID.String()},
				DueAt: time.Date(y, m, dd, 9, 0, 0, 0, c.Loc),
			})
		}
		sort.SliceStable(out, func(i, j int) bool { return out[i].DueAt.Before(out[j].DueAt) })
		return out, nil
	})}
}
