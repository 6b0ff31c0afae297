package workspace_test

import (
	"testing"
	"time"

	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/brief"
	"wheelhouse/backend/clock"
	"wheelhouse/backend/feedback"
	"wheelhouse/backend/growth"
	"wheelhouse/backend/id"
	"wheelhouse/backend/oneonone"
	"wheelhouse/backend/people"
	"wheelhouse/backend/workspace"
)

// busiest opens the large demo and finds the report with the most 1:1s.
func busiest(b *testing.B) (*workspace.Workspace, id.ID, int) {
	b.Helper()
	w, err := workspace.Open(largeWorkspace(b), workspace.Options{Clock: clock.NewFake(now), Zone: "Europe/Berlin"})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { w.Close() })
	var who id.ID
	most := 0
	w.Store.View(func(txn *badger.Txn) error {
		return people.Persons.Each(txn, func(p *people.Person) error {
			if n := len(oneonone.HistoryTx(txn, p.ID)); n > most && !p.Archived {
				who, most = p.ID, n
			}
			return nil
		})
	})
	return w, who, most
}

// BenchmarkPrepBrief: the 1:1 prep brief of the report with the most 1:1s
// in the large demo (five years of 1:1s, feedback, plans, incidents and
// on-call), everything assembled in one read transaction. Target: 50 ms.
func BenchmarkPrepBrief(b *testing.B) {
	w, who, n := busiest(b)
	loc, _ := time.LoadLocation("Europe/Berlin")
	b.ReportMetric(float64(n), "meetings")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		err := w.Store.View(func(txn *badger.Txn) error {
			br, err := w.Briefs.BuildTx(txn, who, now.In(loc).Format("2006-01-02"), now, brief.Options{Zone: loc})
			if err == nil && br.Person.ID != who {
				b.Fatal("wrong person")
			}
			_ = brief.Markdown(&br)
			return err
		})
		if err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPersonPage: everything the person page's tabs load for that
// report: the 1:1 page (cadence, status, every meeting, open follow-ups),
// feedback with its balance, the development plan and mentoring. Target: 50 ms.
func BenchmarkPersonPage(b *testing.B) {
	w, who, _ := busiest(b)
	today := now.Format("2006-01-02")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		err := w.Store.View(func(txn *badger.Txn) error {
			p, err := people.Persons.Get(txn, who)
			if err != nil {
				return err
			}
			if _, _, err := oneonone.SeriesTx(txn, who); err != nil {
				return err
			}
			if _, _, err := oneonone.StatusTx(txn, who, p.Name, today); err != nil {
				return err
			}
			if _, err := oneonone.MeetingsTx(txn, who, 0); err != nil {
				return err
			}
			if _, err := oneonone.PersonFollowUpsTx(txn, who); err != nil {
				return err
			}
			if _, err := feedback.ForPersonTx(txn, who); err != nil {
				return err
			}
			if _, err := feedback.BalanceTx(txn, who, today); err != nil {
				return err
			}
			if _, err := growth.ViewTx(txn, who, today); err != nil {
				return err
			}
			_, err = growth.PersonMentoringTx(txn, who, today)
			return err
		})
		if err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkTeamHealth: the team health view of everyone in the large demo.
func BenchmarkTeamHealth(b *testing.B) {
	w, _, _ := busiest(b)
	loc, _ := time.LoadLocation("Europe/Berlin")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		err := w.Store.View(func(txn *badger.Txn) error {
			_, err := w.Briefs.HealthTx(txn, id.Nil, now.In(loc).Format("2006-01-02"), now, loc)
			return err
		})
		if err != nil {
			b.Fatal(err)
		}
	}
}
