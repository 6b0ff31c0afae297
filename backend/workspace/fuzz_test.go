package workspace_test

import (
	"bytes"
	"testing"

	"wheelhouse/backend/workspace"
)

// FuzzWorkspaceImport: any file import-json reads is refused with an error
// or imports whole, and what it imported exports back to a file that reads
// again. (make fuzz runs it; the seeds run in go test.)
var validSeed = []byte(`{"format":"wheelhouse-workspace","version":1,"exportedAt":"2026-11-23T09:00:00Z","settings":{"levelLadder":[]},` +
	`"people":[{"id":"01938a3e-0000-7000-8000-000000000001","name":"Ada Lovelace","timezone":"Europe/London","aspiration":"","createdAt":"2026-01-01T00:00:00Z","updatedAt":"2026-01-01T00:00:00Z"}],` +
	`"teams":[],"services":[]}`)

// The first seed is a valid file, so the fuzzer starts from one that imports.
func TestFuzzSeedImports(t *testing.T) {
	if _, err := workspace.Parse(bytes.NewReader(validSeed), now); err != nil {
		t.Fatal(err)
	}
}

func FuzzWorkspaceImport(f *testing.F) {
	f.Add(validSeed)
	f.Add([]byte(`{"format":"wheelhouse-workspace","version":1,"people":[{"name":"\u0000"}]}`))
	f.Add([]byte(`{"format":"wheelhouse-workspace","version":99}`))
	f.Add([]byte(`{"format":"wheelhouse-workspace","version":1,"people":[],"teams":[{"id":"01938a3e-0000-7000-8000-000000000002","name":"A","memberIds":["01938a3e-0000-7000-8000-000000000009"]}]}`))
	f.Add([]byte("\xef\xbb\xbf{}"))
	f.Add([]byte(`[`))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := workspace.Parse(bytes.NewReader(data), now)
		if err != nil {
			return
		}
		dir := t.TempDir()
		if _, err := workspace.ImportFolder(dir, s, false, opts); err != nil {
			t.Fatalf("a file that parsed did not import: %v", err)
		}
		w := open(t, dir)
		var out bytes.Buffer
		if err := w.Export(&out, "fuzz"); err != nil {
			t.Fatalf("export after import: %v", err)
		}
		if _, err := workspace.Parse(bytes.NewReader(out.Bytes()), now); err != nil {
			t.Fatalf("the export of an imported file does not read again: %v\n%s", err, out.Bytes())
		}
	})
}
