package people

import (
	"sort"
	"strings"
	"time"

	"wheelhouse/backend/id"
	"wheelhouse/backend/tz"
)

// Ref names a record.
type Ref struct {
	ID   id.ID  `json:"id"`
	Name string `json:"name"`
}

// LevelCount is one bar of the seniority mix.
type LevelCount struct {
	Level  string `json:"level"` // "" means no level set
	People []Ref  `json:"people"`
}

// ServiceProblem is a service that lacks an owner or a contact.
type ServiceProblem struct {
	Service  Ref      `json:"service"`
	Team     Ref      `json:"team"`
	Problems []string `json:"problems"`
}

// SinglePoint is a skill that only one active person holds (at Working level
// or above): if they leave or are on vacation, nobody else can do it.
type SinglePoint struct {
	Skill       string `json:"skill"`
	Holder      Ref    `json:"holder"`
	HolderLevel int    `json:"holderLevel"`
	Learners    []Ref  `json:"learners"` // people at level 1 who could become a second holder
}

// LocalTime is what the clock says where a person is.
type LocalTime struct {
	Person   Ref    `json:"person"`
	TimeZone string `json:"timezone"`
	Local    string `json:"local"`   // "2006-01-02T15:04" wall clock in their zone
	Weekday  string `json:"weekday"` // "Mon"
	Offset   string `json:"offset"`  // "UTC+05:30"
	Working  bool   `json:"working"` // Mon-Fri 09:00-18:00 local
}

// Overview is the team overview screen.
type Overview struct {
	Now             time.Time        `json:"now"`
	People          int              `json:"people"`
	Archived        int              `json:"archived"`
	Teams           int              `json:"teams"`
	Services        int              `json:"services"`
	LevelMix        []LevelCount     `json:"levelMix"`
	ServiceProblems []ServiceProblem `json:"serviceProblems"`
	SinglePoints    []SinglePoint    `json:"singlePoints"`
	// WithoutSkills counts the active people with no skill recorded: with
	// nobody's skills known, "no single points of knowledge" means nothing.
	WithoutSkills int         `json:"withoutSkills"`
	LocalTimes    []LocalTime `json:"localTimes"`
}

// HolderLevel is the proficiency from which someone "holds" a skill.
const HolderLevel = 2

// Overview computes the team overview from one consistent snapshot.
func (r *Roster) Overview() (Overview, error) {
	d, err := r.Directory()
	if err != nil {
		return Overview{}, err
	}
	return ComputeOverview(r.clock.Now(), d.Ladder, d.People, d.Teams, d.Services), nil
}

// ComputeOverview is the pure part of Overview.
func ComputeOverview(now time.Time, ladder []string, ps []Person, ts []Team, ss []Service) Overview {
	sortPeople(ps)
	ov := Overview{Now: now.UTC(), Teams: len(ts), Services: len(ss),
		LevelMix: []LevelCount{}, ServiceProblems: []ServiceProblem{}, SinglePoints: []SinglePoint{}, LocalTimes: []LocalTime{}}
	active := map[id.ID]Person{}
	byLevel := map[string][]Ref{}
	for _, p := range ps {
		if p.Archived {
			ov.Archived++
			continue
		}
		ov.People++
		active[p.ID] = p
		byLevel[p.Level] = append(byLevel[p.Level], Ref{p.ID, p.Name})
	}
	for _, l := range ladder {
		ov.LevelMix = append(ov.LevelMix, LevelCount{Level: l, People: nonNil(byLevel[l])})
	}
	if refs := byLevel[""]; len(refs) > 0 {
		ov.LevelMix = append(ov.LevelMix, LevelCount{Level: "", People: refs})
	}

	teamName := map[id.ID]string{}
	for _, t := range ts {
		teamName[t.ID] = t.Name
	}
	sort.Slice(ss, func(i, j int) bool { return strings.ToLower(ss[i].Name) < strings.ToLower(ss[j].Name) })
	for _, s := range ss {
		var probs []string
		if _, ok := teamName[s.TeamID]; !ok {
			probs = append(probs, "No owning team.")
		}
		_, pOK := active[s.PrimaryID]
		_, sOK := active[s.SecondaryID]
		switch {
		case !pOK && !sOK:
			probs = append(probs, "No contact: name a primary contact.")
		case !pOK:
			probs = append(probs, "No primary contact.")
		case !sOK && s.Criticality == CriticalityCustomer24x7:
			probs = append(probs, "Customer-facing 24/7 with a single contact: add a secondary.")
		}
		if len(probs) > 0 {
			ov.ServiceProblems = append(ov.ServiceProblems, ServiceProblem{
				Service: Ref{s.ID, s.Name}, Team: Ref{s.TeamID, teamName[s.TeamID]}, Problems: probs})
		}
	}

	type holding struct {
		display  string
		holders  []Ref
		levels   []int
		learners []Ref
	}
	skills := map[string]*holding{}
	for _, p := range ps {
		if p.Archived {
			continue
		}
		if len(p.Skills) == 0 {
			ov.WithoutSkills++
		}
		for _, sk := range p.Skills {
			k := strings.ToLower(sk.Name)
			h := skills[k]
			if h == nil {
				h = &holding{display: sk.Name}
				skills[k] = h
			}
			if sk.Level >= HolderLevel {
				h.holders = append(h.holders, Ref{p.ID, p.Name})
				h.levels = append(h.levels, sk.Level)
			} else {
				h.learners = append(h.learners, Ref{p.ID, p.Name})
			}
		}
	}
	for _, h := range skills {
		if len(h.holders) == 1 {
			ov.SinglePoints = append(ov.SinglePoints, SinglePoint{Skill: h.display, Holder: h.holders[0],
				HolderLevel: h.levels[0], Learners: nonNil(h.learners)})
		}
	}
	sort.Slice(ov.SinglePoints, func(i, j int) bool {
		return strings.ToLower(ov.SinglePoints[i].Skill) < strings.ToLower(ov.SinglePoints[j].Skill)
	})

	for _, p := range ps {
		if p.Archived {
			continue
		}
		loc, ok := tz.Load(p.TimeZone)
		if !ok {
			continue
		}
		t := now.In(loc)
		wd := t.Weekday()
		ov.LocalTimes = append(ov.LocalTimes, LocalTime{
			Person: Ref{p.ID, p.Name}, TimeZone: p.TimeZone,
			Local: t.Format("2006-01-02T15:04"), Weekday: t.Format("Mon"),
			Offset:  tz.OffsetLabel(now, loc),
			Working: wd != time.Saturday && wd != time.Sunday && t.Hour() >= 9 && t.Hour() < 18,
		})
	}
	sort.SliceStable(ov.LocalTimes, func(i, j int) bool {
		_, oi := now.In(mustLoc(ov.LocalTimes[i].TimeZone)).Zone()
		_, oj := now.In(mustLoc(ov.LocalTimes[j].TimeZone)).Zone()
		return oi < oj
	})
	return ov
}

func mustLoc(name string) *time.Location {
	loc, ok := tz.Load(name)
	if !ok {
		return time.UTC
	}
	return loc
}

func nonNil(r []Ref) []Ref {
	if r == nil {
		return []Ref{}
	}
	return r
}
