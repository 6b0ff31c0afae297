package cli_test

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"wheelhouse/backend/people"
	"wheelhouse/backend/store"
	"wheelhouse/backend/workspace"
	"wheelhouse/cli"
)

// Two-process races (issue 12): real processes — re-executions of this test
// binary — share one data folder. One plays the app (a writer that opens the
// workspace, adds people and closes again, over and over); the other runs a
// command that swaps the workspace (import-json --replace, restore --force,
// demo, encrypt, decrypt) or reads all of it (backup). Every write the writer saw acknowledged must survive: in the
// workspace if it was acknowledged after the command finished, else in the
// workspace or in the copy the command kept aside. A command that cannot
// get the folder must say so clearly.

const raceEnv = "WHEELHOUSE_RACE_CHILD"

// TestRaceChild is the child process: "cli" runs the command line with the
// arguments in $WHEELHOUSE_RACE_CHILD_ARGS (separated by \x1f); "writer"
// adds people to $WHEELHOUSE_RACE_CHILD_DIR until the file
// $WHEELHOUSE_RACE_CHILD_STOP exists, printing "ack NAME UNIXNANO" after
// each write returned (opening with the passphrase in
// $WHEELHOUSE_RACE_CHILD_PASS, if any, when the workspace is encrypted).
func TestRaceChild(t *testing.T) {
	switch os.Getenv(raceEnv) {
	case "":
		t.Skip("runs only as a child of the race tests")
	case "cli":
		os.Exit(cli.Run(cli.Env{Args: strings.Split(os.Getenv(raceEnv+"_ARGS"), "\x1f"), Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr}))
	case "writer":
		dir, stop := os.Getenv(raceEnv+"_DIR"), os.Getenv(raceEnv+"_STOP")
		opt := workspace.Options{Passphrase: []byte(os.Getenv(raceEnv + "_PASS"))}
		n := 0
		for {
			if _, err := os.Stat(stop); err == nil {
				os.Exit(0)
			}
			w, err := workspace.Open(dir, opt)
			if store.IsLocked(err) {
				time.Sleep(time.Millisecond)
				continue
			}
			if err != nil {
				fmt.Fprintf(os.Stderr, "writer open: %v\n", err)
				os.Exit(5)
			}
			for i := 0; i < 8; i++ {
				name := fmt.Sprintf("Writer %d-%d", os.Getpid(), n)
				n++
				if _, err := w.Roster.CreatePerson(people.Person{Name: name, TimeZone: "UTC"}); err != nil {
					fmt.Fprintf(os.Stderr, "writer write: %v\n", err)
					os.Exit(6)
				}
				fmt.Fprintf(os.Stdout, "ack %s %d\n", name, time.Now().UnixNano())
			}
			if err := w.Close(); err != nil {
				fmt.Fprintf(os.Stderr, "writer close: %v\n", err)
				os.Exit(7)
			}
			// Like the app between two opens, or two CLI runs: the folder
			// is free for a moment.
			time.Sleep(time.Duration(10+n%30) * time.Millisecond)
		}
	}
}

type ack struct {
	name string
	at   time.Time
}

// writer is a running writer child.
type writer struct {
	cmd  *exec.Cmd
	stop string
	mu   sync.Mutex
	acks []ack
	done chan struct{}
	errb strings.Builder
}

func startWriter(t *testing.T, dir string) *writer { return startWriterPass(t, dir, "") }

// startWriterPass starts a writer that opens the workspace with passphrase
// when it is encrypted.
func startWriterPass(t *testing.T, dir, passphrase string) *writer {
	t.Helper()
	w := &writer{stop: filepath.Join(t.TempDir(), "stop"), done: make(chan struct{})}
	w.cmd = exec.Command(os.Args[0], "-test.run=^TestRaceChild$", "-test.count=1")
	w.cmd.Env = append(os.Environ(), raceEnv+"=writer", raceEnv+"_DIR="+dir, raceEnv+"_STOP="+w.stop, raceEnv+"_PASS="+passphrase)
	w.cmd.Stderr = &w.errb
	out, err := w.cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := w.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() {
		defer close(w.done)
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			f := strings.Fields(sc.Text())
			if len(f) != 4 || f[0] != "ack" {
				continue
			}
			ns, _ := strconv.ParseInt(f[3], 10, 64)
			w.mu.Lock()
			w.acks = append(w.acks, ack{f[1] + " " + f[2], time.Unix(0, ns)})
			w.mu.Unlock()
		}
	}()
	return w
}

