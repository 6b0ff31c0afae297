// Package search finds anything in the workspace by the words in it: people,
// teams, services, on-call rotations, incidents (and their timelines and
// reviews), follow-ups, 1:1 notes, feedback and development plans. It is what the command
// palette (Ctrl+K) asks.
//
// Nothing is written: the index is built in memory from one read
// transaction, kept while no commit touches the families it reads
// (store.ChangedSince), and dropped on demand (Reset, when the app locks).
// Matching folds case and accents ("tomas" finds "Tomás"); every word of the
// query must occur in the record, in any order, as the start of a word or
// inside one.
package search

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/dgraph-io/badger/v4"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"

	"wheelhouse/backend/errs"
	"wheelhouse/backend/feedback"
	"wheelhouse/backend/followup"
	"wheelhouse/backend/growth"
	"wheelhouse/backend/id"
	"wheelhouse/backend/incident"
	"wheelhouse/backend/oneonone"
	"wheelhouse/backend/people"
	"wheelhouse/backend/store"
	"wheelhouse/backend/workspace"
)

// Kind of a hit: what it is and so where it opens.
type Kind string

const (
	KindPerson   Kind = "person"
	KindTeam     Kind = "team"
	KindService  Kind = "service"
	KindRotation Kind = "rotation"
	KindIncident Kind = "incident"
	KindFollowUp Kind = "followup"
	KindOneOnOne Kind = "oneonone" // a 1:1 meeting's agenda and notes: opens the person's 1:1s
	KindFeedback Kind = "feedback" // a feedback entry: opens the person's feedback
	KindPlan     Kind = "plan"     // a development plan: opens the person's growth
)

// kindRank orders kinds of equal score: the roster first, notes last.
var kindRank = map[Kind]int{KindPerson: 0, KindTeam: 1, KindService: 2, KindRotation: 3, KindIncident: 4, KindFollowUp: 5, KindOneOnOne: 6, KindFeedback: 7, KindPlan: 8}

// Hit is one record found.
type Hit struct {
	Kind Kind   `json:"kind"`
	ID   string `json:"id"`
	// Person is whose page a 1:1 or feedback hit opens; "" for the rest.
	Person string `json:"person,omitempty"`
	// Team is the team a rotation belongs to ("" for none).
	Team  string `json:"team,omitempty"`
	Title string `json:"title"`
	// Detail is one short line about the record: a person's role and
	// level, an incident's severity, status and date, a follow-up's state.
	Detail string `json:"detail"`
	// Snippet is the text around the first word found outside the title,
	// "" when every word is in the title.
	Snippet string `json:"snippet,omitempty"`
	// Inactive: archived, resolved or closed, done or won't do: still
	// found, after the active ones.
	Inactive bool `json:"inactive,omitempty"`
}

// Limits of a query.
const (
	MaxQuery     = 200 // characters
	DefaultLimit = 30
	MaxLimit     = 100
)

// entry is one searchable record.
type entry struct {
	hit    Hit
	title  string // folded
	body   string // original text searched besides the title, parts joined by "\n"
	fbody  string // folded body
	date   string // for recency among equals: an incident's start, a meeting's date
	active bool
}

// Index is a kept index over one workspace. The zero value is ready to use;
// it is safe for concurrent use (one search at a time).
//
// It is kept in segments, one per area, each rebuilt only when a commit
// wrote into the key families it was read from: completing a follow-up
// rebuilds the follow-ups, not the incidents. The roster segment names
// people and teams for every other one: when it changes, all are rebuilt.
type Index struct {
	mu     sync.Mutex
	st     *store.Store
	readTs uint64
	segs   [len(segments)][]entry
	names  map[id.ID]string // person names, from the roster segment
	teams  map[id.ID]string // team names
	ok     bool
}

// segment is one area's part of the index.
type segment struct {
	fams  store.Prefixes // the key families it is read from
	build func(txn *badger.Txn, b *builder) error
}

// segments: the roster first (the others use its names).
var segments = [...]segment{
	{store.PrefixSet(store.PrefixPerson, store.PrefixTeam, store.PrefixService), buildRoster},
	{store.PrefixSet(store.PrefixRotation), buildRotations},
	{store.PrefixSet(store.PrefixIncident, store.PrefixSetting), buildIncidents},
	{store.PrefixSet(store.PrefixFollowUp), buildFollowUps},
	{store.PrefixSet(store.PrefixMeeting), buildMeetings},
	{store.PrefixSet(store.PrefixFeedback), buildFeedback},
	{store.PrefixSet(store.PrefixPlan), buildPlans},
}

