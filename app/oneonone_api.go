package app

import (
	"wheelhouse/backend/brief"
	"wheelhouse/backend/feedback"
	"wheelhouse/backend/followup"
	"wheelhouse/backend/id"
	"wheelhouse/backend/oneonone"
	"wheelhouse/backend/workspace"
)

// OneOnOneAPI is bound to the frontend: 1:1 cadences and meetings, feedback,
// the 1:1 prep brief and team health. Domain types cross the bridge directly
// (docs/decisions/0006-binding-domain-types.md).
type OneOnOneAPI struct{ s *Shell }

// NewOneOnOneAPI binds to shell s.
func NewOneOnOneAPI(s *Shell) *OneOnOneAPI { return &OneOnOneAPI{s} }

// PersonOneOnOnes is a person's 1:1 page (oneonone.PersonPage).
type PersonOneOnOnes oneonone.PersonPage

// Person returns a person's 1:1 page.
func (a *OneOnOneAPI) Person(personID string) (PersonOneOnOnes, error) {
	return read(a.s, "oneonone.Person", func(w *workspace.Workspace) (PersonOneOnOnes, error) {
		p, err := withID("personId", personID, func(u id.ID) (oneonone.PersonPage, error) {
			return w.OneOnOnes.Page(u, a.s.today(w))
		})
		return PersonOneOnOnes(p), err
	})
}

// Statuses lists every report's cadence status, overdue first (dashboard).
func (a *OneOnOneAPI) Statuses() ([]oneonone.CadenceStatus, error) {
	return readList(a.s, "oneonone.Statuses", func(w *workspace.Workspace) ([]oneonone.CadenceStatus, error) {
		return w.OneOnOnes.Statuses(a.s.today(w))
	})
}

// SaveSeries sets a person's cadence.
func (a *OneOnOneAPI) SaveSeries(s oneonone.Series) (oneonone.Series, error) {
	return write(a.s, "oneonone.SaveSeries", func(w *workspace.Workspace) (oneonone.Series, error) {
		return w.OneOnOnes.SaveSeries(s)
	})
}

// CheckSeries returns warnings by field for a cadence being edited (they do
// not stop a save): "time" when the 1:1 meets while the clocks change in the
// manager's zone.
func (a *OneOnOneAPI) CheckSeries(s oneonone.Series) (map[string]string, error) {
	return read(a.s, "oneonone.CheckSeries", func(w *workspace.Workspace) (map[string]string, error) {
		return w.OneOnOnes.CheckSeries(s, a.s.today(w))
	})
}

// DeleteSeries stops tracking a person's cadence (meetings stay).
func (a *OneOnOneAPI) DeleteSeries(personID string) error {
	return change(a.s, "oneonone.DeleteSeries", func(w *workspace.Workspace) error {
		return byID("personId", personID, w.OneOnOnes.DeleteSeries)
	})
}

// StartMeeting plans a 1:1 with a person on date ("" for today), carrying
// over the unfinished topics of the previous one.
func (a *OneOnOneAPI) StartMeeting(personID, date string) (oneonone.Meeting, error) {
	return write(a.s, "oneonone.StartMeeting", func(w *workspace.Workspace) (oneonone.Meeting, error) {
		return withID("personId", personID, func(u id.ID) (oneonone.Meeting, error) {
			return w.OneOnOnes.StartMeeting(u, a.s.orToday(w, date), nil)
		})
	})
}

// SaveMeeting saves a meeting's agenda, notes, check-in, date and status.
func (a *OneOnOneAPI) SaveMeeting(m oneonone.Meeting) (oneonone.Meeting, error) {
	return write(a.s, "oneonone.SaveMeeting", func(w *workspace.Workspace) (oneonone.Meeting, error) {
		return w.OneOnOnes.SaveMeeting(m)
	})
}

