// Package icstest reads .ics files with two parsers independent of
// Wheelhouse — ical.js (Mozilla's, Thunderbird's) and python3-icalendar —
// for tests that check every exporter: each occurrence's start and end
// instants as each parser expands them. A parser that is not installed
// skips the test with a message (make setup installs both; scripts/setup.sh
// and scripts/bench-ical).
package icstest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"testing"
	"time"
)

// Occurrence is one expanded occurrence of an event.
type Occurrence struct {
	UID        string
	Start, End time.Time
}

func (o Occurrence) String() string {
	return fmt.Sprintf("%s %s–%s", o.UID, o.Start.UTC().Format(time.RFC3339), o.End.UTC().Format(time.RFC3339))
}

// Reading is what a parser read from a file.
type Reading struct {
	Parser      string
	Name        string // X-WR-CALNAME
	Occurrences []Occurrence
}

// peers is scripts/bench-ical, found from the test's directory upwards.
func peers(t testing.TB) string {
	t.Helper()
	dir, _ := os.Getwd()
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return filepath.Join(dir, "scripts", "bench-ical")
		}
		up := filepath.Dir(dir)
		if up == dir {
			t.Fatal("no go.mod above the test")
		}
		dir = up
	}
}

// ICALJS expands path with ical.js up to until.
func ICALJS(t testing.TB, path string, until time.Time) Reading {
	t.Helper()
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node is not installed: the .ics is not checked with ical.js (make go-test installs the peers)")
	}
	dir := peers(t)
	if _, err := os.Stat(filepath.Join(dir, "node_modules", "ical.js", "package.json")); err != nil {
		t.Skip("ical.js is not installed: run `npm ci` in scripts/bench-ical (make go-test does)")
	}
	return run(t, "ical.js", dir, node, "expand.mjs", path, until)
}

// Python expands path with python3-icalendar (and dateutil) up to until.
func Python(t testing.TB, path string, until time.Time) Reading {
	t.Helper()
	py := "/usr/bin/python3"
	if _, err := os.Stat(py); err != nil {
		if py, err = exec.LookPath("python3"); err != nil {
			t.Skip("python3 is not installed: the .ics is not checked with python3-icalendar (scripts/setup.sh installs it)")
		}
	}
	if err := exec.Command(py, "-c", "import icalendar, dateutil, pytz").Run(); err != nil {
		t.Skip("python3-icalendar is not installed: the .ics is not checked with a second parser (apt install python3-icalendar; scripts/setup.sh does)")
	}
	return run(t, "python3-icalendar", peers(t), py, "expand.py", path, until)
}

func run(t testing.TB, parser, dir, prog, script, path string, until time.Time) Reading {
	t.Helper()
	abs, _ := filepath.Abs(path)
	cmd := exec.Command(prog, script, abs, until.UTC().Format(time.RFC3339))
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%s refused %s: %v\n%s", parser, path, err, stderr.String())
	}
	var res struct {
		Name        *string
		Occurrences [][3]string
	}
	if err := json.Unmarshal(out, &res); err != nil {
		t.Fatalf("%s: %v\n%.500s", parser, err, out)
	}
	r := Reading{Parser: parser}
	if res.Name != nil {
		r.Name = *res.Name
	}
	for _, o := range res.Occurrences {
		s, err1 := time.Parse(time.RFC3339, o[1])
		e, err2 := time.Parse(time.RFC3339, o[2])
		if err1 != nil || err2 != nil {
			t.Fatalf("%s: %v %v", parser, err1, err2)
		}
		r.Occurrences = append(r.Occurrences, Occurrence{UID: o[0], Start: s.UTC(), End: e.UTC()})
	}
	Sort(r.Occurrences)
	return r
}

// Sort orders occurrences by start, then end, then UID.
func Sort(l []Occurrence) {
	sort.Slice(l, func(i, j int) bool {
		a, b := l[i], l[j]
		if !a.Start.Equal(b.Start) {
			return a.Start.Before(b.Start)
		}
		if !a.End.Equal(b.End) {
			return a.End.Before(b.End)
		}
		return a.UID < b.UID
	})
}

// Same fails the test unless the parser's occurrences are want (both
// sorted with Sort), naming the first difference. UIDs are compared when
// checkUID.
func Same(t testing.TB, r Reading, want []Occurrence, checkUID bool) {
	t.Helper()
	n := min(len(r.Occurrences), len(want))
	for i := 0; i < n; i++ {
		g, w := r.Occurrences[i], want[i]
		if !g.Start.Equal(w.Start) || !g.End.Equal(w.End) || checkUID && g.UID != w.UID {
			t.Fatalf("%s reads occurrence %d as %s; Wheelhouse has %s", r.Parser, i, g, w)
		}
	}
	if len(r.Occurrences) != len(want) {
		var extra Occurrence
		if len(r.Occurrences) > n {
			extra = r.Occurrences[n]
		} else {
			extra = want[n]
		}
		t.Fatalf("%s reads %d occurrences, Wheelhouse has %d (first difference: %s)", r.Parser, len(r.Occurrences), len(want), extra)
	}
}
