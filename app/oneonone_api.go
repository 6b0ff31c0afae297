package app

import (
	"bytes"

	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/action"
	"wheelhouse/backend/brief"
	"wheelhouse/backend/errs"
	"wheelhouse/backend/feedback"
	"wheelhouse/backend/id"
	"wheelhouse/backend/oneonone"
	"wheelhouse/backend/people"
	"wheelhouse/backend/tz"
	"wheelhouse/backend/workspace"
)

// OneOnOneAPI is bound to the frontend: 1:1 cadences and meetings, feedback,
// the 1:1 prep brief and team health. Domain types cross the bridge directly
// (docs/decisions/0006-binding-domain-types.md).
type OneOnOneAPI struct{ s *Shell }

// NewOneOnOneAPI binds to shell s.
func NewOneOnOneAPI(s *Shell) *OneOnOneAPI { return &OneOnOneAPI{s} }

// PersonOneOnOnes is a person's 1:1 page: the cadence (if set), where it
// stands, and the meetings, newest first.
type PersonOneOnOnes struct {
	HasSeries bool                    `json:"hasSeries"`
	Series    oneonone.Series         `json:"series"`
	Status    *oneonone.CadenceStatus `json:"status,omitempty"`
	Meetings  []oneonone.Meeting      `json:"meetings"`
	// FollowUps are the open follow-ups agreed in their 1:1s.
	FollowUps []action.Brief `json:"followUps"`
	Today     string         `json:"today"`
	// Slot is the next 1:1 as the report sees it (their zone, their working
	// hours); nil without a series or when a zone is unknown.
	Slot *oneonone.Slot `json:"slot,omitempty"`
}

// Person returns a person's 1:1 page.
func (a *OneOnOneAPI) Person(personID string) (PersonOneOnOnes, error) {
	return do(a.s, "oneonone.Person", false, func(w *workspace.Workspace) (PersonOneOnOnes, error) {
		out := PersonOneOnOnes{Today: a.s.today()}
		u, err := parseID("personId", personID)
		if err != nil {
			return out, err
		}
		err = w.Store.View(func(txn *badger.Txn) error {
			p, err := people.Persons.Get(txn, u)
			if err != nil {
				return err
			}
			if out.Series, out.HasSeries, err = oneonone.SeriesTx(txn, u); err != nil {
				return err
			}
			if out.HasSeries {
				st, _, err := oneonone.StatusTx(txn, u, p.Name, out.Today)
				if err != nil {
					return err
				}
				out.Status = &st
				if rep, ok := tz.Load(p.TimeZone); ok {
					if sl, ok := oneonone.NextSlot(out.Series, out.Today, w.Reminders.LocationTx(txn), rep); ok {
						out.Slot = &sl
					}
				}
			}
			if out.Meetings, err = oneonone.MeetingsTx(txn, u, 0); err != nil {
				return err
			}
			out.FollowUps, err = oneonone.PersonFollowUpsTx(txn, u)
			return err
		})
		out.Meetings, out.FollowUps = nonNil(out.Meetings), nonNil(out.FollowUps)
		return out, err
	})
}

// Statuses lists every report's cadence status, overdue first (dashboard).
func (a *OneOnOneAPI) Statuses() ([]oneonone.CadenceStatus, error) {
	return do(a.s, "oneonone.Statuses", false, func(w *workspace.Workspace) ([]oneonone.CadenceStatus, error) {
		out, err := w.OneOnOnes.Statuses(a.s.today())
		return nonNil(out), err
	})
}

// SaveSeries sets a person's cadence.
func (a *OneOnOneAPI) SaveSeries(s oneonone.Series) (oneonone.Series, error) {
	return do(a.s, "oneonone.SaveSeries", true, func(w *workspace.Workspace) (oneonone.Series, error) {
		return w.OneOnOnes.SaveSeries(s)
	})
}

// DeleteSeries stops tracking a person's cadence (meetings stay).
func (a *OneOnOneAPI) DeleteSeries(personID string) error {
	return done(a.s, "oneonone.DeleteSeries", func(w *workspace.Workspace) error {
		u, err := parseID("personId", personID)
		if err != nil {
			return err
		}
		return w.OneOnOnes.DeleteSeries(u)
	})
}

// StartMeeting plans a 1:1 with a person on date ("" for today), carrying
// over the unfinished topics of the previous one.
func (a *OneOnOneAPI) StartMeeting(personID, date string) (oneonone.Meeting, error) {
	return do(a.s, "oneonone.StartMeeting", true, func(w *workspace.Workspace) (oneonone.Meeting, error) {
		u, err := parseID("personId", personID)
		if err != nil {
			return oneonone.Meeting{}, err
		}
		if date == "" {
			date = a.s.today()
		}
		return w.OneOnOnes.StartMeeting(u, date, nil)
	})
}

