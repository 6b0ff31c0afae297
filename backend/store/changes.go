package store

import (
	"bytes"
	"context"
	"math/bits"
	"sync"
	"time"

	"github.com/dgraph-io/badger/v4"
	"github.com/dgraph-io/badger/v4/pb"
)

// Change tracking: which key families a commit wrote, so that a cached
// answer (a reminder rule's output, say) can be reused until the data it was
// computed from changes, instead of until any commit at all.
//
// The store learns about writes from Badger itself (DB.Subscribe), not from
// the code that writes: every commit — Update, WriteChunked, Rewrite, a raw
// txn.Set in a migration — passes through Badger's publisher, so no write
// path can forget to report. Badger delivers those notices on its own
// goroutine; ChangedSince therefore waits until the notices have caught up
// with the reading transaction, and answers "changed" whenever it cannot be
// sure (tracking not started yet, or lagging for too long). A wrong "changed"
// only costs a recomputation; a wrong "unchanged" is never given.

// Prefixes is a set of key families, each named by the first byte of its
// keys (the prefixes of keys.go).
type Prefixes [4]uint64

// PrefixSet is the set of the given families.
func PrefixSet(ps ...byte) Prefixes {
	var s Prefixes
	for _, p := range ps {
		s[p>>6] |= 1 << (p & 63)
	}
	return s
}

// AllPrefixes is the set of every family.
func AllPrefixes() Prefixes { return Prefixes{^uint64(0), ^uint64(0), ^uint64(0), ^uint64(0)} }

// Has reports whether family p is in the set.
func (s Prefixes) Has(p byte) bool { return s[p>>6]&(1<<(p&63)) != 0 }

// Without returns the set minus the families lo through hi (inclusive).
func (s Prefixes) Without(lo, hi byte) Prefixes {
	for p := int(lo); p <= int(hi); p++ {
		s[p>>6] &^= 1 << (uint(p) & 63)
	}
	return s
}

// Len is the number of families in the set.
func (s Prefixes) Len() int {
	n := 0
	for _, w := range s {
		n += bits.OnesCount64(w)
	}
	return n
}

// changeWait bounds how long ChangedSince waits for Badger's notices to
// catch up before answering "changed". They normally arrive within
// microseconds of the commit.
const changeWait = 500 * time.Millisecond

// badgerInternal starts Badger's own keys (the transaction marker written
// with every commit); they belong to no family.
var badgerInternal = []byte("!badger!")

// changeLog is what the subscription has seen.
type changeLog struct {
	mu   sync.Mutex
	wake chan struct{} // closed (and replaced) whenever notices arrive
	// from is the version of the first commit seen: this commit and every
	// later one are all recorded. 0 until the first notice.
	from uint64
	seen uint64      // highest commit version recorded
	last [256]uint64 // per family: the version of the last commit that wrote into it
}

func (c *changeLog) record(kvs *badger.KVList) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	first := c.from == 0
	for _, kv := range kvs.Kv {
		v := kv.Version
		if first && (c.from == 0 || v < c.from) {
			c.from = v
		}
		if v > c.seen {
			c.seen = v
		}
		if len(kv.Key) == 0 || bytes.HasPrefix(kv.Key, badgerInternal) {
			continue
		}
		if f := kv.Key[0]; v > c.last[f] {
			c.last[f] = v
		}
	}
	close(c.wake)
	c.wake = make(chan struct{})
	return nil
}

// trackChanges subscribes to every commit until ctx ends (Close).
func (s *Store) trackChanges(ctx context.Context) {
	s.changes.wake = make(chan struct{})
	ready := make(chan struct{})
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		close(ready)
		// Returns when ctx ends or the DB closes; an error ends tracking,
		// which leaves ChangedSince answering "changed" (safe).
		err := s.db.Subscribe(ctx, s.changes.record, []pb.Match{{Prefix: nil}})
		if err != nil && ctx.Err() == nil {
			s.log.Warn("change tracking stopped", "err", err)
		}
	}()
	<-ready
}

// ChangedSince reports whether a commit after version since (the read
// timestamp of an earlier transaction, txn.ReadTs()) wrote or deleted a key
// in one of the families ps, as seen from the read-only transaction txn. It
// answers true when it cannot tell: the caller should then read the data
// afresh.
func (s *Store) ChangedSince(txn *badger.Txn, since uint64, ps Prefixes) bool {
	r := txn.ReadTs()
	if r == since {
		return false // the same snapshot
	}
	if r < since {
		return true // an older snapshot than the cached answer's
	}
	c := &s.changes
	var timeout <-chan time.Time
	c.mu.Lock()
	for c.seen < r {
		if c.from == 0 || since+1 < c.from || c.wake == nil {
			c.mu.Unlock()
			return true // commits after since may predate the subscription
		}
		wake, seen := c.wake, c.seen
		c.mu.Unlock()
		if timeout == nil {
			t := time.NewTimer(changeWait)
			defer t.Stop()
			timeout = t.C
		}
		select {
		case <-wake:
		case <-timeout:
			s.log.Warn("change tracking lags; reading afresh", "seen", seen, "want", r)
			return true
		}
		c.mu.Lock()
	}
	defer c.mu.Unlock()
	if since+1 < c.from {
		return true
	}
	for f := range 256 {
		if c.last[f] > since && ps.Has(byte(f)) {
			return true
		}
	}
	return false
}
