package incident_test

import (
	"strings"
	"testing"
	"time"

	"wheelhouse/backend/errs"
	"wheelhouse/backend/followup"
	"wheelhouse/backend/id"
	"wheelhouse/backend/incident"
	"wheelhouse/backend/internal/testenv"
)

var now = time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC) // a Monday

func at(h, m int) time.Time {
	return now.Add(time.Duration(h)*time.Hour + time.Duration(m)*time.Minute)
}

func TestIncidentValidation(t *testing.T) {
	base := func() incident.Incident {
		return incident.Incident{ID: id.New(now), Title: "Checkout errors", Severity: 2, Status: incident.StatusInvestigating,
			StartedAt: at(-3, 0), DetectedAt: at(-3, 5), AcknowledgedAt: at(-3, 10), Review: incident.Review{State: incident.ReviewNotStarted}}
	}
	resolved := func(in *incident.Incident) {
		in.Status, in.MitigatedAt, in.ResolvedAt = incident.StatusResolved, at(-2, 0), at(-1, 0)
	}
	note := func(text string, when time.Time) incident.Entry {
		return incident.Entry{ID: id.New(now), At: when, Kind: incident.KindNote, Text: text}
	}
	cases := []struct {
		name, field, want string
		edit              func(*incident.Incident)
	}{
		{"no title", "title", "required", func(in *incident.Incident) { in.Title = " " }},
		{"severity 0", "severity", "SEV1 to SEV4", func(in *incident.Incident) { in.Severity = 0 }},
		{"severity 5", "severity", "SEV1 to SEV4", func(in *incident.Incident) { in.Severity = 5 }},
		{"unknown status", "status", "Unknown status", func(in *incident.Incident) { in.Status = "on_fire" }},
		{"no start", "startedAt", "When did the incident start", func(in *incident.Incident) {
			in.StartedAt, in.DetectedAt, in.AcknowledgedAt = time.Time{}, time.Time{}, time.Time{}
		}},
		{"detected before start", "detectedAt", "Detected before the incident started", func(in *incident.Incident) { in.DetectedAt = at(-4, 0) }},
		{"acknowledged before detected", "acknowledgedAt", "Acknowledged before it was detected", func(in *incident.Incident) { in.AcknowledgedAt = at(-3, 1) }},
		{"acknowledged before start", "acknowledgedAt", "before the incident started", func(in *incident.Incident) {
			in.DetectedAt, in.AcknowledgedAt = time.Time{}, at(-3, -1)
		}},
		{"mitigated before start", "mitigatedAt", "Mitigated before the incident started", func(in *incident.Incident) { in.MitigatedAt = at(-5, 0) }},
		{"resolved before start", "resolvedAt", "Resolved before the incident started", func(in *incident.Incident) { resolved(in); in.MitigatedAt = time.Time{}; in.ResolvedAt = at(-4, 0) }},
		{"resolved before mitigated", "resolvedAt", "Resolved before it was mitigated", func(in *incident.Incident) { resolved(in); in.ResolvedAt = at(-2, -30) }},
		{"start in the future", "startedAt", "in the future", func(in *incident.Incident) {
			in.StartedAt, in.DetectedAt, in.AcknowledgedAt = at(1, 0), time.Time{}, time.Time{}
		}},
		{"resolved without time", "resolvedAt", "needs the time it was resolved", func(in *incident.Incident) { in.Status = incident.StatusResolved }},
		{"open with resolution time", "resolvedAt", "has no resolution time", func(in *incident.Incident) { in.ResolvedAt = at(-1, 0) }},
		{"closed without review", "status", "completed review or a recorded decision", func(in *incident.Incident) { resolved(in); in.Status = incident.StatusClosed }},
		{"skipped without reason", "review.skipReason", "say why", func(in *incident.Incident) {
			resolved(in)
			in.Review = incident.Review{State: incident.ReviewSkipped, SkippedAt: now}
		}},
		{"skipped while open", "review.state", "once the incident is resolved", func(in *incident.Incident) {
			in.Review = incident.Review{State: incident.ReviewSkipped, SkipReason: "tiny", SkippedAt: now}
		}},
		{"completed without root cause", "review.rootCause", "states the root cause", func(in *incident.Incident) {
			resolved(in)
			in.Review = incident.Review{State: incident.ReviewCompleted, CompletedAt: now}
		}},
		{"review due date", "review.dueDate", "date like", func(in *incident.Incident) { in.Review.DueDate = "next friday" }},
		{"tag too long", "tags.0", "too long", func(in *incident.Incident) { in.Tags = []string{strings.Repeat("x", 41)} }},
		{"note marked automatic", "timeline.0.auto", "Notes are written by people", func(in *incident.Incident) {
			e := note("x", at(-2, 0))
			e.Auto = true
			in.Timeline = []incident.Entry{e}
		}},
		{"empty note", "timeline.0.text", "needs text", func(in *incident.Incident) { in.Timeline = []incident.Entry{note("", at(-2, 0))} }},
		{"duplicate entry id", "timeline.1.id", "used twice", func(in *incident.Incident) {
			a := note("a", at(-2, 0))
			b := a
			b.At = at(-1, 0)
			in.Timeline = []incident.Entry{a, b}
		}},
		{"timeline disagrees with status", "status", "last status change is to resolved", func(in *incident.Incident) {
			in.Timeline = []incident.Entry{{ID: id.New(now), At: at(-2, 0), Kind: incident.KindStatus, Auto: true, From: "investigating", To: "resolved"}}
		}},
		{"bad severity entry", "timeline.0.to", "between 1 and 4", func(in *incident.Incident) {
			in.Timeline = []incident.Entry{{ID: id.New(now), At: at(-2, 0), Kind: incident.KindSeverity, Auto: true, From: "3", To: "0"}}
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := base()
			c.edit(&in)
			in.Normalize()
			testenv.FieldErr(t, in.Validate(incident.Rules{Now: now}), c.field, c.want)
		})
	}
	t.Run("valid and normalized", func(t *testing.T) {
		in := base()
		resolved(&in)
		in.Tags = []string{" Database ", "database", "Config Change"}
		u := id.New(now)
		in.ResponderIDs = []id.ID{u, u}
		in.Timeline = []incident.Entry{note("later", at(-1, 0)), note("earlier, after the fact", at(-4, 0))}
		in.Normalize()
		if err := in.Validate(incident.Rules{Now: now}); err != nil {
			t.Fatal(err)
		}
		if strings.Join(in.Tags, ",") != "database,config-change" || len(in.ResponderIDs) != 1 || in.Timeline[0].Text != "earlier, after the fact" {
			t.Fatalf("normalize: tags %v responders %v first entry %q", in.Tags, in.ResponderIDs, in.Timeline[0].Text)
		}
	})
}

