// Package brief assembles the 1:1 prep brief of a person and the team
// health view from every area: 1:1s, follow-ups, feedback, development
// plans, on-call load and incidents. It only reads, in one transaction, and
// suggests agenda items from what it finds.
//
// Private 1:1 notes are left out unless the caller asks for them
// (Options.IncludePrivate); the Markdown export says which it is.
package brief

import (
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/civil"
	"wheelhouse/backend/errs"
	"wheelhouse/backend/feedback"
	"wheelhouse/backend/followup"
	"wheelhouse/backend/id"
	"wheelhouse/backend/incident"
	"wheelhouse/backend/oncall"
	"wheelhouse/backend/oneonone"
	"wheelhouse/backend/pages"
	"wheelhouse/backend/people"
	"wheelhouse/backend/store"
)

// PersonInfo is who the brief is about.
type PersonInfo struct {
	ID         id.ID  `json:"id" ts_type:"string"`
	Name       string `json:"name"`
	Role       string `json:"role,omitempty"`
	Level      string `json:"level,omitempty"`
	TimeZone   string `json:"timezone"`
	Aspiration string `json:"aspiration"`
}

// MeetingRef is a meeting as the brief shows it.
type MeetingRef struct {
	ID          id.ID  `json:"id" ts_type:"string"`
	Date        string `json:"date"`
	Status      string `json:"status"`
	SharedNotes string `json:"sharedNotes,omitempty"`
	// PrivateNotes is filled only when the brief was asked to include them.
	PrivateNotes string `json:"privateNotes,omitempty"`
	Mood         int    `json:"mood,omitempty"`
	Energy       int    `json:"energy,omitempty"`
}

// MoodPoint is one check-in.
type MoodPoint struct {
	Date   string `json:"date"`
	Mood   int    `json:"mood,omitempty"`
	Energy int    `json:"energy,omitempty"`
}

// OnCallLoad is a person's on-call load in a window.
type OnCallLoad struct {
	From         time.Time `json:"from" ts_type:"string"`
	To           time.Time `json:"to" ts_type:"string"`
	Shifts       int       `json:"shifts"`
	Overrides    int       `json:"overrides"`
	Hours        float64   `json:"hours"`
	NightHours   float64   `json:"nightHours"`
	WeekendHours float64   `json:"weekendHours"`
	HolidayHours float64   `json:"holidayHours"`
	// Holidays names the holidays they were on call on.
	Holidays []string `json:"holidays"`
	// Pages: incidents they took part in that started while they were on
	// call; NightPages those that started 22:00-07:00 in their zone.
	Pages      int `json:"pages"`
	NightPages int `json:"nightPages"`
	// Frequency over the last 12 weeks (weeks on call / weeks).
	WeeksOnCall float64 `json:"weeksOnCall"`
	Weeks       int     `json:"weeks"`
	TooFrequent bool    `json:"tooFrequent"`
	// NextShift is their next shift within two weeks, if any.
	NextShift *oncall.Shift `json:"nextShift,omitempty"`
	// InRotation: they are a participant of at least one rotation.
	InRotation bool `json:"inRotation"`
	// Paging is what the imported paging history says about the window
	// (nil when no paging history is imported at all).
	Paging *Paging `json:"paging,omitempty"`
}

// Paging is a person's pages from the imported paging history in a
// window, by band of their local time (pages.BandOf), with the on-call
// health flags that concern them (pages per on-call day and sleep-hour
// pages over the window, MTTA rising over the last 8 weeks).
type Paging struct {
	Pages       int          `json:"pages"`
	Business    int          `json:"business"`
	OffHours    int          `json:"offHours"`
	Sleep       int          `json:"sleep"`
	OnCallDays  float64      `json:"onCallDays"`
	PerDay      float64      `json:"pagesPerOnCallDay"`
	MTTASeconds *float64     `json:"mttaSeconds"`
	MTTRSeconds *float64     `json:"mttrSeconds"`
	Flags       []pages.Flag `json:"flags"`
}

