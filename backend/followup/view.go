package followup

import (
	"bytes"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/civil"
	"wheelhouse/backend/errs"
	"wheelhouse/backend/id"
	"wheelhouse/backend/people"
	"wheelhouse/backend/store"
)

// Bucket is where a follow-up sits in the follow-ups view.
type Bucket string

const (
	BucketOverdue Bucket = "overdue"  // open, due date before today
	BucketDueSoon Bucket = "due_soon" // open, due today or within SoonDays
	BucketLater   Bucket = "later"    // open, due later or without a due date
	BucketClosed  Bucket = "closed"   // done or won't do
)

var bucketRank = map[Bucket]int{BucketOverdue: 0, BucketDueSoon: 1, BucketLater: 2, BucketClosed: 3}

// DefaultSoonDays is how far ahead "due soon" looks.
const DefaultSoonDays = 7

// Classify puts an item in its bucket for today (a civil date).
func Classify(it *Brief, today string, soonDays int) Bucket {
	switch {
	case !it.Status.IsOpen():
		return BucketClosed
	case it.DueDate == "":
		return BucketLater
	case it.DueDate < today:
		return BucketOverdue
	case it.DueDate <= civil.AddDays(today, soonDays):
		return BucketDueSoon
	}
	return BucketLater
}

// Row is one line of the follow-ups view.
type Row struct {
	Item        Brief  `json:"item"`
	Bucket      Bucket `json:"bucket"`
	DaysOverdue int    `json:"daysOverdue,omitempty"`
}

var priorityRank = map[Priority]int{PriorityUrgent: 0, PriorityHigh: 1, PriorityMedium: 2, PriorityLow: 3}

// Order returns items as the follow-ups view shows them: overdue first
// (oldest due date first), then due soon (soonest first), then the rest of
// the open ones (by due date, undated last), then closed ones (most recently
// closed first). Ties go to the higher priority, then the older item.
func Order(items []Brief, today string, soonDays int) []Row {
	rows := make([]Row, len(items))
	td, _ := civil.Parse(today)
	for i := range items {
		r := Row{Item: items[i], Bucket: Classify(&items[i], today, soonDays)}
		if r.Bucket == BucketOverdue {
			if d, ok := civil.Parse(items[i].DueDate); ok {
				r.DaysOverdue = int(td.Sub(d) / (24 * time.Hour))
			}
		}
		rows[i] = r
	}
	sort.SliceStable(rows, func(i, j int) bool {
		a, b := &rows[i], &rows[j]
		if a.Bucket != b.Bucket {
			return bucketRank[a.Bucket] < bucketRank[b.Bucket]
		}
		if a.Bucket == BucketClosed {
			if !a.Item.CompletedAt.Equal(b.Item.CompletedAt) {
				return a.Item.CompletedAt.After(b.Item.CompletedAt)
			}
		} else if a.Item.DueDate != b.Item.DueDate {
			if a.Item.DueDate == "" || b.Item.DueDate == "" {
				return b.Item.DueDate == ""
			}
			return a.Item.DueDate < b.Item.DueDate
		}
		if pa, pb := priorityRank[a.Item.Priority], priorityRank[b.Item.Priority]; pa != pb {
			return pa < pb
		}
		return bytes.Compare(a.Item.ID[:], b.Item.ID[:]) < 0
	})
	return rows
}

// Stats tallies follow-ups.
type Stats struct {
	Total   int `json:"total"`
	Open    int `json:"open"` // open or in progress
	Done    int `json:"done"`
	WontDo  int `json:"wontDo"`
	Overdue int `json:"overdue"`
	// CompletionRate is Done / (Total - WontDo): a follow-up someone decided
	// not to do neither helps nor hurts. 0 when nothing counts.
	CompletionRate float64 `json:"completionRate"`
}

func (s *Stats) add(f Fact) {
	s.Total++
	switch {
	case f.Status == StatusDone:
		s.Done++
	case f.Status == StatusWontDo:
		s.WontDo++
	default:
		s.Open++
	}
	if f.Overdue {
		s.Overdue++
	}
}

func (s *Stats) finish() {
	if d := s.Total - s.WontDo; d > 0 {
		s.CompletionRate = float64(s.Done) / float64(d)
	}
}

// OwnerStats are one owner's numbers. OwnerID Nil collects the follow-ups
// whose owner was deleted.
type OwnerStats struct {
	OwnerID id.ID `json:"ownerId" ts_type:"string"`
	Stats
}

// TeamStats add up the owner stats of a team's members (someone in two teams
// counts in both).
type TeamStats struct {
	TeamID id.ID  `json:"teamId" ts_type:"string"`
	Name   string `json:"name"`
	Stats
}

// Fact is what the stats need of one follow-up.
type Fact struct {
	OwnerID id.ID
	Status  Status
	Overdue bool
}

// Tally computes overall, per-owner and per-team stats. Owners come most
// overdue first (then most open, then by id); teams by name.
func Tally(facts []Fact, teams []people.Team) (all Stats, owners []OwnerStats, byTeam []TeamStats) {
	per := map[id.ID]*OwnerStats{}
	for _, f := range facts {
		all.add(f)
		o := per[f.OwnerID]
		if o == nil {
			o = &OwnerStats{OwnerID: f.OwnerID}
			per[f.OwnerID] = o
		}
		o.add(f)
	}
	all.finish()
	for _, o := range per {
		o.finish()
		owners = append(owners, *o)
	}
	sort.Slice(owners, func(i, j int) bool {
		a, b := owners[i], owners[j]
		if a.Overdue != b.Overdue {
			return a.Overdue > b.Overdue
		}
		if a.Open != b.Open {
			return a.Open > b.Open
		}
		return bytes.Compare(a.OwnerID[:], b.OwnerID[:]) < 0
	})
	for _, t := range teams {
		ts := TeamStats{TeamID: t.ID, Name: t.Name}
		for _, m := range t.MemberIDs {
			if o := per[m]; o != nil {
				ts.Total += o.Total
				ts.Open += o.Open
				ts.Done += o.Done
				ts.WontDo += o.WontDo
				ts.Overdue += o.Overdue
			}
		}
		ts.finish()
		byTeam = append(byTeam, ts)
	}
	sort.SliceStable(byTeam, func(i, j int) bool { return strings.ToLower(byTeam[i].Name) < strings.ToLower(byTeam[j].Name) })
	return all, owners, byTeam
}

