package oncall

import (
	"fmt"
	"math"
	"sort"
	"time"

	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/civil"
	"wheelhouse/backend/errs"
	"wheelhouse/backend/id"
	"wheelhouse/backend/store"
)

// Swaps lists a rotation's swaps (zero id: all).
func (s *Service) Swaps(rotationID id.ID) ([]Swap, error) {
	var out []Swap
	err := s.st.View(func(txn *badger.Txn) error {
		if rotationID.IsZero() {
			var err error
			out, err = Swaps.List(txn)
			return err
		}
		for _, u := range swapIDsTx(txn, rotationID, 0, math.MaxInt) {
			sw, err := Swaps.Get(txn, u)
			if err != nil {
				return err
			}
			out = append(out, sw)
		}
		return nil
	})
	sort.SliceStable(out, func(i, j int) bool { return out[i].SlotA < out[j].SlotA })
	if out == nil {
		out = []Swap{}
	}
	return out, errs.Wrap("oncall.Swaps", err)
}

// SwapView is a swap as the schedule lists it: the times of its two turns
// and who holds each of them with the swap in place.
type SwapView struct {
	Swap
	StartA  time.Time `json:"startA" ts_type:"string"`
	EndA    time.Time `json:"endA" ts_type:"string"`
	StartB  time.Time `json:"startB" ts_type:"string"`
	EndB    time.Time `json:"endB" ts_type:"string"`
	PersonA id.ID     `json:"personA,omitzero" ts_type:"string"` // on turn A now (zero: nobody, a gap)
	PersonB id.ID     `json:"personB,omitzero" ts_type:"string"`
}

// SwapViews lists the swaps of a rotation (zero id: of every rotation) with
// their turns' times and holders, earliest turn first.
func (s *Service) SwapViews(rotationID id.ID) ([]SwapView, error) {
	out := []SwapView{}
	err := s.st.View(func(txn *badger.Txn) error {
		var rots []Rotation
		if rotationID.IsZero() {
			var err error
			if rots, err = Rotations.List(txn); err != nil {
				return err
			}
		} else {
			r, err := Rotations.Get(txn, rotationID)
			if err != nil {
				return err
			}
			rots = []Rotation{r}
		}
		// One snapshot and one schedule per rotation over the span of its
		// swapped turns (a snapshot per turn took a second on the large demo).
		var snap *Snapshot
		for i := range rots {
			rot := &rots[i]
			c := compile(rot)
			if c == nil {
				continue
			}
			first := len(out)
			var lo, hi time.Time
			for _, u := range swapIDsTx(txn, rot.ID, 0, math.MaxInt) { // once each
				sw, err := Swaps.Get(txn, u)
				if err != nil {
					return err
				}
				v := SwapView{Swap: sw}
				v.StartA, v.EndA = c.slotStart(sw.SlotA), c.slotStart(sw.SlotA+1)
				v.StartB, v.EndB = c.slotStart(sw.SlotB), c.slotStart(sw.SlotB+1)
				for _, t := range []time.Time{v.StartA, v.StartB} {
					if lo.IsZero() || t.Before(lo) {
						lo = t
					}
				}
				for _, t := range []time.Time{v.EndA, v.EndB} {
					if t.After(hi) {
						hi = t
					}
				}
				out = append(out, v)
			}
			if len(out) == first {
				continue
			}
			if snap == nil {
				var err error
				if snap, err = s.SnapshotTx(txn); err != nil {
					return err
				}
			}
			holders := swapHolders(snap, rot.ID, lo, hi)
			for j := first; j < len(out); j++ {
				out[j].PersonA, out[j].PersonB = holders[out[j].SlotA], holders[out[j].SlotB]
			}
		}
		return nil
	})
	orderSwapViews(out)
	return out, errs.Wrap("oncall.SwapViews", err)
}

// swapHolders is the holder of each turn of a rotation in [lo, hi): whoever
// holds it by a swap, else its first holder (a replacement may split a
// turn); overrides are listed on their own.
func swapHolders(snap *Snapshot, rotationID id.ID, lo, hi time.Time) map[int]id.ID {
	holders := map[int]id.ID{}
	swapped := map[int]bool{}
	for _, x := range Shifts(snap, rotationID, lo, hi) {
		if x.Reason == ReasonOverride || swapped[x.Slot] {
			continue
		}
		if x.Reason == ReasonSwap {
			holders[x.Slot], swapped[x.Slot] = x.PersonID, true
		} else if _, ok := holders[x.Slot]; !ok {
			holders[x.Slot] = x.PersonID
		}
	}
	return holders
}

// orderSwapViews puts turn A first (the earlier one, for people) and the
// swaps in the order of it (stable).
func orderSwapViews(out []SwapView) {
	for i := range out {
		if out[i].StartB.Before(out[i].StartA) {
			v := &out[i]
			v.SlotA, v.SlotB = v.SlotB, v.SlotA
			v.StartA, v.StartB, v.EndA, v.EndB = v.StartB, v.StartA, v.EndB, v.EndA
			v.PersonA, v.PersonB = v.PersonB, v.PersonA
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].StartA.Before(out[j].StartA) })
}

// SaveSwap creates (zero ID) or updates a swap of two shifts. A slot takes
// part in at most one swap. Someone away on their new shift gets a warning.
func (s *Service) SaveSwap(sw Swap) (Saved[Swap], error) {
	now := s.clock.Now().UTC()
	res := Saved[Swap]{Warnings: []string{}}
	err := s.st.Update(func(txn *badger.Txn) error {
		if err := store.Stamp(txn, Swaps, &sw, now); err != nil {
			return err
		}
		sw.Normalize()
		if err := sw.Validate(); err != nil {
			return err
		}
		rot, err := Rotations.Get(txn, sw.RotationID)
		if errs.Is(err, errs.NotFound) {
			return errs.FieldErr("rotationId", "The rotation does not exist (any more).")
		} else if err != nil {
			return err
		}
		for _, u := range swapIDsTx(txn, sw.RotationID, 0, math.MaxInt) {
			if u == sw.ID {
				continue
			}
			o, err := Swaps.Get(txn, u)
			if err != nil {
				return err
			}
			for _, k := range []int{sw.SlotA, sw.SlotB} {
				if k == o.SlotA || k == o.SlotB {
					return &errs.Error{Code: errs.Conflict, Field: "slotA", Message: fmt.Sprintf(
						"Turn %d is already swapped (with turn %d); undo that swap first.", k+1, o.SlotA+o.SlotB-k+1)}
				}
			}
		}
		if err := Swaps.Put(txn, &sw); err != nil {
			return err
		}
		res.Item = sw
		c := compile(&rot)
		if c == nil {
			return nil
		}
		for _, k := range []int{sw.SlotA, sw.SlotB} {
			a, b := c.slotStart(k), c.slotStart(k+1)
			snap, err := LoadTx(txn, a, b)
			if err != nil {
				return err
			}
			for _, x := range Shifts(snap, sw.RotationID, a, b) {
				if x.Slot == k && x.Unavailable && x.Reason == ReasonSwap && x.Piece == 0 {
					res.Warnings = append(res.Warnings, fmt.Sprintf("%s is away during turn %d (%s); they will be on call anyway.",
						snap.Name(x.PersonID), k+1, civil.Format(x.Start)))
				}
			}
		}
		return nil
	})
	return res, errs.Wrap("oncall.SaveSwap", err)
}

// DeleteSwap removes a swap.
func (s *Service) DeleteSwap(u id.ID) error {
	return errs.Wrap("oncall.DeleteSwap", s.st.Update(func(txn *badger.Txn) error { return Swaps.Delete(txn, u) }))
}
