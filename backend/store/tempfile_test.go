package store_test

import (
	"bufio"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"wheelhouse/backend/store"
)

const tempEnv = "WHEELHOUSE_TEMP_CHILD"

// TestAtomicWriteChild writes a backup-like file atomically into
// $WHEELHOUSE_TEMP_CHILD, says "writing" half-way and waits to be killed.
func TestAtomicWriteChild(t *testing.T) {
	path := os.Getenv(tempEnv)
	if path == "" {
		t.Skip("runs only as a child of TestKilledBackupTempIsRemovedByTheNext")
	}
	_ = store.WriteFileAtomic(path, func(w io.Writer) error {
		io.WriteString(w, "WHEELHOUSE-BACKUP 1\npartial records")
		os.Stdout.WriteString("writing\n")
		time.Sleep(time.Hour)
		return nil
	})
	os.Exit(3)
}

// startWriting starts a child that is in the middle of writing path.
func startWriting(t *testing.T, path string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestAtomicWriteChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), tempEnv+"="+path)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil || strings.TrimSpace(line) != "writing" {
		t.Fatalf("child: %q %v", line, err)
	}
	return cmd
}

func temps(t *testing.T, dir string) []string {
	t.Helper()
	m, _ := filepath.Glob(filepath.Join(dir, ".tmp-*"))
	return m
}

// A backup killed mid-way (SIGKILL: nothing runs) leaves its temp file next
// to the target; a backup being written by a live process is never taken
// for a leftover; the next backup into that folder removes the dead one's
// and leaves other people's files alone.
func TestKilledBackupTempIsRemovedByTheNext(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "mine.backup")

	killed := startWriting(t, target)
	if err := killed.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	killed.Wait()
	left := temps(t, dir)
	if len(left) != 1 {
		t.Fatalf("a killed backup left %v, want its one temp file", left)
	}

	startWriting(t, filepath.Join(dir, "other.backup"))   // alive until the test ends: its temp file must stay
	foreign := filepath.Join(dir, ".tmp-notes.txt-12345") // someone else's, same naming
	if err := os.WriteFile(foreign, []byte("not a backup"), 0o600); err != nil {
		t.Fatal(err)
	}
	odd := filepath.Join(dir, ".tmp-whatever") // not WriteFileAtomic's name
	if err := os.WriteFile(odd, nil, 0o600); err != nil {
		t.Fatal(err)
	}

	// the next backup into the folder
	src := t.TempDir()
	if err := fillRecs(src, "rec", 5); err != nil {
		t.Fatal(err)
	}
	s, err := store.Open(src, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.BackupToFile(target); err != nil {
		t.Fatal(err)
	}
	s.Close()

	if _, err := os.Stat(left[0]); !os.IsNotExist(err) {
		t.Fatalf("the killed backup's temp file %s is still there: %v", left[0], err)
	}
	now := temps(t, dir)
	want := map[string]bool{foreign: true, odd: true}
	got := 0
	for _, p := range now {
		if want[p] {
			got++
		} else if !strings.HasPrefix(filepath.Base(p), ".tmp-other.backup-") {
			t.Errorf("unexpected %s", p)
		}
	}
	if got != 2 || len(now) != 3 {
		t.Fatalf("after the next backup: %v; want the live writer's temp, %s and %s kept", now, foreign, odd)
	}
	head := make([]byte, 19)
	f, _ := os.Open(target)
	io.ReadFull(f, head)
	f.Close()
	if !strings.HasPrefix(string(head), "WHEELHOUSE-BACKUP") {
		t.Fatalf("the new backup starts %q", head)
	}
}
