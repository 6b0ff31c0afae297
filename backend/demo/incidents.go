package demo

import (
	"fmt"
	"math"
	"math/rand/v2"
	"sort"
	"strconv"
	"time"

	"wheelhouse/backend/civil"
	"wheelhouse/backend/followup"
	"wheelhouse/backend/id"
	"wheelhouse/backend/incident"
	"wheelhouse/backend/people"
	"wheelhouse/backend/tz"
	"wheelhouse/backend/workspace"
)

// Sizes of the incident history.
const (
	LargeIncidents = 2000
	LargeActions   = 20000
)

// demoZone is the manager's zone in the demo (review due dates).
const demoZone = "Europe/Berlin"

// A cause drives an incident's title, tags, review text and follow-ups, so
// the recurring-pattern finder has real patterns to find.
type cause struct {
	tag, title, root string
	factors          []string
	actions          []string
}

var causes = []cause{
	{"config", "Errors on %s after a config change", "A config change to %s was rolled out to all regions at once and disabled its health check.",
		[]string{"No canary stage for config changes", "Config validation did not cover the changed field", "Alert on error rate fired late"},
		[]string{"Add a canary stage for config changes to %s", "Validate %s config in CI", "Alert on error rate of %s within 5 minutes"}},
	{"deploy", "%s regression after deploy", "A deploy of %s shipped a regression that the integration tests did not cover.",
		[]string{"Integration tests missed the failing path", "Rollback took longer than expected", "Deploy went out late on a Friday"},
		[]string{"Add an integration test for the failing path of %s", "Make rollback of %s a one-click step", "Document rollback steps for %s"}},
	{"capacity", "%s slow under peak load", "Connection pool exhausted under peak load on %s.",
		[]string{"Missing load test for peak traffic", "Retry storm amplified the load", "Autoscaling reacted too slowly"},
		[]string{"Load test %s at twice the peak", "Raise the connection pool limit of %s", "Tune autoscaling of %s"}},
	{"dependency", "Timeouts in %s from a dependency", "Timeouts from an upstream dependency cascaded through retries into %s.",
		[]string{"Retry storm amplified the load", "No circuit breaker around the dependency", "Dashboards lacked a per-dependency breakdown"},
		[]string{"Add a circuit breaker to %s", "Review the retry policy of %s", "Add per-dependency latency dashboard for %s"}},
	{"certificate", "TLS errors on %s", "An expired TLS certificate on %s broke client connections.",
		[]string{"Certificate expiry was not monitored", "Runbook was out of date"},
		[]string{"Automate certificate renewal for %s", "Alert 30 days before certificates of %s expire"}},
	{"database", "%s database locked", "A schema migration locked a hot table of %s during peak traffic.",
		[]string{"Migration was not tested on production-sized data", "On-call engineer was new to the service"},
		[]string{"Split migrations of %s into online steps", "Add a migration checklist for %s"}},
	{"dns", "%s unreachable", "A DNS record change pointed %s at a decommissioned load balancer.",
		[]string{"DNS changes bypassed review", "Runbook was out of date"},
		[]string{"Put DNS records of %s under code review", "Update the runbook for %s"}},
}

var demoNotes = []string{"Paged the on-call engineer; looking at dashboards.", "Error rate at 12% and rising.",
	"Customers report failed requests via support.", "Suspect the latest change; preparing a rollback.",
	"Rollback started.", "Error rate back to baseline; watching.", "Status page updated."}

// wontDoReasons are why some follow-ups were dropped.
var wontDoReasons = []string{"Superseded by the platform migration.", "Service was decommissioned.", "Covered by another follow-up."}

// genIncidents adds incidents and follow-ups to s: a handful for the small
// demo, five years' worth for the large one.
func genIncidents(s *workspace.Snapshot, size Size, now time.Time, rng *rand.Rand) {
	s.Settings.Incidents = incident.DefaultSettings()
	loc, _ := tz.Load(demoZone)
	g := &incGen{s: s, rng: rng, now: now, loc: loc, today: incident.Today(now, loc)}
	g.names = incident.Names{People: map[id.ID]string{}, Services: map[id.ID]string{}}
	for _, p := range s.People {
		g.names.People[p.ID] = p.Name
	}
	for _, sv := range s.Services {
		g.names.Services[sv.ID] = sv.Name
	}
	if size == Large {
		g.large()
	} else {
		g.small()
	}
	g.assignIDs()
}

