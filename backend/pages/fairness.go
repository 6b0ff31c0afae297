package pages

import (
	"fmt"
	"time"

	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/errs"
	"wheelhouse/backend/id"
	"wheelhouse/backend/oncall"
)

// Fairness is the fairness table of [from, to) (oncall.Fairness) with the
// imported pages beside the hours (issue 11 part 5: the on-call health
// flags feed fairness): each row's pages, sleep-hour pages and pages per
// on-call day, and the health flags of the window as warnings — too many
// pages per on-call day, sleep-hour pages (one line per person, with the
// weeks), MTTA rising. Without paging history the table is oncall's as is
// (PagingImported false), so empty columns do not read as "no pages".
func (s *Service) Fairness(from, to time.Time) (oncall.FairnessReport, error) {
	rep, err := s.onCall.Fairness(from, to)
	if err != nil {
		return rep, err
	}
	var imported bool
	if err := s.st.View(func(txn *badger.Txn) error { imported = AnyTx(txn); return nil }); err != nil {
		return rep, errs.Wrap("pages.Fairness", err)
	}
	if !imported {
		return rep, nil
	}
	h, err := s.Health(from, to, HealthOptions{})
	if err != nil {
		return rep, err
	}
	addPaging(&rep, h)
	return rep, nil
}

// addPaging fills the paging columns and warnings of a fairness report
// from the health report of the same window.
func addPaging(rep *oncall.FairnessReport, h *HealthReport) {
	rep.PagingImported = true
	at := make(map[id.ID]int, len(rep.Rows))
	for i, r := range rep.Rows {
		at[r.PersonID] = i
	}
	for _, p := range h.People {
		if i, ok := at[p.PersonID]; ok {
			r := &rep.Rows[i]
			r.Pages, r.SleepPages, r.PagesPerOnCallDay = p.Pages, p.Sleep, p.PagesPerOnCallDay
		}
	}
	type sleep struct {
		pages, weeks int
		name, zone   string
	}
	slept := map[id.ID]*sleep{}
	var order []id.ID
	for _, p := range h.People {
		for _, w := range p.Weeks {
			if w.Sleep == 0 {
				continue
			}
			sl := slept[p.PersonID]
			if sl == nil {
				sl = &sleep{name: p.Person, zone: p.TimeZone}
				slept[p.PersonID] = sl
				order = append(order, p.PersonID)
			}
			sl.pages += w.Sleep
			sl.weeks++
		}
	}
	for _, f := range h.Flags {
		if f.Kind != FlagSleep {
			rep.Warnings = append(rep.Warnings, f.Reason)
		}
	}
	for _, u := range order {
		sl := slept[u]
		rep.Warnings = append(rep.Warnings, fmt.Sprintf("%s: %s in sleep hours (22:00–08:00 %s), in %s.",
			sl.name, plural(sl.pages, "page", "pages"), sl.zone, plural(sl.weeks, "week", "weeks")))
	}
}
