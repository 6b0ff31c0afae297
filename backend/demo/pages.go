package demo

import (
	"bytes"
	"hash/fnv"
	"math"
	"math/rand/v2"
	"sort"
	"strconv"
	"strings"
	"time"

	"wheelhouse/backend/clock"
	"wheelhouse/backend/id"
	"wheelhouse/backend/incident"
	"wheelhouse/backend/oncall"
	"wheelhouse/backend/pages"
	"wheelhouse/backend/people"
	"wheelhouse/backend/store"
	"wheelhouse/backend/tz"
	"wheelhouse/backend/workspace"
)

// Paging history of the demo workspaces (issue 11 part 8). It is written
// as a PagerDuty incident export (pages.SynthWriter) and imported through
// pages.Service.Apply, the path a user's export takes: responders are
// matched by the import's rules (acknowledging user name or e-mail, folded;
// else whoever was on call for the service's team).
//
// Small: twelve weeks. Before the rotation starts (eight weeks ago) the
// European half of the team answers pages by hand; after it, the on-call
// person answers them in their waking hours, at most one a day, spaced so
// that nobody's load passes two pages a day over any window (decision 0014's
// threshold), except for two weeks: the flapping CI runners of about two and
// a half weeks ago (pages per on-call day, and two night pages) and two
// night pages of the settlement job about five weeks ago. The health flags
// so show for one person over the last four weeks and two over twelve.
//
// Large: five years of pages of 25 services (about 16,000): weekday daytime
// peaks (in the owning team's home zone and, for changes the team makes, in
// its on-call person's), batch jobs (ledger, search-api: Platform;
// warehouse-etl: Data) paging in the on-call person's night, three flapping
// services whose alerts mostly resolve themselves within minutes, and a
// storm of pages at the start of each of the 2,000 incidents, on its
// services. Its people live in twelve zones, so the other rotations get
// night pages too, as a 24x7 rotation spread over the world does.

// DemoPagesFile is the file name the demo's import log records.
const DemoPagesFile = "demo-paging-history.csv"

// pageWeeks is how far back the small demo's paging history goes.
const pageWeeks = 12

// unknownAckers are acknowledging names of people the workspace does not
// know (a contractor, someone who left before the demo's people were
// entered): the import lists them as unmatched and falls back to on-call.
var unknownAckers = []string{"Sam Whitfield", "Jordan Blake (contractor)"}

// teamZones are the home zones of the large demo's teams, by team index:
// where their services' users are, so where the daytime peaks fall.
var teamZones = []string{"Europe/Berlin", "Europe/London", "America/New_York", "Europe/Berlin", "Asia/Kolkata", "America/Los_Angeles"}

type svcKind int

const (
	kindDay   svcKind = iota // weekday daytime peaks
	kindNight                // batch jobs: pages between 01:00 and 05:00
	kindFlap                 // flapping alerts that resolve themselves
)

// servicePaging is how a service pages, by name.
var servicePaging = map[string]struct {
	kind   svcKind
	titles []string
}{
	"ledger":           {kindNight, []string{"Nightly settlement job failed", "Settlement file late", "Ledger replication lag"}},
	"warehouse-etl":    {kindNight, []string{"ETL batch late", "ETL job failed", "Warehouse load stuck"}},
	"search-api":       {kindNight, []string{"Nightly reindex failed", "Index rebuild late"}},
	"metrics-store":    {kindDay, []string{"Compaction behind", "Retention job failed", "Ingest lag over 10 minutes"}},
	"ci-runners":       {kindFlap, []string{"Runner disk pressure", "Runner pool exhausted", "Job queue backlog"}},
	"push-notifier":    {kindFlap, []string{"APNs error rate above 1%", "FCM delivery latency high"}},
	"k8s-platform":     {kindFlap, []string{"Node NotReady", "Pod crash looping"}},
	"payments-api":     {kindDay, []string{"High error rate", "Latency p99 over SLO", "Card authorisation failures", "5xx spike"}},
	"checkout-web":     {kindDay, []string{"5xx spike", "Checkout conversion drop", "Latency p99 over SLO"}},
	"auth-gateway":     {kindDay, []string{"Login failures above 2%", "Token service latency", "5xx spike"}},
	"fraud-scoring":    {kindDay, []string{"Scoring latency over SLO", "Model feature store stale"}},
	"event-pipeline":   {kindDay, []string{"Consumer lag growing", "Dead-letter queue growing"}},
	"invoice-renderer": {kindDay, []string{"Render queue backlog", "PDF render failures"}},
}

