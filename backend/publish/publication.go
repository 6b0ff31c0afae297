// Package publish publishes on-call calendars to CalDAV servers (issue 13):
// publication records (where, as whom, what, which window, alarms), the
// password in the OS keyring or the workspace, per-resource sync state
// (href, UID, content fingerprint, ETag) and the Publish use case that sends
// only what changed. The app and the CLI bind it thinly. See
// docs/decisions/0025-caldav-publish.md.
package publish

import (
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/caldav"
	"wheelhouse/backend/calendar"
	"wheelhouse/backend/clock"
	"wheelhouse/backend/errs"
	"wheelhouse/backend/id"
	"wheelhouse/backend/oncall"
	"wheelhouse/backend/store"
)

// Store prefixes (backend/store/keys.go, docs/data-format.md).
const (
	PrefixPublication  = store.PrefixCalPublication
	IdxPublicationName = store.IdxCalPublicationName
	PrefixResource     = store.PrefixCalPubResource
)

// Conflict policies: what a run does when the server copy of a resource
// was edited by someone else (412 on update).
const (
	ConflictAsk    = "ask"    // report it, leave both alone until the manager chooses
	ConflictOurs   = "ours"   // overwrite the server copy
	ConflictTheirs = "theirs" // keep the server copy until the shift changes here
)

// Where the password lives.
const (
	PasswordNone      = ""          // none (a one-off run from the CLI)
	PasswordKeyring   = "keyring"   // the OS keyring (Secret Service, Keychain, Credential Manager)
	PasswordWorkspace = "workspace" // inside the workspace: encrypted only if the workspace is
)

// Defaults of a publication's window and alarm.
const (
	DefaultBackDays  = 14
	DefaultAheadDays = 183
	MaxAheadDays     = 3 * 366
	MaxAlarmMinutes  = 7 * 24 * 60
)

// Publication is where and what to publish. The password is never
// returned by List/Get (Password is emptied) and never exported.
type Publication struct {
	ID    id.ID          `json:"id" ts_type:"string"`
	Name  string         `json:"name"`
	URL   string         `json:"url"` // a calendar collection, or a server/home for discovery
	User  string         `json:"user"`
	Scope calendar.Scope `json:"scope"`
	// PerEngineer publishes each engineer's shifts to a collection of
	// their own (next to the URL's collection, or in the home set) instead
	// of one shared calendar with names in the summaries.
	PerEngineer bool `json:"perEngineer,omitempty"`
	// The window: BackDays before today to AheadDays after, unless From and
	// To are set (one-off runs).
	BackDays  int       `json:"backDays"`
	AheadDays int       `json:"aheadDays"`
	From      time.Time `json:"from,omitzero" ts_type:"string"`
	To        time.Time `json:"to,omitzero" ts_type:"string"`
	// AlarmMinutes: a display alarm this long before each shift (0: none).
	AlarmMinutes int `json:"alarmMinutes"`
	// TrustSHA256 pins the server's certificate (hex SHA-256 of the leaf)
	// when the system does not trust it.
	TrustSHA256 string `json:"trustSha256,omitempty"`
	// NoCreate: a missing collection is an error instead of MKCALENDAR.
	NoCreate   bool   `json:"noCreate,omitempty"`
	OnConflict string `json:"onConflict"`
	PasswordIn string `json:"passwordIn"`
	// Password is kept here only when PasswordIn is "workspace".
	Password string `json:"password,omitempty"`
	// OneOff marks the record a CLI one-off run keeps its sync state under.
	OneOff bool `json:"oneOff,omitempty"`
	// Collections: the resolved collection URLs ("" shared, else person id).
	Collections map[string]string `json:"collections,omitempty"`
	CreatedAt   time.Time         `json:"createdAt" ts_type:"string"`
	UpdatedAt   time.Time         `json:"updatedAt" ts_type:"string"`
	Status      Status            `json:"status"`
}

