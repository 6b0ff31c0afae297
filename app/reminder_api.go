package app

import (
	"strings"
	"time"

	"wheelhouse/backend/autostart"
	"wheelhouse/backend/errs"
	"wheelhouse/backend/reminder"
	"wheelhouse/backend/workspace"
)

// ReminderAPI is bound to the frontend: the notification centre, snooze and
// dismiss, reminder settings, and whether desktop notifications work.
type ReminderAPI struct{ s *Shell }

// NewReminderAPI binds to shell s.
func NewReminderAPI(s *Shell) *ReminderAPI { return &ReminderAPI{s} }

// ReminderDTO is one active reminder in the centre.
type ReminderDTO struct {
	Key         string `json:"key"`
	Kind        string `json:"kind"`
	Title       string `json:"title"`
	Body        string `json:"body"`
	LinkArea    string `json:"linkArea"`
	LinkID      string `json:"linkId"`
	DueAt       string `json:"dueAt"`
	Status      string `json:"status"` // new | held | delivered | snoozed
	HeldUntil   string `json:"heldUntil"`
	SnoozedTill string `json:"snoozedUntil"`
	DeliveredAt string `json:"deliveredAt"`
	Desktop     string `json:"desktop"` // "shown" or why not
}

// EvaluationDTO reports one evaluation.
type EvaluationDTO struct {
	Delivered    int    `json:"delivered"`
	Active       int    `json:"active"`
	DesktopError string `json:"desktopError"`
}

// QuietDTO is the quiet-hours setting.
type QuietDTO struct {
	Enabled  bool   `json:"enabled"`
	Start    string `json:"start"`
	End      string `json:"end"`
	Weekends bool   `json:"weekends"`
}

// ReminderSettingsDTO are the reminder settings.
type ReminderSettingsDTO struct {
	TimeZone     string   `json:"timezone"`     // "" = the machine's zone
	DetectedZone string   `json:"detectedZone"` // the machine's zone
	Quiet        QuietDTO `json:"quiet"`
	Desktop      bool     `json:"desktop"`
	Background   bool     `json:"background"`
	Autostart    bool     `json:"autostart"`
	LockMinutes  int      `json:"lockMinutes"` // lock after this many idle minutes (1-240); 0 = never
}

// NotificationStatusDTO says whether desktop notifications can be shown.
type NotificationStatusDTO struct {
	Available bool   `json:"available"`
	Reason    string `json:"reason"`
}

// ClockDTO is the app's clock, for the test-only clock control.
type ClockDTO struct {
	Now           string `json:"now"`
	OffsetMinutes int    `json:"offsetMinutes"`
	TestClock     bool   `json:"testClock"`
}

func reminderDTO(x reminder.Active) ReminderDTO {
	return ReminderDTO{Key: x.Key, Kind: x.Kind, Title: x.Title, Body: x.Body, LinkArea: x.Link.Area, LinkID: x.Link.ID,
		DueAt: ts(x.DueAt), Status: x.Status, HeldUntil: ts(x.HeldUntil), SnoozedTill: ts(x.State.SnoozedUntil),
		DeliveredAt: ts(x.State.DeliveredAt), Desktop: x.State.Desktop}
}

// Snooze, dismiss and restore change what the centre shows, not what is
// due: they are reads in the sense of call.go, and tell the frontend the new
// count instead of re-evaluating (Shell.emitCount).

// List returns every active reminder (delivered, held by quiet hours, snoozed).
func (a *ReminderAPI) List() ([]ReminderDTO, error) {
	return read(a.s, "reminder.List", func(w *workspace.Workspace) ([]ReminderDTO, error) {
		as, err := w.Reminders.List()
		return each(as, reminderDTO), err
	})
}

// Count is how many reminders are active: the sidebar's bell at launch and
// after each evaluation. The list itself (1,300 reminders and 680 KiB of
// JSON on the large demo) is read when the notification centre opens.
func (a *ReminderAPI) Count() (int, error) {
	return read(a.s, "reminder.Count", func(w *workspace.Workspace) (int, error) {
		as, err := w.Reminders.List()
		return len(as), err
	})
}