// DeleteMeeting deletes a meeting without follow-ups.
func (a *OneOnOneAPI) DeleteMeeting(meetingID string) error {
	return change(a.s, "oneonone.DeleteMeeting", func(w *workspace.Workspace) error {
		return byID("id", meetingID, w.OneOnOnes.DeleteMeeting)
	})
}

// MeetingFollowUps lists the follow-ups agreed in a meeting.
func (a *OneOnOneAPI) MeetingFollowUps(meetingID string) ([]followup.Item, error) {
	return readList(a.s, "oneonone.MeetingFollowUps", func(w *workspace.Workspace) ([]followup.Item, error) {
		return withID("id", meetingID, w.OneOnOnes.FollowUps)
	})
}

// AddFollowUp records a follow-up agreed in a meeting.
func (a *OneOnOneAPI) AddFollowUp(meetingID string, it followup.Item) (followup.Item, error) {
	return write(a.s, "oneonone.AddFollowUp", func(w *workspace.Workspace) (followup.Item, error) {
		return withID("id", meetingID, func(u id.ID) (followup.Item, error) { return w.OneOnOnes.AddFollowUp(u, it) })
	})
}

// SeriesICS is a person's 1:1 series as an .ics calendar (one recurring
// event; no agenda or notes).
type SeriesICS struct {
	Name string `json:"name"` // file name without extension
	ICS  string `json:"ics"`
	Path string `json:"path,omitempty"` // set by SaveSeriesICS
}

func (a *OneOnOneAPI) seriesICS(w *workspace.Workspace, personID string) (SeriesICS, error) {
	f, err := withID("personId", personID, func(u id.ID) (oneonone.SeriesFile, error) {
		return w.OneOnOnes.SeriesICS(u, a.s.clock.Now())
	})
	return SeriesICS{Name: f.Name, ICS: f.ICS}, err
}

// SeriesICS returns the .ics text of a person's 1:1 series.
func (a *OneOnOneAPI) SeriesICS(personID string) (SeriesICS, error) {
	return read(a.s, "oneonone.SeriesICS", func(w *workspace.Workspace) (SeriesICS, error) { return a.seriesICS(w, personID) })
}

// SaveSeriesICS asks where to save a person's 1:1 series and writes it. An
// empty path means the user cancelled.
func (a *OneOnOneAPI) SaveSeriesICS(personID string) (SeriesICS, error) {
	return read(a.s, "oneonone.SaveSeriesICS", func(w *workspace.Workspace) (SeriesICS, error) {
		out, err := a.seriesICS(w, personID)
		if err == nil {
			out.Path, err = a.s.saveText(out.Name+".ics", "iCalendar (*.ics)", "*.ics", out.ICS)
			out.ICS = ""
		}
		return out, err
	})
}

// PersonFeedback is a person's feedback with its balance (feedback.PersonPage).
type PersonFeedback feedback.PersonPage

// Feedback returns a person's feedback and balance.
func (a *OneOnOneAPI) Feedback(personID string) (PersonFeedback, error) {
	return read(a.s, "oneonone.Feedback", func(w *workspace.Workspace) (PersonFeedback, error) {
		p, err := withID("personId", personID, func(u id.ID) (feedback.PersonPage, error) {
			return w.Feedback.Page(u, a.s.today(w))
		})
		return PersonFeedback(p), err
	})
}

// SaveFeedback creates or updates a feedback entry.
func (a *OneOnOneAPI) SaveFeedback(e feedback.Entry) (feedback.Entry, error) {
	return write(a.s, "oneonone.SaveFeedback", func(w *workspace.Workspace) (feedback.Entry, error) { return w.Feedback.Save(e) })
}

// DeliverFeedback marks an entry delivered on date ("" for today), how.
func (a *OneOnOneAPI) DeliverFeedback(entryID, date string, how feedback.Channel) (feedback.Entry, error) {
	return write(a.s, "oneonone.DeliverFeedback", func(w *workspace.Workspace) (feedback.Entry, error) {
		return withID("id", entryID, func(u id.ID) (feedback.Entry, error) {
			return w.Feedback.Deliver(u, a.s.orToday(w, date), how)
		})
	})
}

