package oncall

import (
	"sort"
	"time"

	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/errs"
	"wheelhouse/backend/id"
)

// Adjustments are the overrides and swaps the schedule lists: those not
// over before Since (upcoming and recent ones), and how many of each
// rotation's ended before it. Five years of history hold thousands; the
// screen shows the ones ahead and the last weeks.
type Adjustments struct {
	Since     time.Time     `json:"since" ts_type:"string"`
	Overrides []Override    `json:"overrides"`
	Swaps     []SwapView    `json:"swaps"`
	Older     map[id.ID]int `json:"older" ts_type:"Record<string, number>"` // by rotation
}

// Adjustments lists every rotation's overrides and swaps that end after
// since (earliest first) and counts the older ones per rotation. It works
// from the service's cached snapshot, which holds every override and swap
// already: only the swaps listed get their holders worked out, over their
// own span (the turns ahead), not over five years of older ones. The answer
// is what Overrides and SwapViews give, filtered.
func (s *Service) Adjustments(since time.Time) (Adjustments, error) {
	out := Adjustments{Since: since.UTC(), Overrides: []Override{}, Swaps: []SwapView{}, Older: map[id.ID]int{}}
	err := s.st.View(func(txn *badger.Txn) error {
		snap, err := s.SnapshotTx(txn)
		if err != nil {
			return err
		}
		// Overrides, in id order as the table lists them, then by start (stable).
		for _, o := range snap.Overrides {
			if o.End.After(since) {
				out.Overrides = append(out.Overrides, o)
			} else {
				out.Older[o.RotationID]++
			}
		}
		sort.SliceStable(out.Overrides, func(i, j int) bool { return out.Overrides[i].Start.Before(out.Overrides[j].Start) })
		// Swaps: rotation by rotation (SwapViews' order), holders from one
		// schedule over the span of the listed ones.
		byRot := map[id.ID][]Swap{}
		for _, sw := range snap.Swaps {
			byRot[sw.RotationID] = append(byRot[sw.RotationID], sw)
		}
		for i := range snap.Rotations {
			rot := &snap.Rotations[i]
			c := compile(rot)
			if c == nil {
				continue
			}
			first := len(out.Swaps)
			var lo, hi time.Time
			for _, sw := range byRot[rot.ID] {
				v := SwapView{Swap: sw}
				v.StartA, v.EndA = c.slotStart(sw.SlotA), c.slotStart(sw.SlotA+1)
				v.StartB, v.EndB = c.slotStart(sw.SlotB), c.slotStart(sw.SlotB+1)
				if !v.EndA.After(since) && !v.EndB.After(since) {
					out.Older[rot.ID]++
					continue
				}
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
				out.Swaps = append(out.Swaps, v)
			}
			if len(out.Swaps) == first {
				continue
			}
			holders := swapHolders(snap, rot.ID, lo, hi)
			for j := first; j < len(out.Swaps); j++ {
				out.Swaps[j].PersonA, out.Swaps[j].PersonB = holders[out.Swaps[j].SlotA], holders[out.Swaps[j].SlotB]
			}
		}
		return nil
	})
	orderSwapViews(out.Swaps)
	return out, errs.Wrap("oncall.Adjustments", err)
}