func TestCheckTransition(t *testing.T) {
	allowed := map[string]bool{
		"investigating>identified": true, "investigating>monitoring": true, "investigating>resolved": true,
		"identified>monitoring": true, "identified>resolved": true, "monitoring>resolved": true,
		"resolved>in_review": true, "resolved>closed": true, "in_review>closed": true,
		"resolved>investigating": true, "in_review>investigating": true,
	}
	for _, from := range incident.Workflow {
		for _, to := range incident.Workflow {
			k := string(from) + ">" + string(to)
			err := incident.CheckTransition(from, to)
			if allowed[k] != (err == nil) {
				t.Errorf("%s: allowed=%v, got %v", k, allowed[k], err)
			}
			if err != nil && errs.FieldsOf(err)[0].Field != "status" {
				t.Errorf("%s: error not on status: %v", k, err)
			}
		}
	}
	for _, c := range []struct {
		from, to incident.Status
		want     string
	}{
		{incident.StatusMonitoring, incident.StatusIdentified, "only moves forward"},
		{incident.StatusIdentified, incident.StatusClosed, "Resolve the incident before"},
		{incident.StatusResolved, incident.StatusMonitoring, "move it back to investigating"},
		{incident.StatusClosed, incident.StatusInvestigating, "closed incident cannot change"},
		{incident.StatusResolved, incident.StatusResolved, "already resolved"},
	} {
		testenv.FieldErr(t, incident.CheckTransition(c.from, c.to), "status", c.want)
	}
}

