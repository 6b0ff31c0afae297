package pages

import (
	"fmt"
	"slices"
	"sort"
	"time"

	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/errs"
	"wheelhouse/backend/id"
	"wheelhouse/backend/oncall"
	"wheelhouse/backend/store"
	"wheelhouse/backend/tz"
)

// On-call health (issue 11 part 5): how much the pages of a window cost the
// people who answered them. Health is pure: pages, shifts and the on-call
// snapshot (names, zones, rotations, teams) in, numbers and flags out. The
// rules are in decision 0014, "On-call health".

// Interruption bands, in the responder's local time.
const (
	BandBusiness = "business" // 08:00–18:00, Monday to Friday
	BandOff      = "off"      // 18:00–22:00 weekdays, 08:00–22:00 weekends
	BandSleep    = "sleep"    // 22:00–08:00, every day
)

// BandOf says in which band an instant falls for someone in loc (UTC when
// nil): by the local wall clock, so a DST change moves the bands with it.
func BandOf(t time.Time, loc *time.Location) string {
	if loc == nil {
		loc = time.UTC
	}
	l := t.In(loc)
	h := l.Hour()
	switch {
	case h >= 22 || h < 8:
		return BandSleep
	case l.Weekday() == time.Saturday || l.Weekday() == time.Sunday || h >= 18:
		return BandOff
	}
	return BandBusiness
}

// HealthOptions are the thresholds of the computation; zero values take
// the defaults.
type HealthOptions struct {
	PagesPerDay  float64       // flag above this many pages per on-call day (2)
	AutoResolve  time.Duration // resolved without ack within this is auto-resolved (5 minutes)
	MTTARise     float64       // flag when the last 4 weeks' median MTTA exceeds the previous 4 weeks' by more than this share (0.25)
	MTTAMinPages int           // pages with a time to acknowledge each 4 weeks need (3)
	Noisiest     int           // alerts and services listed (10)
}

// Defaults of HealthOptions.
const (
	DefaultPagesPerDay  = 2
	DefaultAutoResolve  = 5 * time.Minute
	DefaultMTTARise     = 0.25
	DefaultMTTAMinPages = 3
	DefaultNoisiest     = 10
)

func (o HealthOptions) withDefaults() HealthOptions {
	if o.PagesPerDay <= 0 {
		o.PagesPerDay = DefaultPagesPerDay
	}
	if o.AutoResolve <= 0 {
		o.AutoResolve = DefaultAutoResolve
	}
	if o.MTTARise <= 0 {
		o.MTTARise = DefaultMTTARise
	}
	if o.MTTAMinPages <= 0 {
		o.MTTAMinPages = DefaultMTTAMinPages
	}
	if o.Noisiest <= 0 {
		o.Noisiest = DefaultNoisiest
	}
	return o
}

// Load is the paging load of a person, a rotation or a team in the window.
type Load struct {
	Pages    int `json:"pages"`
	Business int `json:"business"`
	OffHours int `json:"offHours"`
	Sleep    int `json:"sleep"`
	// Shifts overlapping the window and on-call days in it (on-call time,
	// overlaps counted once, clipped to the window, over 24 hours).
	Shifts            int     `json:"shifts"`
	OnCallDays        float64 `json:"onCallDays"`
	PagesPerShift     float64 `json:"pagesPerShift"`     // 0 without shifts
	PagesPerOnCallDay float64 `json:"pagesPerOnCallDay"` // 0 without on-call time
	// Medians over the pages that have them; nil when none has.
	MTTASeconds *float64 `json:"mttaSeconds"`
	MTTRSeconds *float64 `json:"mttrSeconds"`
}

// WeekLoad is a Load of one ISO week ("2026-W46", in the responder's zone).
// A person's weeks count their shifts and on-call days in that week (cut
// at their local Monday 00:00); a rotation's or team's weeks count pages
// only (their Shifts and OnCallDays are 0).
type WeekLoad struct {
	Week string `json:"week"`
	Load
}

// PersonHealth is the health of one responder.
type PersonHealth struct {
	PersonID id.ID  `json:"personId" ts_type:"string"`
	Person   string `json:"person"` // name
	TimeZone string `json:"timezone"`
	Load
	Weeks []WeekLoad `json:"weeks"`
}