type incGen struct {
	s     *workspace.Snapshot
	rng   *rand.Rand
	now   time.Time
	loc   *time.Location
	today string
	names incident.Names
	incs  []*incident.Incident
	acts  []genAction
}

type genAction struct {
	item followup.Item
	inc  int // index into incs
}

func (g *incGen) minutes(mean float64) time.Duration {
	return time.Duration((0.5 + g.rng.ExpFloat64()) * mean * float64(time.Minute))
}

// past keeps t out of the future (open incidents have had little time).
func (g *incGen) past(t time.Time) time.Time {
	if lim := g.now.Add(-time.Minute); t.After(lim) {
		return lim
	}
	return t
}

// eligible reports whether p could take part in an incident at t.
func eligible(p *people.Person, t time.Time) bool {
	return !p.Archived || p.ArchivedAt.After(t)
}

func (g *incGen) person(u id.ID) *people.Person { return findPerson(g.s.People, u) }

// crew picks up to n distinct people of the team owning svc who were around at t.
func (g *incGen) crew(svc *people.Service, t time.Time, n int) []id.ID {
	var team *people.Team
	for i := range g.s.Teams {
		if g.s.Teams[i].ID == svc.TeamID {
			team = &g.s.Teams[i]
		}
	}
	var pool []id.ID
	if team != nil {
		for _, m := range team.MemberIDs {
			if eligible(g.person(m), t) {
				pool = append(pool, m)
			}
		}
	}
	if len(pool) == 0 {
		pool = []id.ID{g.s.People[0].ID}
	}
	g.rng.Shuffle(len(pool), func(i, j int) { pool[i], pool[j] = pool[j], pool[i] })
	return pool[:min(n, len(pool))]
}

// spec describes one generated incident.
type spec struct {
	started      time.Time
	sev          int
	raised       bool // the severity was raised from sev+1
	svcs         []*people.Service
	cause        *cause
	final        incident.Status
	review       incident.ReviewState
	reviewDays   int // days after resolution the review settled
	skipReason   string
	title        string
	ttaMin, ttrH float64
}

var ttaMean = map[int]float64{1: 3, 2: 6, 3: 12, 4: 30}   // minutes detection -> acknowledgement
var ttrMean = map[int]float64{1: 1.5, 2: 3, 3: 8, 4: 24}  // hours start -> resolution
var detectMean = map[int]float64{1: 2, 2: 4, 3: 8, 4: 20} // minutes start -> detection

