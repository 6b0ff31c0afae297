package pages

import (
	"sort"
	"strings"
	"time"
	"unicode"

	"github.com/dgraph-io/badger/v4"
	"golang.org/x/text/unicode/norm"

	"wheelhouse/backend/errs"
	"wheelhouse/backend/id"
	"wheelhouse/backend/oncall"
	"wheelhouse/backend/people"
)

// FoldName is the form names and e-mail addresses are matched in: lower
// case, accents removed, white space collapsed ("  José  Núñez" and "jose
// nunez" match).
func FoldName(s string) string {
	s = strings.TrimSpace(s)
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			ascii = false
			break
		}
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	emit := func(r rune) {
		if unicode.IsSpace(r) {
			space = true
			return
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(unicode.ToLower(r))
	}
	if ascii {
		for _, r := range s {
			emit(r)
		}
		return b.String()
	}
	for _, r := range norm.NFD.String(s) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		switch r {
		case 'ß':
			emit('s')
			emit('s')
			continue
		case 'ø', 'Ø':
			r = 'o'
		case 'ł', 'Ł':
			r = 'l'
		case 'đ', 'Đ':
			r = 'd'
		case 'æ', 'Æ':
			emit('a')
			r = 'e'
		}
		emit(r)
	}
	return b.String()
}

// directory finds the person a page belongs to.
type directory struct {
	byName  map[string][]id.ID // folded name -> people of that name
	byEmail map[string]id.ID
	mapped  map[string]id.ID // folded imported name -> person (--map-person)
	// mappedIDs are the names mapped by id (the app), as given.
	mappedIDs map[string]id.ID
	names     map[id.ID]string

	serviceTeam map[string]id.ID // folded service name -> owning team
	teamByName  map[string]id.ID
	teamRots    map[id.ID][]*oncall.Rotation // in final-schedule precedence (oncall.Precedes)
	shifts      map[id.ID][]oncall.Shift     // per rotation, by start, people only
	ackCache    map[string]ackResult
	teamCache   map[[2]string]id.ID
}