// GroupHealth is the health of a rotation or a team.
type GroupHealth struct {
	ID   id.ID  `json:"id" ts_type:"string"`
	Name string `json:"name"`
	Load
	Weeks []WeekLoad `json:"weeks"`
}

// Noise is how often one alert title or service paged.
type Noise struct {
	Name              string  `json:"name"`
	Pages             int     `json:"pages"`
	AutoResolvedShare float64 `json:"autoResolvedShare"` // resolved without ack within AutoResolve
	UnackedShare      float64 `json:"unackedShare"`      // resolved without ack
}

// Flag kinds.
const (
	FlagPagesPerDay = "pagesPerDay"
	FlagSleep       = "sleep"
	FlagMTTARising  = "mttaRising"
)

// Flag is a reason to look at someone's on-call load.
type Flag struct {
	PersonID id.ID  `json:"personId" ts_type:"string"`
	Kind     string `json:"kind"`
	Week     string `json:"week,omitempty"` // FlagSleep: the ISO week
	Reason   string `json:"reason"`
}

// HealthReport is the on-call health of a window [From, To).
type HealthReport struct {
	From       time.Time      `json:"from" ts_type:"string"`
	To         time.Time      `json:"to" ts_type:"string"`
	Pages      int            `json:"pages"`       // pages created in the window
	NoResponse int            `json:"noResponder"` // of which nobody is the responder
	People     []PersonHealth `json:"people"`      // most pages first
	Rotations  []GroupHealth  `json:"rotations"`
	Teams      []GroupHealth  `json:"teams"`
	Alerts     []Noise        `json:"alerts"`   // noisiest titles
	Services   []Noise        `json:"services"` // noisiest services
	Flags      []Flag         `json:"flags"`
}

// AckSecs is the page's time to acknowledge, if it was acknowledged.
func (p *Page) AckSecs() (int64, bool) {
	if p.AckSeconds != nil {
		return *p.AckSeconds, true
	}
	if !p.Acknowledged.IsZero() && !p.Created.IsZero() {
		return int64(p.Acknowledged.Sub(p.Created) / time.Second), true
	}
	return 0, false
}

// ResolveSecs is the page's time to resolve, if it was resolved.
func (p *Page) ResolveSecs() (int64, bool) {
	if p.ResolveSeconds != nil {
		return *p.ResolveSeconds, true
	}
	if !p.Resolved.IsZero() && !p.Created.IsZero() {
		return int64(p.Resolved.Sub(p.Created) / time.Second), true
	}
	return 0, false
}

// Median of v (sorted in place); nil when v is empty.
func Median(v []int64) *float64 {
	if len(v) == 0 {
		return nil
	}
	slices.Sort(v)
	m := len(v) / 2
	x := float64(v[m])
	if len(v)%2 == 0 {
		x = (float64(v[m-1]) + float64(v[m])) / 2
	}
	return &x
}

// ISOWeek names the ISO week of t in loc: "2026-W05".
func ISOWeek(t time.Time, loc *time.Location) string {
	y, w := t.In(loc).ISOWeek()
	return fmt.Sprintf("%04d-W%02d", y, w)
}

// weeksOf cuts a shift, clipped to [from, to), at the local Mondays 00:00
// of loc: one piece per ISO week it touches.
func weeksOf(s oncall.Shift, from, to time.Time, loc *time.Location) []oncall.Shift {
	st, en := s.Start, s.End
	if st.Before(from) {
		st = from
	}
	if en.After(to) {
		en = to
	}
	var out []oncall.Shift
	for st.Before(en) {
		l := st.In(loc)
		back := (int(l.Weekday()) + 6) % 7 // days since Monday
		next := tz.WallTime(l.Year(), l.Month(), l.Day()-back+7, 0, 0, loc)
		if next.After(en) || !next.After(st) {
			next = en
		}
		p := s
		p.Start, p.End = st, next
		out = append(out, p)
		st = next
	}
	return out
}

// acc accumulates a Load.
type acc struct {
	l          Load
	acks, ress []int64
	spans      []interval
}

type interval struct{ s, e time.Time }

func (a *acc) add(p *Page, band string) {
	a.l.Pages++
	switch band {
	case BandBusiness:
		a.l.Business++
	case BandOff:
		a.l.OffHours++
	case BandSleep:
		a.l.Sleep++
	}
	if s, ok := p.AckSecs(); ok {
		a.acks = append(a.acks, s)
	}
	if s, ok := p.ResolveSecs(); ok {
		a.ress = append(a.ress, s)
	}
}

