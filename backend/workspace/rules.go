package workspace

import (
	"fmt"
	"time"

	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/action"
	"wheelhouse/backend/id"
	"wheelhouse/backend/incident"
	"wheelhouse/backend/people"
	"wheelhouse/backend/reminder"
)

// Reminder kinds. The key of each reminder names the record and the due date
// it is about: the same overdue item is delivered once, and a new due date is
// a new reminder.
const (
	KindFollowUpOverdue  = "followup.overdue"
	KindFollowUpTomorrow = "followup.due_tomorrow"
	KindReviewOverdue    = "review.overdue"
)

// followUpRules remind of follow-ups (from any source) that are overdue or
// due tomorrow, and of post-incident reviews past their due date.
func followUpRules() []reminder.Rule {
	return []reminder.Rule{
		reminder.RuleFunc{RuleName: KindFollowUpOverdue, Fn: func(txn *badger.Txn, c reminder.Context) ([]reminder.Reminder, error) {
			items, err := action.Overdue(txn, c.Today)
			if err != nil || len(items) == 0 {
				return nil, err
			}
			names, err := personNames(txn)
			if err != nil {
				return nil, err
			}
			out := make([]reminder.Reminder, 0, len(items))
			for _, it := range items {
				days := daysBetween(it.DueDate, c.Today)
				out = append(out, reminder.Reminder{
					Key:   KindFollowUpOverdue + ":" + it.ID.String() + ":" + it.DueDate,
					Kind:  KindFollowUpOverdue,
					Title: "Overdue follow-up: " + it.Title,
					Body: fmt.Sprintf("%s · due %s (%s)%s. Mark it done, or snooze it in Wheelhouse.",
						ownerName(names, it.OwnerID), civil(it.DueDate), ago(days), from(it.Source.Label)),
					Link:  reminder.Link{Area: "followups", ID: it.ID.String()},
					DueAt: dayStart(it.DueDate, c.Loc).AddDate(0, 0, 1),
				})
			}
			return out, nil
		}},
		reminder.RuleFunc{RuleName: KindFollowUpTomorrow, Fn: func(txn *badger.Txn, c reminder.Context) ([]reminder.Reminder, error) {
			tomorrow := action.AddDays(c.Today, 1)
			items, err := action.DueOn(txn, tomorrow)
			if err != nil || len(items) == 0 {
				return nil, err
			}
			names, err := personNames(txn)
			if err != nil {
				return nil, err
			}
			out := make([]reminder.Reminder, 0, len(items))
			for _, it := range items {
				out = append(out, reminder.Reminder{
					Key:   KindFollowUpTomorrow + ":" + it.ID.String() + ":" + it.DueDate,
					Kind:  KindFollowUpTomorrow,
					Title: "Due tomorrow: " + it.Title,
					Body:  fmt.Sprintf("%s · due %s%s.", ownerName(names, it.OwnerID), civil(it.DueDate), from(it.Source.Label)),
					Link:  reminder.Link{Area: "followups", ID: it.ID.String()},
					DueAt: dayStart(c.Today, c.Loc),
				})
			}
			return out, nil
		}},
		reminder.RuleFunc{RuleName: KindReviewOverdue, Fn: func(txn *badger.Txn, c reminder.Context) ([]reminder.Reminder, error) {
			reviews, err := incident.ReviewsOverdue(txn, c.Today)
			if err != nil || len(reviews) == 0 {
				return nil, err
			}
			names, err := personNames(txn)
			if err != nil {
				return nil, err
			}
			out := make([]reminder.Reminder, 0, len(reviews))
			for _, r := range reviews {
				lead := ""
				if !r.CommanderID.IsZero() {
					lead = " Commander: " + ownerName(names, r.CommanderID) + "."
				}
				out = append(out, reminder.Reminder{
					Key:   KindReviewOverdue + ":" + r.IncidentID.String() + ":" + r.DueDate,
					Kind:  KindReviewOverdue,
					Title: fmt.Sprintf("Post-incident review overdue: SEV%d %s", r.Severity, r.Title),
					Body: fmt.Sprintf("The review was due %s (%s).%s Write it, or record why it is skipped.",
						civil(r.DueDate), ago(daysBetween(r.DueDate, c.Today)), lead),
					Link:  reminder.Link{Area: "incidents", ID: r.IncidentID.String()},
					DueAt: dayStart(r.DueDate, c.Loc).AddDate(0, 0, 1),
				})
			}
			return out, nil
		}},
	}
}

func personNames(txn *badger.Txn) (map[id.ID]string, error) {
	m := map[id.ID]string{}
	err := people.Persons.Each(txn, func(p *people.Person) error {
		m[p.ID] = p.Name
		return nil
	})
	return m, err
}

func ownerName(names map[id.ID]string, u id.ID) string {
	if n, ok := names[u]; ok {
		return "Owner: " + n
	}
	return "No owner"
}

func from(label string) string {
	if label == "" {
		return ""
	}
	return " · from " + label
}

func civil(date string) string {
	d, err := time.Parse("2006-01-02", date)
	if err != nil {
		return date
	}
	return d.Format("Mon 2 Jan 2006")
}

func dayStart(date string, loc *time.Location) time.Time {
	d, err := time.ParseInLocation("2006-01-02", date, loc)
	if err != nil {
		return time.Time{}
	}
	return d
}

func daysBetween(from, to string) int {
	a, err1 := time.Parse("2006-01-02", from)
	b, err2 := time.Parse("2006-01-02", to)
	if err1 != nil || err2 != nil {
		return 0
	}
	return int(b.Sub(a).Hours() / 24)
}

func ago(days int) string {
	switch days {
	case 0:
		return "today"
	case 1:
		return "1 day ago"
	}
	return fmt.Sprintf("%d days ago", days)
}
