package oncall

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"

	"wheelhouse/backend/civil"
	"wheelhouse/backend/id"
	"wheelhouse/backend/tz"
)

// Gap is a stretch of required coverage nobody holds.
type Gap struct {
	// Schedule is the schedule's name (the rotation's name when it is a
	// schedule of its own).
	Schedule string `json:"schedule"`
	// TeamID is the team whose schedule it is (zero: a schedule of no team).
	TeamID      id.ID     `json:"teamId,omitzero" ts_type:"string"`
	RotationIDs []id.ID   `json:"rotationIds" ts_type:"string[]"` // the layers of the schedule
	Requirement Coverage  `json:"requirement"`
	Start       time.Time `json:"start" ts_type:"string"`
	End         time.Time `json:"end" ts_type:"string"`
	// Unstaffed: a rotation slot in this gap has nobody available (everyone
	// away); otherwise the gap is time no layer covers (a restriction, no
	// rotation yet).
	Unstaffed bool   `json:"unstaffed,omitempty"`
	Reason    string `json:"reason"`
}

// schedule groups the layers of one schedule.
type schedule struct {
	name string
	team id.ID
	rots []*rot
	req  Coverage
}

func schedules(s *Snapshot) []*schedule {
	ix := s.index()
	byKey := map[string]*schedule{}
	var out []*schedule
	for _, rid := range ix.order {
		r := ix.rots[rid]
		key, name := s.ScheduleOf(r.Rotation)
		sc := byKey[key]
		if sc == nil {
			sc = &schedule{name: name, req: CoverageNone}
			if strings.HasPrefix(key, "team:") {
				sc.team = r.TeamID
			}
			byKey[key] = sc
			out = append(out, sc)
		}
		sc.rots = append(sc.rots, r)
		if rank(r.RequiredCoverage) < rank(sc.req) {
			sc.req = r.RequiredCoverage
		}
	}
	for _, sc := range out {
		sort.SliceStable(sc.rots, func(i, j int) bool { return sc.rots[i].Layer < sc.rots[j].Layer })
	}
	return out
}

func rank(c Coverage) int {
	for i, x := range Coverages {
		if x == c {
			return i
		}
	}
	return len(Coverages)
}

// CoverageGaps returns the gaps in [from, to) against each schedule's required
// coverage (the strongest of its layers), on the schedule's final schedule
// (FinalShifts): 24x7 needs every instant covered by at least one layer; business_hours needs Monday to Friday 09:00-17:00
// in the zone of the schedule's first layer. Coverage is required from the
// schedule's first handoff on. Gaps are clipped to the window, in time order.
func CoverageGaps(s *Snapshot, from, to time.Time) []Gap {
	var out []Gap
	for _, sc := range schedules(s) {
		if sc.req == CoverageNone {
			continue
		}
		start := from
		first := sc.rots[0].base
		ids := make([]id.ID, len(sc.rots))
		for i, r := range sc.rots {
			ids[i] = r.ID
			if r.base.Before(first) {
				first = r.base
			}
		}
		// The final schedule: who a page reaches first (decision 0015);
		// its gaps are where no layer has anyone.
		rs := append([]*rot(nil), sc.rots...)
		finalOrder(rs)
		var covered, unstaffed []span
		for _, x := range finalOf(s, rs, from, to) {
			switch {
			case !x.Gap:
				covered = append(covered, span{x.Start, x.End})
			case x.Unstaffed:
				unstaffed = append(unstaffed, span{x.Start, x.End})
			}
		}
		start = maxT(start, first)
		if !start.Before(to) {
			continue
		}
		var required []span
		if sc.req == Coverage24x7 {
			required = []span{{start, to}}
		} else {
			required = businessHours(sc.rots[0].loc, start, to)
		}
		for _, g := range subtract(required, union(covered)) {
			gap := Gap{Schedule: sc.name, TeamID: sc.team, RotationIDs: ids, Requirement: sc.req, Start: g.s, End: g.e,
				Reason: "no layer of the schedule covers this time"}
			for _, u := range unstaffed {
				if u.overlaps(g) {
					gap.Unstaffed, gap.Reason = true, "nobody is available: everyone in the rotation is away"
					break
				}
			}
			out = append(out, gap)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Start.Before(out[j].Start) })
	return out
}

