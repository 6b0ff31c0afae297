package feedback

import (
	"time"

	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/civil"
	"wheelhouse/backend/clock"
	"wheelhouse/backend/errs"
	"wheelhouse/backend/id"
	"wheelhouse/backend/people"
	"wheelhouse/backend/store"
)

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
			return [][]byte{store.Term([]byte(civil.Format(e.CreatedAt.UTC())), e.PersonID)}
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

// FactsTx returns a person's feedback facts, oldest first, from keys only.
func FactsTx(txn *badger.Txn, person id.ID) []Fact {
	var out []Fact
	_ = store.Keys(txn, store.Prefix(store.IdxFeedbackPerson, person), func(k []byte) error {
		r := store.ReadKey(k)
		r.ID() // the person
		f := Fact{Kind: Constructive, Status: Draft, Created: r.Time()}
		kind, status, on := r.Byte(), r.Byte(), r.Bytes(10)
		f.ID = r.ID()
		if !r.Done() {
			return nil
		}
		if kind == 'p' {
			f.Kind = Positive
		}
		if status == 'v' {
			f.Status = Delivered
			f.DeliveredOn = string(on)
		}
		out = append(out, f)
		return nil
	})
	return out
}

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
