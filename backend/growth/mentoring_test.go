package growth_test

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/errs"
	"wheelhouse/backend/growth"
	"wheelhouse/backend/id"
	"wheelhouse/backend/people"
)

func TestMentoringPairs(t *testing.T) {
	f := setup(t)
	pair, err := f.svc.SaveMentorship(growth.Mentorship{MentorID: f.kofi.ID, MenteeID: f.dana.ID, StartDate: "2026-11-02",
		Focus: []string{"Go", " go ", "Code review"}, Notes: "Weekly pairing.\n"})
	if err != nil {
		t.Fatal(err)
	}
	if pair.ID.IsZero() || pair.CheckInEveryDays != growth.DefaultCheckInDay || !reflect.DeepEqual(pair.Focus, []string{"Go", "Code review"}) ||
		pair.Notes != "Weekly pairing." || !pair.CreatedAt.Equal(now) || !pair.Active() {
		t.Fatalf("pair %+v", pair)
	}

	t.Run("bad input leaves pairs untouched", func(t *testing.T) {
		cases := []struct {
			name  string
			m     growth.Mentorship
			field string
			msg   string
		}{
			{"no mentor", growth.Mentorship{MenteeID: f.dana.ID, StartDate: today}, "mentorId", "Choose the mentor."},
			{"self", growth.Mentorship{MentorID: f.dana.ID, MenteeID: f.dana.ID, StartDate: today}, "menteeId", "someone other than the mentor"},
			{"unknown mentee", growth.Mentorship{MentorID: f.kofi.ID, MenteeID: id.New(now), StartDate: today}, "menteeId", "does not exist"},
			{"no start", growth.Mentorship{MentorID: f.kofi.ID, MenteeID: f.mei.ID}, "startDate", "When does the pairing start?"},
			{"cadence too short", growth.Mentorship{MentorID: f.kofi.ID, MenteeID: f.mei.ID, StartDate: today, CheckInEveryDays: 3}, "checkInEveryDays", "every 7 to 90 days"},
			{"cadence too long", growth.Mentorship{MentorID: f.kofi.ID, MenteeID: f.mei.ID, StartDate: today, CheckInEveryDays: 91}, "checkInEveryDays", "every 7 to 90 days"},
			{"check-in before start", growth.Mentorship{MentorID: f.kofi.ID, MenteeID: f.mei.ID, StartDate: today, LastCheckIn: "2026-11-01"}, "lastCheckIn", "before the start"},
			{"end before start", growth.Mentorship{MentorID: f.kofi.ID, MenteeID: f.mei.ID, StartDate: today, EndedOn: "2026-11-01"}, "endedOn", "The end date 2026-11-01 is before the start 2026-11-23."},
			{"too many focus areas", growth.Mentorship{MentorID: f.kofi.ID, MenteeID: f.mei.ID, StartDate: today,
				Focus: strings.Fields("a b c d e f g h i j k")}, "focus", "At most 10 focus areas"},
			{"too long notes", growth.Mentorship{MentorID: f.kofi.ID, MenteeID: f.mei.ID, StartDate: today, Notes: strings.Repeat("n", growth.MaxDescription+1)}, "notes", "too long"},
		}
		for _, c := range cases {
			_, err := f.svc.SaveMentorship(c.m)
			if fs := fields(t, err); !strings.Contains(fs[c.field], c.msg) {
				t.Errorf("%s: %s = %q, want %q (%v)", c.name, c.field, fs[c.field], c.msg, fs)
			}
		}
		if _, err := f.svc.SaveMentorship(growth.Mentorship{ID: id.New(now), MentorID: f.kofi.ID, MenteeID: f.mei.ID, StartDate: today}); !errs.Is(err, errs.NotFound) {
			t.Errorf("unknown pair id: %v", err)
		}
		mv, _ := f.svc.Mentoring(today)
		if len(mv.Pairs) != 1 {
			t.Fatalf("refused pairs were stored: %d", len(mv.Pairs))
		}
	})

	// A second active pair of the same two is a conflict; the reverse
	// direction is a different pair.
	if _, err := f.svc.SaveMentorship(growth.Mentorship{MentorID: f.kofi.ID, MenteeID: f.dana.ID, StartDate: today}); !errs.Is(err, errs.Conflict) {
		t.Fatalf("duplicate active pair: %v", err)
	} else if errs.FieldsOf(err)[0].Field != "menteeId" {
		t.Fatalf("conflict field %v", errs.FieldsOf(err))
	}
	rev, err := f.svc.SaveMentorship(growth.Mentorship{MentorID: f.dana.ID, MenteeID: f.kofi.ID, StartDate: today, CheckInEveryDays: 30})
	if err != nil {
		t.Fatalf("reverse pair: %v", err)
	}

	// Check-ins move the next one; an earlier date is refused.
	pair, err = f.svc.RecordCheckIn(pair.ID, "2026-11-16")
	if err != nil || pair.LastCheckIn != "2026-11-16" {
		t.Fatalf("check-in: %+v %v", pair, err)
	}
	if _, err := f.svc.RecordCheckIn(pair.ID, "2026-11-09"); !errs.Is(err, errs.Invalid) {
		t.Fatalf("earlier check-in: %v", err)
	}
	if _, err := f.svc.RecordCheckIn(pair.ID, "soon"); !errs.Is(err, errs.Invalid) {
		t.Fatalf("bad check-in date: %v", err)
	}

	// The person's view: Dana is mentored by Kofi and mentors Kofi.
	pm, err := f.svc.PersonMentoring(f.dana.ID, today)
	if err != nil || len(pm.Mentors) != 1 || len(pm.Mentees) != 1 || pm.Mentors[0].Mentorship.ID != pair.ID || pm.Mentees[0].Mentorship.ID != rev.ID {
		t.Fatalf("person mentoring %+v %v", pm, err)
	}
	if c := pm.Mentors[0].CheckIn; c != (growth.CheckIn{Next: "2026-11-30", Days: 7}) {
		t.Fatalf("check-in %+v", c)
	}
	if _, err := f.svc.PersonMentoring(id.New(now), today); !errs.Is(err, errs.NotFound) {
		t.Fatalf("unknown person: %v", err)
	}

	// Ending keeps the pair as history and frees the two for a new pair.
	ended, err := f.svc.EndMentorship(pair.ID, "2026-11-20")
	if err != nil || ended.Active() || ended.EndedOn != "2026-11-20" {
		t.Fatalf("end: %+v %v", ended, err)
	}
	if _, err := f.svc.RecordCheckIn(pair.ID, today); !errs.Is(err, errs.Conflict) {
		t.Fatalf("check-in on an ended pair: %v", err)
	}
	again, err := f.svc.SaveMentorship(growth.Mentorship{MentorID: f.kofi.ID, MenteeID: f.dana.ID, StartDate: today})
	if err != nil {
		t.Fatalf("new pair after the old one ended: %v", err)
	}
	// ...and reopening the old one would now clash.
	if _, err := f.svc.EndMentorship(pair.ID, ""); !errs.Is(err, errs.Conflict) {
		t.Fatalf("reopen into a duplicate: %v", err)
	}
	mv, err := f.svc.Mentoring(today)
	if err != nil || len(mv.Pairs) != 3 || mv.Pairs[2].Mentorship.ID != pair.ID || mv.Pairs[2].Active {
		t.Fatalf("all pairs (ended last): %+v %v", mv.Pairs, err)
	}

	// Archived people cannot start a pair; existing pairs may still be edited.
	if _, err := f.roster.SetArchived(f.kofi.ID, true); err != nil {
		t.Fatal(err)
	}
	if _, err := f.svc.SaveMentorship(growth.Mentorship{MentorID: f.kofi.ID, MenteeID: f.mei.ID, StartDate: today}); !strings.Contains(fields(t, err)["mentorId"], "Kofi Mensah is archived") {
		t.Fatalf("archived mentor: %v", err)
	}
	again.Notes = "Still going."
	if _, err := f.svc.SaveMentorship(again); err != nil {
		t.Fatalf("editing a pair with an archived mentor: %v", err)
	}

	if err := f.svc.DeleteMentorship(rev.ID); err != nil {
		t.Fatal(err)
	}
	if err := f.svc.DeleteMentorship(rev.ID); !errs.Is(err, errs.NotFound) {
		t.Fatalf("delete twice: %v", err)
	}
}

