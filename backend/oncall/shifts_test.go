package oncall

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"wheelhouse/backend/civil"
	"wheelhouse/backend/id"
)

// pid is a readable fixed person id: pid(1) ... pid(9).
func pid(n int) id.ID { return id.ID{15: byte(n), 0: 0x01, 6: 0x70, 8: 0x80} }

var rid = id.ID{0: 0x02, 6: 0x70, 8: 0x80, 15: 1}

func utc(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t
}

// team returns people 1..n named A, B, C ... in zone.
func team(n int, zone string) map[id.ID]PersonInfo {
	m := map[id.ID]PersonInfo{}
	for i := 1; i <= n; i++ {
		m[pid(i)] = PersonInfo{Name: string(rune('A' + i - 1)), TimeZone: zone}
	}
	return m
}

func rotation(zone string, n int, unit Unit, handoff, start string, people ...int) Rotation {
	r := Rotation{ID: rid, Name: "Primary", Layer: 1, TimeZone: zone, ShiftLength: ShiftLength{N: n, Unit: unit},
		HandoffTime: handoff, StartDate: start, RequiredCoverage: Coverage24x7}
	for _, p := range people {
		r.Participants = append(r.Participants, pid(p))
	}
	return r
}

// holders renders shifts as "A 2026-03-06T07:30Z+24h0m0s" lines.
func holders(s *Snapshot, shifts []Shift) string {
	var b strings.Builder
	for _, x := range shifts {
		who := s.Name(x.PersonID)
		if x.Gap {
			who = "GAP"
		}
		fmt.Fprintf(&b, "%d.%d %s %s %s %s\n", x.Slot, x.Piece, who, x.Reason, x.Start.UTC().Format("2006-01-02T15:04Z"), x.Duration())
	}
	return b.String()
}

func check(t *testing.T, got, want string) {
	t.Helper()
	got, want = strings.TrimSpace(got), strings.TrimSpace(want)
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

func TestHandoffsKeepLocalTimeAcrossDST(t *testing.T) {
	for _, c := range []struct {
		name     string
		rot      Rotation
		from, to string
		want     string
	}{
		{"new york daily 02:30: spring-forward gap hands off at 03:00",
			rotation("America/New_York", 1, Days, "02:30", "2026-03-06", 1, 2),
			"2026-03-06T07:30:00Z", "2026-03-09T12:00:00Z", `
0.0 A scheduled 2026-03-06T07:30Z 24h0m0s
1.0 B scheduled 2026-03-07T07:30Z 23h30m0s
2.0 A scheduled 2026-03-08T07:00Z 23h30m0s
3.0 B scheduled 2026-03-09T06:30Z 24h0m0s`},
		{"new york daily 01:30: fall-back overlap hands off at the first 01:30",
			rotation("America/New_York", 1, Days, "01:30", "2026-10-31", 1, 2),
			"2026-10-31T05:30:00Z", "2026-11-02T12:00:00Z", `
0.0 A scheduled 2026-10-31T05:30Z 24h0m0s
1.0 B scheduled 2026-11-01T05:30Z 25h0m0s
2.0 A scheduled 2026-11-02T06:30Z 24h0m0s`},
		{"berlin weekly monday 10:00 across the March change",
			rotation("Europe/Berlin", 1, Weeks, "10:00", "2026-03-16", 1, 2, 3),
			"2026-03-16T09:00:00Z", "2026-04-06T00:00:00Z", `
0.0 A scheduled 2026-03-16T09:00Z 168h0m0s
1.0 B scheduled 2026-03-23T09:00Z 167h0m0s
2.0 C scheduled 2026-03-30T08:00Z 168h0m0s`},
		{"berlin daily 02:30 in the October overlap",
			rotation("Europe/Berlin", 1, Days, "02:30", "2026-10-24", 1, 2),
			"2026-10-24T00:30:00Z", "2026-10-26T02:00:00Z", `
0.0 A scheduled 2026-10-24T00:30Z 24h0m0s
1.0 B scheduled 2026-10-25T00:30Z 25h0m0s
2.0 A scheduled 2026-10-26T01:30Z 24h0m0s`},
		{"lord howe daily 02:15: a 30-minute spring-forward gap",
			rotation("Australia/Lord_Howe", 1, Days, "02:15", "2026-10-03", 1, 2),
			"2026-10-02T15:45:00Z", "2026-10-05T00:00:00Z", `
0.0 A scheduled 2026-10-02T15:45Z 23h45m0s
1.0 B scheduled 2026-10-03T15:30Z 23h45m0s
2.0 A scheduled 2026-10-04T15:15Z 24h0m0s`},
		{"lord howe daily 01:45: the 30-minute overlap takes the first",
			rotation("Australia/Lord_Howe", 1, Days, "01:45", "2026-04-04", 1, 2),
			"2026-04-03T14:45:00Z", "2026-04-05T18:00:00Z", `
0.0 A scheduled 2026-04-03T14:45Z 24h0m0s
1.0 B scheduled 2026-04-04T14:45Z 24h30m0s
2.0 A scheduled 2026-04-05T15:15Z 24h0m0s`},
		{"hours are absolute: 12-hour shifts straight through the New York gap",
			rotation("America/New_York", 12, Hours, "08:00", "2026-03-07", 1, 2),
			"2026-03-07T13:00:00Z", "2026-03-09T00:00:00Z", `
0.0 A scheduled 2026-03-07T13:00Z 12h0m0s
1.0 B scheduled 2026-03-08T01:00Z 12h0m0s
2.0 A scheduled 2026-03-08T13:00Z 12h0m0s`},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := &Snapshot{Rotations: []Rotation{c.rot}, People: team(3, c.rot.TimeZone)}
			check(t, holders(s, Shifts(s, rid, utc(c.from), utc(c.to))), c.want)
		})
	}
}