// Reset drops the kept index (its text includes private notes).
func (x *Index) Reset() {
	x.mu.Lock()
	defer x.mu.Unlock()
	x.st, x.segs, x.names, x.teams, x.ok = nil, [len(segments)][]entry{}, nil, nil, false
}

// Kept reports whether an index is kept in memory.
func (x *Index) Kept() bool {
	x.mu.Lock()
	defer x.mu.Unlock()
	return x.ok
}

// Warm brings the kept index up to date with w, so that the next search
// need not: the palette asks for it as it opens.
func (x *Index) Warm(w *workspace.Workspace) error {
	x.mu.Lock()
	defer x.mu.Unlock()
	return errs.Wrap("search.Warm", x.refresh(w, newFolder()))
}

// Search finds the records of w that hold every word of query, best first,
// at most limit of them (DefaultLimit when limit <= 0, MaxLimit at most). A
// blank query finds nothing.
func (x *Index) Search(w *workspace.Workspace, query string, limit int) ([]Hit, error) {
	const op = "search.Search"
	if utf8.RuneCountInString(query) > MaxQuery {
		return nil, errs.Wrap(op, errs.FieldErr("query", "Search for at most %d characters.", MaxQuery))
	}
	if limit <= 0 {
		limit = DefaultLimit
	}
	limit = min(limit, MaxLimit)
	f := newFolder()
	words := strings.Fields(f.fold(query))
	if len(words) == 0 {
		return []Hit{}, nil
	}
	x.mu.Lock()
	defer x.mu.Unlock()
	if err := x.refresh(w, f); err != nil {
		return nil, errs.Wrap(op, err)
	}
	return match(&x.segs, words, strings.Join(words, " "), limit, f), nil
}

// refresh rebuilds, in one read transaction, the segments a commit touched
// since the kept ones were read (all of them the first time, for another
// store, or when the roster changed). The caller holds x.mu.
func (x *Index) refresh(w *workspace.Workspace, f *folder) error {
	return w.Store.View(func(txn *badger.Txn) error {
		all := !x.ok || x.st != w.Store || w.Store.ChangedSince(txn, x.readTs, segments[0].fams)
		b := &builder{f: f, names: x.names, teams: x.teams}
		for i, seg := range segments {
			if !all && !w.Store.ChangedSince(txn, x.readTs, seg.fams) {
				continue
			}
			x.ok = false // a failed rebuild leaves nothing half kept
			b.out = x.segs[i][:0:0]
			if err := seg.build(txn, b); err != nil {
				return err
			}
			x.segs[i] = b.out
		}
		x.st, x.readTs, x.names, x.teams, x.ok = w.Store, txn.ReadTs(), b.names, b.teams, true
		return nil
	})
}

// scored is an entry that matched, with its score.
type scored struct {
	e     *entry
	score int
}

func match(segs *[len(segments)][]entry, words []string, phrase string, limit int, f *folder) []Hit {
	var found []scored
	for _, entries := range segs {
		for i := range entries {
			e := &entries[i]
			if score, ok := scoreOf(e, words, phrase); ok {
				found = append(found, scored{e, score})
			}
		}
	}
	slices.SortFunc(found, func(a, b scored) int {
		if a.e.active != b.e.active {
			if a.e.active {
				return -1
			}
			return 1
		}
		if c := cmp.Compare(b.score, a.score); c != 0 {
			return c
		}
		if c := cmp.Compare(kindRank[a.e.hit.Kind], kindRank[b.e.hit.Kind]); c != 0 {
			return c
		}
		if c := cmp.Compare(b.e.date, a.e.date); c != 0 {
			return c // the newer first
		}
		return cmp.Compare(a.e.hit.Title, b.e.hit.Title)
	})
	out := make([]Hit, 0, min(limit, len(found)))
	for _, s := range found[:min(limit, len(found))] {
		h := s.e.hit
		h.Snippet = snippet(s.e, words, f)
		out = append(out, h)
	}
	return out
}

// scoreOf: every word must be in the title or the body. Words in the title
// weigh more, at the start of a word more still, and a title that starts
// with the whole query most.
func scoreOf(e *entry, words []string, phrase string) (int, bool) {
	score := 0
	for _, w := range words {
		if strings.Contains(e.title, w) {
			score += 20
			if atWordStart(e.title, w) {
				score += 10
			}
			continue
		}
		if !strings.Contains(e.fbody, w) {
			return 0, false
		}
		score += 2
		if atWordStart(e.fbody, w) {
			score++
		}
	}
	if strings.HasPrefix(e.title, phrase) {
		score += 50
		if len(e.title) == len(phrase) {
			score += 50
		}
	}
	return score, true
}

