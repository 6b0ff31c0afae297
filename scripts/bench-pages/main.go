// Command bench-pages is the Go side of scripts/bench-pages.sh: it writes
// the generated export, aggregates it (parse + per-person count and median
// time to acknowledge) and imports it into a fresh workspace, printing one
// line of figures per run (seconds, rows, peak RSS).
package main

import (
	"bufio"
	"fmt"
	"math"
	"os"
	"runtime"
	"runtime/pprof"
	"strconv"
	"strings"
	"time"

	"wheelhouse/backend/clock"
	"wheelhouse/backend/pages"
	"wheelhouse/backend/workspace"
)

func main() {
	if len(os.Args) < 3 {
		fmt.Fprintln(os.Stderr, "usage: bench-pages gen N FILE | agg FILE | import FILE DIR | reimport FILE DIR")
		os.Exit(2)
	}
	if p := os.Getenv("CPUPROFILE"); p != "" { // a CPU profile of the run, for tuning
		f, err := os.Create(p)
		if err == nil && pprof.StartCPUProfile(f) == nil {
			defer pprof.StopCPUProfile()
		}
	}
	if p := os.Getenv("HEAPPROFILE"); p != "" { // the heap at its largest, for tuning
		go func() {
			var best uint64
			for {
				var ms runtime.MemStats
				runtime.ReadMemStats(&ms)
				if ms.HeapInuse > best+16<<20 {
					best = ms.HeapInuse
					if f, err := os.Create(p); err == nil {
						_ = pprof.Lookup("heap").WriteTo(f, 0)
						f.Close()
					}
				}
				time.Sleep(250 * time.Millisecond)
			}
		}()
	}
	if err := run(); err != nil {
		pprof.StopCPUProfile()
		fmt.Fprintln(os.Stderr, "bench-pages:", err)
		os.Exit(1)
	}
}

func run() error {
	var err error
	switch os.Args[1] {
	case "gen":
		err = gen(os.Args[2], os.Args[3])
	case "agg":
		err = agg(os.Args[2])
	case "import", "reimport":
		err = imp(os.Args[1], os.Args[2], os.Args[3])
	default:
		err = fmt.Errorf("unknown command %q", os.Args[1])
	}
	return err
}

func gen(n, path string) error {
	rows, err := strconv.Atoi(n)
	if err != nil {
		return err
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := pages.Generate(f, rows, 11); err != nil {
		return err
	}
	return f.Close()
}

// peakRSS is the process's peak resident set (VmHWM) in MB.
func peakRSS() float64 {
	b, _ := os.ReadFile("/proc/self/status")
	for _, l := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(l, "VmHWM:") {
			kb, _ := strconv.ParseFloat(strings.Fields(l)[1], 64)
			return kb / 1024
		}
	}
	return math.NaN()
}

func agg(path string) error {
	start := time.Now()
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	stats, rows, bad, err := pages.Aggregate(bufio.NewReaderSize(f, 1<<20), pages.ParseOptions{})
	if err != nil {
		return err
	}
	el := time.Since(start).Seconds()
	// A checksum both sides print: people, pages, sum of medians.
	pagesN, sum := 0, 0.0
	for _, s := range stats {
		pagesN += s.Pages
		if !math.IsNaN(s.MedianAckSeconds) {
			sum += s.MedianAckSeconds
		}
	}
	fmt.Printf("go-agg seconds=%.3f rows=%d bad=%d people=%d pages=%d mediansum=%.1f peak_mb=%.0f\n", el, rows, bad, len(stats), pagesN, sum, peakRSS())
	return nil
}

// imp imports the file into the workspace in dir: "import" a fresh one,
// "reimport" one that already holds it (a process of its own, so that its
// peak memory is its own).
func imp(label, path, dir string) error {
	w, err := workspace.Open(dir, workspace.Options{Clock: clock.Real{}})
	if err != nil {
		return err
	}
	defer w.Close()
	start := time.Now()
	res, err := w.Pages.Apply(pages.OpenFile(path), pages.Options{File: path})
	if err != nil {
		return err
	}
	el := time.Since(start).Seconds()
	fmt.Printf("go-%s seconds=%.3f rows=%d added=%d unchanged=%d rows_per_s=%.0f peak_mb=%.0f\n", label, el, res.Rows, res.Added, res.Unchanged, float64(res.Rows)/el, peakRSS())
	return nil
}
