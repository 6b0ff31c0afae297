package store_test

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/errs"
	"wheelhouse/backend/id"
	"wheelhouse/backend/store"
)

const swapEnv = "WHEELHOUSE_SWAP_CHILD"

// fillRecs writes n records named prefix-i into a fresh store in dir.
func fillRecs(dir, prefix string, n int) error {
	s, err := store.Open(dir, store.Options{GCInterval: -1})
	if err != nil {
		return err
	}
	for i := 0; i < n; i++ {
		r := rec{ID: id.New(time.Now()), Name: fmt.Sprintf("%s-%d", prefix, i), N: i}
		if err := s.Update(func(txn *badger.Txn) error { return recs.Put(txn, &r) }); err != nil {
			s.Close()
			return err
		}
	}
	return s.Close()
}

// names returns the names of every record in dir (opening it as the app would).
func names(t *testing.T, dir string) map[string]bool {
	t.Helper()
	s, err := store.Open(dir, store.Options{GCInterval: -1})
	if err != nil {
		t.Fatalf("reopen after the crash: %v", err)
	}
	defer s.Close()
	got := map[string]bool{}
	err = s.View(func(txn *badger.Txn) error {
		return recs.Each(txn, func(r *rec) error { got[r.Name] = true; return nil })
	})
	if err != nil {
		t.Fatal(err)
	}
	return got
}

// TestSwapCrashChild runs only as a child of TestSwapCrashAtEachStep: it
// replaces the workspace in $WHEELHOUSE_SWAP_CHILD and dies (exit 7, no
// deferred cleanup) at the step named in $WHEELHOUSE_SWAP_CHILD_STEP.
func TestSwapCrashChild(t *testing.T) {
	dir := os.Getenv(swapEnv)
	if dir == "" {
		t.Skip("runs only as the swap crash test's child process")
	}
	step := os.Getenv(swapEnv + "_STEP")
	store.SetSwapHook(func(s string) {
		if s == step {
			os.Exit(7)
		}
	})
	_, err := store.Stage(dir, store.Options{}, "import", true, func(staging string) error {
		return fillRecs(staging, "new", 20)
	})
	fmt.Fprintf(os.Stderr, "stage returned: %v\n", err)
	os.Exit(3) // the hook should have killed us
}

// TestSwapCrashAtEachStep kills a process replacing a workspace at each step
// of the swap. The next open must find a whole workspace — the old one if
// the staged db/ was not yet in place, the new one after — never an empty
// one, with no staging folder or intent record left.
func TestSwapCrashAtEachStep(t *testing.T) {
	if os.Getenv(swapEnv) != "" {
		t.Skip("in child")
	}
	for _, tc := range []struct {
		step    string
		wantNew bool
	}{
		{store.StepStaged, false},
		{store.StepIntent, false},
		{store.StepAside, false},
		{store.StepSwapped, true},
		{store.StepDone, true},
	} {
		t.Run(tc.step, func(t *testing.T) {
			dir := t.TempDir()
			if err := fillRecs(dir, "old", 10); err != nil {
				t.Fatal(err)
			}
			cmd := exec.Command(os.Args[0], "-test.run=^TestSwapCrashChild$", "-test.count=1")
			cmd.Env = append(os.Environ(), swapEnv+"="+dir, swapEnv+"_STEP="+tc.step)
			out, err := cmd.CombinedOutput()
			if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 7 {
				t.Fatalf("child did not die at step %s: %v\n%s", tc.step, err, out)
			}
			if tc.step == store.StepAside {
				if _, err := os.Stat(store.DBDir(dir)); !os.IsNotExist(err) {
					t.Fatalf("at step %s db/ should be gone (the window the crash hits): %v", tc.step, err)
				}
			}
			got := names(t, dir)
			want := "old"
			if tc.wantNew {
				want = "new"
			}
			if len(got) == 0 {
				t.Fatalf("workspace empty after a crash at %s", tc.step)
			}
			for n := range got {
				if !strings.HasPrefix(n, want+"-") {
					t.Fatalf("after a crash at %s found %q, want only %s records (%d)", tc.step, n, want, len(got))
				}
			}
			if n := map[bool]int{false: 10, true: 20}[tc.wantNew]; len(got) != n {
				t.Fatalf("after a crash at %s: %d records, want %d", tc.step, len(got), n)
			}
			entries, _ := os.ReadDir(dir)
			for _, e := range entries {
				if strings.HasPrefix(e.Name(), ".import-") || e.Name() == store.IntentName || strings.HasPrefix(e.Name(), ".tmp-") {
					t.Errorf("left behind after recovery: %s", e.Name())
				}
			}
			asides, _ := store.Asides(dir)
			if tc.wantNew && len(asides) != 1 {
				t.Errorf("after the swap committed the old workspace should be kept aside once, got %v", asides)
			}
			if !tc.wantNew && len(asides) != 0 {
				t.Errorf("rolled back, yet copies aside: %v", asides)
			}
		})
	}
}

