package app

import (
	"time"

	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/action"
	"wheelhouse/backend/errs"
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
	FollowUps []action.Item     `json:"followUps"`
}

func (a *IncidentAPI) desk(op string) (*incident.Desk, *workspace.Workspace, error) {
	w, err := a.s.workspace()
	if err != nil {
		return nil, nil, toAPI(a.s.log, op, err)
	}
	return w.Incidents, w, nil
}

func (a *IncidentAPI) detail(op string, d *incident.Desk, in incident.Incident, err error) (IncidentDetail, error) {
	if err != nil {
		return IncidentDetail{}, toAPI(a.s.log, op, err)
	}
	fs, err := d.FollowUps(in.ID)
	if err != nil {
		return IncidentDetail{}, toAPI(a.s.log, op, err)
	}
	if fs == nil {
		fs = []action.Item{}
	}
	a.s.afterChange()
	return IncidentDetail{Incident: in, FollowUps: fs}, nil
}

// List returns incident summaries, newest first.
func (a *IncidentAPI) List(f incident.Filter) ([]incident.Summary, error) {
	d, _, err := a.desk("incidents.List")
	if err != nil {
		return nil, err
	}
	out, err := d.List(f)
	if err != nil {
		return nil, toAPI(a.s.log, "incidents.List", err)
	}
	if out == nil {
		out = []incident.Summary{}
	}
	return out, nil
}

// Get returns an incident with its follow-ups.
func (a *IncidentAPI) Get(incidentID string) (IncidentDetail, error) {
	d, _, err := a.desk("incidents.Get")
	if err != nil {
		return IncidentDetail{}, err
	}
	u, err := parseID("id", incidentID)
	if err != nil {
		return IncidentDetail{}, toAPI(a.s.log, "incidents.Get", err)
	}
	in, err := d.Get(u)
	return a.detail("incidents.Get", d, in, err)
}

// Create opens an incident.
func (a *IncidentAPI) Create(in incident.Incident) (IncidentDetail, error) {
	d, _, err := a.desk("incidents.Create")
	if err != nil {
		return IncidentDetail{}, err
	}
	out, err := d.Create(in, id.Nil)
	return a.detail("incidents.Create", d, out, err)
}

// Update saves the editable fields (title, summary, impact, times, services, tags).
func (a *IncidentAPI) Update(in incident.Incident) (IncidentDetail, error) {
	d, _, err := a.desk("incidents.Update")
	if err != nil {
		return IncidentDetail{}, err
	}
	out, err := d.Update(in)
	return a.detail("incidents.Update", d, out, err)
}

// withID parses an id and runs fn with the desk.
func (a *IncidentAPI) withID(op, incidentID string, fn func(d *incident.Desk, u id.ID) (incident.Incident, error)) (IncidentDetail, error) {
	d, _, err := a.desk(op)
	if err != nil {
		return IncidentDetail{}, err
	}
	u, err := parseID("id", incidentID)
	if err != nil {
		return IncidentDetail{}, toAPI(a.s.log, op, err)
	}
	out, err := fn(d, u)
	return a.detail(op, d, out, err)
}

// Transition changes the status (recorded on the timeline).
func (a *IncidentAPI) Transition(incidentID string, t incident.TransitionInput) (IncidentDetail, error) {
	return a.withID("incidents.Transition", incidentID, func(d *incident.Desk, u id.ID) (incident.Incident, error) {
		return d.Transition(u, t)
	})
}

// SetSeverity changes the severity (recorded on the timeline).
func (a *IncidentAPI) SetSeverity(incidentID string, s incident.SeverityInput) (IncidentDetail, error) {
	return a.withID("incidents.SetSeverity", incidentID, func(d *incident.Desk, u id.ID) (incident.Incident, error) {
		return d.SetSeverity(u, s)
	})
}

// SetRoles assigns commander, scribe, communications and responders.
func (a *IncidentAPI) SetRoles(incidentID string, r incident.RolesInput) (IncidentDetail, error) {
	return a.withID("incidents.SetRoles", incidentID, func(d *incident.Desk, u id.ID) (incident.Incident, error) {
		return d.SetRoles(u, r)
	})
}

// AddTimeline adds a manual timeline entry (its time may be in the past).
func (a *IncidentAPI) AddTimeline(incidentID string, e incident.Entry) (IncidentDetail, error) {
	return a.withID("incidents.AddTimeline", incidentID, func(d *incident.Desk, u id.ID) (incident.Incident, error) {
		return d.AddTimeline(u, e)
	})
}

// EditTimeline changes a manual timeline entry.
func (a *IncidentAPI) EditTimeline(incidentID string, e incident.Entry) (IncidentDetail, error) {
	return a.withID("incidents.EditTimeline", incidentID, func(d *incident.Desk, u id.ID) (incident.Incident, error) {
		return d.EditTimeline(u, e)
	})
}