// DeleteFeedback deletes an entry.
func (a *OneOnOneAPI) DeleteFeedback(entryID string) error {
	return change(a.s, "oneonone.DeleteFeedback", func(w *workspace.Workspace) error {
		return byID("id", entryID, w.Feedback.Delete)
	})
}

// FeedbackSettings reads when drafts go stale (the Settings view).
func (a *OneOnOneAPI) FeedbackSettings() (feedback.Settings, error) {
	return read(a.s, "oneonone.FeedbackSettings", func(w *workspace.Workspace) (feedback.Settings, error) { return w.Feedback.Settings() })
}

// SaveFeedbackSettings sets when drafts go stale.
func (a *OneOnOneAPI) SaveFeedbackSettings(st feedback.Settings) (feedback.Settings, error) {
	return write(a.s, "oneonone.SaveFeedbackSettings", func(w *workspace.Workspace) (feedback.Settings, error) {
		return w.Feedback.SaveSettings(st)
	})
}

func (a *OneOnOneAPI) brief(w *workspace.Workspace, personID string, includePrivate bool) (brief.Brief, error) {
	return withID("personId", personID, func(u id.ID) (brief.Brief, error) {
		return w.Briefs.Build(u, a.s.clock.Now(), includePrivate)
	})
}

// Brief is the 1:1 prep brief of a person. Private notes only when asked.
func (a *OneOnOneAPI) Brief(personID string, includePrivate bool) (brief.Brief, error) {
	return read(a.s, "oneonone.Brief", func(w *workspace.Workspace) (brief.Brief, error) {
		return a.brief(w, personID, includePrivate)
	})
}

// BriefMarkdown is the brief as Markdown, to copy or download.
type BriefMarkdown struct {
	Name     string `json:"name"` // file name without extension
	Markdown string `json:"markdown"`
	Path     string `json:"path,omitempty"`
}

func (a *OneOnOneAPI) briefMarkdown(w *workspace.Workspace, personID string, includePrivate bool) (BriefMarkdown, error) {
	b, err := a.brief(w, personID, includePrivate)
	if err != nil {
		return BriefMarkdown{}, err
	}
	return BriefMarkdown{Name: "1-1 prep " + b.Person.Name + " " + b.Today, Markdown: brief.Markdown(&b)}, nil
}

// BriefMarkdown renders the brief as Markdown.
func (a *OneOnOneAPI) BriefMarkdown(personID string, includePrivate bool) (BriefMarkdown, error) {
	return read(a.s, "oneonone.BriefMarkdown", func(w *workspace.Workspace) (BriefMarkdown, error) {
		return a.briefMarkdown(w, personID, includePrivate)
	})
}

// SaveBriefMarkdown asks where to save the brief and writes it. An empty
// path means the user cancelled.
func (a *OneOnOneAPI) SaveBriefMarkdown(personID string, includePrivate bool) (BriefMarkdown, error) {
	return read(a.s, "oneonone.SaveBriefMarkdown", func(w *workspace.Workspace) (BriefMarkdown, error) {
		out, err := a.briefMarkdown(w, personID, includePrivate)
		if err == nil {
			out.Path, err = a.s.saveText(out.Name+".md", "Markdown (*.md)", "*.md", out.Markdown)
			out.Markdown = ""
		}
		return out, err
	})
}

// Health is the team health view of a team ("" for everyone).
func (a *OneOnOneAPI) Health(teamID string) (brief.Health, error) {
	return read(a.s, "oneonone.Health", func(w *workspace.Workspace) (brief.Health, error) {
		return withID("teamId", teamID, func(u id.ID) (brief.Health, error) { return w.Briefs.Health(u, a.s.clock.Now()) })
	})
}
