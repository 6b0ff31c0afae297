package oncall

import (
	"sort"
	"strings"
	"time"

	"wheelhouse/backend/errs"
	"wheelhouse/backend/id"
)

// FinalShift is a piece of a schedule's final schedule: who a page reaches
// first at that time, and which rotation (layer) gives them, or a gap where
// no layer has anyone (docs/decisions/0015-final-schedule.md).
type FinalShift struct {
	Start time.Time `json:"start" ts_type:"string"` // UTC, clipped to the window
	End   time.Time `json:"end" ts_type:"string"`
	// RotationID, Layer and Slot say where the piece comes from (zero for a
	// gap).
	RotationID id.ID  `json:"rotationId,omitzero" ts_type:"string"`
	Rotation   string `json:"rotation,omitempty"`
	Layer      int    `json:"layer,omitempty"`
	Slot       int    `json:"slot"`
	PersonID   id.ID  `json:"personId,omitzero" ts_type:"string"`
	Reason     Reason `json:"reason"`
	// ReplacedPersonID as in Shift: who the rotation order scheduled.
	ReplacedPersonID id.ID `json:"replacedPersonId,omitzero" ts_type:"string"`
	Unavailable      bool  `json:"unavailable,omitempty"`
	// Gap: no layer has anyone. Unstaffed: some layer has a turn here with
	// nobody available (everyone away); otherwise no layer covers the time.
	Gap       bool `json:"gap,omitempty"`
	Unstaffed bool `json:"unstaffed,omitempty"`
	// piece is the source shift's Piece (with RotationID, Slot and
	// PersonID it names the shift the piece is cut from).
	piece int
}

// finalOrder sorts a schedule's rotations by precedence: the lowest layer
// first (1 = primary, the first a page reaches); within a layer a rotation
// with a restriction before one without (office hours over the 24x7
// rotation), then by name and id.
func finalOrder(rs []*rot) {
	sort.SliceStable(rs, func(i, j int) bool { return Precedes(rs[i].Rotation, rs[j].Rotation) })
}

// Precedes reports whether rotation a comes before b in their schedule's
// final schedule: the lowest layer first; within a layer a rotation with a
// restriction first; then by name (any case), then id. It is the one order
// of precedence: the final schedule and the paging import's on-call
// fallback (backend/pages) both sort by it.
func Precedes(a, b *Rotation) bool {
	if a.Layer != b.Layer {
		return a.Layer < b.Layer
	}
	if ra, rb := a.Restriction != nil, b.Restriction != nil; ra != rb {
		return ra
	}
	if x, y := strings.ToLower(a.Name), strings.ToLower(b.Name); x != y {
		return x < y
	}
	return a.ID.String() < b.ID.String()
}

// scheduleRots returns the rotations of the schedule with this key
// (ScheduleOf's key), in precedence order.
func scheduleRots(s *Snapshot, key string) []*rot {
	ix := s.index()
	var rs []*rot
	for _, rid := range ix.order {
		r := ix.rots[rid]
		if k, _ := s.ScheduleOf(r.Rotation); k == key {
			rs = append(rs, r)
		}
	}
	finalOrder(rs)
	return rs
}

// TeamKey is the schedule key (ScheduleOf) of a team's schedule.
func TeamKey(team id.ID) string { return "team:" + team.String() }

// FinalShifts returns the final schedule of the schedule with key
// scheduleKey (ScheduleOf's key; TeamKey for a team) in [from, to): at each
// instant the person of the highest-precedence rotation that has someone on
// call then — the lowest layer (primary) wins, higher layers fill where it
// has nobody (outside its restriction, a turn nobody is available for,
// before it starts). Where no layer has anyone, from the schedule's first
// handoff on, the piece is a gap. Pieces are in time order, clipped to the
// window, adjacent pieces of the same shift merged; the result does not
// depend on the window beyond that clipping.
func FinalShifts(s *Snapshot, scheduleKey string, from, to time.Time) []FinalShift {
	return finalOf(s, scheduleRots(s, scheduleKey), from, to)
}

func finalOf(s *Snapshot, rs []*rot, from, to time.Time) []FinalShift {
	return finalFrom(rs, func(r *rot) []Shift { return Shifts(s, r.ID, from, to) }, from, to)
}