func TestCheckInOf(t *testing.T) {
	cases := []struct {
		name  string
		m     growth.Mentorship
		today string
		want  growth.CheckIn
	}{
		{"from the start", growth.Mentorship{StartDate: "2026-01-20", CheckInEveryDays: 14}, "2026-01-25", growth.CheckIn{Next: "2026-02-03", Days: 9}},
		{"across February into March", growth.Mentorship{StartDate: "2026-01-01", LastCheckIn: "2026-02-20", CheckInEveryDays: 14}, "2026-02-28", growth.CheckIn{Next: "2026-03-06", Days: 6}},
		{"leap year", growth.Mentorship{StartDate: "2028-02-01", LastCheckIn: "2028-02-22", CheckInEveryDays: 7}, "2028-02-28", growth.CheckIn{Next: "2028-02-29", Days: 1}},
		{"due today", growth.Mentorship{StartDate: "2026-03-01", CheckInEveryDays: 30}, "2026-03-31", growth.CheckIn{Next: "2026-03-31", Days: 0, Due: true}},
		{"overdue across the year end", growth.Mentorship{StartDate: "2025-11-01", LastCheckIn: "2025-12-20", CheckInEveryDays: 7}, "2026-01-02", growth.CheckIn{Next: "2025-12-27", Days: -6, Due: true}},
		{"a stale last check-in before the start counts from the start", growth.Mentorship{StartDate: "2026-05-01", LastCheckIn: "2026-04-01", CheckInEveryDays: 7}, "2026-05-02", growth.CheckIn{Next: "2026-05-08", Days: 6}},
		{"a start in the future", growth.Mentorship{StartDate: "2026-06-01", CheckInEveryDays: 14}, "2026-05-20", growth.CheckIn{Next: "2026-06-15", Days: 26}},
		{"ended", growth.Mentorship{StartDate: "2026-01-01", CheckInEveryDays: 7, EndedOn: "2026-02-01"}, "2026-03-01", growth.CheckIn{}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := growth.CheckInOf(&c.m, c.today); got != c.want {
				t.Fatalf("got %+v, want %+v", got, c.want)
			}
		})
	}
}

