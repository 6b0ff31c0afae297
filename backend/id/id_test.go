package id

import (
	"bytes"
	"testing"
	"time"
)

func TestNewIsSortableAndVersion7(t *testing.T) {
	now := time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)
	prev := New(now)
	for i := 0; i < 10000; i++ { // many in the same millisecond
		u := New(now)
		if bytes.Compare(prev[:], u[:]) >= 0 {
			t.Fatalf("id %d not increasing: %s then %s", i, prev, u)
		}
		if u[6]>>4 != 7 || u[8]>>6 != 2 {
			t.Fatalf("not a UUIDv7: %s", u)
		}
		prev = u
	}
	later := New(now.Add(time.Hour))
	if bytes.Compare(prev[:], later[:]) >= 0 || !later.Time().Equal(now.Add(time.Hour)) {
		t.Fatalf("later id %s does not sort after or carry its time (%v)", later, later.Time())
	}
}

func TestParseRoundTrip(t *testing.T) {
	u := New(time.Now())
	got, err := Parse(u.String())
	if err != nil || got != u {
		t.Fatalf("Parse(%s) = %s, %v", u, got, err)
	}
	if z, err := Parse(""); err != nil || !z.IsZero() {
		t.Fatalf("empty parses to %s, %v", z, err)
	}
	for _, bad := range []string{"x", "018bfe62-9d32-7085-a6d6-c542b349d16", "018bfe62-9d32-7085-a6d6-c542b349d16z", "018bfe629d327085a6d6c542b349d162abcd"} {
		if _, err := Parse(bad); err == nil {
			t.Errorf("Parse(%q) succeeded", bad)
		}
	}
	b, _ := Nil.MarshalText()
	if len(b) != 0 {
		t.Errorf("Nil marshals to %q", b)
	}
}

func TestUnique(t *testing.T) {
	a, b := New(time.Unix(1, 0)), New(time.Unix(2, 0))
	got := Unique([]ID{b, Nil, a, b, a})
	if len(got) != 2 || got[0] != b || got[1] != a {
		t.Fatalf("Unique = %v", got)
	}
	if got := Unique(nil); got == nil || len(got) != 0 {
		t.Fatalf("Unique(nil) = %#v, want an empty list", got)
	}
}
