package app

import (
	"wheelhouse/backend/growth"
	"wheelhouse/backend/id"
	"wheelhouse/backend/workspace"
)

// GrowthAPI is bound to the frontend: development plans and mentoring pairs.
type GrowthAPI struct{ s *Shell }

// NewGrowthAPI binds to shell s.
func NewGrowthAPI(s *Shell) *GrowthAPI { return &GrowthAPI{s} }

// Plan returns a person's development plan with their aspiration (from the
// roster), the ladder and what is due within two weeks. A person without a
// plan gets Exists false and an empty plan.
func (a *GrowthAPI) Plan(personID string) (growth.View, error) {
	return read(a.s, "growth.Plan", func(w *workspace.Workspace) (growth.View, error) {
		return withID("personId", personID, func(u id.ID) (growth.View, error) { return w.Growth.View(u, a.s.today(w)) })
	})
}

// planWrite runs a write to a person's plan (edit, given the manager's
// date) and returns the plan's fresh view.
func (a *GrowthAPI) planWrite(op, personID string, edit func(g *growth.Service, person id.ID, today string) error) (growth.View, error) {
	return write(a.s, op, func(w *workspace.Workspace) (growth.View, error) {
		return withID("personId", personID, func(u id.ID) (growth.View, error) {
			today := a.s.today(w)
			if err := edit(w.Growth, u, today); err != nil {
				return growth.View{}, err
			}
			return w.Growth.View(u, today)
		})
	})
}

// SavePlan creates or replaces a person's plan (send back the updatedAt it
// was read with: a plan changed since is a conflict). Returns the new view.
func (a *GrowthAPI) SavePlan(p growth.Plan) (growth.View, error) {
	return a.planWrite("growth.SavePlan", p.PersonID.String(), func(g *growth.Service, _ id.ID, today string) error {
		_, err := g.SavePlan(p, today)
		return err
	})
}

// DeletePlan removes a person's plan.
func (a *GrowthAPI) DeletePlan(personID string) error {
	return change(a.s, "growth.DeletePlan", func(w *workspace.Workspace) error { return byID("personId", personID, w.Growth.DeletePlan) })
}

// SetMilestoneDone ticks a milestone off (done today) or back on.
func (a *GrowthAPI) SetMilestoneDone(personID, milestoneID string, done bool) (growth.View, error) {
	return a.planWrite("growth.SetMilestoneDone", personID, func(g *growth.Service, p id.ID, today string) error {
		return byID("milestoneId", milestoneID, func(m id.ID) error {
			_, err := g.SetMilestoneDone(p, m, done, today)
			return err
		})
	})
}

// SetGoalStatus moves a goal to not_started, in_progress, done or dropped.
func (a *GrowthAPI) SetGoalStatus(personID, goalID, status string) (growth.View, error) {
	return a.planWrite("growth.SetGoalStatus", personID, func(g *growth.Service, p id.ID, _ string) error {
		return byID("goalId", goalID, func(gid id.ID) error {
			_, err := g.SetGoalStatus(p, gid, growth.GoalStatus(status))
			return err
		})
	})
}

// AddEvidence links a record (or adds a note) to a person's plan.
func (a *GrowthAPI) AddEvidence(personID string, e growth.Evidence) (growth.View, error) {
	return a.planWrite("growth.AddEvidence", personID, func(g *growth.Service, p id.ID, _ string) error {
		_, err := g.AddEvidence(p, e)
		return err
	})
}

// RemoveEvidence unlinks one piece of evidence.
func (a *GrowthAPI) RemoveEvidence(personID, evidenceID string) (growth.View, error) {
	return a.planWrite("growth.RemoveEvidence", personID, func(g *growth.Service, p id.ID, _ string) error {
		return byID("evidenceId", evidenceID, func(e id.ID) error {
			_, err := g.RemoveEvidence(p, e)
			return err
		})
	})
}

// EvidenceCandidate is a record a person's plan could link as evidence.
type EvidenceCandidate struct {
	Kind  string `json:"kind"` // incident, feedback or followup
	RefID string `json:"refId"`
	// Label as listed: "SEV2 Payments DB failover — commander",
	// "positive feedback: Ran the failover calmly", a follow-up's title.
	Label string `json:"label"`
	Date  string `json:"date"`           // YYYY-MM-DD: started, delivered on, completed
	Role  string `json:"role,omitempty"` // incidents: their role
}