func person(name string, skills ...people.Skill) people.Person {
	return people.Person{ID: id.New(now), Name: name, Skills: skills}
}

func sk(name string, level int) people.Skill { return people.Skill{Name: name, Level: level} }

func TestSuggest(t *testing.T) {
	alex := person("Alex", sk("Go", 4), sk("Kubernetes", 3))
	bea := person("Bea", sk("go", 3))
	cai := person("Cai", sk("Go", 4))
	dev := person("Dev", sk("Go", 2), sk("SQL", 4)) // Go too low to mentor
	sam := person("Sam", sk("Go", 1))
	tia := person("Tia", sk("Go", 3))                                    // already Proficient: only an Expert can help
	old := person("Old", sk("Go", 4), sk("Kubernetes", 4), sk("SQL", 4)) // archived
	old.Archived = true
	gone := person("Gone") // archived mentee
	gone.Archived = true
	persons := []people.Person{alex, bea, cai, dev, sam, tia, old, gone}
	plans := []growth.Plan{
		{PersonID: sam.ID, GrowthAreas: []string{" GO ", "kubernetes", "Rust"}},
		{PersonID: tia.ID, GrowthAreas: []string{"Go"}},
		{PersonID: alex.ID, GrowthAreas: []string{"Go", "SQL"}}, // not their own mentor
		{PersonID: gone.ID, GrowthAreas: []string{"Go"}},
		{PersonID: id.New(now), GrowthAreas: []string{"Go"}}, // deleted person's stray plan
	}
	pairs := []growth.Mentorship{
		{MentorID: cai.ID, MenteeID: dev.ID, StartDate: today},                        // Cai has one mentee
		{MentorID: bea.ID, MenteeID: tia.ID, StartDate: today, EndedOn: "2026-11-01"}, // ended: no load
		{MentorID: cai.ID, MenteeID: tia.ID, StartDate: today},                        // active: Cai-Tia excluded
	}
	got := growth.Suggest(persons, plans, pairs, 0)
	var lines []string
	for _, s := range got {
		var skills []string
		for _, k := range s.Skills {
			skills = append(skills, fmt.Sprintf("%s %d", k.Name, k.Level))
		}
		lines = append(lines, fmt.Sprintf("%s->%s [%s] L%d load %d", s.MentorName, s.MenteeName, strings.Join(skills, ", "), s.Level, s.MentorLoad))
	}
	want := []string{
		// Level 4 first; of those, more matching skills first (Alex has Go
		// and Kubernetes for Sam), then the mentor with fewer mentees (Cai
		// has two), then mentee and mentor names. Tia (Go 3) can help Sam
		// (Go 1) but nobody at 3 can help Tia.
		"Alex->Sam [Go 4, Kubernetes 3] L4 load 0",
		"Dev->Alex [SQL 4] L4 load 0",
		"Alex->Tia [Go 4] L4 load 0",
		"Cai->Sam [Go 4] L4 load 2",
		"Bea->Sam [go 3] L3 load 0",
		"Tia->Sam [Go 3] L3 load 0",
	}
	if !reflect.DeepEqual(lines, want) {
		t.Fatalf("suggestions\n got %q\nwant %q", lines, want)
	}
	if r := got[0].Reason; r != "Alex is Expert in Go and Proficient in Kubernetes; Sam's plan lists both as growth areas." {
		t.Fatalf("reason %q", r)
	}
	if r := got[4].Reason; r != "Bea is Proficient in go; Sam's plan lists go as a growth area." {
		t.Fatalf("reason %q", r)
	}
	if r := got[3].Reason; r != "Cai is Expert in Go; Sam's plan lists Go as a growth area." {
		t.Fatalf("reason %q", r)
	}

	// Ties on everything but the names sort by mentee, then mentor name,
	// whatever the input order.
	x, y, z := person("Xu", sk("Go", 4)), person("Yan", sk("Go", 4)), person("Zed")
	a := person("Ann")
	ps := []people.Person{z, y, x, a}
	pl := []growth.Plan{{PersonID: z.ID, GrowthAreas: []string{"go"}}, {PersonID: a.ID, GrowthAreas: []string{"Go"}}}
	var order []string
	for _, s := range growth.Suggest(ps, pl, nil, 0) {
		order = append(order, s.MentorName+"->"+s.MenteeName)
	}
	if want := []string{"Xu->Ann", "Yan->Ann", "Xu->Zed", "Yan->Zed"}; !reflect.DeepEqual(order, want) {
		t.Fatalf("ties %q, want %q", order, want)
	}
	if got := growth.Suggest(ps, nil, nil, 0); len(got) != 0 {
		t.Fatalf("no plans, no suggestions: %+v", got)
	}
	// One best mentor per mentee.
	order = order[:0]
	for _, s := range growth.Suggest(ps, pl, nil, 1) {
		order = append(order, s.MentorName+"->"+s.MenteeName)
	}
	if want := []string{"Xu->Ann", "Xu->Zed"}; !reflect.DeepEqual(order, want) {
		t.Fatalf("one per mentee %q, want %q", order, want)
	}
	// Sam has four possible mentors: the cut keeps the best three.
	order = order[:0]
	for _, s := range growth.Suggest(persons, plans, pairs, 3) {
		if s.MenteeName == "Sam" {
			order = append(order, s.MentorName)
		}
	}
	if want := []string{"Alex", "Cai", "Bea"}; !reflect.DeepEqual(order, want) {
		t.Fatalf("Sam's best three %q, want %q", order, want)
	}
}

