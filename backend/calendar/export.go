package calendar

import (
	"encoding/binary"
	"fmt"
	"hash/fnv"
	"sort"
	"strings"
	"time"

	"wheelhouse/backend/errs"
	"wheelhouse/backend/id"
	"wheelhouse/backend/oncall"
)

// Scope kinds of an export or feed.
const (
	ScopeRotation = "rotation" // one rotation's shifts (and gaps)
	ScopePerson   = "person"   // one person's shifts across rotations
	ScopeTeam     = "team"     // every rotation's shifts (and gaps)
	// ScopeSchedule is a team's final schedule: who a page reaches first,
	// whichever layer gives them (oncall.FinalShifts, decision 0015), and
	// the gaps where no layer has anyone.
	ScopeSchedule = "schedule"
)

// Scope says which shifts a calendar holds.
type Scope struct {
	Kind string `json:"kind"`
	ID   id.ID  `json:"id,omitzero"` // the rotation, person or team (schedule); none for team
}

// Validate checks the scope's shape.
func (s Scope) Validate() error {
	switch s.Kind {
	case ScopeRotation, ScopePerson, ScopeSchedule:
		if s.ID.IsZero() {
			return errs.FieldErr("scope.id", "Choose a %s.", s.Kind)
		}
	case ScopeTeam:
	default:
		return errs.FieldErr("scope.kind", "Export a rotation, a person, a team's schedule or the whole team.")
	}
	return nil
}

// TombstoneDays is how long a removed shift stays in exports as
// STATUS:CANCELLED, so subscribed clients that saw it drop it.
const TombstoneDays = 30

// pruneAfter: published state of shifts that ended this long ago is
// forgotten (the feed shows 30 days back).
const pruneAfter = 90 * 24 * time.Hour

// UID is the stable identity of a shift's event: rotation, slot, holder
// and the holder's piece within the slot. It does not depend on the start or
// end, so a changed handoff time updates the event instead of adding one.
func UID(x oncall.Shift) string {
	who := "gap"
	if !x.Gap {
		who = x.PersonID.String()
	}
	return fmt.Sprintf("%d.%d-%s-%s@wheelhouse", x.Slot, x.Piece, x.RotationID, who)
}

// FinalUID is the stable identity of a piece of a team's final schedule:
// the rotation shift it is cut from (as UID) and its part within that
// shift ("f" marks the final schedule, so it never equals a rotation
// event's UID); a gap is named by the team and its start.
func FinalUID(team id.ID, p oncall.FinalPiece) string {
	if p.Gap {
		return fmt.Sprintf("f-gap-%d-%s@wheelhouse", p.Start.Unix(), team)
	}
	return fmt.Sprintf("f%d.%d.%d-%s-%s@wheelhouse", p.Slot, p.ShiftPiece, p.Part, p.RotationID, p.PersonID)
}

// Included reports whether a rotation shift belongs in a scope (a
// schedule scope holds final pieces, never rotation shifts).
func (s Scope) Included(x oncall.Shift) bool {
	switch s.Kind {
	case ScopeRotation:
		return x.RotationID == s.ID
	case ScopePerson:
		return !x.Gap && x.PersonID == s.ID
	case ScopeSchedule:
		return false
	}
	return true
}

