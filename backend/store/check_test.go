package store_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/errs"
	"wheelhouse/backend/id"
	"wheelhouse/backend/store"
)

var recName = store.Name{Noun: "test record", Index: store.IdxTestName}

func TestNameCheckTx(t *testing.T) {
	s := open(t, t.TempDir())
	a := rec{ID: id.New(time.Now()), Name: "Alpha"}
	put(t, s, a)
	_ = s.View(func(txn *badger.Txn) error {
		for _, c := range []struct {
			name, given string
			self        id.ID
			pre         string // a problem already found with the name
			want        string
		}{
			{"another record has it, in other case", " ALPHA ", id.New(time.Now()), "", "There is already a test record called  ALPHA ."},
			{"the record itself", "alpha", a.ID, "", ""},
			{"free", "Beta", id.Nil, "", ""},
			{"empty", "", id.Nil, "", ""},
			{"already wanting", "Alpha", id.Nil, "Name is too long.", "Name is too long."},
		} {
			t.Run(c.name, func(t *testing.T) {
				var col errs.Collector
				if c.pre != "" {
					col.Add("name", "%s", c.pre)
				}
				recName.CheckTx(txn, &col, c.given, c.self)
				got := ""
				if err := col.Err(); err != nil {
					if f := errs.FieldsOf(err); len(f) != 1 || f[0].Field != "name" {
						t.Fatalf("fields %v", f)
					}
					got = errs.MessageOf(err)
				}
				if got != c.want {
					t.Errorf("got %q, want %q", got, c.want)
				}
			})
		}
		return nil
	})
}

type checkedRec struct {
	Name       string
	normalized bool
}

func (r *checkedRec) Normalize() { r.Name, r.normalized = strings.TrimSpace(r.Name), true }
func (r *checkedRec) Validate() error {
	if r.Name == "" {
		return errs.FieldErr("name", "Name is required.")
	}
	return nil
}

func TestFileChecks(t *testing.T) {
	var got []string
	f := store.File{
		Claim: func(where string, u id.ID) { got = append(got, fmt.Sprintf("claim %s %s", where, u)) },
		Add:   func(where, format string, a ...any) { got = append(got, where+": "+fmt.Sprintf(format, a...)) },
		AddErr: func(where string, err error) {
			if err != nil {
				got = append(got, where+": "+errs.MessageOf(err))
			}
		},
	}
	u := id.ID{15: 1}
	recs := []checkedRec{{Name: " Ann "}, {Name: "  "}, {Name: "ANN"}}
	names := recName.InFile(f)
	for i := range recs {
		where := fmt.Sprintf("recs[%d]", i)
		f.Record(where, u, &recs[i])
		names.Check(where, recs[i].Name)
	}
	known := func(v id.ID) bool { return v == u }
	f.Ref("recs[0]", "ownerId", "person", u, known)
	f.Ref("recs[0]", "ownerId", "person", id.Nil, known)
	f.Ref("recs[1]", "teamId", "team", id.ID{15: 2}, known)
	want := []string{
		"claim recs[0] " + u.String(),
		"claim recs[1] " + u.String(),
		"recs[1]: Name is required.",
		"claim recs[2] " + u.String(),
		"recs[2] name: another test record is also called ANN",
		"recs[1] teamId: no team has id " + id.ID{15: 2}.String(),
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("reports:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if !recs[0].normalized || recs[0].Name != "Ann" {
		t.Errorf("record not normalized: %+v", recs[0])
	}
}
