// Package people holds the team roster: people, teams, services and who owns
// them, skills and the level ladder.
package people

import (
	"net/mail"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"wheelhouse/backend/civil"
	"wheelhouse/backend/errs"
	"wheelhouse/backend/id"
	"wheelhouse/backend/tz"
)

// Aspiration is where a person wants their career to go.
type Aspiration string

const (
	AspirationUndecided    Aspiration = "undecided"
	AspirationIC           Aspiration = "ic"
	AspirationArchitecture Aspiration = "architecture"
	AspirationManagement   Aspiration = "management"
)

// Aspirations lists the valid values in display order.
var Aspirations = []Aspiration{AspirationIC, AspirationArchitecture, AspirationManagement, AspirationUndecided}

// Criticality says when a service must be up.
type Criticality string

const (
	CriticalityCustomer24x7  Criticality = "customer_24x7"
	CriticalityBusinessHours Criticality = "business_hours"
	CriticalityInternal      Criticality = "internal"
)

// Criticalities lists the valid values, most critical first.
var Criticalities = []Criticality{CriticalityCustomer24x7, CriticalityBusinessHours, CriticalityInternal}

// Limits on free text, so a pasted novel cannot bloat the database.
const (
	MaxName   = 120
	MaxShort  = 200
	MaxNotes  = 20000
	MaxSkills = 50
	// FarFuture is how far ahead a start date may be (an accepted offer).
	FarFuture = 366 * 24 * time.Hour
)

// Skill is a skill with a proficiency from 1 (learning) to 4 (expert).
type Skill struct {
	Name  string `json:"name"`
	Level int    `json:"level"`
}

// SkillLevelNames names the proficiencies 1-4.
var SkillLevelNames = map[int]string{1: "Learning", 2: "Working", 3: "Proficient", 4: "Expert"}

// Person is someone on the roster.
type Person struct {
	ID         id.ID      `json:"id"`
	Name       string     `json:"name"`
	Email      string     `json:"email,omitempty"`
	Role       string     `json:"role,omitempty"`
	Level      string     `json:"level,omitempty"`
	TimeZone   string     `json:"timezone"`
	StartDate  string     `json:"startDate,omitempty"` // YYYY-MM-DD
	ManagerID  id.ID      `json:"managerId,omitzero"`
	Skills     []Skill    `json:"skills,omitempty"`
	Aspiration Aspiration `json:"aspiration"`
	Notes      string     `json:"notes,omitempty"`
	Archived   bool       `json:"archived,omitempty"`
	ArchivedAt time.Time  `json:"archivedAt,omitzero"`
	CreatedAt  time.Time  `json:"createdAt"`
	UpdatedAt  time.Time  `json:"updatedAt"`
}

// Team is a group of people.
type Team struct {
	ID          id.ID     `json:"id"`
	Name        string    `json:"name"`
	Description string    `json:"description,omitempty"`
	MemberIDs   []id.ID   `json:"memberIds"`
	CreatedAt   time.Time `json:"createdAt"`
	UpdatedAt   time.Time `json:"updatedAt"`
}

// Service is something the team runs. It has exactly one owning team.
type Service struct {
	ID          id.ID       `json:"id"`
	Name        string      `json:"name"`
	Description string      `json:"description,omitempty"`
	Criticality Criticality `json:"criticality"`
	TeamID      id.ID       `json:"teamId"`
	PrimaryID   id.ID       `json:"primaryId,omitzero"`
	SecondaryID id.ID       `json:"secondaryId,omitzero"`
	CreatedAt   time.Time   `json:"createdAt"`
	UpdatedAt   time.Time   `json:"updatedAt"`
}

// Rules is what record validation needs to know beyond the record itself.
type Rules struct {
	Now    time.Time
	Ladder []string
}

func clean(s string) string { return strings.TrimSpace(s) }

// Normalize trims text, de-duplicates skills and fills defaults.
func (p *Person) Normalize() {
	p.Name = clean(p.Name)
	p.Email = clean(p.Email)
	p.Role = clean(p.Role)
	p.Level = clean(p.Level)
	p.TimeZone = clean(p.TimeZone)
	p.StartDate = clean(p.StartDate)
	p.Notes = strings.TrimRight(p.Notes, " \t\r\n")
	if p.Aspiration == "" {
		p.Aspiration = AspirationUndecided
	}
	for i := range p.Skills {
		p.Skills[i].Name = clean(p.Skills[i].Name)
	}
}

