package incident

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/civil"
	"wheelhouse/backend/errs"
	"wheelhouse/backend/followup"
	"wheelhouse/backend/id"
)

// Duration is the mean and median of a set of durations.
type Duration struct {
	N      int           `json:"n"`
	Mean   time.Duration `json:"mean"`
	Median time.Duration `json:"median"` // of an even count: the mean of the two middle values
}

// Durations summarizes ds (it sorts a copy).
func Durations(ds []time.Duration) Duration {
	if len(ds) == 0 {
		return Duration{}
	}
	s := append([]time.Duration(nil), ds...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	var sum time.Duration
	for _, d := range s {
		sum += d
	}
	med := s[len(s)/2]
	if len(s)%2 == 0 {
		med = (s[len(s)/2-1] + s[len(s)/2]) / 2
	}
	return Duration{N: len(s), Mean: sum / time.Duration(len(s)), Median: med}
}

// Rate is a share: Num of Den. Value is 0 when Den is 0.
type Rate struct {
	Num   int     `json:"num"`
	Den   int     `json:"den"`
	Value float64 `json:"value"`
}

func rate(num, den int) Rate {
	r := Rate{Num: num, Den: den}
	if den > 0 {
		r.Value = float64(num) / float64(den)
	}
	return r
}

// TimeToAcknowledge is detection (or, when detection is unknown, the start)
// to acknowledgement; ok is false while unacknowledged.
func (s *Summary) TimeToAcknowledge() (time.Duration, bool) {
	if s.AcknowledgedAt.IsZero() {
		return 0, false
	}
	from := s.DetectedAt
	if from.IsZero() {
		from = s.StartedAt
	}
	return s.AcknowledgedAt.Sub(from), true
}

// TimeToResolve is start to resolution; ok is false while unresolved.
func (s *Summary) TimeToResolve() (time.Duration, bool) {
	if s.ResolvedAt.IsZero() {
		return 0, false
	}
	return s.ResolvedAt.Sub(s.StartedAt), true
}

// SeverityStat are the numbers of one severity.
type SeverityStat struct {
	Severity  int      `json:"severity"`
	Label     string   `json:"label"`
	Incidents int      `json:"incidents"`
	MTTA      Duration `json:"mtta"`
	MTTR      Duration `json:"mttr"`
}

// MonthStat are the numbers of one calendar month ("2026-03") in the window's zone.
type MonthStat struct {
	Month     string   `json:"month"`
	Incidents int      `json:"incidents"`
	MTTA      Duration `json:"mtta"`
	MTTR      Duration `json:"mttr"`
}

// ServiceMonth counts a service's incidents in one month.
type ServiceMonth struct {
	ServiceID id.ID  `json:"serviceId" ts_type:"string"`
	Service   string `json:"service"`
	Month     string `json:"month"`
	Incidents int    `json:"incidents"`
}

// ServiceStat are the numbers of one affected service over the window:
// its incidents and their times to acknowledge and to resolve.
type ServiceStat struct {
	ServiceID id.ID    `json:"serviceId" ts_type:"string"`
	Service   string   `json:"service"`
	Incidents int      `json:"incidents"`
	MTTA      Duration `json:"mtta"`
	MTTR      Duration `json:"mttr"`
}

// Window selects the incidents of a metrics computation: those started in
// [From, To) (zero bounds are open). Months are calendar months in Loc.
// Today (a civil date in the manager's zone) decides which reviews are past due.
type Window struct {
	From  time.Time      `json:"from,omitzero" ts_type:"string"`
	To    time.Time      `json:"to,omitzero" ts_type:"string"`
	Today string         `json:"today,omitempty"`
	Loc   *time.Location `json:"-"`
}

// Metrics is the incident metrics page.
type Metrics struct {
	From      time.Time `json:"from,omitzero" ts_type:"string"`
	To        time.Time `json:"to,omitzero" ts_type:"string"`
	Zone      string    `json:"zone"`
	Today     string    `json:"today"`
	Incidents int       `json:"incidents"`
	Open      int       `json:"open"` // not yet resolved
	// MTTA: mean/median time from detection (else start) to acknowledgement,
	// over acknowledged incidents. MTTR: start to resolution, over resolved ones.
	MTTA           Duration       `json:"mtta"`
	MTTR           Duration       `json:"mttr"`
	BySeverity     []SeverityStat `json:"bySeverity"`     // SEV1..SEV4, always four
	ByMonth        []MonthStat    `json:"byMonth"`        // every month of the window (or of the data), empty ones included
	ByServiceMonth []ServiceMonth `json:"byServiceMonth"` // non-zero only, by service name then month
	ByService      []ServiceStat  `json:"byService"`      // services with incidents, most incidents first, then by name
	// Escalation: incidents whose severity was raised at least once during
	// the incident, or that were flagged escalated (a second level paged) /
	// all incidents.
	Escalation Rate `json:"escalation"`
	// ReviewCompletion: reviews completed or skipped (with the recorded
	// reason) / reviews that are due: of resolved incidents, those settled
	// plus those still pending past their due date. A review not yet due
	// counts neither way.
	ReviewCompletion Rate `json:"reviewCompletion"`
	// FollowUpCompletion: review follow-ups done / all of them except
	// "won't do", over the incidents of the window.
	FollowUpCompletion Rate `json:"followUpCompletion"`
}

// ComputeMetrics computes the metrics of the incidents in sums that fall in
// the window. followUps counts each incident's review follow-ups (may be
// nil); names gives service names. Pure.
func ComputeMetrics(sums []Summary, followUps map[id.ID]followup.Counts, w Window, st *Settings, names Names) Metrics {
	loc := w.Loc
	if loc == nil {
		loc = time.UTC
	}
	m := Metrics{From: w.From, To: w.To, Zone: loc.String(), Today: w.Today}
	var tta, ttr []time.Duration
	sevA, sevR := make([][]time.Duration, MaxSeverity+1), make([][]time.Duration, MaxSeverity+1)
	sevN := make([]int, MaxSeverity+1)
	type acc struct {
		n      int
		ta, tr []time.Duration
	}
	months := map[string]*acc{}
	type svcKey struct {
		svc   id.ID
		month string
	}
	svcMonths := map[svcKey]int{}
	svcs := map[id.ID]*acc{}
	var escalated, settled, due int
	var fu followup.Counts
	var first, last string
	for i := range sums {
		s := &sums[i]
		if !w.From.IsZero() && s.StartedAt.Before(w.From) || !w.To.IsZero() && !s.StartedAt.Before(w.To) {
			continue
		}
		m.Incidents++
		month := s.StartedAt.In(loc).Format("2006-01")
		if first == "" || month < first {
			first = month
		}
		if month > last {
			last = month
		}
		a := months[month]
		if a == nil {
			a = &acc{}
			months[month] = a
		}
		a.n++
		sev := s.Severity
		if sev < MinSeverity || sev > MaxSeverity {
			sev = 0
		}
		sevN[sev]++
		if d, ok := s.TimeToAcknowledge(); ok {
			tta = append(tta, d)
			sevA[sev] = append(sevA[sev], d)
			a.ta = append(a.ta, d)
		}
		if d, ok := s.TimeToResolve(); ok {
			ttr = append(ttr, d)
			sevR[sev] = append(sevR[sev], d)
			a.tr = append(a.tr, d)
		} else {
			m.Open++
		}
		ta, acked := s.TimeToAcknowledge()
		tr, resolved := s.TimeToResolve()
		seen := map[id.ID]bool{}
		for _, svc := range s.ServiceIDs {
			svcMonths[svcKey{svc, month}]++
			if seen[svc] {
				continue
			}
			seen[svc] = true
			sa := svcs[svc]
			if sa == nil {
				sa = &acc{}
				svcs[svc] = sa
			}
			sa.n++
			if acked {
				sa.ta = append(sa.ta, ta)
			}
			if resolved {
				sa.tr = append(sa.tr, tr)
			}
		}
		if s.Escalated {
			escalated++
		}
		if s.Status.IsResolved() {
			switch {
			case s.ReviewState == ReviewCompleted || s.ReviewState == ReviewSkipped:
				settled++
				due++
			case s.ReviewDue != "" && w.Today != "" && s.ReviewDue < w.Today:
				due++
			}
		}
		if c, ok := followUps[s.ID]; ok {
			fu.Total += c.Total
			fu.Done += c.Done
			fu.WontDo += c.WontDo
		}
	}
	m.MTTA, m.MTTR = Durations(tta), Durations(ttr)
	for sev := MinSeverity; sev <= MaxSeverity; sev++ {
		m.BySeverity = append(m.BySeverity, SeverityStat{Severity: sev, Label: st.Label(sev), Incidents: sevN[sev],
			MTTA: Durations(sevA[sev]), MTTR: Durations(sevR[sev])})
	}
	if !w.From.IsZero() {
		first = w.From.In(loc).Format("2006-01")
	}
	if !w.To.IsZero() {
		last = w.To.Add(-time.Nanosecond).In(loc).Format("2006-01")
	}
	m.ByMonth = []MonthStat{}
	if first != "" && last != "" {
		for _, month := range monthRange(first, last) {
			ms := MonthStat{Month: month}
			if a := months[month]; a != nil {
				ms.Incidents, ms.MTTA, ms.MTTR = a.n, Durations(a.ta), Durations(a.tr)
			}
			m.ByMonth = append(m.ByMonth, ms)
		}
	}
	m.ByServiceMonth = []ServiceMonth{}
	for k, n := range svcMonths {
		m.ByServiceMonth = append(m.ByServiceMonth, ServiceMonth{ServiceID: k.svc, Service: names.Service(k.svc), Month: k.month, Incidents: n})
	}
	sort.Slice(m.ByServiceMonth, func(i, j int) bool {
		a, b := m.ByServiceMonth[i], m.ByServiceMonth[j]
		if a.Service != b.Service {
			return strings.ToLower(a.Service) < strings.ToLower(b.Service)
		}
		if a.ServiceID != b.ServiceID {
			return a.ServiceID.String() < b.ServiceID.String()
		}
		return a.Month < b.Month
	})
	m.ByService = make([]ServiceStat, 0, len(svcs))
	for u, a := range svcs {
		m.ByService = append(m.ByService, ServiceStat{ServiceID: u, Service: names.Service(u), Incidents: a.n, MTTA: Durations(a.ta), MTTR: Durations(a.tr)})
	}
	sort.Slice(m.ByService, func(i, j int) bool {
		a, b := m.ByService[i], m.ByService[j]
		if a.Incidents != b.Incidents {
			return a.Incidents > b.Incidents
		}
		if x, y := strings.ToLower(a.Service), strings.ToLower(b.Service); x != y {
			return x < y
		}
		return a.ServiceID.String() < b.ServiceID.String()
	})
	m.Escalation = rate(escalated, m.Incidents)
	m.ReviewCompletion = rate(settled, due)
	m.FollowUpCompletion = rate(fu.Done, fu.Total-fu.WontDo)
	return m
}

// monthRange lists the months "YYYY-MM" from first to last inclusive.
func monthRange(first, last string) []string {
	var y, mo, ly, lm int
	fmt.Sscanf(first, "%d-%d", &y, &mo)
	fmt.Sscanf(last, "%d-%d", &ly, &lm)
	var out []string
	for y < ly || y == ly && mo <= lm {
		out = append(out, fmt.Sprintf("%04d-%02d", y, mo))
		if mo++; mo > 12 {
			y, mo = y+1, 1
		}
		if len(out) > 1200 {
			break // a century is enough for any chart
		}
	}
	return out
}

// Today is the civil date of now in loc.
func Today(now time.Time, loc *time.Location) string {
	if loc == nil {
		loc = time.UTC
	}
	return now.In(loc).Format(civil.Layout)
}

func (d *Desk) window(txn *badger.Txn, w Window) Window {
	if w.Loc == nil {
		w.Loc = d.zone(txn)
	}
	if w.Today == "" {
		w.Today = Today(d.clock.Now(), w.Loc)
	}
	return w
}

// MetricsTx computes the metrics of window w: incident summaries from the
// covering index and the window's follow-up counts from the follow-ups'
// source index (one seek per incident), keys only. A nil w.Loc means the desk's zone; an empty Today, today there.
func (d *Desk) MetricsTx(txn *badger.Txn, w Window) (Metrics, error) {
	w = d.window(txn, w)
	var sums []Summary
	err := SummariesTx(txn, w.From, w.To, func(s *Summary) error { sums = append(sums, *s); return nil })
	if err != nil {
		return Metrics{}, err
	}
	ids := make([]id.ID, len(sums))
	for i := range sums {
		ids[i] = sums[i].ID
	}
	fu, err := followup.CountForSources(txn, followup.SourceIncidentReview, ids)
	if err != nil {
		return Metrics{}, err
	}
	st, err := SettingsTx(txn)
	if err != nil {
		return Metrics{}, err
	}
	names := Names{Services: map[id.ID]string{}}
	if err := serviceNames(txn, names.Services); err != nil {
		return Metrics{}, err
	}
	return ComputeMetrics(sums, fu, w, &st, names), nil
}

// Metrics computes the metrics of window w.
func (d *Desk) Metrics(w Window) (m Metrics, err error) {
	err = d.st.View(func(txn *badger.Txn) error {
		m, err = d.MetricsTx(txn, w)
		return err
	})
	return m, errs.Wrap("incident.Metrics", err)
}

// Page is everything the metrics page shows.
type Page struct {
	Metrics  Metrics   `json:"metrics"`
	Patterns []Pattern `json:"patterns"`
}

// MetricsPage computes the metrics of window w and the recurring patterns as
// of now, in one read transaction.
func (d *Desk) MetricsPage(w Window, now time.Time) (p Page, err error) {
	err = d.st.View(func(txn *badger.Txn) error {
		if p.Metrics, err = d.MetricsTx(txn, w); err != nil {
			return err
		}
		p.Patterns, err = d.PatternsTx(txn, now)
		return err
	})
	return p, errs.Wrap("incident.MetricsPage", err)
}
