package calendar

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"hash"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/civil"
	"wheelhouse/backend/errs"
	"wheelhouse/backend/id"
	"wheelhouse/backend/oncall"
	"wheelhouse/backend/people"
	"wheelhouse/backend/store"
)

// Import targets.
const (
	TargetHolidays = "holidays" // public holidays of a region
	TargetTimeOff  = "timeoff"  // one person's time off
)

// Target says where an import goes.
type Target struct {
	Kind        string             `json:"kind"`
	RegionID    id.ID              `json:"regionId,omitzero" ts_type:"string"`
	PersonID    id.ID              `json:"personId,omitzero" ts_type:"string"`
	TimeOffKind oncall.TimeOffKind `json:"timeOffKind,omitempty"` // default vacation
	// Calendar names the imported calendar; re-importing a calendar of the
	// same name updates its entries by UID and removes the ones no longer
	// in it. Default: the file's X-WR-CALNAME, else "Imported calendar".
	Calendar string `json:"calendar,omitempty"`
}

// Change actions of a preview.
const (
	ActionNew       = "new"
	ActionUpdated   = "updated"
	ActionUnchanged = "unchanged"
	ActionRemoved   = "removed"
)

// Change is one line of a preview.
type Change struct {
	Action string `json:"action"`
	UID    string `json:"uid"`
	Name   string `json:"name"`
	When   string `json:"when"`
	Was    string `json:"was,omitempty"` // updated: the stored name and dates
}

// MaxPreviewChanges bounds the changes a preview lists (new, updated and
// removed first); the counts are always complete.
const MaxPreviewChanges = 500

// Preview is what an import would do. Apply it with Service.Apply.
type Preview struct {
	Target      Target   `json:"target"`
	TargetName  string   `json:"targetName"`
	Calendar    string   `json:"calendar"`
	Fingerprint string   `json:"fingerprint"` // SHA-256 of the file
	Bytes       int64    `json:"bytes"`
	Events      int      `json:"events"`
	New         int      `json:"new"`
	Updated     int      `json:"updated"`
	Unchanged   int      `json:"unchanged"`
	Removed     int      `json:"removed"`
	Changes     []Change `json:"changes"`
	Warnings    []string `json:"warnings"`
	// Subscription is the calendar subscription the preview was fetched
	// for (zero for a file); applying it records the subscription as applied.
	Subscription id.ID `json:"subscriptionId,omitzero" ts_type:"string"`

	items []Item
	read  bool // made by a preview of this process (items are the file's)
	// keepBefore: the source was asked only for events from this instant
	// on (a CalDAV subscription's window): stored entries that ended before
	// it are not in the source but are not removed either.
	keepBefore time.Time
}

// keptHoliday reports whether an imported holiday the source no longer
// lists stays because it is older than what the source was asked for.
func (p *Preview) keptHoliday(h *oncall.Holiday) bool {
	return !p.keepBefore.IsZero() && h.Date < civil.Format(p.keepBefore)
}

// keptTimeOff is keptHoliday for time off.
func (p *Preview) keptTimeOff(t *oncall.TimeOff) bool {
	switch {
	case p.keepBefore.IsZero():
		return false
	case t.EndDate != "":
		return t.EndDate < civil.Format(p.keepBefore)
	}
	return !t.End.After(p.keepBefore)
}

// ApplyResult says what an import changed.
type ApplyResult struct {
	Added     int `json:"added"`
	Updated   int `json:"updated"`
	Removed   int `json:"removed"`
	Unchanged int `json:"unchanged"`
}

type countingHash struct {
	h hash.Hash
	n int64
}

func (c *countingHash) Write(b []byte) (int, error) { c.n += int64(len(b)); return c.h.Write(b) }

// PreviewFile previews the import of a file; a calendar without a name
// (X-WR-CALNAME) is named after the file.
func (s *Service) PreviewFile(path string, t Target) (*Preview, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, errs.E(errs.Invalid, "Cannot open %s: %v", path, err)
	}
	defer f.Close()
	return s.preview(f, t, DefaultLimits, strings.TrimSuffix(filepath.Base(path), filepath.Ext(path)))
}

const defaultCalendar = "Imported calendar"

// Preview parses a calendar (streaming, within DefaultLimits) and compares
// it with what is stored for the target: new, updated, unchanged and
// removed entries. Nothing is written. A broken or oversized file is an
// Invalid error.
func (s *Service) Preview(r io.Reader, t Target) (*Preview, error) {
	return s.preview(r, t, DefaultLimits, defaultCalendar)
}