// SaveMeeting saves a meeting's agenda, notes, check-in, date and status.
func (a *OneOnOneAPI) SaveMeeting(m oneonone.Meeting) (oneonone.Meeting, error) {
	return do(a.s, "oneonone.SaveMeeting", true, func(w *workspace.Workspace) (oneonone.Meeting, error) {
		return w.OneOnOnes.SaveMeeting(m)
	})
}

// DeleteMeeting deletes a meeting without follow-ups.
func (a *OneOnOneAPI) DeleteMeeting(meetingID string) error {
	return done(a.s, "oneonone.DeleteMeeting", func(w *workspace.Workspace) error {
		u, err := parseID("id", meetingID)
		if err != nil {
			return err
		}
		return w.OneOnOnes.DeleteMeeting(u)
	})
}

// MeetingFollowUps lists the follow-ups agreed in a meeting.
func (a *OneOnOneAPI) MeetingFollowUps(meetingID string) ([]action.Item, error) {
	return do(a.s, "oneonone.MeetingFollowUps", false, func(w *workspace.Workspace) ([]action.Item, error) {
		u, err := parseID("id", meetingID)
		if err != nil {
			return nil, err
		}
		out, err := w.OneOnOnes.FollowUps(u)
		return nonNil(out), err
	})
}

// AddFollowUp records a follow-up agreed in a meeting.
func (a *OneOnOneAPI) AddFollowUp(meetingID string, it action.Item) (action.Item, error) {
	return do(a.s, "oneonone.AddFollowUp", true, func(w *workspace.Workspace) (action.Item, error) {
		u, err := parseID("id", meetingID)
		if err != nil {
			return action.Item{}, err
		}
		return w.OneOnOnes.AddFollowUp(u, it)
	})
}

// SeriesICS is a person's 1:1 series as an .ics calendar (one recurring
// event; no agenda or notes).
type SeriesICS struct {
	Name string `json:"name"` // file name without extension
	ICS  string `json:"ics"`
	Path string `json:"path,omitempty"` // set by SaveSeriesICS
}

func (a *OneOnOneAPI) seriesICS(personID string) (SeriesICS, error) {
	w, err := a.s.workspace()
	if err != nil {
		return SeriesICS{}, err
	}
	u, err := parseID("personId", personID)
	if err != nil {
		return SeriesICS{}, err
	}
	var out SeriesICS
	err = w.Store.View(func(txn *badger.Txn) error {
		p, err := people.Persons.Get(txn, u)
		if err != nil {
			return err
		}
		s, ok, err := oneonone.SeriesTx(txn, u)
		if err != nil {
			return err
		}
		if !ok {
			return errs.E(errs.Invalid, "Set a 1:1 cadence for %s first.", p.Name)
		}
		var b bytes.Buffer
		err = oneonone.WriteICS(&b, &s, oneonone.Invite{PersonName: p.Name, PersonEmail: p.Email,
			Zone: w.Reminders.LocationTx(txn), GeneratedAt: a.s.clock.Now()})
		out = SeriesICS{Name: "1-1 with " + p.Name, ICS: b.String()}
		return err
	})
	return out, err
}

// SeriesICS returns the .ics text of a person's 1:1 series.
func (a *OneOnOneAPI) SeriesICS(personID string) (SeriesICS, error) {
	out, err := a.seriesICS(personID)
	return out, toAPI(a.s.log, "oneonone.SeriesICS", err)
}

// SaveSeriesICS asks where to save a person's 1:1 series and writes it. An
// empty path means the user cancelled.
func (a *OneOnOneAPI) SaveSeriesICS(personID string) (SeriesICS, error) {
	out, err := a.seriesICS(personID)
	if err == nil {
		out.Path, err = a.s.saveText(out.Name+".ics", "iCalendar (*.ics)", "*.ics", out.ICS)
		out.ICS = ""
	}
	return out, toAPI(a.s.log, "oneonone.SaveSeriesICS", err)
}

// PersonFeedback is a person's feedback with its balance.
type PersonFeedback struct {
	Entries  []feedback.Entry  `json:"entries"` // newest first
	Balance  feedback.Balance  `json:"balance"`
	Settings feedback.Settings `json:"settings"`
	Today    string            `json:"today"`
}

// Feedback returns a person's feedback and balance.
func (a *OneOnOneAPI) Feedback(personID string) (PersonFeedback, error) {
	return do(a.s, "feedback.Person", false, func(w *workspace.Workspace) (PersonFeedback, error) {
		out := PersonFeedback{Today: a.s.today()}
		u, err := parseID("personId", personID)
		if err != nil {
			return out, err
		}
		err = w.Store.View(func(txn *badger.Txn) error {
			if _, err := people.Persons.Get(txn, u); err != nil {
				return err
			}
			if out.Entries, err = feedback.ForPersonTx(txn, u); err != nil {
				return err
			}
			if out.Settings, err = feedback.SettingsTx(txn); err != nil {
				return err
			}
			out.Balance, err = feedback.BalanceTx(txn, u, out.Today)
			return err
		})
		out.Entries = nonNil(out.Entries)
		return out, err
	})
}

