// Package today assembles the manager's day on one screen: who is on call
// now and next (per schedule, each layer), active incidents, follow-ups
// overdue and due this week, 1:1s due today or overdue, post-incident
// reviews overdue, people flagged by team health, time off in the next two
// weeks and coverage gaps this week.
//
// It only reads. LoadTx reads a Snapshot in one read transaction, reusing
// the queries of each area; Build is a pure function of the snapshot, now
// and the manager's zone. Every section says which of three states it is in
// (State): something to show, nothing to show although the data to judge is
// there, or nothing to judge because the area is not set up, so an empty
// section never reads as "all good" when the data is missing.
package today

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/brief"
	"wheelhouse/backend/civil"
	"wheelhouse/backend/followup"
	"wheelhouse/backend/id"
	"wheelhouse/backend/incident"
	"wheelhouse/backend/oncall"
	"wheelhouse/backend/oneonone"
	"wheelhouse/backend/pages"
	"wheelhouse/backend/people"
	"wheelhouse/backend/tz"
)

// Windows of the day, in civil days of the manager's zone.
const (
	// WeekDays: "this week" is today and the next 7 days (follow-ups due,
	// coverage gaps), as the follow-ups view counts "due soon".
	WeekDays = followup.DefaultSoonDays
	// TimeOffDays: time off and public holidays of today and the next 14 days.
	TimeOffDays = 14
	// NextDays bounds how far ahead "on call next" looks.
	NextDays = 62
)

// State says what a section has to show.
type State string

const (
	// StateItems: there is something to show.
	StateItems State = "items"
	// StateClear: the data to judge is there and nothing needs attention.
	StateClear State = "clear"
	// StateNotSetUp: nothing to judge, the area is not set up (no rotations,
	// no 1:1 cadences, no incidents recorded, ...). Never "all good".
	StateNotSetUp State = "not_set_up"
)

// Day is the manager's day.
type Day struct {
	Now   time.Time `json:"now" ts_type:"string"`
	Today string    `json:"today"` // the civil date in Zone
	Zone  string    `json:"zone"`  // the manager's IANA zone
	// WeekEnd is the last day of "this week" (today + WeekDays).
	WeekEnd string `json:"weekEnd"`
	// TimeOffEnd is the last day of the time-off window (today + TimeOffDays).
	TimeOffEnd string `json:"timeOffEnd"`

	OnCall    OnCall    `json:"oncall"`
	Incidents Incidents `json:"incidents"`
	FollowUps FollowUps `json:"followUps"`
	OneOnOnes OneOnOnes `json:"oneOnOnes"`
	Reviews   Reviews   `json:"reviews"`
	Health    Health    `json:"health"`
	Paging    Paging    `json:"paging"`
	TimeOff   TimeOff   `json:"timeOff"`
	Gaps      Gaps      `json:"gaps"`
}

// Turn is a stretch of on-call time of one person, or a gap: the on-call
// area's turn, as the Teams screen shows it.
type Turn = oncall.Turn

// Layer is one rotation of a schedule with who holds it now and next
// (within NextDays here): the on-call area's RotationNow.
type Layer = oncall.RotationNow

// Schedule is a schedule (a team's rotations, rotations sharing an old
// schedule name, or a rotation on its own) with its layers, primary first.
type Schedule struct {
	Name string `json:"name"` // the team's name, the old schedule name or the rotation's
	// TeamID is the team whose schedule it is (zero: no team).
	TeamID      id.ID           `json:"teamId,omitzero" ts_type:"string"`
	Requirement oncall.Coverage `json:"requirement"` // the strongest of its layers
	Layers      []Layer         `json:"layers"`
	// Covered: someone holds a layer now.
	Covered bool `json:"covered"`
}

// OnCall is who is on call now and next.
type OnCall struct {
	State     State      `json:"state"`
	Note      string     `json:"note"`
	Count     int        `json:"count"` // schedules
	Schedules []Schedule `json:"schedules"`
	// Uncovered counts the schedules nobody holds now.
	Uncovered int `json:"uncovered"`
}

// Incident is an active incident.
type Incident struct {
	ID            id.ID           `json:"id" ts_type:"string"`
	Title         string          `json:"title"`
	Severity      int             `json:"severity"`
	SeverityLabel string          `json:"severityLabel"`
	Status        incident.Status `json:"status"`
	StartedAt     time.Time       `json:"startedAt" ts_type:"string"`
	CommanderID   id.ID           `json:"commanderId,omitzero" ts_type:"string"`
	Commander     string          `json:"commander,omitempty"`
	Escalated     bool            `json:"escalated,omitempty"`
}

