package oncall

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"wheelhouse/backend/id"
)

// Fair cover (docs/decisions/0013-fair-cover-and-replay.md): when the person
// whose turn it is is away, the turn goes to whoever of the others carried
// the least on-call time in this rotation lately.

// Weights of on-call time: an hour on call counts 1, plus NightWeight for
// an hour between 22:00 and 07:00 in the holder's zone, plus WeekendWeight
// for an hour of a Saturday or Sunday, or HolidayWeight instead for an hour
// of a holiday of their region (the compensation categories of the
// fairness report: a holiday on a weekend counts as a holiday). A night
// hour of a holiday counts 1 + 0.5 + 1 = 2.5.
const (
	NightWeight   = 0.5
	WeekendWeight = 0.5
	HolidayWeight = 1.0
)

// MinRecent is the shortest trailing window fair cover looks back over: the
// recent burden of slot k is the weighted on-call time of the pieces of this
// rotation that started in [start of k - recent, start of k), where recent
// is the longer of one full cycle of the rotation (participants x shift
// length) and MinRecent.
const MinRecent = 28 * 24 * time.Hour

// checkpointEvery: the walk keeps its state every this many slots, so a
// later window resumes from the checkpoint before it; or every trailing
// window's worth of slots when that is more (short turns: a checkpoint holds
// the pieces of a trailing window, so they stay no denser than the history).
const checkpointEvery = 64

// cpEvery is the checkpoint spacing of a rotation, in slots.
func cpEvery(r *rot) int {
	per := r.ShiftLength.approx()
	return max(checkpointEvery, int((recentWindow(r)+per-1)/per))
}

// Weighted is the weighted on-call time of [a, b) held by person (the
// weights above, in the person's zone and region).
func Weighted(s *Snapshot, person id.ID, a, b time.Time) time.Duration {
	if !a.Before(b) {
		return 0
	}
	// Fast path: while the zone keeps one UTC offset, local days are fixed
	// 24-hour stretches and the arithmetic needs no zone lookups. Two
	// offset changes are never less than a month apart, so the same offset
	// at both ends of a span up to 14 days means no change within it.
	loc := s.Zone(person)
	_, offA := a.In(loc).Zone()
	_, offB := b.Add(-1).In(loc).Zone()
	if offA != offB || b.Sub(a) > 14*24*time.Hour {
		return breakdown(s, person, a, b).weighted()
	}
	const day = int64(24 * time.Hour)
	const hour = int64(time.Hour)
	off := int64(offA) * int64(time.Second)
	la, lb := a.UnixNano()+off, b.UnixNano()+off
	hol := s.index().holDays[person]
	var h hours
	d0 := la / day
	if la < 0 && la%day != 0 {
		d0--
	}
	for d := d0; d*day < lb; d++ {
		ds, de := d*day, (d+1)*day
		ov := time.Duration(ovl(la, lb, ds, de))
		if ov <= 0 {
			continue
		}
		h.total += ov
		h.night += time.Duration(ovl(la, lb, ds, ds+7*hour) + ovl(la, lb, ds+22*hour, de))
		wd := ((d+4)%7 + 7) % 7 // 1970-01-01 was a Thursday; Sunday = 0
		switch {
		case hol[d]:
			h.cHoliday += ov
		case wd == 0 || wd == 6:
			h.cWeekend += ov
		}
	}
	return h.weighted()
}

func ovl(a, b, c, d int64) int64 {
	s, e := max(a, c), min(b, d)
	if s >= e {
		return 0
	}
	return e - s
}

func (h hours) weighted() time.Duration {
	return h.total + time.Duration(float64(h.night)*NightWeight) + time.Duration(float64(h.cWeekend)*WeekendWeight) +
		time.Duration(float64(h.cHoliday)*HolidayWeight)
}

// recentWindow is the trailing window of fair cover for a rotation.
func recentWindow(r *rot) time.Duration {
	return max(time.Duration(len(r.Participants))*r.ShiftLength.approx(), MinRecent)
}

// RecentWindow is the trailing window fair cover uses for a rotation.
func RecentWindow(r *Rotation) time.Duration {
	return max(time.Duration(len(r.Participants))*r.ShiftLength.approx(), MinRecent)
}

// held is a piece of on-call time of this rotation, for the burden; w is
// its weighted time once worked out (-1 before).
type held struct {
	person id.ID
	s, e   time.Time
	w      time.Duration
}

