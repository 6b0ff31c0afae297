package app

import (
	"strings"
	"testing"
	"time"

	"wheelhouse/backend/clock"
	"wheelhouse/backend/followup"
	"wheelhouse/backend/notify"
	"wheelhouse/backend/store"
	"wheelhouse/backend/workspace"
)

// While locked, every binding that reads or writes the workspace refuses with
// code "locked"; unlocking brings them back. Reminders keep being evaluated
// and their desktop notifications name nobody.
func TestLockRefusesBindingsAndNotifiesGenerically(t *testing.T) {
	rec := &notify.Recorder{}
	clk := clock.NewFake(time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)) // a Monday
	s := shellWith(t, Config{Clock: clk, Notifier: rec, Zone: "UTC"})
	people, acts, rem, lock := NewPeopleAPI(s), NewFollowUpAPI(s), NewReminderAPI(s), NewLockAPI(s)
	dana, err := people.CreatePerson(PersonInput{Name: "Dana Xu", TimeZone: "UTC"})
	if err != nil {
		t.Fatal(err)
	}
	if st := lock.Status(); st.Locked || st.NeedsPassphrase || st.LockMinutes != 15 {
		t.Fatalf("status at start: %+v, want unlocked, no passphrase, 15 minutes", st)
	}

	if st := lock.Lock(); !st.Locked {
		t.Fatalf("Lock: %+v", st)
	}
	locked := func(what string, err error) {
		t.Helper()
		if ae := apiErr(t, err); ae.Code != "locked" {
			t.Fatalf("%s while locked: %+v, want code locked", what, ae)
		}
	}
	dir, err := people.Directory()
	locked("Directory", err)
	if len(dir.People) != 0 {
		t.Fatalf("Directory while locked returned %+v", dir.People)
	}
	_, err = people.UpdatePerson(dana.ID, PersonInput{Name: "Dana X", TimeZone: "UTC"})
	locked("UpdatePerson", err)
	_, err = people.CreatePerson(PersonInput{Name: "Eve", TimeZone: "UTC"})
	locked("CreatePerson", err)
	_, err = rem.List()
	locked("reminder.List", err)
	_, err = rem.Settings()
	locked("reminder.Settings", err)
	// What the lock screen needs still answers.
	if st := lock.Status(); !st.Locked || st.LockMinutes != 15 {
		t.Fatalf("Status while locked: %+v", st)
	}

	// A follow-up that comes due while locked (written before, due days
	// later) is delivered, without its title or its owner's name. (Each write
	// also evaluates in the background: whenever that runs, nothing is due
	// yet or the app is locked.)
	s.lock.mu.Lock()
	s.lock.locked = false
	s.lock.mu.Unlock()
	if _, err := acts.Create(followup.Item{Title: "Talk about the raise", OwnerID: idOf(t, dana.ID), DueDate: "2026-11-26"}); err != nil {
		t.Fatal(err)
	}
	lock.Lock()
	clk.Advance(4 * 24 * time.Hour) // Friday noon: overdue
	if _, err := s.EvaluateReminders(); err != nil {
		t.Fatalf("evaluation while locked: %v (reminders keep running)", err)
	}
	sent := rec.Sent()
	if len(sent) != 1 || sent[0].Title != "Wheelhouse: 1 follow-up is overdue" {
		t.Fatalf("notifications while locked: %+v", sent)
	}
	if n := sent[0].Title + sent[0].Body; strings.Contains(n, "Dana") || strings.Contains(n, "raise") {
		t.Fatalf("a notification while locked names the follow-up: %+v", sent[0])
	}

	// No passphrase set: anything unlocks, and the bindings work again.
	st, err := lock.Unlock("")
	if err != nil || st.Locked {
		t.Fatalf("Unlock: %+v %v", st, err)
	}
	if d, err := people.Directory(); err != nil || len(d.People) != 1 || d.People[0].Name != "Dana Xu" {
		t.Fatalf("Directory after unlock: %+v %v", d.People, err)
	}
	if l, err := rem.List(); err != nil || len(l) != 1 || !strings.Contains(l[0].Title, "raise") {
		t.Fatalf("the centre after unlock keeps the details: %+v %v", l, err)
	}
}