// SaveFeedback creates or updates a feedback entry.
func (a *OneOnOneAPI) SaveFeedback(e feedback.Entry) (feedback.Entry, error) {
	return do(a.s, "feedback.Save", true, func(w *workspace.Workspace) (feedback.Entry, error) { return w.Feedback.Save(e) })
}

// DeliverFeedback marks an entry delivered on date ("" for today), how.
func (a *OneOnOneAPI) DeliverFeedback(entryID, date string, how feedback.Channel) (feedback.Entry, error) {
	return do(a.s, "feedback.Deliver", true, func(w *workspace.Workspace) (feedback.Entry, error) {
		u, err := parseID("id", entryID)
		if err != nil {
			return feedback.Entry{}, err
		}
		if date == "" {
			date = a.s.today()
		}
		return w.Feedback.Deliver(u, date, how)
	})
}

// DeleteFeedback deletes an entry.
func (a *OneOnOneAPI) DeleteFeedback(entryID string) error {
	return done(a.s, "feedback.Delete", func(w *workspace.Workspace) error {
		u, err := parseID("id", entryID)
		if err != nil {
			return err
		}
		return w.Feedback.Delete(u)
	})
}

// FeedbackSettings reads when drafts go stale (the Settings view).
func (a *OneOnOneAPI) FeedbackSettings() (feedback.Settings, error) {
	return do(a.s, "feedback.Settings", false, func(w *workspace.Workspace) (feedback.Settings, error) { return w.Feedback.Settings() })
}

// SaveFeedbackSettings sets when drafts go stale.
func (a *OneOnOneAPI) SaveFeedbackSettings(st feedback.Settings) (feedback.Settings, error) {
	return do(a.s, "feedback.SaveSettings", true, func(w *workspace.Workspace) (feedback.Settings, error) {
		return w.Feedback.SaveSettings(st)
	})
}

func (a *OneOnOneAPI) brief(personID string, includePrivate bool) (brief.Brief, error) {
	w, err := a.s.workspace()
	if err != nil {
		return brief.Brief{}, err
	}
	u, err := parseID("personId", personID)
	if err != nil {
		return brief.Brief{}, err
	}
	var out brief.Brief
	err = w.Store.View(func(txn *badger.Txn) error {
		loc := w.Reminders.LocationTx(txn)
		now := a.s.clock.Now()
		out, err = w.Briefs.BuildTx(txn, u, now.In(loc).Format("2006-01-02"), now, brief.Options{IncludePrivate: includePrivate, Zone: loc})
		return err
	})
	return out, err
}

// Brief is the 1:1 prep brief of a person. Private notes only when asked.
func (a *OneOnOneAPI) Brief(personID string, includePrivate bool) (brief.Brief, error) {
	out, err := a.brief(personID, includePrivate)
	return out, toAPI(a.s.log, "brief.Brief", err)
}

// BriefMarkdown is the brief as Markdown, to copy or download.
type BriefMarkdown struct {
	Name     string `json:"name"` // file name without extension
	Markdown string `json:"markdown"`
	Path     string `json:"path,omitempty"`
}

func (a *OneOnOneAPI) briefMarkdown(personID string, includePrivate bool) (BriefMarkdown, error) {
	b, err := a.brief(personID, includePrivate)
	if err != nil {
		return BriefMarkdown{}, err
	}
	return BriefMarkdown{Name: "1-1 prep " + b.Person.Name + " " + b.Today, Markdown: brief.Markdown(&b)}, nil
}

// BriefMarkdown renders the brief as Markdown.
func (a *OneOnOneAPI) BriefMarkdown(personID string, includePrivate bool) (BriefMarkdown, error) {
	out, err := a.briefMarkdown(personID, includePrivate)
	return out, toAPI(a.s.log, "brief.Markdown", err)
}

// SaveBriefMarkdown asks where to save the brief and writes it. An empty
// path means the user cancelled.
func (a *OneOnOneAPI) SaveBriefMarkdown(personID string, includePrivate bool) (BriefMarkdown, error) {
	out, err := a.briefMarkdown(personID, includePrivate)
	if err == nil {
		out.Path, err = a.s.saveText(out.Name+".md", "Markdown (*.md)", "*.md", out.Markdown)
		out.Markdown = ""
	}
	return out, toAPI(a.s.log, "brief.SaveMarkdown", err)
}

// Health is the team health view of a team ("" for everyone).
func (a *OneOnOneAPI) Health(teamID string) (brief.Health, error) {
	return do(a.s, "brief.Health", false, func(w *workspace.Workspace) (out brief.Health, err error) {
		var team id.ID
		if teamID != "" {
			if team, err = parseID("teamId", teamID); err != nil {
				return out, err
			}
		}
		err = w.Store.View(func(txn *badger.Txn) error {
			loc := w.Reminders.LocationTx(txn)
			now := a.s.clock.Now()
			out, err = w.Briefs.HealthTx(txn, team, now.In(loc).Format("2006-01-02"), now, loc)
			return err
		})
		return out, err
	})

}
