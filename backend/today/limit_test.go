package today

import "testing"

// The day carries at most ListLimit items a section; the counts stay exact.
func TestDayListsAreCappedCountsAreNot(t *testing.T) {
	d := Day{}
	for i := 0; i < 1157; i++ {
		d.FollowUps.Overdue = append(d.FollowUps.Overdue, FollowUp{Title: "late"})
	}
	for i := 0; i < 3; i++ {
		d.FollowUps.DueSoon = append(d.FollowUps.DueSoon, FollowUp{Title: "soon"})
	}
	d.FollowUps.Count = 1160
	d.Incidents.Items = make([]Incident, 45)
	d.Incidents.Count = 45
	d.limit(ListLimit)
	fu := d.FollowUps
	if len(fu.Overdue) != ListLimit || fu.OverdueCount != 1157 || len(fu.DueSoon) != 3 || fu.DueSoonCount != 3 || fu.Count != 1160 {
		t.Errorf("follow-ups: %d/%d overdue, %d/%d soon, count %d", len(fu.Overdue), fu.OverdueCount, len(fu.DueSoon), fu.DueSoonCount, fu.Count)
	}
	if len(d.Incidents.Items) != ListLimit || d.Incidents.Count != 45 {
		t.Errorf("incidents: %d listed, count %d", len(d.Incidents.Items), d.Incidents.Count)
	}
}