func TestBusinessDays(t *testing.T) {
	cases := []struct {
		from string
		n    int
		want string
	}{
		{"2026-11-23", 5, "2026-11-30"}, // Monday + 5 = next Monday
		{"2026-11-27", 1, "2026-11-30"}, // Friday + 1 = Monday
		{"2026-11-28", 1, "2026-11-30"}, // Saturday + 1 = Monday
		{"2026-11-28", 5, "2026-12-04"}, // Saturday + 5 = Friday
		{"2026-11-29", 5, "2026-12-04"}, // Sunday + 5 = Friday
		{"2026-01-29", 5, "2026-02-05"}, // across a month end and a weekend
		{"2026-12-31", 2, "2027-01-04"}, // across the year end (holidays are not skipped)
		{"2028-02-28", 1, "2028-02-29"}, // leap day
		{"2026-11-23", 0, "2026-11-23"},
	}
	for _, c := range cases {
		got, err := incident.AddBusinessDays(c.from, c.n)
		if err != nil || got != c.want {
			t.Errorf("%s + %d business days = %s (%v), want %s", c.from, c.n, got, err, c.want)
		}
	}
	if _, err := incident.AddBusinessDays("2026-13-01", 1); !errs.Is(err, errs.Invalid) {
		t.Fatalf("bad date: %v", err)
	}
	// Resolved Thursday 23:30 UTC is already Friday in Berlin: the due date
	// counts from the civil date in the workspace zone.
	berlin, _ := time.LoadLocation("Europe/Berlin")
	resolvedAt := time.Date(2026, 11, 26, 23, 30, 0, 0, time.UTC)
	if got := incident.ReviewDueDate(resolvedAt, time.UTC, 5); got != "2026-12-03" {
		t.Errorf("UTC: %s", got)
	}
	if got := incident.ReviewDueDate(resolvedAt, berlin, 5); got != "2026-12-04" {
		t.Errorf("Berlin: %s", got)
	}
}

type sumSpec struct {
	sev                  int
	start                string
	detect, ack, resolve time.Duration // after start; <0 means unset
	status               incident.Status
	review               incident.ReviewState
	due                  string
	escalated            bool
	services             []id.ID
	tags                 []string
}

func mkSum(t *testing.T, s sumSpec) incident.Summary {
	t.Helper()
	start, err := time.Parse(time.RFC3339, s.start)
	if err != nil {
		t.Fatal(err)
	}
	out := incident.Summary{ID: id.New(start), Severity: s.sev, Status: s.status, StartedAt: start, ReviewState: s.review,
		ReviewDue: s.due, Escalated: s.escalated, ServiceIDs: s.services, Tags: s.tags}
	if s.detect >= 0 {
		out.DetectedAt = start.Add(s.detect)
	}
	if s.ack >= 0 {
		out.AcknowledgedAt = start.Add(s.ack)
	}
	if s.resolve >= 0 {
		out.ResolvedAt = start.Add(s.resolve)
	}
	if out.Status == "" {
		out.Status = incident.StatusClosed
	}
	if out.ReviewState == "" {
		out.ReviewState = incident.ReviewCompleted
	}
	return out
}

const unset = -1

