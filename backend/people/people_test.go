package people_test

import (
	"strings"
	"testing"
	"time"

	"wheelhouse/backend/clock"
	"wheelhouse/backend/errs"
	"wheelhouse/backend/id"
	"wheelhouse/backend/internal/testenv"
	"wheelhouse/backend/people"
	"wheelhouse/backend/store"
)

var now = time.Date(2026, 11, 23, 14, 30, 0, 0, time.UTC)

func newRoster(t *testing.T) (*people.Roster, *store.Store) {
	t.Helper()
	st := testenv.Store(t)
	return people.NewRoster(st, clock.NewFake(now)), st
}

// fieldErr asserts err is invalid with a message on field containing want.
func TestPersonValidation(t *testing.T) {
	rules := people.Rules{Now: now, Ladder: people.DefaultLadder}
	base := func() people.Person {
		return people.Person{Name: "Dana Xu", TimeZone: "Europe/Berlin", Aspiration: people.AspirationIC}
	}
	cases := []struct {
		name, field, want string
		edit              func(*people.Person)
	}{
		{"empty name", "name", "Name is required", func(p *people.Person) { p.Name = "   " }},
		{"name too long", "name", "too long", func(p *people.Person) { p.Name = strings.Repeat("é", 121) }},
		{"unknown zone", "timezone", "not a known time zone", func(p *people.Person) { p.TimeZone = "Mars/Olympus" }},
		{"Local is not a zone", "timezone", "not a known time zone", func(p *people.Person) { p.TimeZone = "Local" }},
		{"missing zone", "timezone", "required", func(p *people.Person) { p.TimeZone = "" }},
		{"bad email", "email", "not an e-mail", func(p *people.Person) { p.Email = "dana at example" }},
		{"email with name part", "email", "not an e-mail", func(p *people.Person) { p.Email = "Dana <d@x.io>" }},
		{"far future start", "startDate", "more than a year away", func(p *people.Person) { p.StartDate = "2028-01-01" }},
		{"ancient start", "startDate", "too far in the past", func(p *people.Person) { p.StartDate = "1900-01-01" }},
		{"malformed start", "startDate", "must be a date", func(p *people.Person) { p.StartDate = "01/02/2024" }},
		{"level off ladder", "level", "not on the level ladder", func(p *people.Person) { p.Level = "Wizard" }},
		{"skill level 5", "skills.0.level", "1 to 4", func(p *people.Person) { p.Skills = []people.Skill{{Name: "Go", Level: 5}} }},
		{"skill without name", "skills.1.name", "required", func(p *people.Person) {
			p.Skills = []people.Skill{{Name: "Go", Level: 2}, {Name: " ", Level: 2}}
		}},
		{"duplicate skill", "skills.1.name", "listed twice", func(p *people.Person) {
			p.Skills = []people.Skill{{Name: "Go", Level: 2}, {Name: "go", Level: 3}}
		}},
		{"unknown aspiration", "aspiration", "Unknown career aspiration", func(p *people.Person) { p.Aspiration = "astronaut" }},
		{"own manager", "managerId", "own manager", func(p *people.Person) { p.ID = id.New(now); p.ManagerID = p.ID }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := base()
			c.edit(&p)
			p.Normalize()
			testenv.FieldErr(t, p.Validate(rules), c.field, c.want)
		})
	}
	t.Run("valid person passes, start within a year ok", func(t *testing.T) {
		p := base()
		p.StartDate = "2027-06-01"
		p.Email = "dana@example.com"
		p.Level = "L4"
		p.Normalize()
		if err := p.Validate(rules); err != nil {
			t.Fatal(err)
		}
	})
	t.Run("all problems reported at once", func(t *testing.T) {
		p := people.Person{Name: "", TimeZone: "Nowhere/Land", Email: "x"}
		p.Normalize()
		if n := len(errs.FieldsOf(p.Validate(rules))); n != 3 {
			t.Fatalf("%d field errors, want 3 (name, email, timezone)", n)
		}
	})
}

