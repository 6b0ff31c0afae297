package publish

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/dgraph-io/badger/v4"
	ical "github.com/emersion/go-ical"

	"wheelhouse/backend/caldav"
	"wheelhouse/backend/calendar"
	"wheelhouse/backend/errs"
	"wheelhouse/backend/id"
	"wheelhouse/backend/oncall"
	"wheelhouse/backend/store"
)

// Resource is the sync state of one calendar object a publication wrote:
// what Reconcile remembers of the event (calendar.Published), where it is
// on the server, the ETag of the version there and the fingerprint of the
// content Wheelhouse sent (Sent: "" nothing yet).
type Resource struct {
	calendar.Published
	Href string `json:"href,omitempty"`
	ETag string `json:"etag,omitempty"`
	Sent string `json:"sent,omitempty"`
	// Theirs: the server copy was edited and the manager kept it; it is
	// left alone until the shift's content (its fingerprint) differs from
	// this one.
	Theirs   string    `json:"theirs,omitempty"`
	Conflict *Conflict `json:"conflict,omitempty"`
}

// Conflict is a server copy someone else edited, waiting for a choice.
type Conflict struct {
	UID     string    `json:"uid"`
	At      time.Time `json:"at" ts_type:"string"`
	ETag    string    `json:"etag"` // of their version
	Want    string    `json:"want"` // our fingerprint when it was found
	Ours    string    `json:"ours"` // our summary and times, for the list
	Theirs  string    `json:"theirs"`
	Removed bool      `json:"removed,omitempty"` // the shift is gone here
}

func resourceKey(pub id.ID, uid string) []byte { return store.Key(PrefixResource, pub, uid) }

// Progress is reported while a run sends.
type Progress struct {
	Done, Total int
	Counts
}

// Fingerprint of an event's published content: what a calendar client
// shows. The server's copy is compared by the same fields, parsed, so a
// server that re-serializes what it stores still matches.
type content struct {
	UID, Summary, Description, Status string
	Start, End                        time.Time
	Sequence                          int
	Alarm                             time.Duration
}