var stormTitles = []string{"High error rate", "5xx spike", "Latency p99 over SLO", "Health check failing", "Synthetic check failing", "Error budget burn rate high"}
var dayTitles = []string{"High error rate", "Latency p99 over SLO", "Disk almost full", "Queue backlog growing", "Pod crash looping", "Certificate expires soon", "5xx spike", "Health check failing"}

// addPages writes the paging history of the demo into the staging store of
// demo.Create, through the pages import, then the handoff records of the
// small demo (handoffs.go), which follow its pages.
func addPages(st *store.Store, s *workspace.Snapshot, size Size, c clock.Clock) (*pages.Result, error) {
	now := c.Now().UTC()
	oc := oncall.NewService(st, c)
	from := pagesFrom(s, size, now)
	shifts, err := oc.AllShifts(from, now)
	if err != nil {
		return nil, err
	}
	data := pagingHistory(s, size, now, from, shifts)
	ps := pages.NewService(st, c, oc)
	res, err := ps.Apply(pages.OpenBytes(data), pages.Options{File: DemoPagesFile})
	if err != nil {
		return nil, err
	}
	if _, err := addHandoffs(st, size, c, oc, ps); err != nil {
		return nil, err
	}
	return res, nil
}

// pagesFrom is where the paging history starts: twelve weeks back (small),
// the start of the rotations (large).
func pagesFrom(s *workspace.Snapshot, size Size, now time.Time) time.Time {
	if size == Small {
		return now.AddDate(0, 0, -7*pageWeeks)
	}
	from := now.AddDate(-LargeYears, 0, 0)
	for _, r := range s.OnCall.Rotations {
		if t, err := time.ParseInLocation("2006-01-02", r.StartDate, time.UTC); err == nil && t.After(from) {
			from = t
		}
	}
	return from.Add(24 * time.Hour)
}

type pageGen struct {
	rng      *rand.Rand
	s        *workspace.Snapshot
	now      time.Time
	person   map[id.ID]*people.Person
	zone     map[id.ID]*time.Location
	teamRots map[id.ID][]*oncall.Rotation // by layer, lowest first (as the import's fallback)
	shifts   map[id.ID][]oncall.Shift     // by rotation, by start; people only
	out      []pages.SynthPage
}

// pagingHistory is the demo's paging history as a PagerDuty export.
func pagingHistory(s *workspace.Snapshot, size Size, now, from time.Time, shifts []oncall.Shift) []byte {
	g := &pageGen{rng: rand.New(rand.NewPCG(uint64(len(size)), 11)), s: s, now: now,
		person: map[id.ID]*people.Person{}, zone: map[id.ID]*time.Location{},
		teamRots: map[id.ID][]*oncall.Rotation{}, shifts: map[id.ID][]oncall.Shift{}}
	for i := range s.People {
		p := &s.People[i]
		g.person[p.ID] = p
		g.zone[p.ID], _ = tz.Load(p.TimeZone)
	}
	for i := range s.OnCall.Rotations {
		r := &s.OnCall.Rotations[i]
		g.teamRots[r.TeamID] = append(g.teamRots[r.TeamID], r)
	}
	for _, l := range g.teamRots {
		sort.SliceStable(l, func(i, j int) bool { return l[i].Layer < l[j].Layer })
	}
	for _, sh := range shifts {
		if !sh.Gap && !sh.PersonID.IsZero() {
			g.shifts[sh.RotationID] = append(g.shifts[sh.RotationID], sh)
		}
	}
	for _, l := range g.shifts {
		sort.SliceStable(l, func(i, j int) bool { return l[i].Start.Before(l[j].Start) })
	}
	if size == Small {
		g.small(from)
	} else {
		g.large(from)
	}
	sort.SliceStable(g.out, func(i, j int) bool { return g.out[i].Created.Before(g.out[j].Created) })
	var buf bytes.Buffer
	w := pages.NewSynthWriter(&buf)
	for i := range g.out {
		p := &g.out[i]
		p.Number = int64(1001 + i)
		p.ID = "Q" + strings.ToUpper(strconv.FormatInt(int64(40_000_000+i), 36))
		w.Write(p)
	}
	w.Flush()
	return buf.Bytes()
}

