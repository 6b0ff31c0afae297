package publish_test

import (
	"fmt"
	"os"
	"strconv"
	"testing"
	"time"

	"wheelhouse/backend/caldav/caldavtest"
	"wheelhouse/backend/calendar"
	"wheelhouse/backend/demo"
	"wheelhouse/backend/oncall"
	"wheelhouse/backend/publish"
)

// BenchmarkPublishYear (issue 13, docs/performance.md): the first publish
// of a year of the large demo's 20 rotations (the whole team scope) to a
// local Radicale, then a republish after one change (an override on one
// shift): it sends only the changed resources. WHEELHOUSE_BENCH_DAYS
// shortens the window; WHEELHOUSE_BENCH_PER_ENGINEER=1 publishes one
// calendar per engineer instead of one shared calendar.
//
//	CGO_ENABLED=0 go test ./backend/publish -run '^$' -bench PublishYear -benchtime 1x
func BenchmarkPublishYear(b *testing.B) {
	srv := caldavtest.StartRadicale(b)
	f := newFixture(b, demo.Large)
	proxy := caldavtest.NewProxy(b, srv.Base())
	rs, _ := f.w.OnCall.Rotations()
	days := 365
	if d, err := strconv.Atoi(os.Getenv("WHEELHOUSE_BENCH_DAYS")); err == nil && d > 0 {
		days = d
	}
	in := publish.Input{Name: "Year", URL: proxy.URL() + "/" + srv.User + "/year/", User: srv.User, Password: srv.PW,
		Scope: calendar.Scope{Kind: calendar.ScopeTeam}, BackDays: 0, AheadDays: days,
		PerEngineer: os.Getenv("WHEELHOUSE_BENCH_PER_ENGINEER") != ""}
	b.Logf("%d rotations, %d days ahead, one calendar per engineer: %v", len(rs), days, in.PerEngineer)
	if _, err := f.pub.Save(in); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for range b.N {
		t0 := time.Now()
		c, err := f.pub.Publish(bg, in.Name, func(p publish.Progress) {
			if p.Done%500 == 0 && p.Done > 0 {
				fmt.Fprintf(os.Stderr, "%s: %d/%d sent after %v\n", b.Name(), p.Done, p.Total, time.Since(t0).Round(time.Second))
			}
		})
		first := time.Since(t0)
		if err != nil {
			b.Fatal(err)
		}
		n1 := proxy.Reset()
		// one change: an override hands one future shift to someone else
		shifts, _ := f.w.OnCall.Shifts(rs[0].ID, testNow.AddDate(0, 0, days/3), testNow.AddDate(0, 0, days/2))
		var x, y oncall.Shift
		for _, s := range shifts {
			if s.Gap {
				continue
			}
			if x.PersonID.IsZero() {
				x = s
			} else if s.PersonID != x.PersonID {
				y = s
				break
			}
		}
		if _, err := f.w.OnCall.SaveOverride(oncall.Override{RotationID: x.RotationID, PersonID: y.PersonID, Start: x.Start, End: x.End}); err != nil {
			b.Fatal(err)
		}
		t1 := time.Now()
		c2, err := f.pub.Publish(bg, in.Name, nil)
		second := time.Since(t1)
		if err != nil {
			b.Fatal(err)
		}
		n2 := proxy.Reset()
		b.ReportMetric(float64(c.Created), "shifts")
		b.ReportMetric(first.Seconds(), "first-s")
		b.ReportMetric(second.Seconds(), "republish-s")
		b.ReportMetric(float64(n2["PUT"]+n2["DELETE"]), "republish-sent")
		b.ReportMetric(first.Seconds()/second.Seconds(), "ratio")
		b.Logf("first: %+v in %v (%v requests); after one override: %+v in %v (%v requests)", c, first, n1, c2, second, n2)
		if c2.Created+c2.Updated+c2.Deleted == 0 {
			b.Fatal("the override changed nothing: the republish measures nothing")
		}
		if b.N > 1 {
			b.Skip("one round is the measurement")
		}
	}
}
