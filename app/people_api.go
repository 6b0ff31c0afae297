package app

import (
	"sort"

	"wheelhouse/backend/id"
	"wheelhouse/backend/people"
	"wheelhouse/backend/tz"
)

// PeopleAPI is bound to the frontend: the team roster. Every method delegates
// to people.Roster and maps errors for the UI.
type PeopleAPI struct{ s *Shell }

// NewPeopleAPI binds to shell s.
func NewPeopleAPI(s *Shell) *PeopleAPI { return &PeopleAPI{s} }

// DirectoryDTO is the whole roster.
type DirectoryDTO struct {
	Ladder   []string     `json:"ladder"`
	People   []PersonDTO  `json:"people"` // including archived
	Teams    []TeamDTO    `json:"teams"`
	Services []ServiceDTO `json:"services"`
}

func (a *PeopleAPI) roster() (*people.Roster, error) {
	w, err := a.s.workspace()
	if err != nil {
		return nil, err
	}
	return w.Roster, nil
}

func (a *PeopleAPI) fail(op string, err error) error { return toAPI(a.s.log, op, err) }

// Directory returns people (archived included, flagged), teams, services and
// the level ladder.
func (a *PeopleAPI) Directory() (DirectoryDTO, error) {
	r, err := a.roster()
	if err != nil {
		return DirectoryDTO{}, a.fail("Directory", err)
	}
	d, err := r.Directory()
	if err != nil {
		return DirectoryDTO{}, a.fail("Directory", err)
	}
	return directoryDTO(d), nil
}

func directoryDTO(d people.Directory) DirectoryDTO {
	teamsOf := map[id.ID][]id.ID{}
	for _, t := range d.Teams {
		for _, m := range t.MemberIDs {
			teamsOf[m] = append(teamsOf[m], t.ID)
		}
	}
	reportsOf := map[id.ID][]id.ID{}
	for _, p := range d.People {
		if !p.ManagerID.IsZero() {
			reportsOf[p.ManagerID] = append(reportsOf[p.ManagerID], p.ID)
		}
	}
	servicesOf := map[id.ID][]id.ID{}
	for _, s := range d.Services {
		servicesOf[s.TeamID] = append(servicesOf[s.TeamID], s.ID)
	}
	out := DirectoryDTO{Ladder: d.Ladder, People: []PersonDTO{}, Teams: []TeamDTO{}, Services: []ServiceDTO{}}
	for _, p := range d.People {
		out.People = append(out.People, personDTO(p, teamsOf[p.ID], reportsOf[p.ID]))
	}
	for _, t := range d.Teams {
		out.Teams = append(out.Teams, teamDTO(t, servicesOf[t.ID]))
	}
	for _, s := range d.Services {
		out.Services = append(out.Services, serviceDTO(s))
	}
	sort.SliceStable(out.People, func(i, j int) bool { return lower(out.People[i].Name) < lower(out.People[j].Name) })
	sort.SliceStable(out.Teams, func(i, j int) bool { return lower(out.Teams[i].Name) < lower(out.Teams[j].Name) })
	sort.SliceStable(out.Services, func(i, j int) bool { return lower(out.Services[i].Name) < lower(out.Services[j].Name) })
	return out
}

// CreatePerson adds a person.
func (a *PeopleAPI) CreatePerson(in PersonInput) (PersonDTO, error) {
	r, err := a.roster()
	if err != nil {
		return PersonDTO{}, a.fail("CreatePerson", err)
	}
	p, err := in.toPerson(id.Nil)
	if err == nil {
		p, err = r.CreatePerson(p)
	}
	if err != nil {
		return PersonDTO{}, a.fail("CreatePerson", err)
	}
	return personDTO(p, nil, nil), nil
}

// UpdatePerson saves the editable fields of a person.
func (a *PeopleAPI) UpdatePerson(personID string, in PersonInput) (PersonDTO, error) {
	r, err := a.roster()
	if err != nil {
		return PersonDTO{}, a.fail("UpdatePerson", err)
	}
	u, err := parseID("id", personID)
	var p people.Person
	if err == nil {
		p, err = in.toPerson(u)
	}
	if err == nil {
		p, err = r.UpdatePerson(p)
	}
	if err != nil {
		return PersonDTO{}, a.fail("UpdatePerson", err)
	}
	return personDTO(p, nil, nil), nil
}

// ArchivePerson hides a person from lists while keeping their history.
func (a *PeopleAPI) ArchivePerson(personID string) (PersonDTO, error) {
	return a.setArchived(personID, true)
}

// RestorePerson brings an archived person back.
func (a *PeopleAPI) RestorePerson(personID string) (PersonDTO, error) {
	return a.setArchived(personID, false)
}