func TestCreateAndUpdateAgainstStoredData(t *testing.T) {
	r, _ := newRoster(t)
	boss := testenv.Person(t, r, people.Person{Name: "Alex", Email: "alex@example.com"})
	lead := testenv.Person(t, r, people.Person{Name: "Kofi", ManagerID: boss.ID})
	dev := testenv.Person(t, r, people.Person{Name: "Mei", ManagerID: lead.ID})

	t.Run("duplicate email, case-insensitive", func(t *testing.T) {
		_, err := r.CreatePerson(people.Person{Name: "Other", Email: "ALEX@example.com", TimeZone: "UTC"})
		testenv.FieldErr(t, err, "email", "Alex already uses")
	})
	t.Run("keeping your own email is fine", func(t *testing.T) {
		boss.Role = "EM"
		if _, err := r.UpdatePerson(boss); err != nil {
			t.Fatal(err)
		}
	})
	t.Run("management cycle", func(t *testing.T) {
		boss.ManagerID = dev.ID
		_, err := r.UpdatePerson(boss)
		testenv.FieldErr(t, err, "managerId", "reports (directly or indirectly) to")
		got, _ := r.Person(boss.ID)
		if !got.ManagerID.IsZero() {
			t.Fatal("rejected update was written")
		}
	})
	t.Run("unknown manager", func(t *testing.T) {
		_, err := r.CreatePerson(people.Person{Name: "X", TimeZone: "UTC", ManagerID: id.New(now)})
		testenv.FieldErr(t, err, "managerId", "does not exist")
	})
	t.Run("update keeps created time and archive state", func(t *testing.T) {
		if _, err := r.SetArchived(dev.ID, true); err != nil {
			t.Fatal(err)
		}
		dev.Role = "Senior"
		up, err := r.UpdatePerson(dev)
		if err != nil {
			t.Fatal(err)
		}
		if !up.Archived || !up.CreatedAt.Equal(dev.CreatedAt) {
			t.Fatalf("update lost archive/created: %+v", up)
		}
	})
	t.Run("update of unknown person", func(t *testing.T) {
		_, err := r.UpdatePerson(people.Person{ID: id.New(now), Name: "Ghost", TimeZone: "UTC"})
		if !errs.Is(err, errs.NotFound) {
			t.Fatalf("err = %v, want not_found", err)
		}
	})
	reports, _ := r.DirectReports(boss.ID)
	if len(reports) != 1 || reports[0].ID != lead.ID {
		t.Fatalf("direct reports of Alex = %v", reports)
	}
}

func TestArchiveHidesButKeeps(t *testing.T) {
	r, _ := newRoster(t)
	a := testenv.Person(t, r, people.Person{Name: "Ana"})
	testenv.Person(t, r, people.Person{Name: "Bo"})
	if _, err := r.SetArchived(a.ID, true); err != nil {
		t.Fatal(err)
	}
	active, _ := r.People(false)
	all, _ := r.People(true)
	if len(active) != 1 || active[0].Name != "Bo" || len(all) != 2 {
		t.Fatalf("active=%v all=%v", active, all)
	}
	p, _ := r.SetArchived(a.ID, false)
	if p.Archived || !p.ArchivedAt.IsZero() {
		t.Fatalf("restore left %+v", p)
	}
}

func TestDeletePersonRemovesEveryReference(t *testing.T) {
	r, st := newRoster(t)
	boss := testenv.Person(t, r, people.Person{Name: "Alex", Email: "alex@example.com"})
	rep := testenv.Person(t, r, people.Person{Name: "Kofi", ManagerID: boss.ID})
	team, err := r.SaveTeam(people.Team{Name: "Payments", MemberIDs: []id.ID{boss.ID, rep.ID}})
	if err != nil {
		t.Fatal(err)
	}
	svc, err := r.SaveService(people.Service{Name: "ledger", Criticality: people.CriticalityInternal, TeamID: team.ID, PrimaryID: boss.ID, SecondaryID: rep.ID})
	if err != nil {
		t.Fatal(err)
	}
	im, err := r.DeleteImpact(boss.ID)
	if err != nil {
		t.Fatal(err)
	}
	joined := strings.Join(im.Items, "\n")
	for _, want := range []string{"The person Alex", "team Payments", "primary contact of service ledger", "Manager of Kofi"} {
		if !strings.Contains(joined, want) {
			t.Errorf("impact misses %q:\n%s", want, joined)
		}
	}
	if _, err := r.DeletePerson(boss.ID, "alex"); !errs.Is(err, errs.Invalid) {
		t.Fatalf("delete with wrong confirmation: %v", err)
	}
	if _, err := r.Person(boss.ID); err != nil {
		t.Fatal("unconfirmed delete removed the person")
	}
	if _, err := r.DeletePerson(boss.ID, "Alex"); err != nil {
		t.Fatal(err)
	}
	if _, err := r.Person(boss.ID); !errs.Is(err, errs.NotFound) {
		t.Fatalf("person still there: %v", err)
	}
	d, _ := r.Directory()
	if len(d.Teams[0].MemberIDs) != 1 || d.Services[0].PrimaryID != id.Nil || d.Services[0].SecondaryID != rep.ID {
		t.Fatalf("references left: team %v service %+v", d.Teams[0].MemberIDs, d.Services[0])
	}
	kofi, _ := r.Person(rep.ID)
	if !kofi.ManagerID.IsZero() {
		t.Fatal("report still points at deleted manager")
	}
	// The email is free again and no index entry dangles.
	if _, err := r.CreatePerson(people.Person{Name: "New Alex", Email: "alex@example.com", TimeZone: "UTC"}); err != nil {
		t.Fatalf("email still taken after delete: %v", err)
	}
	_ = svc
	_ = st
}

