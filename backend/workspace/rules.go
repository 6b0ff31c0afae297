package workspace

import (
	"fmt"
	"strings"
	"time"

	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/civil"
	"wheelhouse/backend/followup"
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
// due tomorrow, and of post-incident reviews past their due date. They run in
// one rule so the roster's names and the date texts are worked out once per
// evaluation (the large workspace has over a thousand overdue follow-ups).
//
// What they produce depends only on the data and the date, so it is kept
// until either changes (the transaction's read timestamp moves on every
// commit): the minute-by-minute evaluation then costs almost nothing.
func followUpRules() []reminder.Rule {
	return []reminder.Rule{reminder.Cached("followups", followUps)}
}

func followUps(txn *badger.Txn, c reminder.Context) ([]reminder.Reminder, error) {
	{
		overdue, err := followup.Overdue(txn, c.Today)
		if err != nil {
			return nil, err
		}
		tomorrow, err := followup.DueOn(txn, followup.AddDays(c.Today, 1))
		if err != nil {
			return nil, err
		}
		reviews, err := incident.ReviewsOverdue(txn, c.Today)
		if err != nil {
			return nil, err
		}
		if len(overdue)+len(tomorrow)+len(reviews) == 0 {
			return nil, nil
		}
		names, err := personNames(txn)
		if err != nil {
			return nil, err
		}
		dates := dateTexts{today: c.Today, loc: c.Loc, m: map[string]dateText{}}
		out := make([]reminder.Reminder, 0, len(overdue)+len(tomorrow)+len(reviews))
		for _, it := range overdue {
			d := dates.of(it.DueDate)
			out = append(out, reminder.Reminder{
				Key:   KindFollowUpOverdue + ":" + it.ID.String() + ":" + it.DueDate,
				Kind:  KindFollowUpOverdue,
				Title: "Overdue follow-up: " + it.Title,
				Body: ownerName(names, it.OwnerID) + " · due " + d.civil + " (" + d.ago + ")" + from(it.Source.Label) +
					". Mark it done, or snooze it in Wheelhouse.",
				Link:  reminder.Link{Area: "followups", ID: it.ID.String()},
				DueAt: d.nextDay,
			})
		}
		for _, it := range tomorrow {
			d := dates.of(it.DueDate)
			out = append(out, reminder.Reminder{
				Key:   KindFollowUpTomorrow + ":" + it.ID.String() + ":" + it.DueDate,
				Kind:  KindFollowUpTomorrow,
				Title: "Due tomorrow: " + it.Title,
				Body:  ownerName(names, it.OwnerID) + " · due " + d.civil + from(it.Source.Label) + ".",
				Link:  reminder.Link{Area: "followups", ID: it.ID.String()},
				DueAt: dates.of(c.Today).start,
			})
		}
		for _, r := range reviews {
			d := dates.of(r.DueDate)
			lead := ""
			if !r.CommanderID.IsZero() {
				lead = " Commander: " + strings.TrimPrefix(ownerName(names, r.CommanderID), "Owner: ") + "."
			}
			out = append(out, reminder.Reminder{
				Key:   KindReviewOverdue + ":" + r.IncidentID.String() + ":" + r.DueDate,
				Kind:  KindReviewOverdue,
				Title: fmt.Sprintf("Post-incident review overdue: SEV%d %s", r.Severity, r.Title),
				Body:  "The review was due " + d.civil + " (" + d.ago + ")." + lead + " Write it, or record why it is skipped.",
				Link:  reminder.Link{Area: "incidents", ID: r.IncidentID.String()},
				DueAt: d.nextDay,
			})
		}
		return out, nil
	}
}

// dateText is what reminders say about one civil date, worked out once.
type dateText struct {
	civil   string    // "Fri 20 Nov 2026"
	ago     string    // "3 days ago"
	start   time.Time // its midnight in the manager's zone
	nextDay time.Time // the midnight after: when a thing due that day became overdue
}

type dateTexts struct {
	today    string
	todayUTC time.Time
	loc      *time.Location
	m        map[string]dateText
}

func (d *dateTexts) of(date string) dateText {
	if t, ok := d.m[date]; ok {
		return t
	}
	day, ok := civil.Parse(date)
	if !ok {
		return dateText{civil: date}
	}
	if d.todayUTC.IsZero() {
		d.todayUTC, _ = civil.Parse(d.today)
	}
	y, m, dd := day.Date()
	t := dateText{civil: day.Format("Mon 2 Jan 2006"), ago: ago(int(d.todayUTC.Sub(day).Hours() / 24)),
		start: time.Date(y, m, dd, 0, 0, 0, 0, d.loc), nextDay: time.Date(y, m, dd+1, 0, 0, 0, 0, d.loc)}
	d.m[date] = t
	return t
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

func ago(days int) string {
	switch days {
	case 0:
		return "today"
	case 1:
		return "1 day ago"
	}
	return fmt.Sprintf("%d days ago", days)
}