// Validate checks the person on its own (not against other records).
func (p *Person) Validate(r Rules) error {
	var c errs.Collector
	if p.Name == "" {
		c.Add("name", "Name is required.")
	}
	c.MaxLen("name", "Name", p.Name, MaxName)
	if p.Email != "" {
		a, err := mail.ParseAddress(p.Email)
		if err != nil || a.Address != p.Email || !strings.Contains(p.Email, ".") {
			c.Add("email", "%q is not an e-mail address.", p.Email)
		}
		c.MaxLen("email", "E-mail", p.Email, MaxShort)
	}
	c.MaxLen("role", "Role", p.Role, MaxShort)
	if p.Level != "" && !contains(r.Ladder, p.Level) {
		c.Add("level", "Level %q is not on the level ladder (%s).", p.Level, strings.Join(r.Ladder, ", "))
	}
	if p.TimeZone == "" {
		c.Add("timezone", "Time zone is required.")
	} else if !tz.Valid(p.TimeZone) {
		c.Add("timezone", "%q is not a known time zone; pick one from the list (e.g. Europe/Berlin).", p.TimeZone)
	}
	if p.StartDate != "" {
		d, ok := civil.Parse(p.StartDate)
		switch {
		case !ok:
			c.Add("startDate", "Start date must be a date like 2024-03-01.")
		case d.Year() < 1950:
			c.Add("startDate", "Start date %s is too far in the past.", p.StartDate)
		case !r.Now.IsZero() && d.After(r.Now.Add(FarFuture)):
			c.Add("startDate", "Start date %s is more than a year away.", p.StartDate)
		}
	}
	if !p.ID.IsZero() && p.ManagerID == p.ID {
		c.Add("managerId", "A person cannot be their own manager.")
	}
	if len(p.Skills) > MaxSkills {
		c.Add("skills", "At most %d skills.", MaxSkills)
	}
	seen := map[string]bool{}
	for i, s := range p.Skills {
		f := "skills." + strconv.Itoa(i)
		if s.Name == "" {
			c.Add(f+".name", "Skill name is required.")
		}
		c.MaxLen(f+".name", "Skill name", s.Name, MaxShort)
		if s.Level < 1 || s.Level > 4 {
			c.Add(f+".level", "Proficiency must be 1 to 4.")
		}
		k := strings.ToLower(s.Name)
		if s.Name != "" && seen[k] {
			c.Add(f+".name", "%q is listed twice.", s.Name)
		}
		seen[k] = true
	}
	if !containsAsp(p.Aspiration) {
		c.Add("aspiration", "Unknown career aspiration %q.", p.Aspiration)
	}
	c.MaxLen("notes", "Notes", p.Notes, MaxNotes)
	return c.Err()
}

// Normalize trims text and removes duplicate members.
func (t *Team) Normalize() {
	t.Name = clean(t.Name)
	t.Description = clean(t.Description)
	t.MemberIDs = id.Unique(t.MemberIDs)
}

// Validate checks the team on its own.
func (t *Team) Validate() error {
	var c errs.Collector
	if t.Name == "" {
		c.Add("name", "Team name is required.")
	}
	c.MaxLen("name", "Team name", t.Name, MaxName)
	c.MaxLen("description", "Description", t.Description, MaxNotes)
	return c.Err()
}

// Normalize trims text.
func (s *Service) Normalize() {
	s.Name = clean(s.Name)
	s.Description = clean(s.Description)
}

// Validate checks the service on its own.
func (s *Service) Validate() error {
	var c errs.Collector
	if s.Name == "" {
		c.Add("name", "Service name is required.")
	}
	c.MaxLen("name", "Service name", s.Name, MaxName)
	c.MaxLen("description", "Description", s.Description, MaxNotes)
	ok := false
	for _, v := range Criticalities {
		ok = ok || v == s.Criticality
	}
	if !ok {
		c.Add("criticality", "Choose a criticality: customer-facing 24/7, business hours or internal.")
	}
	if s.TeamID.IsZero() {
		c.Add("teamId", "A service needs an owning team.")
	}
	if !s.PrimaryID.IsZero() && s.PrimaryID == s.SecondaryID {
		c.Add("secondaryId", "The secondary contact must be someone other than the primary.")
	}
	return c.Err()
}

// ValidateLadder checks a level ladder: 1-20 distinct, non-empty names.
func ValidateLadder(l []string) error {
	var c errs.Collector
	if len(l) == 0 {
		c.Add("ladder", "The ladder needs at least one level.")
	}
	if len(l) > 20 {
		c.Add("ladder", "At most 20 levels.")
	}
	seen := map[string]bool{}
	for i, v := range l {
		f := "ladder." + strconv.Itoa(i)
		switch {
		case clean(v) == "":
			c.Add(f, "Level name is required.")
		case utf8.RuneCountInString(v) > 40:
			c.Add(f, "Level name is too long (at most 40 characters).")
		case seen[strings.ToLower(clean(v))]:
			c.Add(f, "%q is listed twice.", clean(v))
		}
		seen[strings.ToLower(clean(v))] = true
	}
	return c.Err()
}

// DefaultLadder is the ladder of a new workspace.
var DefaultLadder = []string{"L1", "L2", "L3", "L4", "L5", "L6", "L7"}

func contains(l []string, v string) bool {
	for _, x := range l {
		if x == v {
			return true
		}
	}
	return false
}

func containsAsp(a Aspiration) bool {
	for _, x := range Aspirations {
		if x == a {
			return true
		}
	}
	return false
}

// ManagerCycle walks the management chain upward from manager and reports
// whether it reaches person (which would make a cycle). managerOf returns a
// person's manager, or Nil when there is none or the person is unknown.
func ManagerCycle(person, manager id.ID, managerOf func(id.ID) id.ID) bool {
	seen := map[id.ID]bool{}
	for cur := manager; !cur.IsZero(); cur = managerOf(cur) {
		if cur == person {
			return true
		}
		if seen[cur] {
			return false // a pre-existing loop elsewhere; not ours to report
		}
		seen[cur] = true
	}
	return false
}

var zeroTime time.Time

// Stamps gives store.Stamp the team's id and times.
func (t *Team) Stamps() (*id.ID, *time.Time, *time.Time) { return &t.ID, &t.CreatedAt, &t.UpdatedAt }

// Stamps gives store.Stamp the service's id and times.
func (s *Service) Stamps() (*id.ID, *time.Time, *time.Time) { return &s.ID, &s.CreatedAt, &s.UpdatedAt }