func TestMetricsHandComputed(t *testing.T) {
	m, h := time.Minute, time.Hour
	svcA, svcB := id.New(now), id.New(now)
	names := incident.Names{Services: map[id.ID]string{svcA: "payments-api", svcB: "ledger"}}
	sums := []incident.Summary{
		// A: SEV1, MTTA 10m (detection 10:05 -> ack 10:15), MTTR 2h.
		mkSum(t, sumSpec{sev: 1, start: "2026-01-10T10:00:00Z", detect: 5 * m, ack: 15 * m, resolve: 2 * h, services: []id.ID{svcA}}),
		// B: SEV1, no detection time: MTTA from the start, 30m; MTTR 1h; review skipped.
		mkSum(t, sumSpec{sev: 1, start: "2026-01-20T08:00:00Z", detect: unset, ack: 30 * m, resolve: 1 * h, review: incident.ReviewSkipped, services: []id.ID{svcA, svcB}}),
		// C: SEV2, MTTA 4m, MTTR 6h; review draft past due.
		mkSum(t, sumSpec{sev: 2, start: "2026-02-03T00:00:00Z", detect: 10 * m, ack: 14 * m, resolve: 6 * h, status: incident.StatusResolved, review: incident.ReviewDraft, due: "2026-02-10", services: []id.ID{svcA}}),
		// D: SEV2, MTTA 20m, MTTR 4h, escalated; review not yet due.
		mkSum(t, sumSpec{sev: 2, start: "2026-02-14T12:00:00Z", detect: 0, ack: 20 * m, resolve: 4 * h, status: incident.StatusResolved, review: incident.ReviewNotStarted, due: "2026-03-20", escalated: true}),
		// E: SEV3, still open, unacknowledged.
		mkSum(t, sumSpec{sev: 3, start: "2026-02-20T09:00:00Z", detect: unset, ack: unset, resolve: unset, status: incident.StatusInvestigating, review: incident.ReviewNotStarted}),
		// F: SEV2, MTTA 6m, MTTR 1h; in review, review past due.
		mkSum(t, sumSpec{sev: 2, start: "2026-03-01T00:00:00Z", detect: 0, ack: 6 * m, resolve: 1 * h, status: incident.StatusInReview, review: incident.ReviewInReview, due: "2026-03-06"}),
		// Outside the window.
		mkSum(t, sumSpec{sev: 1, start: "2025-12-31T23:59:59Z", detect: 0, ack: 99 * h, resolve: 99 * h}),
	}
	fu := map[id.ID]followup.Counts{
		sums[0].ID: {Total: 4, Done: 3, WontDo: 1},
		sums[2].ID: {Total: 3, Done: 1, Open: 2},
		sums[6].ID: {Total: 5, Done: 5}, // outside the window
	}
	st := incident.DefaultSettings()
	w := incident.Window{From: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), To: time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC), Today: "2026-03-10"}
	got := incident.ComputeMetrics(sums, fu, w, &st, names)

	dur := func(n int, mean, median time.Duration) incident.Duration {
		return incident.Duration{N: n, Mean: mean, Median: median}
	}
	check := func(what string, got, want any) {
		t.Helper()
		if got != want {
			t.Errorf("%s = %+v, want %+v", what, got, want)
		}
	}
	check("incidents", got.Incidents, 6)
	check("open", got.Open, 1)
	// MTTA 4,6,10,20,30 min: mean 14m, median 10m. MTTR 1,1,2,4,6 h: mean 2h48m, median 2h.
	check("MTTA", got.MTTA, dur(5, 14*m, 10*m))
	check("MTTR", got.MTTR, dur(5, 2*h+48*m, 2*h))
	check("SEV1", got.BySeverity[0], incident.SeverityStat{Severity: 1, Label: "SEV1", Incidents: 2, MTTA: dur(2, 20*m, 20*m), MTTR: dur(2, 90*m, 90*m)})
	// SEV2 MTTA 4,6,20: mean 10m, median 6m; MTTR 1,4,6 h: mean 3h40m, median 4h.
	check("SEV2", got.BySeverity[1], incident.SeverityStat{Severity: 2, Label: "SEV2", Incidents: 3, MTTA: dur(3, 10*m, 6*m), MTTR: dur(3, 3*h+40*m, 4*h)})
	check("SEV3", got.BySeverity[2], incident.SeverityStat{Severity: 3, Label: "SEV3", Incidents: 1})
	check("SEV4", got.BySeverity[3], incident.SeverityStat{Severity: 4, Label: "SEV4"})
	check("months", len(got.ByMonth), 3)
	check("January", got.ByMonth[0], incident.MonthStat{Month: "2026-01", Incidents: 2, MTTA: dur(2, 20*m, 20*m), MTTR: dur(2, 90*m, 90*m)})
	// February: C, D, E. MTTA 4, 20: mean = median = 12m. MTTR 6h, 4h: 5h.
	check("February", got.ByMonth[1], incident.MonthStat{Month: "2026-02", Incidents: 3, MTTA: dur(2, 12*m, 12*m), MTTR: dur(2, 5*h, 5*h)})
	check("March", got.ByMonth[2], incident.MonthStat{Month: "2026-03", Incidents: 1, MTTA: dur(1, 6*m, 6*m), MTTR: dur(1, h, h)})
	// Per service and month, by service name: ledger Jan 1; payments-api Jan 2, Feb 1.
	var svc []string
	for _, s := range got.ByServiceMonth {
		svc = append(svc, s.Service+" "+s.Month+" "+string(rune('0'+s.Incidents)))
	}
	check("service months", strings.Join(svc, ", "), "ledger 2026-01 1, payments-api 2026-01 2, payments-api 2026-02 1")
	// Per service over the window, most incidents first: payments-api A, B, C
	// (MTTR 2h, 1h, 6h: mean 3h, median 2h; MTTA 10, 30, 4 min); ledger B.
	check("services", len(got.ByService), 2)
	check("payments-api", got.ByService[0], incident.ServiceStat{ServiceID: svcA, Service: "payments-api", Incidents: 3,
		MTTA: dur(3, 14*m+40*time.Second, 10*m), MTTR: dur(3, 3*h, 2*h)})
	check("ledger", got.ByService[1], incident.ServiceStat{ServiceID: svcB, Service: "ledger", Incidents: 1, MTTA: dur(1, 30*m, 30*m), MTTR: dur(1, h, h)})
	check("escalation", got.Escalation, incident.Rate{Num: 1, Den: 6, Value: 1.0 / 6})
	// Settled: A (completed), B (skipped). Due: those two, C (draft past due), F (past due). D is not due yet; E is open.
	check("review completion", got.ReviewCompletion, incident.Rate{Num: 2, Den: 4, Value: 0.5})
	// Follow-ups: A 3 done of 4 with 1 won't do; C 1 done of 3. 4 / (7-1).
	check("follow-up completion", got.FollowUpCompletion, incident.Rate{Num: 4, Den: 6, Value: 4.0 / 6})

	t.Run("empty", func(t *testing.T) {
		e := incident.ComputeMetrics(nil, nil, incident.Window{}, &st, names)
		if e.Incidents != 0 || len(e.ByMonth) != 0 || len(e.BySeverity) != 4 || e.MTTA != (incident.Duration{}) || e.ReviewCompletion.Value != 0 {
			t.Fatalf("%+v", e)
		}
	})
}