// IncidentPart is an incident the person took part in.
type IncidentPart struct {
	ID        id.ID     `json:"id" ts_type:"string"`
	Title     string    `json:"title"`
	Severity  int       `json:"severity"`
	Status    string    `json:"status"`
	StartedAt time.Time `json:"startedAt" ts_type:"string"`
	Role      string    `json:"role"` // commander, communications, scribe, responder, participant
}

// Goal is a development-plan goal or milestone that is due soon or late.
type Goal struct {
	GoalID    id.ID  `json:"goalId" ts_type:"string"`
	Goal      string `json:"goal"`
	Milestone string `json:"milestone,omitempty"` // "" when the goal itself is due
	DueDate   string `json:"dueDate"`
	Late      bool   `json:"late"`
	Days      int    `json:"days"` // days until due (negative: days late)
}

// GoalSource reads the goals and milestones of a person due within the
// given number of days, or late, on today. The development-plan area
// provides it (nil: no plans).
type GoalSource func(txn *badger.Txn, person id.ID, today string, within int) ([]Goal, error)

// Suggestion is a proposed agenda item and why.
type Suggestion struct {
	Kind string `json:"kind"` // oncall, incident, topic, followup, feedback, mood, goal, cadence
	Text string `json:"text"`
	Why  string `json:"why"`
}

// Brief is the 1:1 prep brief of one person.
type Brief struct {
	Person      PersonInfo              `json:"person"`
	Today       string                  `json:"today"`
	GeneratedAt time.Time               `json:"generatedAt" ts_type:"string"`
	Cadence     *oneonone.CadenceStatus `json:"cadence,omitempty"`
	// Since is the date "since the last 1:1" counts from: the last held
	// 1:1, or 30 days ago when none was held.
	Since       string      `json:"since"`
	DaysSince   int         `json:"daysSince"` // -1: no 1:1 held yet
	LastMeeting *MeetingRef `json:"lastMeeting,omitempty"`
	NextMeeting *MeetingRef `json:"nextMeeting,omitempty"`
	// Topics are the open topics for the next 1:1: the next planned
	// meeting's agenda when there is one, else what the last one left open.
	Topics          []oneonone.AgendaItem `json:"topics"`
	FollowUpsTheirs []followup.Brief      `json:"followUpsTheirs"` // open, owned by them
	FollowUpsMine   []followup.Brief      `json:"followUpsMine"`   // open, from their 1:1s, owned by someone else
	ClosedSince     int                   `json:"closedSince"`     // follow-ups they closed since
	FeedbackDrafts  []feedback.Entry      `json:"feedbackDrafts"`
	Feedback        feedback.Balance      `json:"feedback"`
	Goals           []Goal                `json:"goals"`
	Mood            []MoodPoint           `json:"mood"` // the last check-ins, oldest first
	MoodTrend       string                `json:"moodTrend"`
	OnCall          OnCallLoad            `json:"oncall"`
	Incidents       []IncidentPart        `json:"incidents"`
	Suggestions     []Suggestion          `json:"suggestions"`
	IncludesPrivate bool                  `json:"includesPrivate"`

	onCallShifts []oncall.Shift // their shifts in the window, for pages
	linked       map[id.ID]bool // records their plan already links as evidence
}

// Options of a brief.
type Options struct {
	IncludePrivate bool
	// Zone is the manager's zone (week windows, night pages fall back to it).
	Zone *time.Location
}

// LinkedSource reads the ids of the records a person's development plan
// already links as evidence (nil: no plans).
type LinkedSource func(txn *badger.Txn, person id.ID) (map[id.ID]bool, error)

// Builder builds briefs and the team health view.
type Builder struct {
	Goals  GoalSource
	Linked LinkedSource
	// Store and Zone (the manager's zone) serve Build and Health, which read
	// in a transaction of their own; the ...Tx methods need neither.
	Store *store.Store
	Zone  func(txn *badger.Txn) *time.Location
	// OnCall reads the on-call snapshot in txn (the on-call service's cached
	// one, oncall.Service.SnapshotTx); nil loads what the window needs.
	OnCall func(txn *badger.Txn) (*oncall.Snapshot, error)

	memoMu     sync.Mutex
	pagingMemo *pagingInput // the last paging input read (pagingRead)
}

