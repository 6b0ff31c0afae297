package app

import (
	"strings"
	"time"

	"wheelhouse/backend/calendar"
	"wheelhouse/backend/errs"
	"wheelhouse/backend/oncall"
	"wheelhouse/backend/workspace"
)

// CalendarAPI is bound to the frontend: on-call schedules out as iCalendar
// (files and local subscription feeds) and holiday / time-off calendars in.
type CalendarAPI struct{ s *Shell }

// NewCalendarAPI binds to shell s.
func NewCalendarAPI(s *Shell) *CalendarAPI { return &CalendarAPI{s} }

// ScopeDTO says what an export or feed covers: kind rotation|person|schedule|team
// (schedule: a team's final schedule; id is the team).
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

func (a *CalendarAPI) export(w *workspace.Workspace, scope ScopeDTO, win Window, alarmMinutes int) (ExportDTO, error) {
	sc, err := scope.scope()
	if err != nil {
		return ExportDTO{}, err
	}
	from, to, err := win.parse()
	if err != nil {
		return ExportDTO{}, err
	}
	if alarmMinutes < 0 || alarmMinutes > 7*24*60 {
		return ExportDTO{}, errs.FieldErr("alarm", "A reminder between 0 minutes and a week before each shift.")
	}
	var b strings.Builder
	res, err := w.Calendar.Export(&b, sc, from, to, calendar.ExportOptions{Alarm: time.Duration(alarmMinutes) * time.Minute})
	if err != nil {
		return ExportDTO{}, err
	}
	return ExportDTO{ICS: b.String(), Name: res.Name, Events: res.Events, Cancelled: res.Cancelled, Changed: res.Changed}, nil
}

// ExportICS renders the calendar of a scope for the window.
func (a *CalendarAPI) ExportICS(scope ScopeDTO, win Window, alarmMinutes int) (ExportDTO, error) {
	return read(a.s, "calendar.ExportICS", func(w *workspace.Workspace) (ExportDTO, error) {
		return a.export(w, scope, win, alarmMinutes)
	})
}

// SaveICS asks where to save (a native dialog) and writes the calendar there.
// An empty path in the result means the user cancelled.
func (a *CalendarAPI) SaveICS(scope ScopeDTO, win Window, alarmMinutes int) (ExportDTO, error) {
	return read(a.s, "calendar.SaveICS", func(w *workspace.Workspace) (ExportDTO, error) {
		out, err := a.export(w, scope, win, alarmMinutes)
		if err != nil {
			return out, err
		}
		if out.Path, err = a.s.saveText(out.Name+".ics", "iCalendar (*.ics)", "*.ics", out.ICS); err != nil || out.Path == "" {
			return ExportDTO{}, err
		}
		out.ICS = ""
		return out, nil
	})
}

func feedDTO(f calendar.Feed) FeedDTO {
	return FeedDTO{ID: f.ID.String(), Name: f.Name, Scope: ScopeDTO{Kind: f.Scope.Kind, ID: str(f.Scope.ID)},
		CreatedAt: ts(f.CreatedAt), RevokedAt: ts(f.RevokedAt), LastFetchedAt: ts(f.LastFetchedAt), Fetches: f.Fetches}
}

// Feeds lists the subscriptions (revoked ones too).
func (a *CalendarAPI) Feeds() ([]FeedDTO, error) {
	return read(a.s, "calendar.Feeds", func(w *workspace.Workspace) ([]FeedDTO, error) {
		fs, err := w.Calendar.Feeds()
		return each(fs, feedDTO), err
	})
}

// CreateFeed makes a subscription URL for a scope. The URL is shown once.
func (a *CalendarAPI) CreateFeed(scope ScopeDTO, name string) (NewFeedDTO, error) {
	return write(a.s, "calendar.CreateFeed", func(w *workspace.Workspace) (NewFeedDTO, error) {
		sc, err := scope.scope()
		if err != nil {
			return NewFeedDTO{}, err
		}
		base, err := a.s.feeds.Start()
		if err != nil {
			return NewFeedDTO{}, err
		}
		f, token, err := w.Calendar.CreateFeed(sc, name)
		if err != nil {
			return NewFeedDTO{}, err
		}
		return NewFeedDTO{Feed: feedDTO(f), URL: base + calendar.FeedPath(token)}, nil
	})
}

// RevokeFeed stops a subscription: its URL answers 404 from now on.
func (a *CalendarAPI) RevokeFeed(feedID string) error {
	return change(a.s, "calendar.RevokeFeed", func(w *workspace.Workspace) error { return byID("id", feedID, w.Calendar.RevokeFeed) })
}

// FeedServer says where subscriptions are served.
func (a *CalendarAPI) FeedServer() FeedServerDTO {
	base, err := a.s.feeds.Start()
	if err != nil {
		return FeedServerDTO{Note: errs.MessageOf(err)}
	}
	return FeedServerDTO{Running: true, BaseURL: base, Note: a.s.feeds.Note()}
}

// PreviewImport parses a calendar file's text (read by the UI from a file
// the user chose) and says what importing it would change. Holidays into a
// region named but not yet made (target.regionName) make it, once the file
// is read and accepted; nothing else is written until ApplyImport.
func (a *CalendarAPI) PreviewImport(content, fileName string, target ImportTargetDTO) (PreviewDTO, error) {
	return read(a.s, "calendar.PreviewImport", func(w *workspace.Workspace) (PreviewDTO, error) {
		t, err := target.target()
		if err != nil {
			return PreviewDTO{}, err
		}
		if t.Calendar = strings.TrimSpace(target.Calendar); t.Calendar == "" && fileName != "" {
			t.Calendar = strings.TrimSuffix(fileName, ".ics")
		}
		p, _, err := w.Calendar.PreviewInto(calendar.Source{Text: content}, t, target.RegionName)
		if err != nil {
			return PreviewDTO{}, err
		}
		return PreviewDTO{Token: a.s.previews.Put(p), Preview: p}, nil
	})
}

// ApplyImport writes a previewed import (all of it or nothing).
func (a *CalendarAPI) ApplyImport(token string) (calendar.ApplyResult, error) {
	return write(a.s, "calendar.ApplyImport", func(w *workspace.Workspace) (calendar.ApplyResult, error) {
		p := a.s.previews.Take(token)
		if p == nil {
			return calendar.ApplyResult{}, errs.E(errs.NotFound, "That preview has expired; preview the file again.")
		}
		return w.Calendar.Apply(p)
	})
}

// target is where imported events go, but for the calendar's name; a region
// named but not yet made is left to PreviewInto or SaveSubscriptionInto.
func (d ImportTargetDTO) target() (calendar.Target, error) {
	t := calendar.Target{Kind: d.Kind, TimeOffKind: oncall.TimeOffKind(d.TimeOffKind)}
	var err error
	if t.RegionID, err = parseID("regionId", d.RegionID); err == nil {
		t.PersonID, err = parseID("personId", d.PersonID)
	}
	return t, err
}