func (a *acc) shift(s oncall.Shift, from, to time.Time) {
	a.l.Shifts++
	st, en := s.Start, s.End
	if st.Before(from) {
		st = from
	}
	if en.After(to) {
		en = to
	}
	if en.After(st) {
		a.spans = append(a.spans, interval{st, en})
	}
}

func (a *acc) load() Load {
	l := a.l
	sort.Slice(a.spans, func(i, j int) bool { return a.spans[i].s.Before(a.spans[j].s) })
	var total time.Duration
	var cur interval
	for i, s := range a.spans {
		switch {
		case i == 0:
			cur = s
		case !s.s.After(cur.e):
			if s.e.After(cur.e) {
				cur.e = s.e
			}
		default:
			total += cur.e.Sub(cur.s)
			cur = s
		}
	}
	if len(a.spans) > 0 {
		total += cur.e.Sub(cur.s)
	}
	l.OnCallDays = total.Hours() / 24
	if l.Shifts > 0 {
		l.PagesPerShift = float64(l.Pages) / float64(l.Shifts)
	}
	if l.OnCallDays > 0 {
		l.PagesPerOnCallDay = float64(l.Pages) / l.OnCallDays
	}
	l.MTTASeconds, l.MTTRSeconds = Median(a.acks), Median(a.ress)
	return l
}

// group is an acc with its weeks.
type group struct {
	acc
	weeks map[string]*acc
}

func (g *group) week(w string) *acc {
	if g.weeks == nil {
		g.weeks = map[string]*acc{}
	}
	a := g.weeks[w]
	if a == nil {
		a = &acc{}
		g.weeks[w] = a
	}
	return a
}

func (g *group) weekLoads() []WeekLoad {
	out := make([]WeekLoad, 0, len(g.weeks))
	for w, a := range g.weeks {
		out = append(out, WeekLoad{Week: w, Load: a.load()})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Week < out[j].Week })
	return out
}

type groups map[id.ID]*group

func (m groups) get(u id.ID) *group {
	g := m[u]
	if g == nil {
		g = &group{}
		m[u] = g
	}
	return g
}

type noiseAcc struct {
	name             string // as first seen; titles and services are grouped folded (FoldName)
	n, auto, unacked int
}

