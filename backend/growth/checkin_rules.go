package growth

import (
	"fmt"
	"time"

	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/civil"
	"wheelhouse/backend/errs"
	"wheelhouse/backend/id"
	"wheelhouse/backend/people"
	"wheelhouse/backend/reminder"
)

// KindCheckInDue is the reminder kind of a mentoring check-in that is due.
const KindCheckInDue = "growth.checkin_due"

// CheckInRules remind the manager when a mentoring pair's check-in is due
// (from the morning of the due date), once per due date: recording the
// check-in moves the date, so the next one is a new reminder. Ended pairs
// and pairs with an archived person do not remind. Cached like Rules.
func CheckInRules() []reminder.Rule {
	return []reminder.Rule{reminder.Cached("mentoring", func(txn *badger.Txn, c reminder.Context) ([]reminder.Reminder, error) {
		if Mentorships.Count(txn) == 0 {
			return nil, nil
		}
		var out []reminder.Reminder
		names := map[id.ID]string{}
		name := func(u id.ID) (string, error) {
			if n, ok := names[u]; ok {
				return n, nil
			}
			p, err := people.Persons.Get(txn, u)
			if errs.Is(err, errs.NotFound) {
				names[u] = ""
				return "", nil
			}
			if err != nil {
				return "", err
			}
			n := p.Name
			if p.Archived {
				n = ""
			}
			names[u] = n
			return n, nil
		}
		err := Mentorships.Each(txn, func(m *Mentorship) error {
			ci := CheckInOf(m, c.Today)
			if !ci.Due {
				return nil
			}
			mentor, err := name(m.MentorID)
			if err != nil {
				return err
			}
			mentee, err := name(m.MenteeID)
			if err != nil || mentor == "" || mentee == "" {
				return err
			}
			d, _ := civil.Parse(ci.Next)
			y, mo, dd := d.Date()
			late := ""
			switch {
			case ci.Days == -1:
				late = " (1 day late)"
			case ci.Days < 0:
				late = fmt.Sprintf(" (%d days late)", -ci.Days)
			}
			out = append(out, reminder.Reminder{
				Key:   KindCheckInDue + ":" + m.ID.String() + ":" + ci.Next,
				Kind:  KindCheckInDue,
				Title: "Mentoring check-in: " + mentor + " and " + mentee,
				Body: fmt.Sprintf("Their check-in was due %s%s: every %d days. Ask how it goes, then record the check-in in Wheelhouse.",
					d.Format("Mon 2 Jan"), late, max(m.CheckInEveryDays, 1)),
				Link:  reminder.Link{Area: "people", ID: m.MenteeID.String()},
				DueAt: time.Date(y, mo, dd, 9, 0, 0, 0, c.Loc),
			})
			return nil
		})
		if err != nil {
			return nil, err
		}
		return out, nil
	})}
}
