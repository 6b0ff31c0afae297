package app

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"wheelhouse/backend/calendar"
	"wheelhouse/backend/errs"
	"wheelhouse/backend/id"
	"wheelhouse/backend/oncall"
	"wheelhouse/backend/store"
)

// CalendarAPI is bound to the frontend: on-call schedules out as iCalendar
// (files and local subscription feeds) and holiday / time-off calendars in.
type CalendarAPI struct{ s *Shell }

// NewCalendarAPI binds to shell s.
func NewCalendarAPI(s *Shell) *CalendarAPI { return &CalendarAPI{s} }

// ScopeDTO says what an export or feed covers: kind rotation|person|team.
type ScopeDTO struct {
	Kind string `json:"kind"`
	ID   string `json:"id"`
}

func (d ScopeDTO) scope() (calendar.Scope, error) {
	u, err := parseID("scope.id", d.ID)
	return calendar.Scope{Kind: d.Kind, ID: u}, err
}

// ExportDTO is an export: the calendar text and what it holds.
type ExportDTO struct {
	ICS       string `json:"ics"`
	Name      string `json:"name"`
	Events    int    `json:"events"`
	Cancelled int    `json:"cancelled"`
	Changed   int    `json:"changed"`
	Path      string `json:"path"` // where SaveICS wrote it
}

// FeedDTO is a subscription (its URL is shown only when it is created).
type FeedDTO struct {
	ID            string   `json:"id"`
	Name          string   `json:"name"`
	Scope         ScopeDTO `json:"scope"`
	CreatedAt     string   `json:"createdAt"`
	RevokedAt     string   `json:"revokedAt"`
	LastFetchedAt string   `json:"lastFetchedAt"`
	Fetches       int      `json:"fetches"`
}

// NewFeedDTO is a created subscription with its URL.
type NewFeedDTO struct {
	Feed FeedDTO `json:"feed"`
	URL  string  `json:"url"`
}

// FeedServerDTO says where feeds are served.
type FeedServerDTO struct {
	Running bool   `json:"running"`
	BaseURL string `json:"baseUrl"`
	Note    string `json:"note"`
}

// ImportTargetDTO says where imported events go: kind holidays (a region)
// or timeoff (a person).
type ImportTargetDTO struct {
	Kind        string `json:"kind"`
	RegionID    string `json:"regionId"`
	RegionName  string `json:"regionName"` // holidays into a new region of this name
	PersonID    string `json:"personId"`
	TimeOffKind string `json:"timeOffKind"`
	Calendar    string `json:"calendar"`
}

// PreviewDTO is what an import would do; apply it with ApplyImport(token).
type PreviewDTO struct {
	Token   string            `json:"token"`
	Preview *calendar.Preview `json:"preview"`
}

func (a *CalendarAPI) export(scope ScopeDTO, w Window, alarmMinutes int) (ExportDTO, error) {
	ws, err := a.s.workspace()
	if err != nil {
		return ExportDTO{}, err
	}
	sc, err := scope.scope()
	if err != nil {
		return ExportDTO{}, err
	}
	from, to, err := w.parse()
	if err != nil {
		return ExportDTO{}, err
	}
	if alarmMinutes < 0 || alarmMinutes > 7*24*60 {
		return ExportDTO{}, errs.FieldErr("alarm", "A reminder between 0 minutes and a week before each shift.")
	}
	var b strings.Builder
	res, err := ws.Calendar.Export(&b, sc, from, to, calendar.ExportOptions{Alarm: time.Duration(alarmMinutes) * time.Minute})
	if err != nil {
		return ExportDTO{}, err
	}
	return ExportDTO{ICS: b.String(), Name: res.Name, Events: res.Events, Cancelled: res.Cancelled, Changed: res.Changed}, nil
}

// ExportICS renders the calendar of a scope for the window.
func (a *CalendarAPI) ExportICS(scope ScopeDTO, w Window, alarmMinutes int) (ExportDTO, error) {
	out, err := a.export(scope, w, alarmMinutes)
	return out, toAPI(a.s.log, "calendar.ExportICS", err)
}

