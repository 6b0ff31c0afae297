package app

import (
	"strings"
	"time"

	"wheelhouse/backend/errs"
	"wheelhouse/backend/id"
	"wheelhouse/backend/people"
)

// DTOs cross the bridge: ids and times are strings (RFC 3339 for instants,
// YYYY-MM-DD for civil dates) so the generated TypeScript types are exact.

// SkillDTO is a skill with proficiency 1-4.
type SkillDTO struct {
	Name  string `json:"name"`
	Level int    `json:"level"`
}

// PersonInput is what the person form sends.
type PersonInput struct {
	Name       string     `json:"name"`
	Email      string     `json:"email"`
	Role       string     `json:"role"`
	Level      string     `json:"level"`
	TimeZone   string     `json:"timezone"`
	StartDate  string     `json:"startDate"`
	ManagerID  string     `json:"managerId"`
	Skills     []SkillDTO `json:"skills"`
	Aspiration string     `json:"aspiration"`
	Notes      string     `json:"notes"`
}

// PersonDTO is a person as the UI shows it.
type PersonDTO struct {
	PersonInput
	ID         string   `json:"id"`
	Archived   bool     `json:"archived"`
	ArchivedAt string   `json:"archivedAt"`
	CreatedAt  string   `json:"createdAt"`
	UpdatedAt  string   `json:"updatedAt"`
	TeamIDs    []string `json:"teamIds"`
	ReportIDs  []string `json:"reportIds"`
}

// TeamInput is what the team form sends.
type TeamInput struct {
	Name        string   `json:"name"`
	Description string   `json:"description"`
	MemberIDs   []string `json:"memberIds"`
}

// TeamDTO is a team.
type TeamDTO struct {
	TeamInput
	ID         string   `json:"id"`
	ServiceIDs []string `json:"serviceIds"`
}

// ServiceInput is what the service form sends.
type ServiceInput struct {
	Name        string `json:"name"`
	Description string `json:"description"`
	Criticality string `json:"criticality"`
	TeamID      string `json:"teamId"`
	PrimaryID   string `json:"primaryId"`
	SecondaryID string `json:"secondaryId"`
}

// ServiceDTO is a service.
type ServiceDTO struct {
	ServiceInput
	ID string `json:"id"`
}

// ImpactDTO is what a hard delete will remove.
type ImpactDTO struct {
	PersonID   string   `json:"personId"`
	PersonName string   `json:"personName"`
	Items      []string `json:"items"`
}

// ZoneDTO is one IANA zone for the picker.
type ZoneDTO struct {
	Name   string `json:"name"`
	Offset string `json:"offset"` // "UTC+05:30" now
}

// RefDTO names a record.
type RefDTO struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// LevelCountDTO is a bar of the seniority mix.
type LevelCountDTO struct {
	Level  string   `json:"level"`
	People []RefDTO `json:"people"`
}

// ServiceProblemDTO is a service lacking an owner or contact.
type ServiceProblemDTO struct {
	Service  RefDTO   `json:"service"`
	Team     RefDTO   `json:"team"`
	Problems []string `json:"problems"`
}

// SinglePointDTO is a skill only one person holds.
type SinglePointDTO struct {
	Skill       string   `json:"skill"`
	Holder      RefDTO   `json:"holder"`
	HolderLevel int      `json:"holderLevel"`
	Learners    []RefDTO `json:"learners"`
}

// LocalTimeDTO is a person's local time now.
type LocalTimeDTO struct {
	Person   RefDTO `json:"person"`
	TimeZone string `json:"timezone"`
	Local    string `json:"local"`
	Weekday  string `json:"weekday"`
	Offset   string `json:"offset"`
	Working  bool   `json:"working"`
}

// OverviewDTO is the team overview.
type OverviewDTO struct {
	Now             string              `json:"now"`
	People          int                 `json:"people"`
	Archived        int                 `json:"archived"`
	Teams           int                 `json:"teams"`
	Services        int                 `json:"services"`
	LevelMix        []LevelCountDTO     `json:"levelMix"`
	ServiceProblems []ServiceProblemDTO `json:"serviceProblems"`
	SinglePoints    []SinglePointDTO    `json:"singlePoints"`
	WithoutSkills   int                 `json:"withoutSkills"`
	LocalTimes      []LocalTimeDTO      `json:"localTimes"`
}