func (c content) fingerprint() string {
	h := sha256.New()
	var b [8]byte
	for _, s := range []string{c.UID, c.Summary, c.Description, c.Status} {
		binary.BigEndian.PutUint64(b[:], uint64(len(s)))
		h.Write(b[:])
		h.Write([]byte(s))
	}
	for _, n := range []int64{c.Start.Unix(), c.End.Unix(), int64(c.Sequence), int64(c.Alarm / time.Second)} {
		binary.BigEndian.PutUint64(b[:], uint64(n))
		h.Write(b[:])
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}

func eventContent(ev *calendar.Event, alarm time.Duration) content {
	st := ev.Status
	if st == "" {
		st = calendar.StatusConfirmed
	}
	return content{UID: ev.UID, Summary: ev.Summary, Description: ev.Description, Status: st,
		Start: ev.Start.UTC(), End: ev.End.UTC(), Sequence: ev.Sequence, Alarm: alarm}
}

// parseContent reads the first event of a server copy ("", false: not
// readable).
func parseContent(body []byte) (content, bool) {
	cal, err := ical.NewDecoder(bytes.NewReader(body)).Decode()
	if err != nil {
		return content{}, false
	}
	evs := cal.Events()
	if len(evs) == 0 {
		return content{}, false
	}
	ev := evs[0]
	var c content
	text := func(name string) string {
		if p := ev.Props.Get(name); p != nil {
			s, _ := p.Text()
			return s
		}
		return ""
	}
	c.UID, c.Summary, c.Description = text(ical.PropUID), text(ical.PropSummary), text(ical.PropDescription)
	c.Status = strings.ToUpper(text(ical.PropStatus))
	if c.Status == "" {
		c.Status = calendar.StatusConfirmed
	}
	if c.Start, err = ev.DateTimeStart(time.UTC); err != nil {
		return content{}, false
	}
	if c.End, err = ev.DateTimeEnd(time.UTC); err != nil {
		return content{}, false
	}
	c.Start, c.End = c.Start.UTC(), c.End.UTC()
	if p := ev.Props.Get(ical.PropSequence); p != nil {
		c.Sequence, _ = strconv.Atoi(strings.TrimSpace(p.Value))
	}
	for _, ch := range ev.Children {
		if ch.Name != ical.CompAlarm {
			continue
		}
		if p := ch.Props.Get(ical.PropTrigger); p != nil {
			if d, err := p.Duration(); err == nil {
				c.Alarm = -d
			}
		}
		break
	}
	return c, true
}

func (c content) String() string {
	return c.Summary + ", " + c.Start.Format("2006-01-02 15:04") + " – " + c.End.Format("2006-01-02 15:04") + " UTC"
}

// renderOne is the body of one calendar object resource: the on-call
// exporter's renderer (escaping, folding, UTC instants, the VALARM of the
// file export) with DTSTAMP = LAST-MODIFIED, so the same content gives the
// same bytes, and without METHOD (RFC 4791 4.1 forbids it in a calendar
// collection).
func renderOne(ev calendar.Event, alarm time.Duration) []byte {
	var b bytes.Buffer
	stamp := ev.LastModified
	if stamp.IsZero() {
		stamp = ev.Start
	}
	_ = calendar.Render(&b, calendar.Calendar{Events: []calendar.Event{ev}, Alarm: alarm}, stamp)
	return bytes.Replace(b.Bytes(), []byte("METHOD:PUBLISH\r\n"), nil, 1)
}

// resourceName is the resource's last path segment: the stable shift UID.
func resourceName(uid string) string { return url.PathEscape(uid) + ".ics" }

// window is the publication's [from, to).
func (p *Publication) window(now time.Time) (time.Time, time.Time) {
	if !p.From.IsZero() && p.To.After(p.From) {
		return p.From.UTC(), p.To.UTC()
	}
	y, m, d := now.UTC().Date()
	day := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	return day.AddDate(0, 0, -p.BackDays), day.AddDate(0, 0, p.AheadDays+1)
}

type jobKind int

const (
	jobPut jobKind = iota
	jobDelete
)

type job struct {
	kind jobKind
	r    *Resource
	ev   calendar.Event
	want string
}

type result struct {
	j       *job
	created bool
	updated bool
	deleted bool
	same    bool // the server already held it
	forget  bool // drop the record
	conf    bool
	err     error
}

// Publish runs one publication: computes the shifts of its scope and
// window, reconciles them with its sync state, makes the collection if it
// is missing, and sends only what changed: PUT (If-None-Match: * for new
// resources, If-Match for known ones) and DELETE for shifts that
// disappeared. progress (may be nil) is called as requests complete. The
// state is written as results arrive, so a run stopped half-way (offline,
// killed) leaves state the next run completes without duplicates.
func (s *Service) Publish(ctx context.Context, name string, progress func(Progress)) (Counts, error) {
	p, err := s.byName(name)
	if err != nil {
		return Counts{}, err
	}
	return s.run(ctx, p, progress)
}

// PublishAll runs every configured publication (one-off records left out)
// and returns the counts by name and the first error.
func (s *Service) PublishAll(ctx context.Context, progress func(name string, pr Progress)) (map[string]Counts, error) {
	ps, err := s.List()
	if err != nil {
		return nil, err
	}
	out := map[string]Counts{}
	var first error
	for _, p := range ps {
		if p.OneOff {
			continue
		}
		var cb func(Progress)
		if progress != nil {
			n := p.Name
			cb = func(pr Progress) { progress(n, pr) }
		}
		c, err := s.Publish(ctx, p.Name, cb)
		out[p.Name] = c
		if err != nil && first == nil {
			first = errs.Wrap("publish.PublishAll", withName(p.Name, err))
		}
	}
	return out, first
}

func withName(name string, err error) error {
	var e *errs.Error
	if errors.As(err, &e) {
		c := *e
		c.Message = name + ": " + e.Message
		return &c
	}
	return err
}

// OneOff publishes without a configured publication (the CLI's scripted
// run): its sync state is kept under a one-off record named after the URL
// and scope, so running the same command again sends only what changed.
// The password is not stored.
func (s *Service) OneOff(ctx context.Context, in Input, from, to time.Time, progress func(Progress)) (Counts, error) {
	pw := in.Password
	in.Password = ""
	if strings.TrimSpace(in.Name) == "" {
		in.Name = "one-off " + in.Scope.Kind + " " + in.Scope.ID.String() + " → " + in.URL
		if in.Scope.ID.IsZero() {
			in.Name = "one-off team → " + in.URL
		}
	}
	if !to.After(from) {
		return Counts{}, errs.FieldErr("to", "The end is not after the start.")
	}
	if to.Sub(from) > oncall.MaxWindow {
		return Counts{}, errs.FieldErr("to", "Publish at most six years at a time.")
	}
	in.BackDays, in.AheadDays = 1, 1
	if err := validate(&in); err != nil {
		return Counts{}, err
	}
	var p Publication
	err := s.st.Update(func(txn *badger.Txn) error {
		now := s.clock.Now().UTC()
		p = Publication{ID: id.New(now), CreatedAt: now}
		if ids := store.Lookup(txn, IdxPublicationName, store.Term(store.Fold(in.Name))); len(ids) > 0 {
			var err error
			if p, err = Publications.Get(txn, ids[0]); err != nil {
				return err
			}
			if !p.OneOff {
				return errs.FieldErr("name", "A configured publication has this name.")
			}
		}
		if p.User != in.User || p.PerEngineer != in.PerEngineer {
			p.Collections = nil
			if err := dropState(txn, p.ID); err != nil {
				return err
			}
		}
		p.Name, p.URL, p.User, p.Scope, p.PerEngineer, p.OneOff = in.Name, in.URL, in.User, in.Scope, in.PerEngineer, true
		p.AlarmMinutes, p.TrustSHA256, p.NoCreate, p.OnConflict = in.AlarmMinutes, in.TrustSHA256, in.NoCreate, in.OnConflict
		p.From, p.To, p.UpdatedAt, p.PasswordIn, p.Password = from.UTC(), to.UTC(), now, PasswordNone, ""
		return Publications.Put(txn, &p)
	})
	if err != nil {
		return Counts{}, errs.Wrap("publish.OneOff", err)
	}
	p.Password, p.PasswordIn = pw, PasswordWorkspace // in memory only
	return s.run(ctx, p, progress)
}

func (s *Service) client(p *Publication, pw string) (*caldav.Client, error) {
	return caldav.New(caldav.Options{User: p.User, Password: pw, TrustSHA256: p.TrustSHA256, Timeout: s.Timeout, Transport: s.Transport})
}

func (s *Service) run(ctx context.Context, p Publication, progress func(Progress)) (cnt Counts, err error) {
	s.mu.Lock()
	if s.running[p.ID] {
		s.mu.Unlock()
		return cnt, errs.E(errs.Unavailable, "%q is being published already.", p.Name)
	}
	s.running[p.ID] = true
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		delete(s.running, p.ID)
		s.mu.Unlock()
	}()
	started := s.clock.Now().UTC()
	defer func() { s.noteRun(p.ID, started, cnt, err) }()

	pw, err := s.password(&p)
	if err != nil {
		return cnt, err
	}
	cl, err := s.client(&p, pw)
	if err != nil {
		return cnt, err
	}
	pl, err := s.plan(&p, started)
	if err != nil {
		return cnt, err
	}
	// the collections, made if missing; state of a new one starts over
	if err := s.ensureCollections(ctx, cl, &p, pl); err != nil {
		return cnt, err
	}
	if err := s.writeResources(p.ID, pl.changed(), pl.forget); err != nil {
		return cnt, errs.Wrap("publish.Publish", err)
	}
	pl.dirty = map[string]bool{}
	pl.forget = nil
	jobs := pl.jobs(&p, &cnt)
	return cnt, s.send(ctx, cl, &p, pl, jobs, &cnt, progress)
}

