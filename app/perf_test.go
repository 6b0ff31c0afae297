package app

import (
	"bytes"
	"log/slog"
	"strings"
	"testing"
	"time"
)

func TestScreenMarkLogsWhatTheBenchmarkReads(t *testing.T) {
	var buf bytes.Buffer
	s := &Shell{log: slog.New(slog.NewTextHandler(&buf, nil))}
	at := time.UnixMilli(1_800_000_000_123)
	s.ScreenMark("incidents/metrics", 87.25, 12, 40, 4321, 26, at)
	s.ScreenMark("people\nmark=first-screen", 1, 0, 0, 2, 3, at) // the page names screens; never a forged field
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	if len(lines) != 2 {
		t.Fatalf("want 2 lines, got %q", buf.String())
	}
	want := "msg=ready mark=screen name=incidents/metrics ms=87.2 render=12.0 api=40.0 nodes=4321 rows=26 unix_ms=1800000000123"
	if !strings.Contains(lines[0], want) {
		t.Errorf("line %q does not contain %q", lines[0], want)
	}
	if !strings.Contains(lines[1], "name=? ") {
		t.Errorf("an odd name is logged as ?: %q", lines[1])
	}
}
