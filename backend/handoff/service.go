package handoff

import (
	"time"

	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/civil"
	"wheelhouse/backend/clock"
	"wheelhouse/backend/errs"
	"wheelhouse/backend/id"
	"wheelhouse/backend/oncall"
	"wheelhouse/backend/people"
	"wheelhouse/backend/store"
)

// Records is the table of handoff records. Indexes (key only):
//   - person: person id | turn start | record id   (a person's history)
//   - turn:   rotation id | turn start | record id  (unique: the record of a turn)
var Records = &store.Table[Record]{
	Name: "handoff", Prefix: store.PrefixHandoff,
	ID: func(r *Record) id.ID { return r.ID },
	Indexes: []store.Index[Record]{
		{Prefix: store.IdxHandoffPerson, Terms: func(r *Record) [][]byte { return [][]byte{store.Term(r.PersonID, r.TurnStart)} }},
		{Prefix: store.IdxHandoffTurn, Terms: func(r *Record) [][]byte { return [][]byte{turnTerm(r.RotationID, r.TurnStart)} }},
	},
}

func turnTerm(rot id.ID, start time.Time) []byte { return store.Term(rot, start.UTC()) }

// RecentDays is how far back the handoffs list and the reminder look: a
// turn that ended longer ago is not asked about any more.
const RecentDays = 7

// Service records handoffs and imports survey answers.
type Service struct {
	st     *store.Store
	clock  clock.Clock
	oncall *oncall.Service
	// Zone is the manager's zone (civil dates of the CLI, survey periods).
	Zone func(txn *badger.Txn) *time.Location
}

// NewService builds the service over the on-call service (whose cached
// snapshot gives the turns).
func NewService(st *store.Store, c clock.Clock, oc *oncall.Service) *Service {
	if c == nil {
		c = clock.Real{}
	}
	return &Service{st: st, clock: c, oncall: oc, Zone: func(*badger.Txn) *time.Location { return time.UTC }}
}

// RecordTx reads the record of a turn; found is false when none was made.
func RecordTx(txn *badger.Txn, rotationID id.ID, start time.Time) (r Record, found bool, err error) {
	ids := store.Lookup(txn, store.IdxHandoffTurn, turnTerm(rotationID, start))
	if len(ids) == 0 {
		return r, false, nil
	}
	r, err = Records.Get(txn, ids[0])
	return r, err == nil, err
}

// Recorded reports whether the turn has a handoff record (keys only).
func Recorded(txn *badger.Txn, rotationID id.ID, start time.Time) bool {
	return len(store.Lookup(txn, store.IdxHandoffTurn, turnTerm(rotationID, start))) > 0
}

// Record stores the handoff of a turn: a new record, or the turn's record
// replaced (its RecordedAt kept). The turn must be in the schedule now and
// have started; the person and the end come from it.
func (s *Service) Record(in Input) (out Record, err error) {
	now := s.clock.Now().UTC()
	err = s.st.Update(func(txn *badger.Txn) error {
		var c errs.Collector
		if in.RotationID.IsZero() {
			c.Add("rotationId", "Choose the rotation of the turn.")
		}
		if in.TurnStart.IsZero() {
			c.Add("turnStart", "Choose the turn.")
		}
		if err := c.Err(); err != nil {
			return err
		}
		if ok, err := oncall.Rotations.Exists(txn, in.RotationID); err != nil {
			return err
		} else if !ok {
			return errs.FieldErr("rotationId", "The rotation does not exist (any more).")
		}
		snap, err := s.oncall.SnapshotTx(txn)
		if err != nil {
			return err
		}
		t, ok := TurnAt(snap, in.RotationID, in.TurnStart.UTC())
		switch {
		case !ok:
			return errs.FieldErr("turnStart", "No turn of this rotation starts then (the schedule may have changed).")
		case t.Start.After(now):
			return errs.FieldErr("turnStart", "This turn has not started yet: record its handoff when it ends.")
		}
		r := Record{RotationID: t.RotationID, TurnStart: t.Start, TurnEnd: t.End, PersonID: t.PersonID,
			OpenIssues: in.OpenIssues, RunbookGaps: in.RunbookGaps, Rating: in.Rating,
			SleepInterrupted: in.SleepInterrupted, Comment: in.Comment, RecordedAt: now, UpdatedAt: now}
		old, found, err := RecordTx(txn, t.RotationID, t.Start)
		if err != nil {
			return err
		}
		if found {
			r.ID, r.RecordedAt = old.ID, old.RecordedAt
		} else {
			r.ID = id.New(now)
		}
		r.Normalize()
		if err := r.Validate(); err != nil {
			return err
		}
		if ok, err := people.Persons.Exists(txn, r.PersonID); err != nil {
			return err
		} else if !ok {
			return errs.FieldErr("personId", "The person who held this turn is not in the roster (any more).")
		}
		out = r
		return Records.Put(txn, &r)
	})
	return out, errs.Wrap("handoff.Record", err)
}