// OnCallSnapshotTx is the on-call data the brief, health and the Today
// screen read in txn: the service's cached snapshot, else what [from, to)
// needs.
func (b *Builder) OnCallSnapshotTx(txn *badger.Txn, from, to time.Time) (*oncall.Snapshot, error) {
	if b.OnCall != nil {
		return b.OnCall(txn)
	}
	return oncall.LoadTx(txn, from, to)
}

// GoalWindow is how far ahead goals and milestones count as "due".
const GoalWindow = 14

// MoodPoints is how many check-ins the brief shows.
const MoodPoints = 8

// BuildTx assembles the brief of person on today (a civil date in the
// manager's zone), at now.
func (b *Builder) BuildTx(txn *badger.Txn, person id.ID, today string, now time.Time, opt Options) (Brief, error) {
	p, err := people.Persons.Get(txn, person)
	if err != nil {
		return Brief{}, err
	}
	if _, ok := civil.Parse(today); !ok {
		return Brief{}, errs.FieldErr("today", "Today must be a date like 2026-03-01.")
	}
	if opt.Zone == nil {
		opt.Zone = time.UTC
	}
	br := Brief{
		Person: PersonInfo{ID: p.ID, Name: p.Name, Role: p.Role, Level: p.Level, TimeZone: p.TimeZone, Aspiration: string(p.Aspiration)},
		Today:  today, GeneratedAt: now.UTC(), IncludesPrivate: opt.IncludePrivate, DaysSince: -1,
		Topics: []oneonone.AgendaItem{}, FollowUpsTheirs: []followup.Brief{}, FollowUpsMine: []followup.Brief{},
		FeedbackDrafts: []feedback.Entry{}, Goals: []Goal{}, Mood: []MoodPoint{}, Incidents: []IncidentPart{}, Suggestions: []Suggestion{},
	}

	// 1:1s: cadence, last and next meeting, open topics, mood.
	if st, ok, err := oneonone.StatusTx(txn, person, p.Name, today); err != nil {
		return br, err
	} else if ok {
		br.Cadence = &st
	}
	hist := oneonone.HistoryTx(txn, person)
	var last, next *oneonone.Entry
	for i := range hist {
		e := &hist[i]
		if e.Status == oneonone.Held && e.Date <= today {
			last = e
		}
		if e.Status == oneonone.Planned && e.Date >= today && next == nil {
			next = e
		}
		if opt.IncludePrivate && e.Status == oneonone.Held && (e.Mood > 0 || e.Energy > 0) { // mood is private (docs/privacy.md)
			br.Mood = append(br.Mood, MoodPoint{Date: e.Date, Mood: e.Mood, Energy: e.Energy})
		}
	}
	if len(br.Mood) > MoodPoints {
		br.Mood = br.Mood[len(br.Mood)-MoodPoints:]
	}
	br.MoodTrend = Trend(br.Mood)
	todayT, _ := civil.Parse(today)
	br.Since = todayT.AddDate(0, 0, -30).Format(civil.Layout)
	if last != nil {
		m, err := oneonone.Meetings.Get(txn, last.ID)
		if err != nil {
			return br, err
		}
		br.LastMeeting = ref(&m, opt.IncludePrivate)
		br.Since, br.DaysSince = m.Date, civil.DaysBetween(m.Date, today)
		br.Topics = m.Open()
	}
	if next != nil {
		m, err := oneonone.Meetings.Get(txn, next.ID)
		if err != nil {
			return br, err
		}
		br.NextMeeting = ref(&m, opt.IncludePrivate)
		br.Topics = m.Open()
	}
	if br.Topics == nil {
		br.Topics = []oneonone.AgendaItem{}
	}

	// Follow-ups: theirs (any source) and the ones agreed in their 1:1s.
	meetings := map[id.ID]bool{}
	for _, e := range hist {
		meetings[e.ID] = true
	}
	err = followup.OpenTx(txn, func(it *followup.Brief) bool {
		switch {
		case it.OwnerID == person:
			br.FollowUpsTheirs = append(br.FollowUpsTheirs, *it)
		case it.Source.Kind == followup.SourceOneOnOne && meetings[it.Source.ID]:
			br.FollowUpsMine = append(br.FollowUpsMine, *it)
		}
		return true
	})
	if err != nil {
		return br, err
	}
	err = followup.ClosedSinceTx(txn, br.Since, func(it *followup.Brief) bool {
		if it.OwnerID == person && it.Status == followup.StatusDone {
			br.ClosedSince++
		}
		return true
	})
	if err != nil {
		return br, err
	}

	// Feedback: drafts for them and the balance.
	if br.Feedback, err = feedback.BalanceTx(txn, person, today); err != nil {
		return br, err
	}
	for _, f := range feedback.FactsTx(txn, person) {
		if f.Status != feedback.Draft {
			continue
		}
		e, err := feedback.Entries.Get(txn, f.ID)
		if err != nil {
			return br, err
		}
		if !opt.IncludePrivate { // feedback text is private (docs/privacy.md): the draft, not its words
			e.Situation, e.Behaviour, e.Impact, e.NextStep = "", "", "", ""
		}
		br.FeedbackDrafts = append(br.FeedbackDrafts, e)
	}

	// Development plan.
	if b.Goals != nil {
		g, err := b.Goals(txn, person, today, GoalWindow)
		if err != nil {
			return br, err
		}
		br.Goals = append(br.Goals, g...)
	}
	if b.Linked != nil {
		if br.linked, err = b.Linked(txn, person); err != nil {
			return br, err
		}
	}

	// On-call load and incidents since the last 1:1.
	sinceT := wallMidnight(br.Since, opt.Zone)
	if err := b.onCall(txn, &br, person, sinceT, now, opt.Zone); err != nil {
		return br, err
	}
	if err := b.incidents(txn, &br, person, sinceT, now); err != nil {
		return br, err
	}
	if err := b.paging(txn, &br, person, sinceT, now); err != nil {
		return br, err
	}
	br.Suggestions = Suggest(&br)
	return br, nil
}

