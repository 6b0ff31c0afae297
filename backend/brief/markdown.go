package brief

import (
	"fmt"
	"math"
	"strings"
	"time"

	"wheelhouse/backend/civil"
)

// Markdown renders the brief for export. Private notes appear only when the
// brief was built with them, under a heading that says so.
func Markdown(br *Brief) string {
	var b strings.Builder
	w := func(format string, a ...any) { fmt.Fprintf(&b, format, a...) }
	p := br.Person
	w("# 1:1 prep: %s\n\n", md(p.Name))
	var facts []string
	if p.Role != "" {
		facts = append(facts, md(p.Role))
	}
	if p.Level != "" {
		facts = append(facts, md(p.Level))
	}
	facts = append(facts, md(p.TimeZone))
	w("%s · prepared %s\n\n", strings.Join(facts, " · "), br.Today)
	switch {
	case br.Cadence != nil:
		w("**Cadence:** %s. %s\n\n", br.Cadence.Cadence.Label(), md(br.Cadence.Message))
	case br.DaysSince >= 0:
		w("**Last 1:1:** %s (%d days ago).\n\n", br.LastMeeting.Date, br.DaysSince)
	default:
		w("**No 1:1 held yet.**\n\n")
	}
	if !br.IncludesPrivate {
		w("_Private notes are not included, nor mood or feedback text._\n\n")
	}

	if len(br.Suggestions) > 0 {
		w("## Suggested agenda\n\n")
		for _, s := range br.Suggestions {
			w("- %s. _%s_\n", md(s.Text), md(s.Why))
		}
		w("\n")
	}
	w("## Open topics\n\n")
	if len(br.Topics) == 0 {
		w("None carried over.\n\n")
	} else {
		for _, t := range br.Topics {
			by := "me"
			if t.By == "them" {
				by = firstName(p.Name)
			}
			carried := ""
			if t.Carried > 0 {
				carried = fmt.Sprintf(" (carried from %s", t.CarriedFrom)
				if t.Carried > 1 {
					carried += fmt.Sprintf(", %d times", t.Carried)
				}
				carried += ")"
			}
			w("- [ ] %s — raised by %s%s\n", md(t.Text), md(by), carried)
		}
		w("\n")
	}

	w("## Follow-ups\n\n")
	if len(br.FollowUpsTheirs)+len(br.FollowUpsMine) == 0 {
		w("Nothing open.")
	}
	for _, f := range br.FollowUpsTheirs {
		w("- %s: %s%s\n", md(firstName(p.Name)), md(f.Title), due(f.DueDate, br.Today))
	}
	for _, f := range br.FollowUpsMine {
		w("- Me (or others): %s%s\n", md(f.Title), due(f.DueDate, br.Today))
	}
	if br.ClosedSince > 0 {
		w("\n%s closed %d follow-up%s since %s.\n", md(firstName(p.Name)), br.ClosedSince, plural(br.ClosedSince), br.Since)
	}
	w("\n")

	w("## Feedback\n\n")
	r := br.Feedback.Recent
	w("Last 90 days: %d positive and %d constructive delivered; %d draft%s waiting.\n",
		r.PositiveDelivered, r.ConstructiveDelivered, len(br.FeedbackDrafts), plural(len(br.FeedbackDrafts)))
	for _, n := range br.Feedback.Notes {
		w("- %s\n", md(n))
	}
	for _, d := range br.FeedbackDrafts {
		w("\n**Draft (%s).** ", d.Kind)
		if !br.IncludesPrivate {
			w("Its text is private and not included.\n")
			continue
		}
		if d.Situation != "" {
			w("Situation: %s ", sentence(d.Situation))
		}
		w("Behaviour: %s", sentence(d.Behaviour))
		if d.Impact != "" {
			w(" Impact: %s", sentence(d.Impact))
		}
		if d.NextStep != "" {
			w(" Next step: %s", sentence(d.NextStep))
		}
		w("\n")
	}
	w("\n")

	if len(br.Goals) > 0 {
		w("## Development plan\n\n")
		for _, g := range br.Goals {
			what := md(g.Goal)
			if g.Milestone != "" {
				what = md(g.Milestone) + " (" + md(g.Goal) + ")"
			}
			state := fmt.Sprintf("due %s, in %d day%s", civil.Text(g.DueDate), g.Days, plural(g.Days))
			if g.Late {
				state = fmt.Sprintf("**late**: due %s", civil.Text(g.DueDate))
			}
			w("- %s — %s\n", what, state)
		}
		w("\n")
	}

	if len(br.Mood) > 0 {
		w("## Mood\n\n")
		var pts []string
		for _, m := range br.Mood {
			pts = append(pts, fmt.Sprintf("%s: %d", m.Date, m.Mood))
		}
		trend := br.MoodTrend
		if trend == "" {
			trend = "not enough check-ins"
		}
		w("%s (trend: %s)\n\n", strings.Join(pts, " · "), trend)
	}

	l := br.OnCall
	w("## On call since %s\n\n", br.Since)
	if !l.InRotation && l.Shifts == 0 {
		w("Not in any rotation.\n\n")
	} else {
		w("%d shift%s, %s hours: %s at night, %s at weekends, %s on holidays", l.Shifts, plural(l.Shifts), num(l.Hours),
			num(l.NightHours), num(l.WeekendHours), num(l.HolidayHours))
		if len(l.Holidays) > 0 {
			w(" (%s)", md(strings.Join(l.Holidays, ", ")))
		}
		w(". Pages: %d (%d at night).\n", l.Pages, l.NightPages)
		if l.Weeks > 0 {
			w("On call in %s of the last %d weeks.\n", num(l.WeeksOnCall), l.Weeks)
		}
		if l.NextShift != nil {
			w("Next shift starts %s.\n", l.NextShift.Start.Format("Mon 2 Jan 15:04 MST"))
		}
		w("\n")
	}
	if pg := l.Paging; pg != nil {
		// The imported paging history (as the app's brief shows it):
		// counts and medians, operational data (docs/privacy.md).
		w("### Imported pages since %s\n\n", br.Since)
		w("Paged %d time%s: %d in sleep hours (22:00–08:00 their time), %d in off hours, %d in business hours.",
			pg.Pages, plural(pg.Pages), pg.Sleep, pg.OffHours, pg.Business)
		if pg.OnCallDays > 0 {
			w(" %s a day over %s on-call day%s.", num(round1(pg.PerDay)), num(round1(pg.OnCallDays)), pluralF(pg.OnCallDays))
		}
		if pg.MTTASeconds != nil || pg.MTTRSeconds != nil {
			w(" Median time to acknowledge %s, to resolve %s.", medianText(pg.MTTASeconds), medianText(pg.MTTRSeconds))
		}
		w("\n")
		for _, f := range pg.Flags {
			w("- %s\n", md(f.Reason))
		}
		w("\n")
	}

	if len(br.Incidents) > 0 {
		w("## Incidents since %s\n\n", br.Since)
		for _, in := range br.Incidents {
			w("- SEV%d %s — %s, %s (%s)\n", in.Severity, md(in.Title), in.Role, in.StartedAt.Format("2 Jan"), in.Status)
		}
		w("\n")
	}

	if m := br.LastMeeting; m != nil {
		w("## Last 1:1 (%s)\n\n", m.Date)
		if m.SharedNotes != "" {
			w("### Shared notes\n\n%s\n\n", m.SharedNotes)
		}
		if br.IncludesPrivate && m.PrivateNotes != "" {
			w("### Private notes (included on request)\n\n%s\n\n", m.PrivateNotes)
		}
	}
	return strings.TrimRight(b.String(), "\n") + "\n"
}

