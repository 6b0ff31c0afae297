package app

import (
	"context"
	"regexp"
	"strings"
	"time"

	"wheelhouse/backend/errs"
	"wheelhouse/backend/publish"
	"wheelhouse/backend/secrets"
	"wheelhouse/backend/workspace"
)

// PublishAPI is bound to the frontend: on-call calendars published to a
// CalDAV server (issue 13, backend/publish, decision 0025). The use cases
// live in backend/publish; the shell runs them after shift edits and on a
// schedule (publish.go).
type PublishAPI struct{ s *Shell }

// NewPublishAPI binds to shell s.
func NewPublishAPI(s *Shell) *PublishAPI { return &PublishAPI{s} }

// PublicationInputDTO is the add/edit form. An empty password keeps the
// stored one.
type PublicationInputDTO struct {
	Name         string   `json:"name"`
	URL          string   `json:"url"`
	User         string   `json:"user"`
	Password     string   `json:"password"`
	Scope        ScopeDTO `json:"scope"`
	PerEngineer  bool     `json:"perEngineer"`
	BackDays     int      `json:"backDays"`
	AheadDays    int      `json:"aheadDays"`
	AlarmMinutes int      `json:"alarmMinutes"`
	TrustSHA256  string   `json:"trustSha256"`
	OnConflict   string   `json:"onConflict"`
}

// PublishCountsDTO is what a run did.
type PublishCountsDTO struct {
	Created   int `json:"created"`
	Updated   int `json:"updated"`
	Deleted   int `json:"deleted"`
	Unchanged int `json:"unchanged"`
	Conflicts int `json:"conflicts"`
}

// PublishConflictDTO is a server copy someone edited, waiting for a choice.
type PublishConflictDTO struct {
	UID     string `json:"uid"`
	At      string `json:"at"`
	Ours    string `json:"ours"`
	Theirs  string `json:"theirs"`
	Removed bool   `json:"removed"`
}

// PublicationDTO is a publication with its status (never its password).
type PublicationDTO struct {
	Name         string   `json:"name"`
	URL          string   `json:"url"`
	User         string   `json:"user"`
	Scope        ScopeDTO `json:"scope"`
	PerEngineer  bool     `json:"perEngineer"`
	BackDays     int      `json:"backDays"`
	AheadDays    int      `json:"aheadDays"`
	AlarmMinutes int      `json:"alarmMinutes"`
	TrustSHA256  string   `json:"trustSha256"`
	OnConflict   string   `json:"onConflict"`
	// PasswordIn: "keyring", "workspace" or "" (none).
	PasswordIn    string `json:"passwordIn"`
	Collections   int    `json:"collections"` // calendars it writes to on the server (known after a run)
	LastRunAt     string `json:"lastRunAt"`
	LastSuccessAt string `json:"lastSuccessAt"`
	LastError     string `json:"lastError"`
	LastErrorAt   string `json:"lastErrorAt"`
	// UntrustedCertificate: the last run was refused by a certificate this
	// computer does not trust; its SHA-256 (colon-separated hex), for the
	// explicit "Trust this certificate" action.
	UntrustedCertificate string               `json:"untrustedCertificate"`
	Last                 PublishCountsDTO     `json:"last"`
	Waiting              int                  `json:"waiting"` // requests the next run would send
	Conflicts            []PublishConflictDTO `json:"conflicts"`
	Running              bool                 `json:"running"`
}

// PasswordPlaceDTO says where a password typed now would be kept.
type PasswordPlaceDTO struct {
	// Place: "keyring" (the OS keyring) or "workspace".
	Place string `json:"place"`
	// Encrypted: the workspace is encrypted (matters when Place is "workspace").
	Encrypted bool `json:"encrypted"`
	// Why the keyring cannot be used ("" when it can).
	Reason string `json:"reason"`
}

// PublishProgressDTO is how far a run is (event "publish:progress").
type PublishProgressDTO struct {
	Name   string           `json:"name"`
	Done   int              `json:"done"`
	Total  int              `json:"total"`
	Counts PublishCountsDTO `json:"counts"`
}

// PublishResultDTO is a finished run.
type PublishResultDTO struct {
	Counts      PublishCountsDTO `json:"counts"`
	Publication PublicationDTO   `json:"publication"`
}

