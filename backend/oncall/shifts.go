package oncall

import (
	"fmt"
	"time"

	"wheelhouse/backend/civil"
	"wheelhouse/backend/id"
	"wheelhouse/backend/tz"
)

// Reason says why a person holds a shift.
type Reason string

const (
	ReasonScheduled   Reason = "scheduled"   // their turn in rotation order
	ReasonReplacement Reason = "replacement" // the scheduled person is away; next available in order
	ReasonPayback     Reason = "payback"     // paying back a turn someone covered for them (Rotation.Payback)
	ReasonOverride    Reason = "override"    // an explicit override
	ReasonSwap        Reason = "swap"        // an explicit swap of two shifts
	ReasonGap         Reason = "gap"         // nobody available
)

// Shift is one stretch of on-call time of one person (or a gap) on a
// rotation. A slot (the k-th turn of the rotation) yields one shift, or
// several when a restriction, an override or a gap cuts it up.
type Shift struct {
	RotationID id.ID `json:"rotationId" ts_type:"string"`
	// Slot is the index k of the rotation's turn (0 = the turn starting on
	// StartDate): a stable identity, independent of who holds it.
	Slot int `json:"slot"`
	// Piece counts this person's shifts within the slot (0 = first); with
	// Slot and PersonID it identifies the shift (calendar UIDs use it).
	Piece    int       `json:"piece"`
	Start    time.Time `json:"start" ts_type:"string"` // UTC
	End      time.Time `json:"end" ts_type:"string"`   // UTC
	PersonID id.ID     `json:"personId,omitzero" ts_type:"string"`
	Reason   Reason    `json:"reason"`
	// ReplacedPersonID is who the rotation order scheduled, when someone
	// else holds the shift (replacement, payback, override, swap) or nobody
	// does (gap).
	ReplacedPersonID id.ID `json:"replacedPersonId,omitzero" ts_type:"string"`
	Gap              bool  `json:"gap,omitempty"`
	// Unavailable flags an override or swap that puts someone on call while
	// they have time off or a holiday: allowed, but shown as a warning.
	Unavailable bool   `json:"unavailable,omitempty"`
	Notes       string `json:"notes,omitempty"`
}

// Duration of the shift.
func (s Shift) Duration() time.Duration { return s.End.Sub(s.Start) }

// LedgerEntry records an owed turn: Skipped was away for their turn and
// CoveredBy took it. Skipped owes CoveredBy a turn until it is paid back
// (only rotations with Payback pay back automatically).
type LedgerEntry struct {
	RotationID id.ID     `json:"rotationId" ts_type:"string"`
	Slot       int       `json:"slot"`
	Start      time.Time `json:"start" ts_type:"string"`
	Skipped    id.ID     `json:"skippedId" ts_type:"string"`
	CoveredBy  id.ID     `json:"coveredById" ts_type:"string"`
	Why        string    `json:"why"`
	PaidBack   bool      `json:"paidBack,omitempty"`
	PaidSlot   int       `json:"paidSlot,omitempty"`
}

// Schedule is the result of Compute: shifts and the owed-turn ledger of the
// window.
type Schedule struct {
	Shifts []Shift
	Ledger []LedgerEntry
}

// rot is a rotation compiled for the math.
type rot struct {
	*Rotation
	loc        *time.Location
	y          int
	mo         time.Month
	d, hh, mm  int
	base       time.Time // start of slot 0
	step       time.Duration
	daysPer    int // days per slot for days/weeks, 0 for hours
	restricted bool
	days       [7]bool // by time.Weekday
	rs, re     int     // restriction minutes
}

// compile prepares a rotation; nil when it is not valid enough to compute.
func compile(r *Rotation) *rot {
	loc, ok := tz.Load(r.TimeZone)
	sd, ok2 := civil.Parse(r.StartDate)
	hm, ok3 := ParseHM(r.HandoffTime)
	if !ok || !ok2 || !ok3 || r.ShiftLength.N < 1 || len(r.Participants) == 0 {
		return nil
	}
	c := &rot{Rotation: r, loc: loc, y: sd.Year(), mo: sd.Month(), d: sd.Day(), hh: hm / 60, mm: hm % 60}
	c.base = tz.WallTime(c.y, c.mo, c.d, c.hh, c.mm, loc)
	switch r.ShiftLength.Unit {
	case Hours:
		c.step = time.Duration(r.ShiftLength.N) * time.Hour
	case Days:
		c.daysPer = r.ShiftLength.N
	case Weeks:
		c.daysPer = 7 * r.ShiftLength.N
	default:
		return nil
	}
	if rs := r.Restriction; rs != nil {
		s, ok1 := ParseHM(rs.Start)
		e, ok2 := ParseHM(rs.End)
		if !ok1 || !ok2 {
			return nil
		}
		c.restricted, c.rs, c.re = true, s, e
		if len(rs.Weekdays) == 0 {
			c.days = [7]bool{true, true, true, true, true, true, true}
		}
		for _, w := range rs.Weekdays {
			for i, n := range WeekdayNames {
				if n == w {
					c.days[(i+1)%7] = true // mon=1 ... sun=0
				}
			}
		}
	}
	return c
}

