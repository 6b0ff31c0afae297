// Package feedback holds feedback for people in situation-behaviour-impact
// form: positive or constructive, drafted and then delivered. Drafts that sit
// too long raise a reminder (feedback must be timely), and the balance per
// person shows whether someone only hears criticism, or nothing.
package feedback

import (
	"encoding/binary"
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/clock"
	"wheelhouse/backend/errs"
	"wheelhouse/backend/id"
	"wheelhouse/backend/people"
	"wheelhouse/backend/reminder"
	"wheelhouse/backend/store"
)

// Kind of feedback.
type Kind string

const (
	Positive     Kind = "positive"
	Constructive Kind = "constructive"
)

// Status of an entry.
type Status string

const (
	Draft     Status = "draft"
	Delivered Status = "delivered"
)

// Channel is how feedback was delivered.
type Channel string

const (
	InOneOnOne Channel = "one_on_one"
	InPerson   Channel = "in_person"
	Written    Channel = "written"
	InPublic   Channel = "in_public" // praise in front of the team
	Other      Channel = "other"
)

// Channels lists the valid channels.
var Channels = []Channel{InOneOnOne, InPerson, Written, InPublic, Other}

// Entry is one piece of feedback for a person.
type Entry struct {
	ID        id.ID  `json:"id" ts_type:"string"`
	PersonID  id.ID  `json:"personId" ts_type:"string"`
	Kind      Kind   `json:"kind"`
	Situation string `json:"situation"`
	Behaviour string `json:"behaviour"`
	Impact    string `json:"impact"`
	NextStep  string `json:"nextStep,omitempty"`
	Status    Status `json:"status"`
	// DeliveredOn (civil date) and How are set when delivered.
	DeliveredOn string    `json:"deliveredOn,omitempty"`
	How         Channel   `json:"how,omitempty"`
	CreatedAt   time.Time `json:"createdAt" ts_type:"string"`
	UpdatedAt   time.Time `json:"updatedAt" ts_type:"string"`
}

// Limits.
const (
	MaxText = 4000
)

// DateLayout is the civil-date format.
const DateLayout = "2006-01-02"

// Normalize trims text and fills defaults.
func (e *Entry) Normalize() {
	e.Situation = strings.TrimSpace(e.Situation)
	e.Behaviour = strings.TrimSpace(e.Behaviour)
	e.Impact = strings.TrimSpace(e.Impact)
	e.NextStep = strings.TrimSpace(e.NextStep)
	e.DeliveredOn = strings.TrimSpace(e.DeliveredOn)
	if e.Status == "" {
		e.Status = Draft
	}
	if e.Status == Draft {
		e.DeliveredOn, e.How = "", ""
	}
	e.CreatedAt, e.UpdatedAt = e.CreatedAt.UTC(), e.UpdatedAt.UTC()
}

// Validate checks the entry. A draft needs at least the behaviour; delivered
// feedback must be specific: situation, behaviour and impact, with the date
// and how.
func (e *Entry) Validate() error {
	var c errs.Collector
	if e.PersonID.IsZero() {
		c.Add("personId", "Choose who the feedback is for.")
	}
	if e.Kind != Positive && e.Kind != Constructive {
		c.Add("kind", "Feedback is positive or constructive.")
	}
	if e.Behaviour == "" {
		c.Add("behaviour", "Describe the behaviour: what they did or said.")
	}
	switch e.Status {
	case Draft:
	case Delivered:
		if e.Situation == "" {
			c.Add("situation", "Before delivering, say when and where it happened.")
		}
		if e.Impact == "" {
			c.Add("impact", "Before delivering, say what impact it had.")
		}
		if d, err := time.Parse(DateLayout, e.DeliveredOn); err != nil || d.Year() < 2000 || d.Year() > 2199 {
			c.Add("deliveredOn", "Delivered on must be a date like 2026-03-01.")
		}
		ok := false
		for _, ch := range Channels {
			ok = ok || ch == e.How
		}
		if !ok {
			c.Add("how", "Say how it was delivered: in a 1:1, in person, written, in public or other.")
		}
	default:
		c.Add("status", "Status is draft or delivered.")
	}
	for _, f := range []struct{ field, label, v string }{
		{"situation", "Situation", e.Situation}, {"behaviour", "Behaviour", e.Behaviour},
		{"impact", "Impact", e.Impact}, {"nextStep", "Next step", e.NextStep},
	} {
		if n := utf8.RuneCountInString(f.v); n > MaxText {
			c.Add(f.field, "%s is too long (%d characters; at most %d).", f.label, n, MaxText)
		}
	}
	return c.Err()
}