// Status is what the last runs left.
type Status struct {
	LastRunAt     time.Time `json:"lastRunAt,omitzero" ts_type:"string"`
	LastSuccessAt time.Time `json:"lastSuccessAt,omitzero" ts_type:"string"`
	LastError     string    `json:"lastError,omitempty"`
	LastErrorAt   time.Time `json:"lastErrorAt,omitzero" ts_type:"string"`
	// UntrustedSHA256: the last run was refused by a certificate this
	// computer does not trust; its SHA-256 (as caldav.Fingerprint writes
	// it), for the manager to compare and trust (Service.Trust).
	UntrustedSHA256 string `json:"untrustedSha256,omitempty"`
	Last            Counts `json:"last"`
}

// Counts is what a run did.
type Counts struct {
	Created   int `json:"created"`
	Updated   int `json:"updated"`
	Deleted   int `json:"deleted"`
	Unchanged int `json:"unchanged"`
	Conflicts int `json:"conflicts"`
}

// Publications is the publication table.
var Publications = &store.Table[Publication]{
	Name: "publication", Prefix: PrefixPublication,
	ID: func(p *Publication) id.ID { return p.ID },
	Indexes: []store.Index[Publication]{
		{Prefix: IdxPublicationName, Terms: func(p *Publication) [][]byte { return [][]byte{store.Term(store.Fold(p.Name))} }},
	},
}

// Input is a publication as a form or the CLI gives it.
type Input struct {
	Name         string         `json:"name"`
	URL          string         `json:"url"`
	User         string         `json:"user"`
	Password     string         `json:"password"` // "" keeps the stored one
	Scope        calendar.Scope `json:"scope"`
	PerEngineer  bool           `json:"perEngineer"`
	BackDays     int            `json:"backDays"`
	AheadDays    int            `json:"aheadDays"`
	AlarmMinutes int            `json:"alarmMinutes"`
	TrustSHA256  string         `json:"trustSha256"`
	NoCreate     bool           `json:"noCreate"`
	OnConflict   string         `json:"onConflict"`
}

// Secrets keeps passwords outside the workspace.
type Secrets interface {
	Set(key, password string) error
	Get(key string) (string, error)
	Delete(key string) error
}

// Service is the publish use case over a workspace store.
type Service struct {
	st    *store.Store
	clock clock.Clock
	log   *slog.Logger
	// Secrets is the OS keyring (nil: passwords stay in the workspace).
	Secrets Secrets
	// Transport, if set, carries the CalDAV requests (tests).
	Transport http.RoundTripper
	// Workers is how many requests run at once (0: 4).
	Workers int
	// Timeout bounds one request (0: 60 s).
	Timeout time.Duration

	mu      sync.Mutex
	running map[id.ID]bool
}