func due(date, today string) string {
	switch {
	case date == "":
		return ""
	case date < today:
		return fmt.Sprintf(" — **overdue** (due %s)", civil.Text(date))
	}
	return " — due " + date
}

// sentence is escaped text ending with a full stop (one, not two).
func sentence(s string) string {
	s = md(strings.TrimSpace(s))
	if s == "" || strings.ContainsRune(".!?", rune(s[len(s)-1])) {
		return s
	}
	return s + "."
}

var mdEscape = strings.NewReplacer(`\`, `\\`, "*", `\*`, "`", "\\`", "[", `\[`, "]", `\]`, "<", `&lt;`, "#", `\#`, "|", `\|`, "\n", " ")

// md escapes the characters that would turn text into Markdown markup. An
// underscore inside a word (America/New_York) cannot start emphasis and is
// left alone; one at a word's edge is escaped.
func md(s string) string {
	s = mdEscape.Replace(s)
	if !strings.Contains(s, "_") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '_' && !(i > 0 && isWord(s[i-1]) && i+1 < len(s) && isWord(s[i+1])) {
			b.WriteByte('\\')
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func isWord(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}

func pluralF(f float64) string {
	if f == 1 {
		return ""
	}
	return "s"
}

// medianText is a median in seconds as "4 min", "1 h 5 min" or "40 s"; "—"
// when no page has it.
func medianText(s *float64) string {
	if s == nil {
		return "—"
	}
	d := time.Duration(math.Round(*s)) * time.Second
	switch {
	case d < time.Minute:
		return fmt.Sprintf("%d s", int(d/time.Second))
	case d < time.Hour:
		return fmt.Sprintf("%d min", int(d.Round(time.Minute)/time.Minute))
	}
	d = d.Round(time.Minute)
	h, m := int(d/time.Hour), int(d%time.Hour/time.Minute)
	if m == 0 {
		return fmt.Sprintf("%d h", h)
	}
	return fmt.Sprintf("%d h %d min", h, m)
}