func wallMidnight(date string, loc *time.Location) time.Time {
	d, _ := civil.Parse(date)
	y, m, dd := d.Date()
	return time.Date(y, m, dd, 0, 0, 0, 0, loc)
}

func ref(m *oneonone.Meeting, private bool) *MeetingRef {
	r := &MeetingRef{ID: m.ID, Date: m.Date, Status: string(m.Status), SharedNotes: m.SharedNotes}
	if private { // private notes, mood and energy (docs/privacy.md)
		r.PrivateNotes, r.Mood, r.Energy = m.PrivateNotes, m.Mood, m.Energy
	}
	return r
}

// Trend says where the last check-ins are going: "falling" when the mean of
// the last three moods is at least one point below the three before (or the
// last mood is 1-2 after a higher one), "rising" the other way round,
// "steady" otherwise, "" with fewer than two check-ins.
func Trend(points []MoodPoint) string {
	var m []int
	for _, p := range points {
		if p.Mood > 0 {
			m = append(m, p.Mood)
		}
	}
	if len(m) < 2 {
		return ""
	}
	n := min(3, len(m)/2)
	if n == 0 {
		n = 1
	}
	recent, before := mean(m[len(m)-n:]), mean(m[len(m)-2*n:len(m)-n])
	last, prev := m[len(m)-1], m[len(m)-2]
	// one point between averages of two or three check-ins; two points
	// between single check-ins (a 5 then a 4 is noise)
	step := 1.0
	if n == 1 {
		step = 2
	}
	switch {
	case recent <= before-step || (last <= 2 && prev > last):
		return "falling"
	case recent >= before+step:
		return "rising"
	}
	return "steady"
}