// Events turns shifts into events (sequence and status not yet set), in
// shift order. Summaries are the same in every scope ("Dana Xu on call ·
// Payments"), so an event reads alike in every feed it appears in.
func Events(snap *oncall.Snapshot, shifts []oncall.Shift, sc Scope) []PendingEvent {
	out := make([]PendingEvent, 0, len(shifts))
	var b strings.Builder
	for _, x := range shifts {
		if !sc.Included(x) {
			continue
		}
		rot, _ := snap.Rotation(x.RotationID)
		name := "(deleted rotation)"
		if rot != nil {
			name = rot.Name
		}
		ev := Event{UID: UID(x), Start: x.Start.UTC(), End: x.End.UTC()}
		b.Reset()
		if x.Gap {
			ev.Summary = "Nobody on call · " + name
			b.WriteString("Coverage gap")
		} else {
			ev.Summary = snap.Name(x.PersonID) + " on call · " + name
			b.WriteString("On call for ")
			b.WriteString(name)
		}
		if rot != nil {
			// the schedule it is a layer of: its team, or its old schedule name
			if key, sched := snap.ScheduleOf(rot); !strings.HasPrefix(key, "rot:") {
				fmt.Fprintf(&b, " (%s, layer %d)", sched, rot.Layer)
			}
		}
		b.WriteString(".")
		switch {
		case x.Reason == oncall.ReasonOverride:
			b.WriteString(" Override")
			if x.Notes != "" {
				b.WriteString(": ")
				b.WriteString(x.Notes)
			}
			b.WriteString(".")
		case x.Notes != "":
			b.WriteString(" ")
			b.WriteString(strings.ToUpper(x.Notes[:1]))
			b.WriteString(x.Notes[1:])
			b.WriteString(".")
		}
		ev.Description = strings.TrimSpace(b.String())
		out = append(out, PendingEvent{Event: ev, RotationID: x.RotationID, PersonID: x.PersonID})
	}
	return out
}

// ScheduleEvents turns the final pieces of a team's schedule into events:
// "Dana Xu on call · Payments" (the team), the description saying which
// rotation and layer give them and why, gaps as "Nobody on call · Payments".
func ScheduleEvents(snap *oncall.Snapshot, team id.ID, pieces []oncall.FinalPiece) []PendingEvent {
	out := make([]PendingEvent, 0, len(pieces))
	tname := snap.Teams[team]
	var b strings.Builder
	for _, p := range pieces {
		ev := Event{UID: FinalUID(team, p), Start: p.Start.UTC(), End: p.End.UTC()}
		b.Reset()
		if p.Gap {
			ev.Summary = "Nobody on call · " + tname
			if p.Unstaffed {
				b.WriteString("Coverage gap: nobody in the rotation is available.")
			} else {
				b.WriteString("Coverage gap: no layer of the schedule covers this time.")
			}
		} else {
			ev.Summary = snap.Name(p.PersonID) + " on call · " + tname
			fmt.Fprintf(&b, "First to be paged for %s: %s (layer %d).", tname, p.Rotation, p.Layer)
			switch p.Reason {
			case oncall.ReasonReplacement:
				fmt.Fprintf(&b, " Covering for %s.", snap.Name(p.ReplacedPersonID))
			case oncall.ReasonPayback:
				fmt.Fprintf(&b, " Paying back a turn %s covered.", snap.Name(p.ReplacedPersonID))
			case oncall.ReasonOverride:
				b.WriteString(" Override.")
			case oncall.ReasonSwap:
				fmt.Fprintf(&b, " Swapped with %s.", snap.Name(p.ReplacedPersonID))
			}
		}
		ev.Description = b.String()
		out = append(out, PendingEvent{Event: ev, RotationID: p.RotationID, PersonID: p.PersonID, ScheduleID: team})
	}
	return out
}

// PendingEvent is an event with what the published state files it under.
type PendingEvent struct {
	Event
	RotationID id.ID
	PersonID   id.ID
	ScheduleID id.ID // the team, for a piece of its final schedule
}

// Published is what Wheelhouse remembers of an event it has exported.
type Published struct {
	UID          string    `json:"uid"`
	Hash         uint64    `json:"hash"` // of start, end, summary, description
	Sequence     int       `json:"sequence"`
	LastModified time.Time `json:"lastModified"`
	RotationID   id.ID     `json:"rotationId"`
	PersonID     id.ID     `json:"personId,omitzero"`
	// ScheduleID: the team whose final schedule the event is a piece of
	// (zero for a rotation shift's event).
	ScheduleID id.ID     `json:"scheduleId,omitzero"`
	Start      time.Time `json:"start"`
	End        time.Time `json:"end"`
	Summary    string    `json:"summary"`
	RemovedAt  time.Time `json:"removedAt,omitzero"` // a tombstone since then
}