// build makes the incident of a spec with a plausible timeline.
func (g *incGen) build(sp spec) *incident.Incident {
	st := &g.s.Settings.Incidents
	in := &incident.Incident{Severity: sp.sev, StartedAt: sp.started.UTC()}
	svc := sp.svcs[0]
	in.Title = sp.title
	if in.Title == "" {
		in.Title = fmt.Sprintf(sp.cause.title, svc.Name)
	}
	for _, sv := range sp.svcs {
		in.AffectedServiceIDs = append(in.AffectedServiceIDs, sv.ID)
	}
	in.Tags = []string{sp.cause.tag}
	if g.rng.IntN(4) == 0 {
		in.Tags = append(in.Tags, "customer-facing")
	}
	in.Summary = fmt.Sprintf("%s. Detected by alerting; mitigated by the on-call team.", in.Title)
	if sp.sev <= 2 {
		in.CustomerImpact = fmt.Sprintf("Requests to %s failed or were slow for part of the customers.", svc.Name)
	}
	tta := g.minutes(ttaMean[sp.sev])
	if sp.ttaMin > 0 {
		tta = time.Duration(sp.ttaMin * float64(time.Minute))
	}
	detect := g.minutes(detectMean[sp.sev])
	ttr := time.Duration((0.3 + g.rng.ExpFloat64()) * ttrMean[sp.sev] * float64(time.Hour))
	if sp.ttrH > 0 {
		ttr = time.Duration(sp.ttrH * float64(time.Hour))
	}
	open := sp.final.IsOpen()
	elapsed := g.now.Add(-time.Minute).Sub(in.StartedAt)
	var resolved, mitigated, identified time.Time
	if open {
		// Squeeze what has happened so far into the time since the start.
		detect, tta = min(detect, elapsed/6), min(tta, elapsed/6)
		in.DetectedAt = in.StartedAt.Add(detect)
		in.AcknowledgedAt = in.DetectedAt.Add(tta)
		identified = in.AcknowledgedAt.Add(g.now.Sub(in.AcknowledgedAt) / 3)
		mitigated = in.AcknowledgedAt.Add(g.now.Sub(in.AcknowledgedAt) * 2 / 3)
		resolved = g.now.Add(-time.Minute) // the horizon for notes
	} else {
		in.DetectedAt = in.StartedAt.Add(detect)
		in.AcknowledgedAt = in.DetectedAt.Add(tta)
		ttr = min(ttr, elapsed*8/10)
		if least := detect + tta + 10*time.Minute; ttr < least {
			ttr = least
		}
		resolved = in.StartedAt.Add(ttr)
		mitigated = in.AcknowledgedAt.Add(resolved.Sub(in.AcknowledgedAt) * 6 / 10)
		identified = in.AcknowledgedAt.Add(mitigated.Sub(in.AcknowledgedAt) / 2)
	}
	team := g.crew(svc, in.StartedAt, 4)
	in.CommanderID = team[0]
	if len(team) > 1 {
		in.ResponderIDs = append(in.ResponderIDs, team[1:min(len(team), 1+1+g.rng.IntN(2))]...)
	}
	if sp.sev <= 2 && len(team) > 3 {
		in.ScribeID = team[3]
	}
	if sp.sev == 1 {
		in.CommsID = g.s.People[0].ID // the manager talks to stakeholders
	}
	sev0 := sp.sev
	if sp.raised && sp.sev < incident.MaxSeverity {
		sev0 = sp.sev + 1
	}
	in.Escalated = sp.sev <= 2 && g.rng.IntN(10) == 0
	add := func(e incident.Entry) { in.Timeline = append(in.Timeline, e) }
	cmd := in.CommanderID
	add(incident.Entry{At: in.StartedAt, Kind: incident.KindStatus, Auto: true, To: string(incident.StatusInvestigating), AuthorID: cmd, Text: "Incident opened"})
	joined := in.AcknowledgedAt
	add(incident.Entry{At: joined, Kind: incident.KindRole, Auto: true, Role: incident.RoleCommander, PersonID: cmd, AuthorID: cmd})
	in.Participants = append(in.Participants, incident.Participant{PersonID: cmd, JoinedAt: joined})
	for _, r := range in.ResponderIDs {
		at := g.past(joined.Add(g.minutes(3)))
		add(incident.Entry{At: at, Kind: incident.KindRole, Auto: true, Role: incident.RoleResponder, PersonID: r, To: "added", AuthorID: cmd})
		in.Participants = append(in.Participants, incident.Participant{PersonID: r, JoinedAt: at})
	}
	for _, x := range []struct {
		role incident.Role
		u    id.ID
	}{{incident.RoleScribe, in.ScribeID}, {incident.RoleComms, in.CommsID}} {
		if !x.u.IsZero() {
			at := g.past(joined.Add(g.minutes(5)))
			add(incident.Entry{At: at, Kind: incident.KindRole, Auto: true, Role: x.role, PersonID: x.u, AuthorID: cmd})
			if !containsID(in.Participants, x.u) {
				in.Participants = append(in.Participants, incident.Participant{PersonID: x.u, JoinedAt: at})
			}
		}
	}
	if sev0 != sp.sev {
		add(incident.Entry{At: in.AcknowledgedAt.Add(mitigated.Sub(in.AcknowledgedAt) / 4), Kind: incident.KindSeverity, Auto: true,
			From: strconv.Itoa(sev0), To: strconv.Itoa(sp.sev), AuthorID: cmd, Text: "Impact is wider than first thought"})
	}
	for i, n := 0, 2+g.rng.IntN(2); i < n; i++ {
		at := in.AcknowledgedAt.Add(time.Duration(g.rng.Int64N(int64(resolved.Sub(in.AcknowledgedAt)))))
		add(incident.Entry{At: at, Kind: incident.KindNote, Text: demoNotes[g.rng.IntN(len(demoNotes))], AuthorID: team[g.rng.IntN(len(team))]})
	}
	status := func(at time.Time, from, to incident.Status, note string) {
		add(incident.Entry{At: at, Kind: incident.KindStatus, Auto: true, From: string(from), To: string(to), AuthorID: cmd, Text: note})
	}
	in.Status, in.Severity = sp.final, sp.sev
	switch {
	case sp.final == incident.StatusInvestigating:
	case sp.final == incident.StatusIdentified:
		status(identified, incident.StatusInvestigating, incident.StatusIdentified, "Cause found: "+sp.cause.tag)
	case sp.final == incident.StatusMonitoring:
		status(identified, incident.StatusInvestigating, incident.StatusIdentified, "Cause found: "+sp.cause.tag)
		status(mitigated, incident.StatusIdentified, incident.StatusMonitoring, "Fix applied")
		in.MitigatedAt = mitigated
	default:
		status(identified, incident.StatusInvestigating, incident.StatusIdentified, "Cause found: "+sp.cause.tag)
		status(mitigated, incident.StatusIdentified, incident.StatusMonitoring, "Fix applied")
		status(resolved, incident.StatusMonitoring, incident.StatusResolved, "")
		in.MitigatedAt, in.ResolvedAt = mitigated, resolved
	}
	in.Review.State = incident.ReviewNotStarted
	if !in.ResolvedAt.IsZero() {
		g.review(in, sp, st)
	}
	in.CreatedAt = in.DetectedAt
	in.UpdatedAt = in.CreatedAt
	if n := len(in.Timeline); n > 0 && in.Timeline[n-1].At.After(in.UpdatedAt) {
		in.UpdatedAt = in.Timeline[n-1].At
	}
	in.Normalize()
	return in
}

