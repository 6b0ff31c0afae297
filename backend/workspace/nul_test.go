package workspace_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"wheelhouse/backend/demo"
	"wheelhouse/backend/errs"
	"wheelhouse/backend/people"
	"wheelhouse/backend/workspace"
)

// A NUL byte in a text field is refused next to the field, from the app and
// from an imported file, and nothing is stored.
func TestNULInTextIsRefused(t *testing.T) {
	w := open(t, t.TempDir())
	_, err := w.Roster.CreatePerson(people.Person{Name: "Ada", TimeZone: "UTC", Notes: "Family\x00trip"})
	fs := errs.FieldsOf(err)
	if len(fs) != 1 || fs[0].Field != "notes" || !strings.Contains(fs[0].Message, `NUL character (after "Family")`) {
		t.Fatalf("a note with NUL: %v", err)
	}
	if ps, _ := w.Roster.People(true); len(ps) != 0 {
		t.Fatalf("stored %d people", len(ps))
	}

	s := demo.Generate(demo.Small, now)
	s.OneOnOnes.Meetings[0].PrivateNotes = "ok\x00then"
	b, _ := json.Marshal(s)
	_, err = workspace.Parse(bytes.NewReader(b), now)
	if err == nil || !strings.Contains(errs.MessageOf(err)+describe(err), "NUL") {
		t.Fatalf("an import with NUL in a private note: %v", err)
	}
}

func describe(err error) string {
	var b strings.Builder
	for _, f := range errs.FieldsOf(err) {
		b.WriteString(f.Field + ": " + f.Message + "\n")
	}
	return b.String()
}