func TestWindowReturnsWholeOverlappingShifts(t *testing.T) {
	s := &Snapshot{Rotations: []Rotation{rotation("Europe/Berlin", 1, Weeks, "10:00", "2026-01-05", 1, 2, 3)}, People: team(3, "UTC")}
	got := Shifts(s, rid, utc("2026-01-14T00:00:00Z"), utc("2026-01-14T00:00:01Z"))
	check(t, holders(s, got), "1.0 B scheduled 2026-01-12T09:00Z 168h0m0s")
	if got := Shifts(s, rid, utc("2025-01-01T00:00:00Z"), utc("2026-01-05T09:00:00Z")); len(got) != 0 {
		t.Errorf("shifts before the first handoff: %v", got)
	}
	if got := Shifts(s, id.New(time.Now()), utc("2026-01-01T00:00:00Z"), utc("2026-02-01T00:00:00Z")); got != nil {
		t.Errorf("unknown rotation: %v", got)
	}
	// Far in the future (slot 520): the slot index is found without walking.
	check(t, holders(s, Shifts(s, rid, utc("2036-01-01T00:00:00Z"), utc("2036-01-01T00:00:01Z"))),
		"521.0 C scheduled 2035-12-31T09:00Z 168h0m0s")
}

func TestExclusionReplacesWholeShiftWithNextAvailable(t *testing.T) {
	r := rotation("UTC", 1, Weeks, "09:00", "2026-01-05", 1, 2, 3, 4)
	base := func() *Snapshot { return &Snapshot{Rotations: []Rotation{r}, People: team(4, "UTC")} }
	from, to := utc("2026-01-05T09:00:00Z"), utc("2026-02-02T09:00:00Z")

	t.Run("one day off takes the whole week: fair cover passes over both neighbours", func(t *testing.T) {
		s := base()
		s.TimeOff = []TimeOff{{PersonID: pid(2), Kind: KindVacation, StartDate: "2026-01-14", EndDate: "2026-01-14"}}
		sch := Compute(s, rid, from, to)
		check(t, holders(s, sch.Shifts), `
0.0 A scheduled 2026-01-05T09:00Z 168h0m0s
1.0 D replacement 2026-01-12T09:00Z 168h0m0s
2.0 C scheduled 2026-01-19T09:00Z 168h0m0s
3.0 D scheduled 2026-01-26T09:00Z 168h0m0s`)
		if sch.Shifts[1].ReplacedPersonID != pid(2) || !strings.Contains(sch.Shifts[1].Notes, "covers for B (vacation)") {
			t.Errorf("replacement: %+v", sch.Shifts[1])
		}
		if len(sch.Ledger) != 1 || sch.Ledger[0].Skipped != pid(2) || sch.Ledger[0].CoveredBy != pid(4) || sch.Ledger[0].PaidBack {
			t.Errorf("ledger %+v", sch.Ledger)
		}
	})
	t.Run("the one left who is neither neighbour", func(t *testing.T) {
		s := base()
		s.TimeOff = []TimeOff{
			{PersonID: pid(2), Kind: KindSick, Start: utc("2026-01-18T20:00:00Z"), End: utc("2026-01-19T12:00:00Z")},
			{PersonID: pid(3), Kind: KindVacation, StartDate: "2026-01-10", EndDate: "2026-01-13"},
		}
		check(t, holders(s, Shifts(s, rid, from, utc("2026-01-19T09:00:00Z"))), `
0.0 A scheduled 2026-01-05T09:00Z 168h0m0s
1.0 D replacement 2026-01-12T09:00Z 168h0m0s`)
	})
	t.Run("a region holiday is the whole local day of the person", func(t *testing.T) {
		s := base()
		s.People[pid(1)] = PersonInfo{Name: "A", TimeZone: "Pacific/Auckland"}
		s.Regions = []Region{{Name: "NZ", MemberIDs: []id.ID{pid(1)}, Holidays: []Holiday{{Date: "2026-01-05", Name: "Day after"}}}}
		// 2026-01-05 in Auckland (UTC+13) ends at 2026-01-05T11:00Z: after the 09:00Z handoff.
		// B's turn comes next: C and D tie (no history), C is first after A.
		check(t, holders(s, Shifts(s, rid, from, utc("2026-01-06T00:00:00Z"))), "0.0 C replacement 2026-01-05T09:00Z 168h0m0s")
		s2 := base()
		s2.People[pid(1)] = PersonInfo{Name: "A", TimeZone: "America/Los_Angeles"}
		s2.Regions = []Region{{Name: "US", MemberIDs: []id.ID{pid(1)}, Holidays: []Holiday{{Date: "2026-01-04", Name: "Day before"}}}}
		// 2026-01-04 in Los Angeles ends at 2026-01-05T08:00Z: before the handoff.
		check(t, holders(s2, Shifts(s2, rid, from, utc("2026-01-06T00:00:00Z"))), "0.0 A scheduled 2026-01-05T09:00Z 168h0m0s")
	})
	t.Run("everyone away: a gap, never an empty span", func(t *testing.T) {
		s := base()
		for i := 1; i <= 4; i++ {
			s.TimeOff = append(s.TimeOff, TimeOff{PersonID: pid(i), Kind: KindVacation, StartDate: "2026-01-13", EndDate: "2026-01-13"})
		}
		sch := Compute(s, rid, from, utc("2026-01-19T09:00:00Z"))
		check(t, holders(s, sch.Shifts), `
0.0 A scheduled 2026-01-05T09:00Z 168h0m0s
1.0 GAP gap 2026-01-12T09:00Z 168h0m0s`)
		g := sch.Shifts[1]
		if !g.Gap || !g.PersonID.IsZero() || g.ReplacedPersonID != pid(2) || !strings.Contains(g.Notes, "nobody available") {
			t.Errorf("gap %+v", g)
		}
	})
	t.Run("payback: the skipped person takes the covering person's next turn", func(t *testing.T) {
		s := base()
		s.Rotations[0].Payback = true
		s.TimeOff = []TimeOff{{PersonID: pid(2), Kind: KindVacation, StartDate: "2026-01-12", EndDate: "2026-01-16"}}
		sch := Compute(s, rid, from, utc("2026-02-16T09:00:00Z"))
		check(t, holders(s, sch.Shifts), `
0.0 A scheduled 2026-01-05T09:00Z 168h0m0s
1.0 D replacement 2026-01-12T09:00Z 168h0m0s
2.0 C scheduled 2026-01-19T09:00Z 168h0m0s
3.0 B payback 2026-01-26T09:00Z 168h0m0s
4.0 A scheduled 2026-02-02T09:00Z 168h0m0s
5.0 B scheduled 2026-02-09T09:00Z 168h0m0s`)
		if len(sch.Ledger) != 1 || !sch.Ledger[0].PaidBack || sch.Ledger[0].PaidSlot != 3 {
			t.Errorf("ledger %+v", sch.Ledger)
		}
		// A window that starts after the debt still replays it.
		check(t, holders(s, Shifts(s, rid, utc("2026-01-27T00:00:00Z"), utc("2026-01-28T00:00:00Z"))), "3.0 B payback 2026-01-26T09:00Z 168h0m0s")
	})
}