// review fills the review of a resolved incident according to the spec.
func (g *incGen) review(in *incident.Incident, sp spec, st *incident.Settings) {
	r := &in.Review
	r.DueDate = incident.ReviewDueDate(in.ResolvedAt, g.loc, st.ReviewDueBusinessDays)
	settledAt := in.ResolvedAt.Add(time.Duration(sp.reviewDays)*24*time.Hour + time.Duration(g.rng.IntN(8*60))*time.Minute)
	if settledAt.After(g.now) {
		settledAt = g.now.Add(-time.Minute)
	}
	svc := g.names.Service(in.AffectedServiceIDs[0])
	if sp.review != incident.ReviewNotStarted && sp.review != incident.ReviewSkipped {
		r.Summary = in.Summary
		r.Impact = in.CustomerImpact
		r.RootCause = fmt.Sprintf(sp.cause.root, svc)
		fs := append([]string(nil), sp.cause.factors...)
		g.rng.Shuffle(len(fs), func(i, j int) { fs[i], fs[j] = fs[j], fs[i] })
		r.ContributingFactors = fs[:1+g.rng.IntN(len(fs))]
		r.WentWell = "Alerting paged the right team; the rollback was quick once started."
		r.WentPoorly = "It took a while to connect the errors to the change."
		r.Lessons = "Make risky changes gradual and observable."
		r.Timeline = incident.TimelineText(in, g.names, st, g.loc)
	}
	r.State = sp.review
	switch sp.review {
	case incident.ReviewCompleted:
		r.CompletedAt, r.UpdatedAt = settledAt, settledAt
		in.Timeline = append(in.Timeline, incident.Entry{At: settledAt, Kind: incident.KindReview, Auto: true, To: "completed", AuthorID: in.CommanderID})
	case incident.ReviewSkipped:
		r.SkipReason, r.SkippedBy, r.SkippedAt, r.UpdatedAt = sp.skipReason, g.s.People[0].ID, settledAt, settledAt
		in.Timeline = append(in.Timeline, incident.Entry{At: settledAt, Kind: incident.KindReview, Auto: true, To: "skipped", Text: sp.skipReason, AuthorID: g.s.People[0].ID})
	case incident.ReviewDraft, incident.ReviewInReview:
		r.UpdatedAt = settledAt
	}
	closeAt := settledAt.Add(time.Duration(1+g.rng.IntN(20)) * time.Hour)
	if closeAt.After(g.now) {
		closeAt = settledAt
	}
	switch in.Status {
	case incident.StatusInReview:
		at := in.ResolvedAt.Add(time.Duration(1+g.rng.IntN(48)) * time.Hour)
		if at.After(g.now) {
			at = in.ResolvedAt.Add(g.now.Sub(in.ResolvedAt) / 2)
		}
		in.Timeline = append(in.Timeline, incident.Entry{At: at, Kind: incident.KindStatus,
			Auto: true, From: string(incident.StatusResolved), To: string(incident.StatusInReview), AuthorID: in.CommanderID})
	case incident.StatusClosed:
		if sp.review == incident.ReviewCompleted {
			in.Timeline = append(in.Timeline, incident.Entry{At: settledAt.Add(-time.Hour), Kind: incident.KindStatus, Auto: true,
				From: string(incident.StatusResolved), To: string(incident.StatusInReview), AuthorID: in.CommanderID})
			in.Timeline = append(in.Timeline, incident.Entry{At: closeAt, Kind: incident.KindStatus, Auto: true,
				From: string(incident.StatusInReview), To: string(incident.StatusClosed), AuthorID: in.CommanderID})
		} else {
			in.Timeline = append(in.Timeline, incident.Entry{At: closeAt, Kind: incident.KindStatus, Auto: true,
				From: string(incident.StatusResolved), To: string(incident.StatusClosed), AuthorID: g.s.People[0].ID})
		}
	}
}

