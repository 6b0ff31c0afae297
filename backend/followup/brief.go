package followup

import (
	"encoding/binary"
	"fmt"
	"time"

	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/civil"
	"wheelhouse/backend/id"
	"wheelhouse/backend/store"
)

// Brief is a follow-up as lists and reminders show it: everything but the
// notes. Every item's brief is kept in the brief index
// (store.IdxFollowUpBrief), so the follow-ups view and the reminder queries
// read index keys and decode no JSON. To edit an item, load it with Get.
type Brief struct {
	ID           id.ID     `json:"id" ts_type:"string"`
	Title        string    `json:"title"`
	OwnerID      id.ID     `json:"ownerId,omitzero" ts_type:"string"`
	OwnerRemoved bool      `json:"ownerRemoved,omitempty"`
	DueDate      string    `json:"dueDate,omitempty"`
	Priority     Priority  `json:"priority"`
	Status       Status    `json:"status"`
	Reason       string    `json:"reason,omitempty"`
	Source       Source    `json:"source"`
	CreatedAt    time.Time `json:"createdAt" ts_type:"string"`
	CompletedAt  time.Time `json:"completedAt,omitzero" ts_type:"string"`
}

// Brief returns the brief of an item.
func (it *Item) Brief() Brief {
	return Brief{ID: it.ID, Title: it.Title, OwnerID: it.OwnerID, OwnerRemoved: it.OwnerRemoved, DueDate: it.DueDate,
		Priority: it.Priority, Status: it.Status, Reason: it.Reason, Source: it.Source, CreatedAt: it.CreatedAt, CompletedAt: it.CompletedAt}
}

// IsOverdue reports whether the item is open and due before today.
func (b *Brief) IsOverdue(today string) bool {
	return b.Status.IsOpen() && b.DueDate != "" && b.DueDate < today
}

// The brief index has two groups. Open (and in-progress) items sort by due
// date, undated ones last (noDue sorts after every date), so "overdue" and
// "due on" are range scans; closed items sort by the UTC date they were
// closed.
const (
	groupOpen   byte = 'o'
	groupClosed byte = 'c'
	noDue            = "9999-99-99"
	dateLen          = len(civil.Layout)
	// sortDateAt is where the 10-byte sort date starts in a key: prefix, group.
	sortDateAt   = 2
	briefVersion = 1
)

// briefTerm is the brief index term of an item: group, sort date, then
// the encoded brief.
func briefTerm(it *Item) []byte {
	group, date := groupOpen, it.DueDate
	if date == "" {
		date = noDue
	}
	if !it.Status.IsOpen() {
		group, date = groupClosed, it.CompletedAt.UTC().Format(civil.Layout)
	}
	b := make([]byte, 0, 96+len(it.Title)+len(it.Source.Label)+len(it.Reason))
	b = append(b, group)
	b = append(b, date...)
	b = append(b, briefVersion)
	b = append(b, it.OwnerID[:]...)
	var flags byte
	if it.OwnerRemoved {
		flags |= 1
	}
	b = append(b, flags, byte(rank(it.Priority, Priorities)), byte(rank(it.Status, Statuses)))
	b = appendTime(b, it.CreatedAt)
	b = appendTime(b, it.CompletedAt)
	b = append(b, byte(len(it.DueDate)))
	b = append(b, it.DueDate...)
	b = append(b, byte(len(it.Source.Kind)))
	b = append(b, it.Source.Kind...)
	b = append(b, it.Source.ID[:]...)
	for _, s := range []string{it.Source.Label, it.Title, it.Reason} {
		b = binary.BigEndian.AppendUint16(b, uint16(len(s)))
		b = append(b, s...)
	}
	return b
}

func appendTime(b []byte, t time.Time) []byte {
	var n int64
	if !t.IsZero() {
		n = t.UnixNano()
	}
	return binary.BigEndian.AppendUint64(b, uint64(n))
}

func readTime(b []byte) time.Time {
	if n := int64(binary.BigEndian.Uint64(b)); n != 0 {
		return time.Unix(0, n).UTC()
	}
	return time.Time{}
}

func rank[T comparable](v T, l []T) int {
	for i, x := range l {
		if x == v {
			return i
		}
	}
	return 0
}