func (a *PeopleAPI) setArchived(personID string, archived bool) (PersonDTO, error) {
	r, err := a.roster()
	if err != nil {
		return PersonDTO{}, a.fail("SetArchived", err)
	}
	u, err := parseID("id", personID)
	var p people.Person
	if err == nil {
		p, err = r.SetArchived(u, archived)
	}
	if err != nil {
		return PersonDTO{}, a.fail("SetArchived", err)
	}
	return personDTO(p, nil, nil), nil
}

// DeletePreview lists what deleting a person for good would remove.
func (a *PeopleAPI) DeletePreview(personID string) (ImpactDTO, error) {
	r, err := a.roster()
	if err != nil {
		return ImpactDTO{}, a.fail("DeletePreview", err)
	}
	u, err := parseID("id", personID)
	var im people.Impact
	if err == nil {
		im, err = r.DeleteImpact(u)
	}
	if err != nil {
		return ImpactDTO{}, a.fail("DeletePreview", err)
	}
	return ImpactDTO{PersonID: personID, PersonName: im.Person.Name, Items: im.Items}, nil
}

// DeletePerson deletes a person for good; confirmName must be their name.
func (a *PeopleAPI) DeletePerson(personID, confirmName string) error {
	r, err := a.roster()
	if err != nil {
		return a.fail("DeletePerson", err)
	}
	u, err := parseID("id", personID)
	if err == nil {
		_, err = r.DeletePerson(u, confirmName)
	}
	return a.fail("DeletePerson", err)
}

// SaveTeam creates (empty teamID) or updates a team.
func (a *PeopleAPI) SaveTeam(teamID string, in TeamInput) (TeamDTO, error) {
	r, err := a.roster()
	if err != nil {
		return TeamDTO{}, a.fail("SaveTeam", err)
	}
	u, err := parseID("id", teamID)
	var members []id.ID
	if err == nil {
		members, err = parseIDs("memberIds", in.MemberIDs)
	}
	var t people.Team
	if err == nil {
		t, err = r.SaveTeam(people.Team{ID: u, Name: in.Name, Description: in.Description, MemberIDs: members})
	}
	if err != nil {
		return TeamDTO{}, a.fail("SaveTeam", err)
	}
	return teamDTO(t, nil), nil
}

// DeleteTeam removes a team that owns no service.
func (a *PeopleAPI) DeleteTeam(teamID string) error {
	r, err := a.roster()
	if err != nil {
		return a.fail("DeleteTeam", err)
	}
	u, err := parseID("id", teamID)
	if err == nil {
		err = r.DeleteTeam(u)
	}
	return a.fail("DeleteTeam", err)
}

// SaveService creates (empty serviceID) or updates a service.
func (a *PeopleAPI) SaveService(serviceID string, in ServiceInput) (ServiceDTO, error) {
	r, err := a.roster()
	if err != nil {
		return ServiceDTO{}, a.fail("SaveService", err)
	}
	var s people.Service
	s.Name, s.Description, s.Criticality = in.Name, in.Description, people.Criticality(in.Criticality)
	s.ID, err = parseID("id", serviceID)
	if err == nil {
		s.TeamID, err = parseID("teamId", in.TeamID)
	}
	if err == nil {
		s.PrimaryID, err = parseID("primaryId", in.PrimaryID)
	}
	if err == nil {
		s.SecondaryID, err = parseID("secondaryId", in.SecondaryID)
	}
	if err == nil {
		s, err = r.SaveService(s)
	}
	if err != nil {
		return ServiceDTO{}, a.fail("SaveService", err)
	}
	return serviceDTO(s), nil
}

// DeleteService removes a service.
func (a *PeopleAPI) DeleteService(serviceID string) error {
	r, err := a.roster()
	if err != nil {
		return a.fail("DeleteService", err)
	}
	u, err := parseID("id", serviceID)
	if err == nil {
		err = r.DeleteService(u)
	}
	return a.fail("DeleteService", err)
}

// SetLadder replaces the level ladder.
func (a *PeopleAPI) SetLadder(levels []string) ([]string, error) {
	r, err := a.roster()
	if err != nil {
		return nil, a.fail("SetLadder", err)
	}
	l, err := r.SetLadder(levels)
	if err != nil {
		return nil, a.fail("SetLadder", err)
	}
	return l, nil
}

// Overview is the team overview.
func (a *PeopleAPI) Overview() (OverviewDTO, error) {
	r, err := a.roster()
	if err != nil {
		return OverviewDTO{}, a.fail("Overview", err)
	}
	o, err := r.Overview()
	if err != nil {
		return OverviewDTO{}, a.fail("Overview", err)
	}
	return overviewDTO(o), nil
}

// TimeZones lists the IANA zones with their current UTC offset.
func (a *PeopleAPI) TimeZones() []ZoneDTO {
	now := a.s.clock.Now()
	names := tz.Names()
	out := make([]ZoneDTO, 0, len(names))
	for _, n := range names {
		loc, ok := tz.Load(n)
		if !ok {
			continue
		}
		out = append(out, ZoneDTO{Name: n, Offset: tz.OffsetLabel(now, loc)})
	}
	return out
}
