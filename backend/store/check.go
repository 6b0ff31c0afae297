package store

import (
	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/errs"
	"wheelhouse/backend/id"
)

// The checks a record gets both when it is saved (against the store) and
// when a workspace file is imported (against the file's other records):
// its id claimed, normalized and validated, a unique name, references that
// resolve. Each area's Save* and Data.Check share them through these.

// Checked is a record that normalizes and validates itself.
type Checked interface {
	Normalize()
	Validate() error
}

// File is how a workspace-file import reports the problems of its records:
// the callbacks every area's Data.Check is handed.
type File struct {
	Claim  func(where string, u id.ID)          // registers an id; ids are unique across the file
	Add    func(where, format string, a ...any) // a problem at a place
	AddErr func(where string, err error)        // the fields of a validation error
}

// Record runs the checks every record of a file gets: it claims the id,
// normalizes the record and reports what Validate finds.
func (f File) Record(where string, u id.ID, r Checked) {
	f.Claim(where, u)
	r.Normalize()
	f.AddErr(where, r.Validate())
}

// Ref reports a reference to a record the file does not hold: field is the
// place in the record, noun the kind ("person"). A zero id refers to nothing.
func (f File) Ref(where, field, noun string, u id.ID, exists func(id.ID) bool) {
	if !u.IsZero() && !exists(u) {
		f.Add(where+" "+field, "no %s has id %s", noun, u)
	}
}

// Name is the unique name of a kind of record: case-insensitive (Fold),
// kept by a name index (prefix | Term(Fold(name)) | id).
type Name struct {
	Noun  string // the kind, for messages: "rotation"
	Index byte   // the name index
}

// CheckTx adds a "name" problem to c when another stored record of the kind
// (not self) has the name. An empty name, or one c has found wanting
// already, is left alone.
func (n Name) CheckTx(txn *badger.Txn, c *errs.Collector, name string, self id.ID) {
	if name != "" && !c.Has("name") && Taken(txn, n.Index, Term(Fold(name)), self) {
		c.Add("name", "There is already a %s called %s.", n.Noun, name)
	}
}

// FileNames checks the names of one kind of record in a workspace file.
type FileNames struct {
	name Name
	file File
	seen map[string]bool
}

// InFile starts checking the names of the file's records of the kind.
func (n Name) InFile(f File) *FileNames {
	return &FileNames{name: n, file: f, seen: map[string]bool{}}
}

// Check reports a name an earlier record of the file already has.
func (s *FileNames) Check(where, name string) {
	k := Fold(name)
	if s.seen[k] {
		s.file.Add(where+" name", "another %s is also called %s", s.name.Noun, name)
		return
	}
	s.seen[k] = true
}