// shiftAt is the shift of rotation r holding t.
func (g *pageGen) shiftAt(r id.ID, t time.Time) (oncall.Shift, bool) {
	l := g.shifts[r]
	i := sort.Search(len(l), func(i int) bool { return l[i].Start.After(t) }) - 1
	if i >= 0 && t.Before(l[i].End) {
		return l[i], true
	}
	return oncall.Shift{}, false
}

// onCall is who is on call for a team at t, as the import's fallback finds
// them (the lowest layer with someone on call), and someone on a higher
// layer (the secondary), if any.
func (g *pageGen) onCall(team id.ID, t time.Time) (primary, secondary id.ID) {
	for _, r := range g.teamRots[team] {
		sh, ok := g.shiftAt(r.ID, t)
		switch {
		case !ok:
		case primary.IsZero():
			primary = sh.PersonID
		case r.Layer > 1 && sh.PersonID != primary:
			return primary, sh.PersonID
		}
	}
	return primary, secondary
}

// ackSeconds is how long p takes to acknowledge at t: their own pace, slower
// at night in their zone.
func (g *pageGen) ackSeconds(p id.ID, t time.Time, spread float64) int64 {
	h := fnv.New32a()
	h.Write([]byte(g.person[p].Name)) // not the id: ids differ between runs
	base := 60 + float64(h.Sum32()%150)
	f := math.Exp(g.rng.NormFloat64() * spread)
	if spread == 0 {
		f = 0.92 + 0.16*g.rng.Float64()
	}
	if pages.BandOf(t, g.zone[p]) == pages.BandSleep {
		f *= 3
	}
	return int64(base * f)
}

// ackName is how the paging tool names who acknowledged: mostly the
// person's name; sometimes their e-mail address, or the name typed without
// accents in lower case, or someone the workspace does not know (the page
// then goes to whoever was on call).
func (g *pageGen) ackName(p id.ID) string {
	pp := g.person[p]
	switch r := g.rng.IntN(100); {
	case r < 7:
		return pp.Email
	case r < 11:
		return strings.ToLower(asciiFold(pp.Name))
	case r < 13:
		return unknownAckers[g.rng.IntN(len(unknownAckers))]
	}
	return pp.Name
}

// add records a page. acker zero: nobody acknowledged; resolveAfter 0:
// still open.
func (g *pageGen) add(svc *people.Service, title, urgency string, t time.Time, acker id.ID, ackSecs int64, resolveAfter time.Duration) {
	p := pages.SynthPage{Title: svc.Name + ": " + title, Service: svc.Name, Urgency: urgency, Created: t.UTC().Truncate(time.Second),
		Status: "triggered", AckSeconds: -1, ResolveSeconds: -1}
	if !acker.IsZero() {
		p.AckBy, p.AckSeconds, p.Status = g.ackName(acker), ackSecs, "acknowledged"
	}
	if resolveAfter > 0 {
		if res := p.Created.Add(resolveAfter.Truncate(time.Second)); res.Before(g.now) {
			p.Resolved, p.ResolveSeconds, p.Status = res, int64(resolveAfter/time.Second), "resolved"
			if !acker.IsZero() {
				p.ResolvedBy = g.person[acker].Name
			}
		}
	}
	if !p.Created.Before(g.now) {
		return
	}
	g.out = append(g.out, p)
}

func (g *pageGen) title(svc *people.Service) string {
	if sp, ok := servicePaging[svc.Name]; ok {
		return sp.titles[g.rng.IntN(len(sp.titles))]
	}
	return dayTitles[g.rng.IntN(len(dayTitles))]
}

// resolveAfter is a time to resolve an acknowledged page: minutes to hours.
func (g *pageGen) resolveAfter(ack int64) time.Duration {
	return time.Duration(ack)*time.Second + 4*time.Minute + time.Duration(g.rng.ExpFloat64()*float64(35*time.Minute))
}

