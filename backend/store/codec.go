package store

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"wheelhouse/backend/id"
)

// codecJSON is the first byte of every value written by Encode: the value's
// encoding version. A reader that meets a version it does not know refuses
// the value instead of misreading it.
const codecJSON byte = 1

// Encode writes v as a versioned value.
func Encode(v any) ([]byte, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	out := make([]byte, 0, len(b)+1)
	out = append(out, codecJSON)
	return append(out, b...), nil
}

// Decode reads a value written by Encode.
func Decode(b []byte, v any) error {
	if len(b) == 0 {
		return fmt.Errorf("store: empty value")
	}
	switch b[0] {
	case codecJSON:
		return json.Unmarshal(b[1:], v)
	default:
		return fmt.Errorf("store: unknown value encoding %d (written by a newer Wheelhouse?)", b[0])
	}
}

// Term builds an index term from parts: strings are length-prefixed (so
// ("A","Bc") and ("AB","c") differ), ids are 16 raw bytes, times and integers
// are fixed-width big-endian (so byte order is numeric order).
func Term(parts ...any) []byte {
	var out []byte
	for _, p := range parts {
		switch v := p.(type) {
		case string:
			out = binary.BigEndian.AppendUint32(out, uint32(len(v)))
			out = append(out, v...)
		case id.ID:
			out = append(out, v[:]...)
		case time.Time:
			out = binary.BigEndian.AppendUint64(out, uint64(v.UnixNano())^(1<<63))
		case int64:
			out = binary.BigEndian.AppendUint64(out, uint64(v)^(1<<63))
		case int:
			out = binary.BigEndian.AppendUint64(out, uint64(int64(v))^(1<<63))
		case uint32:
			out = binary.BigEndian.AppendUint32(out, v)
		case []byte:
			out = append(out, v...)
		default:
			panic(fmt.Sprintf("store.Term: unsupported part %T", p))
		}
	}
	return out
}

// Fold is the case-insensitive form used in unique-name and email terms.
func Fold(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// Key joins a prefix and parts into a key.
func Key(prefix byte, parts ...any) []byte {
	return append([]byte{prefix}, Term(parts...)...)
}