func mean(l []int) float64 {
	s := 0
	for _, v := range l {
		s += v
	}
	return float64(s) / float64(len(l))
}

// onCall fills the on-call load in [from, now) and the next shift.
func (b *Builder) onCall(txn *badger.Txn, br *Brief, person id.ID, from, now time.Time, loc *time.Location) error {
	if oncall.Rotations.Count(txn) == 0 {
		br.OnCall = OnCallLoad{From: from, To: now, Holidays: []string{}}
		return nil
	}
	// 12 weeks back for the frequency, two weeks ahead for the next shift.
	freqFrom := now.Add(-12 * 7 * 24 * time.Hour)
	lo := from
	if freqFrom.Before(lo) {
		lo = freqFrom
	}
	snap, err := b.OnCallSnapshotTx(txn, lo, now.Add(14*24*time.Hour))
	if err != nil {
		return err
	}
	l := OnCallLoad{From: from, To: now, Holidays: []string{}}
	for _, r := range snap.Rotations {
		for _, u := range r.Participants {
			l.InRotation = l.InRotation || u == person
		}
	}
	if from.Before(now) {
		for _, row := range oncall.Fairness(snap, from, now).Rows {
			if row.PersonID == person {
				l.Shifts, l.Overrides, l.Hours, l.NightHours, l.WeekendHours, l.HolidayHours =
					row.Shifts, row.Overrides, row.Hours, row.NightHours, row.WeekendHours, row.HolidayHours
			}
		}
	}
	for _, row := range oncall.Fairness(snap, freqFrom, now).Rows {
		if row.PersonID == person {
			l.WeeksOnCall, l.Weeks, l.TooFrequent = row.WeeksOnCall, row.Weeks, row.TooFrequent
		}
	}
	zone := snap.Zone(person)
	seen := map[string]bool{}
	var mine []oncall.Shift
	for _, s := range oncall.AllShifts(snap, from, now.Add(14*24*time.Hour)) {
		if s.PersonID != person || s.Gap {
			continue
		}
		if !s.Start.Before(now) {
			if l.NextShift == nil {
				sh := s
				l.NextShift = &sh
			}
			continue
		}
		mine = append(mine, s)
		if l.HolidayHours > 0 {
			for d := s.Start.In(zone); d.Before(s.End); d = d.AddDate(0, 0, 1) {
				if name, ok := snap.HolidayOf(person, d.Format(civil.Layout)); ok && !seen[name] {
					seen[name] = true
					l.Holidays = append(l.Holidays, name)
				}
			}
		}
	}
	br.OnCall = l
	br.onCallShifts = mine
	return nil
}

// pagingSnapshot is the on-call data on-call health needs for [from, to):
// nil without rotations (no shifts; zones then come from the people).
func (b *Builder) pagingSnapshot(txn *badger.Txn, from, to time.Time) (*oncall.Snapshot, error) {
	if oncall.Rotations.Count(txn) == 0 {
		return oncall.LoadTx(txn, from, to)
	}
	return b.OnCallSnapshotTx(txn, from, to)
}

// MTTAWindow is how far back the MTTA-rising flag looks (two 4-week halves).
const MTTAWindow = 56 * 24 * time.Hour

// PagingHealthTx is the on-call health of persons over [from, to) from the
// imported pages, with the MTTA-rising flags of the 8 weeks before to
// added; nil when no page is stored at all.
func (b *Builder) PagingHealthTx(txn *badger.Txn, persons []id.ID, from, to time.Time) (*pages.HealthReport, error) {
	if !pages.AnyTx(txn) || !from.Before(to) {
		return nil, nil
	}
	lo := from
	if back := to.Add(-MTTAWindow); back.Before(lo) {
		lo = back
	}
	in, err := b.pagingRead(txn, persons, lo, to)
	if err != nil {
		return nil, err
	}
	rep := pages.PeopleHealth(in.pages, in.shifts, in.snap, persons, from, to, in.opt)
	flags := rep.Flags[:0:0]
	for _, f := range rep.Flags {
		if f.Kind != pages.FlagMTTARising {
			flags = append(flags, f)
		}
	}
	long := pages.PeopleHealth(in.pages, in.shifts, in.snap, persons, to.Add(-MTTAWindow), to, in.opt)
	for _, f := range long.Flags {
		if f.Kind == pages.FlagMTTARising {
			flags = append(flags, f)
		}
	}
	rep.Flags = flags
	return rep, nil
}

