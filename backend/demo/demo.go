// Package demo generates realistic, deterministic workspaces: a small one to
// explore the app and a large one (five years, 50 people) for benchmarks.
package demo

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"wheelhouse/backend/civil"
	"wheelhouse/backend/clock"
	"wheelhouse/backend/errs"
	"wheelhouse/backend/id"
	"wheelhouse/backend/people"
	"wheelhouse/backend/store"
	"wheelhouse/backend/workspace"
)

// Size of a generated workspace.
type Size string

const (
	Small Size = "small" // one team of 8, plus its manager; 6 incidents
	Large Size = "large" // 50 people over 5 years, several teams; 2,000 incidents, 20,000 follow-ups
)

// ParseSize reads a size name.
func ParseSize(s string) (Size, error) {
	switch Size(s) {
	case Small, Large:
		return Size(s), nil
	}
	return "", errs.FieldErr("size", "Unknown demo size %q: choose small or large.", s)
}

var firstNames = []string{"Dana", "Kofi", "Mei", "Lars", "Priya", "Tomás", "Aisha", "Jonas", "Yuki", "Marta",
	"Olu", "Sven", "Ines", "Ravi", "Chloé", "Mateo", "Hana", "Nikolai", "Zara", "Emeka", "Lea", "Arjun", "Sofia",
	"Kenji", "Amara", "Felix", "Noor", "Diego", "Elif", "Bram", "Ngozi", "Oskar", "Leila", "Pavel", "Ana", "Idris",
	"Freya", "Tariq", "Mila", "Haruto", "Esi", "Luca", "Saanvi", "Jakub", "Ife", "Rosa", "Kwame", "Astrid", "Omar", "Lin"}
var lastNames = []string{"Xu", "Mensah", "Lindqvist", "Raman", "Ortega", "Bello", "Schmidt", "Tanaka", "Kowalska",
	"Adeyemi", "Berg", "Moreau", "Iyer", "Rossi", "Sato", "Petrov", "Haddad", "Okafor", "Fischer", "Nair", "Silva",
	"Yamamoto", "Asante", "Novak", "Dubois", "Kaya", "Jansen", "Eze", "Larsen", "Costa"}
var zones = []string{"Europe/Berlin", "Europe/London", "America/New_York", "America/Los_Angeles", "Asia/Kolkata",
	"Europe/Warsaw", "Africa/Lagos", "Asia/Tokyo", "Australia/Sydney", "America/Sao_Paulo", "Europe/Lisbon",
	"Australia/Lord_Howe"}
var skills = []string{"Go", "TypeScript", "PostgreSQL", "Kubernetes", "Terraform", "Kafka", "React", "Observability",
	"Incident command", "Security", "Payments domain", "iOS", "Android", "Data modelling", "Performance tuning",
	"Technical writing", "Rust", "gRPC"}
var roles = map[string]string{"L2": "Software Engineer", "L3": "Software Engineer", "L4": "Senior Software Engineer",
	"L5": "Staff Engineer", "L6": "Principal Engineer", "L1": "Associate Engineer", "L7": "Distinguished Engineer"}
var teamNames = []string{"Payments", "Platform", "Checkout", "Identity", "Data", "Mobile"}
var serviceNames = []string{"payments-api", "ledger", "fraud-scoring", "k8s-platform", "ci-runners", "checkout-web",
	"cart-service", "auth-gateway", "user-profile", "event-pipeline", "warehouse-etl", "mobile-bff", "push-notifier",
	"search-api", "pricing-engine", "invoice-renderer", "feature-flags", "metrics-store", "status-page", "sso-bridge",
	"recommendation", "email-sender", "webhooks", "admin-console", "audit-log"}

