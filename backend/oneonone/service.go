package oneonone

import (
	"fmt"
	"time"
	"wheelhouse/backend/civil"

	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/clock"
	"wheelhouse/backend/errs"
	"wheelhouse/backend/followup"
	"wheelhouse/backend/id"
	"wheelhouse/backend/people"
	"wheelhouse/backend/store"
)

// SeriesTable holds one cadence per report, keyed by the person's id.
var SeriesTable = &store.Table[Series]{
	Name: "1:1 cadence", Prefix: store.PrefixOneOnOneSeries,
	ID: func(s *Series) id.ID { return s.PersonID },
}

// Meetings is the table of 1:1s. Its person index is covering: the key
// holds the date, status, mood and energy, so history, "last held", the mood
// trend and team health read keys only:
//
//	IdxMeetingPerson | person(16) | date(10) | status(1) | mood(1) | energy(1) | meeting id(16)
var Meetings = &store.Table[Meeting]{
	Name: "1:1", Prefix: store.PrefixMeeting,
	ID: func(m *Meeting) id.ID { return m.ID },
	Indexes: []store.Index[Meeting]{
		{Prefix: store.IdxMeetingPerson, Terms: func(m *Meeting) [][]byte {
			return [][]byte{store.Term(m.PersonID, []byte(m.Date), []byte{statusByte(m.Status), byte(m.Mood), byte(m.Energy)})}
		}},
	},
}

func statusByte(s MeetingStatus) byte {
	switch s {
	case Held:
		return 'h'
	case Cancelled:
		return 'c'
	}
	return 'p'
}

func statusOf(b byte) MeetingStatus {
	switch b {
	case 'h':
		return Held
	case 'c':
		return Cancelled
	}
	return Planned
}

// Entry is a meeting as the person index knows it.
type Entry struct {
	ID     id.ID         `json:"id" ts_type:"string"`
	Date   string        `json:"date"`
	Status MeetingStatus `json:"status"`
	Mood   int           `json:"mood,omitempty"`
	Energy int           `json:"energy,omitempty"`
}

func decodeEntry(k []byte) (Entry, bool) {
	r := store.ReadKey(k)
	r.ID() // the person
	e := Entry{Date: string(r.Bytes(10)), Status: statusOf(r.Byte()), Mood: int(r.Byte()), Energy: int(r.Byte()), ID: r.ID()}
	if !r.Done() {
		return Entry{}, false
	}
	return e, true
}

// HistoryTx returns the person's meetings, oldest first, from the index
// alone.
func HistoryTx(txn *badger.Txn, person id.ID) []Entry {
	var out []Entry
	_ = store.Keys(txn, store.Prefix(store.IdxMeetingPerson, person), func(k []byte) error {
		if e, ok := decodeEntry(k); ok {
			out = append(out, e)
		}
		return nil
	})
	return out
}

// findEntry is the first entry in r (keys only) that match accepts.
func findEntry(txn *badger.Txn, r store.Range, match func(*Entry) bool) (found Entry, ok bool) {
	_ = store.Keys(txn, r, func(k []byte) error {
		if e, valid := decodeEntry(k); valid && match(&e) {
			found, ok = e, true
			return store.Stop
		}
		return nil
	})
	return found, ok
}

// LastHeldTx returns the person's latest held meeting on or before date
// ("" for any), reading keys backwards from the newest.
func LastHeldTx(txn *badger.Txn, person id.ID, onOrBefore string) (Entry, bool) {
	r := store.Prefix(store.IdxMeetingPerson, person)
	r.Reverse = true
	if onOrBefore != "" {
		r.End = store.PrefixEnd(store.Key(store.IdxMeetingPerson, person, []byte(onOrBefore)))
	}
	return findEntry(txn, r, func(e *Entry) bool { return e.Status == Held })
}

// SeriesTx reads a person's cadence.
func SeriesTx(txn *badger.Txn, person id.ID) (Series, bool, error) {
	s, err := SeriesTable.Get(txn, person)
	if errs.Is(err, errs.NotFound) {
		return Series{}, false, nil
	}
	return s, err == nil, err
}