// pagingInput is what the paging health of [lo, to) is computed from: the
// persons' pages created in it (in persons' order, each person's by the
// responder index), the on-call snapshot and every shift overlapping it.
// Each report of a narrower window is worked out from it in memory
// (pages.PeopleHealth), so team health (4 weeks) and the Today screen (7
// days), each with its 8 weeks of MTTA, read the pages once instead of four
// times.
type pagingInput struct {
	readTs  uint64
	lo, to  time.Time
	snap    *oncall.Snapshot
	opt     pages.HealthOptions
	byOwner map[id.ID][]pages.Page
	shifts  []oncall.Shift
	shifted bool // shifts computed (only when some page needs them)
	pages   []pages.Page
}

// pagingRead reads (or reuses) the paging input of persons over [lo, to).
// The last one read is kept: a Badger snapshot never changes, so an input
// read at the same read timestamp and window is the same data; only the
// persons' pages are added when a caller asks for more people.
func (b *Builder) pagingRead(txn *badger.Txn, persons []id.ID, lo, to time.Time) (*pagingInput, error) {
	b.memoMu.Lock()
	defer b.memoMu.Unlock()
	in := b.pagingMemo
	if in == nil || in.readTs != txn.ReadTs() || !in.lo.Equal(lo) || !in.to.Equal(to) {
		snap, err := b.pagingSnapshot(txn, lo, to)
		if err != nil {
			return nil, err
		}
		opt, err := pages.OptionsTx(txn)
		if err != nil {
			return nil, err
		}
		in = &pagingInput{readTs: txn.ReadTs(), lo: lo, to: to, snap: snap, opt: opt, byOwner: map[id.ID][]pages.Page{}}
	}
	out := &pagingInput{readTs: in.readTs, lo: lo, to: to, snap: in.snap, opt: in.opt}
	for _, u := range persons {
		l, ok := in.byOwner[u]
		if !ok {
			var err error
			if l, err = pages.PersonPagesTx(txn, u, lo, to); err != nil {
				return nil, err
			}
			in.byOwner[u] = l
		}
		out.pages = append(out.pages, l...)
	}
	if len(out.pages) > 0 && !in.shifted {
		if in.snap != nil && len(in.snap.Rotations) > 0 {
			in.shifts = oncall.AllShifts(in.snap, lo, to)
		}
		in.shifted = true
	}
	out.shifts, out.shifted = in.shifts, in.shifted
	b.pagingMemo = in
	return out, nil
}

// paging fills the imported pages of the person since from.
func (b *Builder) paging(txn *badger.Txn, br *Brief, person id.ID, from, now time.Time) error {
	rep, err := b.PagingHealthTx(txn, []id.ID{person}, from, now)
	if err != nil || rep == nil {
		return err
	}
	pg := &Paging{Flags: []pages.Flag{}}
	for _, p := range rep.People {
		if p.PersonID == person {
			pg.Pages, pg.Business, pg.OffHours, pg.Sleep = p.Pages, p.Business, p.OffHours, p.Sleep
			pg.OnCallDays, pg.PerDay, pg.MTTASeconds, pg.MTTRSeconds = p.OnCallDays, p.PagesPerOnCallDay, p.MTTASeconds, p.MTTRSeconds
		}
	}
	for _, f := range rep.Flags {
		if f.PersonID == person {
			pg.Flags = append(pg.Flags, f)
		}
	}
	br.OnCall.Paging = pg
	return nil
}

