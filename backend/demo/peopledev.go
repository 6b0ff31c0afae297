package demo

import (
	"fmt"
	"math/rand/v2"
	"time"

	"wheelhouse/backend/civil"
	"wheelhouse/backend/feedback"
	"wheelhouse/backend/followup"
	"wheelhouse/backend/growth"
	"wheelhouse/backend/id"
	"wheelhouse/backend/oneonone"
	"wheelhouse/backend/people"
	"wheelhouse/backend/workspace"
)

var topicsMe = []string{"On-call load this month", "Feedback from the design review", "Promotion expectations for the next level",
	"Team priorities for next quarter", "Hiring loop: can you interview?", "How the migration is going", "Your development plan goals",
	"Pairing with the new joiner", "Conference talk proposal", "Incident follow-ups you own"}
var topicsThem = []string{"Career: what staff looks like here", "Too many meetings on Wednesdays", "Want to lead the next project",
	"Frustrated with flaky CI", "Learning Rust on the side", "Time off in December", "Unclear ownership of the ledger service",
	"Interested in mentoring someone", "Feeling stretched thin", "Wants more architecture work"}
var sharedNotes = []string{"Agreed to revisit the scope of the migration next week.", "Good progress on the plan goals; next milestone is the design doc.",
	"Discussed the on-call rota; will look at swapping the holiday week.", "Talked through the review feedback; next step is a written proposal.",
	"Celebrated the launch. Capture the learnings in the team retro."}
var privateNotes = []string{"Seems tired; keep an eye on load.", "Mentioned a possible move to another team. Follow up carefully.",
	"Energy much better since the project change.", "Family matters this month: be flexible with hours.", "Frustration with the lead; talk to them separately."}

// Feedback texts: even indexes are praise, odd ones constructive, each with
// the impact it had.
var behaviours = []string{"Ran the incident bridge calmly and kept the timeline up to date", "Interrupted others in the planning meeting",
	"Wrote a clear design doc that unblocked two teams", "Merged without review to hit the deadline", "Mentored the new joiner through their first on-call week",
	"Gave vague estimates in the roadmap review", "Proactively fixed the flaky test suite", "Missed the handoff notes at the end of the on-call week"}
var impacts = []string{"The team could act quickly.", "Two colleagues stopped contributing.", "It saved two teams a week of work.",
	"A bad migration reached production.", "They were confident on their first night shift.", "Stakeholders lost trust in the date.",
	"Every merge is faster now.", "The next person on call started blind."}

