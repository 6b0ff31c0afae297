package oncall

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"time"

	"wheelhouse/backend/id"
)

// WarningKind names a schedule warning.
type WarningKind string

const (
	// WarnBackToBack: the same person holds two consecutive turns of a
	// rotation (Slot is the second).
	WarnBackToBack WarningKind = "back_to_back"
	// WarnTooFrequent: someone is on call more than FrequencyLimit of the
	// trailing FrequencyWindow, across rotations.
	WarnTooFrequent WarningKind = "too_frequent"
	// WarnSpread: in a rotation, the most loaded participant carries more
	// than Settings.FairnessSpreadLimit times the weighted hours of the
	// least loaded over the FairnessWindow.
	WarnSpread WarningKind = "fairness_spread"
)

// FrequencyWindow is the trailing window of WarnTooFrequent: four weeks, so
// "more than one week in four".
const FrequencyWindow = 28 * 24 * time.Hour

// FairnessWindow is the window of WarnSpread: the 90 days before the end of
// the window asked about (the fairness panel's default window).
const FairnessWindow = 90 * 24 * time.Hour

// ScheduleWarning is something about the schedule worth a look, shown with
// the coverage gaps (docs/decisions/0013-fair-cover-and-replay.md).
type ScheduleWarning struct {
	Kind       WarningKind `json:"kind"`
	RotationID id.ID       `json:"rotationId,omitzero" ts_type:"string"`
	PersonID   id.ID       `json:"personId,omitzero" ts_type:"string"`
	// Slot: the second of two back-to-back turns (-1 for other kinds).
	Slot    int       `json:"slot"`
	Start   time.Time `json:"start" ts_type:"string"`
	End     time.Time `json:"end" ts_type:"string"`
	Message string    `json:"message"`
}

