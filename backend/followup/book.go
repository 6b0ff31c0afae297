package followup

import (
	"bytes"
	"fmt"
	"slices"
	"sort"
	"time"

	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/civil"
	"wheelhouse/backend/clock"
	"wheelhouse/backend/errs"
	"wheelhouse/backend/id"
	"wheelhouse/backend/people"
	"wheelhouse/backend/store"
)

// Items is the table of follow-ups. Its indexes are key-only, so counting and
// "what is overdue" read keys and decode only the items they return:
//   - owner:  owner id | status | item id            (per-owner stats, owner filter)
//   - source: kind | source id | status | item id    (an incident's follow-ups, per-source counts)
//   - brief:  'o' due date | brief | item id         (open and in-progress items; undated last)
//     'c' completion date | brief | item id  (done and won't do)
//     a covering index: the follow-ups view and the reminder queries read keys only
var Items = &store.Table[Item]{
	Name: "follow-up", Prefix: store.PrefixFollowUp,
	ID: func(it *Item) id.ID { return it.ID },
	Indexes: []store.Index[Item]{
		{Prefix: store.IdxFollowUpOwner, Terms: func(it *Item) [][]byte {
			return [][]byte{store.Term(it.OwnerID, string(it.Status))}
		}},
		{Prefix: store.IdxFollowUpSource, Terms: func(it *Item) [][]byte {
			if it.Source.Kind == "" {
				return nil
			}
			return [][]byte{store.Term(string(it.Source.Kind), it.Source.ID, string(it.Status))}
		}},
		{Prefix: store.IdxFollowUpBrief, Terms: func(it *Item) [][]byte { return [][]byte{briefTerm(it)} }},
	},
}

// SourceCheck tells whether the source record u of a kind exists and returns
// the label to show for it (e.g. the incident title). A missing record is
// errs.NotFound. Areas register one per kind with Book.RegisterSource.
type SourceCheck func(txn *badger.Txn, u id.ID) (label string, err error)

// Book is the follow-ups service.
type Book struct {
	st      *store.Store
	clock   clock.Clock
	sources map[SourceKind]SourceCheck
}

// NewBook builds the service.
func NewBook(st *store.Store, c clock.Clock) *Book {
	return &Book{st: st, clock: c, sources: map[SourceKind]SourceCheck{}}
}

// RegisterSource lets an area vouch for follow-ups of its kind. Follow-ups of
// a kind nobody registered are refused.
func (b *Book) RegisterSource(k SourceKind, check SourceCheck) { b.sources[k] = check }

// check normalizes and validates it, on its own and against stored data.
func (b *Book) check(txn *badger.Txn, it *Item) error {
	it.Normalize()
	var c errs.Collector
	if err := c.Merge("", it.Validate()); err != nil {
		return err
	}
	if !it.OwnerID.IsZero() {
		if ok, err := people.Persons.Exists(txn, it.OwnerID); err != nil {
			return err
		} else if !ok {
			c.Add("ownerId", "The chosen owner does not exist (any more).")
		}
	}
	if it.Source.Kind != "" && !c.Has("source.kind") && !c.Has("source.id") {
		chk := b.sources[it.Source.Kind]
		if chk == nil {
			c.Add("source.kind", "Follow-ups from %s records cannot be stored yet.", it.Source.Kind)
		} else {
			label, err := chk(txn, it.Source.ID)
			switch {
			case errs.Is(err, errs.NotFound):
				c.Add("source.id", "The %s this follow-up belongs to does not exist (any more).", kindName(it.Source.Kind))
			case err != nil:
				return err
			default:
				it.Source.Label = label
			}
		}
	}
	return c.Err()
}

func kindName(k SourceKind) string {
	switch k {
	case SourceIncidentReview:
		return "incident"
	case SourceOneOnOne:
		return "1:1"
	case SourceDevelopmentPlan:
		return "development plan"
	}
	return string(k)
}

// Create validates and stores a new follow-up. Status and completion time
// follow the same rules as SetStatus.
func (b *Book) Create(it Item) (Item, error) {
	now := b.clock.Now().UTC()
	it.ID = id.New(now)
	it.CreatedAt, it.UpdatedAt = now, now
	it.OwnerRemoved = false
	applyStatus(&it, it.Status, it.Reason, now)
	err := b.st.Update(func(txn *badger.Txn) error {
		if err := b.check(txn, &it); err != nil {
			return err
		}
		return Items.Put(txn, &it)
	})
	return it, errs.Wrap("followup.Create", err)
}