// PreviewLimits is Preview with other limits (tests, benchmarks).
func (s *Service) PreviewLimits(r io.Reader, t Target, lim Limits) (*Preview, error) {
	return s.preview(r, t, lim, defaultCalendar)
}

func (s *Service) preview(r io.Reader, t Target, lim Limits, fallback string) (*Preview, error) {
	return s.previewKeep(r, t, lim, fallback, time.Time{})
}

// previewKeep is preview for a source asked only for events from
// keepBefore on (Preview.keepBefore).
func (s *Service) previewKeep(r io.Reader, t Target, lim Limits, fallback string, keepBefore time.Time) (*Preview, error) {
	if err := s.checkTarget(&t); err != nil {
		return nil, err
	}
	ch := &countingHash{h: sha256.New()}
	parsed, err := Parse(io.TeeReader(r, ch), lim, s.clock.Now())
	if err != nil {
		return nil, err
	}
	p := &Preview{Target: t, Events: parsed.Events, Warnings: parsed.Warnings, items: parsed.Items,
		Fingerprint: hex.EncodeToString(ch.h.Sum(nil)), Bytes: ch.n, read: true, keepBefore: keepBefore}
	p.Calendar = t.Calendar
	if p.Calendar == "" {
		p.Calendar = strings.TrimSpace(parsed.Name)
	}
	if p.Calendar == "" {
		p.Calendar = fallback
	}
	p.Calendar = clip(p.Calendar, 200)
	err = s.st.View(func(txn *badger.Txn) error {
		name, changes, err := diffTx(txn, p)
		if err != nil {
			return err
		}
		p.TargetName = name
		for _, c := range changes {
			switch c.Action {
			case ActionNew:
				p.New++
			case ActionUpdated:
				p.Updated++
			case ActionUnchanged:
				p.Unchanged++
			case ActionRemoved:
				p.Removed++
			}
		}
		order := map[string]int{ActionNew: 0, ActionUpdated: 0, ActionRemoved: 0, ActionUnchanged: 1}
		sort.SliceStable(changes, func(i, j int) bool { return order[changes[i].Action] < order[changes[j].Action] })
		if len(changes) > MaxPreviewChanges {
			changes = changes[:MaxPreviewChanges]
		}
		p.Changes = changes
		return nil
	})
	if err != nil {
		return nil, errs.Wrap("calendar.Preview", err)
	}
	if p.Kind() == TargetHolidays {
		if err := fitsRegion(len(p.items)); err != nil {
			return nil, err
		}
	}
	if p.Changes == nil {
		p.Changes = []Change{}
	}
	return p, nil
}

// fitsRegion refuses n holidays when a region cannot hold them.
// nothingToImport is the error for a calendar with no event Wheelhouse
// can import: empty, or every event skipped (with the first reasons).
func nothingToImport(events int, warnings []string) error {
	if events == 0 {
		return errs.E(errs.Invalid, "Nothing to import: the calendar has no events.")
	}
	why := "none of them is an event Wheelhouse can import"
	if len(warnings) > 0 {
		var ws []string
		for _, w := range warnings[:min(len(warnings), 3)] {
			ws = append(ws, strings.TrimSuffix(w, "."))
		}
		why = strings.Join(ws, "; ")
	}
	return errs.E(errs.Invalid, "Nothing to import: all %d events of the calendar were skipped (%s).", events, why)
}

func fitsRegion(n int) error {
	if n > oncall.MaxHolidays {
		return errs.E(errs.Invalid, "The calendar has %d holidays; a region holds at most %d. Nothing was imported.", n, oncall.MaxHolidays)
	}
	return nil
}

// Kind is the target kind.
func (p *Preview) Kind() string { return p.Target.Kind }

func (s *Service) checkTarget(t *Target) error { return checkTarget(t) }

// checkTarget normalizes and checks a target's fields (not whether the
// region or person exists).
func checkTarget(t *Target) error {
	t.Calendar = strings.TrimSpace(t.Calendar)
	switch t.Kind {
	case TargetHolidays:
		if t.RegionID.IsZero() {
			return errs.FieldErr("regionId", "Choose the holiday region to import into.")
		}
	case TargetTimeOff:
		if t.PersonID.IsZero() {
			return errs.FieldErr("personId", "Choose whose time off this is.")
		}
		if t.TimeOffKind == "" {
			t.TimeOffKind = oncall.KindVacation
		}
		known := false
		for _, k := range oncall.TimeOffKinds {
			known = known || k == t.TimeOffKind
		}
		if !known {
			return errs.FieldErr("timeOffKind", "Kind must be vacation, sick, holiday or other.")
		}
	default:
		return errs.FieldErr("kind", "Import holidays for a region or time off for a person.")
	}
	return nil
}

