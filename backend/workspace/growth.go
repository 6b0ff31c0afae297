package workspace

import (
	"fmt"

	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/action"
	"wheelhouse/backend/brief"
	"wheelhouse/backend/feedback"
	"wheelhouse/backend/growth"
	"wheelhouse/backend/id"
	"wheelhouse/backend/incident"
)

// planGoals feeds the prep brief with the development plan's goals and
// milestones that are due soon or late.
func planGoals(txn *badger.Txn, person id.ID, today string, within int) ([]brief.Goal, error) {
	p, ok, err := growth.PlanTx(txn, person)
	if err != nil || !ok {
		return nil, err
	}
	var out []brief.Goal
	for _, g := range growth.GoalsAttention(&p, today, within) {
		b := brief.Goal{GoalID: g.GoalID, Goal: g.GoalTitle, DueDate: g.DueDate, Late: g.Late, Days: g.Days}
		if !g.MilestoneID.IsZero() {
			b.Milestone = g.Title
		}
		out = append(out, b)
	}
	return out, nil
}

// registerEvidence lets plans link incidents, feedback and follow-ups as
// evidence: each check vouches for the record and labels it.
func registerEvidence(g *growth.Service) {
	g.RegisterEvidence(growth.EvidenceIncident, func(txn *badger.Txn, u id.ID) (string, string, error) {
		in, err := incident.Incidents.Get(txn, u)
		if err != nil {
			return "", "", err
		}
		return fmt.Sprintf("SEV%d %s", in.Severity, in.Title), in.StartedAt.UTC().Format("2006-01-02"), nil
	})
	g.RegisterEvidence(growth.EvidenceFeedback, func(txn *badger.Txn, u id.ID) (string, string, error) {
		e, err := feedback.Entries.Get(txn, u)
		if err != nil {
			return "", "", err
		}
		date := e.DeliveredOn
		if date == "" {
			date = e.CreatedAt.UTC().Format("2006-01-02")
		}
		label := e.Behaviour
		if r := []rune(label); len(r) > 80 {
			label = string(r[:79]) + "…"
		}
		return string(e.Kind) + " feedback: " + label, date, nil
	})
	g.RegisterEvidence(growth.EvidenceFollowUp, func(txn *badger.Txn, u id.ID) (string, string, error) {
		it, err := action.Items.Get(txn, u)
		if err != nil {
			return "", "", err
		}
		date := it.CreatedAt.UTC().Format("2006-01-02")
		if !it.CompletedAt.IsZero() {
			date = it.CompletedAt.UTC().Format("2006-01-02")
		}
		return "Follow-up: " + it.Title, date, nil
	})
}
