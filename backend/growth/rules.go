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

// Reminder kinds of development plans. Keys are kind:person:milestone:due
// date, so each is delivered once and a changed due date is a new reminder.
const (
	KindMilestoneDue     = "growth.milestone_due"
	KindMilestoneOverdue = "growth.milestone_overdue"
)

// DueSoonDays is how many days before its due date a milestone reminds.
const DueSoonDays = 7

// Rules are the development-plan reminder rules (register them with the
// engine): "Milestone due in N days" for open milestones due within the
// next DueSoonDays days (due from DueSoonDays days before, until the due
// date has passed) and "Milestone overdue" once it has. Milestones of
// archived people do not remind.
//
// What they produce depends only on the data and the date, so it is kept
// until either changes (the transaction's read timestamp moves on every
// commit), like the follow-up rules.
func Rules() []reminder.Rule {
	return []reminder.Rule{reminder.Cached("growth", milestoneReminders)}
}

func milestoneReminders(txn *badger.Txn, c reminder.Context) ([]reminder.Reminder, error) {
	due, err := MilestonesDueTx(txn, civil.AddDays(c.Today, DueSoonDays))
	if err != nil || len(due) == 0 {
		return nil, err
	}
	loc := c.Loc
	if loc == nil {
		loc = time.UTC
	}
	type who struct {
		name     string
		archived bool
	}
	persons := map[id.ID]who{}
	var out []reminder.Reminder
	for _, m := range due {
		w, ok := persons[m.PersonID]
		if !ok {
			p, err := people.Persons.Get(txn, m.PersonID)
			switch {
			case errs.Is(err, errs.NotFound):
				w = who{name: "Someone", archived: true}
			case err != nil:
				return nil, err
			default:
				w = who{name: p.Name, archived: p.Archived}
			}
			persons[m.PersonID] = w
		}
		if w.archived {
			continue
		}
		day, ok := civil.Parse(m.DueDate)
		if !ok {
			continue
		}
		y, mo, d := day.Date()
		start := time.Date(y, mo, d, 0, 0, 0, 0, loc)
		next := time.Date(y, mo, d+1, 0, 0, 0, 0, loc)
		dueText := civil.Text(m.DueDate)
		days := civil.DaysBetween(c.Today, m.DueDate)
		key := fmt.Sprintf("%s:%s:%s:%s", "%s", m.PersonID, m.MilestoneID, m.DueDate)
		link := reminder.Link{Area: "people", ID: m.PersonID.String()}
		if days < 0 {
			out = append(out, reminder.Reminder{
				Key:   fmt.Sprintf(key, KindMilestoneOverdue),
				Kind:  KindMilestoneOverdue,
				Title: "Milestone overdue: " + m.Title,
				Body:  fmt.Sprintf("%s · goal “%s” · was due %s (%s). Tick it off, or move its date in the plan.", w.name, m.GoalTitle, dueText, ago(-days)),
				Link:  link,
				DueAt: next,
			})
			continue
		}
		out = append(out, reminder.Reminder{
			Key:       fmt.Sprintf(key, KindMilestoneDue),
			Kind:      KindMilestoneDue,
			Title:     dueTitle(days) + m.Title,
			Body:      fmt.Sprintf("%s · goal “%s” · due %s.", w.name, m.GoalTitle, dueText),
			Link:      link,
			DueAt:     start.AddDate(0, 0, -DueSoonDays),
			ExpiresAt: next,
		})
	}
	return out, nil
}

func dueTitle(days int) string {
	switch days {
	case 0:
		return "Milestone due today: "
	case 1:
		return "Milestone due tomorrow: "
	}
	return fmt.Sprintf("Milestone due in %d days: ", days)
}

func ago(days int) string {
	if days == 1 {
		return "1 day ago"
	}
	return fmt.Sprintf("%d days ago", days)
}
