package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestHeadlessBinary builds the binary as a plain `go build` (no Wails tags,
// no cgo) and runs its commands as a user would.
func TestHeadlessBinary(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := filepath.Join(t.TempDir(), "wheelhouse")
	build := exec.Command("go", "build", "-o", bin, ".")
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build without tags: %v\n%s", err, out)
	}
	data := filepath.Join(t.TempDir(), "data")
	run := func(want int, args ...string) string {
		t.Helper()
		cmd := exec.Command(bin, args...)
		cmd.Env = append(os.Environ(), "WHEELHOUSE_DATA="+data)
		out, err := cmd.CombinedOutput()
		code := 0
		if ee, ok := err.(*exec.ExitError); ok {
			code = ee.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		if code != want {
			t.Fatalf("wheelhouse %v: exit %d, want %d\n%s", args, code, want, out)
		}
		return string(out)
	}
	if out := run(0, "version"); !strings.HasPrefix(out, "wheelhouse ") {
		t.Fatalf("version: %q", out)
	}
	if out := run(0, "demo"); !strings.Contains(out, data) {
		t.Fatalf("demo went elsewhere: %q", out)
	}
	if out := run(0, "export-json"); !strings.Contains(out, `"format": "wheelhouse-workspace"`) {
		t.Fatalf("export: %.200q", out)
	}
	if out := run(2); !strings.Contains(out, "no desktop window") || strings.Contains(out, "goroutine") {
		t.Fatalf("no-window build: %q", out)
	}
}