// A data folder with no db/ but a copy kept aside (a crash of a Wheelhouse
// that wrote no intent record, or db/ deleted by hand) opens that copy
// instead of a new empty workspace.
func TestOpenNeverEmptyWhileAsideExists(t *testing.T) {
	dir := t.TempDir()
	if err := fillRecs(dir, "old", 3); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(store.DBDir(dir), filepath.Join(dir, "db.before-import-20260101T000000Z")); err != nil {
		t.Fatal(err)
	}
	if got := names(t, dir); len(got) != 3 {
		t.Fatalf("opened %d records, want the 3 kept aside", len(got))
	}
}

// Stage holds the lock from its first check to the end of the swap: a
// second opener during fill is refused (and so are its writes, which would
// otherwise be thrown away by the swap).
func TestStageHoldsTheLock(t *testing.T) {
	dir := t.TempDir()
	if err := fillRecs(dir, "old", 1); err != nil {
		t.Fatal(err)
	}
	var during error
	_, err := store.Stage(dir, store.Options{}, "import", true, func(staging string) error {
		s, err := store.Open(dir, store.Options{GCInterval: -1})
		if err == nil {
			s.Close()
		}
		during = err
		return fillRecs(staging, "new", 1)
	})
	if err != nil {
		t.Fatal(err)
	}
	if !store.IsLocked(during) || !errs.Is(during, errs.Unavailable) || !strings.Contains(errs.MessageOf(during), "in use by another running Wheelhouse") {
		t.Fatalf("open during a swap: %v, want a clear refusal", during)
	}
	// And the other way round: Stage refuses a folder someone has open.
	s := open(t, dir)
	_, err = store.Stage(dir, store.Options{}, "import", true, func(staging string) error { return fillRecs(staging, "x", 1) })
	if !store.IsLocked(err) {
		t.Fatalf("stage on an open folder: %v, want refused as locked", err)
	}
	s.Close()
}

// Every replace keeps the old workspace aside, but only the newest
// KeepAside copies stay (the one just made among them).
func TestStageKeepsTheLastAsides(t *testing.T) {
	dir := t.TempDir()
	if err := fillRecs(dir, "gen0", 1); err != nil {
		t.Fatal(err)
	}
	var made []string
	for i := 1; i <= 5; i++ {
		aside, err := store.Stage(dir, store.Options{KeepAside: 2}, "import", true, func(staging string) error {
			return fillRecs(staging, fmt.Sprintf("gen%d", i), 1)
		})
		if err != nil {
			t.Fatal(err)
		}
		made = append(made, aside)
		time.Sleep(20 * time.Millisecond) // distinct file times
	}
	asides, _ := store.Asides(dir)
	if len(asides) != 2 || asides[0] != made[3] || asides[1] != made[4] {
		t.Fatalf("kept %v, want the last two of %v", asides, made)
	}
	// The newest copy aside is the generation before the current one.
	root := t.TempDir()
	if err := os.Rename(asides[1], store.DBDir(root)); err != nil {
		t.Fatal(err)
	}
	if got := names(t, root); !got["gen4-0"] || len(got) != 1 {
		t.Fatalf("newest aside holds %v, want gen4", got)
	}
	if got := names(t, dir); !got["gen5-0"] {
		t.Fatalf("workspace holds %v, want gen5", got)
	}
}

// Short sessions that each overwrite large values (a calendar import run
// from the command line, 30 times) must not pile up value logs: Close runs
// value-log GC after writes.
func TestCloseCollectsValueLogs(t *testing.T) {
	dir := t.TempDir()
	big := bytes.Repeat([]byte("x"), 1_500_000) // above Badger's value threshold: goes to the value log
	for i := 0; i < 30; i++ {
		s, err := store.Open(dir, store.Options{GCInterval: -1})
		if err != nil {
			t.Fatal(err)
		}
		for k := 0; k < 3; k++ {
			if err := s.Update(func(txn *badger.Txn) error { return txn.Set([]byte{store.PrefixTest, byte(k)}, big) }); err != nil {
				t.Fatal(err)
			}
		}
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
	}
	var n int
	var size int64
	entries, _ := os.ReadDir(store.DBDir(dir))
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".vlog") {
			n++
			if i, err := e.Info(); err == nil {
				size += i.Size()
			}
		}
	}
	// 4.5 MB live; without GC on close: 30 value logs, 135 MB.
	if n > 4 || size > 30<<20 {
		t.Fatalf("%d value logs, %d MB after 30 sessions", n, size>>20)
	}
	t.Logf("%d value logs, %.1f MB", n, float64(size)/(1<<20))
}