// Months are calendar months of the start time in the window's zone, across
// DST changes and in a half-hour zone.
func TestMetricsMonthsAcrossDST(t *testing.T) {
	berlin, _ := time.LoadLocation("Europe/Berlin")
	lordHowe, _ := time.LoadLocation("Australia/Lord_Howe")
	st := incident.DefaultSettings()
	sums := []incident.Summary{
		// Saturday 2026-03-28 23:30 UTC: Berlin still on CET (+1): 00:30 on March 29, still March.
		mkSum(t, sumSpec{sev: 3, start: "2026-03-28T23:30:00Z", detect: unset, ack: unset, resolve: time.Hour}),
		// 2026-03-31 22:30 UTC: Berlin is on CEST (+2) since March 29: 00:30 on April 1. (With +1 it would be March.)
		mkSum(t, sumSpec{sev: 3, start: "2026-03-31T22:30:00Z", detect: unset, ack: unset, resolve: time.Hour}),
		// 2026-10-31 23:30 UTC: back on CET since October 25: 00:30 on November 1.
		mkSum(t, sumSpec{sev: 3, start: "2026-10-31T23:30:00Z", detect: unset, ack: unset, resolve: time.Hour}),
		// 2026-03-31 13:15 UTC: Lord Howe is on +11 until April 5: 00:15 on April 1 (with +10:30 it would be March 31, 23:45).
		mkSum(t, sumSpec{sev: 3, start: "2026-03-31T13:15:00Z", detect: unset, ack: unset, resolve: time.Hour}),
	}
	count := func(loc *time.Location) map[string]int {
		out := map[string]int{}
		for _, ms := range incident.ComputeMetrics(sums, nil, incident.Window{Loc: loc}, &st, incident.Names{}).ByMonth {
			if ms.Incidents > 0 {
				out[ms.Month] = ms.Incidents
			}
		}
		return out
	}
	want := map[*time.Location]map[string]int{
		time.UTC: {"2026-03": 3, "2026-10": 1},
		berlin:   {"2026-03": 2, "2026-04": 1, "2026-11": 1},
		lordHowe: {"2026-03": 1, "2026-04": 2, "2026-11": 1},
	}
	for loc, w := range want {
		got := count(loc)
		if len(got) != len(w) {
			t.Errorf("%s: %v, want %v", loc, got, w)
		}
		for k, v := range w {
			if got[k] != v {
				t.Errorf("%s: %v, want %v", loc, got, w)
			}
		}
	}
	// The month list covers the window in its zone: a window of March and April in Berlin.
	w := incident.Window{From: time.Date(2026, 3, 1, 0, 0, 0, 0, berlin), To: time.Date(2026, 5, 1, 0, 0, 0, 0, berlin), Loc: berlin}
	ms := incident.ComputeMetrics(sums, nil, w, &st, incident.Names{}).ByMonth
	if len(ms) != 2 || ms[0].Month != "2026-03" || ms[0].Incidents != 2 || ms[1].Month != "2026-04" || ms[1].Incidents != 1 {
		t.Fatalf("Berlin window: %+v", ms)
	}
}