// remember records what slot's pieces gave to whom and forgets what left
// every future slot's trailing window.
func (w *walker) remember(pieces []Shift) {
	for i := range pieces {
		if p := &pieces[i]; !p.Gap && !p.PersonID.IsZero() {
			w.recent = append(w.recent, held{p.PersonID, p.Start, p.End, -1})
		}
	}
}

// prune forgets pieces that started before since.
func (w *walker) prune(since time.Time) {
	for w.rh < len(w.recent) && w.recent[w.rh].s.Before(since) {
		w.rh++
	}
	if w.rh > 256 && w.rh > len(w.recent)/2 {
		n := copy(w.recent, w.recent[w.rh:])
		w.recent, w.rh = w.recent[:n], 0
	}
}

// burdens is everyone's weighted on-call time in this rotation in the
// pieces that started at or after since (one pass; the map is reused).
func (w *walker) burdens(since time.Time) map[id.ID]time.Duration {
	if w.bm == nil {
		w.bm = map[id.ID]time.Duration{}
	} else {
		clear(w.bm)
	}
	for i := w.rh; i < len(w.recent); i++ {
		h := &w.recent[i]
		if h.s.Before(since) {
			continue
		}
		if h.w < 0 {
			h.w = Weighted(w.s, h.person, h.s, h.e)
		}
		w.bm[h.person] += h.w
	}
	return w.bm
}

// pickCover chooses who covers slot k for p, who is away: among the
// participants available for all of parts, the least recent burden; the
// holder of the turn before (w.prev) and whoever the rotation order (or a
// swap) gives the next turn are passed over unless nobody else is
// available; ties go to the first in rotation order after p. Zero when
// nobody is available. The note says why.
func (w *walker) pickCover(k int, sStart time.Time, p id.ID, parts []span) (id.ID, string) {
	r := w.r
	n := len(r.Participants)
	if w.s.legacyCover { // the rule before decision 0013, for the figures of docs/performance.md
		pi := indexOf(r.Participants, p)
		for j := 1; j < n; j++ {
			if c := r.Participants[(pi+j)%n]; c != p {
				if _, away := w.away(c, parts); !away {
					return c, "next available in rotation order"
				}
			}
		}
		return id.Nil, ""
	}
	since := sStart.Add(-w.recentFor)
	w.prune(since)
	next := w.nextScheduled(k)
	type cand struct {
		who id.ID
		b   time.Duration
		why string // why passed over
	}
	var best, fallback cand
	var passed []cand
	bm := w.burdens(since)
	pi := indexOf(r.Participants, p)
	for j := 1; j <= n; j++ {
		c := r.Participants[(pi+j)%n]
		if c == p {
			continue
		}
		if _, away := w.away(c, parts); away {
			continue
		}
		b := bm[c]
		why := ""
		switch {
		case c == w.prev:
			why = "turn just ended"
		case c == next:
			why = "turn comes next"
		}
		if why != "" {
			passed = append(passed, cand{c, b, why})
			if fallback.who.IsZero() || b < fallback.b {
				fallback = cand{c, b, why}
			}
			continue
		}
		if best.who.IsZero() || b < best.b {
			best = cand{c, b, ""}
		}
	}
	recent := spanText(w.recentFor)
	if best.who.IsZero() {
		if fallback.who.IsZero() {
			return id.Nil, ""
		}
		return fallback.who, fmt.Sprintf("nobody else available (%s, %s h on call in the last %s, weighted)",
			fallback.why, hoursText(fallback.b), recent)
	}
	var sb strings.Builder
	fmt.Fprintf(&sb, "least on-call in the last %s of those available (%s h, weighted)", recent, hoursText(best.b))
	for _, c := range passed {
		fmt.Fprintf(&sb, "; %s passed over (%s)", w.s.Name(c.who), c.why)
	}
	return best.who, sb.String()
}

// nextScheduled is who the rotation order (or a swap) gives turn k+1.
func (w *walker) nextScheduled(k int) id.ID {
	if other, ok := w.swaps[k+1]; ok && other >= 0 {
		return w.r.Participants[w.base(other)]
	}
	return w.r.Participants[w.base(k+1)]
}

// spanText is "6 weeks" or "30 days".
func spanText(d time.Duration) string {
	day := 24 * time.Hour
	switch days := int(d / day); {
	case d%(7*day) == 0:
		if d == 7*day {
			return "week"
		}
		return strconv.Itoa(days/7) + " weeks"
	case d%day == 0:
		return strconv.Itoa(days) + " days"
	}
	return strconv.FormatFloat(d.Hours(), 'f', -1, 64) + " hours"
}