// plan is a run's view of the state: every resource by UID, the events to
// publish, and which records changed.
type plan struct {
	res    map[string]*Resource
	events []calendar.Event
	alarm  time.Duration
	names  map[id.ID]string // person names (per-engineer collections)
	dirty  map[string]bool
	forget []string
}

func (pl *plan) changed() []*Resource {
	out := make([]*Resource, 0, len(pl.dirty))
	for uid := range pl.dirty {
		if r, ok := pl.res[uid]; ok {
			out = append(out, r)
		}
	}
	return out
}

// plan loads the shifts and the state and reconciles them (in memory).
func (s *Service) plan(p *Publication, now time.Time) (*plan, error) {
	from, to := p.window(now)
	var snap *oncall.Snapshot
	pl := &plan{res: map[string]*Resource{}, dirty: map[string]bool{}, names: map[id.ID]string{},
		alarm: time.Duration(p.AlarmMinutes) * time.Minute}
	err := s.st.View(func(txn *badger.Txn) (err error) {
		if snap, err = oncall.LoadTx(txn, from, to); err != nil {
			return err
		}
		if p.Scope.Kind == calendar.ScopeSchedule {
			// the final pieces at the window's edges are whole (as in
			// calendar exports): load every layer's turns they reach into
			lo, hi := oncall.FinalExtent(snap, oncall.TeamKey(p.Scope.ID), from, to)
			if lo.Before(from) || hi.After(to) {
				if snap, err = oncall.LoadTx(txn, lo, hi); err != nil {
					return err
				}
			}
		}
		return store.Scan(txn, store.Prefix(PrefixResource, p.ID), func(_ []byte, r *Resource) error {
			x := *r
			pl.res[x.UID] = &x
			return nil
		})
	})
	if err != nil {
		return nil, errs.Wrap("publish.Publish", err)
	}
	switch p.Scope.Kind {
	case calendar.ScopeRotation:
		if _, ok := snap.Rotation(p.Scope.ID); !ok {
			return nil, errs.E(errs.NotFound, "The rotation of %q no longer exists: edit or remove the publication.", p.Name)
		}
	case calendar.ScopePerson:
		if _, ok := snap.People[p.Scope.ID]; !ok {
			return nil, errs.E(errs.NotFound, "The person of %q no longer exists: edit or remove the publication.", p.Name)
		}
	case calendar.ScopeSchedule:
		if _, ok := snap.Teams[p.Scope.ID]; !ok {
			return nil, errs.E(errs.NotFound, "The team of %q no longer exists: edit or remove the publication.", p.Name)
		}
	}
	var pending []calendar.PendingEvent
	switch p.Scope.Kind {
	case calendar.ScopeRotation:
		pending = calendar.Events(snap, oncall.Shifts(snap, p.Scope.ID, from, to), p.Scope)
	case calendar.ScopeSchedule:
		pending = calendar.ScheduleEvents(snap, p.Scope.ID, oncall.FinalPieces(snap, oncall.TeamKey(p.Scope.ID), from, to))
	default:
		pending = calendar.Events(snap, oncall.AllShifts(snap, from, to), p.Scope)
	}
	if p.PerEngineer { // gaps belong to nobody's calendar
		kept := pending[:0]
		for _, pe := range pending {
			if !pe.PersonID.IsZero() {
				kept = append(kept, pe)
				pl.names[pe.PersonID] = snap.Name(pe.PersonID)
			}
		}
		pending = kept
	}
	prev := make(map[string]calendar.Published, len(pl.res))
	for uid, r := range pl.res {
		prev[uid] = r.Published
	}
	rec := calendar.Reconcile(prev, pending, p.Scope, from, to, now)
	for _, u := range rec.Upserts {
		r := pl.res[u.UID]
		if r == nil {
			r = &Resource{}
			pl.res[u.UID] = r
		}
		r.Published = u
		pl.dirty[u.UID] = true
	}
	for uid, r := range pl.res {
		if !r.RemovedAt.IsZero() && r.Sent == "" && r.ETag == "" { // never reached the server
			delete(pl.res, uid)
			delete(pl.dirty, uid)
			pl.forget = append(pl.forget, uid)
		}
	}
	for _, uid := range rec.Deletes {
		r := pl.res[uid]
		if r != nil && !r.RemovedAt.IsZero() && (r.Sent != "" || r.ETag != "") {
			continue // still on the server: deleted there first
		}
		if r != nil {
			delete(pl.res, uid)
			pl.forget = append(pl.forget, uid)
		}
	}
	for _, ev := range rec.Events {
		if ev.Status != calendar.StatusCancelled {
			pl.events = append(pl.events, ev)
		}
	}
	return pl, nil
}