// holidaysOf turns items into holidays: one per day.
func holidaysOf(items []Item, cal string) []oncall.Holiday {
	var out []oncall.Holiday
	for _, it := range items {
		var first, last time.Time
		if it.AllDay {
			first, _ = civil.Parse(it.StartDate)
			last, _ = civil.Parse(it.EndDate)
		} else {
			first = time.Date(it.Start.Year(), it.Start.Month(), it.Start.Day(), 0, 0, 0, 0, time.UTC)
			e := it.End.Add(-time.Nanosecond)
			last = time.Date(e.Year(), e.Month(), e.Day(), 0, 0, 0, 0, time.UTC)
		}
		multi := last.After(first)
		for d := first; !d.After(last); d = d.AddDate(0, 0, 1) {
			h := oncall.Holiday{Date: civil.Format(d), Name: clipRunes(it.Name, oncall.MaxName), Source: oncall.SourceImport, UID: it.Key, Calendar: cal}
			if multi {
				h.UID = it.Key + "#" + d.Format("20060102")
			}
			out = append(out, h)
		}
	}
	return out
}

// timeOffOf turns an item into a time-off entry (without id and times).
func timeOffOf(it *Item, t Target, cal string) oncall.TimeOff {
	x := oncall.TimeOff{PersonID: t.PersonID, Kind: t.TimeOffKind, Note: clipRunes(it.Name, 500), Source: oncall.SourceImport, UID: it.Key, Calendar: cal}
	if it.AllDay {
		x.StartDate, x.EndDate = it.StartDate, it.EndDate
	} else {
		x.Start, x.End = it.Start, it.End
	}
	return x
}

func sameTimeOff(a, b *oncall.TimeOff) bool {
	return a.Kind == b.Kind && a.StartDate == b.StartDate && a.EndDate == b.EndDate && a.Start.Equal(b.Start) && a.End.Equal(b.End) && a.Note == b.Note
}

func timeOffWhen(t *oncall.TimeOff) string {
	if t.StartDate != "" {
		if t.StartDate == t.EndDate {
			return t.StartDate
		}
		return t.StartDate + " to " + t.EndDate
	}
	return t.Start.Format("2006-01-02 15:04") + " to " + t.End.Format("2006-01-02 15:04") + " UTC"
}

// diffTx compares the preview's items with the stored entries of the same
// calendar for the target.
func diffTx(txn *badger.Txn, p *Preview) (string, []Change, error) {
	var out []Change
	switch p.Target.Kind {
	case TargetHolidays:
		rg, err := oncall.Regions.Get(txn, p.Target.RegionID)
		if errs.Is(err, errs.NotFound) {
			return "", nil, errs.FieldErr("regionId", "The holiday region does not exist (any more).")
		} else if err != nil {
			return "", nil, err
		}
		stored := map[string]oncall.Holiday{}
		for _, h := range rg.Holidays {
			if h.Source == oncall.SourceImport && h.Calendar == p.Calendar {
				stored[h.UID] = h
			}
		}
		seen := map[string]bool{}
		for _, h := range holidaysOf(p.items, p.Calendar) {
			seen[h.UID] = true
			c := Change{UID: h.UID, Name: h.Name, When: h.Date}
			old, ok := stored[h.UID]
			switch {
			case !ok:
				c.Action = ActionNew
			case old.Date != h.Date || old.Name != h.Name:
				c.Action, c.Was = ActionUpdated, old.Name+" on "+old.Date
			default:
				c.Action = ActionUnchanged
			}
			out = append(out, c)
		}
		for _, h := range rg.Holidays {
			if h.Source == oncall.SourceImport && h.Calendar == p.Calendar && !seen[h.UID] && !p.keptHoliday(&h) {
				out = append(out, Change{Action: ActionRemoved, UID: h.UID, Name: h.Name, When: h.Date})
			}
		}
		return rg.Name, out, nil
	case TargetTimeOff:
		person, err := people.Persons.Get(txn, p.Target.PersonID)
		if errs.Is(err, errs.NotFound) {
			return "", nil, errs.FieldErr("personId", "The person does not exist (any more).")
		} else if err != nil {
			return "", nil, err
		}
		stored, err := importedTimeOffTx(txn, p.Target.PersonID, p.Calendar)
		if err != nil {
			return "", nil, err
		}
		seen := make(map[string]bool, len(p.items))
		for i := range p.items {
			it := &p.items[i]
			seen[it.Key] = true
			x := timeOffOf(it, p.Target, p.Calendar)
			c := Change{UID: it.Key, Name: it.Name, When: it.When()}
			old, ok := stored[it.Key]
			switch {
			case !ok:
				c.Action = ActionNew
			case !sameTimeOff(&old, &x):
				c.Action, c.Was = ActionUpdated, old.Note+", "+timeOffWhen(&old)
			default:
				c.Action = ActionUnchanged
			}
			out = append(out, c)
		}
		keys := make([]string, 0, len(stored))
		for k, t := range stored {
			if !seen[k] && !p.keptTimeOff(&t) {
				keys = append(keys, k)
			}
		}
		sort.Strings(keys)
		for _, k := range keys {
			t := stored[k]
			out = append(out, Change{Action: ActionRemoved, UID: k, Name: t.Note, When: timeOffWhen(&t)})
		}
		return person.Name, out, nil
	}
	return "", nil, errs.FieldErr("kind", "Unknown import target.")
}