// wall is the instant at local hour h (fractional) of the day of t in loc.
func wall(t time.Time, loc *time.Location, h float64) time.Time {
	l := t.In(loc)
	return tz.WallTime(l.Year(), l.Month(), l.Day(), 0, 0, loc).Add(time.Duration(h * float64(time.Hour)))
}

// small: see the comment at the top.
func (g *pageGen) small(from time.Time) {
	team := g.s.Teams[0]
	svcs := g.s.Services
	svc := func(name string) *people.Service {
		for i := range svcs {
			if svcs[i].Name == name {
				return &svcs[i]
			}
		}
		return &svcs[0]
	}
	// Services and their weights for the everyday pages.
	everyday := []struct {
		name string
		w    int
	}{{"payments-api", 3}, {"ledger", 2}, {"fraud-scoring", 2}, {"k8s-platform", 3}, {"ci-runners", 1}}
	pick := func() *people.Service {
		n := g.rng.IntN(11)
		for _, e := range everyday {
			if n -= e.w; n < 0 {
				return svc(e.name)
			}
		}
		return &svcs[0]
	}
	// A page answered by p at t: flapping alerts resolve themselves.
	page := func(sv *people.Service, t time.Time, p id.ID) {
		if servicePaging[sv.Name].kind == kindFlap && g.rng.IntN(3) > 0 {
			g.add(sv, g.title(sv), "low", t, id.Nil, 0, time.Duration(60+g.rng.IntN(200))*time.Second)
			return
		}
		ack := g.ackSeconds(p, t, 0)
		g.add(sv, g.title(sv), "high", t, p, ack, g.resolveAfter(ack))
	}
	rot := g.teamRots[team.ID]
	if len(rot) == 0 {
		return
	}
	l := g.shifts[rot[0].ID]
	rotStart := g.now
	if len(l) > 0 {
		rotStart = l[0].Start
	}
	// Before the rotation: the European half of the team answers, in
	// Berlin office hours, about three pages a week.
	var europeans []id.ID
	for _, u := range team.MemberIDs {
		if z := g.person[u].TimeZone; strings.HasPrefix(z, "Europe/") {
			europeans = append(europeans, u)
		}
	}
	berlin, _ := tz.Load("Europe/Berlin")
	for d := from; d.Before(rotStart.Add(-24*time.Hour)) && len(europeans) > 0; d = d.Add(24 * time.Hour) {
		if wd := d.In(berlin).Weekday(); wd == time.Saturday || wd == time.Sunday || g.rng.IntN(5) >= 3 {
			continue
		}
		t := wall(d, berlin, 9.5+7*g.rng.Float64())
		if t.Before(from) || !t.Before(rotStart) {
			continue
		}
		p := europeans[g.rng.IntN(len(europeans))]
		ack := g.ackSeconds(p, t, 0)
		sv := pick()
		g.add(sv, g.title(sv), "high", t, p, ack, g.resolveAfter(ack))
	}
	// The two weeks that stand out.
	flapWeek, _ := g.shiftAt(rot[0].ID, g.now.Add(-17*24*time.Hour))
	nightWeek, _ := g.shiftAt(rot[0].ID, g.now.Add(-38*24*time.Hour))
	for _, sh := range l {
		loc := g.zone[sh.PersonID]
		switch {
		case sh.Start.Equal(flapWeek.Start) && sh.PersonID == flapWeek.PersonID:
			// The CI runners flap for three days, day and night, in the
			// middle of the week; two of their pages come at night.
			ci := svc("ci-runners")
			mid := sh.Start.Add(sh.End.Sub(sh.Start) / 3)
			for day := 0; day < 3; day++ {
				for k := 0; k < 6+g.rng.IntN(3); k++ {
					t := wall(mid.Add(time.Duration(day)*24*time.Hour), loc, 9+11*g.rng.Float64())
					g.add(ci, "Runner disk pressure", "low", t, id.Nil, 0, time.Duration(90+g.rng.IntN(150))*time.Second)
				}
			}
			for k := 0; k < 2; k++ {
				t := wall(mid.Add(time.Duration(k)*24*time.Hour), loc, 26+1.5*g.rng.Float64()) // 02:00–03:30 the next night
				ack := g.ackSeconds(sh.PersonID, t, 0)
				g.add(ci, "Runner pool exhausted", "high", t, sh.PersonID, ack, g.resolveAfter(ack))
			}
		case sh.Start.Equal(nightWeek.Start) && sh.PersonID == nightWeek.PersonID:
			led := svc("ledger")
			for k := 0; k < 2; k++ {
				t := wall(sh.Start.Add(time.Duration(2+2*k)*24*time.Hour), loc, 2.5+g.rng.Float64())
				ack := g.ackSeconds(sh.PersonID, t, 0)
				g.add(led, "Nightly settlement job failed", "high", t, sh.PersonID, ack, g.resolveAfter(ack))
			}
		}
		// The everyday pages: at most one a local day, between 09:00 and
		// 20:00, twelve hours or more from the shift's ends (so no window
		// cut through a shift sees more than two a day).
		for d := sh.Start; d.Before(sh.End); d = d.Add(24 * time.Hour) {
			t := wall(d, loc, 9+11*g.rng.Float64())
			if g.rng.IntN(4) == 0 || t.Before(sh.Start.Add(12*time.Hour)) || t.After(sh.End.Add(-12*time.Hour)) || !t.Before(g.now) {
				continue
			}
			if sh.Start.Equal(flapWeek.Start) {
				continue // the flapping week has pages enough
			}
			page(pick(), t, sh.PersonID)
		}
	}
}