// atWordStart reports whether w occurs in s at the start of a word.
func atWordStart(s, w string) bool {
	for off := 0; ; {
		i := strings.Index(s[off:], w)
		if i < 0 {
			return false
		}
		i += off
		if i == 0 {
			return true
		}
		r, _ := utf8.DecodeLastRuneInString(s[:i])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			return true
		}
		off = i + 1
	}
}

// snippet is the body's text around the first word not in the title, about
// 90 characters, on one line.
func snippet(e *entry, words []string, f *folder) string {
	for _, w := range words {
		if strings.Contains(e.title, w) {
			continue
		}
		// Fold the body again, rune by rune, keeping where each folded byte
		// came from, to cut the original text at the same place.
		folded, from := f.foldMapped(e.body)
		i := strings.Index(folded, w)
		if i < 0 {
			return ""
		}
		start, end := from[i], from[min(i+len(w), len(from)-1)]
		return around(e.body, start, end, 90)
	}
	return ""
}

// around cuts s to about n characters around [start, end), at word
// boundaries, with an ellipsis where it was cut, and on one line.
func around(s string, start, end, n int) string {
	lo, hi := start, end
	budget := max(n-utf8.RuneCountInString(s[start:end]), 0)
	for budget > 0 && (lo > 0 || hi < len(s)) {
		if lo > 0 && (budget%3 == 0 || hi >= len(s)) { // about a third before, two thirds after
			_, sz := utf8.DecodeLastRuneInString(s[:lo])
			lo -= sz
		} else if hi < len(s) {
			_, sz := utf8.DecodeRuneInString(s[hi:])
			hi += sz
		}
		budget--
	}
	// Whole words: move the cuts out of words in the middle.
	if lo > 0 {
		if sp := strings.IndexAny(s[lo:start], " \n\t"); sp >= 0 {
			lo += sp + 1
		}
	}
	if hi < len(s) {
		if sp := strings.LastIndexAny(s[end:hi], " \n\t"); sp >= 0 {
			hi = end + sp
		}
	}
	out := strings.Join(strings.Fields(s[lo:hi]), " ")
	if lo > 0 {
		out = "…" + out
	}
	if hi < len(s) {
		out += "…"
	}
	return out
}

// folder folds text for matching: lower case, accents removed. Not safe for
// concurrent use (its transformer keeps state).
type folder struct{ t transform.Transformer }

func newFolder() *folder {
	return &folder{transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)}
}

func (f *folder) fold(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if !ascii {
		if out, _, err := transform.String(f.t, s); err == nil {
			s = out
		}
	}
	return strings.ToLower(s)
}

// foldMapped folds s rune by rune and says, for each byte of the result,
// the offset in s of the rune it came from (plus one entry for the end).
func (f *folder) foldMapped(s string) (string, []int) {
	var b strings.Builder
	from := make([]int, 0, len(s)+1)
	for i, r := range s {
		var part string
		if r < utf8.RuneSelf {
			part = string(unicode.ToLower(r))
		} else {
			part = f.fold(string(r))
		}
		b.WriteString(part)
		for range len(part) {
			from = append(from, i)
		}
	}
	from = append(from, len(s))
	return b.String(), from
}

// builder collects one segment's entries.
type builder struct {
	f     *folder
	out   []entry
	names map[id.ID]string // person names (set by the roster segment)
	teams map[id.ID]string // team names
}

func (b *builder) add(h Hit, date string, active bool, body ...string) {
	b.addText(h, date, active, joinNonEmpty(body))
}

func (b *builder) addText(h Hit, date string, active bool, text string) {
	b.out = append(b.out, entry{hit: h, title: b.f.fold(h.Title), body: text, fbody: b.f.fold(text), date: date, active: active})
}

func (b *builder) name(u id.ID) string {
	if n, ok := b.names[u]; ok && n != "" {
		return n
	}
	return "a removed person"
}