// Incidents are the incidents still going on (not yet resolved).
type Incidents struct {
	State State      `json:"state"`
	Note  string     `json:"note"`
	Count int        `json:"count"`
	Items []Incident `json:"items"`
}

// FollowUp is a follow-up overdue or due this week.
type FollowUp struct {
	ID           id.ID             `json:"id" ts_type:"string"`
	Title        string            `json:"title"`
	OwnerID      id.ID             `json:"ownerId,omitzero" ts_type:"string"`
	Owner        string            `json:"owner,omitempty"`
	OwnerRemoved bool              `json:"ownerRemoved,omitempty"`
	DueDate      string            `json:"dueDate"`
	Priority     followup.Priority `json:"priority"`
	Status       followup.Status   `json:"status"`
	Source       followup.Source   `json:"source"`
	DaysOverdue  int               `json:"daysOverdue,omitempty"`
}

// FollowUps are the open follow-ups overdue or due by WeekEnd.
type FollowUps struct {
	State   State      `json:"state"`
	Note    string     `json:"note"`
	Count   int        `json:"count"`
	Overdue []FollowUp `json:"overdue"` // oldest due date first (the first ListLimit)
	DueSoon []FollowUp `json:"dueSoon"` // today to WeekEnd, soonest first (the first ListLimit)
	// OverdueCount and DueSoonCount count all of them.
	OverdueCount int `json:"overdueCount"`
	DueSoonCount int `json:"dueSoonCount"`
	// Open counts every open follow-up (the rest are due later or undated).
	Open int `json:"open"`
}

// OneOnOnes are the 1:1s due today or overdue.
type OneOnOnes struct {
	State State                    `json:"state"`
	Note  string                   `json:"note"`
	Count int                      `json:"count"`
	Items []oneonone.CadenceStatus `json:"items"` // most overdue first
	// Cadences counts the reports with a cadence (paused included).
	Cadences int `json:"cadences"`
}

// Review is a post-incident review past its due date.
type Review struct {
	IncidentID    id.ID                `json:"incidentId" ts_type:"string"`
	Title         string               `json:"title"`
	Severity      int                  `json:"severity"`
	SeverityLabel string               `json:"severityLabel"`
	DueDate       string               `json:"dueDate"`
	DaysOverdue   int                  `json:"daysOverdue"`
	State         incident.ReviewState `json:"state"`
	CommanderID   id.ID                `json:"commanderId,omitzero" ts_type:"string"`
	Commander     string               `json:"commander,omitempty"`
}

// Reviews are the post-incident reviews overdue.
type Reviews struct {
	State State    `json:"state"`
	Note  string   `json:"note"`
	Count int      `json:"count"`
	Items []Review `json:"items"` // oldest due first
}

// Flagged is a person team health flags, with the reasons.
type Flagged struct {
	PersonID id.ID        `json:"personId" ts_type:"string"`
	Name     string       `json:"name"`
	Role     string       `json:"role,omitempty"`
	Flags    []brief.Flag `json:"flags"`
}

// Health is the people team health flags.
type Health struct {
	State State     `json:"state"`
	Note  string    `json:"note"`
	Count int       `json:"count"`
	Items []Flagged `json:"items"` // most flags first
	// Unjudged says what the flags cannot look at because it is not set up
	// ("no rotations", "no 1:1 cadences", "no incidents recorded").
	Unjudged []string `json:"unjudged"`
}

// PagingDays is the window of the paging lines: the last 7 days.
const PagingDays = 7

// PagingLine is one person's paging load of the last PagingDays days that
// is worth a look: sleep-hour pages, or more pages per on-call day than
// the on-call settings allow.
type PagingLine struct {
	PersonID id.ID  `json:"personId" ts_type:"string"`
	Name     string `json:"name"`
	Pages    int    `json:"pages"`
	Sleep    int    `json:"sleep"`
	Text     string `json:"text"` // "Dana: 3 sleep-hour pages in the last 7 days."
}

// Paging is the imported paging history of the last PagingDays days.
type Paging struct {
	State State        `json:"state"`
	Note  string       `json:"note"`
	Count int          `json:"count"`
	Items []PagingLine `json:"items"` // most sleep-hour pages first
}

