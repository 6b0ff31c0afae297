package calendar

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"

	"wheelhouse/backend/errs"
	"wheelhouse/backend/id"
	"wheelhouse/backend/oncall"
)

// FuzzImport feeds arbitrary bytes to the importer: it must never panic or
// hang, refuse with an Invalid error and a message, or produce items that
// are valid time off and holidays. The seed corpus is in
// testdata/fuzz/FuzzImport; `make go-test` runs a short fuzz session.
func FuzzImport(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.ics")
	for _, p := range files {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	lim := DefaultLimits
	lim.MaxBytes, lim.MaxEvents, lim.MaxInstances, lim.MaxItems, lim.MaxRecurrenceWork = 1<<20, 2000, 300, 5000, 200_000
	person := id.ID{0: 1, 6: 0x70, 8: 0x80, 15: 1}
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := Parse(bytes.NewReader(data), lim, now)
		if err != nil {
			if !errs.Is(err, errs.Invalid) || errs.MessageOf(err) == "" {
				t.Fatalf("not a clear refusal: %v", err)
			}
			return
		}
		if len(p.Items) > lim.MaxItems {
			t.Fatalf("%d items", len(p.Items))
		}
		prev := int64(-1 << 62)
		for i := range p.Items {
			it := &p.Items[i]
			if it.Key == "" {
				t.Fatalf("item without key: %+v", it)
			}
			if it.at < prev {
				t.Fatalf("items out of order at %d", i)
			}
			prev = it.at
			x := timeOffOf(it, Target{Kind: TargetTimeOff, PersonID: person, TimeOffKind: oncall.KindVacation}, "Fuzz")
			x.Normalize()
			if err := x.Validate(); err != nil {
				t.Fatalf("item %+v is not valid time off: %v", it, err)
			}
		}
		r := oncall.Region{Name: "Fuzz", Holidays: holidaysOf(p.Items, "Fuzz")}
		r.Normalize()
		if len(r.Holidays) <= oncall.MaxHolidays {
			if err := r.Validate(); err != nil {
				t.Fatalf("holidays are not valid: %v", err)
			}
		}
		_ = time.UTC
	})
}
