package oncall

import (
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"wheelhouse/backend/civil"
	"wheelhouse/backend/id"
	"wheelhouse/backend/tz"
)

// PersonInfo is what the math needs to know about a person.
type PersonInfo struct {
	Name     string `json:"name"`
	TimeZone string `json:"timezone"`
	Archived bool   `json:"archived,omitempty"`
}

// Snapshot is everything the on-call math reads, loaded in one transaction
// (Service.Snapshot, LoadTx) or built by hand in tests. The functions of this
// package treat it as read-only; it builds its lookup tables once, on first
// use, and is then safe for concurrent use.
type Snapshot struct {
	Rotations []Rotation
	TimeOff   []TimeOff
	Regions   []Region
	Overrides []Override
	Swaps     []Swap
	People    map[id.ID]PersonInfo
	Teams     map[id.ID]string // team names, for grouping rotations into schedules
	Settings  Settings

	once sync.Once
	ix   *index
	// legacyCover: cover by the next available in rotation order, the rule
	// before decision 0013 (set only by tests, to measure the difference).
	legacyCover bool
	// carry: walk checkpoints taken over from the snapshot this one
	// replaces (cache.go), seeded into the index; stored: checkpoints stored
	// by an earlier session that match this data (persist.go), read with
	// loadCP when a walk needs one.
	carry  map[id.ID][]*checkpoint
	stored map[id.ID][]storedRef
	loadCP func(key []byte) *checkpoint
}

// span is a half-open instant range [s, e).
type span struct{ s, e time.Time }

func (a span) overlaps(b span) bool { return a.s.Before(b.e) && b.s.Before(a.e) }

// away is a span in which a person is unavailable, with the reason.
type away struct {
	span
	why string
}

// awayList is sorted by start; maxEnd[i] is the latest end among [0, i].
type awayList struct {
	spans  []away
	maxEnd []time.Time
}

// overlap returns the first span (by start) overlapping [s, e), if any.
func (l *awayList) overlap(s, e time.Time) (away, bool) {
	// spans[i] with start < e are candidates.
	n := sort.Search(len(l.spans), func(i int) bool { return !l.spans[i].s.Before(e) })
	if n == 0 || !l.maxEnd[n-1].After(s) {
		return away{}, false
	}
	// Every span before the first whose running latest end is after s ends
	// at or before s: start there, not at the beginning of history.
	i0 := sort.Search(n, func(i int) bool { return l.maxEnd[i].After(s) })
	for i := i0; i < n; i++ {
		if l.spans[i].e.After(s) {
			return l.spans[i], true
		}
	}
	return away{}, false
}

type index struct {
	rots      map[id.ID]*rot
	order     []id.ID // rotations in snapshot order
	away      map[id.ID]*awayList
	zones     map[id.ID]*time.Location
	holidays  map[id.ID]map[string]string // person -> date -> holiday name
	holDays   map[id.ID]map[int64]bool    // person -> civil day number (days since 1970-01-01) of each holiday
	overrides map[id.ID][]Override        // rotation -> sorted by start
	ovMaxEnd  map[id.ID][]time.Time       // rotation -> latest end among overrides[:i+1]
	swaps     map[id.ID]map[int]int       // rotation -> slot -> partner slot
	// checkpoints of each rotation's walk (fair.go), made as Compute walks
	cpMu sync.Mutex
	cps  map[id.ID]*checkpoints
}

func (s *Snapshot) index() *index {
	s.once.Do(func() { s.ix = buildIndex(s) })
	return s.ix
}

// Zone returns the location of a person (UTC when unknown).
func (s *Snapshot) Zone(person id.ID) *time.Location {
	if loc, ok := s.index().zones[person]; ok {
		return loc
	}
	return time.UTC
}

// Name returns a person's name ("(unknown person)" when missing).
func (s *Snapshot) Name(person id.ID) string {
	if p, ok := s.People[person]; ok {
		return p.Name
	}
	if person.IsZero() {
		return "nobody"
	}
	return "(unknown person)"
}

