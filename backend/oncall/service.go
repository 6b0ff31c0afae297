package oncall

import (
	"fmt"
	"io"
	"sync"
	"time"

	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/clock"
	"wheelhouse/backend/errs"
	"wheelhouse/backend/id"
	"wheelhouse/backend/people"
	"wheelhouse/backend/store"
)

// MaxWindow bounds the window of a shift, coverage or fairness query.
const MaxWindow = 6 * 366 * 24 * time.Hour

// Service stores on-call records and answers the views over them.
type Service struct {
	st         *store.Store
	clock      clock.Clock
	regionRefs []func(txn *badger.Txn, region id.ID) error
	cache      snapCache
}

// snapCache keeps the last whole snapshot (every record the math reads, all
// history) with the walk checkpoints its computations made, until a commit
// writes into a family the math reads (decision 0013).
type snapCache struct {
	mu   sync.Mutex
	ts   uint64 // read timestamp of the transaction it was loaded in
	snap *Snapshot
}

// mathFamilies are the key families a Snapshot is read from: settings,
// people (names, zones), teams, and the on-call records 0x50-0x61
// (rotations, time off, regions with their holidays, overrides, swaps and
// their indexes).
var mathFamilies = func() store.Prefixes {
	ps := []byte{store.PrefixSetting, store.PrefixPerson, store.PrefixTeam}
	for p := store.PrefixRotation; p <= store.IdxSwapRotation; p++ {
		ps = append(ps, p)
	}
	return store.PrefixSet(ps...)
}()

// AddRegionRefs registers another area's clean-up when a holiday region is
// deleted; fn runs inside the delete transaction (calendar subscriptions
// into the region go with it).
func (s *Service) AddRegionRefs(fn func(txn *badger.Txn, region id.ID) error) {
	s.regionRefs = append(s.regionRefs, fn)
}

// NewService builds the service.
func NewService(st *store.Store, c clock.Clock) *Service {
	if c == nil {
		c = clock.Real{}
	}
	return &Service{st: st, clock: c}
}

// Snapshot returns everything the math needs for [from, to): the whole
// on-call data, shared (read-only) with other callers until a commit changes
// what the math reads. Its walks keep checkpoints, so a window late in a
// long history resumes near its start (decision 0013).
func (s *Service) Snapshot(from, to time.Time) (snap *Snapshot, err error) {
	err = s.st.View(func(txn *badger.Txn) error {
		snap, err = s.SnapshotTx(txn)
		return err
	})
	return snap, errs.Wrap("oncall.Snapshot", err)
}

// SnapshotTx is Snapshot in the caller's read transaction: the cached
// snapshot when no commit the transaction sees has changed on-call data,
// else one brought up to date in txn (and cached when txn is the newest
// reader). Areas that show who is on call (Today, the brief, team health)
// read through it instead of loading all history again.
func (s *Service) SnapshotTx(txn *badger.Txn) (snap *Snapshot, err error) {
	c := &s.cache
	c.mu.Lock()
	defer c.mu.Unlock()
	switch {
	case c.snap != nil && txn.ReadTs() >= c.ts && !s.st.ChangedSince(txn, c.ts, mathFamilies):
		return c.snap, nil
	case c.snap != nil && txn.ReadTs() > c.ts:
		// Reread what changed; keep the checkpoints before the change.
		snap, err = s.refreshTx(txn, c.snap, c.ts)
	default:
		// The first load: the walks resume from the stored checkpoints
		// that match the data (persist.go).
		if snap, err = LoadTx(txn, time.Time{}, time.Time{}); err == nil {
			snap.loadCP = s.loadCheckpoint
			err = snap.withStored(txn)
		}
	}
	if err != nil {
		return nil, err
	}
	snap.loadCP = s.loadCheckpoint
	if txn.ReadTs() >= c.ts {
		c.snap, c.ts = snap, txn.ReadTs()
	}
	return snap, nil
}

func checkWindow(from, to time.Time) error {
	switch {
	case from.IsZero() || to.IsZero():
		return errs.FieldErr("from", "Choose a start and an end.")
	case !to.After(from):
		return errs.FieldErr("to", "The end is not after the start.")
	case to.Sub(from) > MaxWindow:
		return errs.FieldErr("to", "Choose a window of at most six years.")
	}
	return nil
}

// Shifts returns the shifts of one rotation overlapping [from, to).
func (s *Service) Shifts(rotationID id.ID, from, to time.Time) ([]Shift, error) {
	if err := checkWindow(from, to); err != nil {
		return nil, err
	}
	snap, err := s.Snapshot(from, to)
	if err != nil {
		return nil, err
	}
	if _, ok := snap.Rotation(rotationID); !ok {
		return nil, errs.E(errs.NotFound, "No rotation with id %s.", rotationID)
	}
	out := Shifts(snap, rotationID, from, to)
	if out == nil {
		out = []Shift{}
	}
	return out, nil
}