func TestOverridesAndSwapsWin(t *testing.T) {
	r := rotation("UTC", 1, Weeks, "09:00", "2026-01-05", 1, 2, 3)
	s := &Snapshot{Rotations: []Rotation{r}, People: team(4, "UTC"),
		TimeOff: []TimeOff{{PersonID: pid(4), Kind: KindVacation, StartDate: "2026-01-07", EndDate: "2026-01-07"}},
		Overrides: []Override{
			{RotationID: rid, PersonID: pid(4), Start: utc("2026-01-06T18:00:00Z"), End: utc("2026-01-08T09:00:00Z"), Note: "covering the offsite"},
			// across the handoff: cut at the slot boundary
			{RotationID: rid, PersonID: pid(3), Start: utc("2026-01-12T06:00:00Z"), End: utc("2026-01-12T12:00:00Z")},
		},
		Swaps: []Swap{{RotationID: rid, SlotA: 2, SlotB: 3}},
	}
	got := Shifts(s, rid, utc("2026-01-05T09:00:00Z"), utc("2026-02-02T09:00:00Z"))
	check(t, holders(s, got), `
0.0 A scheduled 2026-01-05T09:00Z 33h0m0s
0.0 D override 2026-01-06T18:00Z 39h0m0s
0.1 A scheduled 2026-01-08T09:00Z 93h0m0s
0.0 C override 2026-01-12T06:00Z 3h0m0s
1.0 C override 2026-01-12T09:00Z 3h0m0s
1.0 B scheduled 2026-01-12T12:00Z 165h0m0s
2.0 A swap 2026-01-19T09:00Z 168h0m0s
3.0 C swap 2026-01-26T09:00Z 168h0m0s`)
	if !got[1].Unavailable || !strings.Contains(got[1].Notes, "D is away (vacation)") || got[1].ReplacedPersonID != pid(1) {
		t.Errorf("override of someone away is flagged: %+v", got[1])
	}
	if got[6].ReplacedPersonID != pid(3) || got[6].Unavailable {
		t.Errorf("swap %+v", got[6])
	}
}

