// Package id makes 16-byte, time-sortable identifiers (UUIDv7, RFC 9562).
// Sorting IDs byte-wise sorts records by creation time, which keeps Badger
// key ranges in a useful order.
package id

import (
	"crypto/rand"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"sync"
	"time"
)

// ID is a UUIDv7.
type ID [16]byte

// Nil is the zero ID.
var Nil ID

var (
	mu     sync.Mutex
	lastMs int64
	seq    uint16
)

// New returns a new ID for time t. IDs made in the same millisecond by this
// process are strictly increasing (a 12-bit counter in rand_a, RFC 9562 method 1).
func New(t time.Time) ID {
	ms := t.UnixMilli()
	mu.Lock()
	if ms <= lastMs {
		ms = lastMs
		seq++
		if seq > 0x0FFF { // counter overflow: borrow the next millisecond
			ms++
			seq = 0
		}
	} else {
		var b [2]byte
		_, _ = rand.Read(b[:])
		seq = binary.BigEndian.Uint16(b[:]) & 0x01FF // leave room to count up
	}
	lastMs = ms
	s := seq
	mu.Unlock()

	var u ID
	u[0] = byte(ms >> 40)
	u[1] = byte(ms >> 32)
	u[2] = byte(ms >> 24)
	u[3] = byte(ms >> 16)
	u[4] = byte(ms >> 8)
	u[5] = byte(ms)
	u[6] = 0x70 | byte(s>>8)&0x0F
	u[7] = byte(s)
	_, _ = rand.Read(u[8:])
	u[8] = u[8]&0x3F | 0x80
	return u
}

// IsZero reports whether u is Nil.
func (u ID) IsZero() bool { return u == Nil }

// Time returns the millisecond timestamp inside u.
func (u ID) Time() time.Time {
	ms := int64(u[0])<<40 | int64(u[1])<<32 | int64(u[2])<<24 | int64(u[3])<<16 | int64(u[4])<<8 | int64(u[5])
	return time.UnixMilli(ms).UTC()
}

// String is the canonical 8-4-4-4-12 hex form.
func (u ID) String() string {
	var b [36]byte
	hex.Encode(b[0:8], u[0:4])
	b[8] = '-'
	hex.Encode(b[9:13], u[4:6])
	b[13] = '-'
	hex.Encode(b[14:18], u[6:8])
	b[18] = '-'
	hex.Encode(b[19:23], u[8:10])
	b[23] = '-'
	hex.Encode(b[24:], u[10:])
	return string(b[:])
}

// Parse reads the canonical form. The empty string parses as Nil.
func Parse(s string) (ID, error) {
	var u ID
	if s == "" {
		return u, nil
	}
	if len(s) != 36 || s[8] != '-' || s[13] != '-' || s[18] != '-' || s[23] != '-' {
		return u, fmt.Errorf("malformed id %q", s)
	}
	hexs := s[0:8] + s[9:13] + s[14:18] + s[19:23] + s[24:]
	if _, err := hex.Decode(u[:], []byte(hexs)); err != nil {
		return Nil, fmt.Errorf("malformed id %q", s)
	}
	return u, nil
}

// MarshalText writes the canonical form (empty for Nil).
func (u ID) MarshalText() ([]byte, error) {
	if u.IsZero() {
		return []byte{}, nil
	}
	return []byte(u.String()), nil
}

// UnmarshalText parses the canonical form.
func (u *ID) UnmarshalText(b []byte) error {
	v, err := Parse(string(b))
	if err != nil {
		return err
	}
	*u = v
	return nil
}

// Unique returns the non-zero ids of in, each once, in their first order;
// never nil.
func Unique(in []ID) []ID {
	out := make([]ID, 0, len(in))
	seen := map[ID]bool{}
	for _, u := range in {
		if !u.IsZero() && !seen[u] {
			seen[u] = true
			out = append(out, u)
		}
	}
	return out
}