func (w *writer) count() int { w.mu.Lock(); defer w.mu.Unlock(); return len(w.acks) }

// acked returns the writes acknowledged so far.
func (w *writer) acked() []ack {
	w.mu.Lock()
	defer w.mu.Unlock()
	return append([]ack(nil), w.acks...)
}

// waitFor waits until the writer has n acknowledged writes.
func (w *writer) waitFor(t *testing.T, n int) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for w.count() < n {
		select {
		case <-w.done:
			t.Fatalf("writer stopped after %d writes: %s", w.count(), w.errb.String())
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("writer made only %d writes: %s", w.count(), w.errb.String())
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func (w *writer) finish(t *testing.T) []ack {
	t.Helper()
	_ = os.WriteFile(w.stop, nil, 0o600)
	<-w.done
	if err := w.cmd.Wait(); err != nil {
		t.Fatalf("writer failed: %v\n%s", err, w.errb.String())
	}
	return w.acks
}

// runCLI runs the command line in a child process.
func runCLI(dir string, args ...string) result {
	cmd := exec.Command(os.Args[0], "-test.run=^TestRaceChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), raceEnv+"=cli", raceEnv+"_ARGS="+strings.Join(append([]string{"--data", dir}, args...), "\x1f"))
	var out, errb strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		code = -1
	}
	return result{code, out.String(), errb.String()}
}

// refused reports whether r is the clear refusal of a folder in use.
func refused(r result) bool {
	return r.code == 1 && strings.Contains(r.stderr, "in use by another running Wheelhouse") && !strings.Contains(r.stderr, "goroutine")
}

// peopleIn returns the names of the people in the workspace of data folder dir.
func peopleIn(t *testing.T, dir string) map[string]bool {
	t.Helper()
	w, err := workspace.Open(dir, workspace.Options{})
	if err != nil {
		t.Fatalf("open %s: %v", dir, err)
	}
	defer w.Close()
	ps, err := w.Roster.People(true)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]bool{}
	for _, p := range ps {
		got[p.Name] = true
	}
	return got
}

// asidePeople returns the people of every copy kept aside in dir (each copy
// is moved into a data folder of its own to be opened).
func asidePeople(t *testing.T, dir string) (map[string]bool, int) {
	t.Helper()
	asides, err := store.Asides(dir)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]bool{}
	for _, a := range asides {
		root := t.TempDir()
		if err := os.Rename(a, store.DBDir(root)); err != nil {
			t.Fatal(err)
		}
		for n := range peopleIn(t, root) {
			got[n] = true
		}
	}
	return got, len(asides)
}

// checkAcks fails when an acknowledged write is lost: one acknowledged
// after the last swap finished must be in the workspace, any other in the
// workspace or a copy aside.
func checkAcks(t *testing.T, dir string, acks []ack, lastSwap time.Time) {
	t.Helper()
	live := peopleIn(t, dir)
	aside, _ := asidePeople(t, dir)
	lost, afterMissing := 0, 0
	for _, a := range acks {
		if !live[a.name] && !aside[a.name] {
			lost++
		}
		if a.at.After(lastSwap) && !live[a.name] {
			afterMissing++
		}
	}
	if lost > 0 || afterMissing > 0 {
		t.Fatalf("%d of %d acknowledged writes lost; %d acknowledged after the last swap are not in the workspace", lost, len(acks), afterMissing)
	}
}

// swapRace runs cmd (a swapping command) against a writer `rounds` times
// and checks every acknowledged write.
func swapRace(t *testing.T, dir string, rounds int, args ...string) {
	w := startWriter(t, dir)
	w.waitFor(t, 8)
	var lastSwap time.Time
	ok, refusals := 0, 0
	for attempt := 0; ok < rounds && attempt < 400; attempt++ {
		before := w.count()
		r := runCLI(dir, args...)
		switch {
		case r.code == 0:
			ok++
			lastSwap = time.Now()
			w.waitFor(t, before+16) // the writer gets in after the swap
		case refused(r):
			refusals++
		default:
			w.finish(t)
			t.Fatalf("%v: exit %d\nstdout: %s\nstderr: %s", args, r.code, r.stdout, r.stderr)
		}
	}
	acks := w.finish(t)
	if ok < rounds {
		t.Fatalf("%v succeeded %d times in 400 attempts (%d refused)", args, ok, refusals)
	}
	t.Logf("%v: %d swaps, %d clear refusals, %d acknowledged writes", args, ok, refusals, len(acks))
	checkAcks(t, dir, acks, lastSwap)
}