// decodeBriefKey reads a brief index key: prefix | group | date(10) |
// version | owner(16) | flags | priority | status | created(8) | completed(8) |
// due | kind | source id(16) | label | title | reason | id(16).
func decodeBriefKey(k []byte) (Brief, error) {
	var br Brief
	bad := func() (Brief, error) { return br, fmt.Errorf("action: malformed brief index key %x", k) }
	const fixed = 1 + 16 + 3 + 8 + 8
	if len(k) < sortDateAt+dateLen+fixed+1+1+16+6+16 {
		return bad()
	}
	copy(br.ID[:], k[len(k)-16:])
	b := k[sortDateAt+dateLen : len(k)-16]
	if b[0] != briefVersion || int(b[18]) >= len(Priorities) || int(b[19]) >= len(Statuses) {
		return bad()
	}
	copy(br.OwnerID[:], b[1:17])
	br.OwnerRemoved = b[17]&1 != 0
	br.Priority, br.Status = Priorities[b[18]], Statuses[b[19]]
	br.CreatedAt, br.CompletedAt = readTime(b[20:28]), readTime(b[28:36])
	b = b[fixed:]
	take := func(n int) ([]byte, bool) {
		if n > len(b) {
			return nil, false
		}
		out := b[:n]
		b = b[n:]
		return out, true
	}
	for _, s := range []*string{&br.DueDate, (*string)(&br.Source.Kind)} {
		n, ok := take(1)
		if !ok {
			return bad()
		}
		v, ok := take(int(n[0]))
		if !ok {
			return bad()
		}
		*s = string(v)
	}
	src, ok := take(16)
	if !ok {
		return bad()
	}
	copy(br.Source.ID[:], src)
	for _, s := range []*string{&br.Source.Label, &br.Title, &br.Reason} {
		n, ok := take(2)
		if !ok {
			return bad()
		}
		v, ok := take(int(binary.BigEndian.Uint16(n)))
		if !ok {
			return bad()
		}
		*s = string(v)
	}
	if len(b) != 0 {
		return bad()
	}
	return br, nil
}

// keyDate is the sort date of a brief index key.
func keyDate(k []byte) string { return string(k[sortDateAt : sortDateAt+dateLen]) }

// scanGroup calls fn with the keys of one group of the brief index, in
// date order, while the sort date is before end ("" means no limit).
func scanGroup(txn *badger.Txn, group byte, end string, fn func(k []byte) error) error {
	r := store.Range{Prefix: []byte{store.IdxFollowUpBrief, group}}
	if end != "" {
		r.End = append([]byte{store.IdxFollowUpBrief, group}, end...)
	}
	return store.Keys(txn, r, fn)
}

// briefs calls fn with the brief of every item of a group whose sort date
// is before end ("" for all). Keys only.
func briefs(txn *badger.Txn, group byte, end string, fn func(*Brief) bool) error {
	return scanGroup(txn, group, end, func(k []byte) error { return briefOf(k, fn) })
}

// latestBriefs calls fn with the briefs of a group, latest sort date first,
// until fn returns false. Keys only.
func latestBriefs(txn *badger.Txn, group byte, fn func(*Brief) bool) error {
	r := store.Range{Prefix: []byte{store.IdxFollowUpBrief, group}, Reverse: true}
	return store.Keys(txn, r, func(k []byte) error { return briefOf(k, fn) })
}

// briefOf decodes a brief index key for fn; Stop when fn has had enough.
func briefOf(k []byte, fn func(*Brief) bool) error {
	b, err := decodeBriefKey(k)
	if err != nil {
		return err
	}
	if !fn(&b) {
		return store.Stop
	}
	return nil
}

// OpenTx calls fn with the brief of every open or in-progress follow-up, by
// due date (undated last), until fn returns false. Keys only: the prep brief
// reads it to find a person's follow-ups without decoding any item.
func OpenTx(txn *badger.Txn, fn func(*Brief) bool) error { return briefs(txn, groupOpen, "", fn) }

// ClosedSinceTx calls fn with the brief of every follow-up closed (done or
// won't do) on or after the UTC date since, latest first. Keys only.
func ClosedSinceTx(txn *badger.Txn, since string, fn func(*Brief) bool) error {
	return latestBriefs(txn, groupClosed, func(b *Brief) bool {
		if b.CompletedAt.UTC().Format(civil.Layout) < since {
			return false
		}
		return fn(b)
	})
}