// ScheduleOf says which schedule a rotation is a layer of (see ScheduleOf):
// its team, its old schedule name, or itself.
func (s *Snapshot) ScheduleOf(r *Rotation) (key, name string) { return ScheduleOf(r, s.Teams) }

// Rotation returns the rotation with that id.
func (s *Snapshot) Rotation(u id.ID) (*Rotation, bool) {
	r, ok := s.index().rots[u]
	if !ok {
		return nil, false
	}
	return r.Rotation, true
}

// HolidayOf returns the holiday name of the person's region on a civil date.
func (s *Snapshot) HolidayOf(person id.ID, date string) (string, bool) {
	n, ok := s.index().holidays[person][date]
	return n, ok
}

// Unavailable reports whether the person has time off or a holiday
// overlapping [start, end), and why.
func (s *Snapshot) Unavailable(person id.ID, start, end time.Time) (string, bool) {
	l := s.index().away[person]
	if l == nil {
		return "", false
	}
	a, ok := l.overlap(start, end)
	return a.why, ok
}

func buildIndex(s *Snapshot) *index {
	ix := &index{rots: map[id.ID]*rot{}, away: map[id.ID]*awayList{}, zones: map[id.ID]*time.Location{},
		holidays: map[id.ID]map[string]string{}, holDays: map[id.ID]map[int64]bool{}, overrides: map[id.ID][]Override{}, swaps: map[id.ID]map[int]int{}}
	for pid, p := range s.People {
		loc, ok := tz.Load(p.TimeZone)
		if !ok {
			loc = time.UTC
		}
		ix.zones[pid] = loc
	}
	zone := func(p id.ID) *time.Location {
		if l, ok := ix.zones[p]; ok {
			return l
		}
		return time.UTC
	}
	for i := range s.Rotations {
		r := compile(&s.Rotations[i])
		if r == nil {
			continue
		}
		ix.rots[r.ID] = r
		ix.order = append(ix.order, r.ID)
	}
	lists := map[id.ID][]away{}
	for i := range s.TimeOff {
		t := &s.TimeOff[i]
		sp, ok := t.Span(zone(t.PersonID))
		if !ok {
			continue
		}
		why := PublicReason(t.Kind) // reasons reach shared calendars: the note and sick leave stay private (docs/privacy.md)
		lists[t.PersonID] = append(lists[t.PersonID], away{span{sp[0], sp[1]}, why})
	}
	// A holiday is the whole local day of each member; members share zones,
	// so each (zone, holiday) is worked out once.
	type dayKey struct {
		loc  *time.Location
		date string
	}
	days := map[dayKey]span{}
	for i := range s.Regions {
		rg := &s.Regions[i]
		for _, m := range rg.MemberIDs {
			loc := zone(m)
			hm := ix.holidays[m]
			if hm == nil {
				hm = make(map[string]string, len(rg.Holidays))
				ix.holidays[m] = hm
			}
			hd := ix.holDays[m]
			if hd == nil {
				hd = make(map[int64]bool, len(rg.Holidays))
				ix.holDays[m] = hd
			}
			for _, h := range rg.Holidays {
				sp, ok := days[dayKey{loc, h.Date}]
				if !ok {
					d, valid := civil.Parse(h.Date)
					if !valid {
						continue
					}
					y, mo, dd := d.Date()
					sp = span{tz.WallTime(y, mo, dd, 0, 0, loc), tz.WallTime(y, mo, dd+1, 0, 0, loc)}
					days[dayKey{loc, h.Date}] = sp
				}
				if d, valid := civil.Parse(h.Date); valid {
					hd[time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, time.UTC).Unix()/86400] = true
				}
				hm[h.Date] = h.Name
				lists[m] = append(lists[m], away{sp, "holiday: " + h.Name})
			}
		}
	}
	for p, l := range lists {
		// slices, not sort.Slice: its reflection swapper was a tenth of
		// building the index
		slices.SortFunc(l, func(a, b away) int {
			if c := a.s.Compare(b.s); c != 0 {
				return c
			}
			if c := b.e.Compare(a.e); c != 0 {
				return c
			}
			return strings.Compare(a.why, b.why)
		})
		al := &awayList{spans: l, maxEnd: make([]time.Time, len(l))}
		var mx time.Time
		for i, a := range l {
			if a.e.After(mx) {
				mx = a.e
			}
			al.maxEnd[i] = mx
		}
		ix.away[p] = al
	}
	counts := map[id.ID]int{}
	for i := range s.Overrides {
		counts[s.Overrides[i].RotationID]++
	}
	for i := range s.Overrides {
		o := &s.Overrides[i]
		if ix.overrides[o.RotationID] == nil {
			ix.overrides[o.RotationID] = make([]Override, 0, counts[o.RotationID])
		}
		ix.overrides[o.RotationID] = append(ix.overrides[o.RotationID], *o)
	}
	ix.ovMaxEnd = map[id.ID][]time.Time{}
	for rid, l := range ix.overrides {
		slices.SortStableFunc(l, func(a, b Override) int { return a.Start.Compare(b.Start) })
		mx := make([]time.Time, len(l))
		var m time.Time
		for i, o := range l {
			if o.End.After(m) {
				m = o.End
			}
			mx[i] = m
		}
		ix.ovMaxEnd[rid] = mx
	}
	for rid, l := range s.carry {
		if c := ix.seed(rid, s.loadCP); c != nil {
			c.list = l
		}
	}
	ix.seedStored(s.stored, s.loadCP)
	for _, sw := range s.Swaps {
		m := ix.swaps[sw.RotationID]
		if m == nil {
			m = map[int]int{}
			ix.swaps[sw.RotationID] = m
		}
		m[sw.SlotA] = sw.SlotB
		m[sw.SlotB] = sw.SlotA
	}
	return ix
}

