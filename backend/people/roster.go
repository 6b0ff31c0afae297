package people

import (
	"fmt"
	"sort"
	"strings"

	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/clock"
	"wheelhouse/backend/errs"
	"wheelhouse/backend/id"
	"wheelhouse/backend/store"
)

// Tables of the roster. Indexes are written in the same transaction as the
// records (store.Table does that).
var (
	Persons = &store.Table[Person]{
		Name: "person", Prefix: store.PrefixPerson,
		ID: func(p *Person) id.ID { return p.ID },
		Indexes: []store.Index[Person]{
			{Prefix: store.IdxPersonEmail, Terms: func(p *Person) [][]byte {
				if p.Email == "" {
					return nil
				}
				return [][]byte{store.Term(store.Fold(p.Email))}
			}},
			{Prefix: store.IdxPersonManager, Terms: func(p *Person) [][]byte {
				if p.ManagerID.IsZero() {
					return nil
				}
				return [][]byte{store.Term(p.ManagerID)}
			}},
		},
	}
	Teams = &store.Table[Team]{
		Name: "team", Prefix: store.PrefixTeam,
		ID: func(t *Team) id.ID { return t.ID },
		Indexes: []store.Index[Team]{
			{Prefix: store.IdxTeamName, Terms: func(t *Team) [][]byte { return [][]byte{store.Term(store.Fold(t.Name))} }},
			{Prefix: store.IdxTeamMember, Terms: func(t *Team) [][]byte {
				out := make([][]byte, len(t.MemberIDs))
				for i, m := range t.MemberIDs {
					out[i] = store.Term(m)
				}
				return out
			}},
		},
	}
	Services = &store.Table[Service]{
		Name: "service", Prefix: store.PrefixService,
		ID: func(s *Service) id.ID { return s.ID },
		Indexes: []store.Index[Service]{
			{Prefix: store.IdxServiceName, Terms: func(s *Service) [][]byte { return [][]byte{store.Term(store.Fold(s.Name))} }},
			{Prefix: store.IdxServiceTeam, Terms: func(s *Service) [][]byte { return [][]byte{store.Term(s.TeamID)} }},
			{Prefix: store.IdxServiceContact, Terms: func(s *Service) [][]byte {
				var out [][]byte
				for _, u := range []id.ID{s.PrimaryID, s.SecondaryID} {
					if !u.IsZero() {
						out = append(out, store.Term(u))
					}
				}
				return out
			}},
		},
	}
	keyLadder = store.Key(store.PrefixSetting, "ladder")

	// TeamName and ServiceName: team and service names are unique
	// (case-insensitive), on save and in a workspace file.
	TeamName    = store.Name{Noun: "team", Index: store.IdxTeamName}
	ServiceName = store.Name{Noun: "service", Index: store.IdxServiceName}
)

// PersonRefs lets other areas (on-call, incidents, 1:1s) take part in a hard
// delete of a person: Describe says what of theirs would go, Detach removes
// it inside the delete transaction.
type PersonRefs interface {
	Describe(txn *badger.Txn, person id.ID) ([]string, error)
	Detach(txn *badger.Txn, person id.ID) error
}

// ServiceRefs lets other areas keep a service that their history names
// (incidents) from being deleted: Describe returns what refers to it.
type ServiceRefs interface {
	DescribeService(txn *badger.Txn, service id.ID) ([]string, error)
}

// TeamRefs lets other areas keep a team that their records belong to
// (on-call rotations) from being deleted: DescribeTeam says what belongs to
// it and what to do, as a clause ("its on-call rotation X belongs to it:
// move it …"), nothing when nothing does.
type TeamRefs interface {
	DescribeTeam(txn *badger.Txn, team id.ID) ([]string, error)
}

// Roster is the service for people, teams and services.
type Roster struct {
	st          *store.Store
	clock       clock.Clock
	refs        []PersonRefs
	serviceRefs []ServiceRefs
	teamRefs    []TeamRefs
}

// AddTeamRefs registers another area's records that belong to teams.
func (r *Roster) AddTeamRefs(t TeamRefs) { r.teamRefs = append(r.teamRefs, t) }

// AddServiceRefs registers another area's references to services.
func (r *Roster) AddServiceRefs(s ServiceRefs) { r.serviceRefs = append(r.serviceRefs, s) }

// NewRoster builds the roster service.
func NewRoster(st *store.Store, c clock.Clock) *Roster { return &Roster{st: st, clock: c} }

// AddPersonRefs registers another area's references to people.
func (r *Roster) AddPersonRefs(p PersonRefs) { r.refs = append(r.refs, p) }

