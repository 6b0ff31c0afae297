package store_test

import (
	"bufio"
	"encoding/binary"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"strconv"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/id"
	"wheelhouse/backend/store"
)

const crashEnv = "WHEELHOUSE_CRASH_CHILD"

func crashID(i int) id.ID {
	var u id.ID
	binary.BigEndian.PutUint64(u[:8], 1<<62) // a fixed, valid-looking time part
	binary.BigEndian.PutUint64(u[8:], uint64(i))
	return u
}

// TestCrashChild is the writer the crash test kills. It only runs as a child
// process: it writes records (each with an index entry, in one transaction)
// and prints the number of each one after its commit returned.
func TestCrashChild(t *testing.T) {
	dir := os.Getenv(crashEnv)
	if dir == "" {
		t.Skip("runs only as the crash test's child process")
	}
	start, _ := strconv.Atoi(os.Getenv(crashEnv + "_START"))
	s, err := store.Open(dir, store.Options{GCInterval: 20 * time.Millisecond})
	if err != nil {
		fmt.Fprintf(os.Stderr, "child open: %v\n", err)
		os.Exit(3)
	}
	fmt.Fprintln(os.Stdout, "ready")
	for i := start; ; i++ {
		r := rec{ID: crashID(i), Name: fmt.Sprintf("crash-%d", i), N: i}
		err := s.Update(func(txn *badger.Txn) error { return recs.Put(txn, &r) })
		if err != nil {
			fmt.Fprintf(os.Stderr, "child write %d: %v\n", i, err)
			os.Exit(4)
		}
		// Reported only after the commit returned (SyncWrites: on disk).
		fmt.Fprintf(os.Stdout, "%d\n", i)
	}
}

// TestCrashSafety kills a writing child process with SIGKILL at random
// moments, 50 times over the same data folder. After every kill the database
// must open, every write the child reported as committed must be there, and
// no transaction may be half-applied (a record without its index entry or the
// reverse).
func TestCrashSafety(t *testing.T) {
	if os.Getenv(crashEnv) != "" {
		t.Skip("in child")
	}
	trials := 50
	if testing.Short() {
		trials = 10
	}
	seed := uint64(time.Now().UnixNano())
	t.Logf("seed %d", seed)
	rng := rand.New(rand.NewPCG(seed, 7))
	dir := t.TempDir()
	committed := map[int]bool{}
	killedWhileWriting := 0
	for trial := 0; trial < trials; trial++ {
		cmd := exec.Command(os.Args[0], "-test.run=^TestCrashChild$", "-test.count=1")
		cmd.Env = append(os.Environ(), crashEnv+"="+dir, crashEnv+"_START="+strconv.Itoa(trial*1_000_000))
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		var stderr syncBuf
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		var mu sync.Mutex
		var lines []int
		ready := make(chan struct{})
		done := make(chan struct{})
		go func() {
			defer close(done)
			sc := bufio.NewScanner(out)
			readyClosed := false
			for sc.Scan() {
				if sc.Text() == "ready" {
					close(ready)
					readyClosed = true
					continue
				}
				if n, err := strconv.Atoi(sc.Text()); err == nil {
					mu.Lock()
					lines = append(lines, n)
					mu.Unlock()
				}
			}
			if !readyClosed {
				close(ready)
			}
		}()
		// Most kills land while writing; some land during open/replay.
		if rng.IntN(5) == 0 {
			time.Sleep(time.Duration(rng.IntN(60)) * time.Millisecond)
		} else {
			select {
			case <-ready:
			case <-time.After(30 * time.Second):
				_ = cmd.Process.Kill()
				t.Fatalf("trial %d: child never became ready; stderr:\n%s", trial, stderr.String())
			}
			time.Sleep(time.Duration(5+rng.IntN(150)) * time.Millisecond)
			killedWhileWriting++
		}
		_ = cmd.Process.Signal(syscall.SIGKILL)
		_ = cmd.Wait()
		<-done
		if st := stderr.String(); st != "" {
			t.Fatalf("trial %d: child failed before the kill:\n%s", trial, st)
		}
		mu.Lock()
		for _, n := range lines {
			committed[n] = true
		}
		mu.Unlock()

		s, err := store.Open(dir, store.Options{GCInterval: -1})
		if err != nil {
			t.Fatalf("trial %d: database does not open after SIGKILL: %v", trial, err)
		}
		verify(t, trial, s, committed)
		if err := s.Close(); err != nil {
			t.Fatalf("trial %d: close: %v", trial, err)
		}
	}
	if len(committed) < trials {
		t.Fatalf("only %d writes were reported over %d trials; the test did not exercise much", len(committed), trials)
	}
	t.Logf("%d trials (%d killed mid-write), %d committed writes verified", trials, killedWhileWriting, len(committed))
}

func verify(t *testing.T, trial int, s *store.Store, committed map[int]bool) {
	t.Helper()
	err := s.View(func(txn *badger.Txn) error {
		for n := range committed {
			r, err := recs.Get(txn, crashID(n))
			if err != nil {
				return fmt.Errorf("committed write %d is missing: %w", n, err)
			}
			if r.N != n || r.Name != fmt.Sprintf("crash-%d", n) {
				return fmt.Errorf("committed write %d reads back as %+v", n, r)
			}
		}
		// Atomicity: records and index entries match one to one.
		nRecs := 0
		err := recs.Each(txn, func(r *rec) error {
			nRecs++
			if got := store.Lookup(txn, store.IdxTestName, store.Term(store.Fold(r.Name))); len(got) != 1 || got[0] != r.ID {
				return fmt.Errorf("record %d has no index entry (half-applied transaction)", r.N)
			}
			return nil
		})
		if err != nil {
			return err
		}
		if nIdx := store.CountPrefix(txn, []byte{store.IdxTestName}); nIdx != nRecs {
			return fmt.Errorf("%d index entries for %d records (half-applied transaction)", nIdx, nRecs)
		}
		return nil
	})
	if err != nil {
		t.Fatalf("trial %d: %v", trial, err)
	}
}