func containsID(ps []incident.Participant, u id.ID) bool {
	for _, p := range ps {
		if p.PersonID == u {
			return true
		}
	}
	return false
}

// followUps adds n follow-ups of incident i, created when its review was
// held; their status depends on how long ago they were due.
func (g *incGen) followUps(i, n int) {
	in := g.incs[i]
	svc := g.names.Service(in.AffectedServiceIDs[0])
	var c *cause
	for k := range causes {
		if causes[k].tag == in.Tags[0] {
			c = &causes[k]
		}
	}
	created := in.ResolvedAt.Add(time.Duration(1+g.rng.IntN(4*24)) * time.Hour)
	if !in.Review.UpdatedAt.IsZero() && in.Review.UpdatedAt.Before(created) {
		created = in.Review.UpdatedAt
	}
	if created.After(g.now) {
		created = g.now.Add(-time.Hour)
	}
	owners := append([]id.ID{in.CommanderID}, in.ResponderIDs...)
	for _, p := range in.Participants {
		owners = append(owners, p.PersonID)
	}
	generic := []string{"Update the runbook for %s", "Add a dashboard panel for %s", "Write a postmortem summary for the %s team",
		"Review alert thresholds of %s", "Add a game day scenario for %s"}
	for k := 0; k < n; k++ {
		var title string
		if k < len(c.actions) {
			title = fmt.Sprintf(c.actions[k], svc)
		} else {
			title = fmt.Sprintf(generic[(k-len(c.actions))%len(generic)], svc)
			if k >= len(c.actions)+len(generic) {
				title += fmt.Sprintf(" (part %d)", k-len(c.actions)-len(generic)+2)
			}
		}
		owner := owners[g.rng.IntN(len(owners))]
		if p := g.person(owner); !eligible(p, g.now) || p.ID == g.s.People[0].ID {
			owner = g.crew(findService(g.s.Services, in.AffectedServiceIDs[0]), g.now, 1)[0]
		}
		due := created.AddDate(0, 0, 7+g.rng.IntN(54)).In(g.loc).Format(civil.Layout)
		it := followup.Item{Title: title, OwnerID: owner, DueDate: due, CreatedAt: created, UpdatedAt: created,
			Source: followup.Source{Kind: followup.SourceIncidentReview, Label: in.Title}}
		switch {
		case in.Severity == 1:
			it.Priority = []followup.Priority{followup.PriorityHigh, followup.PriorityUrgent}[g.rng.IntN(2)]
		case g.rng.IntN(5) == 0:
			it.Priority = followup.PriorityLow
		case g.rng.IntN(6) == 0:
			it.Priority = followup.PriorityHigh
		default:
			it.Priority = followup.PriorityMedium
		}
		ago := g.now.Sub(mustDate(due)).Hours() / 24
		roll := g.rng.Float64()
		switch {
		case ago > 45 && roll < 0.90, ago > 0 && ago <= 45 && roll < 0.55, ago <= 0 && roll < 0.20:
			it.Status = followup.StatusDone
		case ago > 45 && roll < 0.95:
			it.Status, it.Reason = followup.StatusWontDo, wontDoReasons[g.rng.IntN(len(wontDoReasons))]
		case roll < 0.97 && ago <= 0 && g.rng.IntN(3) == 0:
			it.Status = followup.StatusInProgress
		default:
			it.Status = followup.StatusOpen
		}
		if !it.Status.IsOpen() {
			span := math.Max(1, math.Min(g.now.Sub(created).Hours(), mustDate(due).Sub(created).Hours()+240))
			it.CompletedAt = created.Add(time.Duration(g.rng.Float64() * span * float64(time.Hour)))
			it.UpdatedAt = it.CompletedAt
		}
		g.acts = append(g.acts, genAction{item: it, inc: i})
	}
}

