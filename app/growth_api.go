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

// growthOf is the workspace's growth service (with the evidence checks the
// workspace registers).
func growthOf(w *workspace.Workspace) *growth.Service { return w.Growth }

func (a *GrowthAPI) service(op string) (*growth.Service, error) {
	w, err := a.s.workspace()
	if err != nil {
		return nil, toAPI(a.s.log, op, err)
	}
	return growthOf(w), nil
}

// Plan returns a person's development plan with their aspiration (from the
// roster), the ladder and what is due within two weeks. A person without a
// plan gets Exists false and an empty plan.
func (a *GrowthAPI) Plan(personID string) (growth.View, error) {
	g, err := a.service("growth.Plan")
	if err != nil {
		return growth.View{}, err
	}
	u, err := parseID("personId", personID)
	var v growth.View
	if err == nil {
		v, err = g.View(u, a.s.today())
	}
	return v, toAPI(a.s.log, "growth.Plan", err)
}

// SavePlan creates or replaces a person's plan (send back the updatedAt it
// was read with: a plan changed since is a conflict). Returns the new view.
func (a *GrowthAPI) SavePlan(p growth.Plan) (growth.View, error) {
	g, err := a.service("growth.SavePlan")
	if err != nil {
		return growth.View{}, err
	}
	today := a.s.today()
	_, err = g.SavePlan(p, today)
	return a.after("growth.SavePlan", g, p.PersonID.String(), today, err)
}

// DeletePlan removes a person's plan.
func (a *GrowthAPI) DeletePlan(personID string) error {
	g, err := a.service("growth.DeletePlan")
	if err != nil {
		return err
	}
	u, err := parseID("personId", personID)
	if err == nil {
		err = g.DeletePlan(u)
	}
	if err == nil {
		a.s.afterChange()
	}
	return toAPI(a.s.log, "growth.DeletePlan", err)
}

// SetMilestoneDone ticks a milestone off (done today) or back on.
func (a *GrowthAPI) SetMilestoneDone(personID, milestoneID string, done bool) (growth.View, error) {
	g, err := a.service("growth.SetMilestoneDone")
	if err != nil {
		return growth.View{}, err
	}
	today := a.s.today()
	p, err := parseID("personId", personID)
	var m id.ID
	if err == nil {
		m, err = parseID("milestoneId", milestoneID)
	}
	if err == nil {
		_, err = g.SetMilestoneDone(p, m, done, today)
	}
	return a.after("growth.SetMilestoneDone", g, personID, today, err)
}

// SetGoalStatus moves a goal to not_started, in_progress, done or dropped.
func (a *GrowthAPI) SetGoalStatus(personID, goalID, status string) (growth.View, error) {
	g, err := a.service("growth.SetGoalStatus")
	if err != nil {
		return growth.View{}, err
	}
	p, err := parseID("personId", personID)
	var gid id.ID
	if err == nil {
		gid, err = parseID("goalId", goalID)
	}
	if err == nil {
		_, err = g.SetGoalStatus(p, gid, growth.GoalStatus(status))
	}
	return a.after("growth.SetGoalStatus", g, personID, a.s.today(), err)
}

// AddEvidence links a record (or adds a note) to a person's plan.
func (a *GrowthAPI) AddEvidence(personID string, e growth.Evidence) (growth.View, error) {
	g, err := a.service("growth.AddEvidence")
	if err != nil {
		return growth.View{}, err
	}
	p, err := parseID("personId", personID)
	if err == nil {
		_, err = g.AddEvidence(p, e)
	}
	return a.after("growth.AddEvidence", g, personID, a.s.today(), err)
}