func TestRestrictionKeepsOnlyItsWindows(t *testing.T) {
	r := rotation("Europe/Berlin", 1, Weeks, "09:00", "2026-03-23", 1, 2)
	r.Restriction = &Restriction{Weekdays: []string{"mon", "tue", "wed", "thu", "fri"}, Start: "09:00", End: "17:00"}
	s := &Snapshot{Rotations: []Rotation{r}, People: team(2, "UTC")}
	check(t, holders(s, Shifts(s, rid, utc("2026-03-23T00:00:00Z"), utc("2026-03-30T12:00:00Z"))), `
0.0 A scheduled 2026-03-23T08:00Z 8h0m0s
0.1 A scheduled 2026-03-24T08:00Z 8h0m0s
0.2 A scheduled 2026-03-25T08:00Z 8h0m0s
0.3 A scheduled 2026-03-26T08:00Z 8h0m0s
0.4 A scheduled 2026-03-27T08:00Z 8h0m0s
1.0 B scheduled 2026-03-30T07:00Z 8h0m0s`)

	// Nights crossing midnight, weekends only, daily handoff at 12:00.
	n := rotation("UTC", 1, Days, "12:00", "2026-01-02", 1, 2)
	n.Restriction = &Restriction{Weekdays: []string{"fri", "sat"}, Start: "18:00", End: "06:00"}
	s = &Snapshot{Rotations: []Rotation{n}, People: team(2, "UTC")}
	check(t, holders(s, Shifts(s, rid, utc("2026-01-02T12:00:00Z"), utc("2026-01-05T12:00:00Z"))), `
0.0 A scheduled 2026-01-02T18:00Z 12h0m0s
1.0 B scheduled 2026-01-03T18:00Z 12h0m0s`)
}