func TestRaceImportReplace(t *testing.T) {
	if testing.Short() {
		t.Skip("multi-process race")
	}
	// Up to six imports may succeed (when the two of a trial do not
	// overlap); the data folder keeps only the newest three copies by
	// default and prunes the rest by design. Keep them all here, to count
	// one copy per import.
	t.Setenv(cli.KeepAsideEnv, "100")
	src := t.TempDir()
	expect(t, run(t, nil, "--data", src, "demo"), 0)
	file := filepath.Join(t.TempDir(), "ws.json")
	expect(t, run(t, nil, "--data", src, "export-json", "-o", file), 0)
	dir := t.TempDir()
	swapRace(t, dir, 3, "import-json", "--replace", file)
}

func TestRaceRestoreForce(t *testing.T) {
	if testing.Short() {
		t.Skip("multi-process race")
	}
	src := t.TempDir()
	expect(t, run(t, nil, "--data", src, "demo"), 0)
	bak := filepath.Join(t.TempDir(), "ws.bak")
	expect(t, run(t, nil, "--data", src, "backup", bak), 0)
	dir := t.TempDir()
	swapRace(t, dir, 3, "restore", "--force", bak)
}

// demo fills an empty folder only; started together with a writer either
// may win, but the writer's people are never deleted.
func TestRaceDemo(t *testing.T) {
	if testing.Short() {
		t.Skip("multi-process race")
	}
	created := 0
	for trial := 0; trial < 4; trial++ {
		dir := filepath.Join(t.TempDir(), "data")
		var r result
		var wg sync.WaitGroup
		wg.Add(1)
		go func() { defer wg.Done(); r = runCLI(dir, "demo") }()
		time.Sleep(time.Duration(trial) * 60 * time.Millisecond) // vary who gets in first
		w := startWriter(t, dir)
		wg.Wait()
		w.waitFor(t, 8)
		acks := w.finish(t)
		switch {
		case r.code == 0:
			created++
		case refused(r), r.code == 1 && strings.Contains(r.stderr, "already has a workspace"):
		default:
			t.Fatalf("demo: exit %d\n%s%s", r.code, r.stdout, r.stderr)
		}
		live := peopleIn(t, dir)
		for _, a := range acks {
			if !live[a.name] {
				t.Fatalf("trial %d: acknowledged %q missing after demo (exit %d: %s)", trial, a.name, r.code, r.stdout+r.stderr)
			}
		}
		if as, _ := store.Asides(dir); len(as) != 0 {
			t.Fatalf("demo into an empty folder kept copies aside: %v", as)
		}
	}
	t.Logf("demo won %d of 4 trials", created)
}

// Two import-json --replace started together: each prints "Imported" only
// if its swap happened, and every one that did keeps the one before aside,
// so nothing is silently thrown away.
func TestRaceTwoImports(t *testing.T) {
	if testing.Short() {
		t.Skip("multi-process race")
	}
	// Up to six imports may succeed (when the two of a trial do not
	// overlap); the data folder keeps only the newest three copies by
	// default and prunes the rest by design. Keep them all here, to count
	// one copy per import.
	t.Setenv(cli.KeepAsideEnv, "100")
	src := t.TempDir()
	expect(t, run(t, nil, "--data", src, "demo"), 0)
	file := filepath.Join(t.TempDir(), "ws.json")
	expect(t, run(t, nil, "--data", src, "export-json", "-o", file), 0)
	dir := t.TempDir()
	expect(t, run(t, nil, "--data", dir, "demo", "--size", "large"), 0)
	imported, refusedN := 0, 0
	for trial := 0; trial < 3; trial++ {
		var rs [2]result
		var wg sync.WaitGroup
		for i := range rs {
			wg.Add(1)
			go func() { defer wg.Done(); rs[i] = runCLI(dir, "import-json", "--replace", file) }()
		}
		wg.Wait()
		for _, r := range rs {
			switch {
			case r.code == 0 && strings.Contains(r.stdout, "Imported") && strings.Contains(r.stdout, "kept in"):
				imported++
			case refused(r):
				refusedN++
			default:
				t.Fatalf("import: exit %d\n%s%s", r.code, r.stdout, r.stderr)
			}
		}
	}
	if as, _ := store.Asides(dir); len(as) != imported {
		t.Fatalf("%d imports reported success but %d copies are kept aside", imported, len(as))
	}
	t.Logf("%d imported, %d refused", imported, refusedN)
}