// incidents fills the incidents the person took part in since from: the
// incidents started in the window (the covering summary index, keys only)
// that the person index files under them; only those are decoded.
func (b *Builder) incidents(txn *badger.Txn, br *Brief, person id.ID, from, now time.Time) error {
	mine := map[id.ID]bool{}
	for _, u := range store.Lookup(txn, store.IdxIncidentPerson, store.Term(person)) {
		mine[u] = true
	}
	if len(mine) == 0 {
		return nil
	}
	var ids []id.ID
	err := incident.SummariesTx(txn, from, now.Add(time.Nanosecond), func(s *incident.Summary) error {
		if mine[s.ID] {
			ids = append(ids, s.ID)
		}
		return nil
	})
	if err != nil {
		return err
	}
	zone, _ := time.LoadLocation(br.Person.TimeZone)
	if zone == nil {
		zone = time.UTC
	}
	for _, u := range ids {
		in, err := incident.Incidents.Get(txn, u)
		if err != nil {
			return err
		}
		br.Incidents = append(br.Incidents, IncidentPart{ID: in.ID, Title: in.Title, Severity: in.Severity, Status: string(in.Status),
			StartedAt: in.StartedAt, Role: in.RoleOf(person)})
		for _, s := range br.onCallShifts {
			if !in.StartedAt.Before(s.Start) && in.StartedAt.Before(s.End) {
				br.OnCall.Pages++
				if h := in.StartedAt.In(zone).Hour(); h >= 22 || h < 7 {
					br.OnCall.NightPages++
				}
				break
			}
		}
	}
	sort.Slice(br.Incidents, func(i, j int) bool { return br.Incidents[i].StartedAt.After(br.Incidents[j].StartedAt) })
	return nil
}