// hoursText rounds to whole hours.
func hoursText(d time.Duration) string { return strconv.Itoa(int(d.Round(time.Hour) / time.Hour)) }

// checkpoint is the walk's state before slot k: what later slots depend on.
type checkpoint struct {
	k       int
	owed    map[id.ID][]int
	entries map[int]LedgerEntry // those owed refers to
	recent  []held
	prev    id.ID
}

func (w *walker) checkpoint(k int, sStart time.Time) *checkpoint {
	w.prune(sStart.Add(-w.recentFor))
	cp := &checkpoint{k: k, prev: w.prev, owed: make(map[id.ID][]int, len(w.owed))}
	for c, q := range w.owed {
		if len(q) == 0 {
			continue
		}
		cp.owed[c] = append([]int(nil), q...)
		for _, slot := range q {
			if cp.entries == nil {
				cp.entries = map[int]LedgerEntry{}
			}
			cp.entries[slot] = w.entries[slot]
		}
	}
	cp.recent = append([]held(nil), w.recent[w.rh:]...)
	return cp
}

// restore starts the walk from a checkpoint (copied: walks share it).
func (w *walker) restore(cp *checkpoint) {
	w.prev = cp.prev
	w.owed = make(map[id.ID][]int, len(cp.owed))
	for c, q := range cp.owed {
		w.owed[c] = append([]int(nil), q...)
	}
	if len(cp.entries) > 0 {
		w.entries = make(map[int]LedgerEntry, len(cp.entries))
		for k, e := range cp.entries {
			w.entries[k] = e
		}
	}
	w.recent, w.rh = append([]held(nil), cp.recent...), 0
	start := w.r.slotStart(cp.k)
	w.ovi = sort.Search(len(w.ovMax), func(i int) bool { return w.ovMax[i].After(start) })
}

// checkpoints of one rotation's walk in a snapshot: list[i] is the state
// before slot (i+1)*every, or nil when not held (a walk that resumed from a
// later checkpoint did not make it). stored are the checkpoints stored by an
// earlier session that match the snapshot's data (persist.go), by slot: one
// is read from the store when a walk first needs it.
type checkpoints struct {
	mu     sync.Mutex
	every  int
	list   []*checkpoint
	stored []storedRef
	load   func(key []byte) *checkpoint
}

// before returns the latest checkpoint at or before slot k (nil: none).
func (c *checkpoints) before(k int) *checkpoint {
	c.mu.Lock()
	defer c.mu.Unlock()
	var mem *checkpoint
	for i := min(k/c.every, len(c.list)); i > 0; i-- {
		if cp := c.list[i-1]; cp != nil {
			mem = cp
			break
		}
	}
	// A stored one between it and k is nearer.
	for j := len(c.stored) - 1; j >= 0 && c.load != nil; j-- {
		ref := c.stored[j]
		if ref.k > k {
			continue
		}
		if mem != nil && ref.k <= mem.k {
			break
		}
		cp := c.load(ref.key)
		if cp == nil || cp.k != ref.k {
			// gone or damaged: forget it (a copy: carried lists share arrays)
			c.stored = append(c.stored[:j:j], c.stored[j+1:]...)
			continue
		}
		c.put(cp)
		return cp
	}
	return mem
}

// wants reports whether the checkpoint before slot k is one to keep (a
// place not held yet).
func (c *checkpoints) wants(k int) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if k <= 0 || k%c.every != 0 {
		return false
	}
	i := k/c.every - 1
	return i >= len(c.list) || c.list[i] == nil
}

// keep holds a checkpoint at its place (one already held stays).
func (c *checkpoints) keep(cp *checkpoint) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.put(cp)
}

func (c *checkpoints) put(cp *checkpoint) {
	if cp.k <= 0 || cp.k%c.every != 0 {
		return
	}
	i := cp.k/c.every - 1
	for len(c.list) <= i {
		c.list = append(c.list, nil)
	}
	if c.list[i] == nil {
		c.list[i] = cp
	}
}

// checkpoints returns the rotation's checkpoint list in this snapshot.
func (ix *index) checkpoints(r *rot) *checkpoints {
	rotation := r.ID
	ix.cpMu.Lock()
	defer ix.cpMu.Unlock()
	c := ix.cps[rotation]
	if c == nil {
		if ix.cps == nil {
			ix.cps = map[id.ID]*checkpoints{}
		}
		c = &checkpoints{every: cpEvery(r)}
		ix.cps[rotation] = c
	}
	return c
}