func TestDurations(t *testing.T) {
	cases := []struct {
		in           []time.Duration
		mean, median time.Duration
	}{
		{[]time.Duration{3, 1, 2}, 2, 2},
		{[]time.Duration{4, 1, 3, 2}, 2, 2}, // median of 2 and 3 is 2.5, truncated to 2ns
		{[]time.Duration{10 * time.Minute, 50 * time.Minute}, 30 * time.Minute, 30 * time.Minute},
		{[]time.Duration{time.Hour, time.Minute, time.Minute}, 1240 * time.Second, time.Minute}, // 62m / 3 = 20m40s
	}
	for _, c := range cases {
		d := incident.Durations(c.in)
		if d.N != len(c.in) || d.Mean != c.mean || d.Median != c.median {
			t.Errorf("%v: %+v, want mean %v median %v", c.in, d, c.mean, c.median)
		}
	}
}

func TestPatterns(t *testing.T) {
	svcA, svcB := id.New(now), id.New(now)
	names := incident.Names{Services: map[id.ID]string{svcA: "payments-api", svcB: "ledger"}}
	ago := func(days float64) string {
		return now.Add(-time.Duration(days * 24 * float64(time.Hour))).Format(time.RFC3339)
	}
	mk := func(start string, svcs []id.ID, tags ...string) incident.Summary {
		return mkSum(t, sumSpec{sev: 3, start: start, detect: unset, ack: unset, resolve: time.Hour, services: svcs, tags: tags})
	}
	sums := []incident.Summary{
		mk(ago(1), []id.ID{svcA, svcB}, "database"),
		mk(ago(10), []id.ID{svcA}),
		mk(ago(29.9), []id.ID{svcA}, "database", "network"),
		mk(ago(2), []id.ID{svcB}, "network"),
		mk(ago(31), []id.ID{svcB}, "network"),                      // ledger: only 2 within 30 days
		mk(ago(80), nil, "database"),                               // database: 3 within 90 days
		mk(ago(100), []id.ID{svcA}, "network"),                     // outside the quarter (network: 3 others within 90 days)
		mk(now.Add(time.Hour).Format(time.RFC3339), []id.ID{svcB}), // in the future: ignored
	}
	reviews := []incident.ReviewText{
		{sums[0].ID, "A config change to the load balancer removed the health check.", []string{"No canary for config pushes"}},
		{sums[1].ID, "Config change rolled out to all regions at once", []string{"Alert on error rate was missing"}},
		{sums[5].ID, "A bad config-change in DNS", []string{"config change review skipped", "DNS TTL too long"}},
		{sums[6].ID, "config change again", nil}, // incident outside the quarter
		{sums[3].ID, "Disk full on the DNS resolver", nil},
	}
	st := incident.DefaultSettings()
	got := incident.FindPatterns(sums, reviews, now, st.CauseKeywords, names)
	var labels []string
	for _, p := range got {
		labels = append(labels, string(p.Kind)+": "+p.Label)
	}
	want := []string{
		"service: payments-api: 3 incidents in 30 days",
		"tag: #database: 3 incidents in 90 days",
		"tag: #network: 3 incidents in 90 days",
		`cause: "config change" cited in 3 reviews in 90 days`,
	}
	if strings.Join(labels, "\n") != strings.Join(want, "\n") {
		t.Fatalf("patterns:\n%s\nwant:\n%s", strings.Join(labels, "\n"), strings.Join(want, "\n"))
	}
	if len(got[0].IncidentIDs) != 3 || got[3].Count != 3 {
		t.Fatalf("linked incidents: %+v", got[0])
	}
	cause := map[id.ID]bool{}
	for _, u := range got[3].IncidentIDs {
		cause[u] = true
	}
	if !cause[sums[0].ID] || !cause[sums[1].ID] || !cause[sums[5].ID] {
		t.Fatalf("cause pattern links %v", got[3].IncidentIDs)
	}
	// The keyword "dns" is found in 2 reviews only: not a pattern; with a
	// third it is.
	reviews = append(reviews, incident.ReviewText{sums[2].ID, "Upstream DNS outage", nil})
	got = incident.FindPatterns(sums, reviews, now, st.CauseKeywords, names)
	if last := got[len(got)-1]; last.Key != "dns" || last.Count != 3 {
		t.Fatalf("dns keyword pattern missing: %+v", got)
	}
}

