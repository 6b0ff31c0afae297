package app

import (
	"time"

	"wheelhouse/backend/errs"
	"wheelhouse/backend/followup"
	"wheelhouse/backend/id"
	"wheelhouse/backend/incident"
	"wheelhouse/backend/workspace"
)

// IncidentAPI is bound to the frontend: incidents, their timeline, roles,
// reviews and follow-ups, and the metrics page. The backend types cross the
// bridge directly: their ids and times carry ts_type:"string" tags, so the
// generated TypeScript is exact (docs/decisions/0006-binding-domain-types.md).
type IncidentAPI struct{ s *Shell }

// NewIncidentAPI binds to shell s.
func NewIncidentAPI(s *Shell) *IncidentAPI { return &IncidentAPI{s} }

// IncidentDetail is one incident with its follow-ups.
type IncidentDetail struct {
	Incident  incident.Incident `json:"incident"`
	FollowUps []followup.Item   `json:"followUps"`
}

// detail is an incident with its follow-ups.
func detail(d *incident.Desk, in incident.Incident) (IncidentDetail, error) {
	fs, err := d.FollowUps(in.ID)
	if err != nil {
		return IncidentDetail{}, err
	}
	return IncidentDetail{Incident: in, FollowUps: nonNil(fs)}, nil
}

// List returns incident summaries, newest first.
func (a *IncidentAPI) List(f incident.Filter) ([]incident.Summary, error) {
	return readList(a.s, "incident.List", func(w *workspace.Workspace) ([]incident.Summary, error) { return w.Incidents.List(f) })
}

// Get returns an incident with its follow-ups.
func (a *IncidentAPI) Get(incidentID string) (IncidentDetail, error) {
	return read(a.s, "incident.Get", func(w *workspace.Workspace) (IncidentDetail, error) {
		in, err := withID("id", incidentID, w.Incidents.Get)
		if err != nil {
			return IncidentDetail{}, err
		}
		return detail(w.Incidents, in)
	})
}

// edit runs a write to an incident (fn, given the desk and the parsed
// incidentID; "" for a new one) and returns it with its follow-ups.
func (a *IncidentAPI) edit(op, incidentID string, fn func(d *incident.Desk, u id.ID) (incident.Incident, error)) (IncidentDetail, error) {
	return write(a.s, op, func(w *workspace.Workspace) (IncidentDetail, error) {
		in, err := withID("id", incidentID, func(u id.ID) (incident.Incident, error) { return fn(w.Incidents, u) })
		if err != nil {
			return IncidentDetail{}, err
		}
		return detail(w.Incidents, in)
	})
}

// Create opens an incident.
func (a *IncidentAPI) Create(in incident.Incident) (IncidentDetail, error) {
	return a.edit("incident.Create", "", func(d *incident.Desk, _ id.ID) (incident.Incident, error) { return d.Create(in, id.Nil) })
}

// Update saves the editable fields (title, summary, impact, times, services, tags).
func (a *IncidentAPI) Update(in incident.Incident) (IncidentDetail, error) {
	return a.edit("incident.Update", "", func(d *incident.Desk, _ id.ID) (incident.Incident, error) { return d.Update(in) })
}

// Transition changes the status (recorded on the timeline).
func (a *IncidentAPI) Transition(incidentID string, t incident.TransitionInput) (IncidentDetail, error) {
	return a.edit("incident.Transition", incidentID, func(d *incident.Desk, u id.ID) (incident.Incident, error) {
		return d.Transition(u, t)
	})
}

// SetSeverity changes the severity (recorded on the timeline).
func (a *IncidentAPI) SetSeverity(incidentID string, s incident.SeverityInput) (IncidentDetail, error) {
	return a.edit("incident.SetSeverity", incidentID, func(d *incident.Desk, u id.ID) (incident.Incident, error) {
		return d.SetSeverity(u, s)
	})
}

// SetRoles assigns commander, scribe, communications and responders.
func (a *IncidentAPI) SetRoles(incidentID string, r incident.RolesInput) (IncidentDetail, error) {
	return a.edit("incident.SetRoles", incidentID, func(d *incident.Desk, u id.ID) (incident.Incident, error) {
		return d.SetRoles(u, r)
	})
}

// AddTimeline adds a manual timeline entry (its time may be in the past).
func (a *IncidentAPI) AddTimeline(incidentID string, e incident.Entry) (IncidentDetail, error) {
	return a.edit("incident.AddTimeline", incidentID, func(d *incident.Desk, u id.ID) (incident.Incident, error) {
		return d.AddTimeline(u, e)
	})
}

