package calendar

import (
	"bufio"
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/clock"
	"wheelhouse/backend/errs"
	"wheelhouse/backend/id"
	"wheelhouse/backend/oncall"
	"wheelhouse/backend/people"
	"wheelhouse/backend/store"
)

// Feed windows: a subscription shows shifts from FeedBack ago to FeedAhead.
const (
	FeedBack  = 30 * 24 * time.Hour
	FeedAhead = 365 * 24 * time.Hour
	// FeedRefresh is the reload interval suggested to subscribed clients.
	FeedRefresh = time.Hour
)

// Feed is a subscription URL's record. The token itself is shown once, at
// creation; only its SHA-256 is stored.
type Feed struct {
	ID            id.ID     `json:"id"`
	Name          string    `json:"name"`
	Scope         Scope     `json:"scope"`
	TokenHash     []byte    `json:"tokenHash"`
	CreatedAt     time.Time `json:"createdAt"`
	RevokedAt     time.Time `json:"revokedAt,omitzero"`
	LastFetchedAt time.Time `json:"lastFetchedAt,omitzero"`
	Fetches       int       `json:"fetches"`
}

// Feeds is the feed table: the token-hash index finds a feed by token.
var Feeds = &store.Table[Feed]{
	Name: "calendar feed", Prefix: store.PrefixCalFeed,
	ID: func(f *Feed) id.ID { return f.ID },
	Indexes: []store.Index[Feed]{
		{Prefix: store.IdxCalFeedToken, Terms: func(f *Feed) [][]byte { return [][]byte{f.TokenHash} }},
	},
}

func publishedKey(uid string) []byte { return store.Key(store.PrefixCalPublished, uid) }

