package pages

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"hash/maphash"
	"io"
	"os"
	"slices"
	"sort"
	"strings"
	"sync/atomic"
	"time"

	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/clock"
	"wheelhouse/backend/errs"
	"wheelhouse/backend/id"
	"wheelhouse/backend/oncall"
	"wheelhouse/backend/store"
)

// Service imports pages into a workspace and reads them back.
type Service struct {
	st     *store.Store
	clock  clock.Clock
	onCall *oncall.Service
}

// NewService returns the pages service of a store; onCall computes who was
// on call when a page nobody acknowledged came in.
func NewService(st *store.Store, c clock.Clock, onCall *oncall.Service) *Service {
	if c == nil {
		c = clock.Real{}
	}
	return &Service{st: st, clock: c, onCall: onCall}
}

// Options of an import.
type Options struct {
	ParseOptions
	// MapPerson maps a user name of the file to a person of the workspace
	// (their name or e-mail address): --map-person "jdoe=Jane Doe".
	MapPerson map[string]string
	// MapPersonID maps a user name of the file to a person by id (the
	// app's name mapping).
	MapPersonID map[string]id.ID
	// UseRemembered applies the mapping remembered for the file's source
	// and columns (decision 0020) under Map and MapPersonID, which win.
	UseRemembered bool
	// Remember stores the column and name mapping used (Map and
	// MapPersonID, remembered parts included) for the file's source and
	// columns once Apply succeeds.
	Remember bool
	// Expect, when set, is the file's SHA-256 as its preview saw it: Apply
	// refuses a file that changed since.
	Expect string
	// Progress, when set, is told how far each pass is, after every batch
	// of rows and at the end of the pass (on the calling goroutine).
	Progress func(Progress)
	// SkipBad imports the good rows of a file that has bad ones; without
	// it such a file is refused whole.
	SkipBad bool
	// File names the file in the import log.
	File string
}

// Progress says how far an import has read the file: pass 1 checks every
// row, pass 2 compares and writes; Bytes of the file read in this pass.
type Progress struct {
	Pass  int   `json:"pass"`
	Rows  int   `json:"rows"`
	Bytes int64 `json:"bytes"`
}

// MaxListed bounds the bad rows and unmatched names a result lists (the
// counts are always complete).
const MaxListed = 100

// NameCount is an acknowledging user name of the file that matched nobody,
// and on how many pages.
type NameCount struct {
	Name  string `json:"name"`
	Pages int    `json:"pages"`
}

// Result is what an import would do (Preview) or did (Apply).
type Result struct {
	Source      string     `json:"source"`
	Fingerprint string     `json:"fingerprint"` // SHA-256 of the file
	Bytes       int64      `json:"bytes"`
	Rows        int        `json:"rows"`       // rows read, bad ones included
	Added       int        `json:"added"`      // new pages
	Updated     int        `json:"updated"`    // stored pages the file changes
	Unchanged   int        `json:"unchanged"`  // stored pages the file repeats
	Duplicates  int        `json:"duplicates"` // rows whose id a later row of the file has (the later one counts)
	BadRows     int        `json:"badRows"`
	Bad         []RowError `json:"bad"` // the first MaxListed
	// How responders were found, over the pages of the file.
	ByAcknowledger int         `json:"byAcknowledger"` // name, e-mail or --map-person
	ByOnCall       int         `json:"byOnCall"`
	NoResponder    int         `json:"noResponder"`
	Unmatched      []NameCount `json:"unmatched"` // acknowledging names that are nobody, most pages first
	UnmatchedNames int         `json:"unmatchedNames"`
	Columns        []string    `json:"columns"` // "field: column" for every column used
	Applied        bool        `json:"applied"`

	// The columns of the file and how they are read.
	Signature string   `json:"signature"` // of the columns (Signature)
	Header    []Column `json:"header"`    // every column of the file, in its order
	// Missing lists the fields a page needs that no column holds (id,
	// created); Problem says so in words. Such a file is not read further.
	Missing []string `json:"missing"`
	Problem string   `json:"problem,omitempty"`
	// First and Last are the earliest and latest creation times of the
	// good rows.
	First time.Time `json:"first,omitzero"`
	Last  time.Time `json:"last,omitzero"`
	// ColumnMap (column -> field name or "ignore") and PersonMap (user name
	// -> person id) are the mappings the preview used, remembered ones
	// included; Remembered says a remembered mapping was applied.
	ColumnMap  map[string]string `json:"columnMap"`
	PersonMap  map[string]string `json:"personMap"`
	Remembered *RememberedInfo   `json:"remembered,omitempty"`
}