// NewService builds the service.
func NewService(st *store.Store, c clock.Clock, log *slog.Logger) *Service {
	if c == nil {
		c = clock.Real{}
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Service{st: st, clock: c, log: log, running: map[id.ID]bool{}}
}

func keyringKey(u id.ID) string { return "caldav-publication-" + u.String() }

func validate(in *Input) error {
	var c errs.Collector
	in.Name = strings.TrimSpace(in.Name)
	in.URL = strings.TrimSpace(in.URL)
	in.User = strings.TrimSpace(in.User)
	if in.Name == "" {
		c.Add("name", "Give the publication a name.")
	}
	c.MaxLen("name", "Name", in.Name, oncall.MaxName)
	c.MaxLen("user", "User", in.User, 256)
	c.MaxLen("password", "Password", in.Password, 1024)
	if u, err := url.Parse(in.URL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		c.Add("url", "Give the http or https URL of a calendar (or of the server, to find your calendars).")
	} else if u.User != nil {
		c.Add("url", "Put the user name and password in their fields, not in the URL.")
	}
	c.MaxLen("url", "URL", in.URL, 2048)
	if err := in.Scope.Validate(); err != nil {
		c.Merge("", err)
	}
	if in.PerEngineer && in.Scope.Kind == calendar.ScopePerson {
		c.Add("perEngineer", "One calendar per engineer needs a rotation, a schedule or the team, not one person.")
	}
	if in.BackDays == 0 && in.AheadDays == 0 {
		in.BackDays, in.AheadDays = DefaultBackDays, DefaultAheadDays
	}
	if in.BackDays < 0 || in.BackDays > 366 {
		c.Add("backDays", "Publish from 0 to 366 days back.")
	}
	if in.AheadDays < 1 || in.AheadDays > MaxAheadDays {
		c.Add("aheadDays", "Publish from 1 to %d days ahead.", MaxAheadDays)
	}
	if in.AlarmMinutes < 0 || in.AlarmMinutes > MaxAlarmMinutes {
		c.Add("alarmMinutes", "An alarm from 0 minutes (none) to 7 days before the shift.")
	}
	if in.TrustSHA256 != "" {
		if _, err := caldav.ParseFingerprint(in.TrustSHA256); err != nil {
			c.Add("trustSha256", "%s", errs.MessageOf(err))
		}
	}
	switch in.OnConflict {
	case "":
		in.OnConflict = ConflictAsk
	case ConflictAsk, ConflictOurs, ConflictTheirs:
	default:
		c.Add("onConflict", "When the server copy was edited: ask, ours or theirs.")
	}
	return c.Err()
}

// Save creates a publication or updates the one with the same name. The
// password goes to the OS keyring when there is one, else into the
// workspace; an empty password keeps the stored one.
func (s *Service) Save(in Input) (Publication, error) {
	if err := validate(&in); err != nil {
		return Publication{}, err
	}
	now := s.clock.Now().UTC()
	var out Publication
	err := s.st.Update(func(txn *badger.Txn) error {
		p := Publication{ID: id.New(now), CreatedAt: now}
		if ids := store.Lookup(txn, IdxPublicationName, store.Term(store.Fold(in.Name))); len(ids) > 0 {
			var err error
			if p, err = Publications.Get(txn, ids[0]); err != nil {
				return err
			}
		}
		if p.URL != "" && (p.URL != in.URL || p.User != in.User || p.PerEngineer != in.PerEngineer || p.Scope != in.Scope) {
			// another place or another content: start over
			p.Collections = nil
			if err := dropState(txn, p.ID); err != nil {
				return err
			}
		}
		p.Name, p.URL, p.User, p.Scope, p.PerEngineer = in.Name, in.URL, in.User, in.Scope, in.PerEngineer
		p.BackDays, p.AheadDays, p.AlarmMinutes, p.TrustSHA256 = in.BackDays, in.AheadDays, in.AlarmMinutes, in.TrustSHA256
		p.NoCreate, p.OnConflict, p.UpdatedAt, p.OneOff = in.NoCreate, in.OnConflict, now, false
		p.From, p.To = time.Time{}, time.Time{}
		if in.Password != "" {
			p.PasswordIn, p.Password = PasswordWorkspace, in.Password
			if s.Secrets != nil {
				if err := s.Secrets.Set(keyringKey(p.ID), in.Password); err == nil {
					p.PasswordIn, p.Password = PasswordKeyring, ""
				} else {
					s.log.Info("no OS keyring: the publication's password stays in the workspace", "err", err)
				}
			}
		}
		out = p
		return Publications.Put(txn, &p)
	})
	if errs.Is(err, errs.Conflict) {
		return Publication{}, errs.FieldErr("name", "Another publication has this name.")
	}
	out.Password = ""
	return out, errs.Wrap("publish.Save", err)
}

// List returns the publications by name (passwords left out).
func (s *Service) List() ([]Publication, error) {
	var out []Publication
	err := s.st.View(func(txn *badger.Txn) (err error) {
		out, err = Publications.List(txn)
		return err
	})
	for i := range out {
		out[i].Password = ""
	}
	sort.Slice(out, func(i, j int) bool { return strings.ToLower(out[i].Name) < strings.ToLower(out[j].Name) })
	if out == nil {
		out = []Publication{}
	}
	return out, errs.Wrap("publish.List", err)
}

// Get finds a publication by name (password left out).
func (s *Service) Get(name string) (Publication, error) {
	p, err := s.byName(name)
	p.Password = ""
	return p, err
}

func (s *Service) byName(name string) (Publication, error) {
	var p Publication
	err := s.st.View(func(txn *badger.Txn) error {
		ids := store.Lookup(txn, IdxPublicationName, store.Term(store.Fold(name)))
		if len(ids) == 0 {
			return errs.E(errs.NotFound, "There is no publication called %q.", strings.TrimSpace(name))
		}
		var err error
		p, err = Publications.Get(txn, ids[0])
		return err
	})
	return p, errs.Wrap("publish.Get", err)
}

// Remove forgets a publication, its sync state and its keyring entry. What
// it published stays on the server.
func (s *Service) Remove(name string) error {
	p, err := s.byName(name)
	if err != nil {
		return err
	}
	err = s.st.Update(func(txn *badger.Txn) error {
		if err := dropState(txn, p.ID); err != nil {
			return err
		}
		return Publications.Delete(txn, p.ID)
	})
	if err == nil && p.PasswordIn == PasswordKeyring && s.Secrets != nil {
		if kerr := s.Secrets.Delete(keyringKey(p.ID)); kerr != nil {
			s.log.Info("keyring entry not removed", "err", kerr)
		}
	}
	return errs.Wrap("publish.Remove", err)
}

func dropState(txn *badger.Txn, pub id.ID) error {
	var keys [][]byte
	err := store.Scan(txn, store.Prefix(PrefixResource, pub), func(k []byte, _ *Resource) error {
		keys = append(keys, append([]byte(nil), k...))
		return nil
	})
	if err != nil {
		return err
	}
	for _, k := range keys {
		if err := txn.Delete(k); err != nil {
			return err
		}
	}
	return nil
}

// password finds the publication's password.
func (s *Service) password(p *Publication) (string, error) {
	switch p.PasswordIn {
	case PasswordWorkspace:
		return p.Password, nil
	case PasswordKeyring:
		if s.Secrets == nil {
			return "", errs.FieldErr("password", "The password of %q is in the OS keyring, which cannot be reached now: enter it again.", p.Name)
		}
		pw, err := s.Secrets.Get(keyringKey(p.ID))
		if err != nil {
			return "", &errs.Error{Code: errs.Invalid, Field: "password", Err: err,
				Message: "The password of \"" + p.Name + "\" is not in the OS keyring (locked or removed?): enter it again."}
		}
		return pw, nil
	}
	return "", nil
}

// Trust pins a certificate (its SHA-256, hex with or without colons) for
// one publication: its runs accept exactly that certificate from now on.
func (s *Service) Trust(name, sha256 string) (Publication, error) {
	fp, err := caldav.ParseFingerprint(sha256)
	if err != nil {
		return Publication{}, err
	}
	var out Publication
	err = s.st.Update(func(txn *badger.Txn) error {
		ids := store.Lookup(txn, IdxPublicationName, store.Term(store.Fold(name)))
		if len(ids) == 0 {
			return errs.E(errs.NotFound, "There is no publication called %q.", strings.TrimSpace(name))
		}
		p, err := Publications.Get(txn, ids[0])
		if err != nil {
			return err
		}
		p.TrustSHA256 = strings.ToUpper(fmt.Sprintf("%x", fp))
		p.UpdatedAt = s.clock.Now().UTC()
		out = p
		return Publications.Put(txn, &p)
	})
	out.Password = ""
	return out, errs.Wrap("publish.Trust", err)
}