// Random rotations, time off and overrides: every instant after the first
// handoff is covered exactly once (a shift or a reported gap) for rotations
// without restriction, and no unavailable person is on call unless an
// override or swap put them there (flagged).
func TestPropertyCoverageAndAvailability(t *testing.T) {
	zones := []string{"UTC", "Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Asia/Kolkata"}
	units := []Unit{Hours, Days, Weeks}
	checked, gaps, repl := 0, 0, 0
	defer func() { t.Logf("checked %d shifts (%d gaps, %d replacements)", checked, gaps, repl) }()
	for seed := uint64(1); seed <= 300; seed++ {
		rng := rand.New(rand.NewPCG(seed, 7))
		np := 1 + rng.IntN(5)
		r := rotation(zones[rng.IntN(len(zones))], 1+rng.IntN(3), units[rng.IntN(3)],
			fmt.Sprintf("%02d:%02d", rng.IntN(24), 15*rng.IntN(4)), fmt.Sprintf("2026-0%d-%02d", 1+rng.IntN(9), 1+rng.IntN(28)))
		for i := 1; i <= np; i++ {
			r.Participants = append(r.Participants, pid(i))
		}
		r.Payback = rng.IntN(3) == 0
		s := &Snapshot{Rotations: []Rotation{r}, People: map[id.ID]PersonInfo{}}
		for i := 1; i <= 6; i++ {
			s.People[pid(i)] = PersonInfo{Name: string(rune('A' + i - 1)), TimeZone: zones[rng.IntN(len(zones))]}
		}
		from := utc("2026-01-01T00:00:00Z").Add(time.Duration(rng.IntN(300*24)) * time.Hour)
		to := from.Add(time.Duration(24+rng.IntN(60*24)) * time.Hour)
		for i := 0; i < rng.IntN(12); i++ {
			p := pid(1 + rng.IntN(np))
			st := from.Add(time.Duration(rng.IntN(70*24)-5*24) * time.Hour)
			if rng.IntN(2) == 0 {
				s.TimeOff = append(s.TimeOff, TimeOff{PersonID: p, Kind: KindVacation, Start: st, End: st.Add(time.Duration(1+rng.IntN(200)) * time.Hour)})
			} else {
				d := st.Format(civil.Layout)
				s.TimeOff = append(s.TimeOff, TimeOff{PersonID: p, Kind: KindSick, StartDate: d, EndDate: st.AddDate(0, 0, rng.IntN(4)).Format(civil.Layout)})
			}
		}
		if rng.IntN(2) == 0 {
			s.Regions = []Region{{Name: "R", MemberIDs: []id.ID{pid(1), pid(2)}, Holidays: []Holiday{{Date: from.AddDate(0, 0, 3).Format(civil.Layout), Name: "H"}}}}
		}
		ovEnd := from
		for i := 0; i < rng.IntN(4); i++ {
			st := ovEnd.Add(time.Duration(rng.IntN(20*24)) * time.Hour)
			en := st.Add(time.Duration(1+rng.IntN(72)) * time.Hour)
			s.Overrides = append(s.Overrides, Override{RotationID: rid, PersonID: pid(1 + rng.IntN(6)), Start: st, End: en})
			ovEnd = en
		}
		if rng.IntN(3) == 0 {
			s.Swaps = []Swap{{RotationID: rid, SlotA: rng.IntN(20), SlotB: 20 + rng.IntN(20)}}
		}
		shifts := Shifts(s, rid, from, to)
		first, _, _ := SlotBounds(s, rid, 0)
		cur := maxT(from, first)
		if len(shifts) > 0 && shifts[0].Start.After(cur) {
			t.Fatalf("seed %d: uncovered %s..%s\n%s", seed, cur, shifts[0].Start, holders(s, shifts))
		}
		if len(shifts) > 0 {
			cur = shifts[0].Start
		}
		for _, x := range shifts {
			if !x.Start.Equal(cur) {
				t.Fatalf("seed %d: shift at %s, expected %s (overlap or hole)\n%s", seed, x.Start, cur, holders(s, shifts))
			}
			if !x.End.After(x.Start) {
				t.Fatalf("seed %d: empty shift %+v", seed, x)
			}
			cur = x.End
			checked++
			if x.Gap {
				gaps++
			}
			if x.Reason == ReasonReplacement {
				repl++
			}
			_, away := s.Unavailable(x.PersonID, x.Start, x.End)
			switch {
			case x.Gap:
				for _, p := range r.Participants {
					// a gap only when everyone is away for some part of its slot
					ss, se, _ := SlotBounds(s, rid, x.Slot)
					if _, a := s.Unavailable(p, ss, se); !a {
						t.Fatalf("seed %d: gap at %s but %s is available", seed, x.Start, s.Name(p))
					}
				}
			case x.Reason == ReasonOverride:
				if away != x.Unavailable {
					t.Fatalf("seed %d: %s %s on %s: away=%v flagged=%v", seed, x.Reason, s.Name(x.PersonID), x.Start, away, x.Unavailable)
				}
			case x.Reason == ReasonSwap: // flagged for the whole slot
				if away && !x.Unavailable {
					t.Fatalf("seed %d: %s %s on %s: away=%v flagged=%v", seed, x.Reason, s.Name(x.PersonID), x.Start, away, x.Unavailable)
				}
			default:
				if away {
					t.Fatalf("seed %d: %s scheduled (%s) while away at %s\n%s", seed, s.Name(x.PersonID), x.Reason, x.Start, holders(s, shifts))
				}
			}
		}
		if len(shifts) > 0 && cur.Before(to) {
			t.Fatalf("seed %d: coverage ends at %s before %s", seed, cur, to)
		}
	}
}
