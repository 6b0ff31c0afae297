package feedback

import (
	"fmt"
	"time"

	"wheelhouse/backend/civil"
	"wheelhouse/backend/id"
)

// Counts of feedback by kind and status.
type Counts struct {
	PositiveDelivered     int `json:"positiveDelivered"`
	ConstructiveDelivered int `json:"constructiveDelivered"`
	PositiveDrafts        int `json:"positiveDrafts"`
	ConstructiveDrafts    int `json:"constructiveDrafts"`
}

func (c *Counts) add(f *Fact) {
	switch {
	case f.Kind == Positive && f.Status == Delivered:
		c.PositiveDelivered++
	case f.Kind == Positive:
		c.PositiveDrafts++
	case f.Status == Delivered:
		c.ConstructiveDelivered++
	default:
		c.ConstructiveDrafts++
	}
}

// Period is one quarter of a balance.
type Period struct {
	Label  string `json:"label"` // "2026 Q3"
	From   string `json:"from"`
	Counts Counts `json:"counts"`
}

// Balance is a person's feedback balance: recent counts, quarter by quarter
// history and what is off about it.
type Balance struct {
	PersonID id.ID  `json:"personId" ts_type:"string"`
	Recent   Counts `json:"recent"` // the last 90 days (delivered by delivery date, drafts by creation)
	AllTime  Counts `json:"allTime"`
	// Quarters: the last four calendar quarters, oldest first.
	Quarters []Period `json:"quarters"`
	// OldestDraftDays: age of the oldest draft in days (-1: no drafts).
	OldestDraftDays int `json:"oldestDraftDays"`
	// Flags: "only_constructive", "only_positive", "none_delivered", "drafts_waiting".
	Flags []string `json:"flags"`
	// Notes say the flags in words.
	Notes []string `json:"notes"`
}

// RecentDays is the window of Balance.Recent.
const RecentDays = 90

// BalanceOf works out a person's balance from their facts on today.
func BalanceOf(person id.ID, facts []Fact, today string, staleDays int) Balance {
	b := Balance{PersonID: person, OldestDraftDays: -1, Flags: []string{}, Notes: []string{}}
	t, ok := civil.Parse(today)
	if !ok {
		return b
	}
	since := t.AddDate(0, 0, -RecentDays).Format(civil.Layout)
	qy, qm := t.Year(), (int(t.Month())-1)/3*3+1
	first := time.Date(qy, time.Month(qm), 1, 0, 0, 0, 0, time.UTC).AddDate(0, -9, 0)
	for i := 0; i < 4; i++ {
		q := first.AddDate(0, 3*i, 0)
		b.Quarters = append(b.Quarters, Period{Label: fmt.Sprintf("%d Q%d", q.Year(), (int(q.Month())-1)/3+1), From: q.Format(civil.Layout)})
	}
	for i := range facts {
		f := &facts[i]
		b.AllTime.add(f)
		date := f.Created.Format(civil.Layout)
		if f.Status == Delivered {
			date = f.DeliveredOn
		} else {
			age := int(t.Sub(f.Created.Truncate(24*time.Hour)).Hours() / 24)
			if age > b.OldestDraftDays {
				b.OldestDraftDays = age
			}
		}
		if date >= since || f.Status == Draft {
			b.Recent.add(f)
		}
		for qi := len(b.Quarters) - 1; qi >= 0; qi-- {
			if date >= b.Quarters[qi].From {
				b.Quarters[qi].Counts.add(f)
				break
			}
		}
	}
	r := b.Recent
	switch {
	case r.PositiveDelivered+r.ConstructiveDelivered == 0:
		b.Flags = append(b.Flags, "none_delivered")
		b.Notes = append(b.Notes, fmt.Sprintf("No feedback delivered in the last %d days.", RecentDays))
	case r.PositiveDelivered == 0 && r.ConstructiveDelivered >= 2:
		b.Flags = append(b.Flags, "only_constructive")
		b.Notes = append(b.Notes, fmt.Sprintf("Only constructive feedback delivered in the last %d days (%d): say what goes well too.", RecentDays, r.ConstructiveDelivered))
	case r.ConstructiveDelivered == 0 && r.PositiveDelivered >= 3:
		b.Flags = append(b.Flags, "only_positive")
		b.Notes = append(b.Notes, fmt.Sprintf("Only praise in the last %d days (%d): is there something to help them grow?", RecentDays, r.PositiveDelivered))
	}
	if b.OldestDraftDays >= staleDays {
		b.Flags = append(b.Flags, "drafts_waiting")
		b.Notes = append(b.Notes, fmt.Sprintf("A draft has waited %d days: feedback loses its value when it is late.", b.OldestDraftDays))
	}
	return b
}
