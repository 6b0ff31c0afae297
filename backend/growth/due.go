package growth

import (
	"bytes"
	"fmt"
	"sort"

	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/civil"
	"wheelhouse/backend/errs"
	"wheelhouse/backend/id"
	"wheelhouse/backend/store"
)

// GoalDue is a goal or a milestone that needs attention: due soon or late.
type GoalDue struct {
	GoalID    id.ID  `json:"goalId" ts_type:"string"`
	GoalTitle string `json:"goalTitle"`
	// MilestoneID is Nil when the goal itself (its target date) is due.
	MilestoneID id.ID  `json:"milestoneId,omitzero" ts_type:"string"`
	Title       string `json:"title"` // the milestone's title, or the goal's
	DueDate     string `json:"dueDate"`
	Late        bool   `json:"late"` // due before today
	// Days from today to the due date: 0 due today, 3 in three days, -2 two
	// days late.
	Days int `json:"days"`
}

// GoalsAttention lists what of a plan is due within `within` days of today
// (a civil date) or late: open goals by their target date and open
// milestones (not done, in an open goal) by their due date. Sorted by due
// date, then plan order. Pure: the 1:1 prep brief calls it on a plan read
// with PlanTx.
func GoalsAttention(p *Plan, today string, within int) []GoalDue {
	if _, ok := civil.Parse(today); !ok || p == nil {
		return nil
	}
	until := civil.AddDays(today, within)
	type row struct {
		GoalDue
		order int
	}
	var rows []row
	n := 0
	for i := range p.Goals {
		g := &p.Goals[i]
		if !g.Status.IsOpen() {
			n += 1 + len(g.Milestones)
			continue
		}
		if g.TargetDate != "" && g.TargetDate <= until {
			d := civil.DaysBetween(today, g.TargetDate)
			rows = append(rows, row{GoalDue{GoalID: g.ID, GoalTitle: g.Title, Title: g.Title, DueDate: g.TargetDate, Late: d < 0, Days: d}, n})
		}
		n++
		for j := range g.Milestones {
			m := &g.Milestones[j]
			if openMilestone(g, m) && m.DueDate <= until {
				d := civil.DaysBetween(today, m.DueDate)
				rows = append(rows, row{GoalDue{GoalID: g.ID, GoalTitle: g.Title, MilestoneID: m.ID, Title: m.Title,
					DueDate: m.DueDate, Late: d < 0, Days: d}, n})
			}
			n++
		}
	}
	sort.SliceStable(rows, func(i, j int) bool {
		if rows[i].DueDate != rows[j].DueDate {
			return rows[i].DueDate < rows[j].DueDate
		}
		return rows[i].order < rows[j].order
	})
	out := make([]GoalDue, len(rows))
	for i, r := range rows {
		out[i] = r.GoalDue
	}
	return out
}

// MilestoneDue is an open milestone with a due date, as the index finds it.
type MilestoneDue struct {
	PersonID    id.ID  `json:"personId" ts_type:"string"`
	GoalID      id.ID  `json:"goalId" ts_type:"string"`
	GoalTitle   string `json:"goalTitle"`
	MilestoneID id.ID  `json:"milestoneId" ts_type:"string"`
	Title       string `json:"title"`
	DueDate     string `json:"dueDate"`
}

// milestoneKeys calls fn for every key of the milestone index due on or
// before until, oldest due date first. It reads keys only.
func milestoneKeys(txn *badger.Txn, until string, fn func(date string, milestone, person id.ID) error) error {
	end := []byte(until)
	return store.Keys(txn, store.Prefix(store.IdxMilestoneDue), func(k []byte) error {
		r := store.ReadKey(k)
		date := r.Bytes(len(civil.Layout))
		m, p := r.ID(), r.ID()
		if !r.Done() {
			return fmt.Errorf("growth: malformed milestone index key %x", k)
		}
		if bytes.Compare(date, end) > 0 {
			return store.Stop
		}
		return fn(string(date), m, p)
	})
}

// MilestonesDueTx returns every open milestone due on or before until (a
// civil date; include the late ones), oldest due date first. The range is a
// key-only scan of the milestone index; only the plans of the people found
// there are read (once each), for the titles.
func MilestonesDueTx(txn *badger.Txn, until string) ([]MilestoneDue, error) {
	if _, ok := civil.Parse(until); !ok {
		return nil, errs.FieldErr("until", "Until must be a date like 2026-03-01.")
	}
	plans := map[id.ID]*Plan{}
	var out []MilestoneDue
	err := milestoneKeys(txn, until, func(date string, mid, person id.ID) error {
		p, ok := plans[person]
		if !ok {
			pl, err := Plans.Get(txn, person)
			switch {
			case errs.Is(err, errs.NotFound):
				p = nil // a stale entry (cannot happen: written with the plan); skip it
			case err != nil:
				return err
			default:
				p = &pl
			}
			plans[person] = p
		}
		if p == nil {
			return nil
		}
		gi, mi, ok := p.Milestone(mid)
		if !ok {
			return nil // stale, as above: one bad entry must not stop every reminder
		}
		g := &p.Goals[gi]
		m := &g.Milestones[mi]
		out = append(out, MilestoneDue{PersonID: person, GoalID: g.ID, GoalTitle: g.Title, MilestoneID: m.ID, Title: m.Title, DueDate: m.DueDate})
		return nil
	})
	return out, err
}

// CountMilestonesDueTx counts the open milestones due on or before until,
// reading index keys only (for dashboards).
func CountMilestonesDueTx(txn *badger.Txn, until string) (int, error) {
	if _, ok := civil.Parse(until); !ok {
		return 0, errs.FieldErr("until", "Until must be a date like 2026-03-01.")
	}
	n := 0
	err := milestoneKeys(txn, until, func(string, id.ID, id.ID) error { n++; return nil })
	return n, err
}
