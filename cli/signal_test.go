package cli

import (
	"bufio"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"wheelhouse/backend/store"
)

const sigEnv = "WHEELHOUSE_SIGNAL_CHILD"

// TestInterruptedBackupChild writes $WHEELHOUSE_SIGNAL_CHILD the way the
// backup command does (with its signal handler), says "writing" half-way and
// waits for the signal.
func TestInterruptedBackupChild(t *testing.T) {
	path := os.Getenv(sigEnv)
	if path == "" {
		t.Skip("runs only as a child of TestInterruptedBackupLeavesNothing")
	}
	stop := removeTempsOnSignal()
	defer stop()
	_ = store.WriteFileAtomic(path, func(w io.Writer) error {
		io.WriteString(w, "WHEELHOUSE-BACKUP 1\npartial records")
		os.Stdout.WriteString("writing\n")
		time.Sleep(time.Hour)
		return nil
	})
	os.Exit(3)
}

// Ctrl+C (or SIGTERM) during `wheelhouse backup FILE` removes the temp file
// next to FILE before the process ends, and FILE is not written.
func TestInterruptedBackupLeavesNothing(t *testing.T) {
	for _, sig := range []os.Signal{os.Interrupt, syscall.SIGTERM} {
		dir := t.TempDir()
		target := filepath.Join(dir, "mine.backup")
		cmd := exec.Command(os.Args[0], "-test.run=^TestInterruptedBackupChild$", "-test.count=1")
		cmd.Env = append(os.Environ(), sigEnv+"="+target)
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		var errb strings.Builder
		cmd.Stderr = &errb
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		line, _ := bufio.NewReader(out).ReadString('\n')
		if strings.TrimSpace(line) != "writing" {
			cmd.Process.Kill()
			t.Fatalf("child: %q", line)
		}
		if m, _ := filepath.Glob(filepath.Join(dir, ".tmp-*")); len(m) != 1 {
			t.Fatalf("while writing: %v", m)
		}
		if err := cmd.Process.Signal(sig); err != nil {
			t.Fatal(err)
		}
		err = cmd.Wait()
		if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 130 {
			t.Fatalf("%v: exit %v, want 130\n%s", sig, err, errb.String())
		}
		if !strings.Contains(errb.String(), "Interrupted: no backup was written.") {
			t.Fatalf("%v: stderr %q", sig, errb.String())
		}
		entries, _ := os.ReadDir(dir)
		if len(entries) != 0 {
			t.Fatalf("%v left %v", sig, entries)
		}
	}
}
