package growth

import (
	"bytes"
	"slices"
	"strings"

	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/id"
	"wheelhouse/backend/people"
)

// MinMentorLevel is the least proficiency (1-4) a mentor holds in a skill:
// 3 Proficient or 4 Expert.
const MinMentorLevel = 3

// SkillMatch is a skill a mentor holds that is a growth area of the mentee.
type SkillMatch struct {
	Name  string `json:"name"`  // as the mentor's skill is spelled
	Level int    `json:"level"` // the mentor's proficiency, 3 or 4
}

// Suggestion is a mentoring pair worth creating.
type Suggestion struct {
	MentorID   id.ID        `json:"mentorId" ts_type:"string"`
	MentorName string       `json:"mentorName"`
	MenteeID   id.ID        `json:"menteeId" ts_type:"string"`
	MenteeName string       `json:"menteeName"`
	Skills     []SkillMatch `json:"skills"` // best first
	Level      int          `json:"level"`  // the mentor's best level among Skills
	// MentorLoad is how many active mentees the mentor has now.
	MentorLoad int    `json:"mentorLoad"`
	Reason     string `json:"reason"`
}

// Suggest pairs people who hold a skill at level 3-4 with people whose
// development plan lists that skill as a growth area (names compared
// ignoring case and surrounding space). Left out: a person with themselves,
// archived people (either side), pairs that are already active (that mentor
// with that mentee), and a skill the mentee already holds at the mentor's
// level or above. One suggestion per mentor and mentee, with every skill
// that matches.
//
// Ranked: a mentor at level 4 before level 3, more matching skills first,
// then mentors with fewer current mentees, then by mentee and mentor name
// (and ids, so equal names still sort the same every time). perMentee > 0
// keeps only that many of the best mentors for each mentee.
func Suggest(persons []people.Person, plans []Plan, pairs []Mentorship, perMentee int) []Suggestion {
	type holder struct {
		p     *people.Person
		name  string
		level int
	}
	byID := make(map[id.ID]*people.Person, len(persons))
	experts := map[string][]holder{} // folded skill -> people at level 3-4
	for i := range persons {
		p := &persons[i]
		if p.Archived {
			continue
		}
		byID[p.ID] = p
		for _, s := range p.Skills {
			if s.Level >= MinMentorLevel {
				k := fold(s.Name)
				experts[k] = append(experts[k], holder{p, strings.TrimSpace(s.Name), s.Level})
			}
		}
	}
	type pairKey struct{ mentor, mentee id.ID }
	active := map[pairKey]bool{}
	load := map[id.ID]int{}
	for i := range pairs {
		if m := &pairs[i]; m.Active() {
			active[pairKey{m.MentorID, m.MenteeID}] = true
			load[m.MentorID]++
		}
	}
	var all []*Suggestion
	found := map[id.ID]*Suggestion{} // this mentee's, by mentor
	for i := range plans {
		pl := &plans[i]
		mentee, ok := byID[pl.PersonID]
		if !ok || len(pl.GrowthAreas) == 0 {
			continue
		}
		has := map[string]int{}
		for _, s := range mentee.Skills {
			has[fold(s.Name)] = s.Level
		}
		clear(found)
		var mine []*Suggestion
		seenArea := map[string]bool{}
		for _, area := range pl.GrowthAreas {
			k := fold(area)
			if k == "" || seenArea[k] {
				continue
			}
			seenArea[k] = true
			for _, h := range experts[k] {
				if h.p.ID == mentee.ID || h.level <= has[k] || active[pairKey{h.p.ID, mentee.ID}] {
					continue
				}
				sg := found[h.p.ID]
				if sg == nil {
					sg = &Suggestion{MentorID: h.p.ID, MentorName: h.p.Name, MenteeID: mentee.ID, MenteeName: mentee.Name,
						MentorLoad: load[h.p.ID]}
					found[h.p.ID] = sg
					mine = append(mine, sg)
				}
				sg.Skills = append(sg.Skills, SkillMatch{Name: h.name, Level: h.level})
				if h.level > sg.Level {
					sg.Level = h.level
				}
			}
		}
		slices.SortFunc(mine, compare)
		if perMentee > 0 && len(mine) > perMentee {
			mine = mine[:perMentee]
		}
		for _, sg := range mine {
			slices.SortStableFunc(sg.Skills, func(a, b SkillMatch) int { return b.Level - a.Level })
			sg.Reason = reason(sg)
		}
		all = append(all, mine...)
	}
	slices.SortFunc(all, compare)
	out := make([]Suggestion, len(all))
	for i, sg := range all {
		out[i] = *sg
	}
	return out
}

