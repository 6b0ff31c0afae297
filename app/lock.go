package app

import (
	"errors"
	"fmt"
	"sync"
	"time"

	"wheelhouse/backend/errs"
	"wheelhouse/backend/reminder"
	"wheelhouse/backend/store"
)

// The lock screen (issue 12, decision 0023). While the app is locked every
// binding that reads or writes the workspace refuses with code "locked"
// (call.go), desktop notifications say only how many reminders of each kind
// are due (reminder.Engine.Locked), and reminders keep being evaluated.
// Unlocking asks for the workspace's passphrase when it has one; a workspace
// without one unlocks without a secret, and the lock screen says so.

var errLocked = errs.E(errs.Locked, "Wheelhouse is locked. Unlock it to go on.")

// Passphrase checks the workspace's passphrase (workspace encryption).
type Passphrase interface {
	// Set reports whether the workspace has a passphrase.
	Set() bool
	// Verify returns nil when p is the passphrase, ErrWrongPassphrase when
	// it is not, any other error when it cannot tell.
	Verify(p string) error
}

// ErrWrongPassphrase is what Passphrase.Verify returns for a wrong one.
var ErrWrongPassphrase = errors.New("wrong passphrase")

// workspacePassphrase is the open workspace's: set when it is encrypted
// (decision 0022), checked against its key file.
type workspacePassphrase struct{ s *Shell }

func (p workspacePassphrase) Set() bool {
	w, err := p.s.workspace()
	return err == nil && w.Store.Encrypted()
}

func (p workspacePassphrase) Verify(x string) error {
	w, err := p.s.workspace()
	if err != nil {
		return err
	}
	if err := w.Store.VerifyPassphrase([]byte(x)); err != nil {
		if store.WrongPassphrase(err) {
			return ErrWrongPassphrase
		}
		return err
	}
	return nil
}

// freeTries wrong passphrases are answered at once; after them each try
// waits longer (tryDelay), so guessing is slow.
const freeTries = 5

// tryDelay is how long after the w-th wrong passphrase in a row (w >=
// freeTries) the next try is accepted: 30 s, doubling, at most 5 minutes.
func tryDelay(w int) time.Duration {
	d := 30 * time.Second
	for i := freeTries; i < w && d < 5*time.Minute; i++ {
		d *= 2
	}
	return min(d, 5*time.Minute)
}

// waitText says a wait for a person: "30 seconds", "2 minutes".
func waitText(d time.Duration) string {
	if d < time.Minute {
		return fmt.Sprintf("%d seconds", int(d.Round(time.Second)/time.Second))
	}
	m := int((d + time.Minute - 1) / time.Minute)
	if m == 1 {
		return "1 minute"
	}
	return fmt.Sprintf("%d minutes", m)
}

type lockState struct {
	mu       sync.Mutex
	locked   bool
	wrong    int       // wrong passphrases since the last unlock
	waitTill time.Time // no try is accepted before this
	pass     Passphrase
}

// Locked reports whether the app is locked.
func (s *Shell) Locked() bool {
	s.lock.mu.Lock()
	defer s.lock.mu.Unlock()
	return s.lock.locked
}

// LockAPI is bound to the frontend: lock, unlock, and what the lock screen
// needs to know. Its calls work while locked and carry nothing personal.
type LockAPI struct{ s *Shell }

// NewLockAPI binds to shell s.
func NewLockAPI(s *Shell) *LockAPI { return &LockAPI{s} }

// LockStatusDTO is what the lock screen and the idle timer need.
type LockStatusDTO struct {
	Locked bool `json:"locked"`
	// NeedsPassphrase: unlocking asks for the workspace's passphrase; false
	// when the workspace has none (anyone at the computer can unlock).
	NeedsPassphrase bool `json:"needsPassphrase"`
	// LockMinutes: lock after this many idle minutes; 0 = never by itself.
	LockMinutes int `json:"lockMinutes"`
	// RetryAt: after too many wrong passphrases, no try is accepted before
	// this instant (RFC 3339); "" when a try is accepted now.
	RetryAt string `json:"retryAt"`
}

func (a *LockAPI) status() LockStatusDTO {
	l := &a.s.lock
	l.mu.Lock()
	out := LockStatusDTO{Locked: l.locked, NeedsPassphrase: l.pass != nil && l.pass.Set()}
	if a.s.clock.Now().Before(l.waitTill) {
		out.RetryAt = ts(l.waitTill)
	}
	l.mu.Unlock()
	out.LockMinutes = reminder.DefaultLockMinutes
	if w, err := a.s.workspace(); err == nil {
		if st, err := w.Reminders.Settings(); err == nil {
			out.LockMinutes = st.LockMinutes
		}
	}
	return out
}

// Status reports whether the app is locked and how it unlocks.
func (a *LockAPI) Status() LockStatusDTO { return a.status() }

// Lock locks the app (Ctrl+L, the sidebar, the idle timer).
func (a *LockAPI) Lock() LockStatusDTO {
	l := &a.s.lock
	l.mu.Lock()
	was := l.locked
	l.locked = true
	l.mu.Unlock()
	// The palette's index holds private notes as text: not kept while locked.
	a.s.search.Reset()
	if !was {
		a.s.log.Info("locked")
		a.s.emit(EventLockChanged, true)
	}
	return a.status()
}

// Unlock unlocks the app. With a passphrase set, passphrase must be it
// (field "passphrase"); after freeTries wrong ones each try must wait
// (tryDelay). Without one, passphrase is ignored.
func (a *LockAPI) Unlock(passphrase string) (LockStatusDTO, error) {
	const op = "lock.Unlock"
	l := &a.s.lock
	l.mu.Lock()
	if l.pass != nil && l.pass.Set() {
		now := a.s.clock.Now()
		if now.Before(l.waitTill) {
			l.mu.Unlock()
			wait := l.waitTill.Sub(now)
			return a.status(), toAPI(a.s.log, op, errs.FieldErr("passphrase",
				"Too many wrong passphrases: wait %s before trying again.", waitText(wait)))
		}
		if passphrase == "" {
			l.mu.Unlock()
			return a.status(), toAPI(a.s.log, op, errs.FieldErr("passphrase", "Enter the workspace's passphrase."))
		}
		if err := l.pass.Verify(passphrase); err != nil {
			if !errors.Is(err, ErrWrongPassphrase) {
				l.mu.Unlock()
				return a.status(), toAPI(a.s.log, op, err)
			}
			l.wrong++
			msg := "That is not the workspace's passphrase."
			if l.wrong >= freeTries {
				d := tryDelay(l.wrong)
				l.waitTill = now.Add(d)
				msg += " Too many wrong tries: wait " + waitText(d) + " before the next one."
			}
			a.s.log.Warn("unlock: wrong passphrase", "tries", l.wrong)
			l.mu.Unlock()
			return a.status(), toAPI(a.s.log, op, errs.FieldErr("passphrase", "%s", msg))
		}
	}
	was := l.locked
	l.locked, l.wrong, l.waitTill = false, 0, time.Time{}
	l.mu.Unlock()
	if was {
		a.s.log.Info("unlocked")
		a.s.emit(EventLockChanged, false)
	}
	return a.status(), nil
}