// backup reads the whole workspace while a writer adds people: each backup
// either is refused clearly (and leaves no file) or holds every write
// acknowledged before it started; the writer loses nothing, nothing is kept
// aside, and no temporary file is left beside the backups.
func TestRaceBackup(t *testing.T) {
	if testing.Short() {
		t.Skip("multi-process race")
	}
	dir, out := t.TempDir(), t.TempDir()
	w := startWriter(t, dir)
	w.waitFor(t, 8)
	ok, refusals := 0, 0
	for attempt := 0; ok < 3 && attempt < 400; attempt++ {
		before := w.count()
		start := time.Now()
		bak := filepath.Join(out, fmt.Sprintf("b%d.backup", attempt))
		r := runCLI(dir, "backup", bak)
		switch {
		case r.code == 0:
			ok++
			restored := filepath.Join(t.TempDir(), "data")
			expect(t, run(t, nil, "--data", restored, "restore", bak), 0)
			in := peopleIn(t, restored)
			missing := 0
			for _, a := range w.acked() {
				if a.at.Before(start) && !in[a.name] {
					missing++
				}
			}
			if missing > 0 {
				w.finish(t)
				t.Fatalf("backup %d lacks %d writes acknowledged before it started", ok, missing)
			}
			w.waitFor(t, before+16)
		case refused(r):
			refusals++
			if _, err := os.Stat(bak); err == nil {
				w.finish(t)
				t.Fatalf("a refused backup left %s", bak)
			}
		default:
			w.finish(t)
			t.Fatalf("backup: exit %d\nstdout: %s\nstderr: %s", r.code, r.stdout, r.stderr)
		}
	}
	acks := w.finish(t)
	if ok < 3 {
		t.Fatalf("backup succeeded %d times in 400 attempts (%d refused)", ok, refusals)
	}
	t.Logf("backup: %d made, %d clear refusals, %d acknowledged writes", ok, refusals, len(acks))
	checkAcks(t, dir, acks, time.Time{})
	if as, _ := store.Asides(dir); len(as) != 0 {
		t.Fatalf("a backup kept copies aside: %v", as)
	}
	entries, _ := os.ReadDir(out)
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".backup") {
			t.Errorf("left in the backup folder: %s", e.Name())
		}
	}
}

// encrypt and decrypt rewrite the whole workspace while a writer (which has
// the passphrase) adds people: each is refused clearly or rewrites
// everything acknowledged before it; no write is lost and no copy of the
// old database is left aside.
func TestRaceEncryptDecrypt(t *testing.T) {
	if testing.Short() {
		t.Skip("multi-process race")
	}
	const pass = "correct horse battery"
	dir := t.TempDir()
	pf := filepath.Join(t.TempDir(), "pass")
	if err := os.WriteFile(pf, []byte(pass+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	w := startWriterPass(t, dir, pass)
	w.waitFor(t, 8)
	refusals := 0
	for i, cmd := range []string{"encrypt", "decrypt", "encrypt", "decrypt"} {
		for attempt := 0; ; attempt++ {
			if attempt == 400 {
				w.finish(t)
				t.Fatalf("%s never got the folder in 400 attempts", cmd)
			}
			before := w.count()
			r := runCLI(dir, "--passphrase-file", pf, cmd)
			if refused(r) {
				refusals++
				continue
			}
			if r.code != 0 {
				w.finish(t)
				t.Fatalf("%s: exit %d\nstdout: %s\nstderr: %s", cmd, r.code, r.stdout, r.stderr)
			}
			if got, want := store.IsEncrypted(dir), cmd == "encrypt"; got != want {
				w.finish(t)
				t.Fatalf("after %s (step %d) encrypted = %v", cmd, i, got)
			}
			w.waitFor(t, before+16) // the writer gets in after the rewrite
			break
		}
	}
	acks := w.finish(t)
	t.Logf("encrypt/decrypt: 4 rewrites, %d clear refusals, %d acknowledged writes", refusals, len(acks))
	if as, _ := store.Asides(dir); len(as) != 0 {
		t.Fatalf("copies left aside: %v", as)
	}
	checkAcks(t, dir, acks, time.Time{})
}