// Stamps lets store.Stamp handle ids and times.
func (e *Entry) Stamps() (*id.ID, *time.Time, *time.Time) { return &e.ID, &e.CreatedAt, &e.UpdatedAt }

// Entries is the feedback table. The person index is covering:
//
//	IdxFeedbackPerson | person(16) | created(8) | kind(1) | status(1) | delivered on(10, zeros for drafts) | id(16)
//
// so balances read keys only; the draft index lists drafts by creation date
// for the stale-draft reminder.
var Entries = &store.Table[Entry]{
	Name: "feedback", Prefix: store.PrefixFeedback,
	ID: func(e *Entry) id.ID { return e.ID },
	Indexes: []store.Index[Entry]{
		{Prefix: store.IdxFeedbackPerson, Terms: func(e *Entry) [][]byte {
			on := make([]byte, 10)
			copy(on, e.DeliveredOn)
			return [][]byte{store.Term(e.PersonID, e.CreatedAt, []byte{e.Kind.byte(), e.Status.byte()}, on)}
		}},
		{Prefix: store.IdxFeedbackDraft, Terms: func(e *Entry) [][]byte {
			if e.Status != Draft {
				return nil
			}
			return [][]byte{store.Term([]byte(e.CreatedAt.UTC().Format(DateLayout)), e.PersonID)}
		}},
	},
}

func (k Kind) byte() byte {
	if k == Positive {
		return 'p'
	}
	return 'c'
}

func (s Status) byte() byte {
	if s == Delivered {
		return 'v'
	}
	return 'd'
}

// Fact is an entry as the person index knows it.
type Fact struct {
	ID          id.ID
	Created     time.Time
	Kind        Kind
	Status      Status
	DeliveredOn string
}

const factKeyLen = 1 + 16 + 8 + 2 + 10 + 16

// FactsTx returns a person's feedback facts, oldest first, from keys only.
func FactsTx(txn *badger.Txn, person id.ID) []Fact {
	opts := badger.DefaultIteratorOptions
	opts.PrefetchValues = false
	opts.Prefix = store.Key(store.IdxFeedbackPerson, person)
	it := txn.NewIterator(opts)
	defer it.Close()
	var out []Fact
	for it.Rewind(); it.Valid(); it.Next() {
		k := it.Item().Key()
		if len(k) != factKeyLen {
			continue
		}
		f := Fact{Kind: Constructive, Status: Draft}
		f.Created = time.Unix(0, int64(binary.BigEndian.Uint64(k[17:25])^(1<<63))).UTC()
		if k[25] == 'p' {
			f.Kind = Positive
		}
		if k[26] == 'v' {
			f.Status = Delivered
			f.DeliveredOn = string(k[27:37])
		}
		copy(f.ID[:], k[37:])
		out = append(out, f)
	}
	return out
}

// Settings of the feedback area.
type Settings struct {
	// StaleDays: a draft older than this raises a reminder (1-90; default 7).
	StaleDays int `json:"staleDays"`
}

// DefaultStaleDays is the default age at which a draft goes stale.
const DefaultStaleDays = 7

var keySettings = store.Key(store.PrefixSetting, "feedback")

// SettingsTx reads the settings, with defaults.
func SettingsTx(txn *badger.Txn) (Settings, error) {
	s := Settings{StaleDays: DefaultStaleDays}
	_, err := store.GetJSON(txn, keySettings, &s)
	if s.StaleDays <= 0 {
		s.StaleDays = DefaultStaleDays
	}
	return s, err
}

// PutSettingsTx writes the settings (used by the workspace import).
func PutSettingsTx(txn *badger.Txn, s Settings) error { return store.PutJSON(txn, keySettings, s) }

// Service is the feedback service.
type Service struct {
	st    *store.Store
	clock clock.Clock
}

// NewService builds the service.
func NewService(st *store.Store, c clock.Clock) *Service { return &Service{st: st, clock: c} }