// slotStart is the start of slot k: for days and weeks the handoff time on
// StartDate + k*length (calendar arithmetic, DST-safe wall clock), for hours
// an absolute offset from the first handoff.
func (r *rot) slotStart(k int) time.Time {
	if r.daysPer == 0 {
		return r.base.Add(time.Duration(k) * r.step)
	}
	return tz.WallTime(r.y, r.mo, r.d+k*r.daysPer, r.hh, r.mm, r.loc)
}

// slotAt is the slot containing t (-1 before the first handoff).
func (r *rot) slotAt(t time.Time) int {
	if t.Before(r.base) {
		return -1
	}
	if r.daysPer == 0 {
		return int(t.Sub(r.base) / r.step)
	}
	k := int(t.Sub(r.base) / (time.Duration(r.daysPer) * 24 * time.Hour))
	for k > 0 && r.slotStart(k).After(t) {
		k--
	}
	for !r.slotStart(k + 1).After(t) {
		k++
	}
	return k
}

// parts returns the on-call parts of [s, e): the whole span, or its
// intersection with the restriction windows.
func (r *rot) parts(s, e time.Time, buf []span) []span {
	buf = buf[:0]
	if !r.restricted {
		return append(buf, span{s, e})
	}
	ls := s.In(r.loc)
	y, mo, d := ls.Date()
	if r.re <= r.rs {
		d-- // a window that started the day before may reach into the slot
	}
	// The weekday of a civil date does not depend on the zone.
	wd := time.Date(y, mo, d, 12, 0, 0, 0, time.UTC).Weekday()
	for i := 0; ; i, wd = i+1, (wd+1)%7 {
		if !r.days[wd] {
			if time.Date(y, mo, d+i, 0, 0, 0, 0, time.UTC).Add(-14 * time.Hour).After(e) {
				break // well past the end in any zone
			}
			continue
		}
		ws := tz.WallTime(y, mo, d+i, r.rs/60, r.rs%60, r.loc)
		if !ws.Before(e) {
			break
		}
		ed := d + i
		if r.re <= r.rs {
			ed++
		}
		we := tz.WallTime(y, mo, ed, r.re/60, r.re%60, r.loc)
		a, b := maxT(ws, s), minT(we, e)
		if !a.Before(b) {
			continue
		}
		if n := len(buf); n > 0 && !buf[n-1].e.Before(a) {
			if b.After(buf[n-1].e) {
				buf[n-1].e = b
			}
			continue
		}
		buf = append(buf, span{a, b})
	}
	return buf
}