// EvidenceCandidates is what the "Link evidence" dialog lists.
type EvidenceCandidates struct {
	// Items: incidents, then feedback, then follow-ups, newest first
	// within each kind; at most Limit of each.
	Items []EvidenceCandidate `json:"items"`
	// More names the kinds that had more than Limit (the newest are listed).
	More  []string `json:"more"`
	Limit int      `json:"limit"`
}

// EvidenceCandidates lists what could be linked to a person's plan: the
// incidents they took part in (with their role), feedback delivered to them
// and the follow-ups they closed, leaving out what the plan links already.
// Link one with AddEvidence({kind, refId}).
func (a *GrowthAPI) EvidenceCandidates(personID string) (EvidenceCandidates, error) {
	return read(a.s, "growth.EvidenceCandidates", func(w *workspace.Workspace) (EvidenceCandidates, error) {
		c, err := withID("personId", personID, w.EvidenceCandidates)
		if err != nil {
			return EvidenceCandidates{}, err
		}
		return EvidenceCandidates{Limit: workspace.MaxEvidenceCandidates,
			Items: each(c.Items, func(x workspace.EvidenceCandidate) EvidenceCandidate {
				return EvidenceCandidate{Kind: string(x.Kind), RefID: x.RefID.String(), Label: x.Label, Date: x.Date, Role: x.Role}
			}),
			More: each(c.More, func(k growth.EvidenceKind) string { return string(k) })}, nil
	})
}

// PersonMentoring returns a person's mentors and mentees with their next
// check-ins, and suggested mentors for their growth areas.
func (a *GrowthAPI) PersonMentoring(personID string) (growth.PersonMentoring, error) {
	return read(a.s, "growth.PersonMentoring", func(w *workspace.Workspace) (growth.PersonMentoring, error) {
		return withID("personId", personID, func(u id.ID) (growth.PersonMentoring, error) {
			return w.Growth.PersonMentoring(u, a.s.today(w))
		})
	})
}

// Mentoring returns every mentoring pair and the suggestions for new ones.
func (a *GrowthAPI) Mentoring() (growth.Mentoring, error) {
	return read(a.s, "growth.Mentoring", func(w *workspace.Workspace) (growth.Mentoring, error) {
		return w.Growth.Mentoring(a.s.today(w))
	})
}

// SaveMentorship creates a pair (no id; no start date starts it today) or
// saves an existing one. A second active pair of the same mentor and mentee
// is a conflict.
func (a *GrowthAPI) SaveMentorship(m growth.Mentorship) (growth.Mentorship, error) {
	return write(a.s, "growth.SaveMentorship", func(w *workspace.Workspace) (growth.Mentorship, error) {
		if m.ID.IsZero() && m.StartDate == "" {
			m.StartDate = a.s.today(w)
		}
		return w.Growth.SaveMentorship(m)
	})
}

// EndMentorship ends a pair on a date ("" for today).
func (a *GrowthAPI) EndMentorship(pairID, endedOn string) (growth.Mentorship, error) {
	return a.pairEdit("growth.EndMentorship", pairID, endedOn, (*growth.Service).EndMentorship)
}

// RecordCheckIn notes a check-in of a pair on a date ("" for today).
func (a *GrowthAPI) RecordCheckIn(pairID, date string) (growth.Mentorship, error) {
	return a.pairEdit("growth.RecordCheckIn", pairID, date, (*growth.Service).RecordCheckIn)
}

func (a *GrowthAPI) pairEdit(op, pairID, date string, fn func(*growth.Service, id.ID, string) (growth.Mentorship, error)) (growth.Mentorship, error) {
	return write(a.s, op, func(w *workspace.Workspace) (growth.Mentorship, error) {
		return withID("id", pairID, func(u id.ID) (growth.Mentorship, error) { return fn(w.Growth, u, a.s.orToday(w, date)) })
	})
}

// DeleteMentorship removes a pair for good.
func (a *GrowthAPI) DeleteMentorship(pairID string) error {
	return change(a.s, "growth.DeleteMentorship", func(w *workspace.Workspace) error { return byID("id", pairID, w.Growth.DeleteMentorship) })
}