func buildRoster(txn *badger.Txn, b *builder) error {
	d, err := people.LoadTx(txn)
	if err != nil {
		return err
	}
	b.names = make(map[id.ID]string, len(d.People))
	b.teams = make(map[id.ID]string, len(d.Teams))
	for i := range d.People {
		p := &d.People[i]
		b.names[p.ID] = p.Name
		skills := make([]string, len(p.Skills))
		for j, s := range p.Skills {
			skills[j] = s.Name
		}
		detail := joinWith(" · ", p.Role, p.Level, p.TimeZone)
		if p.Archived {
			detail = joinWith(" · ", "Archived", p.Role)
		}
		b.add(Hit{Kind: KindPerson, ID: p.ID.String(), Title: p.Name, Detail: detail, Inactive: p.Archived}, "", !p.Archived,
			p.Email, p.Role, p.Level, p.TimeZone, strings.Join(skills, ", "), p.Notes)
	}
	for i := range d.Teams {
		t := &d.Teams[i]
		b.teams[t.ID] = t.Name
		b.add(Hit{Kind: KindTeam, ID: t.ID.String(), Title: t.Name, Detail: plural(len(t.MemberIDs), "member")}, "", true, t.Description)
	}
	for i := range d.Services {
		s := &d.Services[i]
		b.add(Hit{Kind: KindService, ID: s.ID.String(), Title: s.Name, Detail: joinWith(" · ", "Service", b.teams[s.TeamID])}, "", true, s.Description)
	}
	return nil
}

func buildRotations(txn *badger.Txn, b *builder) error {
	return rotations.Each(txn, func(r *rotationRec) error {
		h := Hit{Kind: KindRotation, ID: r.ID.String(), Title: r.Name, Detail: joinWith(" · ", "On-call rotation", b.teams[r.TeamID], r.ScheduleName)}
		if !r.TeamID.IsZero() {
			h.Team = r.TeamID.String()
		}
		b.add(h, "", true, r.ScheduleName)
		return nil
	})
}

func buildIncidents(txn *badger.Txn, b *builder) error {
	is, err := incident.SettingsTx(txn)
	if err != nil {
		return err
	}
	return incidents.Each(txn, func(in *incidentRec) error {
		sev := fmt.Sprintf("SEV%d", in.Severity)
		if in.Severity >= 1 && in.Severity <= len(is.Severities) && is.Severities[in.Severity-1].Label != "" {
			sev = is.Severities[in.Severity-1].Label
		}
		body := make([]string, 0, len(in.Timeline)+12)
		body = append(body, in.Summary, in.CustomerImpact, strings.Join(in.Tags, ", "))
		for _, e := range in.Timeline {
			body = append(body, e.Text)
		}
		r := &in.Review
		body = append(body, r.Summary, r.Impact, r.Timeline, r.RootCause, strings.Join(r.ContributingFactors, "\n"),
			r.WentWell, r.WentPoorly, r.Lessons, r.SkipReason)
		active := in.Status != incident.StatusResolved && in.Status != incident.StatusClosed && in.Status != incident.StatusInReview
		b.add(Hit{Kind: KindIncident, ID: in.ID.String(), Title: in.Title, Detail: joinWith(" · ", sev, in.Status.Label(), in.StartedAt.UTC().Format("2006-01-02")), Inactive: !active},
			in.StartedAt.UTC().Format("2006-01-02T15:04:05"), active, body...)
		return nil
	})
}

var followUpState = map[followup.Status]string{followup.StatusOpen: "Open", followup.StatusInProgress: "In progress",
	followup.StatusDone: "Done", followup.StatusWontDo: "Won't do"}

func buildFollowUps(txn *badger.Txn, b *builder) error {
	return followUps.Each(txn, func(it *followUpRec) error {
		active := it.Status == followup.StatusOpen || it.Status == followup.StatusInProgress
		due := ""
		if it.DueDate != "" && active {
			due = "due " + it.DueDate
		}
		owner := ""
		if !it.OwnerID.IsZero() {
			owner = b.name(it.OwnerID)
		}
		b.add(Hit{Kind: KindFollowUp, ID: it.ID.String(), Title: it.Title, Detail: joinWith(" · ", "Follow-up", followUpState[it.Status], due, owner), Inactive: !active},
			it.DueDate, active, it.Notes, it.Reason)
		return nil
	})
}

func buildMeetings(txn *badger.Txn, b *builder) error {
	return oneonone.Meetings.Each(txn, func(m *oneonone.Meeting) error {
		body := make([]string, 0, len(m.Agenda)+2)
		for _, a := range m.Agenda {
			body = append(body, a.Text)
		}
		text := joinNonEmpty(append(body, m.SharedNotes, m.PrivateNotes))
		if text == "" {
			return nil // nothing written: nothing to find
		}
		b.addText(Hit{Kind: KindOneOnOne, ID: m.ID.String(), Person: m.PersonID.String(), Title: "1:1 with " + b.name(m.PersonID),
			Detail: joinWith(" · ", "1:1", m.Date)}, m.Date, true, text)
		return nil
	})
}