// fingerprintRe finds the certificate fingerprint in backend/caldav's TLS
// messages ("… SHA-256 fingerprint is AB:CD:…" or "… it has SHA-256 AB:…").
var fingerprintRe = regexp.MustCompile(`SHA-256 (?:fingerprint is )?((?:[0-9A-F]{2}:){31}[0-9A-F]{2})`)

func untrustedCertificate(msg string) string {
	if m := fingerprintRe.FindStringSubmatch(msg); m != nil {
		return m[1]
	}
	return ""
}

func countsDTO(c publish.Counts) PublishCountsDTO {
	return PublishCountsDTO{Created: c.Created, Updated: c.Updated, Deleted: c.Deleted, Unchanged: c.Unchanged, Conflicts: c.Conflicts}
}

func publicationDTO(v publish.View, running bool) PublicationDTO {
	p := v.Publication
	d := PublicationDTO{Name: p.Name, URL: p.URL, User: p.User, Scope: ScopeDTO{Kind: p.Scope.Kind, ID: str(p.Scope.ID)},
		PerEngineer: p.PerEngineer, BackDays: p.BackDays, AheadDays: p.AheadDays, AlarmMinutes: p.AlarmMinutes,
		TrustSHA256: p.TrustSHA256, OnConflict: p.OnConflict, PasswordIn: p.PasswordIn, Collections: len(p.Collections),
		LastRunAt: ts(p.Status.LastRunAt), LastSuccessAt: ts(p.Status.LastSuccessAt), LastError: p.Status.LastError,
		LastErrorAt: ts(p.Status.LastErrorAt), Last: countsDTO(p.Status.Last), Waiting: v.Waiting, Running: running,
		Conflicts: make([]PublishConflictDTO, 0, len(v.Conflicts))}
	d.UntrustedCertificate = untrustedCertificate(d.LastError)
	for _, c := range v.Conflicts {
		d.Conflicts = append(d.Conflicts, PublishConflictDTO{UID: c.UID, At: ts(c.At), Ours: c.Ours, Theirs: c.Theirs, Removed: c.Removed})
	}
	return d
}

func (a *PublishAPI) view(w *workspace.Workspace, name string) (PublicationDTO, error) {
	v, err := a.s.publisher(w).Status(name)
	if err != nil {
		return PublicationDTO{}, err
	}
	return publicationDTO(v, a.s.pub.isRunning(v.Name)), nil
}

// List returns the publications (one-off CLI runs left out) with their
// status: last success, changes waiting, last error, conflicts.
func (a *PublishAPI) List() ([]PublicationDTO, error) {
	return readList(a.s, "publish.List", func(w *workspace.Workspace) ([]PublicationDTO, error) {
		ps, err := a.s.publisher(w).List()
		if err != nil {
			return nil, err
		}
		out := make([]PublicationDTO, 0, len(ps))
		for _, p := range ps {
			if p.OneOff {
				continue
			}
			d, err := a.view(w, p.Name)
			if err != nil {
				return nil, err
			}
			out = append(out, d)
		}
		return out, nil
	})
}

// Status is one publication's status (no network).
func (a *PublishAPI) Status(name string) (PublicationDTO, error) {
	return read(a.s, "publish.Status", func(w *workspace.Workspace) (PublicationDTO, error) { return a.view(w, name) })
}

// PasswordPlace says where a password saved now would be kept: the OS
// keyring when it answers (within a few seconds), else the workspace.
func (a *PublishAPI) PasswordPlace() (PasswordPlaceDTO, error) {
	return read(a.s, "publish.PasswordPlace", func(w *workspace.Workspace) (PasswordPlaceDTO, error) {
		out := PasswordPlaceDTO{Place: publish.PasswordWorkspace, Encrypted: w.Store.Encrypted()}
		ks := a.s.keyring()
		if ks == nil {
			out.Reason = "The OS keyring is switched off (WHEELHOUSE_NO_KEYRING)."
			return out, nil
		}
		if err := secrets.Probe(ks.Store); err != nil {
			out.Reason = err.Error()
			return out, nil
		}
		out.Place = publish.PasswordKeyring
		return out, nil
	})
}