// EvaluateNow delivers what is due now (the app also does this every minute).
func (a *ReminderAPI) EvaluateNow() (EvaluationDTO, error) {
	res, err := a.s.EvaluateReminders()
	if err != nil {
		return EvaluationDTO{}, toAPI(a.s.log, "reminder.EvaluateNow", err)
	}
	out := EvaluationDTO{Delivered: len(res.Delivered), Active: len(res.Active)}
	if res.DesktopErr != nil {
		out.DesktopError = res.DesktopErr.Error()
	}
	return out, nil
}

// Snooze hides a reminder until "1h", "tomorrow" (09:00) or a date
// (YYYY-MM-DD, 09:00); it returns the instant.
func (a *ReminderAPI) Snooze(key, choice string) (string, error) {
	return read(a.s, "reminder.Snooze", func(w *workspace.Workspace) (string, error) {
		until, err := w.Reminders.SnoozeChoice(key, choice)
		if err != nil {
			return "", err
		}
		a.s.emitCount()
		return ts(until), nil
	})
}

// Dismiss hides a reminder for good (until what it is about changes).
func (a *ReminderAPI) Dismiss(key string) error {
	_, err := read(a.s, "reminder.Dismiss", func(w *workspace.Workspace) (struct{}, error) { return struct{}{}, w.Reminders.Dismiss(key) })
	if err == nil {
		a.s.emitCount()
	}
	return err
}

func (a *ReminderAPI) settings(w *workspace.Workspace) (ReminderSettingsDTO, error) {
	s, err := w.Reminders.Settings()
	return ReminderSettingsDTO{TimeZone: s.TimeZone, DetectedZone: a.s.zone, Desktop: s.Desktop, Background: s.Background,
		Autostart: autostart.Enabled(a.s.getenv), LockMinutes: s.LockMinutes,
		Quiet: QuietDTO{s.Quiet.Enabled, s.Quiet.Start, s.Quiet.End, s.Quiet.Weekends}}, err
}

// Settings returns the reminder settings.
func (a *ReminderAPI) Settings() (ReminderSettingsDTO, error) {
	return read(a.s, "reminder.Settings", a.settings)
}

// SaveSettings validates and stores the settings; turning autostart on writes
// the XDG autostart entry, turning it off removes it. Reminders are then
// re-evaluated: quiet hours may have changed what is due.
func (a *ReminderAPI) SaveSettings(in ReminderSettingsDTO) (ReminderSettingsDTO, error) {
	return write(a.s, "reminder.SaveSettings", func(w *workspace.Workspace) (ReminderSettingsDTO, error) {
		s := reminder.Settings{TimeZone: strings.TrimSpace(in.TimeZone), Desktop: in.Desktop, Background: in.Background, Autostart: in.Autostart,
			LockMinutes: in.LockMinutes,
			Quiet:       reminder.Quiet{Enabled: in.Quiet.Enabled, Start: in.Quiet.Start, End: in.Quiet.End, Weekends: in.Quiet.Weekends}}
		if _, err := w.Reminders.SaveSettings(s); err != nil {
			return in, err
		}
		if in.Autostart != autostart.Enabled(a.s.getenv) {
			if err := autostart.Set(in.Autostart, a.s.exe, a.s.root, a.s.getenv); err != nil {
				return in, &errs.Error{Code: errs.Unavailable, Field: "autostart", Err: err,
					Message: "Could not change the autostart entry: " + err.Error()}
			}
		}
		return a.settings(w)
	})
}

// NotificationStatus says whether desktop notifications can be shown, and why not.
func (a *ReminderAPI) NotificationStatus() NotificationStatusDTO {
	if a.s.notifier == nil {
		return NotificationStatusDTO{Reason: "Desktop notifications are not available in this build."}
	}
	st := a.s.notifier.Status()
	return NotificationStatusDTO{Available: st.Available, Reason: st.Reason}
}

// Clock reports the app's clock.
func (a *ReminderAPI) Clock() ClockDTO {
	return ClockDTO{Now: ts(a.s.clock.Now()), OffsetMinutes: int(a.s.clock.Offset() / time.Minute), TestClock: a.s.TestClockEnabled()}
}