func TestTeamsAndServices(t *testing.T) {
	r, _ := newRoster(t)
	p := testenv.Person(t, r, people.Person{Name: "Ana"})
	team, err := r.SaveTeam(people.Team{Name: "Platform", MemberIDs: []id.ID{p.ID, p.ID}})
	if err != nil {
		t.Fatal(err)
	}
	if len(team.MemberIDs) != 1 {
		t.Fatalf("duplicate member kept: %v", team.MemberIDs)
	}
	_, err = r.SaveTeam(people.Team{Name: "platform "})
	testenv.FieldErr(t, err, "name", "already a team called")
	_, err = r.SaveTeam(people.Team{Name: "Ghosts", MemberIDs: []id.ID{id.New(now)}})
	testenv.FieldErr(t, err, "memberIds", "does not exist")

	_, err = r.SaveService(people.Service{Name: "api", Criticality: people.CriticalityInternal})
	testenv.FieldErr(t, err, "teamId", "needs an owning team")
	_, err = r.SaveService(people.Service{Name: "api", Criticality: people.CriticalityInternal, TeamID: id.New(now)})
	testenv.FieldErr(t, err, "teamId", "does not exist")
	_, err = r.SaveService(people.Service{Name: "api", Criticality: "sometimes", TeamID: team.ID})
	testenv.FieldErr(t, err, "criticality", "Choose a criticality")
	_, err = r.SaveService(people.Service{Name: "api", Criticality: people.CriticalityInternal, TeamID: team.ID, PrimaryID: p.ID, SecondaryID: p.ID})
	testenv.FieldErr(t, err, "secondaryId", "someone other")
	svc, err := r.SaveService(people.Service{Name: "api", Criticality: people.CriticalityInternal, TeamID: team.ID, PrimaryID: p.ID})
	if err != nil {
		t.Fatal(err)
	}
	err = r.DeleteTeam(team.ID)
	if !errs.Is(err, errs.Conflict) || !strings.Contains(errs.MessageOf(err), "Platform owns api") {
		t.Fatalf("delete owning team: %v", err)
	}
	if err := r.DeleteService(svc.ID); err != nil {
		t.Fatal(err)
	}
	if err := r.DeleteTeam(team.ID); err != nil {
		t.Fatal(err)
	}
	if err := r.DeleteTeam(team.ID); !errs.Is(err, errs.NotFound) {
		t.Fatalf("second delete: %v", err)
	}
}

func TestLadder(t *testing.T) {
	r, _ := newRoster(t)
	if l, _ := r.Ladder(); strings.Join(l, ",") != "L1,L2,L3,L4,L5,L6,L7" {
		t.Fatalf("default ladder %v", l)
	}
	testenv.Person(t, r, people.Person{Name: "Ana", Level: "L3"})
	_, err := r.SetLadder([]string{"Junior", "Mid", "Senior"})
	if !errs.Is(err, errs.Conflict) || !strings.Contains(errs.MessageOf(err), `"L3" is still held by Ana`) {
		t.Fatalf("removing a used level: %v", err)
	}
	_, err = r.SetLadder([]string{"L3", " l3 "})
	testenv.FieldErr(t, err, "ladder.1", "listed twice")
	_, err = r.SetLadder(nil)
	testenv.FieldErr(t, err, "ladder", "at least one")
	if l, err := r.SetLadder([]string{" L3 ", "Staff"}); err != nil || l[0] != "L3" {
		t.Fatalf("SetLadder = %v, %v", l, err)
	}
	_, err = r.CreatePerson(people.Person{Name: "Bo", Level: "L4", TimeZone: "UTC"})
	testenv.FieldErr(t, err, "level", "not on the level ladder (L3, Staff)")
}

func TestManagerCycle(t *testing.T) {
	a, b, c := id.New(now), id.New(now), id.New(now)
	mgr := map[id.ID]id.ID{b: a, c: b}
	of := func(u id.ID) id.ID { return mgr[u] }
	if !people.ManagerCycle(a, c, of) {
		t.Error("a managed by c (c->b->a) is a cycle")
	}
	if people.ManagerCycle(c, a, of) {
		t.Error("c managed by a is not a cycle")
	}
	loop := map[id.ID]id.ID{b: c, c: b}
	if people.ManagerCycle(a, b, func(u id.ID) id.ID { return loop[u] }) {
		t.Error("a pre-existing loop elsewhere must not be blamed on a")
	}
}
