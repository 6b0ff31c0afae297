package app

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"wheelhouse/backend/store"
)

// Export the demo through the save dialog, then import the file into the
// user's own workspace of another shell: the preview counts what the demo
// holds, the import replaces the workspace with exactly that (the old one
// is kept aside), and the imported workspace takes writes.
func TestExportThenImportWorkspaceFile(t *testing.T) {
	src := openShell(t)
	if err := src.switchTo(true); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	file := filepath.Join(dir, "ws.json")
	src.dialogs = saveDialog{file}
	if got, err := NewWorkspaceAPI(src).ExportWorkspace(false); err != nil || got != file {
		t.Fatalf("export %q %v", got, err)
	}
	w, _ := src.workspace()
	want, err := w.Load()
	if err != nil {
		t.Fatal(err)
	}

	dst := openShell(t)
	api, people := NewWorkspaceAPI(dst), NewPeopleAPI(dst)
	if _, err := people.CreatePerson(PersonInput{Name: "Zed Before", TimeZone: "UTC"}); err != nil {
		t.Fatal(err)
	}
	answer := filepath.Join(dir, "answer")
	os.WriteFile(answer, []byte(file+"\n"), 0o644)
	dst.getenv = func(k string) string {
		if k == "WHEELHOUSE_TEST_OPEN_FILE" {
			return answer
		}
		return ""
	}
	if got, err := api.ChooseWorkspaceFile(); err != nil || got != file {
		t.Fatalf("chosen %q %v", got, err)
	}
	p, err := api.PreviewImport(file)
	if err != nil || !p.Valid || p.Name != "ws.json" || !p.PrivateNotes || p.ExportedAt.IsZero() {
		t.Fatalf("preview %+v %v", p, err)
	}
	if p.People != len(want.People) || p.People < 5 || p.Teams != len(want.Teams) || p.Services != len(want.Services) ||
		p.Incidents != len(want.Incidents) || p.FollowUps != len(want.FollowUps) || p.Rotations != len(want.OnCall.Rotations) ||
		p.Meetings != len(want.OneOnOnes.Meetings) || p.Feedback != len(want.Feedback.Entries) || p.Incidents == 0 || p.Meetings == 0 {
		t.Fatalf("preview counts %+v", p)
	}
	if got := strings.Join(names(t, dst), ","); got != "Zed Before" {
		t.Fatalf("a preview changed the workspace: %s", got)
	}

	res, err := api.ImportWorkspace(file)
	if err != nil {
		t.Fatal(err)
	}
	if res.Aside == "" || res.Preview.People != p.People {
		t.Fatalf("import result %+v", res)
	}
	if _, err := os.Stat(res.Aside); err != nil {
		t.Fatalf("the replaced workspace is not kept aside: %v", err)
	}
	w2, err := dst.workspace()
	if err != nil {
		t.Fatal(err)
	}
	got, err := w2.Load()
	if err != nil {
		t.Fatal(err)
	}
	if len(got.People) != len(want.People) || len(got.Incidents) != len(want.Incidents) || len(got.FollowUps) != len(want.FollowUps) ||
		len(got.OneOnOnes.Meetings) != len(want.OneOnOnes.Meetings) || len(got.Feedback.Entries) != len(want.Feedback.Entries) {
		t.Fatalf("imported %d people %d incidents, want %d %d", len(got.People), len(got.Incidents), len(want.People), len(want.Incidents))
	}
	if strings.Contains(strings.Join(names(t, dst), ","), "Zed Before") {
		t.Fatal("the old workspace is still there")
	}
	if _, err := people.CreatePerson(PersonInput{Name: "Cy Later", TimeZone: "UTC"}); err != nil {
		t.Fatal(err)
	}

	// without private notes: the file and its preview say so
	lean := filepath.Join(dir, "lean.json")
	src.dialogs = saveDialog{lean}
	if _, err := NewWorkspaceAPI(src).ExportWorkspace(true); err != nil {
		t.Fatal(err)
	}
	if p, err := api.PreviewImport(lean); err != nil || !p.Valid || p.PrivateNotes {
		t.Fatalf("preview of a file without private notes %+v %v", p, err)
	}
	// cancelled save dialog: nothing written, no error
	src.dialogs = saveDialog{""}
	if got, err := NewWorkspaceAPI(src).ExportWorkspace(false); err != nil || got != "" {
		t.Fatalf("cancelled export %q %v", got, err)
	}
}