// Service is the 1:1 service.
type Service struct {
	st    *store.Store
	clock clock.Clock
	book  *followup.Book
	// Zone is the manager's zone (nil: UTC): the usual time of a series is
	// wall-clock time there (the page's next slot, the .ics export).
	Zone func(txn *badger.Txn) *time.Location
}

// NewService builds the service. It registers 1:1s as a source of
// follow-ups with book.
func NewService(st *store.Store, c clock.Clock, book *followup.Book) *Service {
	s := &Service{st: st, clock: c, book: book}
	if book != nil {
		book.RegisterSource(followup.SourceOneOnOne, SourceCheck)
	}
	return s
}

// SourceCheck vouches for a 1:1 as the source of a follow-up and labels it
// "1:1 with Dana, 2026-11-24".
func SourceCheck(txn *badger.Txn, u id.ID) (string, error) {
	m, err := Meetings.Get(txn, u)
	if err != nil {
		return "", err
	}
	return label(txn, &m), nil
}

func label(txn *badger.Txn, m *Meeting) string {
	name := "someone"
	if p, err := people.Persons.Get(txn, m.PersonID); err == nil {
		name = p.Name
	}
	return "1:1 with " + name + ", " + m.Date
}

func (s *Service) now() time.Time { return s.clock.Now().UTC() }

func checkPerson(txn *badger.Txn, c *errs.Collector, u id.ID) error {
	if u.IsZero() {
		return nil
	}
	p, err := people.Persons.Get(txn, u)
	if errs.Is(err, errs.NotFound) {
		c.Add("personId", "That person does not exist (any more).")
		return nil
	}
	if err != nil {
		return err
	}
	if p.Archived {
		c.Add("personId", "%s is archived; restore them first.", p.Name)
	}
	return nil
}

// Series returns a person's cadence; ok is false when none is set.
func (s *Service) Series(person id.ID) (out Series, ok bool, err error) {
	err = s.st.View(func(txn *badger.Txn) error {
		out, ok, err = SeriesTx(txn, person)
		return err
	})
	return out, ok, errs.Wrap("oneonone.Series", err)
}

// SaveSeries creates or replaces a person's cadence.
func (s *Service) SaveSeries(in Series) (Series, error) {
	in.Normalize()
	err := s.st.Update(func(txn *badger.Txn) error {
		var c errs.Collector
		if err := c.Merge("", in.Validate()); err != nil && c.Has("personId") {
			return err
		}
		if err := checkPerson(txn, &c, in.PersonID); err != nil {
			return err
		}
		if err := c.Err(); err != nil {
			return err
		}
		now := s.now()
		old, found, err := SeriesTx(txn, in.PersonID)
		if err != nil {
			return err
		}
		in.CreatedAt = now
		if found {
			in.CreatedAt = old.CreatedAt
		}
		in.UpdatedAt = now
		return SeriesTable.Put(txn, &in)
	})
	return in, errs.Wrap("oneonone.SaveSeries", err)
}

// DeleteSeries stops tracking a cadence (meetings are kept).
func (s *Service) DeleteSeries(person id.ID) error {
	return errs.Wrap("oneonone.DeleteSeries", s.st.Update(func(txn *badger.Txn) error {
		return SeriesTable.Delete(txn, person)
	}))
}

// Meeting reads one meeting.
func (s *Service) Meeting(u id.ID) (m Meeting, err error) {
	err = s.st.View(func(txn *badger.Txn) error {
		m, err = Meetings.Get(txn, u)
		return err
	})
	return m, errs.Wrap("oneonone.Meeting", err)
}