// Update replaces the editable fields (title, owner, due date, priority,
// notes) of a stored follow-up. Status, reason and source are kept: change
// the status with SetStatus.
func (b *Book) Update(it Item) (Item, error) {
	var out Item
	err := b.st.Update(func(txn *badger.Txn) error {
		old, err := Items.Get(txn, it.ID)
		if err != nil {
			return err
		}
		it.Status, it.Reason, it.CompletedAt = old.Status, old.Reason, old.CompletedAt
		it.Source, it.CreatedAt = old.Source, old.CreatedAt
		it.OwnerRemoved = old.OwnerRemoved && it.OwnerID.IsZero()
		it.UpdatedAt = b.clock.Now().UTC()
		if err := b.check(txn, &it); err != nil {
			return err
		}
		out = it
		return Items.Put(txn, &it)
	})
	return out, errs.Wrap("followup.Update", err)
}

// SetStatus moves a follow-up to status s. Done and won't-do set CompletedAt
// (won't-do needs a reason); reopening clears CompletedAt and the reason.
func (b *Book) SetStatus(u id.ID, s Status, reason string) (Item, error) {
	return b.edit("followup.SetStatus", u, func(it *Item, now time.Time) {
		applyStatus(it, s, reason, now)
	})
}

// Change is a partial edit of one follow-up, for bulk actions on many rows:
// nil fields are kept. Status and Reason follow SetStatus (won't-do needs a
// reason; reopening clears completion); an empty Status keeps the status.
type Change struct {
	OwnerID *id.ID
	DueDate *string // "" removes the due date
	Status  Status
	Reason  string
}

// Change applies c to follow-up u in one transaction, checked as Update and
// SetStatus check theirs. Other fields (title, notes, priority, source) are
// kept as stored.
func (b *Book) Change(u id.ID, c Change) (Item, error) {
	return b.edit("followup.Change", u, func(it *Item, now time.Time) {
		if c.OwnerID != nil {
			it.OwnerID = *c.OwnerID
			it.OwnerRemoved = it.OwnerRemoved && it.OwnerID.IsZero()
		}
		if c.DueDate != nil {
			it.DueDate = *c.DueDate
		}
		if c.Status != "" {
			applyStatus(it, c.Status, c.Reason, now)
		}
	})
}

// edit applies fn to stored follow-up u in one transaction, stamps it updated
// and checks it as Update does. op names the error.
func (b *Book) edit(op string, u id.ID, fn func(it *Item, now time.Time)) (Item, error) {
	var out Item
	err := b.st.Update(func(txn *badger.Txn) error {
		it, err := Items.Get(txn, u)
		if err != nil {
			return err
		}
		now := b.clock.Now().UTC()
		fn(&it, now)
		it.UpdatedAt = now
		if err := b.check(txn, &it); err != nil {
			return err
		}
		out = it
		return Items.Put(txn, &it)
	})
	return out, errs.Wrap(op, err)
}

func applyStatus(it *Item, s Status, reason string, now time.Time) {
	if s == "" {
		s = StatusOpen
	}
	wasClosed := it.Status != "" && !it.Status.IsOpen()
	it.Status = s
	if s.IsOpen() {
		it.CompletedAt, it.Reason = time.Time{}, ""
		return
	}
	if !wasClosed || it.CompletedAt.IsZero() {
		it.CompletedAt = now
	}
	if s == StatusWontDo {
		it.Reason = reason
	} else {
		it.Reason = ""
	}
}

// Delete removes a follow-up.
func (b *Book) Delete(u id.ID) error {
	return errs.Wrap("followup.Delete", b.st.Update(func(txn *badger.Txn) error { return Items.Delete(txn, u) }))
}

// Get reads one follow-up.
func (b *Book) Get(u id.ID) (it Item, err error) {
	err = b.st.View(func(txn *badger.Txn) error {
		it, err = Items.Get(txn, u)
		return err
	})
	return it, errs.Wrap("followup.Get", err)
}

// Filter selects follow-ups. Empty fields select everything.
type Filter struct {
	OwnerIDs   []id.ID    `json:"ownerIds,omitempty" ts_type:"string[]"`
	SourceKind SourceKind `json:"sourceKind,omitempty"`
	SourceID   id.ID      `json:"sourceId,omitzero" ts_type:"string"` // with SourceKind
	Statuses   []Status   `json:"statuses,omitempty"`
	// OverdueOnly keeps open items whose due date is before Today.
	OverdueOnly bool   `json:"overdueOnly,omitempty"`
	Today       string `json:"today,omitempty"` // civil date in the manager's zone; needed by OverdueOnly
	// DueBefore keeps items with a due date before this civil date.
	DueBefore string `json:"dueBefore,omitempty"`
}