// Away kinds besides oncall.TimeOffKind.
const KindPublicHoliday = "public_holiday"

// Away is a time-off entry or a public holiday in the time-off window.
type Away struct {
	// TimeOffID is the entry (zero for a public holiday).
	TimeOffID id.ID  `json:"timeOffId,omitzero" ts_type:"string"`
	PersonID  id.ID  `json:"personId,omitzero" ts_type:"string"`
	Name      string `json:"name,omitempty"`
	TimeZone  string `json:"timezone,omitempty"` // the person's zone (their dates are days there)
	// Kind is an oncall.TimeOffKind, or KindPublicHoliday.
	Kind string `json:"kind"`
	// StartDate and EndDate (inclusive) for whole days; Start and End for
	// an entry given as instants.
	StartDate string    `json:"startDate,omitempty"`
	EndDate   string    `json:"endDate,omitempty"`
	Start     time.Time `json:"start,omitzero" ts_type:"string"`
	End       time.Time `json:"end,omitzero" ts_type:"string"`
	// Holiday, RegionID, Region and People describe a public holiday.
	Holiday  string   `json:"holiday,omitempty"`
	RegionID id.ID    `json:"regionId,omitzero" ts_type:"string"`
	Region   string   `json:"region,omitempty"`
	People   []string `json:"people,omitempty"`
	// Now: away at this instant.
	Now bool `json:"now"`
}

// TimeOff is who is away today and in the next TimeOffDays days.
type TimeOff struct {
	State State  `json:"state"`
	Note  string `json:"note"`
	Count int    `json:"count"`
	Items []Away `json:"items"` // by start
}

// Gaps are the coverage gaps from now to the end of WeekEnd.
type Gaps struct {
	State State        `json:"state"`
	Note  string       `json:"note"`
	Count int          `json:"count"`
	Items []oncall.Gap `json:"items"` // in time order
}

// Person is what the day needs to know about a person.
type Person struct {
	Name     string
	Role     string
	TimeZone string
	Archived bool
}

// Snapshot is everything the day reads, loaded in one transaction (LoadTx)
// or built by hand in tests.
type Snapshot struct {
	People map[id.ID]Person
	// OnCall covers the start of today to NextDays ahead (nil: no rotations
	// and no time off or regions were read).
	OnCall *oncall.Snapshot
	// TimeOffEntries and Regions count what is recorded at all.
	TimeOffEntries int
	Regions        int
	// Incidents counts every incident; Active are those not yet resolved.
	Incidents int
	Active    []incident.Summary
	Severity  incident.Settings
	// Reviews are the pending reviews overdue on the day.
	Reviews []incident.ReviewDue
	// FollowUps are the open follow-ups; AnyClosed: a closed one exists.
	FollowUps []followup.Brief
	AnyClosed bool
	// Cadences are the 1:1 cadence statuses on the day.
	Cadences []oneonone.CadenceStatus
	// Health is the team health of everyone, on the day.
	Health brief.Health
	// Paging is the on-call health of everyone over the last PagingDays
	// days of imported pages (nil: no paging history imported).
	Paging *pages.HealthReport
}

// Windows are the instants and dates of the day in the manager's zone.
type windows struct {
	today, weekEnd, offEnd string
	dayStart               time.Time // 00:00 today
	weekStop               time.Time // 00:00 the day after weekEnd
	offStop                time.Time // 00:00 the day after offEnd
	nextStop               time.Time // now + NextDays
}

func windowsOf(now time.Time, loc *time.Location) windows {
	if loc == nil {
		loc = time.UTC
	}
	l := now.In(loc)
	y, m, d := l.Date()
	w := windows{today: l.Format(civil.Layout)}
	w.weekEnd, w.offEnd = civil.AddDays(w.today, WeekDays), civil.AddDays(w.today, TimeOffDays)
	w.dayStart = tz.WallTime(y, m, d, 0, 0, loc)
	w.weekStop = tz.WallTime(y, m, d+WeekDays+1, 0, 0, loc)
	w.offStop = tz.WallTime(y, m, d+TimeOffDays+1, 0, 0, loc)
	w.nextStop = now.Add(NextDays * 24 * time.Hour)
	return w
}