// finalFrom merges the shifts of rs (in precedence order) in [from, to);
// shiftsOf gives a rotation's shifts overlapping the window.
func finalFrom(rs []*rot, shiftsOf func(*rot) []Shift, from, to time.Time) []FinalShift {
	if len(rs) == 0 || !from.Before(to) {
		return nil
	}
	first := rs[0].base
	lists := make([][]Shift, len(rs))
	cuts := []time.Time{}
	for i, r := range rs {
		if r.base.Before(first) {
			first = r.base
		}
		lists[i] = shiftsOf(r)
		for _, x := range lists[i] {
			cuts = append(cuts, maxT(x.Start, from).UTC(), minT(x.End, to).UTC())
		}
	}
	start := maxT(from, first)
	if !start.Before(to) {
		return nil
	}
	cuts = append(cuts, start.UTC(), to.UTC())
	sort.Slice(cuts, func(i, j int) bool { return cuts[i].Before(cuts[j]) })
	pos := make([]int, len(rs))
	var out []FinalShift
	// src identifies what the last piece came from, so that a shift cut by
	// another layer's boundaries is merged again.
	type src struct{ rot, shift int }
	last := src{-2, -2}
	for c := 0; c+1 < len(cuts); c++ {
		a, b := cuts[c], cuts[c+1]
		if !a.Before(b) || a.Before(start) {
			continue
		}
		cur := src{-1, -1}
		unstaffed := false
		for i := range rs {
			l := lists[i]
			for pos[i] < len(l) && !l[pos[i]].End.After(a) {
				pos[i]++
			}
			// Shifts of a rotation do not overlap: at most the one at pos
			// and, for a gap followed by someone, the next may hold a.
			for j := pos[i]; j < len(l) && !l[j].Start.After(a); j++ {
				if !l[j].End.After(a) {
					continue
				}
				if l[j].Gap {
					unstaffed = true
					continue
				}
				cur = src{i, j}
				break
			}
			if cur.rot >= 0 {
				break
			}
		}
		if cur == last && len(out) > 0 && out[len(out)-1].End.Equal(a) &&
			(cur.rot >= 0 || out[len(out)-1].Unstaffed == unstaffed) {
			out[len(out)-1].End = b
			continue
		}
		last = cur
		if cur.rot < 0 {
			out = append(out, FinalShift{Start: a, End: b, Reason: ReasonGap, Gap: true, Unstaffed: unstaffed})
			continue
		}
		x, r := &lists[cur.rot][cur.shift], rs[cur.rot]
		out = append(out, FinalShift{Start: a, End: b, RotationID: r.ID, Rotation: r.Name, Layer: r.Layer, Slot: x.Slot,
			PersonID: x.PersonID, Reason: x.Reason, ReplacedPersonID: x.ReplacedPersonID, Unavailable: x.Unavailable, piece: x.Piece})
	}
	return out
}

// Final returns the final schedule of a team in [from, to), from the
// service's cached snapshot.
func (s *Service) Final(teamID id.ID, from, to time.Time) ([]FinalShift, error) {
	if err := checkWindow(from, to); err != nil {
		return nil, err
	}
	snap, err := s.Snapshot(from, to)
	if err != nil {
		return nil, errs.Wrap("oncall.Final", err)
	}
	if _, ok := snap.Teams[teamID]; !ok {
		return nil, errs.E(errs.NotFound, "No team with id %s.", teamID)
	}
	out := FinalShifts(snap, TeamKey(teamID), from, to)
	if out == nil {
		out = []FinalShift{}
	}
	return out, nil
}

// FinalPiece is a piece of a final schedule with a stable identity, for
// calendars: the shift it is cut from (RotationID, Slot, ShiftPiece,
// PersonID) and its place among that shift's pieces in the final schedule
// (Part: 0 = the first). A shift cut by a higher-precedence rotation (the
// 24x7 primary around office hours) gives several parts. A gap has only
// its start to go by.
type FinalPiece struct {
	FinalShift
	ShiftPiece int
	Part       int
}

// FinalPieces returns the pieces of a schedule's final schedule that
// overlap [from, to), whole: not clipped to the window, and numbered
// within their source shift the same whatever the window. It computes the
// final schedule over the whole extent of every shift of the schedule's
// rotations that overlaps the window, so every part of a source shift is
// seen. A gap is clipped only where no rotation has a shift around the
// window's edge (before the schedule's first handoff it starts there).
func FinalPieces(s *Snapshot, scheduleKey string, from, to time.Time) []FinalPiece {
	rs := scheduleRots(s, scheduleKey)
	if len(rs) == 0 || !from.Before(to) {
		return nil
	}
	lo, hi := extent(s, rs, from, to)
	all := finalOf(s, rs, lo, hi)
	type key struct {
		rot         id.ID
		slot, piece int
		person      id.ID
	}
	parts := map[key]int{}
	out := make([]FinalPiece, 0, len(all))
	for _, x := range all {
		p := FinalPiece{FinalShift: x, ShiftPiece: x.piece}
		if !x.Gap {
			k := key{x.RotationID, x.Slot, x.piece, x.PersonID}
			p.Part = parts[k]
			parts[k]++
		}
		if x.Start.Before(to) && x.End.After(from) {
			out = append(out, p)
		}
	}
	return out
}

// FinalExtent is the span FinalPieces computes for [from, to): the window
// widened to the whole of every shift of the schedule's rotations that
// overlaps it. A caller loading a snapshot for FinalPieces loads this span
// (oncall.LoadTx), so the parts past the window's edges see their data.
func FinalExtent(s *Snapshot, scheduleKey string, from, to time.Time) (lo, hi time.Time) {
	return extent(s, scheduleRots(s, scheduleKey), from, to)
}

func extent(s *Snapshot, rs []*rot, from, to time.Time) (lo, hi time.Time) {
	lo, hi = from, to
	for _, r := range rs {
		for _, x := range Shifts(s, r.ID, from, to) {
			lo, hi = minT(lo, x.Start), maxT(hi, x.End)
		}
	}
	return lo, hi
}
