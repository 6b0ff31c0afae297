package oneonone

import (
	"bytes"
	"slices"
	"time"

	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/errs"
	"wheelhouse/backend/followup"
	"wheelhouse/backend/id"
	"wheelhouse/backend/people"
	"wheelhouse/backend/tz"
)

// PersonPage is a person's 1:1 page: the cadence (if set), where it stands,
// and the meetings, newest first.
type PersonPage struct {
	HasSeries bool           `json:"hasSeries"`
	Series    Series         `json:"series"`
	Status    *CadenceStatus `json:"status,omitempty"`
	Meetings  []Meeting      `json:"meetings"`
	// FollowUps are the open follow-ups agreed in their 1:1s.
	FollowUps []followup.Brief `json:"followUps"`
	Today     string           `json:"today"`
	// Slot is the next 1:1 as the report sees it (their zone, their working
	// hours); nil without a series or when a zone is unknown.
	Slot *Slot `json:"slot,omitempty"`
	// DSTWarning says when the series meets while the clocks change in the
	// manager's zone (Series.DSTWarning); "" when it never does.
	DSTWarning string `json:"dstWarning,omitempty"`
}

func (s *Service) zoneTx(txn *badger.Txn) *time.Location {
	if s.Zone == nil {
		return time.UTC
	}
	return s.Zone(txn)
}

// Page reads a person's 1:1 page on today (the manager's date) in one
// transaction.
func (s *Service) Page(person id.ID, today string) (PersonPage, error) {
	out := PersonPage{Today: today}
	err := s.st.View(func(txn *badger.Txn) error {
		p, err := people.Persons.Get(txn, person)
		if err != nil {
			return err
		}
		if out.Series, out.HasSeries, err = SeriesTx(txn, person); err != nil {
			return err
		}
		if out.HasSeries {
			st, _, err := StatusTx(txn, person, p.Name, today)
			if err != nil {
				return err
			}
			out.Status = &st
			out.DSTWarning = out.Series.DSTWarning(s.zoneTx(txn), today)
			if rep, ok := tz.Load(p.TimeZone); ok {
				if sl, ok := NextSlot(out.Series, today, s.zoneTx(txn), rep); ok {
					out.Slot = &sl
				}
			}
		}
		if out.Meetings, err = MeetingsTx(txn, person, 0); err != nil {
			return err
		}
		out.FollowUps, err = PersonFollowUpsTx(txn, person)
		return err
	})
	if out.Meetings == nil {
		out.Meetings = []Meeting{}
	}
	if out.FollowUps == nil {
		out.FollowUps = []followup.Brief{}
	}
	return out, errs.Wrap("oneonone.Page", err)
}

// CheckSeries looks at a cadence before it is saved and returns warnings by
// field (the app shows them next to the field; they do not stop a save):
// "time" when the 1:1 meets while the clocks change in the manager's zone.
func (s *Service) CheckSeries(in Series, today string) (map[string]string, error) {
	in.Normalize()
	out := map[string]string{}
	if _, ok := ParseClock(in.Time); !ok || in.DurationMinutes < 15 || in.DurationMinutes > 180 {
		return out, nil // Validate says what is wrong on save
	}
	if _, ok := in.First(); !ok || !slices.Contains(Cadences, in.Cadence) {
		return out, nil
	}
	var loc *time.Location
	if err := s.st.View(func(txn *badger.Txn) error { loc = s.zoneTx(txn); return nil }); err != nil {
		return nil, errs.Wrap("oneonone.CheckSeries", err)
	}
	if w := in.DSTWarning(loc, today); w != "" {
		out["time"] = w
	}
	return out, nil
}

// SeriesFile is a person's 1:1 series as an .ics calendar.
type SeriesFile struct {
	Name   string // "1-1 with Dana": a file name without extension
	ICS    string
	Person people.Person
	Series Series
}

// SeriesICS renders a person's 1:1 series as one recurring event in the
// manager's zone (WriteICS), generated at now. A person without a cadence
// is an Invalid error.
func (s *Service) SeriesICS(person id.ID, now time.Time) (SeriesFile, error) {
	return s.SeriesICSWith(person, now, 0)
}

// SeriesICSWith is SeriesICS with a display alarm that long before each 1:1
// (0: none).
func (s *Service) SeriesICSWith(person id.ID, now time.Time, alarm time.Duration) (SeriesFile, error) {
	var out SeriesFile
	err := s.st.View(func(txn *badger.Txn) error {
		p, err := people.Persons.Get(txn, person)
		if err != nil {
			return err
		}
		sr, ok, err := SeriesTx(txn, person)
		if err != nil {
			return err
		}
		if !ok {
			return errs.E(errs.Invalid, "Set a 1:1 cadence for %s first.", p.Name)
		}
		var b bytes.Buffer
		err = WriteICS(&b, &sr, Invite{PersonName: p.Name, PersonEmail: p.Email, Zone: s.zoneTx(txn), GeneratedAt: now, Alarm: alarm})
		out = SeriesFile{Name: "1-1 with " + p.Name, ICS: b.String(), Person: p, Series: sr}
		return err
	})
	return out, errs.Wrap("oneonone.SeriesICS", err)
}
