package calendar

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"

	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/errs"
	"wheelhouse/backend/id"
	"wheelhouse/backend/store"
)

// ---- the cached body: prefix | subscription | generation | chunk

func cacheKey(sub, gen id.ID, i uint32) []byte {
	return store.Key(store.PrefixCalSubCache, sub, gen, i)
}

// deleteCacheTx deletes the cached chunks of a subscription, except those
// of generation keep.
func deleteCacheTx(txn *badger.Txn, sub id.ID, keep id.ID) error {
	p := store.Key(store.PrefixCalSubCache, sub)
	var keys [][]byte
	err := store.Keys(txn, store.Range{Prefix: p}, func(k []byte) error {
		if len(k) >= len(p)+16 && !keep.IsZero() && bytes.Equal(k[len(p):len(p)+16], keep[:]) {
			return nil
		}
		keys = append(keys, bytes.Clone(k))
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

// writeCache stores body as a new generation, one chunk per transaction
// (a transaction is bounded in size); the subscription record points at it
// only once it is whole (commit).
func (s *Service) writeCache(sub id.ID, body []byte) (id.ID, error) {
	gen := id.New(s.clock.Now())
	for i := 0; i*cacheChunk < len(body) || i == 0; i++ {
		chunk := body[i*cacheChunk : min((i+1)*cacheChunk, len(body))]
		err := s.st.Update(func(txn *badger.Txn) error { return txn.Set(cacheKey(sub, gen, uint32(i)), chunk) })
		if err != nil {
			return id.Nil, err
		}
	}
	return gen, nil
}

// readCacheTx reads a subscription's cached body and checks it whole.
func readCacheTx(txn *badger.Txn, sub id.ID, c SubscriptionCache) ([]byte, error) {
	if c.Gen.IsZero() {
		return nil, errs.E(errs.NotFound, "Nothing has been fetched yet.")
	}
	out := make([]byte, 0, c.Bytes)
	err := store.Values(txn, store.Prefix(store.PrefixCalSubCache, sub, c.Gen), func(_, v []byte) error {
		out = append(out, v...)
		return nil
	})
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(out)
	if int64(len(out)) != c.Bytes || hex.EncodeToString(sum[:]) != c.SHA256 {
		return nil, errs.E(errs.Unavailable, "The cached copy of this calendar is damaged; fetch it again.")
	}
	return out, nil
}

// CachedBody returns the body of a subscription's last good fetch.
func (s *Service) CachedBody(u id.ID) (body []byte, err error) {
	err = s.st.View(func(txn *badger.Txn) error {
		sub, err := Subscriptions.Get(txn, u)
		if err != nil {
			return err
		}
		body, err = readCacheTx(txn, u, sub.Cache)
		return err
	})
	return body, errs.Wrap("calendar.CachedBody", err)
}