func buildFeedback(txn *badger.Txn, b *builder) error {
	return feedback.Entries.Each(txn, func(e *feedback.Entry) error {
		kind := "Feedback"
		switch e.Kind {
		case feedback.Positive:
			kind = "Positive feedback"
		case feedback.Constructive:
			kind = "Constructive feedback"
		}
		status := "draft"
		if e.Status == feedback.Delivered {
			status = "delivered " + e.DeliveredOn
		}
		b.add(Hit{Kind: KindFeedback, ID: e.ID.String(), Person: e.PersonID.String(), Title: kind + " for " + b.name(e.PersonID),
			Detail: joinWith(" · ", "Feedback", strings.TrimSpace(status))}, e.CreatedAt.UTC().Format("2006-01-02T15:04:05"), true,
			e.Situation, e.Behaviour, e.Impact, e.NextStep)
		return nil
	})
}

func buildPlans(txn *badger.Txn, b *builder) error {
	return growth.Plans.Each(txn, func(p *growth.Plan) error {
		body := []string{p.TargetRole, p.TargetLevel, strings.Join(p.GrowthAreas, ", "), p.Summary}
		for _, g := range p.Goals {
			body = append(body, g.Title, g.Description)
			for _, m := range g.Milestones {
				body = append(body, m.Title)
			}
		}
		for _, a := range p.Stretch {
			body = append(body, a.Title, a.Description)
		}
		for _, e := range p.Evidence {
			body = append(body, e.Label, e.Note)
		}
		text := joinNonEmpty(body)
		if text == "" {
			return nil
		}
		b.addText(Hit{Kind: KindPlan, ID: p.PersonID.String(), Person: p.PersonID.String(), Title: "Development plan of " + b.name(p.PersonID),
			Detail: joinWith(" · ", "Growth", plural(len(p.Goals), "goal"), p.TargetRole)}, "", true, text)
		return nil
	})
}

// The largest areas are read into records holding only what is searched
// (a rotation's participants and rules, an incident's roles and times, are
// never decoded): read-only views of the areas' tables, with no indexes, so
// they must never Put or Delete.
type (
	rotationRec struct {
		ID           id.ID  `json:"id"`
		Name         string `json:"name"`
		TeamID       id.ID  `json:"teamId"`
		ScheduleName string `json:"scheduleName"`
	}
	incidentRec struct {
		ID             id.ID           `json:"id"`
		Title          string          `json:"title"`
		Summary        string          `json:"summary"`
		Severity       int             `json:"severity"`
		Status         incident.Status `json:"status"`
		StartedAt      time.Time       `json:"startedAt"`
		CustomerImpact string          `json:"customerImpact"`
		Tags           []string        `json:"tags"`
		Timeline       []struct {
			Text string `json:"text"`
		} `json:"timeline"`
		Review struct {
			Summary             string   `json:"summary"`
			Impact              string   `json:"impact"`
			Timeline            string   `json:"timeline"`
			RootCause           string   `json:"rootCause"`
			ContributingFactors []string `json:"contributingFactors"`
			WentWell            string   `json:"wentWell"`
			WentPoorly          string   `json:"wentPoorly"`
			Lessons             string   `json:"lessons"`
			SkipReason          string   `json:"skipReason"`
		} `json:"review"`
	}
	followUpRec struct {
		ID      id.ID           `json:"id"`
		Title   string          `json:"title"`
		OwnerID id.ID           `json:"ownerId"`
		DueDate string          `json:"dueDate"`
		Status  followup.Status `json:"status"`
		Notes   string          `json:"notes"`
		Reason  string          `json:"reason"`
	}
)

var (
	rotations = &store.Table[rotationRec]{Name: "rotation", Prefix: store.PrefixRotation, ID: func(r *rotationRec) id.ID { return r.ID }}
	incidents = &store.Table[incidentRec]{Name: "incident", Prefix: store.PrefixIncident, ID: func(r *incidentRec) id.ID { return r.ID }}
	followUps = &store.Table[followUpRec]{Name: "action", Prefix: store.PrefixFollowUp, ID: func(r *followUpRec) id.ID { return r.ID }}
)

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}

func joinWith(sep string, parts ...string) string {
	return strings.Join(nonEmpty(parts), sep)
}

func joinNonEmpty(parts []string) string { return strings.Join(nonEmpty(parts), "\n") }

func nonEmpty(parts []string) []string {
	out := parts[:0:0]
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
