package workspace_test

import (
	"bytes"
	"strings"
	"testing"

	"wheelhouse/backend/demo"
	"wheelhouse/backend/workspace"
)

// 1:1s, feedback, plans and mentoring round-trip through the workspace file,
// and an export without private notes has none of them and says so.
func TestPeopleDevelopmentInTheWorkspaceFile(t *testing.T) {
	dir := t.TempDir()
	s := demo.Generate(demo.Small, now)
	var secret string
	for _, m := range s.OneOnOnes.Meetings {
		if m.PrivateNotes != "" {
			secret = m.PrivateNotes
			break
		}
	}
	if secret == "" {
		t.Fatal("the demo has no private notes to test with")
	}
	if _, err := workspace.ImportFolder(dir, s, false, opts); err != nil {
		t.Fatal(err)
	}
	w := open(t, dir)
	var full, clean bytes.Buffer
	if err := w.Export(&full, "test"); err != nil {
		t.Fatal(err)
	}
	if err := w.ExportWith(&clean, "test", workspace.ExportOptions{WithoutPrivate: true}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(full.String(), secret) || !strings.Contains(full.String(), `"privateNotes": "included"`) {
		t.Fatal("the full export lacks the private notes or its marker")
	}
	if strings.Contains(clean.String(), secret) || !strings.Contains(clean.String(), `"privateNotes": "omitted"`) {
		t.Fatal("the export without private notes has some, or lacks its marker")
	}
	for _, f := range []*bytes.Buffer{&full, &clean} {
		got, err := workspace.Parse(bytes.NewReader(f.Bytes()), now)
		if err != nil {
			t.Fatal(err)
		}
		if len(got.OneOnOnes.Meetings) != len(s.OneOnOnes.Meetings) || len(got.OneOnOnes.Series) != len(s.OneOnOnes.Series) ||
			len(got.Feedback.Entries) != len(s.Feedback.Entries) || len(got.Growth.Plans) != len(s.Growth.Plans) ||
			len(got.Growth.Mentorships) != len(s.Growth.Mentorships) || len(got.FollowUps) != len(s.FollowUps) {
			t.Fatalf("round trip lost records: %d/%d meetings, %d/%d feedback", len(got.OneOnOnes.Meetings), len(s.OneOnOnes.Meetings),
				len(got.Feedback.Entries), len(s.Feedback.Entries))
		}
		dir2 := t.TempDir()
		if _, err := workspace.ImportFolder(dir2, got, false, opts); err != nil {
			t.Fatal(err)
		}
		w2 := open(t, dir2)
		sts, err := w2.OneOnOnes.Statuses(now.Format("2006-01-02"))
		if err != nil || len(sts) != len(s.OneOnOnes.Series) {
			t.Fatalf("statuses after import: %d %v", len(sts), err)
		}
	}
	// a file that claims to omit private notes but has some is refused
	bad := strings.Replace(full.String(), `"privateNotes": "included"`, `"privateNotes": "omitted"`, 1)
	if _, err := workspace.Parse(strings.NewReader(bad), now); err == nil || !strings.Contains(err.Error(), "the file says private notes are omitted") {
		t.Fatalf("inconsistent marker: %v", err)
	}
}