// SaveICS asks where to save (a native dialog) and writes the calendar there.
// An empty path in the result means the user cancelled.
func (a *CalendarAPI) SaveICS(scope ScopeDTO, w Window, alarmMinutes int) (ExportDTO, error) {
	out, err := a.export(scope, w, alarmMinutes)
	if err != nil {
		return out, toAPI(a.s.log, "calendar.SaveICS", err)
	}
	if a.s.dialogs == nil {
		return out, toAPI(a.s.log, "calendar.SaveICS", errs.E(errs.Unavailable, "Saving needs the desktop app's file dialog."))
	}
	path, err := a.s.dialogs.SaveFile(FileName(out.Name+".ics"), "iCalendar (*.ics)", "*.ics")
	if err != nil || path == "" {
		return ExportDTO{}, toAPI(a.s.log, "calendar.SaveICS", err)
	}
	if err := store.WriteFileAtomic(path, func(f io.Writer) error {
		_, err := io.WriteString(f, out.ICS)
		return err
	}); err != nil {
		return ExportDTO{}, toAPI(a.s.log, "calendar.SaveICS", errs.E(errs.Unavailable, "Cannot write %s: %v", path, err))
	}
	out.Path, out.ICS = path, ""
	return out, nil
}

func feedDTO(f calendar.Feed) FeedDTO {
	return FeedDTO{ID: f.ID.String(), Name: f.Name, Scope: ScopeDTO{Kind: f.Scope.Kind, ID: str(f.Scope.ID)},
		CreatedAt: ts(f.CreatedAt), RevokedAt: ts(f.RevokedAt), LastFetchedAt: ts(f.LastFetchedAt), Fetches: f.Fetches}
}

// Feeds lists the subscriptions (revoked ones too).
func (a *CalendarAPI) Feeds() ([]FeedDTO, error) {
	ws, err := a.s.workspace()
	if err != nil {
		return nil, toAPI(a.s.log, "calendar.Feeds", err)
	}
	fs, err := ws.Calendar.Feeds()
	out := make([]FeedDTO, 0, len(fs))
	for _, f := range fs {
		out = append(out, feedDTO(f))
	}
	return out, toAPI(a.s.log, "calendar.Feeds", err)
}

// CreateFeed makes a subscription URL for a scope. The URL is shown once.
func (a *CalendarAPI) CreateFeed(scope ScopeDTO, name string) (NewFeedDTO, error) {
	ws, err := a.s.workspace()
	if err != nil {
		return NewFeedDTO{}, toAPI(a.s.log, "calendar.CreateFeed", err)
	}
	sc, err := scope.scope()
	if err != nil {
		return NewFeedDTO{}, toAPI(a.s.log, "calendar.CreateFeed", err)
	}
	base, err := a.s.feeds.start()
	if err != nil {
		return NewFeedDTO{}, toAPI(a.s.log, "calendar.CreateFeed", err)
	}
	f, token, err := ws.Calendar.CreateFeed(sc, name)
	if err != nil {
		return NewFeedDTO{}, toAPI(a.s.log, "calendar.CreateFeed", err)
	}
	return NewFeedDTO{Feed: feedDTO(f), URL: base + calendar.FeedPath(token)}, nil
}

// RevokeFeed stops a subscription: its URL answers 404 from now on.
func (a *CalendarAPI) RevokeFeed(feedID string) error {
	ws, err := a.s.workspace()
	if err != nil {
		return toAPI(a.s.log, "calendar.RevokeFeed", err)
	}
	u, err := parseID("id", feedID)
	if err == nil {
		err = ws.Calendar.RevokeFeed(u)
	}
	return toAPI(a.s.log, "calendar.RevokeFeed", err)
}

// FeedServer says where subscriptions are served.
func (a *CalendarAPI) FeedServer() FeedServerDTO {
	base, err := a.s.feeds.start()
	if err != nil {
		return FeedServerDTO{Note: errs.MessageOf(err)}
	}
	return FeedServerDTO{Running: true, BaseURL: base, Note: a.s.feeds.note}
}

// PreviewImport parses a calendar file's text (read by the UI from a file
// the user chose) and says what importing it would change. Nothing is
// written until ApplyImport.
func (a *CalendarAPI) PreviewImport(content, fileName string, target ImportTargetDTO) (PreviewDTO, error) {
	ws, err := a.s.workspace()
	if err != nil {
		return PreviewDTO{}, toAPI(a.s.log, "calendar.PreviewImport", err)
	}
	t := calendar.Target{Kind: target.Kind, Calendar: strings.TrimSpace(target.Calendar)}
	t.TimeOffKind = oncallKind(target.TimeOffKind)
	if t.RegionID, err = parseID("regionId", target.RegionID); err == nil {
		t.PersonID, err = parseID("personId", target.PersonID)
	}
	if err == nil && t.Kind == "holidays" && t.RegionID.IsZero() && strings.TrimSpace(target.RegionName) != "" {
		var r regionRef
		if r, err = a.ensureRegion(strings.TrimSpace(target.RegionName)); err == nil {
			t.RegionID = r.id
		}
	}
	if err == nil && t.Calendar == "" && fileName != "" {
		t.Calendar = strings.TrimSuffix(fileName, ".ics")
	}
	var p *calendar.Preview
	if err == nil {
		p, err = ws.Calendar.Preview(strings.NewReader(content), t)
	}
	if err != nil {
		return PreviewDTO{}, toAPI(a.s.log, "calendar.PreviewImport", err)
	}
	return PreviewDTO{Token: a.s.previews.put(p), Preview: p}, nil
}