func ts(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

func ids(us []id.ID) []string {
	out := make([]string, 0, len(us))
	for _, u := range us {
		out = append(out, u.String())
	}
	return out
}

func str(u id.ID) string {
	if u.IsZero() {
		return ""
	}
	return u.String()
}

// parseID reads an id sent by the UI; field names the input for the message.
func parseID(field, s string) (id.ID, error) {
	u, err := id.Parse(s)
	if err != nil {
		return id.Nil, errs.FieldErr(field, "Not a valid id: %q.", s)
	}
	return u, nil
}

func parseIDs(field string, ss []string) ([]id.ID, error) {
	out := make([]id.ID, 0, len(ss))
	for _, s := range ss {
		u, err := parseID(field, s)
		if err != nil {
			return nil, err
		}
		out = append(out, u)
	}
	return out, nil
}

func personDTO(p people.Person, teams, reports []id.ID) PersonDTO {
	sk := make([]SkillDTO, 0, len(p.Skills))
	for _, s := range p.Skills {
		sk = append(sk, SkillDTO{s.Name, s.Level})
	}
	return PersonDTO{
		PersonInput: PersonInput{Name: p.Name, Email: p.Email, Role: p.Role, Level: p.Level, TimeZone: p.TimeZone,
			StartDate: p.StartDate, ManagerID: str(p.ManagerID), Skills: sk, Aspiration: string(p.Aspiration), Notes: p.Notes},
		ID: p.ID.String(), Archived: p.Archived, ArchivedAt: ts(p.ArchivedAt),
		CreatedAt: ts(p.CreatedAt), UpdatedAt: ts(p.UpdatedAt), TeamIDs: ids(teams), ReportIDs: ids(reports),
	}
}

func (in PersonInput) toPerson(u id.ID) (people.Person, error) {
	mgr, err := parseID("managerId", in.ManagerID)
	if err != nil {
		return people.Person{}, err
	}
	p := people.Person{ID: u, Name: in.Name, Email: in.Email, Role: in.Role, Level: in.Level, TimeZone: in.TimeZone,
		StartDate: in.StartDate, ManagerID: mgr, Aspiration: people.Aspiration(in.Aspiration), Notes: in.Notes}
	for _, s := range in.Skills {
		p.Skills = append(p.Skills, people.Skill{Name: s.Name, Level: s.Level})
	}
	return p, nil
}

func teamDTO(t people.Team, services []id.ID) TeamDTO {
	return TeamDTO{TeamInput: TeamInput{Name: t.Name, Description: t.Description, MemberIDs: ids(t.MemberIDs)},
		ID: t.ID.String(), ServiceIDs: ids(services)}
}

func serviceDTO(s people.Service) ServiceDTO {
	return ServiceDTO{ServiceInput: ServiceInput{Name: s.Name, Description: s.Description, Criticality: string(s.Criticality),
		TeamID: str(s.TeamID), PrimaryID: str(s.PrimaryID), SecondaryID: str(s.SecondaryID)}, ID: s.ID.String()}
}

func refs(rs []people.Ref) []RefDTO {
	out := make([]RefDTO, 0, len(rs))
	for _, r := range rs {
		out = append(out, RefDTO{r.ID.String(), r.Name})
	}
	return out
}

func overviewDTO(o people.Overview) OverviewDTO {
	out := OverviewDTO{Now: ts(o.Now), People: o.People, Archived: o.Archived, Teams: o.Teams, Services: o.Services, WithoutSkills: o.WithoutSkills,
		LevelMix: []LevelCountDTO{}, ServiceProblems: []ServiceProblemDTO{}, SinglePoints: []SinglePointDTO{}, LocalTimes: []LocalTimeDTO{}}
	for _, l := range o.LevelMix {
		out.LevelMix = append(out.LevelMix, LevelCountDTO{l.Level, refs(l.People)})
	}
	for _, s := range o.ServiceProblems {
		out.ServiceProblems = append(out.ServiceProblems, ServiceProblemDTO{RefDTO{s.Service.ID.String(), s.Service.Name},
			RefDTO{str(s.Team.ID), s.Team.Name}, s.Problems})
	}
	for _, s := range o.SinglePoints {
		out.SinglePoints = append(out.SinglePoints, SinglePointDTO{s.Skill, RefDTO{s.Holder.ID.String(), s.Holder.Name}, s.HolderLevel, refs(s.Learners)})
	}
	for _, l := range o.LocalTimes {
		out.LocalTimes = append(out.LocalTimes, LocalTimeDTO{RefDTO{l.Person.ID.String(), l.Person.Name}, l.TimeZone, l.Local, l.Weekday, l.Offset, l.Working})
	}
	return out
}

func lower(s string) string { return strings.ToLower(s) }