func mustDate(s string) time.Time {
	d, _ := civil.Parse(s)
	return d
}

func findService(l []people.Service, u id.ID) *people.Service {
	for i := range l {
		if l[i].ID == u {
			return &l[i]
		}
	}
	return nil
}

// large: 2,000 incidents over five years and 20,000 follow-ups.
func (g *incGen) large() {
	rng := g.rng
	span := 5 * 365 * 24 * time.Hour
	starts := make([]time.Time, LargeIncidents)
	for i := range starts {
		starts[i] = g.now.Add(-span).Add(time.Duration(rng.Int64N(int64(span - 48*time.Hour)))).Truncate(time.Minute)
	}
	sort.Slice(starts, func(i, j int) bool { return starts[i].Before(starts[j]) })
	// The two latest incidents are still going on.
	starts[len(starts)-2] = g.now.Add(-5 * time.Hour).Truncate(time.Minute)
	starts[len(starts)-1] = g.now.Add(-40 * time.Minute).Truncate(time.Minute)
	// Some services are noisier than others.
	weights := make([]int, len(g.s.Services))
	total := 0
	for i := range weights {
		weights[i] = 1 + (i*7)%4
		if i == 0 || i == 7 {
			weights[i] = 8
		}
		total += weights[i]
	}
	pickSvc := func() *people.Service {
		n := rng.IntN(total)
		for i, w := range weights {
			if n < w {
				return &g.s.Services[i]
			}
			n -= w
		}
		return &g.s.Services[0]
	}
	var eligibleIdx []int
	for i, st := range starts {
		sp := spec{started: st}
		switch r := rng.IntN(100); {
		case r < 3:
			sp.sev = 1
		case r < 17:
			sp.sev = 2
		case r < 62:
			sp.sev = 3
		default:
			sp.sev = 4
		}
		sp.raised = sp.sev < 4 && rng.IntN(100) < 12
		sp.svcs = []*people.Service{pickSvc()}
		if rng.IntN(10) < 3 {
			if other := pickSvc(); other != sp.svcs[0] {
				sp.svcs = append(sp.svcs, other)
			}
		}
		sp.cause = &causes[rng.IntN(len(causes))]
		age := g.now.Sub(st)
		sp.final, sp.review, sp.reviewDays = incident.StatusClosed, incident.ReviewCompleted, 2+rng.IntN(9)
		switch roll := rng.IntN(100); {
		case i == len(starts)-1:
			sp.final = incident.StatusInvestigating
		case i == len(starts)-2:
			sp.final = incident.StatusMonitoring
		case age < 3*24*time.Hour:
			sp.final, sp.review = incident.StatusResolved, incident.ReviewNotStarted
		case age < 12*24*time.Hour:
			sp.final, sp.review, sp.reviewDays = incident.StatusInReview, incident.ReviewDraft, 1+rng.IntN(3)
		case sp.sev == 4 && roll < 15 || roll < 4:
			sp.final, sp.review = incident.StatusClosed, incident.ReviewSkipped
			sp.skipReason = []string{"Minor and fully understood; no new lessons.", "Same cause as an incident reviewed the same week.",
				"Caused by a vendor outage; their report covers it."}[rng.IntN(3)]
		case roll < 7:
			// Some reviews are overdue: still not done well past their due date.
			sp.final, sp.review, sp.reviewDays = incident.StatusResolved, []incident.ReviewState{incident.ReviewNotStarted, incident.ReviewDraft}[rng.IntN(2)], 3
		}
		in := g.build(sp)
		g.incs = append(g.incs, in)
		if in.Review.State != incident.ReviewNotStarted && in.Review.State != incident.ReviewSkipped {
			eligibleIdx = append(eligibleIdx, i)
		}
	}
	// About ten follow-ups per reviewed incident, LargeActions in all.
	counts := make([]int, len(eligibleIdx))
	sum := 0
	for k := range counts {
		counts[k] = 5 + rng.IntN(11)
		sum += counts[k]
	}
	for sum != LargeActions {
		k := rng.IntN(len(counts))
		if sum < LargeActions && counts[k] < 20 {
			counts[k]++
			sum++
		} else if sum > LargeActions && counts[k] > 1 {
			counts[k]--
			sum--
		}
	}
	for k, i := range eligibleIdx {
		g.followUps(i, counts[k])
	}
}