// businessHours is Monday to Friday 09:00-17:00 in loc, within [from, to).
func businessHours(loc *time.Location, from, to time.Time) []span {
	var out []span
	l := from.In(loc)
	y, mo, d := l.Date()
	for i := -1; ; i++ {
		ws := tz.WallTime(y, mo, d+i, 9, 0, loc)
		if !ws.Before(to) {
			break
		}
		if wd := time.Date(y, mo, d+i, 12, 0, 0, 0, loc).Weekday(); wd == time.Saturday || wd == time.Sunday {
			continue
		}
		we := tz.WallTime(y, mo, d+i, 17, 0, loc)
		if a, b := maxT(ws, from), minT(we, to); a.Before(b) {
			out = append(out, span{a, b})
		}
	}
	return out
}

// union merges spans into sorted, disjoint spans.
func union(in []span) []span {
	if len(in) == 0 {
		return nil
	}
	l := append([]span(nil), in...)
	sort.Slice(l, func(i, j int) bool { return l[i].s.Before(l[j].s) })
	out := l[:1]
	for _, x := range l[1:] {
		last := &out[len(out)-1]
		if !x.s.After(last.e) {
			if x.e.After(last.e) {
				last.e = x.e
			}
			continue
		}
		out = append(out, x)
	}
	return out
}

// subtract returns the parts of sorted disjoint a not covered by sorted
// disjoint b.
func subtract(a, b []span) []span {
	var out []span
	j := 0
	for _, x := range a {
		cur := x.s
		for j < len(b) && !b[j].e.After(cur) {
			j++
		}
		for k := j; k < len(b) && b[k].s.Before(x.e); k++ {
			if b[k].s.After(cur) {
				out = append(out, span{cur, b[k].s})
			}
			if b[k].e.After(cur) {
				cur = b[k].e
			}
		}
		if cur.Before(x.e) {
			out = append(out, span{cur, x.e})
		}
	}
	return out
}

// hours is a breakdown of on-call time.
type hours struct {
	total, weekend, holiday, night time.Duration
	// compensation categories: a holiday counts as holiday even on a weekend
	cWeekday, cWeekend, cHoliday time.Duration
}

func (h *hours) add(o hours) {
	h.total += o.total
	h.weekend += o.weekend
	h.holiday += o.holiday
	h.night += o.night
	h.cWeekday += o.cWeekday
	h.cWeekend += o.cWeekend
	h.cHoliday += o.cHoliday
}

// breakdown splits [a, b) by the person's local days: weekends, their
// region's holidays and nights (22:00-07:00 local).
func breakdown(s *Snapshot, person id.ID, a, b time.Time) hours {
	var h hours
	if !a.Before(b) {
		return h
	}
	loc := s.Zone(person)
	l := a.In(loc)
	y, mo, d := l.Date()
	for i := 0; ; i++ {
		ds := tz.WallTime(y, mo, d+i, 0, 0, loc)
		if !ds.Before(b) {
			break
		}
		de := tz.WallTime(y, mo, d+i+1, 0, 0, loc)
		ov := overlap(a, b, ds, de)
		if ov <= 0 {
			continue
		}
		noon := time.Date(y, mo, d+i, 12, 0, 0, 0, loc)
		wd := noon.Weekday()
		weekend := wd == time.Saturday || wd == time.Sunday
		_, holiday := s.HolidayOf(person, noon.Format(civil.Layout))
		h.total += ov
		h.night += overlap(a, b, ds, tz.WallTime(y, mo, d+i, 7, 0, loc)) + overlap(a, b, tz.WallTime(y, mo, d+i, 22, 0, loc), de)
		switch {
		case holiday:
			h.holiday += ov
			h.cHoliday += ov
			if weekend {
				h.weekend += ov
			}
		case weekend:
			h.weekend += ov
			h.cWeekend += ov
		default:
			h.cWeekday += ov
		}
	}
	return h
}

