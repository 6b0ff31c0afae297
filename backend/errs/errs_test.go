package errs

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

func TestCodesAndMessages(t *testing.T) {
	plain := errors.New("disk exploded at 0xdeadbeef")
	if CodeOf(plain) != Internal || strings.Contains(MessageOf(plain), "deadbeef") {
		t.Fatalf("unknown errors must be internal and hide detail: %s / %s", CodeOf(plain), MessageOf(plain))
	}
	e := E(NotFound, "No person %s.", "x")
	wrapped := fmt.Errorf("outer: %w", Wrap("people.Get", e))
	if CodeOf(wrapped) != NotFound || MessageOf(wrapped) != "No person x." {
		t.Fatalf("wrapped: %s / %s", CodeOf(wrapped), MessageOf(wrapped))
	}
	if Wrap("op", nil) != nil {
		t.Fatal("Wrap(nil) != nil")
	}
	if !strings.HasPrefix(Wrap("people.Get", e).Error(), "people.Get: ") {
		t.Fatal("Wrap does not add the op")
	}
}

func TestCollector(t *testing.T) {
	var c Collector
	if c.Err() != nil {
		t.Fatal("empty collector returns an error")
	}
	c.Add("name", "Name is required.")
	c.Add("timezone", "Bad zone %q.", "X")
	err := c.Err()
	if CodeOf(err) != Invalid || len(FieldsOf(err)) != 2 || !c.Has("timezone") {
		t.Fatalf("collector: %v %v", err, FieldsOf(err))
	}
	if !strings.Contains(MessageOf(err), "and 1 more problem") {
		t.Fatalf("message %q", MessageOf(err))
	}
	var c2 Collector
	if c2.Merge("skills.0", FieldErr("level", "1 to 4")) != nil || FieldsOf(c2.Err())[0].Field != "skills.0.level" {
		t.Fatalf("merge: %v", c2.Err())
	}
	other := E(Conflict, "busy")
	if c2.Merge("", other) != other {
		t.Fatal("Merge swallowed a non-validation error")
	}
}