// AllShifts returns the shifts of every rotation overlapping [from, to).
func (s *Service) AllShifts(from, to time.Time) ([]Shift, error) {
	if err := checkWindow(from, to); err != nil {
		return nil, err
	}
	snap, err := s.Snapshot(from, to)
	if err != nil {
		return nil, err
	}
	out := AllShifts(snap, from, to)
	if out == nil {
		out = []Shift{}
	}
	return out, nil
}

// Coverage returns the coverage gaps in [from, to).
func (s *Service) Coverage(from, to time.Time) ([]Gap, error) {
	if err := checkWindow(from, to); err != nil {
		return nil, err
	}
	snap, err := s.Snapshot(from, to)
	if err != nil {
		return nil, err
	}
	out := CoverageGaps(snap, from, to)
	if out == nil {
		out = []Gap{}
	}
	return out, nil
}

// Warnings returns the schedule warnings of [from, to): back-to-back turns,
// anyone on call more than one week in four, and uneven rotations.
func (s *Service) Warnings(from, to time.Time) ([]ScheduleWarning, error) {
	if err := checkWindow(from, to); err != nil {
		return nil, err
	}
	snap, err := s.Snapshot(from, to)
	if err != nil {
		return nil, err
	}
	return ScheduleWarnings(snap, from, to), nil
}

// Fairness returns the fairness table of [from, to).
func (s *Service) Fairness(from, to time.Time) (FairnessReport, error) {
	if err := checkWindow(from, to); err != nil {
		return FairnessReport{}, err
	}
	snap, err := s.Snapshot(from, to)
	if err != nil {
		return FairnessReport{}, err
	}
	return Fairness(snap, from, to), nil
}

// Compensation returns the compensation report of a month ("2026-11").
func (s *Service) Compensation(month string) (CompensationReport, error) {
	m, err := ParseMonth(month)
	if err != nil {
		return CompensationReport{}, err
	}
	snap, err := s.Snapshot(m.Add(-15*time.Hour), m.AddDate(0, 1, 0).Add(15*time.Hour))
	if err != nil {
		return CompensationReport{}, err
	}
	return MonthlyCompensation(snap, month)
}

// CompensationCSV writes the month's report as CSV.
func (s *Service) CompensationCSV(w io.Writer, month string) error {
	rep, err := s.Compensation(month)
	if err != nil {
		return err
	}
	return WriteCompensationCSV(w, rep)
}

// Settings reads the on-call settings.
func (s *Service) Settings() (st Settings, err error) {
	err = s.st.View(func(txn *badger.Txn) error {
		st, err = SettingsTx(txn)
		return err
	})
	return st, errs.Wrap("oncall.Settings", err)
}

// SaveSettings validates and stores the settings.
func (s *Service) SaveSettings(st Settings) (Settings, error) {
	st.Normalize()
	err := s.st.Update(func(txn *badger.Txn) error {
		var c errs.Collector
		if err := c.Merge("", st.Validate()); err != nil {
			return err
		}
		for i, r := range st.Compensation.Regions {
			if r.RegionID.IsZero() {
				continue
			}
			if ok, err := Regions.Exists(txn, r.RegionID); err != nil {
				return err
			} else if !ok {
				c.Add(fmt.Sprintf("compensation.regions.%d.regionId", i), "This holiday region does not exist (any more).")
			}
		}
		for _, p := range st.NotifyPersonIDs {
			if ok, err := people.Persons.Exists(txn, p); err != nil {
				return err
			} else if !ok {
				c.Add("notifyPersonIds", "One of the people to remind about does not exist (any more).")
				break
			}
		}
		if err := c.Err(); err != nil {
			return err
		}
		return PutSettingsTx(txn, st)
	})
	return st, errs.Wrap("oncall.SaveSettings", err)
}

func personCheck(txn *badger.Txn, c *errs.Collector, field string, ids ...id.ID) error {
	for _, p := range ids {
		if p.IsZero() {
			continue
		}
		if ok, err := people.Persons.Exists(txn, p); err != nil {
			return err
		} else if !ok {
			c.Add(field, "The chosen person does not exist (any more).")
			return nil
		}
	}
	return nil
}

// Saved is a saved record with warnings the user should see (never errors:
// the record was saved).
type Saved[T any] struct {
	Item     T        `json:"item"`
	Warnings []string `json:"warnings"`
}