// importedTimeOffTx reads a person's time off imported from one calendar, by UID.
func importedTimeOffTx(txn *badger.Txn, person id.ID, cal string) (map[string]oncall.TimeOff, error) {
	out := map[string]oncall.TimeOff{}
	for _, u := range store.Lookup(txn, store.IdxTimeOffPerson, store.Term(person)) {
		t, err := oncall.TimeOffs.Get(txn, u)
		if err != nil {
			return nil, err
		}
		if t.Source == oncall.SourceImport && t.Calendar == cal {
			out[t.UID] = t
		}
	}
	return out, nil
}

// redo is a big import's whole change set, written in one transaction
// before it is applied in chunks; a crash in between is completed when the
// workspace next opens (NewService).
type redo struct {
	ID      id.ID            `json:"id"`
	Puts    []oncall.TimeOff `json:"puts"`
	Deletes []id.ID          `json:"deletes"`
}

// RedoThreshold: imports with more writes than this are applied in chunks
// through a redo record instead of one transaction (Badger bounds the size
// of a transaction).
const RedoThreshold = 2000

const redoChunk = 500

func redoKey(u id.ID) []byte { return store.Key(store.PrefixCalImportRedo, u) }

// Apply performs a preview: the diff is computed again against what is
// stored now, so changes made since the preview are respected. Holidays are
// one record (one transaction). Time off is one transaction up to
// RedoThreshold writes; beyond, the change set is first stored whole (a redo
// record) and then applied in chunks: other readers may briefly see part of
// it, and a crash completes it on the next open.
func (s *Service) Apply(p *Preview) (ApplyResult, error) {
	var res ApplyResult
	if p != nil && p.read && len(p.items) == 0 && p.Events > 0 {
		// Every event was skipped: say why instead of "Preview the file first."
		return res, nothingToImport(p.Events, p.Warnings)
	}
	if p == nil || p.items == nil && p.Events > 0 {
		return res, errs.E(errs.Invalid, "Preview the file first.")
	}
	now := s.clock.Now().UTC()
	switch p.Target.Kind {
	case TargetHolidays:
		err := s.st.Update(func(txn *badger.Txn) error {
			res = ApplyResult{}
			rg, err := oncall.Regions.Get(txn, p.Target.RegionID)
			if err != nil {
				return err
			}
			_, changes, err := diffTx(txn, p)
			if err != nil {
				return err
			}
			count(&res, changes)
			var keep []oncall.Holiday
			incoming := holidaysOf(p.items, p.Calendar)
			listed := make(map[string]bool, len(incoming))
			for _, h := range incoming {
				listed[h.UID] = true
			}
			for _, h := range rg.Holidays {
				if !(h.Source == oncall.SourceImport && h.Calendar == p.Calendar) || !listed[h.UID] && p.keptHoliday(&h) {
					keep = append(keep, h)
				}
			}
			rg.Holidays = append(keep, incoming...)
			rg.Normalize()
			rg.UpdatedAt = now
			if err := oncall.CheckRegionTx(txn, &rg); err != nil {
				return err
			}
			if err := markAppliedTx(txn, p, now); err != nil {
				return err
			}
			return oncall.Regions.Put(txn, &rg)
		})
		return res, errs.Wrap("calendar.Apply", err)
	case TargetTimeOff:
		var rd redo
		build := func(txn *badger.Txn) error {
			res = ApplyResult{}
			rd = redo{ID: id.New(now)}
			if _, err := people.Persons.Get(txn, p.Target.PersonID); err != nil {
				return err
			}
			stored, err := importedTimeOffTx(txn, p.Target.PersonID, p.Calendar)
			if err != nil {
				return err
			}
			seen := make(map[string]bool, len(p.items))
			for i := range p.items {
				it := &p.items[i]
				seen[it.Key] = true
				x := timeOffOf(it, p.Target, p.Calendar)
				old, ok := stored[it.Key]
				switch {
				case !ok:
					x.ID, x.CreatedAt, x.UpdatedAt = id.New(now), now, now
					res.Added++
				case !sameTimeOff(&old, &x):
					x.ID, x.CreatedAt, x.UpdatedAt = old.ID, old.CreatedAt, now
					res.Updated++
				default:
					res.Unchanged++
					continue
				}
				x.Normalize()
				if err := x.Validate(); err != nil {
					return errs.E(errs.Invalid, "%s (%s): %s", it.Name, it.When(), errs.MessageOf(err))
				}
				rd.Puts = append(rd.Puts, x)
			}
			for k, t := range stored {
				if !seen[k] && !p.keptTimeOff(&t) {
					rd.Deletes = append(rd.Deletes, t.ID)
					res.Removed++
				}
			}
			return nil
		}
		small := false
		err := s.st.Update(func(txn *badger.Txn) error {
			if err := build(txn); err != nil {
				return err
			}
			if len(rd.Puts)+len(rd.Deletes) <= RedoThreshold {
				small = true
				if err := markAppliedTx(txn, p, now); err != nil {
					return err
				}
				return applyOps(txn, rd.Puts, rd.Deletes)
			}
			return store.PutJSON(txn, redoKey(rd.ID), rd)
		})
		if err != nil || small {
			return res, errs.Wrap("calendar.Apply", err)
		}
		if err := s.replay(rd); err != nil {
			return res, errs.Wrap("calendar.Apply", err)
		}
		return res, errs.Wrap("calendar.Apply", s.st.Update(func(txn *badger.Txn) error { return markAppliedTx(txn, p, now) }))
	}
	return res, errs.FieldErr("kind", "Unknown import target.")
}