func (p *Published) inScope(sc Scope) bool {
	if sc.Kind == ScopeSchedule || !p.ScheduleID.IsZero() {
		return sc.Kind == ScopeSchedule && p.ScheduleID == sc.ID
	}
	switch sc.Kind {
	case ScopeRotation:
		return p.RotationID == sc.ID
	case ScopePerson:
		return p.PersonID == sc.ID
	}
	return true
}

func hashEvent(e *Event) uint64 {
	h := fnv.New64a()
	var b [16]byte
	binary.BigEndian.PutUint64(b[:8], uint64(e.Start.UnixNano()))
	binary.BigEndian.PutUint64(b[8:], uint64(e.End.UnixNano()))
	h.Write(b[:])
	h.Write([]byte(e.Summary))
	h.Write([]byte{0})
	h.Write([]byte(e.Description))
	return h.Sum64()
}

// Reconciled is the result of Reconcile.
type Reconciled struct {
	Events  []Event     // to render: current events and tombstones, by start
	Upserts []Published // state to write
	Deletes []string    // state to forget (UIDs)
}

// Reconcile compares the events of a scope and window with what was
// published before (prev: any state; Reconcile picks what concerns the
// scope), pure:
//   - a new event gets SEQUENCE 0 and LAST-MODIFIED generatedAt;
//   - a changed event (start, end, summary, description) or one back from
//     the dead gets SEQUENCE+1 and LAST-MODIFIED generatedAt;
//   - a published event of the scope overlapping the window that is no longer
//     produced becomes a tombstone (STATUS:CANCELLED, SEQUENCE+1) and is
//     exported as such for TombstoneDays, then forgotten;
//   - state of events that ended more than 90 days ago is forgotten.
func Reconcile(prev map[string]Published, cur []PendingEvent, sc Scope, from, to, generatedAt time.Time) Reconciled {
	generatedAt = generatedAt.UTC()
	var out Reconciled
	out.Events = make([]Event, 0, len(cur))
	seen := make(map[string]bool, len(cur))
	for i := range cur {
		pe := &cur[i]
		ev := pe.Event
		seen[ev.UID] = true
		h := hashEvent(&ev)
		p, ok := prev[ev.UID]
		switch {
		case !ok:
			p = Published{UID: ev.UID, Hash: h, Sequence: 0, LastModified: generatedAt}
		case p.Hash != h || !p.RemovedAt.IsZero():
			p.Hash, p.Sequence, p.LastModified, p.RemovedAt = h, p.Sequence+1, generatedAt, time.Time{}
		default:
			ev.Sequence, ev.LastModified, ev.Status = p.Sequence, p.LastModified, StatusConfirmed
			out.Events = append(out.Events, ev)
			continue
		}
		p.RotationID, p.PersonID, p.ScheduleID, p.Start, p.End, p.Summary = pe.RotationID, pe.PersonID, pe.ScheduleID, ev.Start, ev.End, ev.Summary
		ev.Sequence, ev.LastModified, ev.Status = p.Sequence, p.LastModified, StatusConfirmed
		out.Events = append(out.Events, ev)
		out.Upserts = append(out.Upserts, p)
	}
	keys := make([]string, 0, len(prev))
	for k := range prev {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		p := prev[k]
		if seen[k] {
			continue
		}
		if generatedAt.Sub(p.End) > pruneAfter || (!p.RemovedAt.IsZero() && generatedAt.Sub(p.RemovedAt) > TombstoneDays*24*time.Hour) {
			out.Deletes = append(out.Deletes, k)
			continue
		}
		if !p.inScope(sc) || !p.Start.Before(to) || !p.End.After(from) {
			continue
		}
		if p.RemovedAt.IsZero() {
			p.RemovedAt, p.Sequence, p.LastModified = generatedAt, p.Sequence+1, generatedAt
			out.Upserts = append(out.Upserts, p)
		}
		out.Events = append(out.Events, Event{UID: p.UID, Summary: p.Summary, Description: "Cancelled: this shift no longer exists.",
			Start: p.Start, End: p.End, Status: StatusCancelled, Sequence: p.Sequence, LastModified: p.LastModified})
	}
	sort.SliceStable(out.Events, func(i, j int) bool { return out.Events[i].Start.Before(out.Events[j].Start) })
	return out
}
