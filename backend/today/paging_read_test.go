package today_test

import (
	"encoding/json"
	"slices"
	"testing"
	"time"

	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/brief"
	"wheelhouse/backend/demo/demotest"
	"wheelhouse/backend/id"
	"wheelhouse/backend/pages"
	"wheelhouse/backend/people"
)

// The paging health is read once per read timestamp and window and worked
// out in memory for each narrower window (brief.PagingHealthTx). On the
// large demo (imported pages, 20 rotations) every report must be the one
// the per-window reads give, for everyone, a team, in any order of the
// people, and again from the kept input.
func TestPagingHealthReadOnceIsTheSameAsPerWindowReads(t *testing.T) {
	w := demotest.OpenLarge(t, benchNow)
	// reference: what PagingHealthTx computed before, a read per window.
	reference := func(txn *badger.Txn, persons []id.ID, from, to time.Time) *pages.HealthReport {
		snap, err := w.Briefs.OnCallSnapshotTx(txn, from, to)
		if err != nil {
			t.Fatal(err)
		}
		opt, err := pages.OptionsTx(txn)
		if err != nil {
			t.Fatal(err)
		}
		rep, err := pages.PeopleHealthTx(txn, snap, persons, from, to, opt)
		if err != nil {
			t.Fatal(err)
		}
		flags := rep.Flags[:0:0]
		for _, f := range rep.Flags {
			if f.Kind != pages.FlagMTTARising {
				flags = append(flags, f)
			}
		}
		long, err := pages.PeopleHealthTx(txn, snap, persons, to.Add(-brief.MTTAWindow), to, opt)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range long.Flags {
			if f.Kind == pages.FlagMTTARising {
				flags = append(flags, f)
			}
		}
		rep.Flags = flags
		return rep
	}
	js := func(v any) string {
		b, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	err := w.Store.View(func(txn *badger.Txn) error {
		var all, team []id.ID
		if err := people.Persons.Each(txn, func(p *people.Person) error {
			if !p.Archived {
				all = append(all, p.ID)
			}
			return nil
		}); err != nil {
			return err
		}
		ts, err := people.Teams.List(txn)
		if err != nil || len(ts) == 0 {
			t.Fatalf("teams: %v %d", err, len(ts))
		}
		team = ts[0].MemberIDs
		reversed := slices.Clone(all)
		slices.Reverse(reversed)
		now := benchNow
		day := 24 * time.Hour
		cases := []struct {
			name    string
			persons []id.ID
			from    time.Time
		}{
			{"everyone, 4 weeks (team health)", all, now.Add(-brief.PagingDays * day)},
			{"everyone, 7 days (Today)", reversed, now.Add(-7 * day)},
			{"a team, 4 weeks", team, now.Add(-brief.PagingDays * day)},
			{"everyone, 4 weeks again", all, now.Add(-brief.PagingDays * day)},
			{"everyone, 90 days (wider than the MTTA window)", all, now.Add(-90 * day)},
			{"everyone, 7 days once more", all, now.Add(-7 * day)},
		}
		pagesSeen := 0
		for _, c := range cases {
			got, err := w.Briefs.PagingHealthTx(txn, c.persons, c.from, now)
			if err != nil {
				return err
			}
			want := reference(txn, c.persons, c.from, now)
			if got == nil || js(got) != js(want) {
				t.Errorf("%s: read once differs from the per-window reads:\n got %.300s\nwant %.300s", c.name, js(got), js(want))
			}
			pagesSeen += want.Pages
		}
		if pagesSeen == 0 {
			t.Fatal("the large demo has no pages in these windows: the test compares nothing")
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