func loadDirectory(txn *badger.Txn, mapPerson map[string]string, mapID map[string]id.ID) (*directory, error) {
	d := &directory{byName: map[string][]id.ID{}, byEmail: map[string]id.ID{}, mapped: map[string]id.ID{}, mappedIDs: map[string]id.ID{},
		names: map[id.ID]string{}, serviceTeam: map[string]id.ID{}, teamByName: map[string]id.ID{},
		teamRots: map[id.ID][]*oncall.Rotation{}}
	err := people.Persons.Each(txn, func(p *people.Person) error {
		k := FoldName(p.Name)
		d.byName[k] = append(d.byName[k], p.ID)
		if p.Email != "" {
			d.byEmail[FoldName(p.Email)] = p.ID
		}
		d.names[p.ID] = p.Name
		return nil
	})
	if err != nil {
		return nil, err
	}
	if err := people.Teams.Each(txn, func(t *people.Team) error { d.teamByName[FoldName(t.Name)] = t.ID; return nil }); err != nil {
		return nil, err
	}
	if err := people.Services.Each(txn, func(s *people.Service) error { d.serviceTeam[FoldName(s.Name)] = s.TeamID; return nil }); err != nil {
		return nil, err
	}
	err = oncall.Rotations.Each(txn, func(r *oncall.Rotation) error {
		if !r.TeamID.IsZero() {
			c := *r
			d.teamRots[r.TeamID] = append(d.teamRots[r.TeamID], &c)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	for _, rs := range d.teamRots {
		// The final schedule's precedence (decision 0015), so the fallback
		// names whom the final schedule shows.
		sort.SliceStable(rs, func(i, j int) bool { return oncall.Precedes(rs[i], rs[j]) })
	}
	var c errs.Collector
	for from, to := range mapPerson {
		u, _ := d.person(to)
		if u.IsZero() {
			c.Add("mapPerson", "No person is called %q (nor has that e-mail address); --map-person %q=%q names nobody.", to, from, to)
			continue
		}
		d.mapped[FoldName(from)] = u
	}
	for from, u := range mapID {
		if strings.TrimSpace(from) == "" {
			continue
		}
		if _, ok := d.names[u]; !ok {
			c.Add("mapPerson", "The person %q is mapped to is not in this workspace (any more); choose someone else.", from)
			continue
		}
		d.mapped[FoldName(from)] = u
		d.mappedIDs[from] = u
	}
	return d, c.Err()
}

// remember adds the names of a remembered mapping that are not mapped yet
// and still name a person; it returns how many it added.
func (d *directory) remember(r *Remembered) int {
	if r == nil {
		return 0
	}
	n := 0
	for from, u := range r.People {
		k := FoldName(from)
		if _, set := d.mapped[k]; set || k == "" {
			continue
		}
		if _, ok := d.names[u]; !ok {
			continue
		}
		d.mapped[k] = u
		d.mappedIDs[from] = u
		n++
	}
	return n
}

// person finds one person by name or e-mail ("Ann Lee <ann@example.com>"
// tries both); a name two people share finds nobody.
func (d *directory) person(s string) (id.ID, string) {
	s = strings.TrimSpace(s)
	if s == "" {
		return id.Nil, ""
	}
	if i := strings.IndexByte(s, '<'); i >= 0 && strings.HasSuffix(s, ">") {
		if u, by := d.person(s[i+1 : len(s)-1]); !u.IsZero() {
			return u, by
		}
		s = strings.TrimSpace(s[:i])
	}
	k := FoldName(s)
	if u, ok := d.mapped[k]; ok {
		return u, ByMap
	}
	if strings.Contains(k, "@") {
		if u, ok := d.byEmail[k]; ok {
			return u, ByEmail
		}
		return id.Nil, ""
	}
	if l := d.byName[k]; len(l) == 1 {
		return l[0], ByName
	}
	return id.Nil, ""
}

type ackResult struct {
	u  id.ID
	by string
	ok bool
}

// maxAckCache bounds the acknowledging names remembered.
const maxAckCache = 100_000

// acker matches the acknowledging user(s) of a page, the first listed that
// is a person; ok is false when names were given and none matched. Names
// repeat over a file, so the answers are remembered.
func (d *directory) acker(names string) (u id.ID, by string, ok bool) {
	if r, hit := d.ackCache[names]; hit {
		return r.u, r.by, r.ok
	}
	u, by, ok = d.ackerUncached(names)
	if len(d.ackCache) < maxAckCache {
		if d.ackCache == nil {
			d.ackCache = map[string]ackResult{}
		}
		d.ackCache[names] = ackResult{u, by, ok}
	}
	return u, by, ok
}

func (d *directory) ackerUncached(names string) (u id.ID, by string, ok bool) {
	if strings.TrimSpace(names) == "" {
		return id.Nil, "", true
	}
	if u, by := d.person(names); !u.IsZero() {
		return u, by, true
	}
	for _, n := range strings.FieldsFunc(names, func(r rune) bool { return r == ',' || r == ';' || r == '|' }) {
		if u, by := d.person(n); !u.IsZero() {
			return u, by, true
		}
	}
	return id.Nil, "", false
}

// team is the team a page's on-call fallback looks at: the owner of its
// service, else a team named in its team column.
func (d *directory) team(p *Page) id.ID {
	k := [2]string{p.Service, p.Team}
	if t, hit := d.teamCache[k]; hit {
		return t
	}
	t := d.teamUncached(p)
	if len(d.teamCache) < maxAckCache {
		if d.teamCache == nil {
			d.teamCache = map[[2]string]id.ID{}
		}
		d.teamCache[k] = t
	}
	return t
}

func (d *directory) teamUncached(p *Page) id.ID {
	if p.Service != "" {
		if t, ok := d.serviceTeam[FoldName(p.Service)]; ok && !t.IsZero() {
			return t
		}
		for _, s := range strings.Split(p.Service, ",") {
			if t, ok := d.serviceTeam[FoldName(s)]; ok && !t.IsZero() {
				return t
			}
		}
	}
	for _, s := range strings.Split(p.Team, ",") {
		if t, ok := d.teamByName[FoldName(s)]; ok {
			return t
		}
	}
	return id.Nil
}

// needsShifts says whether the on-call fallback can find someone for p.
func (d *directory) needsShifts(p *Page) bool {
	return len(d.teamRots[d.team(p)]) > 0
}

// loadShifts computes the shifts of every rotation over [from, to), in
// windows the on-call math accepts.
func (d *directory) loadShifts(svc *oncall.Service, from, to time.Time) error {
	d.shifts = map[id.ID][]oncall.Shift{}
	if !to.After(from) {
		return nil
	}
	for start := from; start.Before(to); start = start.Add(oncall.MaxWindow) {
		end := start.Add(oncall.MaxWindow)
		if end.After(to) {
			end = to
		}
		l, err := svc.AllShifts(start, end)
		if err != nil {
			return err
		}
		for _, s := range l {
			if s.Gap || s.PersonID.IsZero() {
				continue
			}
			d.shifts[s.RotationID] = append(d.shifts[s.RotationID], s)
		}
	}
	for r, l := range d.shifts {
		sort.SliceStable(l, func(i, j int) bool { return l[i].Start.Before(l[j].Start) })
		d.shifts[r] = l
	}
	return nil
}

// onCall is who was on call for the page's team when it was created: the
// first rotation of the team's schedule, in final-schedule precedence, with
// someone on call then — the person the team's final schedule shows.
func (d *directory) onCall(p *Page) (person, rotation id.ID) {
	for _, r := range d.teamRots[d.team(p)] {
		l := d.shifts[r.ID]
		i := sort.Search(len(l), func(i int) bool { return l[i].Start.After(p.Created) }) - 1
		// Shifts of a rotation do not overlap, but a whole shift listed by
		// two windows appears twice: look back past equal starts.
		for ; i >= 0 && i < len(l); i-- {
			if !p.Created.Before(l[i].End) {
				if i > 0 && l[i-1].Start.Equal(l[i].Start) {
					continue
				}
				break
			}
			return l[i].PersonID, r.ID
		}
	}
	return id.Nil, id.Nil
}

// resolve sets the responder of p; unmatched reports acknowledging names
// that matched nobody.
func (d *directory) resolve(p *Page) (unmatched bool) {
	p.ResponderID, p.ResponderBy, p.RotationID = id.Nil, "", id.Nil
	u, by, ok := d.acker(p.AckBy)
	if !u.IsZero() {
		p.ResponderID, p.ResponderBy = u, by
		return false
	}
	if person, rot := d.onCall(p); !person.IsZero() {
		p.ResponderID, p.ResponderBy, p.RotationID = person, ByOnCall, rot
	}
	return !ok
}