// Save creates (zero id) or replaces an entry.
func (s *Service) Save(e Entry) (Entry, error) {
	e.Normalize()
	err := s.st.Update(func(txn *badger.Txn) error {
		var c errs.Collector
		c.Merge("", e.Validate())
		if !e.PersonID.IsZero() {
			p, err := people.Persons.Get(txn, e.PersonID)
			switch {
			case errs.Is(err, errs.NotFound):
				c.Add("personId", "That person does not exist (any more).")
			case err != nil:
				return err
			case p.Archived && e.ID.IsZero():
				c.Add("personId", "%s is archived; restore them first.", p.Name)
			}
		}
		if err := c.Err(); err != nil {
			return err
		}
		if !e.ID.IsZero() {
			old, err := Entries.Get(txn, e.ID)
			if err != nil {
				return err
			}
			if old.PersonID != e.PersonID {
				return errs.FieldErr("personId", "Feedback cannot move to someone else; write a new one.")
			}
		}
		if err := store.Stamp(txn, Entries, &e, s.clock.Now().UTC()); err != nil {
			return err
		}
		return Entries.Put(txn, &e)
	})
	return e, errs.Wrap("feedback.Save", err)
}

// Deliver marks an entry delivered on date, how.
func (s *Service) Deliver(u id.ID, on string, how Channel) (Entry, error) {
	var out Entry
	err := s.st.Update(func(txn *badger.Txn) error {
		e, err := Entries.Get(txn, u)
		if err != nil {
			return err
		}
		e.Status, e.DeliveredOn, e.How = Delivered, on, how
		e.Normalize()
		if err := e.Validate(); err != nil {
			return err
		}
		e.UpdatedAt = s.clock.Now().UTC()
		out = e
		return Entries.Put(txn, &e)
	})
	return out, errs.Wrap("feedback.Deliver", err)
}

// Delete removes an entry.
func (s *Service) Delete(u id.ID) error {
	return errs.Wrap("feedback.Delete", s.st.Update(func(txn *badger.Txn) error { return Entries.Delete(txn, u) }))
}

