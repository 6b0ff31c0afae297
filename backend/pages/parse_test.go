package pages_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"wheelhouse/backend/pages"
)

var update = flag.Bool("update", false, "rewrite the golden files")

type parsed struct {
	Source string           `json:"source"`
	Pages  []pages.Page     `json:"pages"`
	Bad    []pages.RowError `json:"bad"`
}

func readAll(t *testing.T, b []byte, opt pages.ParseOptions) parsed {
	t.Helper()
	out := parsed{Pages: []pages.Page{}, Bad: []pages.RowError{}}
	src, err := pages.Read(bytes.NewReader(b), opt, func(p *pages.Page, bad *pages.RowError) error {
		if bad != nil {
			out.Bad = append(out.Bad, *bad)
		} else {
			out.Pages = append(out.Pages, *p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	out.Source = src
	return out
}

// Every sample export parses to its golden pages: columns found by their
// names in each tool's spelling, times with Z, offsets, zones in the
// header or the value and Unix milliseconds, durations in seconds,
// milliseconds and hh:mm:ss.
func TestGolden(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.csv")
	js, _ := filepath.Glob("testdata/*.json")
	files = append(files, js...)
	want := map[string]string{"pagerduty.csv": "pagerduty", "pagerduty.json": "pagerduty", "opsgenie.csv": "opsgenie",
		"grafana.json": "grafana", "grafana.csv": "grafana", "goalert.csv": "goalert", "bad.csv": "pagerduty"}
	for _, f := range files {
		if strings.HasSuffix(f, ".golden.json") {
			continue
		}
		t.Run(filepath.Base(f), func(t *testing.T) {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			got := readAll(t, b, pages.ParseOptions{})
			if s := want[filepath.Base(f)]; got.Source != s {
				t.Errorf("source %q, want %q", got.Source, s)
			}
			enc, _ := json.MarshalIndent(got, "", "  ")
			enc = append(enc, '\n')
			golden := strings.TrimSuffix(f, filepath.Ext(f)) + "." + strings.TrimPrefix(filepath.Ext(f), ".") + ".golden.json"
			if *update {
				if err := os.WriteFile(golden, enc, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			g, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./backend/pages -run TestGolden -update)", err)
			}
			if !bytes.Equal(g, enc) {
				t.Errorf("%s differs from the golden file:\n%s", f, enc)
			}
		})
	}
}

func TestParseTime(t *testing.T) {
	berlin, _ := time.LoadLocation("Europe/Berlin")
	utc := func(s string) time.Time { v, _ := time.Parse(time.RFC3339, s); return v.UTC() }
	for _, c := range []struct {
		in   string
		loc  *time.Location
		want time.Time
	}{
		{"2026-11-03T09:15:00Z", nil, utc("2026-11-03T09:15:00Z")},
		{"2026-11-03T10:15:00+01:00", nil, utc("2026-11-03T09:15:00Z")},
		{"2026-11-03 10:15:00", berlin, utc("2026-11-03T09:15:00Z")},
		{"2026-11-03 10:15:00", nil, utc("2026-11-03T10:15:00Z")},
		{"2026-07-03 10:15:00 Europe/Berlin", nil, utc("2026-07-03T08:15:00Z")},
		{"2026-07-03 10:15:00 UTC", berlin, utc("2026-07-03T10:15:00Z")},
		{"2026-07-03 10:15:00 +0530", nil, utc("2026-07-03T04:45:00Z")},
		{"1793797200000", nil, utc("2026-11-04T13:00:00Z")},
		{"1793797200", nil, utc("2026-11-04T13:00:00Z")},
		{"11/04/2026 13:00", nil, utc("2026-11-04T13:00:00Z")},
		// The fall-back hour in Berlin: the first of the two 02:30s.
		{"2026-10-25 02:30:00", berlin, utc("2026-10-25T00:30:00Z")},
		{"2026-10-25 02:30:00 Australia/Lord_Howe", nil, utc("2026-10-24T15:30:00Z")},
	} {
		got, err := pages.ParseTime(c.in, c.loc)
		if err != nil || !got.Equal(c.want) {
			t.Errorf("ParseTime(%q) = %v, %v; want %v", c.in, got, err, c.want)
		}
	}
	for _, bad := range []string{"", "yesterday", "2026-13-01T00:00:00Z", "1200-01-01T00:00:00Z", "12", "2026-11-03 10:15:00 Mars/Base"} {
		if _, err := pages.ParseTime(bad, nil); err == nil {
			t.Errorf("ParseTime(%q) accepted", bad)
		}
	}
}

func TestParseDuration(t *testing.T) {
	for in, want := range map[string]int64{"125": 125, "93.6": 94, "00:02:05": 125, "1:15:10": 4510, "2d 01:00:00": 176400,
		"1.01:00:00": 90000, "1h2m3s": 3723, "0": 0} {
		if got, err := pages.ParseDuration(in); err != nil || got != want {
			t.Errorf("ParseDuration(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, bad := range []string{"-5", "12:99:00", "soon", "NaN", "1e30", "1:2"} {
		if _, err := pages.ParseDuration(bad); err == nil {
			t.Errorf("ParseDuration(%q) accepted", bad)
		}
	}
}

func TestFoldName(t *testing.T) {
	for in, want := range map[string]string{"  José   Núñez ": "jose nunez", "JOSE@Example.com": "jose@example.com",
		"Straße Øre Łukasz": "strasse ore lukasz", "Ann Lee": "ann lee"} {
		if got := pages.FoldName(in); got != want {
			t.Errorf("FoldName(%q) = %q, want %q", in, got, want)
		}
	}
}

// Header synonyms, --map and semicolon-separated files.
func TestColumns(t *testing.T) {
	csv := "Incident;When (America/New_York);Who;TTA\nX1;2026-11-03 04:15;Ann Lee;0:01:00\n"
	got := readAll(t, []byte(csv), pages.ParseOptions{Map: map[string]pages.Field{"Incident": pages.FID, "When": pages.FCreated, "Who": pages.FAckUser, "tta": pages.FAckSeconds}})
	if len(got.Pages) != 1 || got.Pages[0].Created.Format(time.RFC3339) != "2026-11-03T09:15:00Z" || got.Pages[0].AckBy != "Ann Lee" ||
		*got.Pages[0].AckSeconds != 60 || got.Pages[0].Acknowledged.Format(time.RFC3339) != "2026-11-03T09:16:00Z" {
		t.Fatalf("%+v", got)
	}
	for _, h := range []string{"created_at", "createdAt", "Created At (Europe/Berlin)", "CREATED-AT"} {
		got := readAll(t, []byte("id,"+h+"\nA,2026-11-03T09:15:00Z\n"), pages.ParseOptions{})
		if len(got.Pages) != 1 {
			t.Errorf("%s: %+v", h, got)
		}
	}
	for _, c := range []struct{ in, msg string }{
		{"", "empty"},
		{"title,created_at\nx,2026-11-03T09:15:00Z\n", "No column holds the page's id"},
		{"id,title\nx,y\n", "No column holds when the page was created"},
		{"id,\"created_at\nx,2026-11-03T09:15:00Z\n", "not valid CSV"},
		{"[{\"id\": 1, \"created_at\": \"2026-11-03T09:15:00Z\"}", "cut short"},
		{"{\"foo\": 1}", "no list of pages"},
		{"id,Created (Mars/Base)\nx,2026-11-03T09:15:00Z\n", "Mars/Base"},
	} {
		_, err := pages.Read(strings.NewReader(c.in), pages.ParseOptions{}, func(*pages.Page, *pages.RowError) error { return nil })
		if err == nil || !strings.Contains(err.Error(), c.msg) {
			t.Errorf("%q: %v, want %q", c.in, err, c.msg)
		}
	}
}
