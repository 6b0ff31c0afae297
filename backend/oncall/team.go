package oncall

import (
	"sort"
	"strings"
	"time"

	"wheelhouse/backend/errs"
	"wheelhouse/backend/id"
)

// NextHorizon bounds how far ahead "on call next" looks (as the Today
// screen does).
const NextHorizon = 62 * 24 * time.Hour

// Turn is a stretch of one person's on-call time, or a gap (nobody
// available). Same fields as the Today screen's turn.
type Turn struct {
	PersonID id.ID     `json:"personId,omitzero" ts_type:"string"`
	Name     string    `json:"name"`     // "" for a gap
	TimeZone string    `json:"timezone"` // the person's zone
	Start    time.Time `json:"start" ts_type:"string"`
	End      time.Time `json:"end" ts_type:"string"`
	Reason   Reason    `json:"reason"`
	Gap      bool      `json:"gap,omitempty"`
	// Unavailable: an override or swap puts them on call while away.
	Unavailable bool `json:"unavailable,omitempty"`
	// Replaced is who the rotation order scheduled, when someone else (or
	// nobody) holds the turn.
	Replaced string `json:"replaced,omitempty"`
	// Rotation names the rotation (layer) a turn of a team's final schedule
	// comes from ("" for a gap and for a rotation's own turns).
	Rotation string `json:"rotation,omitempty"`
}

// RotationNow is one rotation with who holds it now and next.
type RotationNow struct {
	RotationID id.ID  `json:"rotationId" ts_type:"string"`
	Rotation   string `json:"rotation"`
	Layer      int    `json:"layer"`
	TimeZone   string `json:"timezone"` // the rotation's zone (handoffs)
	// Now is the turn at this instant; nil when the rotation covers no time
	// now (a restriction, or it has not started).
	Now *Turn `json:"now,omitempty"`
	// Next is the first turn after Now with someone else (or, when nobody
	// holds it now, the first turn to come), within NextHorizon.
	Next *Turn `json:"next,omitempty"`
}

// TeamOnCall is who is on call for a team: who a page reaches first now and
// next (the team's final schedule, FinalShifts), and each rotation that
// belongs to it, primary first.
type TeamOnCall struct {
	TeamID id.ID  `json:"teamId" ts_type:"string"`
	Team   string `json:"team"`
	// Now is the final schedule's turn at this instant (a gap when no layer
	// has anyone; nil before the team's first handoff); Next is the first
	// later turn with someone else (or the first one, when Now is nil).
	Now       *Turn         `json:"now,omitempty"`
	Next      *Turn         `json:"next,omitempty"`
	Rotations []RotationNow `json:"rotations"`
}

// NowNext returns the shift of a rotation at now and the next one held by
// someone else (or the first one after now when none holds it now), among
// the shifts up to until; nil when there is none.
func NowNext(s *Snapshot, rotationID id.ID, now, until time.Time) (cur, next *Shift) {
	return nowNextIn(Shifts(s, rotationID, now, until), now)
}

// nowNextIn is NowNext on a rotation's shifts from now on.
func nowNextIn(shifts []Shift, now time.Time) (cur, next *Shift) {
	for i := range shifts {
		x := &shifts[i]
		if !x.Start.After(now) && now.Before(x.End) {
			cur = x
			break
		}
	}
	for i := range shifts {
		x := &shifts[i]
		if cur == nil {
			if x.Start.After(now) {
				return nil, x
			}
			continue
		}
		if !x.Start.Before(cur.End) && (x.PersonID != cur.PersonID || x.Gap != cur.Gap) {
			return cur, x
		}
	}
	return cur, nil
}

// TurnOf describes a shift for people.
func TurnOf(s *Snapshot, x *Shift) *Turn {
	if x == nil {
		return nil
	}
	t := &Turn{PersonID: x.PersonID, Start: x.Start.UTC(), End: x.End.UTC(), Reason: x.Reason, Gap: x.Gap, Unavailable: x.Unavailable}
	if !x.Gap {
		t.Name = s.Name(x.PersonID)
		t.TimeZone = s.People[x.PersonID].TimeZone
	}
	if !x.ReplacedPersonID.IsZero() {
		t.Replaced = s.Name(x.ReplacedPersonID)
	}
	return t
}