// small: six incidents: one going on, one resolved with its review in draft
// (overdue) and two overdue follow-ups, the rest closed; payments-api
// recurs, and three reviews name a config change.
func (g *incGen) small() {
	svc := func(i int) *people.Service { return &g.s.Services[i] }
	days := func(d float64) time.Time {
		return g.now.Add(-time.Duration(d * 24 * float64(time.Hour))).Truncate(time.Minute)
	}
	cfg, dep, capa := &causes[0], &causes[1], &causes[2]
	specs := []spec{
		{started: days(60), sev: 4, svcs: []*people.Service{svc(4)}, cause: capa, title: "CI runners out of disk", final: incident.StatusClosed, review: incident.ReviewCompleted, reviewDays: 4, ttaMin: 25, ttrH: 6},
		{started: days(40), sev: 3, svcs: []*people.Service{svc(2)}, cause: capa, title: "Fraud scoring latency above SLO", final: incident.StatusClosed, review: incident.ReviewSkipped, reviewDays: 2,
			skipReason: "Known capacity issue; covered by the Q3 capacity plan.", ttaMin: 9, ttrH: 3},
		{started: days(25), sev: 3, svcs: []*people.Service{svc(1)}, cause: cfg, title: "Ledger export delayed", final: incident.StatusClosed, review: incident.ReviewCompleted, reviewDays: 5, ttaMin: 12, ttrH: 5},
		{started: days(20), sev: 2, raised: true, svcs: []*people.Service{svc(0), svc(1)}, cause: dep, title: "Checkout timeouts after deploy", final: incident.StatusClosed, review: incident.ReviewCompleted, reviewDays: 6, ttaMin: 4, ttrH: 2.5},
		{started: days(10), sev: 1, svcs: []*people.Service{svc(0)}, cause: cfg, title: "Card payments failing for EU customers", final: incident.StatusResolved, review: incident.ReviewDraft, reviewDays: 2, ttaMin: 3, ttrH: 1.75},
		{started: g.now.Add(-50 * time.Minute).Truncate(time.Minute), sev: 2, svcs: []*people.Service{svc(0)}, cause: cfg, title: "Elevated 5xx on payments-api", final: incident.StatusIdentified, ttaMin: 4, ttrH: 0.7},
	}
	for _, sp := range specs {
		g.incs = append(g.incs, g.build(sp))
	}
	// "Checkout timeouts after deploy" names a config change too (the third review that does).
	g.incs[3].Review.RootCause = "A config change shipped with the deploy lowered the checkout timeout below the ledger's latency."
	g.incs[3].Tags = append(g.incs[3].Tags, "config")
	g.incs[0].Review.RootCause = "Build caches were never pruned; the disks filled up."
	// Follow-ups with hand-picked due dates.
	type fu struct {
		inc    int
		title  string
		owner  int // index into people
		dueIn  int // days from today
		status followup.Status
		prio   followup.Priority
	}
	fus := []fu{
		{0, "Prune build caches nightly", 2, -50, followup.StatusDone, followup.PriorityMedium},
		{0, "Alert at 80% disk on CI runners", 3, -45, followup.StatusDone, followup.PriorityMedium},
		{2, "Validate ledger export config in CI", 4, -10, followup.StatusDone, followup.PriorityMedium},
		{2, "Add a canary stage for config changes to ledger", 5, 20, followup.StatusOpen, followup.PriorityLow},
		{3, "Make the checkout timeout part of the release checklist", 1, -5, followup.StatusDone, followup.PriorityHigh},
		{3, "Load test checkout with ledger latency injected", 6, -2, followup.StatusWontDo, followup.PriorityMedium},
		{4, "Add a canary stage for config changes to payments-api", 1, -3, followup.StatusOpen, followup.PriorityUrgent},
		{4, "Alert on card decline rate within 5 minutes", 2, -1, followup.StatusInProgress, followup.PriorityHigh},
		{4, "Update the payments runbook", 3, 2, followup.StatusOpen, followup.PriorityMedium},
	}
	for _, f := range fus {
		in := g.incs[f.inc]
		created := in.ResolvedAt.Add(26 * time.Hour)
		if created.After(g.now) {
			created = g.now.Add(-time.Hour)
		}
		it := followup.Item{Title: f.title, OwnerID: g.s.People[f.owner].ID, Priority: f.prio, Status: f.status,
			DueDate: followup.AddDays(g.today, f.dueIn), CreatedAt: created, UpdatedAt: created,
			Source: followup.Source{Kind: followup.SourceIncidentReview, Label: in.Title}}
		if !f.status.IsOpen() {
			it.CompletedAt = created.Add(48 * time.Hour)
			if it.CompletedAt.After(g.now) {
				it.CompletedAt = g.now.Add(-time.Hour)
			}
			it.UpdatedAt = it.CompletedAt
		}
		if f.status == followup.StatusWontDo {
			it.Reason = "The new timeout budget makes this moot."
		}
		g.acts = append(g.acts, genAction{item: it, inc: f.inc})
	}
}