func TestCausePatternsGroupPhrasesOfTheSameReviews(t *testing.T) {
	var sums []incident.Summary
	var reviews []incident.ReviewText
	for i := 0; i < 3; i++ {
		s := mkSum(t, sumSpec{sev: 3, start: now.Add(-time.Duration(i+1) * 24 * time.Hour).Format(time.RFC3339), detect: unset, ack: unset, resolve: time.Hour})
		sums = append(sums, s)
		reviews = append(reviews, incident.ReviewText{IncidentID: s.ID, RootCause: "Expired TLS certificate on the API."})
	}
	got := incident.FindPatterns(sums, reviews, now, []string{"certificate"}, incident.Names{})
	if len(got) != 1 || got[0].Key != "certificate" || strings.Join(got[0].Also, ",") != "expired tls,tls certificate" ||
		got[0].Label != `"certificate" cited in 3 reviews in 90 days (with "expired tls", "tls certificate")` {
		t.Fatalf("%+v", got)
	}
}

func TestCausePhrases(t *testing.T) {
	got := incident.CausePhrases([]string{"The 2 DB replicas were out-of-sync; retry storm.", "Retry storm"}, [][]string{{"out", "of", "sync"}, {"retry"}})
	var l []string
	for k := range got {
		l = append(l, k)
	}
	want := map[string]bool{"db replicas": true, "retry storm": true, "out of sync": true, "retry": true}
	if len(got) != len(want) {
		t.Fatalf("phrases %v", l)
	}
	for k := range want {
		if !got[k] {
			t.Fatalf("phrases %v lack %q", l, k)
		}
	}
}

func TestSettings(t *testing.T) {
	s := incident.Settings{ReviewDueBusinessDays: 0}
	s.Normalize()
	if err := s.Validate(); err != nil || s.Label(1) != "SEV1" || s.ReviewDueBusinessDays != 5 || len(s.CauseKeywords) == 0 {
		t.Fatalf("defaults: %+v %v", s, err)
	}
	s.Severities = s.Severities[:3]
	testenv.FieldErr(t, s.Validate(), "severities", "exactly 4")
	s = incident.DefaultSettings()
	s.Severities[2].Label = "sev1"
	s.ReviewDueBusinessDays = 61
	err := s.Validate()
	testenv.FieldErr(t, err, "severities.2.label", "used twice")
	testenv.FieldErr(t, err, "reviewDueBusinessDays", "1 to 60")
}