func overlap(a, b, c, d time.Time) time.Duration {
	s, e := maxT(a, c), minT(b, d)
	if !s.Before(e) {
		return 0
	}
	return e.Sub(s)
}

func hrs(d time.Duration) float64 { return math.Round(d.Hours()*100) / 100 }

// FairnessRow is one person's on-call load in a window.
type FairnessRow struct {
	PersonID     id.ID   `json:"personId" ts_type:"string"`
	Name         string  `json:"name"`
	Shifts       int     `json:"shifts"` // turns held (a turn cut into pieces counts once)
	Overrides    int     `json:"overrides"`
	Hours        float64 `json:"hours"`
	WeekendHours float64 `json:"weekendHours"` // Saturday and Sunday in the person's zone
	HolidayHours float64 `json:"holidayHours"` // holidays of the person's region
	NightHours   float64 `json:"nightHours"`   // 22:00-07:00 in the person's zone
	// WeeksOnCall is how many weeks of turns they held: each turn counts
	// its length in weeks (at most 1: a two-week turn in a window counts
	// like one week, a day counts 1/7) times the share of it they held in
	// the window, rounded to 0.1. A turn across two calendar weeks counts
	// once, not twice.
	WeeksOnCall float64 `json:"weeksOnCall"`
	Weeks       int     `json:"weeks"`
	Frequency   float64 `json:"frequency"` // WeeksOnCall / Weeks
	// TooFrequent: on call in more than one week in four (over at least four weeks).
	TooFrequent bool `json:"tooFrequent"`
	// Heavier: their hours are at least HeavierRatio times the median of the
	// others' (and a day more): a load that is not shared evenly.
	Heavier bool `json:"heavier"`
	// LongestStretch is the longest time they were on call without a break,
	// in hours (turns back to back, a replacement on top of their own turn);
	// LongStretch flags one longer than a turn of their longest rotation.
	LongestStretch float64 `json:"longestStretch"`
	LongStretch    bool    `json:"longStretch"`
	Owes           int     `json:"owes"`     // turns others covered for them, not paid back
	Owed           int     `json:"owed"`     // turns they covered for others, not paid back
	PaidBack       int     `json:"paidBack"` // turns they owed and paid back
	// FirstHours: hours in the window they were the first a page reaches,
	// from their teams' final schedules (decision 0015): a secondary's
	// hours count only where the primary had nobody.
	FirstHours float64 `json:"firstHours"`
	// Paging (imported pages created in the window, whose responder they
	// are; filled by pages.Service.Fairness, zero without paging history):
	// pages, those in sleep hours (22:00–08:00 their time), pages per
	// on-call day.
	Pages             int     `json:"pages"`
	SleepPages        int     `json:"sleepPages"`
	PagesPerOnCallDay float64 `json:"pagesPerOnCallDay"`
}

// FairnessReport is the fairness table of a window.
type FairnessReport struct {
	From     time.Time     `json:"from" ts_type:"string"`
	To       time.Time     `json:"to" ts_type:"string"`
	Rows     []FairnessRow `json:"rows"`
	Ledger   []LedgerEntry `json:"ledger"`
	Warnings []string      `json:"warnings"`
	// PagingImported: paging history exists, so the paging columns and
	// warnings are judged (pages.Service.Fairness).
	PagingImported bool `json:"pagingImported"`
}

// FrequencyLimit: being on call in more than this fraction of weeks is flagged.
const FrequencyLimit = 0.25

// HeavierRatio: hours this many times the others' median (and at least a day
// more) are flagged as an uneven load.
const HeavierRatio = 1.5

