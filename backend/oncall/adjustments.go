package oncall

import (
	"time"

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
// since (earliest first) and counts the older ones per rotation.
func (s *Service) Adjustments(since time.Time) (Adjustments, error) {
	out := Adjustments{Since: since.UTC(), Overrides: []Override{}, Swaps: []SwapView{}, Older: map[id.ID]int{}}
	ovs, err := s.Overrides(id.Nil)
	if err != nil {
		return out, errs.Wrap("oncall.Adjustments", err)
	}
	for _, o := range ovs {
		if o.End.After(since) {
			out.Overrides = append(out.Overrides, o)
		} else {
			out.Older[o.RotationID]++
		}
	}
	sws, err := s.SwapViews(id.Nil)
	if err != nil {
		return out, errs.Wrap("oncall.Adjustments", err)
	}
	for _, v := range sws {
		if v.EndA.After(since) || v.EndB.After(since) {
			out.Swaps = append(out.Swaps, v)
		} else {
			out.Older[v.RotationID]++
		}
	}
	return out, nil
}