// Health computes the on-call health of [from, to) from the pages created
// in it, the shifts overlapping it (gaps are ignored) and the snapshot the
// shifts came from (names, zones, rotations and their teams).
func Health(pagesIn []Page, shifts []oncall.Shift, snap *oncall.Snapshot, from, to time.Time, opt HealthOptions) *HealthReport {
	opt = opt.withDefaults()
	rep := &HealthReport{From: from, To: to, People: []PersonHealth{}, Rotations: []GroupHealth{}, Teams: []GroupHealth{},
		Alerts: []Noise{}, Services: []Noise{}, Flags: []Flag{}}
	persons, rots, teams := groups{}, groups{}, groups{}
	teamOf := func(rot id.ID) id.ID {
		if r, ok := snap.Rotation(rot); ok {
			return r.TeamID
		}
		return id.Nil
	}
	// Shifts by person, for the on-call time and the rotation of a page.
	byPerson := map[id.ID][]oncall.Shift{}
	for _, s := range shifts {
		if s.Gap || s.PersonID.IsZero() || !s.Start.Before(to) || !s.End.After(from) {
			continue
		}
		byPerson[s.PersonID] = append(byPerson[s.PersonID], s)
		g := persons.get(s.PersonID)
		g.shift(s, from, to)
		loc := snap.Zone(s.PersonID)
		for _, w := range weeksOf(s, from, to, loc) {
			g.week(ISOWeek(w.Start, loc)).shift(w, w.Start, w.End)
		}
		rots.get(s.RotationID).shift(s, from, to)
		if t := teamOf(s.RotationID); !t.IsZero() {
			teams.get(t).shift(s, from, to)
		}
	}
	layer := func(rot id.ID) int {
		if r, ok := snap.Rotation(rot); ok {
			return r.Layer
		}
		return 1 << 30
	}
	// rotationAt is the rotation of the responder's shift at t: the page's
	// own when the import found the responder on call, else the lowest
	// layer among the person's shifts holding t.
	rotationAt := func(p *Page) id.ID {
		if !p.RotationID.IsZero() {
			return p.RotationID
		}
		best := id.Nil
		for _, s := range byPerson[p.ResponderID] {
			if !p.Created.Before(s.Start) && p.Created.Before(s.End) && (best.IsZero() || layer(s.RotationID) < layer(best)) {
				best = s.RotationID
			}
		}
		return best
	}
	// Per-person MTTA samples with their instants, for the rising flag.
	acksOf := map[id.ID][]ackSample{}
	alerts, services := map[string]*noiseAcc{}, map[string]*noiseAcc{}
	for i := range pagesIn {
		p := &pagesIn[i]
		if p.Created.Before(from) || !p.Created.Before(to) {
			continue
		}
		rep.Pages++
		_, acked := p.AckSecs()
		acked = acked || p.AckBy != ""
		res, resolved := p.ResolveSecs()
		for _, n := range []struct {
			m    map[string]*noiseAcc
			name string
		}{{alerts, p.Title}, {services, p.Service}} {
			name := n.name
			if name == "" {
				name = "(none)"
			}
			k := FoldName(name)
			a := n.m[k]
			if a == nil {
				a = &noiseAcc{name: name}
				n.m[k] = a
			}
			a.n++
			if resolved && !acked {
				a.unacked++
				if time.Duration(res)*time.Second <= opt.AutoResolve {
					a.auto++
				}
			}
		}
		if p.ResponderID.IsZero() {
			rep.NoResponse++
			continue
		}
		loc := snap.Zone(p.ResponderID)
		band := BandOf(p.Created, loc)
		week := ISOWeek(p.Created, loc)
		g := persons.get(p.ResponderID)
		g.add(p, band)
		g.week(week).add(p, band)
		if s, ok := p.AckSecs(); ok {
			acksOf[p.ResponderID] = append(acksOf[p.ResponderID], ackSample{p.Created, s})
		}
		if rot := rotationAt(p); !rot.IsZero() {
			r := rots.get(rot)
			r.add(p, band)
			r.week(week).add(p, band)
			if t := teamOf(rot); !t.IsZero() {
				tg := teams.get(t)
				tg.add(p, band)
				tg.week(week).add(p, band)
			}
		}
	}
	for u, g := range persons {
		ph := PersonHealth{PersonID: u, Person: snap.Name(u), TimeZone: snap.Zone(u).String(), Load: g.load(), Weeks: g.weekLoads()}
		rep.People = append(rep.People, ph)
	}
	sort.Slice(rep.People, func(i, j int) bool {
		a, b := rep.People[i], rep.People[j]
		if a.Pages != b.Pages {
			return a.Pages > b.Pages
		}
		return a.Person < b.Person
	})
	for u, g := range rots {
		name := "(unknown rotation)"
		if r, ok := snap.Rotation(u); ok {
			name = r.Name
		}
		rep.Rotations = append(rep.Rotations, GroupHealth{ID: u, Name: name, Load: g.load(), Weeks: g.weekLoads()})
	}
	for u, g := range teams {
		name := snap.Teams[u]
		if name == "" {
			name = "(unknown team)"
		}
		rep.Teams = append(rep.Teams, GroupHealth{ID: u, Name: name, Load: g.load(), Weeks: g.weekLoads()})
	}
	for _, l := range [][]GroupHealth{rep.Rotations, rep.Teams} {
		sort.Slice(l, func(i, j int) bool {
			if l[i].Pages != l[j].Pages {
				return l[i].Pages > l[j].Pages
			}
			return l[i].Name < l[j].Name
		})
	}
	rep.Alerts, rep.Services = noisiest(alerts, opt.Noisiest), noisiest(services, opt.Noisiest)

	// Flags, person by person in the report's order.
	for _, ph := range rep.People {
		if ph.OnCallDays > 0 && ph.PagesPerOnCallDay > opt.PagesPerDay {
			rep.Flags = append(rep.Flags, Flag{PersonID: ph.PersonID, Kind: FlagPagesPerDay,
				Reason: fmt.Sprintf("%s: %d pages over %.1f on-call days, %.1f a day (more than %g).", ph.Person, ph.Pages, ph.OnCallDays, ph.PagesPerOnCallDay, opt.PagesPerDay)})
		}
		for _, w := range ph.Weeks {
			if w.Sleep > 0 {
				rep.Flags = append(rep.Flags, Flag{PersonID: ph.PersonID, Kind: FlagSleep, Week: w.Week,
					Reason: fmt.Sprintf("%s: %s in sleep hours (22:00–08:00 %s) in week %s.", ph.Person, plural(w.Sleep, "page", "pages"), ph.TimeZone, w.Week)})
			}
		}
		if f, ok := mttaRising(acksOf[ph.PersonID], to, opt); ok {
			f.PersonID = ph.PersonID
			f.Reason = ph.Person + ": " + f.Reason
			rep.Flags = append(rep.Flags, f)
		}
	}
	return rep
}