// EditTimeline changes a manual timeline entry.
func (a *IncidentAPI) EditTimeline(incidentID string, e incident.Entry) (IncidentDetail, error) {
	return a.edit("incident.EditTimeline", incidentID, func(d *incident.Desk, u id.ID) (incident.Incident, error) {
		return d.EditTimeline(u, e)
	})
}

// DeleteTimeline removes a manual timeline entry.
func (a *IncidentAPI) DeleteTimeline(incidentID, entryID string) (IncidentDetail, error) {
	return a.edit("incident.DeleteTimeline", incidentID, func(d *incident.Desk, u id.ID) (incident.Incident, error) {
		return withID("entryId", entryID, func(e id.ID) (incident.Incident, error) { return d.DeleteTimeline(u, e) })
	})
}

// SaveReview saves the post-incident review.
func (a *IncidentAPI) SaveReview(incidentID string, r incident.Review) (IncidentDetail, error) {
	return a.edit("incident.SaveReview", incidentID, func(d *incident.Desk, u id.ID) (incident.Incident, error) {
		return d.SaveReview(u, r, id.Nil)
	})
}

// SkipReview records the decision to skip the review, with its reason.
func (a *IncidentAPI) SkipReview(incidentID, reason string) (IncidentDetail, error) {
	return a.edit("incident.SkipReview", incidentID, func(d *incident.Desk, u id.ID) (incident.Incident, error) {
		return d.SkipReview(u, reason, id.Nil)
	})
}

// AddFollowUp adds a follow-up from the incident's review.
func (a *IncidentAPI) AddFollowUp(incidentID string, it followup.Item) (IncidentDetail, error) {
	return a.edit("incident.AddFollowUp", incidentID, func(d *incident.Desk, u id.ID) (incident.Incident, error) {
		if _, err := d.AddFollowUp(u, it); err != nil {
			return incident.Incident{}, err
		}
		return d.Get(u)
	})
}

// Delete removes an incident (its follow-ups stay, see the backend).
func (a *IncidentAPI) Delete(incidentID string) error {
	return change(a.s, "incident.Delete", func(w *workspace.Workspace) error { return byID("id", incidentID, w.Incidents.Delete) })
}

// StakeholderDraft renders a stakeholder update as Markdown; nextUpdate is
// an RFC 3339 instant ("" = in one hour).
func (a *IncidentAPI) StakeholderDraft(incidentID, nextUpdate string) (string, error) {
	return read(a.s, "incident.StakeholderDraft", func(w *workspace.Workspace) (string, error) {
		u, err := parseID("id", incidentID)
		if err != nil {
			return "", err
		}
		next := a.s.clock.Now().Add(time.Hour)
		if nextUpdate != "" {
			if next, err = time.Parse(time.RFC3339, nextUpdate); err != nil {
				return "", errs.FieldErr("nextUpdate", "Next update must be a date and time.")
			}
		}
		return w.Incidents.StakeholderDraft(u, next)
	})
}

// Markdown exports the incident and its review as Markdown.
func (a *IncidentAPI) Markdown(incidentID string) (string, error) {
	return read(a.s, "incident.Markdown", func(w *workspace.Workspace) (string, error) {
		return withID("id", incidentID, w.Incidents.Markdown)
	})
}

// MetricsPage returns MTTA/MTTR by severity and month, incidents per service,
// rates and recurring patterns for the window (zero times: everything).
func (a *IncidentAPI) MetricsPage(win incident.Window) (incident.Page, error) {
	return read(a.s, "incident.MetricsPage", func(w *workspace.Workspace) (incident.Page, error) {
		win.Loc = w.Location()
		return w.Incidents.MetricsPage(win, a.s.clock.Now())
	})
}

// Settings returns the severity labels and review due days.
func (a *IncidentAPI) Settings() (incident.Settings, error) {
	return read(a.s, "incident.Settings", func(w *workspace.Workspace) (incident.Settings, error) { return w.Incidents.Settings() })
}

// SaveSettings stores the incident settings.
func (a *IncidentAPI) SaveSettings(s incident.Settings) (incident.Settings, error) {
	return write(a.s, "incident.SaveSettings", func(w *workspace.Workspace) (incident.Settings, error) {
		return w.Incidents.SaveSettings(s)
	})
}