// AdvanceClock moves the app's clock forward (test-only: WHEELHOUSE_TEST_CLOCK=1)
// and evaluates reminders at the new time.
func (a *ReminderAPI) AdvanceClock(minutes int) (ClockDTO, error) {
	var err error
	switch {
	case !a.s.TestClockEnabled():
		err = errs.E(errs.Unavailable, "The test clock is off (start Wheelhouse with WHEELHOUSE_TEST_CLOCK=1).")
	case minutes < 0:
		err = errs.FieldErr("minutes", "The clock only moves forward.")
	default:
		a.s.clock.SetOffset(a.s.clock.Offset() + time.Duration(minutes)*time.Minute)
		_, _ = a.s.EvaluateReminders()
	}
	return a.Clock(), toAPI(a.s.log, "reminder.AdvanceClock", err)
}

// DismissMany dismisses several reminders (a group of the centre, or all of
// them); each is dismissed on its own and those that could not be are
// reported by key.
func (a *ReminderAPI) DismissMany(keys []string) ([]BulkProblem, error) {
	const op = "reminder.DismissMany"
	return read(a.s, op, func(w *workspace.Workspace) ([]BulkProblem, error) {
		problems := []BulkProblem{}
		for _, k := range keys {
			if err := w.Reminders.Dismiss(k); err != nil {
				problems = append(problems, bulkProblem(a.s, op, k, err))
			}
		}
		a.s.emitCount()
		return problems, nil
	})
}

// SnoozeManyDTO is when snoozed reminders come back, and which could not be snoozed.
type SnoozeManyDTO struct {
	Until    string        `json:"until"`
	Problems []BulkProblem `json:"problems"`
}

// SnoozeMany snoozes several reminders until one instant: "1h", "tomorrow"
// (09:00) or a date (YYYY-MM-DD, 09:00). A choice it cannot read fails the
// whole call (field "until"); a reminder it cannot snooze is reported by key.
func (a *ReminderAPI) SnoozeMany(keys []string, choice string) (SnoozeManyDTO, error) {
	const op = "reminder.SnoozeMany"
	return read(a.s, op, func(w *workspace.Workspace) (SnoozeManyDTO, error) {
		out := SnoozeManyDTO{Problems: []BulkProblem{}}
		until, err := reminder.SnoozeUntil(choice, a.s.clock.Now(), w.Location())
		if err != nil {
			return out, errs.FieldErr("until", "%v", err)
		}
		out.Until = ts(until)
		for _, k := range keys {
			if err := w.Reminders.Snooze(k, until); err != nil {
				out.Problems = append(out.Problems, bulkProblem(a.s, op, k, err))
			}
		}
		a.s.emitCount()
		return out, nil
	})
}

// ReminderRestoreDTO is how a reminder was before a dismiss or snooze:
// snoozedUntil as List gave it ("" = not snoozed).
type ReminderRestoreDTO struct {
	Key          string `json:"key"`
	SnoozedUntil string `json:"snoozedUntil"`
}

// Restore undoes Dismiss, DismissMany, Snooze and SnoozeMany: each reminder
// is no longer dismissed and is snoozed as it was before (reminder.Restore:
// when it was delivered is kept, so it is not delivered again). A reminder
// no longer due, or a snoozedUntil that is not a time, is reported by key.
func (a *ReminderAPI) Restore(prev []ReminderRestoreDTO) ([]BulkProblem, error) {
	const op = "reminder.Restore"
	return read(a.s, op, func(w *workspace.Workspace) ([]BulkProblem, error) {
		bad := make([]error, len(prev)) // by index in prev
		var priors []reminder.Prior
		var at []int // the index in prev of each prior
		for i, p := range prev {
			pr := reminder.Prior{Key: p.Key}
			if p.SnoozedUntil != "" {
				var err error
				if pr.SnoozedUntil, err = time.Parse(time.RFC3339, p.SnoozedUntil); err != nil {
					bad[i] = errs.FieldErr("snoozedUntil", "Not a time: %q.", p.SnoozedUntil)
					continue
				}
			}
			priors, at = append(priors, pr), append(at, i)
		}
		gone, err := w.Reminders.Restore(priors)
		if err != nil {
			return nil, err
		}
		for _, j := range gone {
			bad[at[j]] = reminder.NoLongerDue()
		}
		problems := []BulkProblem{}
		for i, err := range bad {
			if err != nil {
				problems = append(problems, bulkProblem(a.s, op, prev[i].Key, err))
			}
		}
		a.s.emitCount()
		return problems, nil
	})
}