// PublishedTx reads the whole published-event state.
func PublishedTx(txn *badger.Txn) (map[string]Published, error) {
	out := map[string]Published{}
	err := store.Scan(txn, store.Prefix(store.PrefixCalPublished), func(_ []byte, p *Published) error {
		out[p.UID] = *p
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// Service exports calendars, serves feeds and imports .ics files.
type Service struct {
	st    *store.Store
	clock clock.Clock
	log   *slog.Logger
	mu    sync.Mutex // one reconcile-and-write of published state at a time

	// HTTPClient fetches calendar subscriptions (nil: a client that follows
	// at most 5 redirects, to http and https only).
	HTTPClient *http.Client
	// FetchTimeout bounds one fetch, body included (0: DefaultFetchTimeout).
	FetchTimeout time.Duration
	// Secrets keeps CalDAV subscriptions' passwords (the OS keyring; nil:
	// they stay in the workspace).
	Secrets Secrets
	// CalDAVTransport, if set, carries CalDAV subscription requests (tests).
	CalDAVTransport http.RoundTripper
	fmu             sync.Mutex
	inflight        map[id.ID]bool // subscriptions being fetched

	// Regions finds and makes the holiday regions imports and
	// subscriptions go into by name (the workspace's on-call service).
	Regions Regions

	// Feed fetches are counted in memory and written in one transaction at
	// most every FetchFlushEvery (and on FlushFetches), not with a synced
	// commit per GET: a calendar client polling fast made a write each.
	pmu        sync.Mutex
	pending    map[id.ID]fetchNote
	flushTimer *time.Timer
}

// fetchNote is what feed fetches not yet written add up to.
type fetchNote struct {
	last time.Time
	n    int
}

// FetchFlushEvery is how long feed fetch counts wait in memory at most.
var FetchFlushEvery = 30 * time.Second

// noteFetch counts a feed fetch, to be written by the next flush.
func (s *Service) noteFetch(u id.ID, at time.Time) {
	s.pmu.Lock()
	defer s.pmu.Unlock()
	if s.pending == nil {
		s.pending = map[id.ID]fetchNote{}
	}
	n := s.pending[u]
	n.n++
	if at.After(n.last) {
		n.last = at
	}
	s.pending[u] = n
	if s.flushTimer == nil {
		s.flushTimer = time.AfterFunc(FetchFlushEvery, func() {
			if err := s.FlushFetches(); err != nil {
				s.log.Debug("calendar feed fetch counts not written", "err", err)
			}
		})
	}
}

// FlushFetches writes the feed fetch counts and times gathered since the
// last flush, in one transaction. The workspace calls it before it closes.
func (s *Service) FlushFetches() error {
	s.pmu.Lock()
	notes := s.pending
	s.pending = nil
	if s.flushTimer != nil {
		s.flushTimer.Stop()
		s.flushTimer = nil
	}
	s.pmu.Unlock()
	if len(notes) == 0 {
		return nil
	}
	err := s.st.Update(func(txn *badger.Txn) error {
		for u, n := range notes {
			f, err := Feeds.Get(txn, u)
			if errs.Is(err, errs.NotFound) {
				continue // deleted since
			}
			if err != nil {
				return err
			}
			if n.last.After(f.LastFetchedAt) {
				f.LastFetchedAt = n.last
			}
			f.Fetches += n.n
			if err := Feeds.Put(txn, &f); err != nil {
				return err
			}
		}
		return nil
	})
	return errs.Wrap("calendar.FlushFetches", err)
}

// withPending adds the fetches not yet written to f.
func (s *Service) withPending(f *Feed) {
	s.pmu.Lock()
	defer s.pmu.Unlock()
	if n, ok := s.pending[f.ID]; ok {
		f.Fetches += n.n
		if n.last.After(f.LastFetchedAt) {
			f.LastFetchedAt = n.last
		}
	}
}

// NewService builds the calendar service and completes any big import that
// a crash interrupted (see Apply).
func NewService(st *store.Store, c clock.Clock, log *slog.Logger) (*Service, error) {
	if c == nil {
		c = clock.Real{}
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	s := &Service{st: st, clock: c, log: log}
	return s, s.recover()
}

// ExportOptions tune an export.
type ExportOptions struct {
	Alarm time.Duration // a display alarm this long before each shift; 0 for none
}

// ExportResult says what an export wrote.
type ExportResult struct {
	Name      string `json:"name"`
	Events    int    `json:"events"`    // confirmed events
	Cancelled int    `json:"cancelled"` // tombstones
	Changed   int    `json:"changed"`   // events new or changed since the last export
}

// Export writes the calendar of a scope for [from, to) to w and records
// what was published (so the next export bumps SEQUENCE of what changed and
// cancels what disappeared).
func (s *Service) Export(w io.Writer, sc Scope, from, to time.Time, opt ExportOptions) (ExportResult, error) {
	cal, res, err := s.prepare(sc, from.UTC(), to.UTC(), opt, nil)
	if err != nil {
		return res, err
	}
	return res, Render(w, cal, s.clock.Now())
}

// prepare builds the calendar and writes the published state (and, for a
// feed fetch, the feed's fetch time) in one go.
func (s *Service) prepare(sc Scope, from, to time.Time, opt ExportOptions, fetched *Feed) (Calendar, ExportResult, error) {
	var res ExportResult
	if err := sc.Validate(); err != nil {
		return Calendar{}, res, err
	}
	switch {
	case !to.After(from):
		return Calendar{}, res, errs.FieldErr("to", "The end is not after the start.")
	case to.Sub(from) > oncall.MaxWindow:
		return Calendar{}, res, errs.FieldErr("to", "Export at most six years at a time.")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.clock.Now().UTC()
	var snap *oncall.Snapshot
	var prev map[string]Published
	err := s.st.View(func(txn *badger.Txn) (err error) {
		if snap, err = oncall.LoadTx(txn, from, to); err != nil {
			return err
		}
		if sc.Kind == ScopeSchedule {
			// The final pieces at the window's edges are whole: load the
			// turns of every layer they reach into.
			lo, hi := oncall.FinalExtent(snap, oncall.TeamKey(sc.ID), from, to)
			if lo.Before(from) || hi.After(to) {
				if snap, err = oncall.LoadTx(txn, lo, hi); err != nil {
					return err
				}
			}
		}
		prev, err = PublishedTx(txn)
		return err
	})
	if err != nil {
		return Calendar{}, res, errs.Wrap("calendar.Export", err)
	}
	name, err := scopeName(snap, sc)
	if err != nil {
		return Calendar{}, res, err
	}
	var pending []PendingEvent
	switch sc.Kind {
	case ScopeRotation:
		pending = Events(snap, oncall.Shifts(snap, sc.ID, from, to), sc)
	case ScopeSchedule:
		pending = ScheduleEvents(snap, sc.ID, oncall.FinalPieces(snap, oncall.TeamKey(sc.ID), from, to))
	default:
		pending = Events(snap, oncall.AllShifts(snap, from, to), sc)
	}
	rec := Reconcile(prev, pending, sc, from, to, now)
	if err := s.writeState(rec); err != nil {
		return Calendar{}, res, errs.Wrap("calendar.Export", err)
	}
	if fetched != nil {
		s.noteFetch(fetched.ID, now)
	}
	res.Name = name
	for _, e := range rec.Events {
		if e.Status == StatusCancelled {
			res.Cancelled++
		} else {
			res.Events++
		}
	}
	res.Changed = len(rec.Upserts)
	cal := Calendar{Name: name, Events: rec.Events, Alarm: opt.Alarm}
	if fetched != nil {
		cal.Refresh = FeedRefresh
	}
	return cal, res, nil
}

func scopeName(snap *oncall.Snapshot, sc Scope) (string, error) {
	switch sc.Kind {
	case ScopeRotation:
		r, ok := snap.Rotation(sc.ID)
		if !ok {
			return "", errs.E(errs.NotFound, "No rotation with id %s.", sc.ID)
		}
		return "On call: " + r.Name, nil
	case ScopePerson:
		p, ok := snap.People[sc.ID]
		if !ok {
			return "", errs.E(errs.NotFound, "No person with id %s.", sc.ID)
		}
		return "On call: " + p.Name, nil
	case ScopeSchedule:
		n, ok := snap.Teams[sc.ID]
		if !ok {
			return "", errs.E(errs.NotFound, "No team with id %s.", sc.ID)
		}
		return "On call: " + n + " (final schedule)", nil
	}
	return "On call: team", nil
}

// stateChunk bounds the published-state writes per transaction. The state
// is bookkeeping: a failure half-way leaves some events with an older
// sequence, which the next export corrects.
const stateChunk = 2000

func (s *Service) writeState(rec Reconciled) error {
	type op struct {
		del string
		put *Published
	}
	var ops []op
	for i := range rec.Upserts {
		ops = append(ops, op{put: &rec.Upserts[i]})
	}
	for _, d := range rec.Deletes {
		ops = append(ops, op{del: d})
	}
	for len(ops) > 0 {
		n := min(len(ops), stateChunk)
		chunk := ops[:n]
		ops = ops[n:]
		err := s.st.Update(func(txn *badger.Txn) error {
			for _, o := range chunk {
				var err error
				if o.put != nil {
					err = store.PutJSON(txn, publishedKey(o.put.UID), o.put)
				} else {
					err = txn.Delete(publishedKey(o.del))
				}
				if err != nil {
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

// TokenBytes is the size of a feed token before encoding.
const TokenBytes = 32

func hashToken(token string) []byte {
	h := sha256.Sum256([]byte(token))
	return h[:]
}

// CreateFeed makes a subscription for a scope and returns it with its token
// (43 characters of base64url). Only the token's hash is stored: the URL
// can be shown once; a lost URL is revoked and replaced.
func (s *Service) CreateFeed(sc Scope, name string) (Feed, string, error) {
	if err := sc.Validate(); err != nil {
		return Feed{}, "", err
	}
	var raw [TokenBytes]byte
	if _, err := rand.Read(raw[:]); err != nil {
		return Feed{}, "", errs.Wrap("calendar.CreateFeed", err)
	}
	token := base64.RawURLEncoding.EncodeToString(raw[:])
	now := s.clock.Now().UTC()
	f := Feed{ID: id.New(now), Scope: sc, TokenHash: hashToken(token), CreatedAt: now}
	err := s.st.View(func(txn *badger.Txn) error {
		snap := &oncall.Snapshot{}
		var err error
		switch sc.Kind {
		case ScopeRotation:
			var r oncall.Rotation
			if r, err = oncall.Rotations.Get(txn, sc.ID); err == nil {
				snap.Rotations = []oncall.Rotation{r}
			}
		case ScopePerson:
			var p people.Person
			if p, err = people.Persons.Get(txn, sc.ID); err == nil {
				snap.People = map[id.ID]oncall.PersonInfo{p.ID: {Name: p.Name}}
			}
		case ScopeSchedule:
			var teams map[id.ID]string
			if teams, err = oncall.TeamNamesTx(txn); err == nil {
				snap.Teams = teams
			}
		}
		if err != nil {
			return err
		}
		def, err := scopeName(snap, sc)
		f.Name = strings.TrimSpace(name)
		if f.Name == "" {
			f.Name = def
		}
		return err
	})
	if err != nil {
		return Feed{}, "", errs.Wrap("calendar.CreateFeed", err)
	}
	if len([]rune(f.Name)) > oncall.MaxName {
		return Feed{}, "", errs.FieldErr("name", "Name is too long (at most %d characters).", oncall.MaxName)
	}
	err = s.st.Update(func(txn *badger.Txn) error { return Feeds.Put(txn, &f) })
	return f, token, errs.Wrap("calendar.CreateFeed", err)
}

// Feeds lists the subscriptions, newest first (revoked ones too).
func (s *Service) Feeds() ([]Feed, error) {
	var out []Feed
	err := s.st.View(func(txn *badger.Txn) (err error) {
		out, err = Feeds.List(txn)
		return err
	})
	for i := range out {
		s.withPending(&out[i])
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].CreatedAt.After(out[j].CreatedAt) })
	if out == nil {
		out = []Feed{}
	}
	return out, errs.Wrap("calendar.Feeds", err)
}

// RevokeFeed stops a subscription; its URL answers 404 from now on.
func (s *Service) RevokeFeed(u id.ID) error {
	return errs.Wrap("calendar.RevokeFeed", s.st.Update(func(txn *badger.Txn) error {
		f, err := Feeds.Get(txn, u)
		if err != nil {
			return err
		}
		if f.RevokedAt.IsZero() {
			f.RevokedAt = s.clock.Now().UTC()
		}
		return Feeds.Put(txn, &f)
	}))
}

// feedByToken finds a live feed by its token.
func (s *Service) feedByToken(token string) (*Feed, error) {
	if len(token) != 43 {
		return nil, nil
	}
	if _, err := base64.RawURLEncoding.DecodeString(token); err != nil {
		return nil, nil
	}
	var f *Feed
	err := s.st.View(func(txn *badger.Txn) error {
		ids := store.Lookup(txn, store.IdxCalFeedToken, hashToken(token))
		if len(ids) == 0 {
			return nil
		}
		x, err := Feeds.Get(txn, ids[0])
		if err != nil {
			return err
		}
		if x.RevokedAt.IsZero() {
			f = &x
		}
		return nil
	})
	return f, err
}

// FeedPath is the URL path of a feed token.
func FeedPath(token string) string { return "/feeds/" + token + ".ics" }

// MaxAlarmMinutes bounds a reminder before each shift: a week.
const MaxAlarmMinutes = 7 * 24 * 60

// Handler serves GET /feeds/<token>.ics: the feed's calendar from FeedBack
// ago to FeedAhead. Any other path, an unknown or revoked token: 404.
// ?alarm=MINUTES adds a display alarm (VALARM) that long before each shift
// (0 to MaxAlarmMinutes; anything else: 400), as the file export does.
func (s *Service) Handler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		token, ok := strings.CutPrefix(r.URL.Path, "/feeds/")
		if ok {
			token, ok = strings.CutSuffix(token, ".ics")
		}
		if !ok || strings.Contains(token, "/") {
			http.NotFound(w, r)
			return
		}
		f, err := s.feedByToken(token)
		if err != nil {
			s.log.Error("calendar feed lookup", "err", err)
			http.Error(w, "internal error", http.StatusInternalServerError)
			return
		}
		if f == nil {
			http.NotFound(w, r)
			return
		}
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		var opt ExportOptions
		if v := r.URL.Query().Get("alarm"); v != "" {
			min, err := strconv.Atoi(v)
			if err != nil || min < 0 || min > MaxAlarmMinutes {
				http.Error(w, "alarm: minutes before each shift, 0 to "+strconv.Itoa(MaxAlarmMinutes), http.StatusBadRequest)
				return
			}
			opt.Alarm = time.Duration(min) * time.Minute
		}
		now := s.clock.Now().UTC()
		cal, _, err := s.prepare(f.Scope, now.Add(-FeedBack), now.Add(FeedAhead), opt, f)
		if errs.Is(err, errs.NotFound) {
			http.NotFound(w, r) // the rotation or person was deleted
			return
		}
		if err != nil {
			s.log.Error("calendar feed", "feed", f.ID, "err", err)
			http.Error(w, "internal error", http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", "text/calendar; charset=utf-8")
		w.Header().Set("Cache-Control", "no-cache, private")
		w.Header().Set("Content-Disposition", `inline; filename="wheelhouse-oncall.ics"`)
		if r.Method == http.MethodHead {
			return
		}
		bw := bufio.NewWriterSize(w, 64<<10)
		if err := Render(bw, cal, now); err != nil {
			s.log.Warn("calendar feed write", "err", err)
		}
	})
}

// Server serves the feeds on the loopback interface only.
type Server struct {
	h    http.Handler
	port int

	mu   sync.Mutex
	srv  *http.Server
	ln   net.Listener
	done chan struct{}
}

// NewServer makes a feed server on 127.0.0.1:port (0: an ephemeral port).
func NewServer(h http.Handler, port int) *Server { return &Server{h: h, port: port} }

// Start binds 127.0.0.1 and serves in the background; it returns the base
// URL (http://127.0.0.1:PORT).
func (s *Server) Start() (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.srv != nil {
		return "http://" + s.ln.Addr().String(), nil
	}
	if s.port < 0 || s.port > 65535 {
		return "", errs.FieldErr("port", "Port must be 0 (any free port) to 65535.")
	}
	ln, err := net.Listen("tcp", fmt.Sprintf("127.0.0.1:%d", s.port))
	if err != nil {
		return "", errs.E(errs.Unavailable, "Cannot serve calendar feeds on 127.0.0.1:%d: %v", s.port, err)
	}
	s.ln = ln
	s.srv = &http.Server{Handler: LoopbackOnly(s.h, ln.Addr().(*net.TCPAddr).Port), ReadHeaderTimeout: 10 * time.Second, ReadTimeout: 30 * time.Second,
		WriteTimeout: 60 * time.Second, IdleTimeout: 2 * time.Minute, MaxHeaderBytes: 16 << 10}
	s.done = make(chan struct{})
	go func(srv *http.Server, done chan struct{}) {
		defer close(done)
		_ = srv.Serve(ln)
	}(s.srv, s.done)
	return "http://" + ln.Addr().String(), nil
}

// Addr is the bound address ("" when stopped).
func (s *Server) Addr() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.ln == nil {
		return ""
	}
	return s.ln.Addr().String()
}

// Stop shuts the server down, waiting for requests in flight until ctx ends.
func (s *Server) Stop(ctx context.Context) error {
	s.mu.Lock()
	srv, done := s.srv, s.done
	s.srv, s.ln = nil, nil
	s.mu.Unlock()
	if srv == nil {
		return nil
	}
	err := srv.Shutdown(ctx)
	<-done
	if errors.Is(err, http.ErrServerClosed) {
		err = nil
	}
	return err
}

// LoopbackOnly lets through only requests addressed to this machine by
// name: a Host of 127.0.0.1, localhost or [::1] with the port served. Any
// other Host (a DNS-rebinding page reaching 127.0.0.1 through a name of its
// own, a misdirected request) gets 421 Misdirected Request; a browser
// request from a web page (an Origin that is not one of those hosts) gets
// 403 Forbidden. Calendar clients send neither.
func LoopbackOnly(h http.Handler, port int) http.Handler {
	p := strconv.Itoa(port)
	allowed := map[string]bool{"127.0.0.1:" + p: true, "localhost:" + p: true, "[::1]:" + p: true}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !allowed[strings.ToLower(r.Host)] {
			http.Error(w, "misdirected request: feeds answer only to 127.0.0.1, localhost and [::1] on port "+p, http.StatusMisdirectedRequest)
			return
		}
		if o := r.Header.Get("Origin"); o != "" {
			u, err := url.Parse(o)
			if err != nil || !allowed[strings.ToLower(u.Host)] {
				http.Error(w, "forbidden: feeds are not served to web pages", http.StatusForbidden)
				return
			}
		}
		h.ServeHTTP(w, r)
	})
}