// genPeopleDev fills 1:1s, feedback, development plans and mentoring. The
// large workspace has five years of them for every report.
func genPeopleDev(s *workspace.Snapshot, size Size, now time.Time, seed uint64) {
	rng := rand.New(rand.NewPCG(seed, 5))
	today := now.Format(civil.Layout)
	mgr := s.People[0]
	years := 5
	if size == Small {
		years = 0 // about half a year
	}
	horizon := now.AddDate(-years, -6, 0)
	cadences := []oneonone.Cadence{oneonone.Weekly, oneonone.Biweekly, oneonone.Biweekly, oneonone.Monthly}
	incidentsOf := commandedIncidents(s)
	for pi := 1; pi < len(s.People); pi++ {
		p := s.People[pi]
		start, _ := civil.Parse(p.StartDate)
		if start.Before(horizon) {
			start = horizon
		}
		end := now
		if p.Archived {
			end = p.ArchivedAt
		}
		if !start.Before(end) {
			continue
		}
		c := cadences[(pi+rng.IntN(2))%len(cadences)]
		weekday := 1 + rng.IntN(5)
		first := start
		for int(first.Weekday()) != weekday {
			first = first.AddDate(0, 0, 1)
		}
		ser := oneonone.Series{PersonID: p.ID, Cadence: c, Weekday: weekday, Time: fmt.Sprintf("%02d:%02d", 9+rng.IntN(7), 30*rng.IntN(2)),
			DurationMinutes: 30, StartDate: first.Format(civil.Layout), CreatedAt: start, UpdatedAt: start}
		if !p.Archived {
			s.OneOnOnes.Series = append(s.OneOnOnes.Series, ser)
		}
		// A few people are overdue: their last meetings did not happen.
		stopEarly := !p.Archived && pi%5 == 2
		lastDay := end
		if stopEarly {
			lastDay = end.AddDate(0, 0, -3*c.Days()+3)
		}
		var prev *oneonone.Meeting
		mood := 3 + rng.IntN(2)
		falling := pi%7 == 3
		n := 0
		for d := first; d.Before(lastDay); d, _ = civil.Parse(ser.NextAfter(d.Format(civil.Layout))) {
			at := d.Add(time.Duration(9+rng.IntN(8)) * time.Hour)
			if rng.IntN(12) == 0 { // skipped: holiday, sick day
				continue
			}
			m := oneonone.Meeting{ID: id.New(at), PersonID: p.ID, Date: d.Format(civil.Layout), Status: oneonone.Held,
				CreatedAt: at, UpdatedAt: at, Agenda: []oneonone.AgendaItem{}}
			if prev != nil {
				for _, a := range prev.Open() {
					m.Agenda = append(m.Agenda, oneonone.AgendaItem{ID: id.New(at), Text: a.Text, By: a.By, OriginID: a.OriginID,
						CarriedFrom: prev.Date, Carried: a.Carried + 1})
				}
			}
			for k := 0; k < 1+rng.IntN(3); k++ {
				a := oneonone.AgendaItem{ID: id.New(at), By: oneonone.SideMe, Text: topicsMe[rng.IntN(len(topicsMe))]}
				if rng.IntN(2) == 0 {
					a.By, a.Text = oneonone.SideThem, topicsThem[rng.IntN(len(topicsThem))]
				}
				a.OriginID = a.ID
				m.Agenda = append(m.Agenda, a)
			}
			for k := range m.Agenda {
				// most topics are finished; old carried ones always are
				m.Agenda[k].Done = rng.IntN(5) != 0 || m.Agenda[k].Carried >= 2
			}
			if rng.IntN(3) > 0 {
				m.SharedNotes = sharedNotes[rng.IntN(len(sharedNotes))]
			}
			if rng.IntN(4) == 0 {
				m.PrivateNotes = privateNotes[rng.IntN(len(privateNotes))]
			}
			if rng.IntN(4) > 0 {
				// a random walk pulled back towards 4 (people have bad
				// weeks, not bad years), except the last two months of the
				// few whose mood falls
				mood += rng.IntN(3) - 1
				switch {
				case falling && d.After(now.AddDate(0, -2, 0)):
					mood--
				case mood < 3:
					mood++
				case mood > 4 && rng.IntN(2) == 0:
					mood--
				}
				mood = max(1, min(5, mood))
				m.Mood, m.Energy = mood, max(1, min(5, mood+rng.IntN(3)-1))
			}
			s.OneOnOnes.Meetings = append(s.OneOnOnes.Meetings, m)
			// Every few meetings a follow-up, owned by either side.
			if n%6 == 2 {
				owner := p.ID
				if rng.IntN(2) == 0 {
					owner = mgr.ID
				}
				it := followup.Item{ID: id.New(at), Title: followUpTitles[rng.IntN(len(followUpTitles))], OwnerID: owner,
					DueDate: d.AddDate(0, 0, 7+rng.IntN(14)).Format(civil.Layout), Priority: followup.PriorityMedium,
					Status: followup.StatusDone, Source: followup.Source{Kind: followup.SourceOneOnOne, ID: m.ID, Label: "1:1 with " + p.Name + ", " + m.Date},
					CreatedAt: at, UpdatedAt: at}
				if d.After(now.AddDate(0, 0, -40)) && !p.Archived {
					it.Status = followup.StatusOpen // recent ones are still open (some overdue)
				} else {
					it.CompletedAt = at.AddDate(0, 0, 5+rng.IntN(10))
				}
				s.FollowUps = append(s.FollowUps, it)
			}
			prev = &s.OneOnOnes.Meetings[len(s.OneOnOnes.Meetings)-1]
			n++
		}
		// The next 1:1 is planned for some, with the open topics carried.
		if !p.Archived && !stopEarly && prev != nil && pi%3 == 0 {
			next := ser.NextAfter(prev.Date)
			if next < today {
				next = today
			}
			at := now.Add(-time.Hour)
			m := oneonone.Meeting{ID: id.New(at), PersonID: p.ID, Date: next, Status: oneonone.Planned, CreatedAt: at, UpdatedAt: at, Agenda: []oneonone.AgendaItem{}}
			for _, a := range prev.Open() {
				m.Agenda = append(m.Agenda, oneonone.AgendaItem{ID: id.New(at), Text: a.Text, By: a.By, OriginID: a.OriginID, CarriedFrom: prev.Date, Carried: a.Carried + 1})
			}
			if next != prev.Date {
				s.OneOnOnes.Meetings = append(s.OneOnOnes.Meetings, m)
			}
		}
		genFeedback(s, p, start, end, now, rng)
		if !p.Archived && (size == Large || pi%2 == 1) {
			s.Growth.Plans = append(s.Growth.Plans, genPlan(p, now, rng, incidentsOf[p.ID]))
		}
	}
	genMentoring(s, now, rng)
}