func (f *Filter) validate() error {
	var c errs.Collector
	if f.OverdueOnly {
		if _, ok := civil.Parse(f.Today); !ok {
			c.Add("today", "Overdue needs today's date (YYYY-MM-DD).")
		}
	}
	if f.DueBefore != "" {
		if _, ok := civil.Parse(f.DueBefore); !ok {
			c.Add("dueBefore", "Due before must be a date like 2026-03-01.")
		}
	}
	for _, s := range f.Statuses {
		if !slices.Contains(Statuses, s) {
			c.Add("statuses", "Unknown status %q.", s)
		}
	}
	if f.SourceKind != "" && !slices.Contains(SourceKinds, f.SourceKind) {
		c.Add("sourceKind", "Unknown source kind %q.", f.SourceKind)
	}
	return c.Err()
}

func (f *Filter) match(it *Brief) bool {
	if len(f.OwnerIDs) > 0 && !slices.Contains(f.OwnerIDs, it.OwnerID) {
		return false
	}
	if f.SourceKind != "" && it.Source.Kind != f.SourceKind {
		return false
	}
	if !f.SourceID.IsZero() && it.Source.ID != f.SourceID {
		return false
	}
	if len(f.Statuses) > 0 && !slices.Contains(f.Statuses, it.Status) {
		return false
	}
	if f.OverdueOnly && !it.IsOverdue(f.Today) {
		return false
	}
	if f.DueBefore != "" && (it.DueDate == "" || it.DueDate >= f.DueBefore) {
		return false
	}
	return true
}

// onlyOpen reports whether the filter can only match open items, so the open
// index has every candidate.
func (f *Filter) onlyOpen() bool {
	if f.OverdueOnly {
		return true
	}
	if len(f.Statuses) == 0 {
		return false
	}
	for _, s := range f.Statuses {
		if !s.IsOpen() {
			return false
		}
	}
	return true
}

// end is the due-date bound of the filter for the open index ("" for none).
func (f *Filter) end() string {
	end := f.DueBefore
	if f.OverdueOnly && (end == "" || f.Today < end) {
		end = f.Today
	}
	return end
}