// DeleteTimeline removes a manual timeline entry.
func (a *IncidentAPI) DeleteTimeline(incidentID, entryID string) (IncidentDetail, error) {
	return a.withID("incidents.DeleteTimeline", incidentID, func(d *incident.Desk, u id.ID) (incident.Incident, error) {
		e, err := parseID("entryId", entryID)
		if err != nil {
			return incident.Incident{}, err
		}
		return d.DeleteTimeline(u, e)
	})
}

// SaveReview saves the post-incident review.
func (a *IncidentAPI) SaveReview(incidentID string, r incident.Review) (IncidentDetail, error) {
	return a.withID("incidents.SaveReview", incidentID, func(d *incident.Desk, u id.ID) (incident.Incident, error) {
		return d.SaveReview(u, r, id.Nil)
	})
}

// SkipReview records the decision to skip the review, with its reason.
func (a *IncidentAPI) SkipReview(incidentID, reason string) (IncidentDetail, error) {
	return a.withID("incidents.SkipReview", incidentID, func(d *incident.Desk, u id.ID) (incident.Incident, error) {
		return d.SkipReview(u, reason, id.Nil)
	})
}

// AddFollowUp adds a follow-up from the incident's review.
func (a *IncidentAPI) AddFollowUp(incidentID string, it action.Item) (IncidentDetail, error) {
	return a.withID("incidents.AddFollowUp", incidentID, func(d *incident.Desk, u id.ID) (incident.Incident, error) {
		if _, err := d.AddFollowUp(u, it); err != nil {
			return incident.Incident{}, err
		}
		return d.Get(u)
	})
}

// Delete removes an incident (its follow-ups stay, see the backend).
func (a *IncidentAPI) Delete(incidentID string) error {
	d, _, err := a.desk("incidents.Delete")
	if err != nil {
		return err
	}
	u, err := parseID("id", incidentID)
	if err == nil {
		err = d.Delete(u)
	}
	if err != nil {
		return toAPI(a.s.log, "incidents.Delete", err)
	}
	a.s.afterChange()
	return nil
}

// StakeholderDraft renders a stakeholder update as Markdown; nextUpdate is
// an RFC 3339 instant ("" = in one hour).
func (a *IncidentAPI) StakeholderDraft(incidentID, nextUpdate string) (string, error) {
	d, _, err := a.desk("incidents.StakeholderDraft")
	if err != nil {
		return "", err
	}
	u, err := parseID("id", incidentID)
	if err != nil {
		return "", toAPI(a.s.log, "incidents.StakeholderDraft", err)
	}
	next := a.s.clock.Now().Add(time.Hour)
	if nextUpdate != "" {
		if next, err = time.Parse(time.RFC3339, nextUpdate); err != nil {
			return "", toAPI(a.s.log, "incidents.StakeholderDraft", errs.FieldErr("nextUpdate", "Next update must be a date and time."))
		}
	}
	md, err := d.StakeholderDraft(u, next)
	return md, toAPI(a.s.log, "incidents.StakeholderDraft", err)
}

// Markdown exports the incident and its review as Markdown.
func (a *IncidentAPI) Markdown(incidentID string) (string, error) {
	d, _, err := a.desk("incidents.Markdown")
	if err != nil {
		return "", err
	}
	u, err := parseID("id", incidentID)
	if err != nil {
		return "", toAPI(a.s.log, "incidents.Markdown", err)
	}
	md, err := d.Markdown(u)
	return md, toAPI(a.s.log, "incidents.Markdown", err)
}

// MetricsPage returns MTTA/MTTR by severity and month, incidents per service,
// rates and recurring patterns for the window (zero times: everything).
func (a *IncidentAPI) MetricsPage(w incident.Window) (incident.Page, error) {
	d, ws, err := a.desk("incidents.MetricsPage")
	if err != nil {
		return incident.Page{}, err
	}
	_ = ws.Store.View(func(txn *badger.Txn) error {
		w.Loc = ws.Reminders.LocationTx(txn)
		return nil
	})
	p, err := d.MetricsPage(w, a.s.clock.Now())
	return p, toAPI(a.s.log, "incidents.MetricsPage", err)
}

// Settings returns the severity labels and review due days.
func (a *IncidentAPI) Settings() (incident.Settings, error) {
	d, _, err := a.desk("incidents.Settings")
	if err != nil {
		return incident.Settings{}, err
	}
	s, err := d.Settings()
	return s, toAPI(a.s.log, "incidents.Settings", err)
}

// SaveSettings stores the incident settings.
func (a *IncidentAPI) SaveSettings(s incident.Settings) (incident.Settings, error) {
	d, _, err := a.desk("incidents.SaveSettings")
	if err != nil {
		return s, err
	}
	out, err := d.SaveSettings(s)
	return out, toAPI(a.s.log, "incidents.SaveSettings", err)
}