// LadderTx reads the level ladder.
func LadderTx(txn *badger.Txn) ([]string, error) {
	var l []string
	found, err := store.GetJSON(txn, keyLadder, &l)
	if err != nil {
		return nil, err
	}
	if !found {
		return append([]string(nil), DefaultLadder...), nil
	}
	return l, nil
}

// PutLadderTx writes the level ladder.
func PutLadderTx(txn *badger.Txn, l []string) error { return store.PutJSON(txn, keyLadder, l) }

// Ladder returns the level ladder.
func (r *Roster) Ladder() (l []string, err error) {
	err = r.st.View(func(txn *badger.Txn) error {
		l, err = LadderTx(txn)
		return err
	})
	return l, err
}

// SetLadder replaces the level ladder. A level still held by someone cannot
// be removed; renaming is a remove plus add, so it is refused the same way.
func (r *Roster) SetLadder(l []string) ([]string, error) {
	clean := make([]string, len(l))
	for i, v := range l {
		clean[i] = strings.TrimSpace(v)
	}
	if err := ValidateLadder(clean); err != nil {
		return nil, err
	}
	err := r.st.Update(func(txn *badger.Txn) error {
		inUse := map[string][]string{}
		err := Persons.Each(txn, func(p *Person) error {
			if p.Level != "" && !contains(clean, p.Level) {
				inUse[p.Level] = append(inUse[p.Level], p.Name)
			}
			return nil
		})
		if err != nil {
			return err
		}
		for lvl, names := range inUse {
			return &errs.Error{Code: errs.Conflict, Field: "ladder", Message: fmt.Sprintf(
				"Level %q is still held by %s; change their level first.", lvl, listNames(names, 3))}
		}
		return PutLadderTx(txn, clean)
	})
	if err != nil {
		return nil, errs.Wrap("people.SetLadder", err)
	}
	return clean, nil
}

// People lists people sorted by name; archived ones only when asked.
func (r *Roster) People(includeArchived bool) ([]Person, error) {
	var out []Person
	err := r.st.View(func(txn *badger.Txn) error {
		return Persons.Each(txn, func(p *Person) error {
			if includeArchived || !p.Archived {
				out = append(out, *p)
			}
			return nil
		})
	})
	sortPeople(out)
	return out, errs.Wrap("people.People", err)
}

// Person reads one person.
func (r *Roster) Person(u id.ID) (p Person, err error) {
	err = r.st.View(func(txn *badger.Txn) error {
		p, err = Persons.Get(txn, u)
		return err
	})
	return p, errs.Wrap("people.Person", err)
}

// DirectReports lists the people whose manager is u.
func (r *Roster) DirectReports(u id.ID) ([]Person, error) {
	var out []Person
	err := r.st.View(func(txn *badger.Txn) error {
		for _, rid := range store.Lookup(txn, store.IdxPersonManager, store.Term(u)) {
			p, err := Persons.Get(txn, rid)
			if err != nil {
				return err
			}
			out = append(out, p)
		}
		return nil
	})
	sortPeople(out)
	return out, errs.Wrap("people.DirectReports", err)
}

// TeamsOf lists the ids of the teams u belongs to.
func TeamsOf(txn *badger.Txn, u id.ID) []id.ID {
	return store.Lookup(txn, store.IdxTeamMember, store.Term(u))
}

// CreatePerson validates and stores a new person.
func (r *Roster) CreatePerson(p Person) (Person, error) {
	now := r.clock.Now().UTC()
	p.ID = id.New(now)
	p.CreatedAt, p.UpdatedAt = now, now
	p.Archived, p.ArchivedAt = false, zeroTime
	return p, errs.Wrap("people.CreatePerson", r.putPerson(&p, true))
}

// UpdatePerson replaces the editable fields of a stored person.
func (r *Roster) UpdatePerson(p Person) (Person, error) {
	var out Person
	err := r.st.Update(func(txn *badger.Txn) error {
		old, err := Persons.Get(txn, p.ID)
		if err != nil {
			return err
		}
		p.CreatedAt, p.Archived, p.ArchivedAt = old.CreatedAt, old.Archived, old.ArchivedAt
		p.UpdatedAt = r.clock.Now().UTC()
		if err := r.checkPerson(txn, &p); err != nil {
			return err
		}
		out = p
		return Persons.Put(txn, &p)
	})
	return out, errs.Wrap("people.UpdatePerson", err)
}

