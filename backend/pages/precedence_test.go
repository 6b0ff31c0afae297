package pages_test

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"wheelhouse/backend/id"
	"wheelhouse/backend/oncall"
	"wheelhouse/backend/pages"
)

// A page nobody acknowledged goes to whom the team's final schedule shows:
// within layer 1 a restricted office-hours rotation wins its hours over the
// 24x7 primary, even though the primary was made first (the old fallback
// took the first-made rotation of the lowest layer).
func TestOnCallFallbackFollowsTheFinalSchedule(t *testing.T) {
	f := newFixture(t)
	office, err := f.w.OnCall.SaveRotation(oncall.Rotation{Name: "Payments office", TeamID: f.primary.TeamID, Layer: 1, TimeZone: "Europe/Berlin",
		Participants: []id.ID{f.ann.ID}, ShiftLength: oncall.ShiftLength{N: 1, Unit: oncall.Weeks}, HandoffTime: "09:00",
		StartDate: "2026-11-02", Restriction: &oncall.Restriction{Weekdays: []string{"mon", "tue", "wed", "thu", "fri"}, Start: "09:00", End: "17:00"}})
	if err != nil {
		t.Fatal(err)
	}
	// Tuesday 10 Nov (Carla's primary week): 10:00 and 20:00 Berlin, and
	// Saturday 14 Nov 11:00 — nobody acknowledged any of them.
	csv := "id,created_at,service_name,acknowledged_user_names\n" +
		"P1,2026-11-10T10:00:00+01:00,payments-api,\n" +
		"P2,2026-11-10T20:00:00+01:00,payments-api,\n" +
		"P3,2026-11-14T11:00:00+01:00,payments-api,\n"
	path := filepath.Join(t.TempDir(), "pd.csv")
	if err := os.WriteFile(path, []byte(csv), 0o600); err != nil {
		t.Fatal(err)
	}
	if res, err := f.w.Pages.Apply(pages.OpenFile(path), pages.Options{}); err != nil || res.Added != 3 {
		t.Fatalf("import: %+v %v", res, err)
	}
	got := f.stored(t)
	want := map[string][2]id.ID{
		"P1": {f.ann.ID, office.ID},
		"P2": {f.carla.ID, f.primary.ID},
		"P3": {f.carla.ID, f.primary.ID},
	}
	for k, w := range want {
		var p pages.Page
		for _, x := range got {
			if x.SourceID == k {
				p = x
			}
		}
		if p.ResponderID != w[0] || p.RotationID != w[1] || p.ResponderBy != pages.ByOnCall {
			t.Errorf("%s: responder %s on %s by %q, want %s on %s", k, p.ResponderID, p.RotationID, p.ResponderBy, w[0], w[1])
		}
		// The same person as the team's final schedule at that instant.
		fin, err := f.w.OnCall.Final(f.primary.TeamID, p.Created, p.Created.Add(time.Second))
		if err != nil || len(fin) != 1 || fin[0].PersonID != p.ResponderID || fin[0].RotationID != p.RotationID {
			t.Errorf("%s: the final schedule says %+v (%v), the import %s on %s", k, fin, err, p.ResponderID, p.RotationID)
		}
	}
}
