// Package notify delivers desktop notifications. The Notifier interface lets
// the reminder engine run against the real OS notifier (beeep) or a Recorder
// in tests; Status explains when desktop notifications cannot work.
package notify

import (
	"errors"
	"fmt"
	"os"
	"runtime"
	"sync"

	"github.com/gen2brain/beeep"
	"github.com/godbus/dbus/v5"
)

// Note is one desktop notification.
type Note struct {
	Title string `json:"title"`
	Body  string `json:"body"`
}

// Notifier shows desktop notifications.
type Notifier interface {
	Notify(n Note) error
	// Status says whether notifications can be shown, and if not, why.
	Status() Status
}

// Status of desktop notifications.
type Status struct {
	Available bool   `json:"available"`
	Reason    string `json:"reason"` // why not, for a person; empty when available
}

// Desktop is the OS notifier (D-Bus on Linux, Notification Center on macOS,
// toast on Windows), through beeep.
type Desktop struct {
	Icon string // path to a PNG, or "" for none

	mu      sync.Mutex
	lastErr error
}

// NewDesktop returns the OS notifier; appName is shown by the notification
// daemon as the sender.
func NewDesktop(appName, icon string) *Desktop {
	beeep.AppName = appName
	return &Desktop{Icon: icon}
}

// Notify shows n. A failure (no notification service) is returned and kept
// for Status.
func (d *Desktop) Notify(n Note) error {
	err := beeep.Notify(n.Title, n.Body, d.Icon)
	d.mu.Lock()
	d.lastErr = err
	d.mu.Unlock()
	if err != nil {
		return fmt.Errorf("desktop notification: %w", err)
	}
	return nil
}

// Status checks the notification service without showing anything.
func (d *Desktop) Status() Status {
	d.mu.Lock()
	last := d.lastErr
	d.mu.Unlock()
	if runtime.GOOS == "linux" || runtime.GOOS == "freebsd" || runtime.GOOS == "openbsd" || runtime.GOOS == "netbsd" {
		if os.Getenv("DBUS_SESSION_BUS_ADDRESS") == "" {
			return Status{Reason: "There is no D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is not set), so the desktop cannot show notifications. Reminders still appear in Wheelhouse's notification centre."}
		}
		if err := hasNotificationService(); err != nil {
			return Status{Reason: "No notification service is running on the session bus (" + err.Error() + "). Reminders still appear in Wheelhouse's notification centre."}
		}
	}
	if last != nil {
		return Status{Reason: "The last desktop notification failed: " + last.Error() + ". Reminders still appear in Wheelhouse's notification centre."}
	}
	return Status{Available: true}
}

func hasNotificationService() error {
	conn, err := dbus.SessionBus()
	if err != nil {
		return err
	}
	var has bool
	call := conn.BusObject().CallWithContext(ctxTimeout(), "org.freedesktop.DBus.NameHasOwner", 0, "org.freedesktop.Notifications")
	if call.Err != nil {
		return call.Err
	}
	if err := call.Store(&has); err != nil {
		return err
	}
	if !has {
		return errors.New("org.freedesktop.Notifications has no owner")
	}
	return nil
}

// Recorder is a Notifier for tests: it records what it was asked to show.
type Recorder struct {
	mu   sync.Mutex
	sent []Note
	Fail error // if set, Notify returns it (and records nothing)
}

// Notify records n.
func (r *Recorder) Notify(n Note) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.Fail != nil {
		return r.Fail
	}
	r.sent = append(r.sent, n)
	return nil
}

// Status is available unless Fail is set.
func (r *Recorder) Status() Status {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.Fail != nil {
		return Status{Reason: r.Fail.Error()}
	}
	return Status{Available: true}
}

// Sent returns a copy of what was shown.
func (r *Recorder) Sent() []Note {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]Note(nil), r.sent...)
}
