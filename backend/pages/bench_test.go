package pages_test

import (
	"bytes"
	"testing"
	"time"

	"wheelhouse/backend/clock"
	"wheelhouse/backend/pages"
	"wheelhouse/backend/workspace"
)

// The figures side by side with pandas come from scripts/bench-pages.sh
// (1,000,000 rows); these keep the two paths in `make bench`.

func genCSV(b *testing.B, n int) []byte {
	b.Helper()
	var buf bytes.Buffer
	if err := pages.Generate(&buf, n, 11); err != nil {
		b.Fatal(err)
	}
	return buf.Bytes()
}

// Parse + per-person aggregation of 100,000 rows.
func BenchmarkAggregate100k(b *testing.B) {
	data := genCSV(b, 100_000)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, n, _, err := pages.Aggregate(bytes.NewReader(data), pages.ParseOptions{}); err != nil || n != 100_000 {
			b.Fatal(n, err)
		}
	}
	b.ReportMetric(float64(100_000*b.N)/b.Elapsed().Seconds(), "rows/s")
}

// The whole import of 100,000 rows into a fresh workspace on disk.
func BenchmarkImport100k(b *testing.B) {
	data := genCSV(b, 100_000)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		b.StopTimer()
		w, err := workspace.Open(b.TempDir(), workspace.Options{Clock: clock.NewFake(time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC))})
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		res, err := w.Pages.Apply(pages.OpenBytes(data), pages.Options{})
		if err != nil || res.Added != 100_000 {
			b.Fatal(res, err)
		}
		b.StopTimer()
		w.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(100_000*b.N)/b.Elapsed().Seconds(), "rows/s")
}