// assignIDs gives every incident, timeline entry and follow-up an id made
// from its creation time, in time order (so the export lists them
// chronologically), then links follow-ups to their incidents.
func (g *incGen) assignIDs() {
	type birth struct {
		at time.Time
		u  *id.ID
	}
	var bs []birth
	for _, in := range g.incs {
		bs = append(bs, birth{in.CreatedAt, &in.ID})
		for k := range in.Timeline {
			bs = append(bs, birth{in.Timeline[k].At, &in.Timeline[k].ID})
		}
	}
	for k := range g.acts {
		bs = append(bs, birth{g.acts[k].item.CreatedAt, &g.acts[k].item.ID})
	}
	sort.SliceStable(bs, func(i, j int) bool { return bs[i].at.Before(bs[j].at) })
	for _, b := range bs {
		*b.u = id.New(b.at)
	}
	g.s.Incidents = make([]incident.Incident, 0, len(g.incs))
	for _, in := range g.incs {
		g.s.Incidents = append(g.s.Incidents, *in)
	}
	g.s.FollowUps = make([]followup.Item, 0, len(g.acts))
	for _, a := range g.acts {
		a.item.Source.ID = g.incs[a.inc].ID
		g.s.FollowUps = append(g.s.FollowUps, a.item)
	}
	sort.SliceStable(g.s.FollowUps, func(i, j int) bool { return string(g.s.FollowUps[i].ID[:]) < string(g.s.FollowUps[j].ID[:]) })
	sort.SliceStable(g.s.Incidents, func(i, j int) bool { return string(g.s.Incidents[i].ID[:]) < string(g.s.Incidents[j].ID[:]) })
}
