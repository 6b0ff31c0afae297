package pages_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"

	"wheelhouse/backend/errs"
	"wheelhouse/backend/pages"
)

// FuzzParse feeds arbitrary bytes to the CSV and JSON readers: they must
// never panic or hang; a file they cannot read is a clear Invalid refusal;
// every page they return has an id, a creation time in range, and
// acknowledgement and resolution no earlier than creation. The samples in
// testdata are the seed corpus; `make fuzz` runs a short session.
func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.csv")
	js, _ := filepath.Glob("testdata/*.json")
	for _, p := range append(files, js...) {
		if filepath.Ext(p) == ".json" && filepath.Ext(p[:len(p)-5]) == ".golden" {
			continue
		}
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte("id;createdAt (UTC+05:30)\nx;1793797200\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		n := 0
		_, err := pages.Read(bytes.NewReader(data), pages.ParseOptions{}, func(p *pages.Page, bad *pages.RowError) error {
			n++
			if bad != nil {
				if bad.Line < 1 || bad.Message == "" {
					t.Fatalf("bad row without a line or message: %+v", bad)
				}
				return nil
			}
			if p.SourceID == "" || p.Created.IsZero() || p.Created.Location() != time.UTC {
				t.Fatalf("page without id or UTC creation: %+v", p)
			}
			if !p.Acknowledged.IsZero() && p.Acknowledged.Before(p.Created) || !p.Resolved.IsZero() && p.Resolved.Before(p.Created) {
				t.Fatalf("page answered before it was created: %+v", p)
			}
			if p.AckSeconds != nil && *p.AckSeconds < 0 || p.ResolveSeconds != nil && *p.ResolveSeconds < 0 {
				t.Fatalf("negative duration: %+v", p)
			}
			return nil
		})
		if err != nil && (!errs.Is(err, errs.Invalid) || errs.MessageOf(err) == "") {
			t.Fatalf("not a clear refusal: %v", err)
		}
		if n > len(data)+1 {
			t.Fatalf("%d rows from %d bytes", n, len(data))
		}
	})
}
