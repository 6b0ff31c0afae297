package pages

import (
	"fmt"
	"time"

	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/id"
	"wheelhouse/backend/oncall"
	"wheelhouse/backend/store"
)

// PersonPagesTx lists the pages of a responder created in [from, to),
// oldest first, reading the responder index (keys) and then the pages.
func PersonPagesTx(txn *badger.Txn, person id.ID, from, to time.Time) ([]Page, error) {
	var keys [][]byte
	r := store.Range{Prefix: store.Key(store.IdxPageResponder, person),
		Start: store.Key(store.IdxPageResponder, person, from), End: store.Key(store.IdxPageResponder, person, to)}
	if err := store.Keys(txn, r, func(k []byte) error {
		kr := store.ReadKey(k)
		kr.ID()
		kr.Time()
		src, sid := kr.String(), kr.String()
		if !kr.Done() {
			return fmt.Errorf("pages: bad index key %x", k)
		}
		keys = append(keys, Key(src, sid))
		return nil
	}); err != nil {
		return nil, err
	}
	out := make([]Page, 0, len(keys))
	for _, k := range keys {
		var p Page
		found, err := store.GetJSON(txn, k, &p)
		if err != nil {
			return nil, err
		}
		if found {
			out = append(out, p)
		}
	}
	return out, nil
}

// AnyTx says whether any page is stored.
func AnyTx(txn *badger.Txn) bool {
	found := false
	_ = store.Keys(txn, store.Range{Prefix: []byte{store.PrefixPage}}, func([]byte) error {
		found = true
		return store.Stop
	})
	return found
}

// PeopleHealthTx is the health of some responders only, over [from, to):
// their pages through the responder index and their shifts in snap (nil:
// no on-call data, so no shifts and zones from nowhere but UTC). The team
// health view, the prep brief and the Today screen read it; the rotation,
// team and noise parts of the report count these people's pages only.
func PeopleHealthTx(txn *badger.Txn, snap *oncall.Snapshot, persons []id.ID, from, to time.Time, opt HealthOptions) (*HealthReport, error) {
	var ps []Page
	for _, u := range persons {
		l, err := PersonPagesTx(txn, u, from, to)
		if err != nil {
			return nil, err
		}
		ps = append(ps, l...)
	}
	if snap == nil {
		snap = &oncall.Snapshot{}
	}
	want := make(map[id.ID]bool, len(persons))
	for _, u := range persons {
		want[u] = true
	}
	var shifts []oncall.Shift
	if len(ps) > 0 && len(snap.Rotations) > 0 {
		for _, s := range oncall.AllShifts(snap, from, to) {
			if want[s.PersonID] {
				shifts = append(shifts, s)
			}
		}
	}
	return Health(ps, shifts, snap, from, to, opt), nil
}