func (r *Roster) putPerson(p *Person, create bool) error {
	return r.st.Update(func(txn *badger.Txn) error {
		if create {
			if ok, err := Persons.Exists(txn, p.ID); err != nil || ok {
				return fmt.Errorf("id clash %s: %v", p.ID, err)
			}
		}
		if err := r.checkPerson(txn, p); err != nil {
			return err
		}
		return Persons.Put(txn, p)
	})
}

// checkPerson normalizes and validates p, on its own and against stored data.
func (r *Roster) checkPerson(txn *badger.Txn, p *Person) error {
	p.Normalize()
	ladder, err := LadderTx(txn)
	if err != nil {
		return err
	}
	var c errs.Collector
	if err := c.Merge("", p.Validate(Rules{Now: r.clock.Now(), Ladder: ladder})); err != nil {
		return err
	}
	if p.Email != "" && !c.Has("email") {
		for _, other := range store.Lookup(txn, store.IdxPersonEmail, store.Term(store.Fold(p.Email))) {
			if other != p.ID {
				o, err := Persons.Get(txn, other)
				if err != nil {
					return err
				}
				c.Add("email", "%s already uses the e-mail %s.", o.Name, p.Email)
			}
		}
	}
	if !p.ManagerID.IsZero() && !c.Has("managerId") {
		if ok, err := Persons.Exists(txn, p.ManagerID); err != nil {
			return err
		} else if !ok {
			c.Add("managerId", "The chosen manager does not exist (any more).")
		} else if ManagerCycle(p.ID, p.ManagerID, func(u id.ID) id.ID {
			m, err := Persons.Get(txn, u)
			if err != nil {
				return id.Nil
			}
			return m.ManagerID
		}) {
			m, _ := Persons.Get(txn, p.ManagerID)
			c.Add("managerId", "%s reports (directly or indirectly) to %s, so %s cannot be their manager.", m.Name, nameOr(p.Name, "this person"), m.Name)
		}
	}
	return c.Err()
}

// SetArchived archives or restores a person. Archived people keep their
// history and references; they are hidden from lists by default.
func (r *Roster) SetArchived(u id.ID, archived bool) (Person, error) {
	var out Person
	err := r.st.Update(func(txn *badger.Txn) error {
		p, err := Persons.Get(txn, u)
		if err != nil {
			return err
		}
		now := r.clock.Now().UTC()
		p.Archived = archived
		if archived {
			p.ArchivedAt = now
		} else {
			p.ArchivedAt = zeroTime
		}
		p.UpdatedAt = now
		out = p
		return Persons.Put(txn, &p)
	})
	return out, errs.Wrap("people.SetArchived", err)
}

// Impact says what a hard delete of a person removes or changes.
type Impact struct {
	Person Person   `json:"person"`
	Items  []string `json:"items"` // one line each, for a person to read
}

func (r *Roster) impact(txn *badger.Txn, u id.ID) (Impact, error) {
	p, err := Persons.Get(txn, u)
	if err != nil {
		return Impact{}, err
	}
	im := Impact{Person: p, Items: []string{fmt.Sprintf("The person %s and everything recorded on them (skills, notes).", p.Name)}}
	for _, tid := range TeamsOf(txn, u) {
		t, err := Teams.Get(txn, tid)
		if err != nil {
			return im, err
		}
		im.Items = append(im.Items, fmt.Sprintf("Membership of team %s.", t.Name))
	}
	for _, sid := range store.Lookup(txn, store.IdxServiceContact, store.Term(u)) {
		s, err := Services.Get(txn, sid)
		if err != nil {
			return im, err
		}
		role := "secondary"
		if s.PrimaryID == u {
			role = "primary"
		}
		im.Items = append(im.Items, fmt.Sprintf("The %s contact of service %s (left empty).", role, s.Name))
	}
	var reports []string
	for _, rid := range store.Lookup(txn, store.IdxPersonManager, store.Term(u)) {
		rp, err := Persons.Get(txn, rid)
		if err != nil {
			return im, err
		}
		reports = append(reports, rp.Name)
	}
	if len(reports) > 0 {
		sort.Strings(reports)
		im.Items = append(im.Items, fmt.Sprintf("Manager of %s (they will have no manager).", listNames(reports, 5)))
	}
	for _, h := range r.refs {
		more, err := h.Describe(txn, u)
		if err != nil {
			return im, err
		}
		im.Items = append(im.Items, more...)
	}
	return im, nil
}

// DeleteImpact previews a hard delete.
func (r *Roster) DeleteImpact(u id.ID) (im Impact, err error) {
	err = r.st.View(func(txn *badger.Txn) error {
		im, err = r.impact(txn, u)
		return err
	})
	return im, errs.Wrap("people.DeleteImpact", err)
}