// ScheduleWarnings returns the warnings of [from, to), in time order:
// back-to-back turns starting in the window (rotations of two or more), people on call more than one
// week in four (checked at each UTC midnight of the window over the 28 days
// before it, one warning per stretch of days over the limit), and rotations
// whose max/min weighted hours over the 90 days before to exceed the
// settings' FairnessSpreadLimit.
func ScheduleWarnings(s *Snapshot, from, to time.Time) []ScheduleWarning {
	out := []ScheduleWarning{}
	if !from.Before(to) {
		return out
	}
	ix := s.index()
	held := map[id.ID][]span{} // person -> on-call spans, all rotations
	lo := minT(from.Add(-FrequencyWindow), to.Add(-FairnessWindow))
	for _, rid := range ix.order {
		r := ix.rots[rid]
		// One turn before the window, for a pair whose second turn starts in it.
		k0 := max(r.slotAt(from)-1, 0)
		wideFrom := minT(r.slotStart(k0), lo)
		shifts := Compute(s, rid, wideFrom, to).Shifts
		holder := map[int]id.ID{}
		turnSpan := map[int]span{}
		hours := map[id.ID]time.Duration{}
		for _, p := range r.Participants {
			hours[p] = 0
		}
		fLo := maxT(to.Add(-FairnessWindow), r.base)
		for _, x := range shifts {
			if x.Gap {
				continue
			}
			if x.Reason != ReasonOverride {
				if _, ok := holder[x.Slot]; !ok {
					holder[x.Slot] = x.PersonID
				}
				sp, ok := turnSpan[x.Slot]
				if !ok {
					sp = span{x.Start, x.End}
				}
				turnSpan[x.Slot] = span{minT(sp.s, x.Start), maxT(sp.e, x.End)}
			}
			held[x.PersonID] = append(held[x.PersonID], span{x.Start, x.End})
			if a, b := maxT(x.Start, fLo), minT(x.End, to); a.Before(b) {
				if _, ok := hours[x.PersonID]; ok {
					hours[x.PersonID] += Weighted(s, x.PersonID, a, b)
				}
			}
		}
		slots := make([]int, 0, len(holder))
		for k := range holder {
			slots = append(slots, k)
		}
		sort.Ints(slots)
		for _, k := range slots {
			if len(r.Participants) < 2 {
				break // one person holds every turn: nothing to change
			}
			p, ok := holder[k-1]
			sp := turnSpan[k]
			if !ok || p != holder[k] || sp.s.Before(from) || !sp.s.Before(to) {
				continue
			}
			out = append(out, ScheduleWarning{Kind: WarnBackToBack, RotationID: rid, PersonID: p, Slot: k, Start: turnSpan[k-1].s, End: sp.e,
				Message: fmt.Sprintf("%s holds turns %d and %d of %s back to back.", s.Name(p), k, k+1, r.Name)})
		}
		// The spread, once the rotation has run a whole fairness window.
		limit := s.Settings.FairnessSpreadLimit
		if limit == 0 {
			limit = DefaultFairnessSpreadLimit
		}
		if len(hours) >= 2 && !to.Add(-FairnessWindow).Before(r.base) {
			var maxP, minP id.ID
			first := true
			for _, p := range r.Participants {
				if first || hours[p] > hours[maxP] {
					maxP = p
				}
				if first || hours[p] < hours[minP] {
					minP = p
				}
				first = false
			}
			hi, lo := hours[maxP], hours[minP]
			if hi > 0 && (lo == 0 || float64(hi)/float64(lo) > limit) {
				ratio := "all"
				if lo > 0 {
					ratio = strconv.FormatFloat(math.Round(float64(hi)/float64(lo)*10)/10, 'f', -1, 64) + " times"
				}
				msg := fmt.Sprintf("%s: %s carries %s the weighted on-call hours of %s over the last 90 days (%s h to %s h; the limit is %s).",
					r.Name, s.Name(maxP), ratio, s.Name(minP), hoursText(hi), hoursText(lo), strconv.FormatFloat(limit, 'f', -1, 64))
				if lo == 0 {
					msg = fmt.Sprintf("%s: %s has no on-call hours over the last 90 days while %s has %s h (weighted).", r.Name, s.Name(minP), s.Name(maxP), hoursText(hi))
				}
				out = append(out, ScheduleWarning{Kind: WarnSpread, RotationID: rid, PersonID: maxP, Slot: -1, Start: to.Add(-FairnessWindow), End: to, Message: msg})
			}
		}
	}
	// More than one week in four, across rotations.
	day := 24 * time.Hour
	firstDay := from.Truncate(day)
	if firstDay.Before(from) {
		firstDay = firstDay.Add(day)
	}
	people := make([]id.ID, 0, len(held))
	for p := range held {
		people = append(people, p)
	}
	sort.Slice(people, func(i, j int) bool { return people[i].String() < people[j].String() })
	for _, p := range people {
		spans := union(held[p]) // sorted, disjoint
		// onBefore(x): time on call before x (prefix sums, binary search).
		cum := make([]time.Duration, len(spans)+1)
		for i, sp := range spans {
			cum[i+1] = cum[i] + sp.e.Sub(sp.s)
		}
		onBefore := func(x time.Time) time.Duration {
			i := sort.Search(len(spans), func(i int) bool { return spans[i].e.After(x) })
			d := cum[i]
			if i < len(spans) && spans[i].s.Before(x) {
				d += x.Sub(spans[i].s)
			}
			return d
		}
		run := -1 // index in out of the current stretch over the limit
		worst := 0.0
		for t := firstDay; t.Before(to); t = t.Add(day) {
			on := onBefore(t) - onBefore(t.Add(-FrequencyWindow))
			frac := float64(on) / float64(FrequencyWindow)
			if frac <= FrequencyLimit {
				run = -1
				continue
			}
			if run < 0 {
				out = append(out, ScheduleWarning{Kind: WarnTooFrequent, PersonID: p, Slot: -1, Start: t})
				run, worst = len(out)-1, 0
			}
			w := &out[run]
			w.End = t.Add(day)
			worst = max(worst, frac)
			w.Message = fmt.Sprintf("%s is on call up to %s of 28 days (more than one week in four), %s to %s.", s.Name(p),
				strconv.FormatFloat(math.Round(worst*28*10)/10, 'f', -1, 64), w.Start.Format("Mon 2 Jan"), w.End.Add(-day).Format("Mon 2 Jan"))
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Start.Before(out[j].Start) })
	return out
}