var followUpTitles = []string{"Share the promotion doc template", "Book time with the platform lead", "Write up the migration proposal",
	"Find a conference budget", "Swap the holiday on-call week", "Review the career ladder together", "Set up pairing with the new joiner"}

func genFeedback(s *workspace.Snapshot, p people.Person, start, end, now time.Time, rng *rand.Rand) {
	for d := start.AddDate(0, 0, rng.IntN(20)); d.Before(end); d = d.AddDate(0, 0, 10+rng.IntN(40)) {
		at := d.Add(time.Duration(10+rng.IntN(7)) * time.Hour)
		praise := 2 * rng.IntN(len(behaviours)/2)
		e := feedback.Entry{ID: id.New(at), PersonID: p.ID, Kind: feedback.Positive, Behaviour: behaviours[praise],
			Situation: "During the " + []string{"sprint review", "incident on " + d.Format("2 Jan"), "planning meeting", "design review"}[rng.IntN(4)],
			Impact:    impacts[praise],
			Status:    feedback.Delivered, DeliveredOn: d.AddDate(0, 0, rng.IntN(4)).Format(civil.Layout),
			How: feedback.Channels[rng.IntN(len(feedback.Channels))], CreatedAt: at, UpdatedAt: at}
		if rng.IntN(3) == 0 {
			e.Kind, e.Behaviour, e.Impact = feedback.Constructive, behaviours[praise+1], impacts[praise+1]
			e.NextStep = "Let's agree on what to do differently next time; I can help."
		}
		if e.DeliveredOn > now.Format(civil.Layout) || (d.After(now.AddDate(0, 0, -12)) && rng.IntN(2) == 0) {
			e.Status, e.DeliveredOn, e.How = feedback.Draft, "", "" // recent ones are sometimes still drafts
		}
		s.Feedback.Entries = append(s.Feedback.Entries, e)
	}
}

// commandedIncidents maps people to incidents they commanded, newest last.
func commandedIncidents(s *workspace.Snapshot) map[id.ID][]id.ID {
	out := map[id.ID][]id.ID{}
	for _, in := range s.Incidents {
		if !in.CommanderID.IsZero() {
			out[in.CommanderID] = append(out[in.CommanderID], in.ID)
		}
	}
	return out
}

