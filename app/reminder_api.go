package app

import (
	"strings"
	"time"

	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/autostart"
	"wheelhouse/backend/errs"
	"wheelhouse/backend/reminder"
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

func (a *ReminderAPI) engine() (*reminder.Engine, error) {
	w, err := a.s.workspace()
	if err != nil {
		return nil, err
	}
	return w.Reminders, nil
}

func reminderDTO(x reminder.Active) ReminderDTO {
	return ReminderDTO{Key: x.Key, Kind: x.Kind, Title: x.Title, Body: x.Body, LinkArea: x.Link.Area, LinkID: x.Link.ID,
		DueAt: ts(x.DueAt), Status: x.Status, HeldUntil: ts(x.HeldUntil), SnoozedTill: ts(x.State.SnoozedUntil),
		DeliveredAt: ts(x.State.DeliveredAt), Desktop: x.State.Desktop}
}

// List returns every active reminder (delivered, held by quiet hours, snoozed).
func (a *ReminderAPI) List() ([]ReminderDTO, error) {
	e, err := a.engine()
	if err != nil {
		return nil, toAPI(a.s.log, "reminders.List", err)
	}
	as, err := e.List()
	if err != nil {
		return nil, toAPI(a.s.log, "reminders.List", err)
	}
	out := make([]ReminderDTO, 0, len(as))
	for _, x := range as {
		out = append(out, reminderDTO(x))
	}
	return out, nil
}

// EvaluateNow delivers what is due now (the app also does this every minute).
func (a *ReminderAPI) EvaluateNow() (EvaluationDTO, error) {
	res, err := a.s.EvaluateReminders()
	if err != nil {
		return EvaluationDTO{}, toAPI(a.s.log, "reminders.EvaluateNow", err)
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
	e, err := a.engine()
	if err != nil {
		return "", toAPI(a.s.log, "reminders.Snooze", err)
	}
	until, err := e.SnoozeChoice(key, choice)
	if err != nil {
		return "", toAPI(a.s.log, "reminders.Snooze", err)
	}
	a.s.emitCount()
	return ts(until), nil
}

// Dismiss hides a reminder for good (until what it is about changes).
func (a *ReminderAPI) Dismiss(key string) error {
	e, err := a.engine()
	if err == nil {
		err = e.Dismiss(key)
	}
	if err != nil {
		return toAPI(a.s.log, "reminders.Dismiss", err)
	}
	a.s.emitCount()
	return nil
}

// Settings returns the reminder settings.
func (a *ReminderAPI) Settings() (ReminderSettingsDTO, error) {
	e, err := a.engine()
	if err != nil {
		return ReminderSettingsDTO{}, toAPI(a.s.log, "reminders.Settings", err)
	}
	s, err := e.Settings()
	if err != nil {
		return ReminderSettingsDTO{}, toAPI(a.s.log, "reminders.Settings", err)
	}
	return ReminderSettingsDTO{TimeZone: s.TimeZone, DetectedZone: a.s.zone, Desktop: s.Desktop, Background: s.Background,
		Autostart: autostart.Enabled(a.s.getenv),
		Quiet:     QuietDTO{s.Quiet.Enabled, s.Quiet.Start, s.Quiet.End, s.Quiet.Weekends}}, nil
}

// SaveSettings validates and stores the settings; turning autostart on writes
// the XDG autostart entry, turning it off removes it.
func (a *ReminderAPI) SaveSettings(in ReminderSettingsDTO) (ReminderSettingsDTO, error) {
	e, err := a.engine()
	if err != nil {
		return in, toAPI(a.s.log, "reminders.SaveSettings", err)
	}
	s := reminder.Settings{TimeZone: strings.TrimSpace(in.TimeZone), Desktop: in.Desktop, Background: in.Background, Autostart: in.Autostart,
		Quiet: reminder.Quiet{Enabled: in.Quiet.Enabled, Start: in.Quiet.Start, End: in.Quiet.End, Weekends: in.Quiet.Weekends}}
	if _, err := e.SaveSettings(s); err != nil {
		return in, toAPI(a.s.log, "reminders.SaveSettings", err)
	}
	if in.Autostart != autostart.Enabled(a.s.getenv) {
		if err := autostart.Set(in.Autostart, a.s.exe, a.s.root, a.s.getenv); err != nil {
			return in, toAPI(a.s.log, "reminders.SaveSettings", &errs.Error{Code: errs.Unavailable, Field: "autostart", Err: err,
				Message: "Could not change the autostart entry: " + err.Error()})
		}
	}
	go a.s.EvaluateReminders() // quiet hours may have changed what is due
	return a.Settings()
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
	if !a.s.TestClockEnabled() {
		return a.Clock(), toAPI(a.s.log, "reminders.AdvanceClock", errs.E(errs.Unavailable, "The test clock is off (start Wheelhouse with WHEELHOUSE_TEST_CLOCK=1)."))
	}
	if minutes < 0 {
		return a.Clock(), toAPI(a.s.log, "reminders.AdvanceClock", errs.FieldErr("minutes", "The clock only moves forward."))
	}
	a.s.clock.SetOffset(a.s.clock.Offset() + time.Duration(minutes)*time.Minute)
	_, _ = a.s.EvaluateReminders()
	return a.Clock(), nil
}

// DismissMany dismisses several reminders (a group of the centre, or all of
// them); each is dismissed on its own and those that could not be are
// reported by key.
func (a *ReminderAPI) DismissMany(keys []string) ([]BulkProblem, error) {
	const op = "reminders.DismissMany"
	e, err := a.engine()
	if err != nil {
		return nil, toAPI(a.s.log, op, err)
	}
	problems := []BulkProblem{}
	for _, k := range keys {
		if err := e.Dismiss(k); err != nil {
			problems = append(problems, bulkProblem(a.s, op, k, err))
		}
	}
	a.s.emitCount()
	return problems, nil
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
	const op = "reminders.SnoozeMany"
	out := SnoozeManyDTO{Problems: []BulkProblem{}}
	w, err := a.s.workspace()
	if err != nil {
		return out, toAPI(a.s.log, op, err)
	}
	e := w.Reminders
	var loc *time.Location
	if err := w.Store.View(func(txn *badger.Txn) error { loc = e.LocationTx(txn); return nil }); err != nil {
		return out, toAPI(a.s.log, op, err)
	}
	until, err := reminder.SnoozeUntil(choice, a.s.clock.Now(), loc)
	if err != nil {
		return out, toAPI(a.s.log, op, errs.FieldErr("until", "%v", err))
	}
	out.Until = ts(until)
	for _, k := range keys {
		if err := e.Snooze(k, until); err != nil {
			out.Problems = append(out.Problems, bulkProblem(a.s, op, k, err))
		}
	}
	a.s.emitCount()
	return out, nil
}

// ReminderRestoreDTO is how a reminder was before a dismiss or snooze:
// snoozedUntil as List gave it ("" = not snoozed).
type ReminderRestoreDTO struct {
	Key          string `json:"key"`
	SnoozedUntil string `json:"snoozedUntil"`
}

// Restore undoes Dismiss, DismissMany, Snooze and SnoozeMany: each reminder
// is no longer dismissed and is snoozed as it was before. Only those two
// parts of its stored state change (when it was delivered is kept, so it is
// not delivered again). A reminder no longer due is reported by key.
//
// The engine has no restore of its own; this writes its state through the
// exported StatesTx/PutStateTx that the workspace import uses.
func (a *ReminderAPI) Restore(prev []ReminderRestoreDTO) ([]BulkProblem, error) {
	const op = "reminders.Restore"
	w, err := a.s.workspace()
	if err != nil {
		return nil, toAPI(a.s.log, op, err)
	}
	var problems []BulkProblem
	err = w.Store.Update(func(txn *badger.Txn) error {
		problems = []BulkProblem{} // the update may run again after a conflict
		states, err := reminder.StatesTx(txn)
		if err != nil {
			return err
		}
		byKey := make(map[string]reminder.State, len(states))
		for _, st := range states {
			byKey[st.Key] = st
		}
		for _, p := range prev {
			st, ok := byKey[p.Key]
			if !ok {
				problems = append(problems, bulkProblem(a.s, op, p.Key, errs.E(errs.NotFound, "That reminder is no longer due.")))
				continue
			}
			var until time.Time
			if p.SnoozedUntil != "" {
				if until, err = time.Parse(time.RFC3339, p.SnoozedUntil); err != nil {
					problems = append(problems, bulkProblem(a.s, op, p.Key, errs.FieldErr("snoozedUntil", "Not a time: %q.", p.SnoozedUntil)))
					continue
				}
				until = until.UTC()
			}
			st.DismissedAt, st.SnoozedUntil = time.Time{}, until
			if err := reminder.PutStateTx(txn, st); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, toAPI(a.s.log, op, err)
	}
	a.s.emitCount()
	return problems, nil
}