// Generate builds a workspace snapshot. The same size and now give the same
// workspace (the random source is seeded).
func Generate(size Size, now time.Time) workspace.Snapshot {
	rng := rand.New(rand.NewPCG(42, uint64(len(size))))
	now = now.UTC()
	s := workspace.Snapshot{Format: workspace.Format, Version: workspace.FormatVersion, ExportedAt: now,
		Settings: workspace.Settings{LevelLadder: append([]string(nil), people.DefaultLadder...)}}
	nPeople, nTeams, nServices, years := 8, 1, 5, 3
	if size == Large {
		nPeople, nTeams, nServices, years = 49, 6, 25, 5 // 50 with the manager
	}
	pick := func(l []string) string { return l[rng.IntN(len(l))] }
	created := now.AddDate(-years, 0, 0)
	newID := func() id.ID {
		created = created.Add(time.Duration(1+rng.IntN(3600)) * time.Second)
		return id.New(created)
	}

	mgr := people.Person{ID: newID(), Name: "Alex Morgan", Email: "alex.morgan@example.com", Role: "Engineering Manager",
		Level: "L6", TimeZone: "Europe/Berlin", StartDate: now.AddDate(-years, -2, 0).Format(civil.Layout),
		Aspiration: people.AspirationManagement, Skills: []people.Skill{{Name: "Incident command", Level: 4}, {Name: "Go", Level: 3}},
		Notes: "That's you: the demo's engineering manager.", CreatedAt: created, UpdatedAt: created}
	s.People = append(s.People, mgr)

	used := map[string]bool{}
	levels := []string{"L2", "L3", "L3", "L4", "L4", "L4", "L5", "L5", "L6"}
	asp := people.Aspirations
	for i := 0; i < nPeople; i++ {
		var name string
		for try := 0; ; try++ {
			name = firstNames[(i+try)%len(firstNames)] + " " + pick(lastNames)
			if !used[name] {
				used[name] = true
				break
			}
		}
		lvl := pick(levels)
		start := now.AddDate(0, 0, -rng.IntN(years*365))
		p := people.Person{ID: newID(), Name: name,
			Email: strings.ToLower(strings.ReplaceAll(asciiFold(name), " ", ".")) + "@example.com",
			Role:  roles[lvl], Level: lvl, TimeZone: zones[rng.IntN(len(zones))], StartDate: start.Format(civil.Layout),
			ManagerID: mgr.ID, Aspiration: asp[rng.IntN(len(asp))], CreatedAt: created, UpdatedAt: created}
		if size == Small {
			p.TimeZone = zones[i%5]
		}
		nSk := 2 + rng.IntN(4)
		seen := map[string]bool{}
		for len(p.Skills) < nSk {
			sk := pick(skills)
			if !seen[sk] {
				seen[sk] = true
				p.Skills = append(p.Skills, people.Skill{Name: sk, Level: 1 + rng.IntN(4)})
			}
		}
		if i%4 == 0 {
			p.Notes = "Wants more ownership of cross-team projects. Prefers written feedback."
		}
		// Over five years some people leave: archived, history kept.
		if size == Large && i%9 == 8 {
			p.Archived = true
			p.ArchivedAt = now.AddDate(0, -rng.IntN(36), 0)
		}
		s.People = append(s.People, p)
	}
	// Leads: in the large workspace, the first person of each team manages it.
	for t := 0; t < nTeams; t++ {
		team := people.Team{ID: newID(), Name: teamNames[t], Description: teamNames[t] + " engineering team.",
			CreatedAt: created, UpdatedAt: created}
		var members []id.ID
		for i := 1 + t; i < len(s.People); i += nTeams {
			members = append(members, s.People[i].ID)
		}
		team.MemberIDs = members
		if size == Large && len(members) > 1 {
			lead := findPerson(s.People, members[0])
			lead.Role, lead.Level = "Engineering Lead", "L5"
			for _, m := range members[1:] {
				findPerson(s.People, m).ManagerID = lead.ID
			}
		}
		s.Teams = append(s.Teams, team)
	}
	crit := people.Criticalities
	for i := 0; i < nServices; i++ {
		team := s.Teams[i%len(s.Teams)]
		sv := people.Service{ID: newID(), Name: serviceNames[i], Criticality: crit[rng.IntN(len(crit))],
			TeamID: team.ID, Description: fmt.Sprintf("Owned by %s.", team.Name), CreatedAt: created, UpdatedAt: created}
		// Most services have contacts; a few are left without, so the overview has something to flag.
		if i%5 != 3 && len(team.MemberIDs) > 0 {
			sv.PrimaryID = team.MemberIDs[rng.IntN(len(team.MemberIDs))]
			if i%3 != 0 && len(team.MemberIDs) > 1 {
				for sv.SecondaryID = sv.PrimaryID; sv.SecondaryID == sv.PrimaryID; {
					sv.SecondaryID = team.MemberIDs[rng.IntN(len(team.MemberIDs))]
				}
			}
		}
		s.Services = append(s.Services, sv)
	}
	genIncidents(&s, size, now, rng) // incidents.go
	// On-call data (oncall.go), with its own random source.
	genOnCall(&s, size, now, uint64(len(size)))
	// 1:1s, feedback, plans and mentoring (peopledev.go).
	genPeopleDev(&s, size, now, uint64(len(size)))
	return s
}

func findPerson(ps []people.Person, u id.ID) *people.Person {
	for i := range ps {
		if ps[i].ID == u {
			return &ps[i]
		}
	}
	return nil
}

func asciiFold(s string) string {
	r := strings.NewReplacer("á", "a", "é", "e", "ó", "o", "í", "i", "ú", "u")
	return r.Replace(s)
}

// Create generates a workspace of the given size into data folder root,
// which must not hold a workspace yet, and returns what it wrote.
func Create(root string, size Size, opt workspace.Options) (workspace.Snapshot, error) {
	if opt.Clock == nil {
		opt.Clock = clock.Real{}
	}
	s := Generate(size, opt.Clock.Now())
	// The paging history goes through the pages import, into the staging
	// database, so the demo is complete or absent (pages.go).
	fill := func(st *store.Store) error {
		_, err := addPages(st, &s, size, opt.Clock)
		return err
	}
	if _, err := workspace.ImportFolderThen(root, s, false, opt, fill); err != nil {
		if errs.Is(err, errs.Conflict) {
			return s, errs.E(errs.Conflict, "The data folder %s already has a workspace; the demo only fills an empty one.", root)
		}
		return s, err
	}
	return s, nil
}