// MeetingsTx returns a person's meetings, newest first; limit <= 0 for all.
func MeetingsTx(txn *badger.Txn, person id.ID, limit int) ([]Meeting, error) {
	h := HistoryTx(txn, person)
	out := make([]Meeting, 0, len(h))
	for i := len(h) - 1; i >= 0 && (limit <= 0 || len(out) < limit); i-- {
		m, err := Meetings.Get(txn, h[i].ID)
		if err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, nil
}

// Meetings returns a person's meetings, newest first (limit <= 0: all).
func (s *Service) Meetings(person id.ID, limit int) (out []Meeting, err error) {
	err = s.st.View(func(txn *badger.Txn) error {
		out, err = MeetingsTx(txn, person, limit)
		return err
	})
	return out, errs.Wrap("oneonone.Meetings", err)
}

// previousTx is the latest meeting of person before date that was not
// cancelled.
func previousTx(txn *badger.Txn, person id.ID, date string, self id.ID) (Meeting, bool, error) {
	h := HistoryTx(txn, person)
	for i := len(h) - 1; i >= 0; i-- {
		e := h[i]
		if e.Date >= date || e.Status == Cancelled || e.ID == self {
			continue
		}
		m, err := Meetings.Get(txn, e.ID)
		return m, err == nil, err
	}
	return Meeting{}, false, nil
}

// nextPlannedTx is the earliest planned meeting of person after date.
func nextPlannedTx(txn *badger.Txn, person id.ID, date string, self id.ID) (Meeting, bool, error) {
	for _, e := range HistoryTx(txn, person) {
		if e.Date <= date || e.Status != Planned || e.ID == self {
			continue
		}
		m, err := Meetings.Get(txn, e.ID)
		return m, err == nil, err
	}
	return Meeting{}, false, nil
}

// carry appends to dst the unfinished topics of from that dst does not have
// yet (matched by the topic's origin), marked as carried.
func carry(dst *Meeting, from *Meeting, now time.Time) int {
	have := map[id.ID]bool{}
	for _, a := range dst.Agenda {
		have[a.OriginID] = true
	}
	n := 0
	for _, a := range from.Open() {
		origin := a.OriginID
		if origin.IsZero() {
			origin = a.ID
		}
		if have[origin] {
			continue
		}
		if len(dst.Agenda) >= MaxAgenda {
			break
		}
		dst.Agenda = append(dst.Agenda, AgendaItem{
			ID: id.New(now), Text: a.Text, By: a.By, OriginID: origin,
			CarriedFrom: from.Date, Carried: a.Carried + 1, Notes: a.Notes,
		})
		have[origin] = true
		n++
	}
	return n
}

// StartMeeting creates a planned 1:1 with person on date. The unfinished
// topics of the previous meeting (the latest before date that was not
// cancelled) are carried over, marked as carried. extra are new topics to add.
func (s *Service) StartMeeting(person id.ID, date string, extra []AgendaItem) (Meeting, error) {
	now := s.now()
	m := Meeting{PersonID: person, Date: date, Status: Planned, Agenda: extra}
	err := s.st.Update(func(txn *badger.Txn) error {
		m.ID, m.CreatedAt, m.UpdatedAt = id.New(now), now, now
		m.Agenda = append([]AgendaItem{}, extra...)
		if err := s.check(txn, &m, now); err != nil {
			return err
		}
		if dup, err := sameDay(txn, person, m.Date, m.ID); err != nil {
			return err
		} else if dup {
			return errs.FieldErr("date", "There is already a 1:1 with them on %s.", civil.Text(m.Date))
		}
		prev, ok, err := previousTx(txn, person, m.Date, m.ID)
		if err != nil {
			return err
		}
		if ok {
			// carried topics first, in the order they were raised
			fresh := m.Agenda
			m.Agenda = nil
			carry(&m, &prev, now)
			m.Agenda = append(m.Agenda, fresh...)
		}
		return Meetings.Put(txn, &m)
	})
	return m, errs.Wrap("oneonone.StartMeeting", err)
}

func sameDay(txn *badger.Txn, person id.ID, date string, self id.ID) (bool, error) {
	_, ok := findEntry(txn, store.Prefix(store.IdxMeetingPerson, person, []byte(date)), func(e *Entry) bool {
		return e.ID != self && e.Status != Cancelled
	})
	return ok, nil
}

func (s *Service) check(txn *badger.Txn, m *Meeting, now time.Time) error {
	m.Normalize(now)
	var c errs.Collector
	if err := c.Merge("", m.Validate()); err != nil && c.Has("personId") {
		return err
	}
	if err := checkPerson(txn, &c, m.PersonID); err != nil {
		return err
	}
	return c.Err()
}

// SaveMeeting replaces a meeting's date, status, agenda, notes and check-in.
// The person cannot change. When the meeting becomes held, its unfinished
// topics are carried to the next planned meeting, if one exists already (a
// meeting planned later picks them up when it is started).
func (s *Service) SaveMeeting(m Meeting) (Meeting, error) {
	now := s.now()
	err := s.st.Update(func(txn *badger.Txn) error {
		old, err := Meetings.Get(txn, m.ID)
		if err != nil {
			return err
		}
		if !m.PersonID.IsZero() && m.PersonID != old.PersonID {
			return errs.FieldErr("personId", "A 1:1 cannot move to someone else; start a new one.")
		}
		m.PersonID, m.CreatedAt, m.UpdatedAt = old.PersonID, old.CreatedAt, now
		if err := s.check(txn, &m, now); err != nil {
			return err
		}
		if m.Date != old.Date && m.Status != Cancelled {
			if dup, err := sameDay(txn, m.PersonID, m.Date, m.ID); err != nil {
				return err
			} else if dup {
				return errs.FieldErr("date", "There is already a 1:1 with them on %s.", civil.Text(m.Date))
			}
		}
		if err := Meetings.Put(txn, &m); err != nil {
			return err
		}
		if m.Status == Held {
			next, ok, err := nextPlannedTx(txn, m.PersonID, m.Date, m.ID)
			if err != nil || !ok {
				return err
			}
			if carry(&next, &m, now) > 0 {
				next.UpdatedAt = now
				return Meetings.Put(txn, &next)
			}
		}
		return nil
	})
	return m, errs.Wrap("oneonone.SaveMeeting", err)
}

// DeleteMeeting removes a meeting. One with follow-ups is refused: delete or
// move those first (like incidents).
func (s *Service) DeleteMeeting(u id.ID) error {
	return errs.Wrap("oneonone.DeleteMeeting", s.st.Update(func(txn *badger.Txn) error {
		items, err := followup.ListTx(txn, followup.Filter{SourceKind: followup.SourceOneOnOne, SourceID: u})
		if err != nil {
			return err
		}
		if n := len(items); n > 0 {
			what := "1 follow-up"
			if n > 1 {
				what = fmt.Sprintf("%d follow-ups", n)
			}
			return errs.E(errs.Conflict, "This 1:1 has %s; delete them first.", what)
		}
		return Meetings.Delete(txn, u)
	}))
}

// FollowUps returns the follow-ups agreed in a meeting.
func (s *Service) FollowUps(u id.ID) (out []followup.Item, err error) {
	err = s.st.View(func(txn *badger.Txn) error {
		out, err = followup.ListTx(txn, followup.Filter{SourceKind: followup.SourceOneOnOne, SourceID: u})
		return err
	})
	return out, errs.Wrap("oneonone.FollowUps", err)
}

// AddFollowUp records a follow-up agreed in a meeting (owner either side).
func (s *Service) AddFollowUp(meeting id.ID, it followup.Item) (followup.Item, error) {
	it.Source = followup.Source{Kind: followup.SourceOneOnOne, ID: meeting}
	return s.book.Create(it)
}

// PersonFollowUpsTx returns the open follow-ups that came out of 1:1s with
// person, whoever owns them, by due date. Keys only (followup.OpenTx).
func PersonFollowUpsTx(txn *badger.Txn, person id.ID) ([]followup.Brief, error) {
	mine := map[id.ID]bool{}
	for _, e := range HistoryTx(txn, person) {
		mine[e.ID] = true
	}
	var out []followup.Brief
	err := followup.OpenTx(txn, func(b *followup.Brief) bool {
		if b.Source.Kind == followup.SourceOneOnOne && mine[b.Source.ID] {
			out = append(out, *b)
		}
		return true
	})
	return out, err
}