type ackSample struct {
	t time.Time
	s int64
}

// mttaRising compares the median time to acknowledge of the last 28 days
// before to with that of the 28 days before them.
func mttaRising(samples []ackSample, to time.Time, opt HealthOptions) (Flag, bool) {
	mid, start := to.Add(-28*24*time.Hour), to.Add(-56*24*time.Hour)
	var last, prev []int64
	for _, a := range samples {
		switch {
		case !a.t.Before(mid) && a.t.Before(to):
			last = append(last, a.s)
		case !a.t.Before(start) && a.t.Before(mid):
			prev = append(prev, a.s)
		}
	}
	if len(last) < opt.MTTAMinPages || len(prev) < opt.MTTAMinPages {
		return Flag{}, false
	}
	ml, mp := *Median(last), *Median(prev)
	if ml <= mp*(1+opt.MTTARise) {
		return Flag{}, false
	}
	return Flag{Kind: FlagMTTARising, Reason: fmt.Sprintf("median time to acknowledge %s over the last 4 weeks (%d pages), %s over the 4 before (%d pages).",
		seconds(ml), len(last), seconds(mp), len(prev))}, true
}

func seconds(s float64) string {
	return (time.Duration(s) * time.Second).Round(time.Second).String()
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

func noisiest(m map[string]*noiseAcc, n int) []Noise {
	out := make([]Noise, 0, len(m))
	for _, a := range m {
		out = append(out, Noise{Name: a.name, Pages: a.n, AutoResolvedShare: float64(a.auto) / float64(a.n), UnackedShare: float64(a.unacked) / float64(a.n)})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Pages != out[j].Pages {
			return out[i].Pages > out[j].Pages
		}
		return out[i].Name < out[j].Name
	})
	if len(out) > n {
		out = out[:n]
	}
	return out
}

// OptionsTx are the health options of the workspace: the pages-per-day
// threshold of the on-call settings, the defaults otherwise.
func OptionsTx(txn *badger.Txn) (HealthOptions, error) {
	st, err := oncall.SettingsTx(txn)
	if err != nil {
		return HealthOptions{}, err
	}
	return HealthOptions{PagesPerDay: st.PagesPerDayLimit}.withDefaults(), nil
}

// Health reads the pages created in [from, to) and the shifts overlapping
// it, and computes their health (a window of at most oncall.MaxWindow).
// A zero opt.PagesPerDay takes the workspace's setting.
func (s *Service) Health(from, to time.Time, opt HealthOptions) (*HealthReport, error) {
	switch {
	case !to.After(from):
		return nil, errs.FieldErr("to", "The end is not after the start.")
	case to.Sub(from) > oncall.MaxWindow:
		return nil, errs.FieldErr("to", "Choose a window of at most six years.")
	}
	var ps []Page
	err := s.st.View(func(txn *badger.Txn) error {
		if opt.PagesPerDay <= 0 {
			o, err := OptionsTx(txn)
			if err != nil {
				return err
			}
			opt.PagesPerDay = o.PagesPerDay
		}
		return store.Scan(txn, store.Prefix(store.PrefixPage), func(_ []byte, p *Page) error {
			if !p.Created.Before(from) && p.Created.Before(to) {
				ps = append(ps, *p)
			}
			return nil
		})
	})
	if err != nil {
		return nil, errs.Wrap("pages.Health", err)
	}
	snap, err := s.onCall.Snapshot(from, to)
	if err != nil {
		return nil, err
	}
	return Health(ps, oncall.AllShifts(snap, from, to), snap, from, to, opt), nil
}