// DeletePerson removes a person for good, with every reference to them, in
// one transaction. confirmName must equal the person's name: the caller has
// shown the impact and the user has confirmed it.
func (r *Roster) DeletePerson(u id.ID, confirmName string) (Impact, error) {
	var im Impact
	err := r.st.Update(func(txn *badger.Txn) error {
		var err error
		im, err = r.impact(txn, u)
		if err != nil {
			return err
		}
		if strings.TrimSpace(confirmName) != im.Person.Name {
			return errs.FieldErr("confirm", "Type %q to confirm the deletion.", im.Person.Name)
		}
		now := r.clock.Now().UTC()
		for _, tid := range TeamsOf(txn, u) {
			t, err := Teams.Get(txn, tid)
			if err != nil {
				return err
			}
			t.MemberIDs = without(t.MemberIDs, u)
			t.UpdatedAt = now
			if err := Teams.Put(txn, &t); err != nil {
				return err
			}
		}
		for _, sid := range store.Lookup(txn, store.IdxServiceContact, store.Term(u)) {
			s, err := Services.Get(txn, sid)
			if err != nil {
				return err
			}
			if s.PrimaryID == u {
				s.PrimaryID = id.Nil
			}
			if s.SecondaryID == u {
				s.SecondaryID = id.Nil
			}
			s.UpdatedAt = now
			if err := Services.Put(txn, &s); err != nil {
				return err
			}
		}
		for _, rid := range store.Lookup(txn, store.IdxPersonManager, store.Term(u)) {
			rp, err := Persons.Get(txn, rid)
			if err != nil {
				return err
			}
			rp.ManagerID = id.Nil
			rp.UpdatedAt = now
			if err := Persons.Put(txn, &rp); err != nil {
				return err
			}
		}
		for _, h := range r.refs {
			if err := h.Detach(txn, u); err != nil {
				return err
			}
		}
		return Persons.Delete(txn, u)
	})
	return im, errs.Wrap("people.DeletePerson", err)
}

// TeamList lists teams sorted by name.
func (r *Roster) TeamList() ([]Team, error) {
	return listByName(r.st, Teams, func(t *Team) string { return t.Name }, "people.Teams")
}

// listByName reads a whole table sorted by name (case-insensitive); op
// names the error.
func listByName[T any](st *store.Store, table *store.Table[T], name func(*T) string, op string) ([]T, error) {
	var out []T
	err := st.View(func(txn *badger.Txn) (err error) {
		out, err = table.List(txn)
		return err
	})
	sort.Slice(out, func(i, j int) bool { return strings.ToLower(name(&out[i])) < strings.ToLower(name(&out[j])) })
	return out, errs.Wrap(op, err)
}

// SaveTeam creates (zero ID) or updates a team.
func (r *Roster) SaveTeam(t Team) (Team, error) {
	now := r.clock.Now().UTC()
	err := r.st.Update(func(txn *badger.Txn) error {
		if err := store.Stamp(txn, Teams, &t, now); err != nil {
			return err
		}
		t.Normalize()
		var c errs.Collector
		if err := c.Merge("", t.Validate()); err != nil {
			return err
		}
		TeamName.CheckTx(txn, &c, t.Name, t.ID)
		for _, m := range t.MemberIDs {
			if ok, err := Persons.Exists(txn, m); err != nil {
				return err
			} else if !ok {
				c.Add("memberIds", "One of the members does not exist (any more).")
				break
			}
		}
		if err := c.Err(); err != nil {
			return err
		}
		return Teams.Put(txn, &t)
	})
	return t, errs.Wrap("people.SaveTeam", err)
}

// DeleteTeam removes a team that owns no service and has nothing of other
// areas belonging to it (on-call rotations): the message names what to move
// first.
func (r *Roster) DeleteTeam(u id.ID) error {
	return errs.Wrap("people.DeleteTeam", r.st.Update(func(txn *badger.Txn) error {
		t, err := Teams.Get(txn, u)
		if err != nil {
			return err
		}
		var owned []string
		for _, sid := range store.Lookup(txn, store.IdxServiceTeam, store.Term(u)) {
			s, err := Services.Get(txn, sid)
			if err != nil {
				return err
			}
			owned = append(owned, s.Name)
		}
		if len(owned) > 0 {
			sort.Strings(owned)
			return errs.E(errs.Conflict, "%s owns %s; give %s another owning team first.", t.Name, listNames(owned, 5), pick(len(owned), "it", "them"))
		}
		var belongs []string
		for _, h := range r.teamRefs {
			more, err := h.DescribeTeam(txn, u)
			if err != nil {
				return err
			}
			belongs = append(belongs, more...)
		}
		if len(belongs) > 0 {
			return errs.E(errs.Conflict, "%s cannot be deleted: %s.", t.Name, strings.Join(belongs, "; "))
		}
		return Teams.Delete(txn, u)
	}))
}