// A file with a validation error is shown with where the problems are, and
// refused by the import with the workspace untouched; the demo refuses an
// import.
func TestImportRefusesABadFileAndTheDemo(t *testing.T) {
	s := openShell(t)
	api, people := NewWorkspaceAPI(s), NewPeopleAPI(s)
	if _, err := people.CreatePerson(PersonInput{Name: "Ada Kept", TimeZone: "UTC"}); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	good := filepath.Join(dir, "good.json")
	// the save dialog's answer under test (WHEELHOUSE_TEST_SAVE_FILE)
	answer := filepath.Join(dir, "save-answer")
	os.WriteFile(answer, []byte(good+"\n"), 0o644)
	s.getenv = func(k string) string {
		if k == "WHEELHOUSE_TEST_SAVE_FILE" {
			return answer
		}
		return ""
	}
	if got, err := api.ExportWorkspace(false); err != nil || got != good {
		t.Fatalf("export through the test hook %q %v", got, err)
	}
	b, _ := os.ReadFile(good)
	var doc map[string]any
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	doc["people"].([]any)[0].(map[string]any)["timezone"] = "Mars/Base"
	b, _ = json.Marshal(doc)
	bad := filepath.Join(dir, "bad.json")
	os.WriteFile(bad, b, 0o644)

	p, err := api.PreviewImport(bad)
	if err != nil || p.Valid || !strings.Contains(p.Problem, "1 problem") || len(p.Problems) != 1 ||
		!strings.Contains(p.Problems[0], `people[0] "Ada Kept"`) || !strings.Contains(p.Problems[0], "Mars/Base") {
		t.Fatalf("preview of a bad file %+v %v", p, err)
	}
	if _, err := api.ImportWorkspace(bad); err == nil || !strings.Contains(err.Error(), "Mars/Base") {
		t.Fatalf("imported a bad file: %v", err)
	}
	notJSON := filepath.Join(dir, "notes.json")
	os.WriteFile(notJSON, []byte("{\n  \"format\": oops\n}"), 0o644)
	if p, err := api.PreviewImport(notJSON); err != nil || p.Valid || !strings.Contains(p.Problem, "line 2") {
		t.Fatalf("preview of broken JSON %+v %v", p, err)
	}
	if p, err := api.PreviewImport(filepath.Join(dir, "missing.json")); err != nil || p.Valid || !strings.Contains(p.Problem, "Cannot open") {
		t.Fatalf("preview of a missing file %+v %v", p, err)
	}
	if got := strings.Join(names(t, s), ","); got != "Ada Kept" {
		t.Fatalf("a refused import changed the workspace: %s", got)
	}
	entries, _ := os.ReadDir(s.root)
	for _, e := range entries {
		if strings.Contains(e.Name(), "staging") || strings.Contains(e.Name(), "before-import") {
			t.Fatalf("a refused import left %s", e.Name())
		}
	}

	if err := s.switchTo(true); err != nil {
		t.Fatal(err)
	}
	if _, err := api.ImportWorkspace(good); err == nil || !strings.Contains(err.Error(), "Switch to your workspace") {
		t.Fatalf("import in the demo: %v", err)
	}
	if err := s.switchTo(false); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(names(t, s), ","); got != "Ada Kept" {
		t.Fatalf("the demo's refused import changed the workspace: %s", got)
	}
}

// An encrypted workspace stays encrypted when a (plaintext) workspace file
// replaces it: the import is written under the workspace's key.
func TestImportKeepsTheWorkspaceEncrypted(t *testing.T) {
	s := openShell(t)
	api, people := NewWorkspaceAPI(s), NewPeopleAPI(s)
	if _, err := people.CreatePerson(PersonInput{Name: "Ada Secret", TimeZone: "UTC"}); err != nil {
		t.Fatal(err)
	}
	if _, err := NewEncryptionAPI(s).Encrypt("correct horse battery", "correct horse battery"); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "ws.json")
	s.dialogs = saveDialog{file}
	if _, err := api.ExportWorkspace(false); err != nil {
		t.Fatal(err)
	}
	if _, err := people.CreatePerson(PersonInput{Name: "Bo Later", TimeZone: "UTC"}); err != nil {
		t.Fatal(err)
	}
	if _, err := api.ImportWorkspace(file); err != nil {
		t.Fatal(err)
	}
	if !store.IsEncrypted(s.root) {
		t.Fatal("the imported workspace is not encrypted")
	}
	if got := strings.Join(names(t, s), ","); got != "Ada Secret" {
		t.Fatalf("after the import: %s", got)
	}
	if st, err := NewEncryptionAPI(s).Status(); err != nil || !st.Encrypted {
		t.Fatalf("encryption status after the import %+v %v", st, err)
	}
}