func count(res *ApplyResult, changes []Change) {
	for _, c := range changes {
		switch c.Action {
		case ActionNew:
			res.Added++
		case ActionUpdated:
			res.Updated++
		case ActionUnchanged:
			res.Unchanged++
		case ActionRemoved:
			res.Removed++
		}
	}
}

// applyOps writes time off and deletes entries; idempotent.
func applyOps(txn *badger.Txn, puts []oncall.TimeOff, deletes []id.ID) error {
	for i := range puts {
		if err := oncall.TimeOffs.Put(txn, &puts[i]); err != nil {
			return err
		}
	}
	for _, u := range deletes {
		if err := oncall.TimeOffs.Delete(txn, u); err != nil && !errs.Is(err, errs.NotFound) {
			return err
		}
	}
	return nil
}

// replay applies a redo record in chunks and then removes it.
func (s *Service) replay(rd redo) error {
	for i := 0; i < len(rd.Puts); i += redoChunk {
		chunk := rd.Puts[i:min(i+redoChunk, len(rd.Puts))]
		if err := s.st.Update(func(txn *badger.Txn) error { return applyOps(txn, chunk, nil) }); err != nil {
			return err
		}
	}
	for i := 0; i < len(rd.Deletes); i += redoChunk {
		chunk := rd.Deletes[i:min(i+redoChunk, len(rd.Deletes))]
		if err := s.st.Update(func(txn *badger.Txn) error { return applyOps(txn, nil, chunk) }); err != nil {
			return err
		}
	}
	return s.st.Update(func(txn *badger.Txn) error { return txn.Delete(redoKey(rd.ID)) })
}

// recover completes imports a crash interrupted.
func (s *Service) recover() error {
	var pending []redo
	err := s.st.View(func(txn *badger.Txn) error {
		return store.Scan(txn, store.Prefix(store.PrefixCalImportRedo), func(_ []byte, rd *redo) error {
			pending = append(pending, *rd)
			return nil
		})
	})
	if err != nil {
		return fmt.Errorf("calendar: reading interrupted imports: %w", err)
	}
	for _, rd := range pending {
		s.log.Warn("completing a calendar import a crash interrupted", "entries", len(rd.Puts), "removals", len(rd.Deletes))
		if err := s.replay(rd); err != nil {
			return fmt.Errorf("calendar: completing an interrupted import: %w", err)
		}
	}
	return nil
}