// Suggest proposes agenda items from the brief's data, most pressing first.
func Suggest(br *Brief) []Suggestion {
	out := []Suggestion{}
	add := func(kind, text, why string) { out = append(out, Suggestion{Kind: kind, Text: text, Why: why}) }
	name := firstName(br.Person.Name)
	since := "since your last 1:1"
	if br.DaysSince < 0 {
		since = "in the last 30 days"
	}
	if c := br.Cadence; c != nil && c.Overdue {
		add("cadence", "Hold this 1:1 soon: "+c.Message, "The cadence is "+c.Cadence.Label()+".")
	}
	if br.MoodTrend == "falling" && len(br.Mood) > 0 {
		first, last := br.Mood[max(0, len(br.Mood)-4)], br.Mood[len(br.Mood)-1]
		add("mood", fmt.Sprintf("Ask how %s is doing: mood went from %d to %d", name, first.Mood, last.Mood),
			fmt.Sprintf("Check-ins from %s to %s.", first.Date, last.Date))
	}
	l := br.OnCall
	if l.NightHours >= 1 {
		add("oncall", fmt.Sprintf("%s night hours on call %s: check in on load and sleep", num(l.NightHours), since),
			"Night hours are 22:00-07:00 in their time zone.")
	}
	if l.NightPages > 0 {
		add("oncall", fmt.Sprintf("Paged at night %d time%s %s: was it actionable?", l.NightPages, plural(l.NightPages), since),
			"Incidents they joined that started at night during their shift.")
	}
	if pg := l.Paging; pg != nil {
		if pg.Sleep > 0 {
			add("oncall", fmt.Sprintf("%d sleep-hour page%s %s: was each one worth waking up for?", pg.Sleep, plural(pg.Sleep), since),
				fmt.Sprintf("Imported paging history: %d of %d pages came in 22:00–08:00 their time.", pg.Sleep, pg.Pages))
		}
		for _, f := range pg.Flags {
			switch f.Kind {
			case pages.FlagPagesPerDay:
				add("oncall", fmt.Sprintf("%s pages per on-call day %s: which alerts could go?", num(round1(pg.PerDay)), since), f.Reason)
			case pages.FlagMTTARising:
				add("oncall", "Time to acknowledge pages is rising: is the load or the tooling wearing them down?", f.Reason)
			}
		}
	}
	if len(l.Holidays) > 0 {
		add("oncall", fmt.Sprintf("On call on %s: thank them and agree time off in lieu", strings.Join(l.Holidays, ", ")),
			fmt.Sprintf("%s holiday hours on call.", num(l.HolidayHours)))
	}
	if l.TooFrequent {
		add("oncall", fmt.Sprintf("On call in %s of the last %d weeks: more than one week in four", num(l.WeeksOnCall), l.Weeks),
			"A sustainable pace is about one week in four.")
	}
	for _, in := range br.Incidents {
		if in.Role == "commander" {
			why := "Incident commander on " + in.StartedAt.Format("2 Jan") + "."
			if !br.linked[in.ID] {
				why += " Worth linking as evidence in their plan."
			}
			add("incident", fmt.Sprintf("Recognise commanding SEV%d \"%s\"; ask what they learned", in.Severity, in.Title), why)
		}
	}
	if n := len(br.Incidents); n >= 3 {
		add("incident", fmt.Sprintf("%d incidents %s: is the load sustainable?", n, since), "Incident load.")
	}
	for _, t := range br.Topics {
		if t.Carried >= 2 {
			add("topic", fmt.Sprintf("\"%s\" has been carried %d times: give it time first, or drop it", t.Text, t.Carried), "Carried over from "+t.CarriedFrom+".")
		}
	}
	for _, f := range br.FollowUpsTheirs {
		if f.IsOverdue(br.Today) {
			add("followup", fmt.Sprintf("%s's follow-up \"%s\" is overdue (due %s)", name, f.Title, civil.ShortText(f.DueDate)), "Help unblock it or re-plan it.")
		}
	}
	for _, f := range br.FollowUpsMine {
		if f.IsOverdue(br.Today) {
			add("followup", fmt.Sprintf("Your follow-up \"%s\" is overdue (due %s)", f.Title, civil.ShortText(f.DueDate)), "Agreed in a 1:1 with them.")
		}
	}
	for _, d := range br.FeedbackDrafts {
		age := int(mustDate(br.Today).Sub(d.CreatedAt.Truncate(24*time.Hour)).Hours() / 24)
		when := fmt.Sprintf("%d days ago", age)
		switch age {
		case 0:
			when = "today"
		case 1:
			when = "yesterday"
		}
		text := fmt.Sprintf("Deliver %s feedback drafted %s", d.Kind, when)
		if d.Behaviour != "" { // empty in a brief without private data
			text += ": " + clip(d.Behaviour, 80)
		}
		add("feedback", text, "Feedback is most useful while it is timely.")
	}
	for i, f := range br.Feedback.Flags {
		if f == "only_constructive" || f == "only_positive" {
			add("feedback", br.Feedback.Notes[i], "Feedback balance over the last 90 days.")
		}
	}
	for _, g := range br.Goals {
		what := g.Goal
		if g.Milestone != "" {
			what = g.Milestone + " (" + g.Goal + ")"
		}
		if g.Late {
			add("goal", fmt.Sprintf("Plan: \"%s\" is %d day%s late", what, -g.Days, plural(-g.Days)), "Re-plan it or find what blocks it.")
		} else {
			add("goal", fmt.Sprintf("Plan: \"%s\" is due in %d day%s", what, g.Days, plural(g.Days)), "Development plan.")
		}
	}
	return out
}

func mustDate(s string) time.Time {
	d, _ := civil.Parse(s)
	return d
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

func firstName(n string) string {
	if f := strings.Fields(n); len(f) > 0 {
		return f[0]
	}
	return n
}

func round1(f float64) float64 { return float64(int(f*10+0.5)) / 10 }

func num(f float64) string {
	if f == float64(int(f)) {
		return fmt.Sprintf("%d", int(f))
	}
	return fmt.Sprintf("%.1f", f)
}

func plural(n int) string {
	if n == 1 || n == -1 {
		return ""
	}
	return "s"
}