// ApplyImport writes a previewed import (all of it or nothing).
func (a *CalendarAPI) ApplyImport(token string) (calendar.ApplyResult, error) {
	ws, err := a.s.workspace()
	if err != nil {
		return calendar.ApplyResult{}, toAPI(a.s.log, "calendar.ApplyImport", err)
	}
	p := a.s.previews.take(token)
	if p == nil {
		return calendar.ApplyResult{}, toAPI(a.s.log, "calendar.ApplyImport",
			errs.E(errs.NotFound, "That preview has expired; preview the file again."))
	}
	res, err := ws.Calendar.Apply(p)
	if err == nil {
		a.s.afterChange()
	}
	return res, toAPI(a.s.log, "calendar.ApplyImport", err)
}

type regionRef struct{ id id.ID }

func (a *CalendarAPI) ensureRegion(name string) (regionRef, error) {
	ws, err := a.s.workspace()
	if err != nil {
		return regionRef{}, err
	}
	if r, err := ws.OnCall.RegionByName(name); err == nil {
		return regionRef{r.ID}, nil
	}
	r, err := ws.OnCall.SaveRegion(oncallRegion(name))
	return regionRef{r.ID}, err
}

// previewStore keeps import previews between preview and apply.
type previewStore struct {
	mu sync.Mutex
	m  map[string]*calendar.Preview
	n  int
}

func (p *previewStore) put(pr *calendar.Preview) string {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.m == nil || len(p.m) > 8 { // keep a few; older ones expire
		p.m = map[string]*calendar.Preview{}
	}
	p.n++
	tok := strconv.Itoa(p.n) + "-" + pr.Fingerprint[:12]
	p.m[tok] = pr
	return tok
}

func (p *previewStore) take(tok string) *calendar.Preview {
	p.mu.Lock()
	defer p.mu.Unlock()
	pr := p.m[tok]
	delete(p.m, tok)
	return pr
}

// feedServer serves the open workspace's feeds on 127.0.0.1, started on
// first use. The port stays the same across runs (WHEELHOUSE_FEED_PORT,
// default 47831) so subscribed calendars keep working; if it is taken, an
// ephemeral port is used and the note says so.
type feedServer struct {
	s    *Shell
	mu   sync.Mutex
	srv  *calendar.Server
	base string
	note string
}

// DefaultFeedPort is where subscription feeds are served.
const DefaultFeedPort = 47831

func (f *feedServer) start() (string, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.srv != nil {
		return f.base, nil
	}
	port := DefaultFeedPort
	if v := f.s.getenv("WHEELHOUSE_FEED_PORT"); v != "" {
		if p, err := strconv.Atoi(v); err == nil {
			port = p
		}
	}
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ws, err := f.s.workspace()
		if err != nil {
			http.Error(w, "no workspace is open", http.StatusServiceUnavailable)
			return
		}
		ws.Calendar.Handler().ServeHTTP(w, r)
	})
	srv := calendar.NewServer(h, port)
	base, err := srv.Start()
	if err != nil && port != 0 {
		srv = calendar.NewServer(h, 0)
		if base, err = srv.Start(); err == nil {
			f.note = fmt.Sprintf("Port %d was taken, so feeds use %s for now; subscriptions made now stop working when Wheelhouse restarts.", port, base)
		}
	}
	if err != nil {
		return "", err
	}
	f.srv, f.base = srv, base
	return base, nil
}

func (f *feedServer) stop() {
	f.mu.Lock()
	srv := f.srv
	f.srv, f.base = nil, ""
	f.mu.Unlock()
	if srv != nil {
		ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
		defer cancel()
		_ = srv.Stop(ctx)
	}
}

func oncallKind(k string) oncall.TimeOffKind { return oncall.TimeOffKind(k) }

func oncallRegion(name string) oncall.Region { return oncall.Region{Name: name} }