// Fairness measures each person's on-call load in [from, to): every
// participant of a rotation gets a row, plus anyone who held a shift.
func Fairness(s *Snapshot, from, to time.Time) FairnessReport {
	rep := FairnessReport{From: from, To: to, Rows: []FairnessRow{}, Ledger: []LedgerEntry{}, Warnings: []string{}}
	if !from.Before(to) {
		return rep
	}
	week := 7 * 24 * time.Hour
	nWeeks := int((to.Sub(from) + week - 1) / week)
	type acc struct {
		row   FairnessRow
		h     hours
		turns map[string]bool
		weeks float64
		spans []span        // what they held, for the longest stretch
		turn  time.Duration // the longest turn of their rotations
		// firstHours: time they were first to be paged (final schedules)
		firstHours time.Duration
	}
	rows := map[id.ID]*acc{}
	var order []id.ID
	get := func(p id.ID) *acc {
		a := rows[p]
		if a == nil {
			a = &acc{row: FairnessRow{PersonID: p, Name: s.Name(p), Weeks: nWeeks}, turns: map[string]bool{}}
			rows[p] = a
			order = append(order, p)
		}
		return a
	}
	for _, r := range s.Rotations {
		for _, p := range r.Participants {
			a := get(p)
			a.turn = max(a.turn, r.ShiftLength.approx())
		}
	}
	ix := s.index()
	computed := make(map[id.ID][]Shift, len(ix.order))
	for _, rid := range ix.order {
		sch := Compute(s, rid, from, to)
		computed[rid] = sch.Shifts
		r := ix.rots[rid]
		// Each turn's share in weeks goes to whoever held it, in proportion
		// to the hours held in the window; a turn of an unrestricted
		// rotation lasts its shift length, a restricted one its pieces.
		turnWeeks := min(1, float64(r.ShiftLength.approx())/float64(week))
		slotTotal := map[int]time.Duration{}
		if r.Restriction != nil {
			for _, x := range sch.Shifts {
				slotTotal[x.Slot] += x.End.Sub(x.Start)
			}
		}
		for _, x := range sch.Shifts {
			if x.Gap {
				continue
			}
			a, b := maxT(x.Start, from), minT(x.End, to)
			if !a.Before(b) {
				continue
			}
			ac := get(x.PersonID)
			ac.turns[fmt.Sprint(x.RotationID, x.Slot)] = true
			ac.spans = append(ac.spans, span{a, b})
			if x.Reason == ReasonOverride {
				ac.row.Overrides++
			}
			ac.h.add(breakdown(s, x.PersonID, a, b))
			total := slotTotal[x.Slot]
			if r.Restriction == nil {
				total = r.ShiftLength.approx()
			}
			if total > 0 {
				ac.weeks += turnWeeks * min(1, float64(b.Sub(a))/float64(total))
			}
		}
		for _, e := range sch.Ledger {
			rep.Ledger = append(rep.Ledger, e)
			if e.PaidBack {
				get(e.Skipped).row.PaidBack++
			} else {
				get(e.Skipped).row.Owes++
				get(e.CoveredBy).row.Owed++
			}
		}
	}
	// Hours as the first a page reaches: each schedule's final schedule,
	// from the shifts computed above.
	seen := map[string]bool{}
	for _, rid := range ix.order {
		key, _ := s.ScheduleOf(ix.rots[rid].Rotation)
		if seen[key] {
			continue
		}
		seen[key] = true
		for _, x := range finalFrom(scheduleRots(s, key), func(r *rot) []Shift { return computed[r.ID] }, from, to) {
			if !x.Gap {
				get(x.PersonID).firstHours += x.End.Sub(x.Start)
			}
		}
	}
	for _, p := range order {
		ac := rows[p]
		r := &ac.row
		r.FirstHours = hrs(ac.firstHours)
		r.Shifts = len(ac.turns)
		r.Hours, r.WeekendHours, r.HolidayHours, r.NightHours = hrs(ac.h.total), hrs(ac.h.weekend), hrs(ac.h.holiday), hrs(ac.h.night)
		r.WeeksOnCall = math.Round(ac.weeks*10) / 10
		if nWeeks > 0 {
			r.Frequency = math.Round(ac.weeks/float64(nWeeks)*1000) / 1000
		}
		r.TooFrequent = nWeeks >= 4 && r.Frequency > FrequencyLimit
		if r.TooFrequent {
			rep.Warnings = append(rep.Warnings, fmt.Sprintf("%s is on call in %s of %d weeks (more than 1 in 4).", r.Name, strconv.FormatFloat(r.WeeksOnCall, 'f', -1, 64), nWeeks))
		}
		if st := longest(union(ac.spans)); st.e.After(st.s) {
			r.LongestStretch = hrs(st.e.Sub(st.s))
			turn := ac.turn
			if turn == 0 {
				turn = week
			}
			// An hour of slack: a handoff moved by DST is not a long stretch.
			if st.e.Sub(st.s) > turn+time.Hour {
				r.LongStretch = true
				loc, ok := tz.Load(s.People[p].TimeZone)
				if !ok {
					loc = time.UTC
				}
				rep.Warnings = append(rep.Warnings, fmt.Sprintf("%s is on call %s straight (%s to %s): longer than one turn.",
					r.Name, stretchText(st.e.Sub(st.s)), st.s.In(loc).Format("Mon 2 Jan 15:04"), st.e.In(loc).Format("Mon 2 Jan 15:04")))
			}
		}
		rep.Rows = append(rep.Rows, *r)
	}
	// An uneven load: hours far above what the others carry.
	if len(rep.Rows) >= 2 {
		for i := range rep.Rows {
			var others []float64
			for j, o := range rep.Rows {
				if j != i {
					others = append(others, o.Hours)
				}
			}
			med := median(others)
			r := &rep.Rows[i]
			if r.Hours >= 24 && r.Hours-med >= 24 && (med == 0 || r.Hours >= HeavierRatio*med) {
				r.Heavier = true
				if med == 0 {
					rep.Warnings = append(rep.Warnings, fmt.Sprintf("%s carries all the on-call hours (%s h); the others have none.", r.Name, strconv.FormatFloat(r.Hours, 'f', -1, 64)))
				} else {
					rep.Warnings = append(rep.Warnings, fmt.Sprintf("%s has %s h on call, %s times the others' median of %s h.", r.Name,
						strconv.FormatFloat(r.Hours, 'f', -1, 64), strconv.FormatFloat(math.Round(r.Hours/med*10)/10, 'f', -1, 64), strconv.FormatFloat(med, 'f', -1, 64)))
				}
			}
		}
	}
	sort.SliceStable(rep.Rows, func(i, j int) bool {
		if rep.Rows[i].Hours != rep.Rows[j].Hours {
			return rep.Rows[i].Hours > rep.Rows[j].Hours
		}
		return strings.ToLower(rep.Rows[i].Name) < strings.ToLower(rep.Rows[j].Name)
	})
	sort.SliceStable(rep.Ledger, func(i, j int) bool { return rep.Ledger[i].Start.Before(rep.Ledger[j].Start) })
	return rep
}

// longest is the longest of merged spans (zero span when none).
func longest(ss []span) span {
	var best span
	for _, x := range ss {
		if x.e.Sub(x.s) > best.e.Sub(best.s) {
			best = x
		}
	}
	return best
}

func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	c := append([]float64(nil), xs...)
	sort.Float64s(c)
	if len(c)%2 == 1 {
		return c[len(c)/2]
	}
	return (c[len(c)/2-1] + c[len(c)/2]) / 2
}

// stretchText: "14 days", "9 days 12 h", "30 h".
func stretchText(d time.Duration) string {
	h := int(math.Round(d.Hours()))
	if h < 48 {
		return fmt.Sprintf("%d h", h)
	}
	if h%24 == 0 {
		return fmt.Sprintf("%d days", h/24)
	}
	return fmt.Sprintf("%d days %d h", h/24, h%24)
}