// collectionKey is the key of a resource's collection in
// Publication.Collections: "" shared, the person's id per engineer.
func collectionKey(p *Publication, person id.ID) string {
	if p.PerEngineer {
		return person.String()
	}
	return ""
}

// jobs lists the requests of a run and counts the unchanged.
func (pl *plan) jobs(p *Publication, cnt *Counts) []*job {
	var out []*job
	for _, ev := range pl.events {
		r := pl.res[ev.UID]
		if r == nil { // cannot happen: Reconcile keeps every event's state
			continue
		}
		want := eventContent(&ev, pl.alarm).fingerprint()
		switch {
		case r.Conflict != nil && p.OnConflict == ConflictAsk:
			cnt.Conflicts++
		case want == r.Sent || (r.Theirs != "" && want == r.Theirs):
			cnt.Unchanged++
		default:
			out = append(out, &job{kind: jobPut, r: r, ev: ev, want: want})
		}
	}
	for _, r := range pl.res {
		if r.RemovedAt.IsZero() {
			continue
		}
		if r.Conflict != nil && p.OnConflict == ConflictAsk {
			cnt.Conflicts++
			continue
		}
		out = append(out, &job{kind: jobDelete, r: r})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].r.Start.Before(out[j].r.Start) })
	return out
}

func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			b.WriteRune(r)
			dash = false
		case !dash && b.Len() > 0:
			b.WriteByte('-')
			dash = true
		}
	}
	out := strings.TrimSuffix(b.String(), "-")
	if out == "" {
		out = "calendar"
	}
	if len(out) > 60 {
		out = out[:60]
	}
	return out
}