// ViewOptions select what the follow-ups view lists.
type ViewOptions struct {
	// Filter selects the rows; without statuses it lists open and
	// in-progress items. The stats always cover every follow-up.
	Filter   Filter `json:"filter"`
	SoonDays int    `json:"soonDays"` // 0 means DefaultSoonDays
	// ClosedLimit caps the closed rows (done, won't do) a filter with
	// closed statuses lists: the most recently closed ones. 0 means
	// DefaultClosedLimit; negative, no cap.
	ClosedLimit int `json:"closedLimit"`
	// CountsOnly leaves the rows out: the stats and bucket counts alone (the
	// sidebar's overdue badge on every screen, without 600 KiB of rows).
	CountsOnly bool `json:"countsOnly,omitempty"`
}

// DefaultClosedLimit is how many closed follow-ups the view lists by default.
const DefaultClosedLimit = 200

// View is the follow-ups screen.
type View struct {
	Today    string `json:"today"`
	SoonDays int    `json:"soonDays"`
	Rows     []Row  `json:"rows"`
	Overdue  int    `json:"overdue"` // rows in the overdue bucket
	DueSoon  int    `json:"dueSoon"` // rows in the due-soon bucket
	// MoreClosed says that more closed follow-ups match than ClosedLimit listed.
	MoreClosed bool         `json:"moreClosed,omitempty"`
	All        Stats        `json:"all"`
	Owners     []OwnerStats `json:"owners"`
	Teams      []TeamStats  `json:"teams"`
}

// ViewTx builds the follow-ups view for today (a civil date in the
// manager's zone). Rows come from the brief index and the stats from the
// owner and brief indexes: keys only, no record is decoded.
func ViewTx(txn *badger.Txn, today string, opt ViewOptions) (View, error) {
	if _, ok := civil.Parse(today); !ok {
		return View{}, errs.FieldErr("today", "Today must be a date like 2026-03-01.")
	}
	if opt.SoonDays <= 0 {
		opt.SoonDays = DefaultSoonDays
	}
	v := View{Today: today, SoonDays: opt.SoonDays}
	f := opt.Filter
	if len(f.Statuses) == 0 {
		f.Statuses = []Status{StatusOpen, StatusInProgress}
	}
	if err := f.validate(); err != nil {
		return v, err
	}
	var list []Brief
	keep := func(b *Brief) bool {
		if f.match(b) {
			list = append(list, *b)
		}
		return true
	}
	if err := briefs(txn, groupOpen, f.end(), keep); err != nil {
		return v, err
	}
	if !f.onlyOpen() {
		limit := opt.ClosedLimit
		if limit == 0 {
			limit = DefaultClosedLimit
		}
		n := 0
		err := latestBriefs(txn, groupClosed, func(b *Brief) bool {
			if !f.match(b) {
				return true
			}
			if limit > 0 && n == limit {
				v.MoreClosed = true
				return false
			}
			n++
			list = append(list, *b)
			return true
		})
		if err != nil {
			return v, err
		}
	}
	v.Rows = Order(list, today, opt.SoonDays)
	for _, r := range v.Rows {
		switch r.Bucket {
		case BucketOverdue:
			v.Overdue++
		case BucketDueSoon:
			v.DueSoon++
		}
	}
	facts, err := factsTx(txn, today)
	if err != nil {
		return v, err
	}
	teams, err := people.Teams.List(txn)
	if err != nil {
		return v, err
	}
	v.All, v.Owners, v.Teams = Tally(facts, teams)
	if v.Rows == nil || opt.CountsOnly {
		v.Rows = []Row{}
	}
	return v, nil
}

// View is ViewTx in its own read transaction.
func (b *Book) View(today string, opt ViewOptions) (v View, err error) {
	err = b.st.View(func(txn *badger.Txn) error {
		v, err = ViewTx(txn, today, opt)
		return err
	})
	return v, errs.Wrap("followup.FollowUps", err)
}

// factsTx reads one Fact per follow-up from the owner and brief indexes.
func factsTx(txn *badger.Txn, today string) ([]Fact, error) {
	overdue := map[id.ID]bool{}
	err := scanGroup(txn, groupOpen, today, func(k []byte) error {
		overdue[store.LastID(k)] = true
		return nil
	})
	if err != nil {
		return nil, err
	}
	var facts []Fact
	err = store.Keys(txn, store.Prefix(store.IdxFollowUpOwner), func(k []byte) error {
		if len(k) < 1+16+4+16 {
			return fmt.Errorf("action: malformed owner index key %x", k)
		}
		r := store.ReadKey(k)
		f := Fact{OwnerID: r.ID()}
		st, ok := lpString(k[17 : len(k)-16])
		if !ok {
			return fmt.Errorf("action: malformed owner index key %x", k)
		}
		f.Status = Status(st)
		f.Overdue = overdue[store.LastID(k)]
		facts = append(facts, f)
		return nil
	})
	return facts, err
}
