package oncall

import (
	"bytes"
	"fmt"
	"time"
	"unicode/utf8"

	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/civil"
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

// listSwaps is Swaps.List.
func listSwaps(txn *badger.Txn) ([]Swap, error) {
	return listFast(txn, Swaps, decodeSwap)
}

func listFast[T any](txn *badger.Txn, t *store.Table[T], decode func([]byte, *T) error) ([]T, error) {
	// Decoded into chunks, then copied once into a slice of the exact
	// length: appending to one slice copied thousands of records at every
	// doubling (a tenth of the load of ten years).
	const chunk = 256
	var chunks [][]T
	cur := make([]T, 0, chunk)
	n := 0
	err := store.Values(txn, store.Range{Prefix: []byte{t.Prefix}}, func(k, v []byte) error {
		if len(cur) == chunk {
			chunks = append(chunks, cur)
			cur = make([]T, 0, chunk)
		}
		cur = cur[:len(cur)+1]
		if err := decode(v, &cur[len(cur)-1]); err != nil {
			return fmt.Errorf("%s %x: %w", t.Name, k, err)
		}
		n++
		return nil
	})
	if err != nil || n == 0 {
		return nil, err
	}
	out := make([]T, 0, n)
	for _, c := range chunks {
		out = append(out, c...)
	}
	return append(out, cur...), nil
}

var (
	overrideFields = []string{"id", "rotationId", "personId", "start", "end", "note", "createdAt", "updatedAt"}
	timeOffFields  = []string{"id", "personId", "kind", "startDate", "endDate", "start", "end", "note", "source",
		"calendarUid", "calendar", "createdAt", "updatedAt"}
	swapFields = []string{"id", "rotationId", "slotA", "slotB", "note", "createdAt", "updatedAt"}
)

// swapNumbers: slotA and slotB (fields 2 and 3) are numbers, not strings.
const swapNumbers = 1<<2 | 1<<3

func decodeOverride(b []byte, o *Override) error {
	if fastOverride(b, o) {
		return nil
	}
	*o = Override{}
	return store.Decode(b, o)
}

func decodeTimeOff(b []byte, t *TimeOff) error {
	if fastTimeOff(b, t) {
		return nil
	}
	*t = TimeOff{}
	return store.Decode(b, t)
}

func decodeSwap(b []byte, w *Swap) error {
	if fastSwap(b, w) {
		return nil
	}
	*w = Swap{}
	return store.Decode(b, w)
}

func fastSwap(b []byte, w *Swap) bool {
	var v [7][]byte
	var x Swap
	if !fastObjectNums(b, swapFields, swapNumbers, v[:]) ||
		!fastID(v[0], &x.ID) || !fastID(v[1], &x.RotationID) || !fastInt(v[2], &x.SlotA) || !fastInt(v[3], &x.SlotB) ||
		!fastString(v[4], &x.Note) || !fastTime(v[5], &x.CreatedAt) || !fastTime(v[6], &x.UpdatedAt) {
		return false
	}
	*w = x
	return true
}

func fastOverride(b []byte, o *Override) bool {
	var v [8][]byte
	var x Override
	if !fastObject(b, overrideFields, v[:]) ||
		!fastID(v[0], &x.ID) || !fastID(v[1], &x.RotationID) || !fastID(v[2], &x.PersonID) ||
		!fastTime(v[3], &x.Start) || !fastTime(v[4], &x.End) || !fastString(v[5], &x.Note) ||
		!fastTime(v[6], &x.CreatedAt) || !fastTime(v[7], &x.UpdatedAt) {
		return false
	}
	*o = x
	return true
}

func fastTimeOff(b []byte, t *TimeOff) bool {
	var v [13][]byte
	var x TimeOff
	var kind string
	if !fastObject(b, timeOffFields, v[:]) ||
		!fastID(v[0], &x.ID) || !fastID(v[1], &x.PersonID) || !fastString(v[2], &kind) ||
		!fastString(v[3], &x.StartDate) || !fastString(v[4], &x.EndDate) ||
		!fastTime(v[5], &x.Start) || !fastTime(v[6], &x.End) || !fastString(v[7], &x.Note) ||
		!fastString(v[8], &x.Source) || !fastString(v[9], &x.UID) || !fastString(v[10], &x.Calendar) ||
		!fastTime(v[11], &x.CreatedAt) || !fastTime(v[12], &x.UpdatedAt) {
		return false
	}
	x.Kind = TimeOffKind(kind)
	*t = x
	return true
}

// The readers of a field's string value: a nil value is an absent field
// (the zero value, as with encoding/json); false: not understood.

func fastID(v []byte, u *id.ID) bool {
	if v == nil {
		return true
	}
	if len(v) != 36 || v[8] != '-' || v[13] != '-' || v[18] != '-' || v[23] != '-' {
		return false
	}
	// as id.Parse: the hex digits of the canonical form, either case
	for j, i := range idDigits {
		hi, lo := hexVal[v[i]], hexVal[v[i+1]]
		if hi|lo > 0xf {
			return false
		}
		u[j] = hi<<4 | lo
	}
	return true
}

// idDigits: where each byte's two hex digits start in the canonical form.
var idDigits = [16]int{0, 2, 4, 6, 9, 11, 14, 16, 19, 21, 24, 26, 28, 30, 32, 34}

// hexVal is a hex digit's value, either case; 0xff for any other byte.
var hexVal = func() (t [256]byte) {
	for i := range t {
		t[i] = 0xff
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = byte(c - '0')
	}
	for c := 'a'; c <= 'f'; c++ {
		t[c] = byte(c-'a') + 10
		t[c-'a'+'A'] = byte(c-'a') + 10
	}
	return t
}()

func fastTime(v []byte, t *time.Time) bool {
	if v == nil {
		return true
	}
	if u, ok := fastUTC(v); ok {
		*t = u
		return true
	}
	// time.Time.UnmarshalJSON parses the unquoted text as UnmarshalText does
	return t.UnmarshalText(v) == nil
}

// fastUTC reads an instant in UTC as the app writes it (RFC 3339,
// "2026-12-06T00:38:14.5Z": a fraction of 1 to 9 digits or none, then Z)
// without time.Parse; false for anything else, including a date or time out
// of range, which is left to UnmarshalText (TestFastUTCIsUnmarshalText).
func fastUTC(v []byte) (time.Time, bool) {
	if len(v) < 20 || v[4] != '-' || v[7] != '-' || v[10] != 'T' || v[13] != ':' || v[16] != ':' || v[len(v)-1] != 'Z' {
		return time.Time{}, false
	}
	ok := true
	num := func(i, j int) int {
		n := 0
		for ; i < j; i++ {
			c := v[i]
			if c < '0' || c > '9' {
				ok = false
				return 0
			}
			n = n*10 + int(c-'0')
		}
		return n
	}
	y, mo, d, h, mi, sec := num(0, 4), num(5, 7), num(8, 10), num(11, 13), num(14, 16), num(17, 19)
	ns := 0
	switch frac := v[19 : len(v)-1]; {
	case len(frac) == 0:
	case len(frac) >= 2 && len(frac) <= 10 && frac[0] == '.':
		ns = num(20, len(v)-1)
		for range 10 - len(frac) {
			ns *= 10
		}
	default:
		return time.Time{}, false
	}
	if !ok || mo < 1 || mo > 12 || d < 1 || d > civil.DaysIn(y, mo) || h > 23 || mi > 59 || sec > 59 {
		return time.Time{}, false
	}
	// time.Date normalizes and looks the zone up: the day number of a
	// valid date is arithmetic (days from 1970-01-01, proleptic Gregorian)
	return time.Unix(civil.DaysFromEpoch(y, mo, d)*86400+int64(h*3600+mi*60+sec), int64(ns)).UTC(), true
}

// fastInt reads an integer as encoding/json writes one: 0, or an optional
// minus and 1 to 9 digits without a leading zero, which fit an int of any
// size (anything else, such as -0, 1e2, 1.0 or a longer number, is left to
// encoding/json).
func fastInt(v []byte, n *int) bool {
	if v == nil {
		return true
	}
	neg := len(v) > 0 && v[0] == '-'
	d := v
	if neg {
		d = v[1:]
	}
	if len(d) == 0 || len(d) > 9 || d[0] == '0' && (len(d) > 1 || neg) {
		return false
	}
	x := 0
	for _, c := range d {
		if c < '0' || c > '9' {
			return false
		}
		x = x*10 + int(c-'0')
	}
	if neg {
		x = -x
	}
	*n = x
	return true
}

func fastString(v []byte, s *string) bool {
	if v == nil {
		return true
	}
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

// fastObject reads {"name":"value",...} with every value a string without
// escapes and the names a subsequence of names in their order into vals
// (nil: absent; an empty value is empty, not nil).
func fastObject(b []byte, names []string, vals [][]byte) bool {
	return fastObjectNums(b, names, 0, vals)
}

// fastObjectNums is fastObject where the names whose bit is set in nums
// (bit i: names[i]) have a bare value up to the next ',' or '}' (a number)
// instead of a string.
func fastObjectNums(b []byte, names []string, nums uint64, vals [][]byte) bool {
	if len(b) < 3 || b[0] != 1 || b[1] != '{' { // store's codecJSON
		return false
	}
	p := b[2:]
	if bytes.IndexByte(p, '\\') >= 0 {
		return false
	}
	first := true
	for n, name := range names {
		sep := 0
		if !first {
			if len(p) == 0 || p[0] != ',' {
				break
			}
			sep = 1
		}
		q := p[sep:]
		if nums&(1<<n) != 0 {
			if len(q) < len(name)+4 || q[0] != '"' || string(q[1:1+len(name)]) != name || string(q[1+len(name):3+len(name)]) != `":` {
				continue // absent
			}
			q = q[3+len(name):]
			i := bytes.IndexAny(q, ",}")
			if i <= 0 {
				return false
			}
			vals[n] = q[:i:i]
			p, first = q[i:], false
			continue
		}
		if len(q) < len(name)+4 || q[0] != '"' || string(q[1:1+len(name)]) != name || string(q[1+len(name):4+len(name)]) != `":"` {
			continue // absent
		}
		q = q[4+len(name):]
		i := bytes.IndexByte(q, '"')
		if i < 0 {
			return false
		}
		vals[n] = q[:i:i]
		p, first = q[i+1:], false
	}
	return string(p) == "}"
}
