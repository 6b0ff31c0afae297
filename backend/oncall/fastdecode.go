package oncall

import (
	"bytes"
	"fmt"
	"time"
	"unicode/utf8"

	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/id"
	"wheelhouse/backend/store"
)

// The load of all history decodes thousands of overrides and time off
// records, and encoding/json was most of its time (docs/performance.md,
// decision 0032). These read the values as store.Encode writes them (the
// version byte, then json.Marshal of the struct: its fields in order, no
// escapes in the usual case) directly; any other shape — another field
// order or spelling, an unknown field, an escape, a control character,
// invalid UTF-8, a malformed id or time, something after the object — is
// left to store.Decode, so the result is always what store.Decode gives.

// listOverrides is Overrides.List.
func listOverrides(txn *badger.Txn) ([]Override, error) {
	return listFast(txn, Overrides, decodeOverride)
}

// listTimeOff is TimeOffs.List.
func listTimeOff(txn *badger.Txn) ([]TimeOff, error) {
	return listFast(txn, TimeOffs, decodeTimeOff)
}

func listFast[T any](txn *badger.Txn, t *store.Table[T], decode func([]byte, *T) error) ([]T, error) {
	var out []T
	err := store.Values(txn, store.Range{Prefix: []byte{t.Prefix}}, func(k, v []byte) error {
		var x T
		if err := decode(v, &x); err != nil {
			return fmt.Errorf("%s %x: %w", t.Name, k, err)
		}
		out = append(out, x)
		return nil
	})
	return out, err
}

func decodeOverride(b []byte, o *Override) error {
	var x Override
	if fastObject(b, []fastField{
		{"id", fastID(&x.ID)}, {"rotationId", fastID(&x.RotationID)}, {"personId", fastID(&x.PersonID)},
		{"start", fastTime(&x.Start)}, {"end", fastTime(&x.End)}, {"note", fastString(&x.Note)},
		{"createdAt", fastTime(&x.CreatedAt)}, {"updatedAt", fastTime(&x.UpdatedAt)},
	}) {
		*o = x
		return nil
	}
	*o = Override{}
	return store.Decode(b, o)
}

func decodeTimeOff(b []byte, t *TimeOff) error {
	var x TimeOff
	var kind string
	if fastObject(b, []fastField{
		{"id", fastID(&x.ID)}, {"personId", fastID(&x.PersonID)}, {"kind", fastString(&kind)},
		{"startDate", fastString(&x.StartDate)}, {"endDate", fastString(&x.EndDate)},
		{"start", fastTime(&x.Start)}, {"end", fastTime(&x.End)}, {"note", fastString(&x.Note)},
		{"source", fastString(&x.Source)}, {"calendarUid", fastString(&x.UID)}, {"calendar", fastString(&x.Calendar)},
		{"createdAt", fastTime(&x.CreatedAt)}, {"updatedAt", fastTime(&x.UpdatedAt)},
	}) {
		x.Kind = TimeOffKind(kind)
		*t = x
		return nil
	}
	*t = TimeOff{}
	return store.Decode(b, t)
}

// fastField is a field of the struct in json.Marshal's order: its JSON
// name and how to read its string value (false: not understood).
type fastField struct {
	name string
	set  func(v []byte) bool
}

func fastID(u *id.ID) func([]byte) bool {
	return func(v []byte) bool {
		if len(v) != 36 {
			return false
		}
		x, err := id.Parse(string(v))
		*u = x
		return err == nil
	}
}

func fastTime(t *time.Time) func([]byte) bool {
	// time.Time.UnmarshalJSON parses the unquoted text as UnmarshalText does
	return func(v []byte) bool { return t.UnmarshalText(v) == nil }
}

func fastString(s *string) func([]byte) bool {
	return func(v []byte) bool {
		for _, c := range v {
			if c < 0x20 {
				return false
			}
		}
		if !utf8.Valid(v) {
			return false
		}
		*s = string(v)
		return true
	}
}

// fastObject reads {"name":"value",...} with every value a string without
// escapes and the names a subsequence of fields in their order (an absent
// field keeps its zero value, as with encoding/json).
func fastObject(b []byte, fields []fastField) bool {
	if len(b) < 3 || b[0] != 1 || b[1] != '{' { // store's codecJSON
		return false
	}
	p := b[2:]
	if bytes.IndexByte(p, '\\') >= 0 {
		return false
	}
	first := true
	for _, f := range fields {
		sep := 0
		if !first {
			if len(p) == 0 || p[0] != ',' {
				break
			}
			sep = 1
		}
		q := p[sep:]
		if len(q) < len(f.name)+4 || q[0] != '"' || string(q[1:1+len(f.name)]) != f.name || string(q[1+len(f.name):4+len(f.name)]) != `":"` {
			continue // absent
		}
		q = q[4+len(f.name):]
		i := bytes.IndexByte(q, '"')
		if i < 0 || !f.set(q[:i]) {
			return false
		}
		p, first = q[i+1:], false
	}
	return string(p) == "}"
}