// RemoveEvidence unlinks one piece of evidence.
func (a *GrowthAPI) RemoveEvidence(personID, evidenceID string) (growth.View, error) {
	g, err := a.service("growth.RemoveEvidence")
	if err != nil {
		return growth.View{}, err
	}
	p, err := parseID("personId", personID)
	var e id.ID
	if err == nil {
		e, err = parseID("evidenceId", evidenceID)
	}
	if err == nil {
		_, err = g.RemoveEvidence(p, e)
	}
	return a.after("growth.RemoveEvidence", g, personID, a.s.today(), err)
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
	const op = "growth.EvidenceCandidates"
	out := EvidenceCandidates{Items: []EvidenceCandidate{}, More: []string{}, Limit: workspace.MaxEvidenceCandidates}
	w, err := a.s.workspace()
	if err != nil {
		return out, toAPI(a.s.log, op, err)
	}
	u, err := parseID("personId", personID)
	var c workspace.EvidenceCandidates
	if err == nil {
		c, err = w.EvidenceCandidates(u)
	}
	if err != nil {
		return out, toAPI(a.s.log, op, err)
	}
	for _, x := range c.Items {
		out.Items = append(out.Items, EvidenceCandidate{Kind: string(x.Kind), RefID: x.RefID.String(), Label: x.Label, Date: x.Date, Role: x.Role})
	}
	for _, k := range c.More {
		out.More = append(out.More, string(k))
	}
	return out, nil
}

// after finishes a plan write: on success it re-evaluates reminders and
// returns the fresh view; on failure the error, mapped for the bridge.
func (a *GrowthAPI) after(op string, g *growth.Service, personID, today string, err error) (growth.View, error) {
	if err != nil {
		return growth.View{}, toAPI(a.s.log, op, err)
	}
	a.s.afterChange()
	u, err := parseID("personId", personID)
	var v growth.View
	if err == nil {
		v, err = g.View(u, today)
	}
	return v, toAPI(a.s.log, op, err)
}

// PersonMentoring returns a person's mentors and mentees with their next
// check-ins, and suggested mentors for their growth areas.
func (a *GrowthAPI) PersonMentoring(personID string) (growth.PersonMentoring, error) {
	g, err := a.service("growth.PersonMentoring")
	if err != nil {
		return growth.PersonMentoring{}, err
	}
	u, err := parseID("personId", personID)
	var v growth.PersonMentoring
	if err == nil {
		v, err = g.PersonMentoring(u, a.s.today())
	}
	return v, toAPI(a.s.log, "growth.PersonMentoring", err)
}

// Mentoring returns every mentoring pair and the suggestions for new ones.
func (a *GrowthAPI) Mentoring() (growth.Mentoring, error) {
	g, err := a.service("growth.Mentoring")
	if err != nil {
		return growth.Mentoring{}, err
	}
	v, err := g.Mentoring(a.s.today())
	return v, toAPI(a.s.log, "growth.Mentoring", err)
}

// SaveMentorship creates a pair (no id; no start date starts it today) or
// saves an existing one. A second active pair of the same mentor and mentee
// is a conflict.
func (a *GrowthAPI) SaveMentorship(m growth.Mentorship) (growth.Mentorship, error) {
	g, err := a.service("growth.SaveMentorship")
	if err != nil {
		return m, err
	}
	if m.ID.IsZero() && m.StartDate == "" {
		m.StartDate = a.s.today()
	}
	out, err := g.SaveMentorship(m)
	if err == nil {
		a.s.afterChange()
	}
	return out, toAPI(a.s.log, "growth.SaveMentorship", err)
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
	g, err := a.service(op)
	if err != nil {
		return growth.Mentorship{}, err
	}
	if date == "" {
		date = a.s.today()
	}
	u, err := parseID("id", pairID)
	var out growth.Mentorship
	if err == nil {
		out, err = fn(g, u, date)
	}
	if err == nil {
		a.s.afterChange()
	}
	return out, toAPI(a.s.log, op, err)
}

// DeleteMentorship removes a pair for good.
func (a *GrowthAPI) DeleteMentorship(pairID string) error {
	g, err := a.service("growth.DeleteMentorship")
	if err != nil {
		return err
	}
	u, err := parseID("id", pairID)
	if err == nil {
		err = g.DeleteMentorship(u)
	}
	if err == nil {
		a.s.afterChange()
	}
	return toAPI(a.s.log, "growth.DeleteMentorship", err)
}