// Save adds a publication or changes the one with the same name (a new
// password replaces the stored one; empty keeps it). Nothing is sent: the
// next run (Publish now, after an edit, or the schedule) does.
func (a *PublishAPI) Save(in PublicationInputDTO) (PublicationDTO, error) {
	return read(a.s, "publish.Save", func(w *workspace.Workspace) (PublicationDTO, error) {
		sc, err := in.Scope.scope()
		if err != nil {
			return PublicationDTO{}, err
		}
		p, err := a.s.publisher(w).Save(publish.Input{Name: in.Name, URL: in.URL, User: in.User, Password: in.Password,
			Scope: sc, PerEngineer: in.PerEngineer, BackDays: in.BackDays, AheadDays: in.AheadDays,
			AlarmMinutes: in.AlarmMinutes, TrustSHA256: strings.TrimSpace(in.TrustSHA256), OnConflict: in.OnConflict})
		if err != nil {
			return PublicationDTO{}, err
		}
		return a.view(w, p.Name)
	})
}

// TrustCertificate pins the certificate the last run was refused by (its
// SHA-256 as shown) for this publication only.
func (a *PublishAPI) TrustCertificate(name, sha256 string) (PublicationDTO, error) {
	return read(a.s, "publish.TrustCertificate", func(w *workspace.Workspace) (PublicationDTO, error) {
		svc := a.s.publisher(w)
		p, err := svc.Get(name)
		if err != nil {
			return PublicationDTO{}, err
		}
		if strings.TrimSpace(sha256) == "" {
			return PublicationDTO{}, errs.FieldErr("trustSha256", "There is no certificate to trust.")
		}
		_, err = svc.Save(publish.Input{Name: p.Name, URL: p.URL, User: p.User, Scope: p.Scope, PerEngineer: p.PerEngineer,
			BackDays: p.BackDays, AheadDays: p.AheadDays, AlarmMinutes: p.AlarmMinutes, TrustSHA256: strings.TrimSpace(sha256),
			NoCreate: p.NoCreate, OnConflict: p.OnConflict})
		if err != nil {
			return PublicationDTO{}, err
		}
		return a.view(w, p.Name)
	})
}

// Remove forgets a publication, its sync state and its keyring entry. What
// it published stays on the server.
func (a *PublishAPI) Remove(name string) error {
	return change(a.s, "publish.Remove", func(w *workspace.Workspace) error { return a.s.publisher(w).Remove(name) })
}

// Publish runs one publication now, reporting progress as the event
// "publish:progress", and returns what it did with the status after it.
func (a *PublishAPI) Publish(name string) (PublishResultDTO, error) {
	return read(a.s, "publish.Publish", func(w *workspace.Workspace) (PublishResultDTO, error) {
		c, err := a.s.publishOne(w, name)
		if err != nil {
			return PublishResultDTO{}, err
		}
		v, err := a.view(w, name)
		return PublishResultDTO{Counts: countsDTO(c), Publication: v}, err
	})
}

// Resolve settles a publication's conflicts (uid "": all of them): "ours"
// sends our version over theirs on the next run, "theirs" keeps the
// server's until the shift changes here. A publication resolved "ours" is
// published at once.
func (a *PublishAPI) Resolve(name, uid, choice string) (PublicationDTO, error) {
	return read(a.s, "publish.Resolve", func(w *workspace.Workspace) (PublicationDTO, error) {
		if _, err := a.s.publisher(w).Resolve(name, uid, choice); err != nil {
			return PublicationDTO{}, err
		}
		if choice == publish.ConflictOurs {
			a.s.pub.soon(a.s, 0)
		}
		return a.view(w, name)
	})
}

// publishOne runs one publication with progress events.
func (s *Shell) publishOne(w *workspace.Workspace, name string) (publish.Counts, error) {
	s.pub.mark(name, true)
	defer s.pub.mark(name, false)
	var last time.Time
	return s.publisher(w).Publish(context.Background(), name, func(p publish.Progress) {
		if now := time.Now(); now.Sub(last) >= 100*time.Millisecond || p.Done == p.Total {
			last = now
			s.emit(EventPublishProgress, PublishProgressDTO{Name: name, Done: p.Done, Total: p.Total, Counts: countsDTO(p.Counts)})
		}
	})
}
