package oncall

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"wheelhouse/backend/id"
)

// pieceID is what a calendar names a final piece by.
func pieceID(p FinalPiece) string {
	if p.Gap {
		return "gap@" + p.Start.UTC().Format(time.RFC3339)
	}
	return fmt.Sprintf("%s/%d.%d.%d/%s", p.RotationID, p.Slot, p.ShiftPiece, p.Part, p.PersonID)
}

func TestFinalPiecesAreTheSameWhateverTheWindow(t *testing.T) {
	key := TeamKey(finalTeam)
	office := rotation("Europe/Berlin", 1, Weeks, "09:00", "2026-03-02", 1, 3)
	office.Restriction = &Restriction{Weekdays: []string{"mon", "tue", "wed", "thu", "fri"}, Start: "09:00", End: "17:00"}
	nights := rotation("UTC", 1, Weeks, "00:00", "2026-03-02", 2, 4)
	s := &Snapshot{Rotations: []Rotation{layered(2, 2, "Nights", nights), layered(1, 1, "Office", office)},
		People: team(4, "UTC"), Teams: map[id.ID]string{finalTeam: "Payments"},
		// D has the week of 16 March off: the night turn is covered.
		TimeOff: []TimeOff{{PersonID: pid(4), Kind: KindVacation, StartDate: "2026-03-16", EndDate: "2026-03-22"}}}

	wideFrom, wideTo := utc("2026-02-01T00:00:00Z"), utc("2026-07-01T00:00:00Z")
	wide := map[string]FinalPiece{}
	for _, p := range FinalPieces(s, key, wideFrom, wideTo) {
		if _, dup := wide[pieceID(p)]; dup {
			t.Fatalf("two pieces named %s", pieceID(p))
		}
		wide[pieceID(p)] = p
	}
	// A week of nights around office hours: 6 parts (Mon-Fri evenings/nights
	// cut by five office days); its third part starts Wednesday 16:00 UTC.
	n := 0
	for _, p := range wide {
		if p.Rotation == "Nights" && p.Start.Before(utc("2026-03-09T00:00:00Z")) && !p.Start.Before(utc("2026-03-02T00:00:00Z")) {
			n++
		}
	}
	if n != 6 {
		t.Fatalf("the first night week has %d parts, want 6", n)
	}

	rng := rand.New(rand.NewPCG(11, 3))
	for i := 0; i < 300; i++ {
		a := utc("2026-02-15T00:00:00Z").Add(time.Duration(rng.IntN(90*24*60)) * time.Minute)
		b := a.Add(time.Duration(1+rng.IntN(21*24*60)) * time.Minute)
		for _, p := range FinalPieces(s, key, a, b) {
			if !p.Start.Before(b) || !p.End.After(a) {
				t.Fatalf("window %s–%s: piece %s does not overlap it", a, b, pieceID(p))
			}
			w, ok := wide[pieceID(p)]
			if !ok {
				t.Fatalf("window %s–%s: piece %s (%s–%s) is not in the wide computation", a, b, pieceID(p), p.Start, p.End)
			}
			if !w.Start.Equal(p.Start) || !w.End.Equal(p.End) || w.PersonID != p.PersonID {
				t.Fatalf("window %s–%s: piece %s is %s–%s, wide %s–%s", a, b, pieceID(p), p.Start, p.End, w.Start, w.End)
			}
		}
	}
}

// Fairness counts the hours each person was the first a page reaches: the
// final schedule, where the secondary counts only before the primary starts.
func TestFairnessCountsFirstToBePagedHours(t *testing.T) {
	p := layered(1, 1, "Primary", rotation("UTC", 1, Weeks, "09:00", "2026-01-07", 1, 2))
	sec := layered(2, 2, "Secondary", rotation("UTC", 1, Weeks, "09:00", "2026-01-05", 3, 4))
	s := &Snapshot{Rotations: []Rotation{sec, p}, People: team(4, "UTC"), Teams: map[id.ID]string{finalTeam: "Payments"}}
	rep := Fairness(s, utc("2026-01-05T00:00:00Z"), utc("2026-01-16T09:00:00Z"))
	got := map[string][2]float64{}
	for _, r := range rep.Rows {
		got[r.Name] = [2]float64{r.FirstHours, r.Hours}
	}
	want := map[string][2]float64{"A": {168, 168}, "B": {48, 48}, "C": {48, 168}, "D": {0, 96}}
	for n, w := range want {
		if got[n] != w {
			t.Errorf("%s: first-paged and on-call hours %v, want %v", n, got[n], w)
		}
	}
}
