package oneonone

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/civil"
	"wheelhouse/backend/errs"
	"wheelhouse/backend/followup"
	"wheelhouse/backend/id"
	"wheelhouse/backend/people"
	"wheelhouse/backend/reminder"
	"wheelhouse/backend/store"
)

// CadenceStatus is where a report stands against their 1:1 cadence.
type CadenceStatus struct {
	PersonID    id.ID   `json:"personId" ts_type:"string"`
	Name        string  `json:"name"`
	Cadence     Cadence `json:"cadence"`
	CadenceDays int     `json:"cadenceDays"`
	Paused      bool    `json:"paused,omitempty"`
	LastHeld    string  `json:"lastHeld,omitempty"` // "" when none was held yet
	DaysSince   int     `json:"daysSince"`          // days since LastHeld; -1 when none
	NextDue     string  `json:"nextDue"`
	Overdue     bool    `json:"overdue"`
	DaysOverdue int     `json:"daysOverdue,omitempty"`
	// NextPlanned is the date of the next planned meeting, if one exists.
	NextPlanned string `json:"nextPlanned,omitempty"`
	Message     string `json:"message"`
}

// Due works out the status of a series from the last held 1:1 and today.
//
// The next 1:1 is due one cadence after the last one held (monthly: the
// series' weekday of the month, such as the 2nd Tuesday, in the next month:
// the date the calendar export shows), or on the series' start date before
// any was held. It is overdue from the day after that date. Dates are
// civil, so DST never shifts a due date.
func Due(s *Series, name, lastHeld, today string) CadenceStatus {
	st := CadenceStatus{PersonID: s.PersonID, Name: name, Cadence: s.Cadence, CadenceDays: s.Cadence.Days(),
		Paused: s.Paused, LastHeld: lastHeld, DaysSince: -1}
	if lastHeld != "" {
		st.DaysSince = civil.DaysBetween(lastHeld, today)
		st.NextDue = s.NextAfter(lastHeld)
		if st.NextDue < s.StartDate {
			st.NextDue = s.StartDate // a series restarted after a long gap
		}
	} else {
		st.NextDue = s.StartDate
	}
	st.Overdue = !s.Paused && today > st.NextDue
	if st.Overdue {
		st.DaysOverdue = civil.DaysBetween(st.NextDue, today)
	}
	switch {
	case s.Paused:
		st.Message = fmt.Sprintf("1:1s with %s are paused.", name)
	case st.Overdue && lastHeld != "":
		st.Message = fmt.Sprintf("No 1:1 with %s for %d days (cadence %d).", name, st.DaysSince, st.CadenceDays)
	case st.Overdue:
		st.Message = fmt.Sprintf("No 1:1 with %s yet; the first was due %s (cadence %d).", name, shortDate(st.NextDue), st.CadenceDays)
	case st.NextDue == today:
		st.Message = fmt.Sprintf("1:1 with %s is due today.", name)
	default:
		st.Message = fmt.Sprintf("Next 1:1 with %s due %s.", name, shortDate(st.NextDue))
	}
	return st
}

func shortDate(date string) string {
	d, ok := civil.Parse(date)
	if !ok {
		return date
	}
	return d.Format("Mon 2 Jan")
}

// StatusTx is the cadence status of one person; ok is false without a series.
func StatusTx(txn *badger.Txn, person id.ID, name, today string) (CadenceStatus, bool, error) {
	s, ok, err := SeriesTx(txn, person)
	if err != nil || !ok {
		return CadenceStatus{}, false, err
	}
	last, _ := LastHeldTx(txn, person, today)
	st := Due(&s, name, last.Date, today)
	if e, ok := NextPlannedTx(txn, person, today); ok {
		st.NextPlanned = e.Date
	}
	return st, true, nil
}

// NextPlannedTx is the person's first planned meeting on or after date,
// seeking the index from that date (keys only).
func NextPlannedTx(txn *badger.Txn, person id.ID, date string) (Entry, bool) {
	r := store.Prefix(store.IdxMeetingPerson, person)
	r.Start = store.Key(store.IdxMeetingPerson, person, []byte(date))
	return findEntry(txn, r, func(e *Entry) bool { return e.Status == Planned })
}