func genPlan(p people.Person, now time.Time, rng *rand.Rand, commanded []id.ID) growth.Plan {
	at := now.AddDate(0, -rng.IntN(12), 0)
	pl := growth.Plan{PersonID: p.ID, TargetRole: "Senior Software Engineer", GrowthAreas: []string{skills[rng.IntN(len(skills))], skills[rng.IntN(len(skills))]},
		Summary: "Grow scope from tasks to projects; lead one cross-team effort this year.", Goals: []growth.Goal{}, Stretch: []growth.Assignment{},
		Evidence: []growth.Evidence{}, Revision: 1, CreatedAt: at, UpdatedAt: at}
	if p.Aspiration == people.AspirationManagement {
		pl.TargetRole = "Engineering Lead"
	}
	pl.GrowthAreas = growth.Areas(pl.GrowthAreas)
	titles := []string{"Lead a project end to end", "Become incident commander", "Write and present a design doc", "Mentor a new joiner"}
	for gi := 0; gi < 2+rng.IntN(2); gi++ {
		g := growth.Goal{ID: id.New(at), Title: titles[(gi+rng.IntN(2))%len(titles)], Status: growth.GoalInProgress,
			TargetDate: now.AddDate(0, 1+rng.IntN(6), 0).Format(civil.Layout)}
		for mi := 0; mi < 3; mi++ {
			due := now.AddDate(0, 0, -30+mi*20+rng.IntN(10))
			m := growth.Milestone{ID: id.New(at), Title: []string{"Draft the plan", "Review with the lead", "Present to the team"}[mi],
				DueDate: due.Format(civil.Layout)}
			if due.Before(now) && rng.IntN(3) > 0 {
				m.Done, m.DoneOn = true, due.Format(civil.Layout)
			}
			g.Milestones = append(g.Milestones, m)
		}
		pl.Goals = append(pl.Goals, g)
	}
	pl.Stretch = append(pl.Stretch, growth.Assignment{ID: id.New(at), Title: "Run the quarterly architecture review",
		StartDate: now.AddDate(0, -1, 0).Format(civil.Layout), EndDate: now.AddDate(0, 2, 0).Format(civil.Layout), Status: growth.StretchActive})
	if n := len(commanded); n > 0 {
		pl.Evidence = append(pl.Evidence, growth.Evidence{ID: id.New(at), Kind: growth.EvidenceIncident, RefID: commanded[n-1],
			Label: "Commanded an incident", Note: "Kept the bridge calm and the timeline complete."})
	}
	pl.Evidence = append(pl.Evidence, growth.Evidence{ID: id.New(at), Kind: growth.EvidenceNote, Label: "Presented the migration at the all-hands",
		Date: now.AddDate(0, -2, 0).Format(civil.Layout)})
	return pl
}

func genMentoring(s *workspace.Snapshot, now time.Time, rng *rand.Rand) {
	var active []people.Person
	for _, p := range s.People[1:] {
		if !p.Archived {
			active = append(active, p)
		}
	}
	for i := 0; i+1 < len(active) && i < 8; i += 2 {
		mentor, mentee := active[i], active[i+1]
		if mentor.Level < mentee.Level {
			mentor, mentee = mentee, mentor
		}
		focus := []string{}
		if len(mentor.Skills) > 0 {
			focus = append(focus, mentor.Skills[0].Name)
		}
		at := now.AddDate(0, -2-rng.IntN(6), 0)
		s.Growth.Mentorships = append(s.Growth.Mentorships, growth.Mentorship{ID: id.New(at), MentorID: mentor.ID, MenteeID: mentee.ID,
			Focus: focus, StartDate: at.Format(civil.Layout), CheckInEveryDays: 14 + 7*rng.IntN(3),
			LastCheckIn: now.AddDate(0, 0, -rng.IntN(40)).Format(civil.Layout), CreatedAt: at, UpdatedAt: at})
	}
}