// ListTx returns the follow-ups matching f, by due date (items without one
// last), then creation. It reads through the narrowest index the filter
// allows: the source index for one source, the open index for open items
// (up to the due-date bound), the owner index for owners; otherwise every
// item.
func ListTx(txn *badger.Txn, f Filter) ([]Item, error) {
	if err := f.validate(); err != nil {
		return nil, err
	}
	var ids []id.ID
	all := false
	switch {
	case f.SourceKind != "" && !f.SourceID.IsZero():
		p := store.Key(store.IdxFollowUpSource, string(f.SourceKind), f.SourceID)
		ids = store.IDs(txn, store.Range{Prefix: p})
	case f.onlyOpen():
		err := scanGroup(txn, groupOpen, f.end(), func(k []byte) error {
			ids = append(ids, store.LastID(k))
			return nil
		})
		if err != nil {
			return nil, err
		}
	case len(f.OwnerIDs) > 0:
		for _, o := range f.OwnerIDs {
			ids = append(ids, store.IDs(txn, store.Prefix(store.IdxFollowUpOwner, o))...)
		}
	default:
		all = true
	}
	var out []Item
	if all {
		err := Items.Each(txn, func(it *Item) error {
			if b := it.Brief(); f.match(&b) {
				out = append(out, *it)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	} else {
		for _, u := range ids {
			it, err := Items.Get(txn, u)
			if err != nil {
				return nil, err
			}
			if b := it.Brief(); f.match(&b) {
				out = append(out, it)
			}
		}
	}
	sortByDue(out)
	return out, nil
}

// List is ListTx in its own read transaction.
func (b *Book) List(f Filter) (out []Item, err error) {
	err = b.st.View(func(txn *badger.Txn) error {
		out, err = ListTx(txn, f)
		return err
	})
	return out, errs.Wrap("followup.List", err)
}

func sortByDue(l []Item) {
	sort.SliceStable(l, func(i, j int) bool { return dueLess(l[i].DueDate, l[j].DueDate, l[i].ID, l[j].ID) })
}

func dueLess(a, b string, ia, ib id.ID) bool {
	if a != b {
		if a == "" || b == "" {
			return b == ""
		}
		return a < b
	}
	return bytes.Compare(ia[:], ib[:]) < 0
}

// Overdue returns the open and in-progress follow-ups whose due date is
// before today, oldest due date first (then oldest item). today is a civil
// date "YYYY-MM-DD" in the manager's time zone; the caller computes it (this
// package knows no zones). It is a range scan of the brief index and reads
// keys only (no record is decoded). Meant for the reminder engine: call it
// inside the engine's own read transaction; Brief.ID is stable, for reminder
// keys.
func Overdue(txn *badger.Txn, today string) ([]Brief, error) {
	if _, ok := civil.Parse(today); !ok {
		return nil, errs.FieldErr("today", "Today must be a date like 2026-03-01.")
	}
	var out []Brief
	err := briefs(txn, groupOpen, today, func(b *Brief) bool { out = append(out, *b); return true })
	return out, err
}

// DueOn returns the open and in-progress follow-ups due exactly on date (a
// civil date), for "due today" / "due tomorrow" reminders. Keys only, like
// Overdue.
func DueOn(txn *badger.Txn, date string) ([]Brief, error) {
	if _, ok := civil.Parse(date); !ok {
		return nil, errs.FieldErr("date", "Due date must be a date like 2026-03-01.")
	}
	var out []Brief
	err := store.Keys(txn, store.Range{Prefix: append([]byte{store.IdxFollowUpBrief, groupOpen}, date...)}, func(k []byte) error {
		b, err := decodeBriefKey(k)
		out = append(out, b)
		return err
	})
	return out, err
}

// Counts tallies follow-ups by status.
type Counts struct {
	Total  int `json:"total"`
	Open   int `json:"open"` // open or in progress
	Done   int `json:"done"`
	WontDo int `json:"wontDo"`
}

func (c *Counts) add(s Status) {
	c.Total++
	switch {
	case s == StatusDone:
		c.Done++
	case s == StatusWontDo:
		c.WontDo++
	default:
		c.Open++
	}
}

// CountBySource counts the follow-ups of every source of kind k, reading
// index keys only.
func CountBySource(txn *badger.Txn, k SourceKind) (map[id.ID]Counts, error) {
	out := map[id.ID]Counts{}
	p := store.Key(store.IdxFollowUpSource, string(k))
	err := store.Keys(txn, store.Range{Prefix: p}, func(key []byte) error {
		rest := key[len(p):]
		if len(rest) < 16+4+16 {
			return nil
		}
		r := store.ReadTerm(rest)
		src := r.ID()
		st, ok := lpString(rest[16 : len(rest)-16])
		if !ok {
			return fmt.Errorf("action: malformed source index key %x", key)
		}
		c := out[src]
		c.add(Status(st))
		out[src] = c
		return nil
	})
	return out, err
}

// CountForSources counts the follow-ups of the given sources of kind k,
// reading index keys only. Sources and index keys are both in id order, so
// it walks them together and seeks (a new range of one cursor) only over
// keys of sources not asked for: cheaper than CountBySource when only some
// sources matter (the incidents of a metrics window).
func CountForSources(txn *badger.Txn, k SourceKind, sources []id.ID) (map[id.ID]Counts, error) {
	out := make(map[id.ID]Counts, len(sources))
	if len(sources) == 0 {
		return out, nil
	}
	ids := append([]id.ID(nil), sources...)
	sort.Slice(ids, func(i, j int) bool { return bytes.Compare(ids[i][:], ids[j][:]) < 0 })
	kp := store.Key(store.IdxFollowUpSource, string(k))
	c := store.NewCursor(txn, kp, false)
	defer c.Close()
	for cur := 0; cur < len(ids); {
		behind := false // at a source nobody asked for: seek to ids[cur]
		err := c.Keys(store.Range{Prefix: kp, Start: store.Key(store.IdxFollowUpSource, string(k), ids[cur])}, func(key []byte) error {
			if len(key) < len(kp)+16+4+16 {
				return fmt.Errorf("action: malformed source index key %x", key)
			}
			src := key[len(kp) : len(kp)+16]
			if bytes.Compare(src, ids[cur][:]) > 0 { // no more keys for ids[cur]: move on to the first id >= src
				cur += sort.Search(len(ids)-cur, func(i int) bool { return bytes.Compare(ids[cur+i][:], src) >= 0 })
				if cur == len(ids) {
					return store.Stop
				}
			}
			if bytes.Compare(src, ids[cur][:]) < 0 {
				behind = true
				return store.Stop
			}
			st, ok := lpString(key[len(kp)+16 : len(key)-16])
			if !ok {
				return fmt.Errorf("action: malformed source index key %x", key)
			}
			cnt := out[ids[cur]]
			cnt.add(Status(st))
			out[ids[cur]] = cnt
			return nil
		})
		if err != nil {
			return nil, err
		}
		if !behind {
			break
		}
	}
	return out, nil
}

// lpString reads one length-prefixed string that fills b exactly.
func lpString(b []byte) (string, bool) {
	r := store.ReadTerm(b)
	v := r.String()
	return v, r.Done()
}