// StatusesTx is the cadence status of every report with a series who is not
// archived, most overdue first, then by next due date.
func StatusesTx(txn *badger.Txn, today string) ([]CadenceStatus, error) {
	var out []CadenceStatus
	err := SeriesTable.Each(txn, func(s *Series) error {
		p, err := people.Persons.Get(txn, s.PersonID)
		if errs.Is(err, errs.NotFound) {
			return nil
		}
		if err != nil {
			return err
		}
		if p.Archived {
			return nil
		}
		st, _, err := StatusTx(txn, s.PersonID, p.Name, today)
		if err != nil {
			return err
		}
		out = append(out, st)
		return nil
	})
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Overdue != b.Overdue {
			return a.Overdue
		}
		if a.DaysOverdue != b.DaysOverdue {
			return a.DaysOverdue > b.DaysOverdue
		}
		if a.NextDue != b.NextDue {
			return a.NextDue < b.NextDue
		}
		return strings.ToLower(a.Name) < strings.ToLower(b.Name)
	})
	return out, err
}

// Statuses is StatusesTx in its own read transaction.
func (s *Service) Statuses(today string) (out []CadenceStatus, err error) {
	err = s.st.View(func(txn *badger.Txn) error {
		out, err = StatusesTx(txn, today)
		return err
	})
	return out, errs.Wrap("oneonone.Statuses", err)
}

// KindOverdue is the reminder kind of an overdue 1:1.
const KindOverdue = "oneonone.overdue"

// Rules are the 1:1 reminder rules: one reminder per report whose 1:1 is
// overdue, keyed by person and due date (holding the 1:1 moves the due date,
// so the next overdue spell is a new reminder). Cached until the data or the
// date changes.
func Rules() []reminder.Rule {
	return []reminder.Rule{reminder.Cached("oneonones", func(txn *badger.Txn, c reminder.Context) ([]reminder.Reminder, error) {
		if SeriesTable.Count(txn) == 0 {
			return nil, nil
		}
		sts, err := StatusesTx(txn, c.Today)
		if err != nil {
			return nil, err
		}
		var out []reminder.Reminder
		for _, st := range sts {
			if !st.Overdue {
				continue
			}
			d, _ := civil.Parse(st.NextDue)
			y, m, dd := d.Date()
			out = append(out, reminder.Reminder{
				Key:   KindOverdue + ":" + st.PersonID.String() + ":" + st.NextDue,
				Kind:  KindOverdue,
				Title: "1:1 with " + st.Name + " is overdue",
				Body:  st.Message + " Plan it, or pause the cadence in Wheelhouse.",
				Link:  reminder.Link{Area: "people", ID: st.PersonID.String()},
				DueAt: time.Date(y, m, dd+1, 0, 0, 0, 0, c.Loc),
			})
		}
		return out, nil
	})}
}

// PersonRefs takes 1:1s into the hard delete of a person: their cadence and
// meetings (with the private notes) are deleted with them. Follow-ups agreed
// in those meetings are kept (backend/followup keeps them without owner if the
// person owned them); they lose the link to the deleted meeting but keep its
// label.
type PersonRefs struct{}

// Describe says what the delete does to the person's 1:1s.
func (PersonRefs) Describe(txn *badger.Txn, person id.ID) ([]string, error) {
	h := HistoryTx(txn, person)
	_, hasSeries, err := SeriesTx(txn, person)
	if err != nil || (len(h) == 0 && !hasSeries) {
		return nil, err
	}
	n := fmt.Sprintf("%d 1:1s", len(h))
	if len(h) == 1 {
		n = "1 1:1"
	}
	return []string{n + " with their notes (shared and private) and the 1:1 cadence are deleted; follow-ups agreed in them are kept."}, nil
}

// Detach deletes the person's series and meetings inside the delete
// transaction.
func (PersonRefs) Detach(txn *badger.Txn, person id.ID) error {
	h := HistoryTx(txn, person)
	gone := map[id.ID]bool{}
	for _, e := range h {
		gone[e.ID] = true
	}
	if len(gone) > 0 {
		if err := unlinkFollowUps(txn, gone); err != nil {
			return err
		}
	}
	for _, e := range h {
		if err := Meetings.Delete(txn, e.ID); err != nil {
			return err
		}
	}
	if err := SeriesTable.Delete(txn, person); err != nil && !errs.Is(err, errs.NotFound) {
		return err
	}
	return nil
}

var _ people.PersonRefs = PersonRefs{}

// unlinkFollowUps keeps the follow-ups of deleted meetings, without the link.
func unlinkFollowUps(txn *badger.Txn, meetings map[id.ID]bool) error {
	for u := range meetings {
		items, err := followup.ListTx(txn, followup.Filter{SourceKind: followup.SourceOneOnOne, SourceID: u})
		if err != nil {
			return err
		}
		for _, it := range items {
			it.Source = followup.Source{Label: it.Source.Label + " (deleted)"}
			if err := followup.Items.Put(txn, &it); err != nil {
				return err
			}
		}
	}
	return nil
}