// large: see the comment at the top.
func (g *pageGen) large(from time.Time) {
	type svcInfo struct {
		sv   *people.Service
		kind svcKind
		loc  *time.Location
		rate float64 // pages a week, on average
		team id.ID
		flap time.Time // end of the current flapping episode
	}
	teamIdx := map[id.ID]int{}
	for i, t := range g.s.Teams {
		teamIdx[t.ID] = i
	}
	var svcs []*svcInfo
	for i := range g.s.Services {
		sv := &g.s.Services[i]
		in := &svcInfo{sv: sv, kind: servicePaging[sv.Name].kind, team: sv.TeamID, rate: 0.4 + float64(i%4)*0.2}
		in.loc, _ = tz.Load(teamZones[teamIdx[sv.TeamID]%len(teamZones)])
		switch in.kind {
		case kindNight:
			in.rate = 3
		case kindFlap:
			in.rate = 1
		}
		if _, ok := servicePaging[sv.Name]; !ok && i%3 == 0 {
			in.rate = 0.4 // quiet services
		}
		svcs = append(svcs, in)
	}
	// weight is how likely a page is in the hour starting at local time l.
	weight := func(kind svcKind, l time.Time) float64 {
		h, wd := l.Hour(), l.Weekday()
		weekend := wd == time.Saturday || wd == time.Sunday
		if kind == kindNight {
			if h >= 1 && h < 5 {
				return 5
			}
			return 0.35
		}
		switch {
		case h < 7 || h >= 22:
			return 0.25
		case weekend:
			return 0.8
		case h >= 9 && h < 18:
			return 4
		}
		return 1.5
	}
	mean := map[svcKind]float64{}
	for _, k := range []svcKind{kindDay, kindNight, kindFlap} {
		monday := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
		sum := 0.0
		for h := 0; h < 168; h++ {
			sum += weight(k, monday.Add(time.Duration(h)*time.Hour))
		}
		mean[k] = sum / 168
	}
	page := func(in *svcInfo, t time.Time, title, urgency string) {
		primary, secondary := g.onCall(in.team, t)
		acker := primary
		switch r := g.rng.IntN(100); {
		case primary.IsZero() || r < 9:
			// Nobody acknowledged: resolved by hand later, or by itself.
			g.add(in.sv, title, urgency, t, id.Nil, 0, time.Duration(3+g.rng.ExpFloat64()*20)*time.Minute)
			return
		case r < 17 && !secondary.IsZero():
			acker = secondary // the primary missed it; the escalation reached the secondary
		}
		ack := g.ackSeconds(acker, t, 0.6)
		if acker == secondary {
			ack += 300 // after the primary's escalation timeout
		}
		g.add(in.sv, title, urgency, t, acker, ack, g.resolveAfter(ack))
	}
	// Local times of the hour, per zone (the services share a few).
	local := map[*time.Location]time.Time{}
	resp := map[id.ID]time.Time{} // the local time of each team's on-call person
	start := from.Truncate(time.Hour)
	for t := start; t.Before(g.now); t = t.Add(time.Hour) {
		clear(local)
		clear(resp)
		for _, in := range svcs {
			// Flapping services: an episode about every four weeks, one to
			// three days of alerts that resolve themselves within minutes.
			if in.kind == kindFlap {
				if t.After(in.flap) && g.rng.Float64() < 1.0/(28*24) {
					in.flap = t.Add(time.Duration(24+g.rng.IntN(48)) * time.Hour)
				}
				if t.Before(in.flap) {
					// They flap with the load: mostly in the users' day.
					l, ok := local[in.loc]
					if !ok {
						l = t.In(in.loc)
						local[in.loc] = l
					}
					for k := poisson(g.rng, 0.6*weight(kindDay, l)/mean[kindDay]); k > 0; k-- {
						at := t.Add(time.Duration(g.rng.IntN(3600)) * time.Second)
						g.add(in.sv, g.title(in.sv), "low", at, id.Nil, 0, time.Duration(45+g.rng.IntN(200))*time.Second)
					}
				}
			}
			l, ok := local[in.loc]
			if !ok {
				l = t.In(in.loc)
				local[in.loc] = l
			}
			// The local time of the team's on-call person.
			rl, ok := resp[in.team]
			if !ok {
				rl = l
				if p, _ := g.onCall(in.team, t); !p.IsZero() {
					rl = t.In(g.zone[p])
				}
				resp[in.team] = rl
			}
			w := weight(in.kind, l)
			switch in.kind {
			case kindDay:
				// Most daytime pages follow changes the team makes in its
				// own working day (deploys, migrations): the on-call
				// person's day; the rest follow the users' day.
				w = 0.35*w + 0.65*weight(kindDay, rl)
			case kindNight:
				// The batch jobs run in the night of the region whose data
				// they process, which is where their team's on-call is.
				w = weight(kindNight, rl)
			}
			lam := in.rate / 168 * w / mean[in.kind]
			for k := poisson(g.rng, lam); k > 0; k-- {
				at := t.Add(time.Duration(g.rng.IntN(3600)) * time.Second)
				urgency := "high"
				if in.kind != kindNight && g.rng.IntN(3) == 0 {
					urgency = "low"
				}
				page(in, at, g.title(in.sv), urgency)
			}
		}
	}
	// A storm of pages at the start of each incident, on its services.
	byID := map[id.ID]*svcInfo{}
	for _, in := range svcs {
		byID[in.sv.ID] = in
	}
	for i := range g.s.Incidents {
		inc := &g.s.Incidents[i]
		t0 := inc.DetectedAt
		if t0.IsZero() {
			t0 = inc.StartedAt
		}
		if t0.Before(from) {
			continue
		}
		n := stormSize(g.rng, inc)
		for k := 0; k < n && len(inc.AffectedServiceIDs) > 0; k++ {
			in := byID[inc.AffectedServiceIDs[k%len(inc.AffectedServiceIDs)]]
			if in == nil {
				continue
			}
			t := t0.Add(time.Duration(g.rng.ExpFloat64() * float64(time.Duration(k)*4*time.Minute)))
			page(in, t, stormTitles[g.rng.IntN(len(stormTitles))], "high")
		}
	}
}

// stormSize is how many pages an incident sets off: more the worse it is.
func stormSize(rng *rand.Rand, in *incident.Incident) int {
	switch in.Severity {
	case 1:
		return 8 + rng.IntN(8)
	case 2:
		return 4 + rng.IntN(4)
	case 3:
		return 1 + rng.IntN(3)
	}
	return 1
}

// poisson draws from a Poisson distribution of mean lam (small lam).
func poisson(rng *rand.Rand, lam float64) int {
	if lam <= 0 {
		return 0
	}
	l, k, p := math.Exp(-lam), 0, 1.0
	for {
		p *= rng.Float64()
		if p <= l {
			return k
		}
		k++
	}
}
