package pages

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"sort"
	"strings"
	"time"

	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/id"
	"wheelhouse/backend/store"
)

// Remembered is the column and name mapping last applied to an export of a
// source with the same columns (decision 0020): the app's import screen
// applies it to the next file of that shape by itself.
type Remembered struct {
	Source    string            `json:"source"`
	Signature string            `json:"signature"`
	Columns   map[string]string `json:"columns,omitempty"` // column as in the file -> field name or "ignore"
	People    map[string]id.ID  `json:"people,omitempty"`  // user name as in the file -> person
	SavedAt   time.Time         `json:"savedAt"`
}

// RememberedInfo says that a preview applied a remembered mapping.
type RememberedInfo struct {
	SavedAt time.Time `json:"savedAt"`
	Columns int       `json:"columns"` // columns it named
	People  int       `json:"people"`  // user names it mapped to people still in the workspace
}

// rememberKey is where the mapping of a source and header signature lives:
// mapping | source | signature (strings).
func rememberKey(source, sig string) []byte {
	return store.Key(store.PrefixPageMapping, source, sig)
}

// Signature identifies the columns of an export whatever their order and
// spelling (normalized as synonyms are: "Created At" and created_at are
// one): the first 16 bytes of the SHA-256 of the sorted normalized names,
// in hex.
func Signature(names []string) string {
	norm := make([]string, len(names))
	for i, n := range names {
		norm[i] = normHeader(n)
	}
	sort.Strings(norm)
	sum := sha256.Sum256([]byte(strings.Join(norm, "\x00")))
	return hex.EncodeToString(sum[:16])
}

// peek reads the columns of an export (without requiring an id or a
// creation column), the source they say wrote it and samples of their
// values from the first rows.
func peek(open Opener, opt ParseOptions) (*header, error) {
	f, err := open()
	if err != nil {
		return nil, err
	}
	defer f.Close()
	opt.lenient = true
	rs, err := newRows(io.LimitReader(f, 4*maxLineBytes), opt)
	if err != nil {
		return nil, err
	}
	h := rs.header()
	var p Page
	for range 20 {
		if err := rs.next(&p); err != nil {
			if _, bad := err.(*RowError); !bad {
				break
			}
		}
	}
	return h, nil
}

// remembered reads the mapping of a source and signature; nil when none.
func (s *Service) remembered(source, sig string) (*Remembered, error) {
	var r Remembered
	var found bool
	err := s.st.View(func(txn *badger.Txn) (err error) {
		found, err = store.GetJSON(txn, rememberKey(source, sig), &r)
		return err
	})
	if err != nil || !found {
		return nil, err
	}
	return &r, nil
}

// Remembered returns the mapping remembered for a source and header
// signature; nil when there is none.
func (s *Service) Remembered(source, sig string) (*Remembered, error) {
	return s.remembered(source, sig)
}

// putRemembered stores (or, when it maps nothing, deletes) a mapping.
func putRemembered(txn *badger.Txn, r *Remembered) error {
	k := rememberKey(r.Source, r.Signature)
	if len(r.Columns) == 0 && len(r.People) == 0 {
		if err := txn.Delete(k); err != nil {
			return err
		}
		return nil
	}
	return store.PutJSON(txn, k, r)
}