// Column is one column of an export and the field(s) it is read as.
type Column struct {
	Name   string   `json:"name"`
	Fields []string `json:"fields"`         // the fields it holds; none when it is not read
	By     string   `json:"by"`             // "map" (named by the mapping; "ignore" when Fields is empty), "auto" (a synonym), "" (not read)
	Zone   string   `json:"zone,omitempty"` // a zone its header names
	Sample string   `json:"sample"`         // the first value of the column in the first rows
}

// Opener opens the export again for each pass.
type Opener func() (io.ReadCloser, error)

// OpenFile reads an export from a file.
func OpenFile(path string) Opener {
	return func() (io.ReadCloser, error) {
		f, err := os.Open(path)
		if err != nil {
			return nil, errs.E(errs.Invalid, "Cannot open %s: %v", path, err)
		}
		return f, nil
	}
}

// OpenBytes reads an export from memory (tests, the app).
func OpenBytes(b []byte) Opener {
	return func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(b)), nil }
}

// Preview reads the export twice and says what Apply would do; nothing is
// written.
func (s *Service) Preview(open Opener, opt Options) (*Result, error) {
	r, err := s.run(open, opt, false)
	return r, errs.Wrap("pages.Preview", err)
}

// Apply imports the export: a first pass reads and checks every row,
// and a file with bad rows is refused (nothing written) unless opt.SkipBad;
// a second pass writes new and changed pages in batches (decision 0014).
func (s *Service) Apply(open Opener, opt Options) (*Result, error) {
	r, err := s.run(open, opt, true)
	return r, errs.Wrap("pages.Apply", err)
}

// counter hashes and counts the bytes of a pass (written by the parsing
// goroutine, read by the progress reports).
type counter struct {
	h hash.Hash
	n atomic.Int64
}

func (c *counter) Write(b []byte) (int, error) { c.n.Add(int64(len(b))); return c.h.Write(b) }

// pass reads the export once, calling fn for every row (bad ones with err)
// and tick, when set, after each batch of rows with the rows and bytes read.
func pass(open Opener, opt ParseOptions, tick func(rows int, bytes int64), fn func(h *header, p *Page, line int, bad *RowError) error) (sum string, n int64, err error) {
	f, err := open()
	if err != nil {
		return "", 0, err
	}
	defer f.Close()
	c := &counter{h: sha256.New()}
	rs, err := newRows(io.TeeReader(f, c), opt)
	if err != nil {
		return "", 0, err
	}
	// The file is read and parsed on a goroutine of its own, a batch of
	// rows at a time, while fn handles the previous batch: with two cores
	// the parse and the look-ups and writes overlap.
	type row struct {
		p   Page
		bad *RowError
	}
	const batchSize = 512
	batches := make(chan []row, 2)
	free := make(chan []row, 3)
	done := make(chan struct{})
	parseErr := make(chan error, 1)
	go func() {
		defer close(batches)
		for {
			select {
			case <-done:
				parseErr <- nil
				return
			default:
			}
			var b []row
			select {
			case b = <-free:
				b = b[:0]
			default:
				b = make([]row, 0, batchSize)
			}
			var err error
			for len(b) < batchSize {
				b = append(b, row{})
				r := &b[len(b)-1]
				err = rs.next(&r.p)
				var re *RowError
				if errors.As(err, &re) {
					r.bad, err = re, nil
					continue
				}
				if err != nil {
					b = b[:len(b)-1]
					break
				}
			}
			if len(b) > 0 {
				select {
				case batches <- b:
				case <-done:
					parseErr <- nil
					return
				}
			}
			if err != nil {
				if err == io.EOF {
					// Hash what the parser left unread (trailing bytes) too.
					if _, cerr := io.Copy(c, f); cerr != nil {
						err = errs.E(errs.Invalid, "Cannot read the file: %v", cerr)
					}
				}
				parseErr <- err
				return
			}
		}
	}()
	defer func() {
		close(done)
		for range batches { // let the reader finish before the file closes
		}
	}()
	h := rs.header()
	rows := 0
	for b := range batches {
		for i := range b {
			r := &b[i]
			if r.bad != nil {
				err = fn(h, nil, r.bad.Line, r.bad)
			} else {
				err = fn(h, &r.p, 0, nil)
			}
			if err != nil {
				return "", 0, err
			}
		}
		rows += len(b)
		if tick != nil {
			tick(rows, c.n.Load())
		}
		select {
		case free <- b:
		default:
		}
	}
	if err := <-parseErr; err != io.EOF {
		return "", 0, err
	}
	if tick != nil {
		tick(rows, c.n.Load())
	}
	return hex.EncodeToString(c.h.Sum(nil)), c.n.Load(), nil
}

