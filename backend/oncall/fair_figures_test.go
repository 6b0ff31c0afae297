package oncall_test

import (
	"fmt"
	"math"
	"strings"
	"testing"
	"time"

	"wheelhouse/backend/id"
	"wheelhouse/backend/oncall"
)

// coverFigures are one rotation's figures over a window.
type coverFigures struct {
	replacements int     // turns covered for someone away
	backToBack   int     // of those, held by the holder of the turn before or after while someone else was available
	anyB2B       int     // turns (scheduled, cover or payback) held by the holder of the turn before
	ratio        float64 // max/min hours on call among the participants
	wratio       float64 // the same of weighted hours (decision 0013)
}

// measureCover computes a rotation's figures over [from, to) (turns starting
// in it; the turns around it are looked at for their holders).
func measureCover(s *oncall.Snapshot, r *oncall.Rotation, from, to time.Time) coverFigures {
	var f coverFigures
	shifts := oncall.Shifts(s, r.ID, from.AddDate(0, 0, -30), to.AddDate(0, 0, 30))
	holder := map[int]id.ID{}
	pieces := map[int][]oncall.Shift{}
	for _, x := range shifts {
		if x.Reason != oncall.ReasonOverride && !x.Gap {
			if _, ok := holder[x.Slot]; !ok {
				holder[x.Slot] = x.PersonID
			}
		}
		pieces[x.Slot] = append(pieces[x.Slot], x)
	}
	hours, weighted := map[id.ID]time.Duration{}, map[id.ID]time.Duration{}
	for _, p := range r.Participants {
		hours[p], weighted[p] = 0, 0
	}
	for _, x := range shifts {
		a, b := maxTime(x.Start, from), minTime(x.End, to)
		if x.Gap || !a.Before(b) {
			continue
		}
		if _, ok := hours[x.PersonID]; ok {
			hours[x.PersonID] += b.Sub(a)
			weighted[x.PersonID] += oncall.Weighted(s, x.PersonID, a, b)
		}
	}
	for k, h := range holder {
		if p, ok := holder[k-1]; ok && p == h {
			if st, _, _ := oncall.SlotBounds(s, r.ID, k); !st.Before(from) && st.Before(to) {
				f.anyB2B++
			}
		}
	}
	seen := map[int]bool{}
	for _, x := range shifts {
		if x.Reason != oncall.ReasonReplacement || seen[x.Slot] || x.Start.Before(from) || !x.Start.Before(to) {
			continue
		}
		seen[x.Slot] = true
		f.replacements++
		h := x.PersonID
		prev, next := holder[x.Slot-1], holder[x.Slot+1]
		if h != prev && h != next {
			continue
		}
		for _, c := range r.Participants {
			if c == h || c == prev || c == next || c == x.ReplacedPersonID {
				continue
			}
			free := true
			for _, p := range pieces[x.Slot] {
				if p.PersonID != h {
					continue
				}
				if _, away := s.Unavailable(c, p.Start, p.End); away {
					free = false
					break
				}
			}
			if free {
				f.backToBack++
				break
			}
		}
	}
	ratio := func(m map[id.ID]time.Duration) float64 {
		lo, hi := time.Duration(math.MaxInt64), time.Duration(0)
		for _, d := range m {
			lo, hi = min(lo, d), max(hi, d)
		}
		if lo <= 0 {
			return math.Inf(1)
		}
		return float64(hi) / float64(lo)
	}
	f.ratio, f.wratio = ratio(hours), ratio(weighted)
	return f
}

func maxTime(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

func minTime(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}

// TestFairCoverFigures measures fair cover on the large demo over a year,
// before (next available in rotation order, no payback: the demo before
// decision 0013) and after (fair cover, payback on): back-to-back turns
// made by replacements while someone else was available (the target is 0)
// and the max/min hours ratio per rotation. The table is in
// docs/performance.md ("Issue 11 — fair cover"); print it with
//
//	go test ./backend/oncall -run TestFairCoverFigures -v
func TestFairCoverFigures(t *testing.T) {
	if testing.Short() {
		t.Skip("generates the large demo")
	}
	base := largeSnapshot()
	from := now.AddDate(0, -6, 0)
	to := from.AddDate(1, 0, 0)
	snap := func(legacy bool) *oncall.Snapshot {
		rots := append([]oncall.Rotation(nil), base.Rotations...)
		for i := range rots {
			rots[i].Payback = !legacy
		}
		s := &oncall.Snapshot{Rotations: rots, TimeOff: base.TimeOff, Regions: base.Regions, Overrides: base.Overrides,
			Swaps: base.Swaps, People: base.People}
		if legacy {
			oncall.UseLegacyCover(s)
		}
		return s
	}
	before, after := snap(true), snap(false)
	var b strings.Builder
	fmt.Fprintf(&b, "Window %s to %s\n\n", from.Format("2006-01-02"), to.Format("2006-01-02"))
	b.WriteString("| Rotation | Covered turns before / after | Back-to-back by cover, someone else free: before | after | All back-to-back turns before | after | Max/min hours before | after | Max/min weighted before | after |\n")
	b.WriteString("|---|---|---|---|---|---|---|---|---|---|\n")
	var tb, ta, ab, aa int
	var worstB, worstA, sumB, sumA float64
	for i := range base.Rotations {
		r := &base.Rotations[i]
		fb, fa := measureCover(before, r, from, to), measureCover(after, r, from, to)
		tb += fb.backToBack
		ta += fa.backToBack
		ab += fb.anyB2B
		aa += fa.anyB2B
		worstB, worstA = max(worstB, fb.ratio), max(worstA, fa.ratio)
		sumB += fb.ratio
		sumA += fa.ratio
		fmt.Fprintf(&b, "| %s | %d / %d | %d | %d | %d | %d | %.2f | %.2f | %.2f | %.2f |\n", r.Name, fb.replacements, fa.replacements,
			fb.backToBack, fa.backToBack, fb.anyB2B, fa.anyB2B, fb.ratio, fa.ratio, fb.wratio, fa.wratio)
	}
	n := float64(len(base.Rotations))
	fmt.Fprintf(&b, "| **all %d** | | **%d** | **%d** | %d | %d | mean %.2f, worst %.2f | mean %.2f, worst %.2f | | |\n", len(base.Rotations), tb, ta, ab, aa, sumB/n, worstB, sumA/n, worstA)
	t.Log("\n" + b.String())
	if ta != 0 {
		t.Errorf("fair cover made %d back-to-back turns while someone else was available", ta)
	}
}