// ServiceList lists services sorted by name.
func (r *Roster) ServiceList() ([]Service, error) {
	return listByName(r.st, Services, func(s *Service) string { return s.Name }, "people.Services")
}

// SaveService creates (zero ID) or updates a service.
func (r *Roster) SaveService(s Service) (Service, error) {
	now := r.clock.Now().UTC()
	err := r.st.Update(func(txn *badger.Txn) error {
		if err := store.Stamp(txn, Services, &s, now); err != nil {
			return err
		}
		s.Normalize()
		var c errs.Collector
		if err := c.Merge("", s.Validate()); err != nil {
			return err
		}
		ServiceName.CheckTx(txn, &c, s.Name, s.ID)
		if !s.TeamID.IsZero() {
			if ok, err := Teams.Exists(txn, s.TeamID); err != nil {
				return err
			} else if !ok {
				c.Add("teamId", "The owning team does not exist (any more).")
			}
		}
		for f, u := range map[string]id.ID{"primaryId": s.PrimaryID, "secondaryId": s.SecondaryID} {
			if u.IsZero() || c.Has(f) {
				continue
			}
			if ok, err := Persons.Exists(txn, u); err != nil {
				return err
			} else if !ok {
				c.Add(f, "The chosen contact does not exist (any more).")
			}
		}
		if err := c.Err(); err != nil {
			return err
		}
		return Services.Put(txn, &s)
	})
	return s, errs.Wrap("people.SaveService", err)
}

// DeleteService removes a service that no history refers to. A service named
// by incidents stays (their history would lose it); the message says why.
func (r *Roster) DeleteService(u id.ID) error {
	return errs.Wrap("people.DeleteService", r.st.Update(func(txn *badger.Txn) error {
		s, err := Services.Get(txn, u)
		if err != nil {
			return err
		}
		var uses []string
		for _, h := range r.serviceRefs {
			more, err := h.DescribeService(txn, u)
			if err != nil {
				return err
			}
			uses = append(uses, more...)
		}
		if len(uses) > 0 {
			return errs.E(errs.Conflict, "%s cannot be deleted: it is named by %s, whose history would lose it. Keep it, or rename it (e.g. \"%s (retired)\").",
				s.Name, listNames(uses, 3), s.Name)
		}
		return Services.Delete(txn, u)
	}))
}

func sortPeople(ps []Person) {
	sort.SliceStable(ps, func(i, j int) bool {
		a, b := strings.ToLower(ps[i].Name), strings.ToLower(ps[j].Name)
		if a != b {
			return a < b
		}
		return string(ps[i].ID[:]) < string(ps[j].ID[:])
	})
}

func without(l []id.ID, u id.ID) []id.ID {
	out := l[:0:0]
	for _, x := range l {
		if x != u {
			out = append(out, x)
		}
	}
	return out
}

func listNames(names []string, max int) string {
	if len(names) <= max {
		if len(names) <= 1 {
			return strings.Join(names, "")
		}
		return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
	}
	return fmt.Sprintf("%s and %d more", strings.Join(names[:max], ", "), len(names)-max)
}

func nameOr(s, alt string) string {
	if s == "" {
		return alt
	}
	return s
}

func pick(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// Directory is the whole roster, read in one transaction.
type Directory struct {
	Ladder   []string
	People   []Person // including archived, in id order
	Teams    []Team
	Services []Service
}

// LoadTx reads the whole roster inside txn.
func LoadTx(txn *badger.Txn) (d Directory, err error) {
	if d.Ladder, err = LadderTx(txn); err != nil {
		return d, err
	}
	if d.People, err = Persons.List(txn); err != nil {
		return d, err
	}
	if d.Teams, err = Teams.List(txn); err != nil {
		return d, err
	}
	d.Services, err = Services.List(txn)
	if d.People == nil {
		d.People = []Person{}
	}
	if d.Teams == nil {
		d.Teams = []Team{}
	}
	if d.Services == nil {
		d.Services = []Service{}
	}
	return d, err
}

// Directory reads the whole roster.
func (r *Roster) Directory() (d Directory, err error) {
	err = r.st.View(func(txn *badger.Txn) error {
		d, err = LoadTx(txn)
		return err
	})
	return d, errs.Wrap("people.Directory", err)
}