func TestSuggestionsFromTheStore(t *testing.T) {
	f := setup(t)
	// Kofi is Expert in Go, Mei Proficient in Kubernetes; Dana wants both.
	p := f.plan()
	p.GrowthAreas = []string{"kubernetes", "GO"}
	f.save(t, p)
	mv, err := f.svc.Mentoring(today)
	if err != nil || len(mv.Suggestions) != 2 || mv.Suggestions[0].MentorName != "Kofi Mensah" || mv.Suggestions[1].MentorName != "Mei Tanaka" {
		t.Fatalf("suggestions %+v %v", mv.Suggestions, err)
	}
	if _, err := f.svc.SaveMentorship(growth.Mentorship{MentorID: f.kofi.ID, MenteeID: f.dana.ID, StartDate: today, Focus: []string{"Go"}}); err != nil {
		t.Fatal(err)
	}
	pm, err := f.svc.PersonMentoring(f.dana.ID, today)
	if err != nil || len(pm.Suggestions) != 1 || pm.Suggestions[0].MentorName != "Mei Tanaka" {
		t.Fatalf("after pairing with Kofi: %+v %v", pm.Suggestions, err)
	}
}

// BenchmarkSuggestions50 is the suggestions for a team of 50, each with
// five skills and a plan of four growth areas, and 15 active pairs: read
// from the store and computed, as the mentoring view does.
func BenchmarkSuggestions50(b *testing.B) {
	f := setup(b)
	skills := []string{"Go", "Kubernetes", "SQL", "Terraform", "React", "TypeScript", "Incident command", "System design",
		"Kafka", "Postgres", "Observability", "Security", "Rust", "Python", "Public speaking"}
	var ids []id.ID
	for i := 0; i < 50; i++ {
		var ps []people.Skill
		for j := 0; j < 5; j++ {
			ps = append(ps, people.Skill{Name: skills[(i*7+j*3)%len(skills)], Level: 1 + (i+j)%4})
		}
		p, err := f.roster.CreatePerson(people.Person{Name: fmt.Sprintf("Person %02d", i), TimeZone: "UTC", Skills: dedupe(ps)})
		if err != nil {
			b.Fatal(err)
		}
		ids = append(ids, p.ID)
		areas := []string{skills[(i*5+1)%len(skills)], skills[(i*5+4)%len(skills)], skills[(i*11+2)%len(skills)], skills[(i+9)%len(skills)]}
		if _, err := f.svc.SavePlan(growth.Plan{PersonID: p.ID, GrowthAreas: areas, Goals: []growth.Goal{{Title: "Grow",
			Milestones: []growth.Milestone{{Title: "Step", DueDate: "2026-12-01"}}}}}, today); err != nil {
			b.Fatal(err)
		}
	}
	for i := 0; i < 15; i++ {
		if _, err := f.svc.SaveMentorship(growth.Mentorship{MentorID: ids[i], MenteeID: ids[49-i], StartDate: today}); err != nil {
			b.Fatal(err)
		}
	}
	mv, err := f.svc.Mentoring(today)
	if err != nil || len(mv.Suggestions) == 0 {
		b.Fatalf("no suggestions: %v", err)
	}
	b.Run("store", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			if _, err := f.svc.Mentoring(today); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(len(mv.Suggestions)), "suggestions")
	})
	// The pure ranking on data already in memory.
	var (
		persons []people.Person
		plans   []growth.Plan
		pairs   []growth.Mentorship
	)
	_ = f.st.View(func(txn *badger.Txn) error {
		persons, _ = people.Persons.List(txn)
		plans, _ = growth.Plans.List(txn)
		pairs, _ = growth.Mentorships.List(txn)
		return nil
	})
	b.Run("pure", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			growth.Suggest(persons, plans, pairs, growth.SuggestPerMentee)
		}
	})
}

func dedupe(ps []people.Skill) []people.Skill {
	seen := map[string]bool{}
	var out []people.Skill
	for _, s := range ps {
		if !seen[s.Name] {
			seen[s.Name] = true
			out = append(out, s)
		}
	}
	return out
}