func maxT(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

func minT(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}

// Shifts returns the shifts of one rotation that overlap [from, to), in
// time order, whole (not clipped to the window). Unknown rotation: nil.
func Shifts(s *Snapshot, rotationID id.ID, from, to time.Time) []Shift {
	return Compute(s, rotationID, from, to).Shifts
}

// AllShifts returns the shifts of every rotation overlapping [from, to),
// ordered by start, then rotation order.
func AllShifts(s *Snapshot, from, to time.Time) []Shift {
	lists := make([][]Shift, 0, len(s.index().order))
	n := 0
	for _, rid := range s.index().order {
		l := Compute(s, rid, from, to).Shifts
		n += len(l)
		if len(l) > 0 {
			lists = append(lists, l)
		}
	}
	if len(lists) == 0 {
		return nil
	}
	// Each list is in time order: merge them with a small heap of list
	// heads keyed by start (ties: the earlier list first, so it is stable).
	out := make([]Shift, 0, n)
	type head struct {
		at   int64
		list int
		pos  int
	}
	h := make([]head, 0, len(lists))
	less := func(a, b head) bool { return a.at < b.at || a.at == b.at && a.list < b.list }
	down := func(i int) {
		for {
			l, m := 2*i+1, i
			if l < len(h) && less(h[l], h[m]) {
				m = l
			}
			if r := l + 1; r < len(h) && less(h[r], h[m]) {
				m = r
			}
			if m == i {
				return
			}
			h[i], h[m] = h[m], h[i]
			i = m
		}
	}
	for i, l := range lists {
		h = append(h, head{l[0].Start.UnixNano(), i, 0})
	}
	for i := len(h)/2 - 1; i >= 0; i-- {
		down(i)
	}
	for len(h) > 0 {
		top := h[0]
		l := lists[top.list]
		out = append(out, l[top.pos])
		if top.pos+1 < len(l) {
			h[0] = head{l[top.pos+1].Start.UnixNano(), top.list, top.pos + 1}
		} else {
			h[0] = h[len(h)-1]
			h = h[:len(h)-1]
		}
		down(0)
	}
	return out
}

// Compute returns the shifts of one rotation overlapping [from, to) and the
// owed-turn ledger of the slots in that window.
//
// Per slot k (see docs/decisions/0005-oncall.md and 0013-fair-cover-and-replay.md):
//  1. the slot's on-call parts: the slot, or its intersection with the
//     restriction windows;
//  2. a swapped slot goes to the person the rotation order gives its partner
//     slot (flagged when they are away);
//  3. otherwise the rotation order's person; with Payback, someone who owes
//     that person a turn, is available and neither held the turn before nor
//     is scheduled for the turn after takes it instead;
//  4. if that person is away for any part of the slot, fair cover picks who
//     takes the whole slot (pickCover): among the participants available for
//     all of it, the one with the least recent weighted on-call time in this
//     rotation, passing over the holder of the turn before and the person
//     scheduled for the turn after unless nobody else is available (ledger:
//     the skipped person owes them a turn); if nobody is, the slot is a gap;
//  5. overrides replace whatever the above gave for their time (including
//     time outside the restriction), flagged when the person is away.
//
// Fair cover depends on history, so the walk starts at the rotation's first
// turn, or at a checkpoint of the walk the snapshot kept from an earlier
// call (every cpEvery slots): the result never depends on the window.
func Compute(s *Snapshot, rotationID id.ID, from, to time.Time) Schedule {
	ix := s.index()
	r := ix.rots[rotationID]
	if r == nil || !from.Before(to) {
		return Schedule{}
	}
	kTo := r.slotAt(to.Add(-1))
	if kTo < 0 {
		return Schedule{}
	}
	kFrom := r.slotAt(from)
	if kFrom < 0 {
		kFrom = 0
	}
	var sch Schedule
	per := 1
	if r.restricted { // about a piece a day
		per = int(r.ShiftLength.approx()/(24*time.Hour)) + 1
	}
	sch.Shifts = make([]Shift, 0, (kTo-kFrom+1)*per+4)
	st := &walker{s: s, r: r, owed: map[id.ID][]int{}, swaps: ix.swaps[r.ID], ovs: ix.overrides[r.ID], ovMax: ix.ovMaxEnd[r.ID], away_: ix.away,
		recentFor: recentWindow(r)}
	cps := ix.checkpoints(r)
	k0 := 0
	if cp := cps.before(kFrom); cp != nil {
		st.restore(cp)
		k0 = cp.k
	}
	var parts []span
	sStart := r.slotStart(k0)
	for k := k0; k <= kTo; k++ {
		if k > k0 && cps.wants(k) {
			cps.keep(st.checkpoint(k, sStart))
		}
		sEnd := r.slotStart(k + 1)
		parts = r.parts(sStart, sEnd, parts)
		pieces, led := st.slot(k, sStart, sEnd, parts)
		if k >= kFrom {
			for _, p := range pieces {
				if p.Start.Before(to) && p.End.After(from) {
					sch.Shifts = append(sch.Shifts, p)
				}
			}
			sch.Ledger = append(sch.Ledger, led...)
		}
		sStart = sEnd
	}
	// Entries paid back inside the replay are marked in st.ledger.
	for i := range sch.Ledger {
		if e, ok := st.paid[ledgerKey{sch.Ledger[i].Slot, sch.Ledger[i].Skipped}]; ok {
			sch.Ledger[i].PaidBack, sch.Ledger[i].PaidSlot = true, e
		}
	}
	return sch
}

type walker struct {
	s     *Snapshot
	r     *rot
	swaps map[int]int // this rotation's swaps
	ovs   []Override  // this rotation's overrides, by start
	ovMax []time.Time
	away_ map[id.ID]*awayList
	// owed: creditor (who covered) -> slots of ledger entries not paid back,
	// oldest first; debtor found in entries.
	owed    map[id.ID][]int
	entries map[int]LedgerEntry // slot -> entry
	paid    map[ledgerKey]int   // entry -> slot that paid it
	buf     []Shift             // the current slot's pieces (reused)
	ovi     int                 // overrides before this index ended before the current slot
	tmp     []Shift             // scratch for overlay (reused)
	// Fair cover: what was held in this rotation lately (pieces in time
	// order, recent[rh:] still inside the trailing window), the holder of
	// the previous turn, and the length of the trailing window.
	recent    []held
	rh        int
	prev      id.ID
	recentFor time.Duration
	bm        map[id.ID]time.Duration // burdens' scratch
}

type ledgerKey struct {
	slot    int
	skipped id.ID
}

func (w *walker) base(k int) int { return k % len(w.r.Participants) }

// away reports whether p is unavailable during any of parts, and why.
func (w *walker) away(p id.ID, parts []span) (string, bool) {
	l := w.away_[p]
	if l == nil {
		return "", false
	}
	for _, sp := range parts {
		if a, ok := l.overlap(sp.s, sp.e); ok {
			return a.why, true
		}
	}
	return "", false
}

// slot computes the pieces of slot k and any ledger entry it creates.
func (w *walker) slot(k int, sStart, sEnd time.Time, parts []span) ([]Shift, []LedgerEntry) {
	r := w.r
	pieces := w.buf[:0]
	var led []LedgerEntry
	holder := id.Nil
	if len(parts) > 0 {
		proto := Shift{RotationID: r.ID, Slot: k}
		if other, ok := w.swaps[k]; ok && other >= 0 {
			p := r.Participants[w.base(other)]
			proto.PersonID, proto.Reason = p, ReasonSwap
			proto.ReplacedPersonID = r.Participants[w.base(k)]
			proto.Notes = fmt.Sprintf("swapped with turn %d", other+1)
			if why, away := w.away(p, parts); away {
				proto.Unavailable = true
				proto.Notes += fmt.Sprintf("; %s is away (%s)", w.s.Name(p), why)
			}
		} else {
			bi := w.base(k)
			sched := r.Participants[bi]
			p, reason := sched, ReasonScheduled
			if r.Payback {
				if q := w.owed[sched]; len(q) > 0 {
					for qi, slot := range q {
						debtor := w.entries[slot].Skipped
						if debtor == w.prev || debtor == w.nextScheduled(k) {
							continue // never two turns in a row: paid back at a later turn of the creditor
						}
						if _, away := w.away(debtor, parts); !away {
							p, reason = debtor, ReasonPayback
							w.owed[sched] = append(q[:qi:qi], q[qi+1:]...)
							if w.paid == nil {
								w.paid = map[ledgerKey]int{}
							}
							w.paid[ledgerKey{slot, debtor}] = k
							proto.ReplacedPersonID = sched
							proto.Notes = fmt.Sprintf("pays back the turn %s covered on %s", w.s.Name(sched), w.entries[slot].Start.Format(civil.Layout))
							break
						}
					}
				}
			}
			proto.PersonID, proto.Reason = p, reason
			if why, away := w.away(p, parts); away {
				repl, note := w.pickCover(k, sStart, p, parts)
				if repl.IsZero() {
					proto.PersonID, proto.Reason, proto.Gap = id.Nil, ReasonGap, true
					proto.ReplacedPersonID = p
					proto.Notes = fmt.Sprintf("nobody available: %s is away (%s) and so is everyone else", w.s.Name(p), why)
				} else {
					proto.PersonID, proto.Reason, proto.ReplacedPersonID = repl, ReasonReplacement, p
					proto.Notes = fmt.Sprintf("covers for %s (%s): %s", w.s.Name(p), why, note)
					e := LedgerEntry{RotationID: r.ID, Slot: k, Start: sStart, Skipped: p, CoveredBy: repl, Why: why}
					led = append(led, e)
					if w.entries == nil {
						w.entries = map[int]LedgerEntry{}
					}
					w.entries[k] = e
					if r.Payback {
						w.owed[repl] = append(w.owed[repl], k)
					}
				}
			}
		}
		holder = proto.PersonID
		for _, sp := range parts {
			x := proto
			x.Start, x.End = sp.s, sp.e
			pieces = append(pieces, x)
		}
	}
	pieces = w.overlay(pieces, sStart, sEnd, k)
	pieces = number(pieces)
	w.buf = pieces
	w.remember(pieces)
	if len(parts) > 0 {
		w.prev = holder // a turn without on-call time (a restricted day off) ends nobody's turn
	}
	return pieces, led
}

// overlay applies the rotation's overrides within [sStart, sEnd).
func (w *walker) overlay(pieces []Shift, sStart, sEnd time.Time, k int) []Shift {
	ovs := w.ovs
	if len(ovs) == 0 {
		return pieces
	}
	// Slots come in time order: skip (for good) the overrides that ended
	// before this slot; maxEnd makes that safe whatever their lengths.
	mx := w.ovMax
	for w.ovi < len(ovs) && !mx[w.ovi].After(sStart) {
		w.ovi++
	}
	for _, o := range ovs[w.ovi:] {
		if !o.Start.Before(sEnd) {
			break
		}
		if !o.End.After(sStart) {
			continue
		}
		a, b := maxT(o.Start, sStart), minT(o.End, sEnd)
		var replaced id.ID
		for _, p := range pieces {
			if p.Start.Before(b) && p.End.After(a) {
				if !p.PersonID.IsZero() {
					replaced = p.PersonID
				} else {
					replaced = p.ReplacedPersonID
				}
				break
			}
		}
		// The override's own note is private (docs/privacy.md): it stays on
		// the override, and shifts (which calendars publish) do not carry it.
		ov := Shift{RotationID: w.r.ID, Slot: k, Start: a, End: b, PersonID: o.PersonID, Reason: ReasonOverride,
			ReplacedPersonID: replaced}
		if replaced == o.PersonID {
			ov.ReplacedPersonID = id.Nil
		}
		if why, away := w.s.Unavailable(o.PersonID, a, b); away {
			ov.Unavailable = true
			if ov.Notes != "" {
				ov.Notes += "; "
			}
			ov.Notes += fmt.Sprintf("%s is away (%s)", w.s.Name(o.PersonID), why)
		}
		// Pieces are sorted and do not overlap: keep what ends before a,
		// cut what straddles, put the override in place, keep the rest.
		out := w.tmp[:0]
		placed := false
		for _, p := range pieces {
			switch {
			case !p.End.After(a):
				out = append(out, p)
			case !p.Start.Before(b):
				if !placed {
					out, placed = append(out, ov), true
				}
				out = append(out, p)
			default:
				if p.Start.Before(a) {
					x := p
					x.End = a
					out = append(out, x)
				}
				if !placed {
					out, placed = append(out, ov), true
				}
				if p.End.After(b) {
					x := p
					x.Start = b
					out = append(out, x)
				}
			}
		}
		if !placed {
			out = append(out, ov)
		}
		w.tmp, pieces = pieces[:0], out
	}
	return pieces
}

// number merges touching pieces of the same holder and numbers each
// holder's pieces within the slot.
func number(pieces []Shift) []Shift {
	if len(pieces) == 0 {
		return pieces
	}
	out := pieces[:1]
	for _, p := range pieces[1:] {
		last := &out[len(out)-1]
		if last.End.Equal(p.Start) && last.PersonID == p.PersonID && last.Reason == p.Reason &&
			last.Gap == p.Gap && last.ReplacedPersonID == p.ReplacedPersonID && last.Notes == p.Notes && last.Unavailable == p.Unavailable {
			last.End = p.End
			continue
		}
		out = append(out, p)
	}
	// Number each holder's pieces; a slot has few holders, so a short list
	// beats a map.
	var holders [8]id.ID
	var counts [8]int
	nh := 0
	var seen map[id.ID]int
	for i := range out {
		p := out[i].PersonID
		j := 0
		for j < nh && holders[j] != p {
			j++
		}
		switch {
		case j < nh:
			out[i].Piece = counts[j]
			counts[j]++
		case nh < len(holders):
			holders[nh], counts[nh] = p, 1
			nh++
			out[i].Piece = 0
		default:
			if seen == nil {
				seen = map[id.ID]int{}
			}
			out[i].Piece = seen[p]
			seen[p]++
		}
	}
	return out
}

func indexOf(l []id.ID, u id.ID) int {
	for i, x := range l {
		if x == u {
			return i
		}
	}
	return 0
}

// SlotAt returns the slot of the rotation containing t (-1 before the first
// handoff, or for an unknown rotation) and its bounds.
func SlotAt(s *Snapshot, rotationID id.ID, t time.Time) (k int, start, end time.Time) {
	r := s.index().rots[rotationID]
	if r == nil {
		return -1, time.Time{}, time.Time{}
	}
	k = r.slotAt(t)
	if k < 0 {
		return -1, time.Time{}, r.base
	}
	return k, r.slotStart(k), r.slotStart(k + 1)
}

// SlotBounds returns the start and end of slot k of a rotation.
func SlotBounds(s *Snapshot, rotationID id.ID, k int) (start, end time.Time, ok bool) {
	r := s.index().rots[rotationID]
	if r == nil || k < 0 {
		return time.Time{}, time.Time{}, false
	}
	return r.slotStart(k), r.slotStart(k + 1), true
}