// seed is the checkpoint list of a rotation of the index, made with load
// when it is new (nil: no such rotation). Only while the index is built,
// before any walk.
func (ix *index) seed(rid id.ID, load func(key []byte) *checkpoint) *checkpoints {
	r := ix.rots[rid]
	if r == nil {
		return nil
	}
	if ix.cps == nil {
		ix.cps = map[id.ID]*checkpoints{}
	}
	c := ix.cps[rid]
	if c == nil {
		c = &checkpoints{every: cpEvery(r), load: load}
		ix.cps[rid] = c
	}
	return c
}

// seedStored gives the index the stored checkpoints that match its data
// (persist.go), read with load when a walk needs one.
func (ix *index) seedStored(stored map[id.ID][]storedRef, load func(key []byte) *checkpoint) {
	for rid, l := range stored {
		if c := ix.seed(rid, load); c != nil {
			c.stored = l
		}
	}
}

// Span returns the instants [start, end) of the time off; civil dates are
// whole days in loc (the person's zone).
func (t *TimeOff) Span(loc *time.Location) ([2]time.Time, bool) {
	if t.StartDate != "" {
		s, ok1 := civil.Parse(t.StartDate)
		e, ok2 := civil.Parse(t.EndDate)
		if !ok1 || !ok2 || e.Before(s) {
			return [2]time.Time{}, false
		}
		return [2]time.Time{
			tz.WallTime(s.Year(), s.Month(), s.Day(), 0, 0, loc),
			tz.WallTime(e.Year(), e.Month(), e.Day()+1, 0, 0, loc),
		}, true
	}
	if t.Start.IsZero() || !t.End.After(t.Start) {
		return [2]time.Time{}, false
	}
	return [2]time.Time{t.Start, t.End}, true
}

// EndBound is an instant at or after the end of the time off in any zone
// (civil days end at most 12 hours after UTC midnight, in UTC-12; 15 hours
// leaves a margin).
func (t *TimeOff) EndBound() time.Time {
	if t.EndDate != "" {
		if e, ok := civil.Parse(t.EndDate); ok {
			return e.AddDate(0, 0, 1).Add(15 * time.Hour)
		}
	}
	return t.End
}

// StartBound is an instant at or before the start of the time off in any
// zone (civil days start at most 14 hours before UTC midnight, in UTC+14).
func (t *TimeOff) StartBound() time.Time {
	if t.StartDate != "" {
		if s, ok := civil.Parse(t.StartDate); ok {
			return s.Add(-15 * time.Hour)
		}
	}
	return t.Start
}
