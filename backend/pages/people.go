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
	var shifts []oncall.Shift
	if len(ps) > 0 && len(snap.Rotations) > 0 {
		shifts = oncall.AllShifts(snap, from, to)
	}
	return PeopleHealth(ps, shifts, snap, persons, from, to, opt), nil
}

// PeopleHealth is PeopleHealthTx from what was read already, for a caller
// that reads once for several windows: pages holds at least the persons'
// pages created in [from, to), in PersonPagesTx's order (others and those
// outside the window are left out here), and shifts at least every shift
// of snap overlapping [from, to), as oncall.AllShifts gives them (computed
// over a wider window is fine: those outside are left out). The answer is
// the same as PeopleHealthTx's for [from, to).
func PeopleHealth(pages []Page, shifts []oncall.Shift, snap *oncall.Snapshot, persons []id.ID, from, to time.Time, opt HealthOptions) *HealthReport {
	if snap == nil {
		snap = &oncall.Snapshot{}
	}
	want := make(map[id.ID]bool, len(persons))
	for _, u := range persons {
		want[u] = true
	}
	var ps []Page
	for _, p := range pages {
		if want[p.ResponderID] && !p.Created.Before(from) && p.Created.Before(to) {
			ps = append(ps, p)
		}
	}
	var in []oncall.Shift
	if len(ps) > 0 && len(snap.Rotations) > 0 {
		for _, s := range shifts {
			if want[s.PersonID] && s.Start.Before(to) && s.End.After(from) {
				in = append(in, s)
			}
		}
	}
	return Health(ps, in, snap, from, to, opt)
}