// TeamsOnCall lists, for every team that rotations belong to, who holds
// each of its rotations at now and next (looking until until), by team
// name; a team without rotations is not listed.
func TeamsOnCall(s *Snapshot, now, until time.Time) []TeamOnCall {
	byTeam := map[id.ID]int{}
	out := []TeamOnCall{}
	rs := append([]Rotation(nil), s.Rotations...)
	SortRotations(rs, s.Teams)
	// Each rotation's shifts, computed once for its now/next and for the
	// team's final schedule.
	lists := map[id.ID][]Shift{}
	shiftsOf := func(u id.ID) []Shift {
		l, ok := lists[u]
		if !ok {
			l = Shifts(s, u, now, until)
			lists[u] = l
		}
		return l
	}
	for i := range rs {
		r := &rs[i]
		name, ok := s.Teams[r.TeamID]
		if r.TeamID.IsZero() || !ok {
			continue
		}
		at, seen := byTeam[r.TeamID]
		if !seen {
			at = len(out)
			byTeam[r.TeamID] = at
			out = append(out, TeamOnCall{TeamID: r.TeamID, Team: name, Rotations: []RotationNow{}})
		}
		cur, next := nowNextIn(shiftsOf(r.ID), now)
		out[at].Rotations = append(out[at].Rotations, RotationNow{RotationID: r.ID, Rotation: r.Name, Layer: r.Layer,
			TimeZone: r.TimeZone, Now: TurnOf(s, cur), Next: TurnOf(s, next)})
	}
	for i := range out {
		l := finalFrom(scheduleRots(s, TeamKey(out[i].TeamID)), func(r *rot) []Shift { return shiftsOf(r.ID) }, now, until)
		cur, next := finalNowNext(l, now)
		out[i].Now, out[i].Next = finalTurn(s, cur), finalTurn(s, next)
		if cur != nil {
			// Until the person (or the gap) changes, whichever layer holds it.
			out[i].Now.End = l[len(l)-1].End
			if next != nil {
				out[i].Now.End = next.Start.UTC()
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return strings.ToLower(out[i].Team) < strings.ToLower(out[j].Team) })
	return out
}

// finalNowNext is NowNext's rule on final pieces (which start at now at
// the earliest): the piece at now, and the first later one held by someone
// else (or the first piece, when none holds now).
func finalNowNext(l []FinalShift, now time.Time) (cur, next *FinalShift) {
	for i := range l {
		x := &l[i]
		switch {
		case cur == nil && !x.Start.After(now) && now.Before(x.End):
			cur = x
		case cur == nil:
			return nil, x
		case x.PersonID != cur.PersonID || x.Gap != cur.Gap:
			return cur, x
		}
	}
	return cur, nil
}

// finalTurn describes a final piece for people. Its start is the piece's,
// so a turn already running at now starts at now.
func finalTurn(s *Snapshot, x *FinalShift) *Turn {
	if x == nil {
		return nil
	}
	t := &Turn{PersonID: x.PersonID, Start: x.Start.UTC(), End: x.End.UTC(), Reason: x.Reason, Gap: x.Gap,
		Unavailable: x.Unavailable, Rotation: x.Rotation}
	if !x.Gap {
		t.Name = s.Name(x.PersonID)
		t.TimeZone = s.People[x.PersonID].TimeZone
	}
	if !x.ReplacedPersonID.IsZero() {
		t.Replaced = s.Name(x.ReplacedPersonID)
	}
	return t
}

// TeamsOnCall answers who is on call now and next for every team with
// rotations, at the service's clock.
func (s *Service) TeamsOnCall() ([]TeamOnCall, error) {
	now := s.clock.Now().UTC()
	until := now.Add(NextHorizon)
	snap, err := s.Snapshot(now, until)
	if err != nil {
		return nil, errs.Wrap("oncall.TeamsOnCall", err)
	}
	return TeamsOnCall(snap, now, until), nil
}