// LoadTx reads the snapshot of the day at now in the manager's zone loc, in
// the caller's read transaction. briefs builds the team health (the
// workspace's builder).
func LoadTx(txn *badger.Txn, briefs *brief.Builder, now time.Time, loc *time.Location) (*Snapshot, error) {
	if loc == nil {
		loc = time.UTC
	}
	if briefs == nil {
		briefs = &brief.Builder{}
	}
	w := windowsOf(now, loc)
	s := &Snapshot{People: map[id.ID]Person{}}
	err := people.Persons.Each(txn, func(p *people.Person) error {
		s.People[p.ID] = Person{Name: p.Name, Role: p.Role, TimeZone: p.TimeZone, Archived: p.Archived}
		return nil
	})
	if err != nil {
		return nil, err
	}

	// On call, time off and holidays: one snapshot from the start of today
	// to the furthest window.
	s.TimeOffEntries, s.Regions = oncall.TimeOffs.Count(txn), oncall.Regions.Count(txn)
	if oncall.Rotations.Count(txn) > 0 || s.TimeOffEntries > 0 || s.Regions > 0 {
		to := w.nextStop
		if w.offStop.After(to) {
			to = w.offStop
		}
		if s.OnCall, err = briefs.OnCallSnapshotTx(txn, w.dayStart, to); err != nil {
			return nil, err
		}
	}

	// Incidents: the summaries index, keys only.
	err = incident.SummariesTx(txn, time.Time{}, time.Time{}, func(x *incident.Summary) error {
		s.Incidents++
		if x.Status.IsOpen() {
			s.Active = append(s.Active, *x)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if s.Severity, err = incident.SettingsTx(txn); err != nil {
		return nil, err
	}
	if s.Reviews, err = incident.ReviewsOverdue(txn, w.today); err != nil {
		return nil, err
	}

	// Follow-ups: the brief index, keys only.
	if err = followup.OpenTx(txn, func(b *followup.Brief) bool { s.FollowUps = append(s.FollowUps, *b); return true }); err != nil {
		return nil, err
	}
	if err = followup.ClosedSinceTx(txn, "", func(*followup.Brief) bool { s.AnyClosed = true; return false }); err != nil {
		return nil, err
	}

	if s.Cadences, err = oneonone.StatusesTx(txn, w.today); err != nil {
		return nil, err
	}
	if s.Health, err = briefs.HealthTx(txn, id.Nil, w.today, now, loc); err != nil {
		return nil, err
	}
	var active []id.ID
	for u, p := range s.People {
		if !p.Archived {
			active = append(active, u)
		}
	}
	if s.Paging, err = briefs.PagingHealthTx(txn, active, now.Add(-PagingDays*24*time.Hour), now); err != nil {
		return nil, err
	}
	return s, nil
}

// BuildTx loads the snapshot and builds the day, in the caller's read
// transaction.
func BuildTx(txn *badger.Txn, briefs *brief.Builder, now time.Time, loc *time.Location) (Day, error) {
	s, err := LoadTx(txn, briefs, now, loc)
	if err != nil {
		return Day{}, err
	}
	return Build(s, now, loc), nil
}

// Build works out the day from the snapshot, at now in the manager's zone
// loc. It is pure: it reads only its arguments.
func Build(s *Snapshot, now time.Time, loc *time.Location) Day {
	if loc == nil {
		loc = time.UTC
	}
	w := windowsOf(now, loc)
	d := Day{Now: now.UTC(), Today: w.today, Zone: loc.String(), WeekEnd: w.weekEnd, TimeOffEnd: w.offEnd}
	d.OnCall = onCall(s, now)
	d.Gaps = gaps(s, now, w)
	d.TimeOff = timeOff(s, now, w)
	d.Incidents = incidents(s)
	d.Reviews = reviews(s, w)
	d.FollowUps = followUps(s, w)
	d.OneOnOnes = oneOnOnes(s, w)
	d.Health = health(s)
	d.Paging = paging(s)
	d.limit(ListLimit)
	return d
}

// ListLimit is how many items of a section the day carries: the screen shows
// the first few and links to the full list; counts stay exact. (The large
// demo's day was 500 KiB with every overdue follow-up in it.)
const ListLimit = 20

func capped[T any](xs []T, n int) []T {
	if len(xs) > n {
		return xs[:n:n]
	}
	return xs
}

func (d *Day) limit(n int) {
	d.FollowUps.OverdueCount, d.FollowUps.DueSoonCount = len(d.FollowUps.Overdue), len(d.FollowUps.DueSoon)
	d.FollowUps.Overdue, d.FollowUps.DueSoon = capped(d.FollowUps.Overdue, n), capped(d.FollowUps.DueSoon, n)
	d.Incidents.Items = capped(d.Incidents.Items, n)
	d.Reviews.Items = capped(d.Reviews.Items, n)
	d.OneOnOnes.Items = capped(d.OneOnOnes.Items, n)
	d.Health.Items = capped(d.Health.Items, n)
	d.Paging.Items = capped(d.Paging.Items, n)
	d.TimeOff.Items = capped(d.TimeOff.Items, n)
	d.Gaps.Items = capped(d.Gaps.Items, n)
}

func (s *Snapshot) name(u id.ID) string {
	if u.IsZero() {
		return ""
	}
	if p, ok := s.People[u]; ok {
		return p.Name
	}
	return "(removed)"
}

func (s *Snapshot) rotations() []oncall.Rotation {
	if s.OnCall == nil {
		return nil
	}
	rs := append([]oncall.Rotation(nil), s.OnCall.Rotations...)
	oncall.SortRotations(rs, s.OnCall.Teams)
	return rs
}

// shortDate is a civil date as the 1:1 messages write it ("Tue 1 Dec").
func shortDate(date string) string {
	d, ok := civil.Parse(date)
	if !ok {
		return date
	}
	return d.Format("Mon 2 Jan")
}

func plural(n int, one, many string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, one)
	}
	return fmt.Sprintf("%d %s", n, many)
}

// ------------------------------------------------------------------ on call

func rank(c oncall.Coverage) int {
	for i, x := range oncall.Coverages {
		if x == c {
			return i
		}
	}
	return len(oncall.Coverages)
}

func onCall(s *Snapshot, now time.Time) OnCall {
	out := OnCall{Schedules: []Schedule{}}
	rs := s.rotations()
	if len(rs) == 0 {
		out.State, out.Note = StateNotSetUp, "No rotations yet: set one up on the On-call screen to see who is on call."
		return out
	}
	byKey := map[string]int{}
	for i := range rs {
		r := &rs[i]
		key, name := s.OnCall.ScheduleOf(r)
		at, ok := byKey[key]
		if !ok {
			at = len(out.Schedules)
			byKey[key] = at
			out.Schedules = append(out.Schedules, Schedule{Name: name, Requirement: oncall.CoverageNone, Layers: []Layer{}})
			if strings.HasPrefix(key, "team:") {
				out.Schedules[at].TeamID = r.TeamID
			}
		}
		sc := &out.Schedules[at]
		if rank(r.RequiredCoverage) < rank(sc.Requirement) {
			sc.Requirement = r.RequiredCoverage
		}
		l := layer(s, r, now)
		sc.Layers = append(sc.Layers, l)
		if l.Now != nil && !l.Now.Gap {
			sc.Covered = true
		}
	}
	for _, sc := range out.Schedules {
		if !sc.Covered {
			out.Uncovered++
		}
	}
	out.Count, out.State = len(out.Schedules), StateItems
	switch {
	case out.Uncovered == len(out.Schedules):
		out.Note = "Nobody is on call right now."
	case out.Uncovered > 0:
		out.Note = fmt.Sprintf("Nobody is on call right now in %s.", plural(out.Uncovered, "schedule", "schedules"))
	}
	return out
}

// layer works out who holds a rotation now and next.
func layer(s *Snapshot, r *oncall.Rotation, now time.Time) Layer {
	l := Layer{RotationID: r.ID, Rotation: r.Name, Layer: r.Layer, TimeZone: r.TimeZone}
	cur, next := oncall.NowNext(s.OnCall, r.ID, now, now.Add(NextDays*24*time.Hour))
	if cur != nil {
		l.Now = turn(s, cur)
	}
	if next != nil {
		l.Next = turn(s, next)
	}
	return l
}

func turn(s *Snapshot, x *oncall.Shift) *Turn {
	t := &Turn{PersonID: x.PersonID, Start: x.Start.UTC(), End: x.End.UTC(), Reason: x.Reason, Gap: x.Gap, Unavailable: x.Unavailable}
	if !x.Gap {
		t.Name = s.name(x.PersonID)
		t.TimeZone = s.People[x.PersonID].TimeZone
	}
	if !x.ReplacedPersonID.IsZero() {
		t.Replaced = s.name(x.ReplacedPersonID)
	}
	return t
}

func gaps(s *Snapshot, now time.Time, w windows) Gaps {
	out := Gaps{Items: []oncall.Gap{}}
	rs := s.rotations()
	required := 0
	for _, r := range rs {
		if r.RequiredCoverage != oncall.CoverageNone {
			required++
		}
	}
	switch {
	case len(rs) == 0:
		out.State, out.Note = StateNotSetUp, "No rotations yet, so there is no coverage to check."
		return out
	case required == 0:
		out.State, out.Note = StateNotSetUp, "No rotation requires coverage, so gaps are not checked: set Required coverage (24x7 or business hours) on a rotation."
		return out
	}
	out.Items = append(out.Items, oncall.CoverageGaps(s.OnCall, now, w.weekStop)...)
	for i := range out.Items {
		out.Items[i].Start, out.Items[i].End = out.Items[i].Start.UTC(), out.Items[i].End.UTC()
	}
	out.Count = len(out.Items)
	out.State, out.Note = counted(out.Count, "Required coverage is held for the next 7 days.")
	return out
}

// counted is the state of a section with n items, and its note: the
// items, else clear with the note that says so.
func counted(n int, clear string) (State, string) {
	if n == 0 {
		return StateClear, clear
	}
	return StateItems, ""
}

// ------------------------------------------------------------------ time off

func timeOff(s *Snapshot, now time.Time, w windows) TimeOff {
	out := TimeOff{Items: []Away{}}
	if s.OnCall == nil || (s.TimeOffEntries == 0 && s.Regions == 0) {
		out.State, out.Note = StateNotSetUp, "No time off or holiday regions recorded yet: add them on the On-call screen (Time off)."
		return out
	}
	for i := range s.OnCall.TimeOff {
		t := &s.OnCall.TimeOff[i]
		p, ok := s.People[t.PersonID]
		if !ok || p.Archived {
			continue
		}
		a := Away{TimeOffID: t.ID, PersonID: t.PersonID, Name: p.Name, TimeZone: p.TimeZone, Kind: string(t.Kind)}
		if t.StartDate != "" {
			// Whole days in their zone: compare dates (a day off is that
			// day, wherever the manager is).
			if t.EndDate < w.today || t.StartDate > w.offEnd {
				continue
			}
			theirs := w.today
			if loc, ok := tz.Load(p.TimeZone); ok {
				theirs = now.In(loc).Format(civil.Layout)
			}
			a.StartDate, a.EndDate = t.StartDate, t.EndDate
			a.Now = t.StartDate <= theirs && theirs <= t.EndDate
		} else {
			if !t.End.After(now) || !t.Start.Before(w.offStop) {
				continue
			}
			a.Start, a.End = t.Start.UTC(), t.End.UTC()
			a.Now = !t.Start.After(now)
		}
		out.Items = append(out.Items, a)
	}
	for _, rg := range s.OnCall.Regions {
		var names []string
		for _, m := range rg.MemberIDs {
			if p, ok := s.People[m]; ok && !p.Archived {
				names = append(names, p.Name)
			}
		}
		if len(names) == 0 {
			continue
		}
		sort.Strings(names)
		for _, h := range rg.Holidays {
			if h.Date < w.today || h.Date > w.offEnd {
				continue
			}
			out.Items = append(out.Items, Away{Kind: KindPublicHoliday, StartDate: h.Date, EndDate: h.Date, Holiday: h.Name,
				RegionID: rg.ID, Region: rg.Name, People: names, Now: h.Date == w.today})
		}
	}
	startOf := func(a *Away) string {
		if a.StartDate != "" {
			return a.StartDate
		}
		return a.Start.In(w.dayStart.Location()).Format(civil.Layout)
	}
	sort.SliceStable(out.Items, func(i, j int) bool {
		a, b := &out.Items[i], &out.Items[j]
		if a.Now != b.Now {
			return a.Now
		}
		if sa, sb := startOf(a), startOf(b); sa != sb {
			return sa < sb
		}
		return strings.ToLower(a.Name+a.Region) < strings.ToLower(b.Name+b.Region)
	})
	out.Count = len(out.Items)
	out.State, out.Note = counted(out.Count, "Nobody is away and no public holiday in the next 14 days.")
	return out
}

// ------------------------------------------------------------------ incidents

func noIncidents() string {
	return "No incidents recorded yet: Wheelhouse only knows the incidents opened on the Incidents screen."
}

func incidents(s *Snapshot) Incidents {
	out := Incidents{Items: []Incident{}}
	if s.Incidents == 0 {
		out.State, out.Note = StateNotSetUp, noIncidents()
		return out
	}
	for _, x := range s.Active {
		out.Items = append(out.Items, Incident{ID: x.ID, Title: x.Title, Severity: x.Severity, SeverityLabel: s.Severity.Label(x.Severity),
			Status: x.Status, StartedAt: x.StartedAt.UTC(), CommanderID: x.CommanderID, Commander: s.name(x.CommanderID), Escalated: x.Escalated})
	}
	sort.SliceStable(out.Items, func(i, j int) bool {
		a, b := out.Items[i], out.Items[j]
		if a.Severity != b.Severity {
			return a.Severity < b.Severity
		}
		return a.StartedAt.Before(b.StartedAt)
	})
	out.Count = len(out.Items)
	out.State, out.Note = counted(out.Count, fmt.Sprintf("No active incidents (%s recorded).", plural(s.Incidents, "incident", "incidents")))
	return out
}

func reviews(s *Snapshot, w windows) Reviews {
	out := Reviews{Items: []Review{}}
	if s.Incidents == 0 {
		out.State, out.Note = StateNotSetUp, noIncidents()
		return out
	}
	for _, r := range s.Reviews {
		out.Items = append(out.Items, Review{IncidentID: r.IncidentID, Title: r.Title, Severity: r.Severity, SeverityLabel: s.Severity.Label(r.Severity),
			DueDate: r.DueDate, DaysOverdue: civil.DaysBetween(r.DueDate, w.today), State: r.State, CommanderID: r.CommanderID, Commander: s.name(r.CommanderID)})
	}
	out.Count = len(out.Items)
	out.State, out.Note = counted(out.Count, "No post-incident review is past its due date.")
	return out
}

// ------------------------------------------------------------------ follow-ups

func followUps(s *Snapshot, w windows) FollowUps {
	out := FollowUps{Overdue: []FollowUp{}, DueSoon: []FollowUp{}, Open: len(s.FollowUps)}
	if len(s.FollowUps) == 0 && !s.AnyClosed {
		out.State, out.Note = StateNotSetUp, "No follow-ups yet: add them on the Follow-ups screen, from an incident review or a 1:1."
		return out
	}
	for _, row := range followup.Order(s.FollowUps, w.today, WeekDays) {
		b := row.Item
		f := FollowUp{ID: b.ID, Title: b.Title, OwnerID: b.OwnerID, Owner: s.name(b.OwnerID), OwnerRemoved: b.OwnerRemoved,
			DueDate: b.DueDate, Priority: b.Priority, Status: b.Status, Source: b.Source, DaysOverdue: row.DaysOverdue}
		switch row.Bucket {
		case followup.BucketOverdue:
			out.Overdue = append(out.Overdue, f)
		case followup.BucketDueSoon:
			out.DueSoon = append(out.DueSoon, f)
		}
	}
	out.Count = len(out.Overdue) + len(out.DueSoon)
	rest := out.Open - out.Count
	switch {
	case out.Count > 0:
		out.State = StateItems
	case rest > 0:
		out.State, out.Note = StateClear, fmt.Sprintf("Nothing overdue or due in the next 7 days; %s due later or without a date.", plural(rest, "open follow-up is", "open follow-ups are"))
	default:
		out.State, out.Note = StateClear, "Every follow-up is closed."
	}
	return out
}

// ------------------------------------------------------------------ 1:1s

func oneOnOnes(s *Snapshot, w windows) OneOnOnes {
	out := OneOnOnes{Items: []oneonone.CadenceStatus{}, Cadences: len(s.Cadences)}
	if len(s.Cadences) == 0 {
		out.State, out.Note = StateNotSetUp, "No 1:1 cadences yet: set how often you meet on a person's 1:1s tab."
		return out
	}
	paused := 0
	for _, c := range s.Cadences {
		if c.Paused {
			paused++
		}
		if c.Overdue || (!c.Paused && c.NextDue == w.today) || c.NextPlanned == w.today {
			out.Items = append(out.Items, c)
		}
	}
	out.Count = len(out.Items)
	switch {
	case out.Count > 0:
		out.State = StateItems
	case paused == len(s.Cadences):
		out.State, out.Note = StateClear, fmt.Sprintf("Every 1:1 cadence is paused (%d).", paused)
	default:
		next := ""
		for _, c := range s.Cadences {
			if !c.Paused && (next == "" || c.NextDue < next) {
				next = c.NextDue
			}
		}
		out.State, out.Note = StateClear, "No 1:1 due today or overdue; the next is due "+shortDate(next)+"."
	}
	return out
}

// ------------------------------------------------------------------ health

func health(s *Snapshot) Health {
	out := Health{Items: []Flagged{}, Unjudged: []string{}}
	active := 0
	for _, p := range s.People {
		if !p.Archived {
			active++
		}
	}
	if active == 0 {
		out.State, out.Note = StateNotSetUp, "Nobody on the roster yet: team health needs people to look at."
		return out
	}
	if len(s.rotations()) == 0 {
		out.Unjudged = append(out.Unjudged, "no rotations")
	}
	if len(s.Cadences) == 0 {
		out.Unjudged = append(out.Unjudged, "no 1:1 cadences")
	}
	if s.Incidents == 0 {
		out.Unjudged = append(out.Unjudged, "no incidents recorded")
	}
	for _, r := range s.Health.Rows {
		if len(r.Flags) == 0 {
			continue
		}
		out.Items = append(out.Items, Flagged{PersonID: r.Person.ID, Name: r.Person.Name, Role: r.Person.Role, Flags: r.Flags})
	}
	out.Count = len(out.Items)
	if out.Count > 0 {
		out.State = StateItems
		return out
	}
	out.State = StateClear
	if len(out.Unjudged) == 0 {
		out.Note = "Nobody flagged: on-call load, incidents, 1:1s, mood and feedback look fine."
	} else {
		out.Note = "Nobody flagged, but only partly judged: " + strings.Join(out.Unjudged, ", ") + "."
	}
	return out
}

// ------------------------------------------------------------------ paging

func paging(s *Snapshot) Paging {
	out := Paging{Items: []PagingLine{}}
	if s.Paging == nil {
		out.State, out.Note = StateNotSetUp, "No paging history imported: import your paging tool's export on the On-call screen (Pages) to see sleep-hour pages here."
		return out
	}
	busy := map[id.ID]string{}
	for _, f := range s.Paging.Flags {
		if f.Kind == pages.FlagPagesPerDay {
			busy[f.PersonID] = f.Reason
		}
	}
	for _, p := range s.Paging.People {
		if pp, ok := s.People[p.PersonID]; !ok || pp.Archived {
			continue
		}
		var text string
		switch _, over := busy[p.PersonID]; {
		case p.Sleep > 0 && over:
			text = fmt.Sprintf("%s: %s in the last 7 days, %s, %.1f per on-call day.", p.Person, plural(p.Pages, "page", "pages"), plural(p.Sleep, "in sleep hours", "in sleep hours"), p.PagesPerOnCallDay)
		case p.Sleep > 0:
			text = fmt.Sprintf("%s: %s in the last 7 days.", p.Person, plural(p.Sleep, "sleep-hour page", "sleep-hour pages"))
		case over:
			text = fmt.Sprintf("%s: %s in the last 7 days, %.1f per on-call day.", p.Person, plural(p.Pages, "page", "pages"), p.PagesPerOnCallDay)
		default:
			continue
		}
		out.Items = append(out.Items, PagingLine{PersonID: p.PersonID, Name: p.Person, Pages: p.Pages, Sleep: p.Sleep, Text: text})
	}
	sort.SliceStable(out.Items, func(i, j int) bool {
		a, b := out.Items[i], out.Items[j]
		if a.Sleep != b.Sleep {
			return a.Sleep > b.Sleep
		}
		if a.Pages != b.Pages {
			return a.Pages > b.Pages
		}
		return strings.ToLower(a.Name) < strings.ToLower(b.Name)
	})
	out.Count = len(out.Items)
	out.State, out.Note = counted(out.Count, fmt.Sprintf("No sleep-hour pages and nobody paged too often in the last 7 days (%s).", plural(s.Paging.Pages, "page", "pages")))
	return out
}
