package app

import (
	"sort"

	"wheelhouse/backend/id"
	"wheelhouse/backend/people"
	"wheelhouse/backend/tz"
	"wheelhouse/backend/workspace"
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

// Directory returns people (archived included, flagged), teams, services and
// the level ladder.
func (a *PeopleAPI) Directory() (DirectoryDTO, error) {
	return read(a.s, "people.Directory", func(w *workspace.Workspace) (DirectoryDTO, error) {
		d, err := w.Roster.Directory()
		return directoryDTO(d), err
	})
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
	return write(a.s, "people.CreatePerson", func(w *workspace.Workspace) (PersonDTO, error) {
		p, err := in.toPerson(id.Nil)
		if err == nil {
			p, err = w.Roster.CreatePerson(p)
		}
		return personDTO(p, nil, nil), err
	})
}

// UpdatePerson saves the editable fields of a person.
func (a *PeopleAPI) UpdatePerson(personID string, in PersonInput) (PersonDTO, error) {
	return write(a.s, "people.UpdatePerson", func(w *workspace.Workspace) (PersonDTO, error) {
		p, err := withID("id", personID, in.toPerson)
		if err == nil {
			p, err = w.Roster.UpdatePerson(p)
		}
		return personDTO(p, nil, nil), err
	})
}

// ArchivePerson hides a person from lists while keeping their history.
func (a *PeopleAPI) ArchivePerson(personID string) (PersonDTO, error) {
	return a.setArchived("people.ArchivePerson", personID, true)
}

// RestorePerson brings an archived person back.
func (a *PeopleAPI) RestorePerson(personID string) (PersonDTO, error) {
	return a.setArchived("people.RestorePerson", personID, false)
}

func (a *PeopleAPI) setArchived(op, personID string, archived bool) (PersonDTO, error) {
	return write(a.s, op, func(w *workspace.Workspace) (PersonDTO, error) {
		p, err := withID("id", personID, func(u id.ID) (people.Person, error) { return w.Roster.SetArchived(u, archived) })
		return personDTO(p, nil, nil), err
	})
}

// DeletePreview lists what deleting a person for good would remove.
func (a *PeopleAPI) DeletePreview(personID string) (ImpactDTO, error) {
	return read(a.s, "people.DeletePreview", func(w *workspace.Workspace) (ImpactDTO, error) {
		im, err := withID("id", personID, w.Roster.DeleteImpact)
		return ImpactDTO{PersonID: personID, PersonName: im.Person.Name, Items: im.Items}, err
	})
}

// DeletePerson deletes a person for good; confirmName must be their name.
func (a *PeopleAPI) DeletePerson(personID, confirmName string) error {
	return change(a.s, "people.DeletePerson", func(w *workspace.Workspace) error {
		return byID("id", personID, func(u id.ID) error {
			_, err := w.Roster.DeletePerson(u, confirmName)
			return err
		})
	})
}

// SaveTeam creates (empty teamID) or updates a team.
func (a *PeopleAPI) SaveTeam(teamID string, in TeamInput) (TeamDTO, error) {
	return write(a.s, "people.SaveTeam", func(w *workspace.Workspace) (TeamDTO, error) {
		u, err := parseID("id", teamID)
		var members []id.ID
		if err == nil {
			members, err = parseIDs("memberIds", in.MemberIDs)
		}
		var t people.Team
		if err == nil {
			t, err = w.Roster.SaveTeam(people.Team{ID: u, Name: in.Name, Description: in.Description, MemberIDs: members})
		}
		return teamDTO(t, nil), err
	})
}

// DeleteTeam removes a team that owns no service.
func (a *PeopleAPI) DeleteTeam(teamID string) error {
	return change(a.s, "people.DeleteTeam", func(w *workspace.Workspace) error { return byID("id", teamID, w.Roster.DeleteTeam) })
}

// SaveService creates (empty serviceID) or updates a service.
func (a *PeopleAPI) SaveService(serviceID string, in ServiceInput) (ServiceDTO, error) {
	return write(a.s, "people.SaveService", func(w *workspace.Workspace) (ServiceDTO, error) {
		var s people.Service
		var err error
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
			s, err = w.Roster.SaveService(s)
		}
		return serviceDTO(s), err
	})
}

// DeleteService removes a service.
func (a *PeopleAPI) DeleteService(serviceID string) error {
	return change(a.s, "people.DeleteService", func(w *workspace.Workspace) error { return byID("id", serviceID, w.Roster.DeleteService) })
}

// SetLadder replaces the level ladder.
func (a *PeopleAPI) SetLadder(levels []string) ([]string, error) {
	return write(a.s, "people.SetLadder", func(w *workspace.Workspace) ([]string, error) { return w.Roster.SetLadder(levels) })
}

// Overview is the team overview.
func (a *PeopleAPI) Overview() (OverviewDTO, error) {
	return read(a.s, "people.Overview", func(w *workspace.Workspace) (OverviewDTO, error) {
		o, err := w.Roster.Overview()
		return overviewDTO(o), err
	})
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