// ForPersonTx returns a person's feedback, newest first.
func ForPersonTx(txn *badger.Txn, person id.ID) ([]Entry, error) {
	facts := FactsTx(txn, person)
	out := make([]Entry, 0, len(facts))
	for i := len(facts) - 1; i >= 0; i-- {
		e, err := Entries.Get(txn, facts[i].ID)
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, nil
}

// ForPerson returns a person's feedback, newest first.
func (s *Service) ForPerson(person id.ID) (out []Entry, err error) {
	err = s.st.View(func(txn *badger.Txn) error {
		out, err = ForPersonTx(txn, person)
		return err
	})
	return out, errs.Wrap("feedback.ForPerson", err)
}

// Settings reads the feedback settings.
func (s *Service) Settings() (out Settings, err error) {
	err = s.st.View(func(txn *badger.Txn) error {
		out, err = SettingsTx(txn)
		return err
	})
	return out, errs.Wrap("feedback.Settings", err)
}

// SaveSettings stores the settings.
func (s *Service) SaveSettings(in Settings) (Settings, error) {
	if in.StaleDays < 1 || in.StaleDays > 90 {
		return in, errs.FieldErr("staleDays", "Drafts go stale after 1 to 90 days.")
	}
	return in, errs.Wrap("feedback.SaveSettings", s.st.Update(func(txn *badger.Txn) error { return PutSettingsTx(txn, in) }))
}

// Counts of feedback by kind and status.
type Counts struct {
	PositiveDelivered     int `json:"positiveDelivered"`
	ConstructiveDelivered int `json:"constructiveDelivered"`
	PositiveDrafts        int `json:"positiveDrafts"`
	ConstructiveDrafts    int `json:"constructiveDrafts"`
}

func (c *Counts) add(f *Fact) {
	switch {
	case f.Kind == Positive && f.Status == Delivered:
		c.PositiveDelivered++
	case f.Kind == Positive:
		c.PositiveDrafts++
	case f.Status == Delivered:
		c.ConstructiveDelivered++
	default:
		c.ConstructiveDrafts++
	}
}

// Period is one quarter of a balance.
type Period struct {
	Label  string `json:"label"` // "2026 Q3"
	From   string `json:"from"`
	Counts Counts `json:"counts"`
}

// Balance is a person's feedback balance: recent counts, quarter by quarter
// history and what is off about it.
type Balance struct {
	PersonID id.ID  `json:"personId" ts_type:"string"`
	Recent   Counts `json:"recent"` // the last 90 days (delivered by delivery date, drafts by creation)
	AllTime  Counts `json:"allTime"`
	// Quarters: the last four calendar quarters, oldest first.
	Quarters []Period `json:"quarters"`
	// OldestDraftDays: age of the oldest draft in days (-1: no drafts).
	OldestDraftDays int `json:"oldestDraftDays"`
	// Flags: "only_constructive", "only_positive", "none_delivered", "drafts_waiting".
	Flags []string `json:"flags"`
	// Notes say the flags in words.
	Notes []string `json:"notes"`
}

// RecentDays is the window of Balance.Recent.
const RecentDays = 90

// BalanceOf works out a person's balance from their facts on today.
func BalanceOf(person id.ID, facts []Fact, today string, staleDays int) Balance {
	b := Balance{PersonID: person, OldestDraftDays: -1, Flags: []string{}, Notes: []string{}}
	t, err := time.Parse(DateLayout, today)
	if err != nil {
		return b
	}
	since := t.AddDate(0, 0, -RecentDays).Format(DateLayout)
	qy, qm := t.Year(), (int(t.Month())-1)/3*3+1
	first := time.Date(qy, time.Month(qm), 1, 0, 0, 0, 0, time.UTC).AddDate(0, -9, 0)
	for i := 0; i < 4; i++ {
		q := first.AddDate(0, 3*i, 0)
		b.Quarters = append(b.Quarters, Period{Label: fmt.Sprintf("%d Q%d", q.Year(), (int(q.Month())-1)/3+1), From: q.Format(DateLayout)})
	}
	for i := range facts {
		f := &facts[i]
		b.AllTime.add(f)
		date := f.Created.Format(DateLayout)
		if f.Status == Delivered {
			date = f.DeliveredOn
		} else {
			age := int(t.Sub(f.Created.Truncate(24*time.Hour)).Hours() / 24)
			if age > b.OldestDraftDays {
				b.OldestDraftDays = age
			}
		}
		if date >= since || f.Status == Draft {
			b.Recent.add(f)
		}
		for qi := len(b.Quarters) - 1; qi >= 0; qi-- {
			if date >= b.Quarters[qi].From {
				b.Quarters[qi].Counts.add(f)
				break
			}
		}
	}
	r := b.Recent
	switch {
	case r.PositiveDelivered+r.ConstructiveDelivered == 0:
		b.Flags = append(b.Flags, "none_delivered")
		b.Notes = append(b.Notes, fmt.Sprintf("No feedback delivered in the last %d days.", RecentDays))
	case r.PositiveDelivered == 0 && r.ConstructiveDelivered >= 2:
		b.Flags = append(b.Flags, "only_constructive")
		b.Notes = append(b.Notes, fmt.Sprintf("Only constructive feedback delivered in the last %d days (%d): say what goes well too.", RecentDays, r.ConstructiveDelivered))
	case r.ConstructiveDelivered == 0 && r.PositiveDelivered >= 3:
		b.Flags = append(b.Flags, "only_positive")
		b.Notes = append(b.Notes, fmt.Sprintf("Only praise in the last %d days (%d): is there something to help them grow?", RecentDays, r.PositiveDelivered))
	}
	if b.OldestDraftDays >= staleDays {
		b.Flags = append(b.Flags, "drafts_waiting")
		b.Notes = append(b.Notes, fmt.Sprintf("A draft has waited %d days: feedback loses its value when it is late.", b.OldestDraftDays))
	}
	return b
}

// BalanceTx is a person's balance, from keys only.
func BalanceTx(txn *badger.Txn, person id.ID, today string) (Balance, error) {
	st, err := SettingsTx(txn)
	if err != nil {
		return Balance{}, err
	}
	return BalanceOf(person, FactsTx(txn, person), today, st.StaleDays), nil
}

// Balance is BalanceTx in its own transaction.
func (s *Service) Balance(person id.ID, today string) (out Balance, err error) {
	err = s.st.View(func(txn *badger.Txn) error {
		out, err = BalanceTx(txn, person, today)
		return err
	})
	return out, errs.Wrap("feedback.Balance", err)
}

// StaleDraft is a draft past the stale age.
type StaleDraft struct {
	ID       id.ID
	PersonID id.ID
	Created  string // civil (UTC) date
}

// StaleTx returns drafts created on or before cutoff (a civil date), oldest
// first. Keys only.
func StaleTx(txn *badger.Txn, cutoff string) []StaleDraft {
	opts := badger.DefaultIteratorOptions
	opts.PrefetchValues = false
	opts.Prefix = []byte{store.IdxFeedbackDraft}
	it := txn.NewIterator(opts)
	defer it.Close()
	var out []StaleDraft
	for it.Rewind(); it.Valid(); it.Next() {
		k := it.Item().Key()
		if len(k) != 1+10+16+16 {
			continue
		}
		d := string(k[1:11])
		if d > cutoff {
			break
		}
		var s StaleDraft
		s.Created = d
		copy(s.PersonID[:], k[11:27])
		copy(s.ID[:], k[27:])
		out = append(out, s)
	}
	return out
}

// KindStale is the reminder kind of a stale draft.
const KindStale = "feedback.stale"

// Rules remind of drafts older than the stale age, one per draft (keyed by
// its id: delivering or deleting it ends the reminder). Cached until the
// data or the date changes.
func Rules() []reminder.Rule {
	var (
		mu    sync.Mutex
		cache struct {
			readTs      uint64
			today, zone string
			items       []reminder.Reminder
		}
	)
	return []reminder.Rule{reminder.RuleFunc{RuleName: "feedback", Fn: func(txn *badger.Txn, c reminder.Context) ([]reminder.Reminder, error) {
		mu.Lock()
		defer mu.Unlock()
		if cache.readTs == txn.ReadTs() && cache.today == c.Today && cache.zone == c.Loc.String() {
			return cache.items, nil
		}
		st, err := SettingsTx(txn)
		if err != nil {
			return nil, err
		}
		t, err := time.Parse(DateLayout, c.Today)
		if err != nil {
			return nil, err
		}
		stale := StaleTx(txn, t.AddDate(0, 0, -st.StaleDays).Format(DateLayout))
		var out []reminder.Reminder
		names := map[id.ID]string{}
		for _, d := range stale {
			name, ok := names[d.PersonID]
			if !ok {
				p, err := people.Persons.Get(txn, d.PersonID)
				if err != nil && !errs.Is(err, errs.NotFound) {
					return nil, err
				}
				name = p.Name
				if p.Archived {
					name = ""
				}
				names[d.PersonID] = name
			}
			if name == "" {
				continue
			}
			created, _ := time.Parse(DateLayout, d.Created)
			due := created.AddDate(0, 0, st.StaleDays)
			age := int(t.Sub(created).Hours() / 24)
			y, m, dd := due.Date()
			out = append(out, reminder.Reminder{
				Key:   KindStale + ":" + d.ID.String(),
				Kind:  KindStale,
				Title: "Feedback for " + name + " is waiting",
				Body:  fmt.Sprintf("A feedback draft for %s has waited %d days. Deliver it while it is still timely, or drop it.", name, age),
				Link:  reminder.Link{Area: "people", ID: d.PersonID.String()},
				DueAt: time.Date(y, m, dd, 9, 0, 0, 0, c.Loc),
			})
		}
		sort.SliceStable(out, func(i, j int) bool { return out[i].DueAt.Before(out[j].DueAt) })
		cache.readTs, cache.today, cache.zone, cache.items = txn.ReadTs(), c.Today, c.Loc.String(), out
		return out, nil
	}}}
}

// PersonRefs deletes a person's feedback with them.
type PersonRefs struct{}

// Describe says what the delete does to feedback.
func (PersonRefs) Describe(txn *badger.Txn, person id.ID) ([]string, error) {
	n := len(FactsTx(txn, person))
	if n == 0 {
		return nil, nil
	}
	what := fmt.Sprintf("%d feedback entries", n)
	if n == 1 {
		what = "1 feedback entry"
	}
	return []string{what + " for them are deleted."}, nil
}

// Detach deletes the person's feedback inside the delete transaction.
func (PersonRefs) Detach(txn *badger.Txn, person id.ID) error {
	for _, f := range FactsTx(txn, person) {
		if err := Entries.Delete(txn, f.ID); err != nil {
			return err
		}
	}
	return nil
}