// passphrase is the workspace passphrase check as workspace encryption will
// provide it (store.Verify); here a fixed secret.
type passphrase string

func (p passphrase) Set() bool { return p != "" }
func (p passphrase) Verify(x string) error {
	if x != string(p) {
		return ErrWrongPassphrase
	}
	return nil
}

func TestUnlockWithPassphraseSlowsGuessing(t *testing.T) {
	clk := clock.NewFake(time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC))
	s := shellWith(t, Config{Clock: clk, Passphrase: passphrase("correct horse")})
	lock := NewLockAPI(s)
	if st := lock.Lock(); !st.NeedsPassphrase {
		t.Fatalf("status %+v, want needsPassphrase", st)
	}
	field := func(err error, want string) {
		t.Helper()
		ae := apiErr(t, err)
		if ae.Field != "passphrase" || !strings.Contains(ae.Message, want) {
			t.Fatalf("error %+v, want field passphrase with %q", ae, want)
		}
	}
	_, err := lock.Unlock("")
	field(err, "Enter the workspace's passphrase")
	for i := 1; i <= 4; i++ {
		_, err := lock.Unlock("guess")
		field(err, "not the workspace's passphrase")
		if strings.Contains(apiErr(t, err).Message, "wait") {
			t.Fatalf("try %d already slowed: %v", i, err)
		}
	}
	st, err := lock.Unlock("guess")
	field(err, "wait 30 seconds")
	if !st.Locked || st.RetryAt != "2026-11-23T12:00:30Z" {
		t.Fatalf("after 5 wrong: %+v", st)
	}
	// Even the right passphrase waits its turn.
	_, err = lock.Unlock("correct horse")
	field(err, "Too many wrong passphrases: wait 30 seconds")
	clk.Advance(30 * time.Second)
	_, err = lock.Unlock("guess again")
	field(err, "wait 1 minute")
	clk.Advance(time.Minute)
	if st, err := lock.Unlock("correct horse"); err != nil || st.Locked || st.RetryAt != "" {
		t.Fatalf("right passphrase: %+v %v", st, err)
	}
	// The count starts over after an unlock.
	lock.Lock()
	_, err = lock.Unlock("guess")
	if strings.Contains(apiErr(t, err).Message, "wait") {
		t.Fatalf("wrong tries were not reset by the unlock: %v", err)
	}
}

func TestTryDelay(t *testing.T) {
	for w, want := range map[int]time.Duration{5: 30 * time.Second, 6: time.Minute, 7: 2 * time.Minute, 8: 4 * time.Minute, 9: 5 * time.Minute, 50: 5 * time.Minute} {
		if got := tryDelay(w); got != want {
			t.Errorf("tryDelay(%d) = %s, want %s", w, got, want)
		}
	}
}

// An encrypted workspace (decision 0022) unlocks only with its passphrase,
// checked against its key file.
func TestLockScreenUnlocksEncryptedWorkspace(t *testing.T) {
	dir := t.TempDir()
	pass := "correct horse battery"
	w, err := workspace.Open(dir, workspace.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := store.Encrypt(dir, store.Options{Migrations: workspace.Migrations}, []byte(pass)); err != nil {
		t.Fatal(err)
	}
	s := NewShell(Config{Root: t.TempDir()})
	if w, err = workspace.Open(dir, workspace.Options{Passphrase: []byte(pass)}); err != nil {
		t.Fatal(err)
	}
	s.ws = w
	t.Cleanup(s.Close)
	lock := NewLockAPI(s)
	if st := lock.Lock(); !st.NeedsPassphrase {
		t.Fatalf("an encrypted workspace: %+v, want needsPassphrase", st)
	}
	_, err = lock.Unlock("not it at all")
	if ae := apiErr(t, err); ae.Field != "passphrase" || !strings.Contains(ae.Message, "not the workspace's passphrase") {
		t.Fatalf("wrong passphrase: %+v", ae)
	}
	if st, err := lock.Unlock(pass); err != nil || st.Locked {
		t.Fatalf("right passphrase: %+v %v", st, err)
	}
}
