package handoff

import (
	"sort"
	"time"

	"wheelhouse/backend/id"
	"wheelhouse/backend/oncall"
)

// Turns returns the turns of a rotation that overlap [from, to), whole (not
// clipped), in time order. A turn groups the shifts of one slot held by one
// person (a slot split by time off or an override is several turns; a
// business-hours rotation's daily pieces of one slot are one turn). Gaps
// are no turn. Pure: the schedule comes from snap.
func Turns(snap *oncall.Snapshot, rotationID id.ID, from, to time.Time) []Turn {
	r, ok := snap.Rotation(rotationID)
	if !ok {
		return nil
	}
	shifts := oncall.Shifts(snap, rotationID, from, to)
	if len(shifts) == 0 {
		return nil
	}
	// Widen to whole slots so every turn has all its pieces.
	lo, hi := shifts[0].Slot, shifts[0].Slot
	for _, x := range shifts {
		lo, hi = min(lo, x.Slot), max(hi, x.Slot)
	}
	s0, _, ok0 := oncall.SlotBounds(snap, rotationID, lo)
	_, e1, ok1 := oncall.SlotBounds(snap, rotationID, hi)
	if ok0 && ok1 {
		shifts = oncall.Shifts(snap, rotationID, s0, e1)
	}
	type key struct {
		slot   int
		person id.ID
	}
	at := map[key]int{}
	var out []Turn
	for _, x := range shifts {
		if x.Gap || x.PersonID.IsZero() {
			continue
		}
		k := key{x.Slot, x.PersonID}
		if i, ok := at[k]; ok {
			if x.End.After(out[i].End) {
				out[i].End = x.End.UTC()
			}
			continue
		}
		at[k] = len(out)
		out = append(out, Turn{RotationID: rotationID, Rotation: r.Name, Slot: x.Slot,
			Start: x.Start.UTC(), End: x.End.UTC(), PersonID: x.PersonID, Person: snap.Name(x.PersonID)})
	}
	keep := out[:0]
	for _, t := range out {
		if t.Start.Before(to) && t.End.After(from) {
			keep = append(keep, t)
		}
	}
	sort.SliceStable(keep, func(i, j int) bool { return keep[i].Start.Before(keep[j].Start) })
	return keep
}

// EndedTurns returns the turns of every rotation (in the on-call screen's
// rotation order) that ended in (from, to], latest end first.
func EndedTurns(snap *oncall.Snapshot, from, to time.Time, want func(*oncall.Rotation, Turn) bool) []Turn {
	rots := append([]oncall.Rotation(nil), snap.Rotations...)
	oncall.SortRotations(rots, snap.Teams)
	var out []Turn
	for i := range rots {
		r := &rots[i]
		for _, t := range Turns(snap, r.ID, from, to) {
			if t.End.After(from) && !t.End.After(to) && (want == nil || want(r, t)) {
				out = append(out, t)
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].End.After(out[j].End) })
	return out
}

// TurnAt returns the turn of a rotation starting exactly at start.
func TurnAt(snap *oncall.Snapshot, rotationID id.ID, start time.Time) (Turn, bool) {
	for _, t := range Turns(snap, rotationID, start, start.Add(time.Nanosecond)) {
		if t.Start.Equal(start) {
			return t, true
		}
	}
	return Turn{}, false
}

// TurnOnDay returns the turn of a rotation to record for a civil day
// [dayStart, dayEnd): of the turns overlapping the day that have started by
// now, the last one that has ended, else the last one (still running).
func TurnOnDay(snap *oncall.Snapshot, rotationID id.ID, dayStart, dayEnd, now time.Time) (Turn, bool) {
	var ended, running *Turn
	ts := Turns(snap, rotationID, dayStart, dayEnd)
	for i := range ts {
		t := &ts[i]
		if t.Start.After(now) {
			continue
		}
		if !t.End.After(now) {
			ended = t
		} else {
			running = t
		}
	}
	switch {
	case ended != nil:
		return *ended, true
	case running != nil:
		return *running, true
	}
	return Turn{}, false
}