// Delete removes a handoff record.
func (s *Service) Delete(u id.ID) error {
	return errs.Wrap("handoff.Delete", s.st.Update(func(txn *badger.Txn) error { return Records.Delete(txn, u) }))
}

// Get reads the record of a turn (NotFound when none was made).
func (s *Service) Get(rotationID id.ID, start time.Time) (r Record, err error) {
	err = s.st.View(func(txn *badger.Txn) error {
		var found bool
		r, found, err = RecordTx(txn, rotationID, start)
		if err == nil && !found {
			err = errs.E(errs.NotFound, "No handoff was recorded for this turn.")
		}
		return err
	})
	return r, errs.Wrap("handoff.Get", err)
}

// History is a person's handoff records, latest turn first.
func (s *Service) History(person id.ID) (out []Record, err error) {
	err = s.st.View(func(txn *badger.Txn) error {
		var ids []id.ID
		if err := store.Keys(txn, store.Prefix(store.IdxHandoffPerson, person), func(k []byte) error {
			ids = append(ids, store.LastID(k))
			return nil
		}); err != nil {
			return err
		}
		for i := len(ids) - 1; i >= 0; i-- {
			r, err := Records.Get(txn, ids[i])
			if err != nil {
				return err
			}
			out = append(out, r)
		}
		return nil
	})
	return out, errs.Wrap("handoff.History", err)
}

// Recent lists the turns that ended in the last days days (RecentDays when
// days <= 0) and the turns running now, latest first, each with its
// record when one was made.
func (s *Service) Recent(days int) (out []Entry, err error) {
	if days <= 0 {
		days = RecentDays
	}
	if days > 366 {
		return nil, errs.FieldErr("days", "Look back at most a year.")
	}
	now := s.clock.Now().UTC()
	err = s.st.View(func(txn *badger.Txn) error {
		snap, err := s.oncall.SnapshotTx(txn)
		if err != nil {
			return err
		}
		from := now.Add(-time.Duration(days) * 24 * time.Hour)
		var turns []Turn
		// Running now: their handoff is coming.
		rots := append([]oncall.Rotation(nil), snap.Rotations...)
		oncall.SortRotations(rots, snap.Teams)
		for i := range rots {
			for _, t := range Turns(snap, rots[i].ID, now, now.Add(time.Nanosecond)) {
				if !t.Start.After(now) && t.End.After(now) {
					turns = append(turns, t)
				}
			}
		}
		turns = append(turns, EndedTurns(snap, from, now, nil)...)
		out = make([]Entry, 0, len(turns))
		for _, t := range turns {
			e := Entry{Turn: t, Ended: !t.End.After(now)}
			r, found, err := RecordTx(txn, t.RotationID, t.Start)
			if err != nil {
				return err
			}
			if found {
				e.Record = &r
			}
			out = append(out, e)
		}
		return nil
	})
	return out, errs.Wrap("handoff.Recent", err)
}

// TurnOn finds the turn of rotation (by name) to record for a civil date in
// the manager's zone (TurnOnDay).
func (s *Service) TurnOn(rotation, date string) (t Turn, err error) {
	now := s.clock.Now().UTC()
	err = s.st.View(func(txn *badger.Txn) error {
		ids := store.Lookup(txn, store.IdxRotationName, store.Term(store.Fold(rotation)))
		if len(ids) == 0 {
			return errs.FieldErr("rotation", "No rotation is called %q.", rotation)
		}
		d, ok := civil.Parse(date)
		if !ok {
			return errs.FieldErr("date", "The date must look like 2026-03-01.")
		}
		loc := s.Zone(txn)
		y, m, dd := d.Date()
		from := time.Date(y, m, dd, 0, 0, 0, 0, loc)
		to := time.Date(y, m, dd+1, 0, 0, 0, 0, loc)
		snap, err := s.oncall.SnapshotTx(txn)
		if err != nil {
			return err
		}
		var found bool
		if t, found = TurnOnDay(snap, ids[0], from, to, now); !found {
			return errs.FieldErr("date", "Nobody of %s was on call on %s (or that turn has not started).", rotation, date)
		}
		return nil
	})
	return t, errs.Wrap("handoff.TurnOn", err)
}