// compare is the ranking of suggestions (a total order: ids break ties).
func compare(a, b *Suggestion) int {
	switch {
	case a.Level != b.Level:
		return b.Level - a.Level
	case len(a.Skills) != len(b.Skills):
		return len(b.Skills) - len(a.Skills)
	case a.MentorLoad != b.MentorLoad:
		return a.MentorLoad - b.MentorLoad
	case a.MenteeName != b.MenteeName:
		return strings.Compare(a.MenteeName, b.MenteeName)
	case a.MentorName != b.MentorName:
		return strings.Compare(a.MentorName, b.MentorName)
	case a.MenteeID != b.MenteeID:
		return bytes.Compare(a.MenteeID[:], b.MenteeID[:])
	}
	return bytes.Compare(a.MentorID[:], b.MentorID[:])
}

// reason is the one line that says why: "Alex is Expert in Go; Sam's plan
// lists Go as a growth area."
func reason(sg *Suggestion) string {
	var held []string
	for _, s := range sg.Skills {
		held = append(held, people.SkillLevelNames[s.Level]+" in "+s.Name)
	}
	var b strings.Builder
	b.WriteString(sg.MentorName + " is " + andList(held) + "; " + possessive(sg.MenteeName) + " plan lists ")
	switch len(sg.Skills) {
	case 1:
		b.WriteString(sg.Skills[0].Name + " as a growth area.")
	case 2:
		b.WriteString("both as growth areas.")
	default:
		b.WriteString("them as growth areas.")
	}
	return b.String()
}

func andList(l []string) string {
	switch len(l) {
	case 0:
		return ""
	case 1:
		return l[0]
	}
	return strings.Join(l[:len(l)-1], ", ") + " and " + l[len(l)-1]
}

func possessive(name string) string { return name + "'s" }

// Suggestions kept per mentee: the mentoring view shows the best few
// mentors for each person, the person page a few more.
const (
	SuggestPerMentee       = 3
	SuggestPerMenteePerson = 5
)

// SuggestionsTx reads the roster, the plans and the pairs inside txn and
// returns Suggest's answer, the best SuggestPerMentee for each mentee.
func SuggestionsTx(txn *badger.Txn) ([]Suggestion, error) {
	var plans []Plan
	// Plans without growth areas cannot match: skip reading the roster
	// when nobody has any.
	err := Plans.Each(txn, func(p *Plan) error {
		if len(p.GrowthAreas) > 0 {
			plans = append(plans, Plan{PersonID: p.PersonID, GrowthAreas: p.GrowthAreas})
		}
		return nil
	})
	if err != nil || len(plans) == 0 {
		return nil, err
	}
	return suggestTx(txn, plans, SuggestPerMentee)
}

// SuggestionsForTx returns the best SuggestPerMenteePerson mentors for one
// person's growth areas (none without a plan).
func SuggestionsForTx(txn *badger.Txn, mentee id.ID) ([]Suggestion, error) {
	p, ok, err := PlanTx(txn, mentee)
	if err != nil || !ok || len(p.GrowthAreas) == 0 {
		return nil, err
	}
	return suggestTx(txn, []Plan{p}, SuggestPerMenteePerson)
}

func suggestTx(txn *badger.Txn, plans []Plan, perMentee int) ([]Suggestion, error) {
	persons, err := people.Persons.List(txn)
	if err != nil {
		return nil, err
	}
	pairs, err := Mentorships.List(txn)
	if err != nil {
		return nil, err
	}
	return Suggest(persons, plans, pairs, perMentee), nil
}