// maxUnmatched bounds the distinct unmatched names counted.
const maxUnmatched = 10000

var seed = maphash.MakeSeed()

func (s *Service) run(open Opener, opt Options, write bool) (*Result, error) {
	res := &Result{Bad: []RowError{}, Unmatched: []NameCount{}, Header: []Column{}, Missing: []string{},
		ColumnMap: map[string]string{}, PersonMap: map[string]string{}}
	// The columns first: the mapping remembered for them, and whether they
	// hold what a page needs.
	hp, err := peek(open, opt.ParseOptions)
	if err != nil {
		return nil, err
	}
	res.Source, res.Signature = hp.source, Signature(hp.names)
	var rem *Remembered
	if opt.UseRemembered {
		if rem, err = s.remembered(res.Source, res.Signature); err != nil {
			return nil, err
		}
	}
	opt, remCols, err := mergeColumns(opt, hp, rem)
	if err != nil {
		return nil, err
	}
	for col, f := range opt.Map {
		res.ColumnMap[col] = fieldName(f)
	}
	hm, err := newHeader(hp.names, ParseOptions{Source: opt.Source, Map: opt.Map, lenient: true})
	if err != nil {
		return nil, err
	}
	res.Header = columns(hm)
	for i := range res.Header {
		if i < len(hp.samples) {
			res.Header[i].Sample = hp.samples[i]
		}
	}
	var dir *directory
	err = s.st.View(func(txn *badger.Txn) (err error) {
		dir, err = loadDirectory(txn, opt.MapPerson, opt.MapPersonID)
		return err
	})
	if err != nil {
		return nil, err
	}
	people := dir.remember(rem)
	if remCols > 0 || people > 0 {
		res.Remembered = &RememberedInfo{SavedAt: rem.SavedAt, Columns: remCols, People: people}
	}
	for name, u := range dir.mappedIDs {
		res.PersonMap[name] = u.String()
	}
	for _, f := range []Field{FID, FCreated} {
		if hm.col[f] < 0 {
			res.Missing = append(res.Missing, FieldNames[f])
		}
	}
	if len(res.Missing) > 0 {
		_, err := newHeader(hp.names, opt.ParseOptions)
		res.Problem = errs.MessageOf(err)
		return res, err
	}
	// Pass 1: check every row; remember the last line of each id, the
	// names that match nobody and the window the on-call fallback needs.
	last := map[uint64]int32{}
	unmatched := map[string]int{}
	var from, to time.Time
	row := int32(0)
	var h0 *header
	tick := func(p int) func(int, int64) {
		if opt.Progress == nil {
			return nil
		}
		return func(rows int, n int64) { opt.Progress(Progress{Pass: p, Rows: rows, Bytes: n}) }
	}
	sum, n, err := pass(open, opt.ParseOptions, tick(1), func(h *header, p *Page, line int, bad *RowError) error {
		h0 = h
		res.Rows++
		row++
		if bad != nil {
			res.BadRows++
			if len(res.Bad) < MaxListed {
				res.Bad = append(res.Bad, *bad)
			}
			return nil
		}
		k := maphash.String(seed, p.SourceID)
		if _, dup := last[k]; dup {
			res.Duplicates++
		}
		last[k] = row
		if res.First.IsZero() || p.Created.Before(res.First) {
			res.First = p.Created
		}
		if p.Created.After(res.Last) {
			res.Last = p.Created
		}
		u, _, ok := dir.acker(p.AckBy)
		if !ok {
			name := strings.TrimSpace(p.AckBy)
			if _, seen := unmatched[name]; seen || len(unmatched) < maxUnmatched {
				unmatched[name]++
			}
		}
		if u.IsZero() && dir.needsShifts(p) {
			if from.IsZero() || p.Created.Before(from) {
				from = p.Created
			}
			if p.Created.After(to) {
				to = p.Created
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	res.Fingerprint, res.Bytes = sum, n
	if h0 != nil {
		res.Source = h0.source
		for f := range numFields {
			if i := h0.col[f]; i >= 0 {
				res.Columns = append(res.Columns, FieldNames[f]+": "+h0.names[i])
			}
		}
	}
	if write && opt.Expect != "" && opt.Expect != sum {
		return nil, errs.E(errs.Conflict, "The file changed since its preview; preview it again.")
	}
	res.UnmatchedNames = len(unmatched)
	for name, c := range unmatched {
		res.Unmatched = append(res.Unmatched, NameCount{name, c})
	}
	sort.Slice(res.Unmatched, func(i, j int) bool {
		a, b := res.Unmatched[i], res.Unmatched[j]
		return a.Pages > b.Pages || a.Pages == b.Pages && a.Name < b.Name
	})
	if len(res.Unmatched) > MaxListed {
		res.Unmatched = res.Unmatched[:MaxListed]
	}
	if write && res.BadRows > 0 && !opt.SkipBad {
		return res, refuse(res)
	}
	if !from.IsZero() {
		if err := dir.loadShifts(s.onCall, from, to.Add(time.Second)); err != nil {
			return nil, err
		}
	}
	var log ImportLog
	if write {
		now := s.clock.Now().UTC()
		log = ImportLog{ID: id.New(now), File: opt.File, Fingerprint: sum, Source: res.Source, State: StateApplying, StartedAt: now}
		if err := s.st.Update(func(txn *badger.Txn) error { return store.PutJSON(txn, logKey(log.ID), &log) }); err != nil {
			return nil, err
		}
	}
	// Pass 2: resolve responders, compare with what is stored, write.
	var wb *badger.WriteBatch
	if write {
		wb = s.st.DB().NewWriteBatch()
		defer wb.Cancel()
	}
	set := func(k, v []byte) error {
		if err := wb.Set(k, v); err != nil {
			return fmt.Errorf("pages: writing: %w", err)
		}
		return nil
	}
	row = 0
	var sum2 string
	err = s.st.View(func(txn *badger.Txn) error {
		// No page of the source stored yet (a first import): every page
		// is new, and nothing needs looking up.
		fresh := true
		if err := store.Keys(txn, store.Prefix(store.PrefixPage, res.Source), func([]byte) error { fresh = false; return store.Stop }); err != nil {
			return err
		}
		var err error
		sum2, _, err = pass(open, opt.ParseOptions, tick(2), func(h *header, p *Page, _ int, bad *RowError) error {
			row++
			if bad != nil {
				return nil
			}
			if last[maphash.String(seed, p.SourceID)] != row {
				return nil // a later row has the id
			}
			dir.resolve(p)
			switch {
			case p.ResponderBy == ByOnCall:
				res.ByOnCall++
			case !p.ResponderID.IsZero():
				res.ByAcknowledger++
			default:
				res.NoResponder++
			}
			val, err := store.Encode(p)
			if err != nil {
				return err
			}
			key := Key(p.Source, p.SourceID)
			var old *Page
			var item *badger.Item
			err = badger.ErrKeyNotFound
			if !fresh {
				item, err = txn.Get(key)
			}
			switch {
			case errors.Is(err, badger.ErrKeyNotFound):
				res.Added++
			case err != nil:
				return err
			default:
				same := false
				var o Page
				if err := item.Value(func(b []byte) error {
					if same = bytes.Equal(b, val); !same {
						return store.Decode(b, &o)
					}
					return nil
				}); err != nil {
					return err
				}
				if same {
					res.Unchanged++
					return nil
				}
				res.Updated++
				old = &o
			}
			if !write {
				return nil
			}
			if old != nil && !old.ResponderID.IsZero() {
				if err := wb.Delete(responderKey(old)); err != nil {
					return err
				}
			}
			if err := set(key, val); err != nil {
				return err
			}
			if !p.ResponderID.IsZero() {
				return set(responderKey(p), nil)
			}
			return nil
		})
		return err
	})
	if err != nil {
		return nil, err
	}
	if sum2 != sum {
		return nil, errs.E(errs.Conflict, "The file changed while it was being imported; import it again.")
	}
	if !write {
		return res, nil
	}
	if err := wb.Flush(); err != nil {
		return nil, fmt.Errorf("pages: writing: %w", err)
	}
	log.State, log.FinishedAt = StateDone, s.clock.Now().UTC()
	log.Added, log.Updated, log.Unchanged, log.Skipped = res.Added, res.Updated, res.Unchanged, res.Duplicates+res.BadRows
	if err := s.st.Update(func(txn *badger.Txn) error {
		if opt.Remember {
			r := &Remembered{Source: res.Source, Signature: res.Signature, SavedAt: log.FinishedAt}
			if len(opt.Map) > 0 {
				r.Columns = res.ColumnMap
			}
			if len(dir.mappedIDs) > 0 {
				r.People = dir.mappedIDs
			}
			if err := putRemembered(txn, r); err != nil {
				return err
			}
		}
		return store.PutJSON(txn, logKey(log.ID), &log)
	}); err != nil {
		return nil, err
	}
	res.Applied = true
	return res, nil
}

// refuse is the error of a file with bad rows.
func refuse(res *Result) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%d of %d rows cannot be imported, so nothing was imported (fix them, or add --skip-bad to import the others):", res.BadRows, res.Rows)
	for i, r := range res.Bad {
		if i == 5 {
			fmt.Fprintf(&b, "\n  … and %d more", res.BadRows-5)
			break
		}
		fmt.Fprintf(&b, "\n  %s", r.Error())
	}
	return errs.E(errs.Invalid, "%s", b.String())
}

// Unfinished lists the imports a crash interrupted (state applying).
func (s *Service) Unfinished() ([]ImportLog, error) {
	var out []ImportLog
	err := s.st.View(func(txn *badger.Txn) error {
		return store.Scan(txn, store.Prefix(store.PrefixPageImport), func(_ []byte, l *ImportLog) error {
			if l.State == StateApplying {
				out = append(out, *l)
			}
			return nil
		})
	})
	return out, err
}

// ForPerson lists the pages of a responder created in [from, to), oldest
// first, reading the responder index.
func (s *Service) ForPerson(person id.ID, from, to time.Time) ([]Page, error) {
	var out []Page
	err := s.st.View(func(txn *badger.Txn) (err error) {
		out, err = PersonPagesTx(txn, person, from, to)
		return err
	})
	return out, errs.Wrap("pages.ForPerson", err)
}

// Count is the number of stored pages.
func (s *Service) Count() (n int, err error) {
	err = s.st.View(func(txn *badger.Txn) error { n = store.CountPrefix(txn, []byte{store.PrefixPage}); return nil })
	return n, err
}

// fieldName is the name of a field in a mapping ("ignore" for none).
func fieldName(f Field) string {
	if f == fIgnore {
		return "ignore"
	}
	return FieldNames[f]
}

// mergeColumns returns opt with its column map keyed by the file's own
// column names and the remembered columns added under it.
func mergeColumns(opt Options, h *header, rem *Remembered) (_ Options, remembered int, err error) {
	norm := make([]string, len(h.names))
	for i, n := range h.names {
		norm[i] = normHeader(n)
	}
	byCol := map[int]Field{}
	for col, f := range opt.Map {
		i := indexOf(h.names, norm, col)
		if i < 0 {
			return opt, 0, errs.FieldErr("columns", "The file has no column %q (its columns: %s).", col, strings.Join(h.names, ", "))
		}
		byCol[i] = f
	}
	used := map[Field]string{}
	for i, f := range byCol {
		if f == fIgnore {
			continue
		}
		if other, dup := used[f]; dup {
			a, b := other, h.names[i]
			if a > b {
				a, b = b, a
			}
			return opt, 0, errs.FieldErr("columns", "The columns %q and %q are both read as %s; a field comes from one column.", a, b, FieldNames[f])
		}
		used[f] = h.names[i]
	}
	if rem != nil {
		for col, name := range rem.Columns {
			i := indexOf(h.names, norm, col)
			f, ok := ParseField(name)
			if i < 0 || !ok {
				continue
			}
			if _, set := byCol[i]; set {
				continue
			}
			if _, taken := used[f]; taken && f != fIgnore {
				continue
			}
			byCol[i] = f
			used[f] = h.names[i]
			remembered++
		}
	}
	m := make(map[string]Field, len(byCol))
	for i, f := range byCol {
		m[h.names[i]] = f
	}
	opt.Map = m
	return opt, remembered, nil
}

// columns describes every column of a file as h reads it.
func columns(h *header) []Column {
	out := make([]Column, len(h.names))
	for i, n := range h.names {
		_, z := splitHeaderZone(n)
		out[i] = Column{Name: n, Fields: []string{}, Zone: z}
		if h.mapped[i] {
			out[i].By = "map"
		}
	}
	for f := range numFields {
		if i := h.col[f]; i >= 0 {
			out[i].Fields = append(out[i].Fields, FieldNames[f])
			if out[i].By == "" {
				out[i].By = "auto"
			}
		}
	}
	return out
}

// Imports lists the last n applied imports, newest first.
func (s *Service) Imports(n int) ([]ImportLog, error) {
	out := []ImportLog{}
	err := s.st.View(func(txn *badger.Txn) error {
		return store.Scan(txn, store.Prefix(store.PrefixPageImport), func(_ []byte, l *ImportLog) error {
			out = append(out, *l)
			return nil
		})
	})
	if err != nil {
		return nil, errs.Wrap("pages.Imports", err)
	}
	slices.Reverse(out) // ids are time-ordered
	if len(out) > n {
		out = out[:n]
	}
	return out, nil
}