func withSlash(u string) string {
	if strings.HasSuffix(u, "/") {
		return u
	}
	return u + "/"
}

// ensureCollections resolves (and remembers) the collection URLs, checks
// they exist and makes missing ones. Resources of a collection just made
// are sent again.
func (s *Service) ensureCollections(ctx context.Context, cl *caldav.Client, p *Publication, pl *plan) error {
	need := map[string]id.ID{}
	for _, ev := range pl.events {
		r := pl.res[ev.UID]
		need[collectionKey(p, r.PersonID)] = r.PersonID
	}
	for _, r := range pl.res {
		if !r.RemovedAt.IsZero() {
			if _, ok := need[collectionKey(p, r.PersonID)]; !ok && p.Collections[collectionKey(p, r.PersonID)] != "" {
				need[collectionKey(p, r.PersonID)] = r.PersonID
			}
		}
	}
	if !p.PerEngineer {
		need[""] = id.ID{}
	}
	if p.Collections == nil {
		p.Collections = map[string]string{}
	}
	var home string
	resolveHome := func() error {
		if home != "" {
			return nil
		}
		st, err := cl.Stat(ctx, p.URL)
		switch {
		case errs.Is(err, errs.NotFound) || (err == nil && st.Calendar):
			// a calendar (or a calendar to make): its siblings go next to it
			u, perr := url.Parse(withSlash(p.URL))
			if perr != nil {
				return errs.FieldErr("url", "%q is not a URL.", p.URL)
			}
			home = u.ResolveReference(&url.URL{Path: ".."}).String()
			return nil
		case err != nil:
			return err
		}
		home, err = cl.Discover(ctx, p.URL)
		return err
	}
	keys := make([]string, 0, len(need))
	for k := range need {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	changed := false
	for _, k := range keys {
		coll := p.Collections[k]
		display := "On call: " + p.Name
		if k != "" {
			display = "On call: " + pl.names[need[k]]
		}
		if coll == "" {
			if k == "" {
				st, err := cl.Stat(ctx, p.URL)
				switch {
				case errs.Is(err, errs.NotFound):
					coll = withSlash(p.URL)
				case err != nil:
					return err
				case st.Calendar:
					coll = withSlash(p.URL)
				default:
					h, err := cl.Discover(ctx, p.URL)
					if err != nil {
						return err
					}
					coll = withSlash(h) + "wheelhouse-" + slug(p.Name) + "/"
				}
			} else {
				if err := resolveHome(); err != nil {
					return err
				}
				coll = withSlash(home) + "wheelhouse-" + slug(pl.names[need[k]]) + "-" + need[k].String()[:8] + "/"
			}
		}
		st, err := cl.Stat(ctx, coll)
		switch {
		case errs.Is(err, errs.NotFound):
			if p.NoCreate {
				return &errs.Error{Code: errs.NotFound, Field: "url", Err: err,
					Message: "There is no calendar at " + coll + " (404). Publish with creating the calendar allowed (CLI: without --no-create) to make it, or check the URL."}
			}
			if err := cl.MakeCalendar(ctx, coll, display); err != nil {
				return err
			}
			s.log.Info("calendar collection made", "publication", p.Name, "url", coll)
			for _, r := range pl.res { // a new collection holds nothing of ours
				if collectionKey(p, r.PersonID) == k && (r.Sent != "" || r.ETag != "") {
					r.Sent, r.ETag, r.Theirs, r.Conflict = "", "", "", nil
					pl.dirty[r.UID] = true
				}
			}
		case err != nil:
			return err
		case !st.Calendar:
			return errs.FieldErr("url", "%s is not a calendar collection on the server: give the URL of a calendar, or of the server to find your calendars.", coll)
		}
		if p.Collections[k] != coll {
			p.Collections[k] = coll
			changed = true
		}
		for _, r := range pl.res {
			if collectionKey(p, r.PersonID) == k && r.Href == "" {
				r.Href = coll + resourceName(r.UID)
				pl.dirty[r.UID] = true
			}
		}
	}
	if changed {
		return errs.Wrap("publish.Publish", s.st.Update(func(txn *badger.Txn) error {
			cur, err := Publications.Get(txn, p.ID)
			if err != nil {
				return err
			}
			cur.Collections = p.Collections
			return Publications.Put(txn, &cur)
		}))
	}
	return nil
}

// stateChunk bounds the sync-state writes of one transaction.
const stateChunk = 1000

func (s *Service) writeResources(pub id.ID, put []*Resource, forget []string) error {
	for len(put) > 0 || len(forget) > 0 {
		np := min(len(put), stateChunk)
		nf := min(len(forget), stateChunk-np)
		pc, fc := put[:np], forget[:nf]
		put, forget = put[np:], forget[nf:]
		err := s.st.Update(func(txn *badger.Txn) error {
			for _, r := range pc {
				if err := store.PutJSON(txn, resourceKey(pub, r.UID), r); err != nil {
					return err
				}
			}
			for _, uid := range fc {
				if err := txn.Delete(resourceKey(pub, uid)); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// send runs the jobs with a few workers; results are applied and written
// in batches. The first failure that is not a conflict stops the run.
func (s *Service) send(ctx context.Context, cl *caldav.Client, p *Publication, pl *plan, jobs []*job, cnt *Counts, progress func(Progress)) error {
	total := len(jobs)
	if progress != nil {
		progress(Progress{Total: total, Counts: *cnt})
	}
	if total == 0 {
		return nil
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	workers := s.Workers
	if workers <= 0 {
		workers = 4
	}
	in := make(chan *job)
	out := make(chan result)
	var wg sync.WaitGroup
	for range min(workers, total) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range in {
				out <- s.do(ctx, cl, p, j)
			}
		}()
	}
	go func() {
		defer close(in)
		for _, j := range jobs {
			select {
			case in <- j:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() { wg.Wait(); close(out) }()

	var first error
	var put []*Resource
	var forget []string
	last := s.clock.Now()
	done := 0
	flush := func() error {
		err := s.writeResources(p.ID, put, forget)
		put, forget = put[:0], forget[:0]
		last = s.clock.Now()
		return err
	}
	for res := range out {
		done++
		r := res.j.r
		switch {
		case res.err != nil:
			if first == nil {
				first = res.err
				cancel()
			}
			continue
		case res.forget:
			forget = append(forget, r.UID)
		default:
			put = append(put, r)
		}
		switch {
		case res.created:
			cnt.Created++
		case res.updated:
			cnt.Updated++
		case res.deleted:
			cnt.Deleted++
		case res.same:
			cnt.Unchanged++
		}
		if res.conf {
			cnt.Conflicts++
		}
		if len(put)+len(forget) >= 200 || s.clock.Now().Sub(last) > 2*time.Second {
			if err := flush(); err != nil && first == nil {
				first = errs.Wrap("publish.Publish", err)
				cancel()
			}
		}
		if progress != nil {
			progress(Progress{Done: done, Total: total, Counts: *cnt})
		}
	}
	if err := flush(); err != nil && first == nil {
		first = errs.Wrap("publish.Publish", err)
	}
	return first
}

// do sends one job; it changes only j.r (one worker owns a job).
func (s *Service) do(ctx context.Context, cl *caldav.Client, p *Publication, j *job) result {
	r := j.r
	res := result{j: j}
	if j.kind == jobDelete {
		etag := r.ETag
		if r.Conflict != nil && p.OnConflict == ConflictOurs {
			etag = r.Conflict.ETag
		}
		err := cl.Delete(ctx, r.Href, etag)
		if caldav.StatusOf(err) == http.StatusPreconditionFailed {
			body, theirETag, gerr := cl.Get(ctx, r.Href)
			if errs.Is(gerr, errs.NotFound) {
				err = nil
			} else if gerr != nil {
				res.err = gerr
				return res
			} else if c, ok := parseContent(body); ok && r.Sent != "" && c.fingerprint() == r.Sent || p.OnConflict == ConflictOurs {
				err = cl.Delete(ctx, r.Href, theirETag)
			} else {
				res.conf = true
				if p.OnConflict == ConflictTheirs {
					res.forget = true // theirs stays on the server, ours is forgotten
					return res
				}
				r.Conflict = &Conflict{UID: r.UID, At: s.clock.Now().UTC(), ETag: theirETag, Removed: true,
					Ours: "removed here: " + r.Summary, Theirs: describe(body)}
				return res
			}
		}
		if err != nil {
			res.err = err
			return res
		}
		res.deleted, res.forget = true, true
		return res
	}
	body := renderOne(j.ev, time.Duration(p.AlarmMinutes)*time.Minute)
	etag := r.ETag
	if r.Conflict != nil && p.OnConflict == ConflictOurs {
		etag = r.Conflict.ETag
	}
	r.Conflict = nil
	for attempt := 0; ; attempt++ {
		newTag, err := cl.Put(ctx, r.Href, body, etag)
		if err == nil {
			if newTag == "" { // some servers send none: read it
				if _, t, gerr := cl.Get(ctx, r.Href); gerr == nil {
					newTag = t
				}
			}
			res.created, res.updated = etag == "", etag != ""
			r.ETag, r.Sent, r.Theirs = newTag, j.want, ""
			return res
		}
		st := caldav.StatusOf(err)
		if attempt > 1 || (st != http.StatusPreconditionFailed && !(st == http.StatusNotFound && etag != "")) {
			res.err = err
			return res
		}
		if st == http.StatusNotFound { // deleted on the server: make it again
			etag = ""
			continue
		}
		// 412: it exists (a lost response of an earlier run) or it changed
		theirs, theirETag, gerr := cl.Get(ctx, r.Href)
		if errs.Is(gerr, errs.NotFound) {
			etag = ""
			continue
		}
		if gerr != nil {
			res.err = gerr
			return res
		}
		c, ok := parseContent(theirs)
		fp := ""
		if ok {
			fp = c.fingerprint()
		}
		switch {
		case fp == j.want: // it holds exactly this already
			r.ETag, r.Sent, r.Theirs = theirETag, j.want, ""
			res.same = true
			return res
		case r.Sent == "" || fp == r.Sent || p.OnConflict == ConflictOurs:
			// ours (from a run whose state was lost, or re-serialized by
			// the server), or the manager chose ours
			res.conf = r.Sent != "" && fp != r.Sent
			etag = theirETag
			continue
		case p.OnConflict == ConflictTheirs:
			r.ETag, r.Theirs = theirETag, j.want
			res.conf = true
			return res
		default:
			r.Conflict = &Conflict{UID: r.UID, At: s.clock.Now().UTC(), ETag: theirETag, Want: j.want,
				Ours: eventContent(&j.ev, 0).String(), Theirs: describe(theirs)}
			res.conf = true
			return res
		}
	}
}

func describe(body []byte) string {
	if c, ok := parseContent(body); ok {
		return c.String()
	}
	return "(a copy that cannot be read)"
}

// noteRun writes the run's status.
func (s *Service) noteRun(pub id.ID, at time.Time, cnt Counts, runErr error) {
	err := s.st.Update(func(txn *badger.Txn) error {
		p, err := Publications.Get(txn, pub)
		if err != nil {
			return err
		}
		p.Status.LastRunAt, p.Status.Last = at, cnt
		p.Status.UntrustedSHA256 = caldav.CertFingerprint(runErr)
		if runErr == nil {
			p.Status.LastSuccessAt, p.Status.LastError, p.Status.LastErrorAt = at, "", time.Time{}
		} else {
			p.Status.LastError, p.Status.LastErrorAt = errs.MessageOf(runErr), at
		}
		return Publications.Put(txn, &p)
	})
	if err != nil && !errs.Is(err, errs.NotFound) {
		s.log.Warn("publication status not written", "err", err)
	}
}
