package incident

import (
	"fmt"
	"strconv"
	"strings"
	"text/template"
	"time"

	"wheelhouse/backend/followup"
	"wheelhouse/backend/id"
)

const timeLayout = "2006-01-02 15:04 MST"

func fmtTime(t time.Time, loc *time.Location) string {
	if t.IsZero() {
		return "—"
	}
	if loc == nil {
		loc = time.UTC
	}
	return t.In(loc).Format(timeLayout)
}

// FormatDuration writes d as "3d 4h", "2h 5m" or "45m" (rounded to minutes).
func FormatDuration(d time.Duration) string {
	if d < 0 {
		return "-" + FormatDuration(-d)
	}
	m := int(d.Round(time.Minute) / time.Minute)
	days, hours, mins := m/(24*60), m/60%24, m%60
	switch {
	case days > 0:
		return fmt.Sprintf("%dd %dh", days, hours)
	case hours > 0:
		return fmt.Sprintf("%dh %dm", hours, mins)
	}
	return fmt.Sprintf("%dm", mins)
}

func sevLabel(st *Settings, s string) string {
	n, _ := strconv.Atoi(s)
	return st.Label(n)
}

var roleNames = map[Role]string{RoleCommander: "Commander", RoleScribe: "Scribe", RoleComms: "Comms", RoleResponder: "Responder"}

// DescribeEntry is one timeline entry as a sentence (without its time).
func DescribeEntry(e *Entry, names Names, st *Settings) string {
	var s string
	switch e.Kind {
	case KindNote:
		s = e.Text
	case KindStatus:
		if e.From == "" {
			s = "Opened as " + Status(e.To).Label()
		} else {
			s = "Status " + Status(e.From).Label() + " → " + Status(e.To).Label()
		}
		if e.Text != "" && e.Text != "Incident opened" {
			s += ": " + e.Text
		}
	case KindSeverity:
		verb := "lowered"
		if f, _ := strconv.Atoi(e.From); f > 0 {
			if t, _ := strconv.Atoi(e.To); t < f {
				verb = "raised"
			}
		}
		s = "Severity " + verb + " " + sevLabel(st, e.From) + " → " + sevLabel(st, e.To)
		if e.Text != "" {
			s += ": " + e.Text
		}
	case KindRole:
		who := names.Person(e.PersonID)
		switch {
		case who == "" && e.Text != "":
			who = e.Text // DeletedPerson
		case who == "":
			who = "nobody"
		}
		if e.Role == RoleResponder {
			s = "Responder " + e.To + ": " + who
		} else {
			s = roleNames[e.Role] + ": " + who
		}
	case KindReview:
		s = "Review " + e.To
		if e.Text != "" {
			s += ": " + e.Text
		}
	}
	if a := names.Person(e.AuthorID); a != "" && e.Kind != KindNote {
		s += " (by " + a + ")"
	} else if a != "" {
		s += " — " + a
	}
	if e.Annotation != "" {
		s += " [note: " + e.Annotation + "]"
	}
	return s
}

// TimelineText is the timeline as plain lines, "2026-11-20 14:03 CET  text",
// oldest first: what a review starts its own timeline with.
func TimelineText(in *Incident, names Names, st *Settings, loc *time.Location) string {
	var b strings.Builder
	for i := range in.Timeline {
		e := &in.Timeline[i]
		fmt.Fprintf(&b, "%s  %s\n", fmtTime(e.At, loc), oneLine(DescribeEntry(e, names, st)))
	}
	return b.String()
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

var stakeholderTmpl = template.Must(template.New("update").Parse(`## {{.Severity}} incident: {{.Title}}

**Status:** {{.Status}} · **Severity:** {{.Severity}}{{if .SeverityText}} ({{.SeverityText}}){{end}} · **Started:** {{.Started}}

### Impact
{{.Impact}}

### Affected services
{{range .Services}}- {{.}}
{{else}}- None identified yet
{{end}}
### What we know
{{.Known}}
{{if .Latest}}
Latest:
{{range .Latest}}- {{.}}
{{end}}{{end}}
### Next update
{{.Next}}
`))

// StakeholderUpdate renders a Markdown update for stakeholders: title,
// severity, status, impact, affected services, what we know (the summary and
// the latest notes and status changes) and when the next update comes. Pure.
func StakeholderUpdate(in *Incident, names Names, st *Settings, next time.Time, loc *time.Location) string {
	data := struct {
		Title, Severity, SeverityText, Status, Started, Impact, Known, Next string
		Services, Latest                                                    []string
	}{Title: oneLine(in.Title), Severity: st.Label(in.Severity), Status: in.Status.Label(), Started: fmtTime(in.StartedAt, loc),
		Impact: strings.TrimSpace(in.CustomerImpact), Known: strings.TrimSpace(in.Summary)}
	if in.Severity >= 1 && in.Severity <= len(st.Severities) {
		data.SeverityText = st.Severities[in.Severity-1].Description
	}
	if data.Impact == "" {
		data.Impact = "Being assessed."
	}
	if data.Known == "" {
		data.Known = "We are investigating."
	}
	for _, s := range in.AffectedServiceIDs {
		data.Services = append(data.Services, names.Service(s))
	}
	var latest []string
	for i := len(in.Timeline) - 1; i >= 0 && len(latest) < 3; i-- {
		e := &in.Timeline[i]
		if e.Kind == KindNote || e.Kind == KindStatus && e.From != "" {
			anon := *e // stakeholders get what happened, not who typed it
			anon.AuthorID, anon.Annotation = id.Nil, ""
			latest = append(latest, e.At.In(orUTC(loc)).Format("15:04")+" "+oneLine(DescribeEntry(&anon, names, st)))
		}
	}
	for i := len(latest) - 1; i >= 0; i-- {
		data.Latest = append(data.Latest, latest[i])
	}
	if next.IsZero() {
		data.Next = "When there is news."
	} else {
		data.Next = "By " + fmtTime(next, loc) + "."
	}
	var b strings.Builder
	_ = stakeholderTmpl.Execute(&b, data)
	return b.String()
}

func orUTC(loc *time.Location) *time.Location {
	if loc == nil {
		return time.UTC
	}
	return loc
}

// mdCell makes text safe inside a Markdown table cell.
func mdCell(s string) string {
	s = strings.ReplaceAll(oneLine(s), "|", `\|`)
	if s == "" {
		return "—"
	}
	return s
}

func section(b *strings.Builder, title, text string) {
	if text = strings.TrimSpace(text); text != "" {
		fmt.Fprintf(b, "\n### %s\n\n%s\n", title, text)
	}
}

// ExportMarkdown renders an incident, its timeline, its review and the
// review's follow-ups as one Markdown document. Pure.
func ExportMarkdown(in *Incident, items []followup.Item, names Names, st *Settings, loc *time.Location) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s: %s\n\n", st.Label(in.Severity), oneLine(in.Title))
	b.WriteString("| | |\n|---|---|\n")
	row := func(k, v string) { fmt.Fprintf(&b, "| %s | %s |\n", k, mdCell(v)) }
	row("Severity", st.Label(in.Severity))
	row("Status", in.Status.Label())
	row("Started", fmtTime(in.StartedAt, loc))
	row("Detected", fmtTime(in.DetectedAt, loc))
	row("Acknowledged", fmtTime(in.AcknowledgedAt, loc))
	row("Mitigated", fmtTime(in.MitigatedAt, loc))
	row("Resolved", fmtTime(in.ResolvedAt, loc))
	s := in.Summarize()
	if d, ok := s.TimeToAcknowledge(); ok {
		row("Time to acknowledge", FormatDuration(d))
	}
	if d, ok := s.TimeToResolve(); ok {
		row("Time to resolve", FormatDuration(d))
	}
	row("Commander", names.Person(in.CommanderID))
	row("Scribe", names.Person(in.ScribeID))
	row("Comms", names.Person(in.CommsID))
	row("Responders", joinNames(in.ResponderIDs, names.Person))
	row("Affected services", joinNames(in.AffectedServiceIDs, names.Service))
	var tags []string
	for _, t := range in.Tags {
		tags = append(tags, "#"+t)
	}
	row("Tags", strings.Join(tags, " "))
	if in.IsEscalated() {
		row("Escalated", "yes")
	}
	if strings.TrimSpace(in.Summary) != "" {
		fmt.Fprintf(&b, "\n## Summary\n\n%s\n", strings.TrimSpace(in.Summary))
	}
	if strings.TrimSpace(in.CustomerImpact) != "" {
		fmt.Fprintf(&b, "\n## Customer impact\n\n%s\n", strings.TrimSpace(in.CustomerImpact))
	}
	b.WriteString("\n## Timeline\n\n")
	for i := range in.Timeline {
		e := &in.Timeline[i]
		fmt.Fprintf(&b, "- **%s** %s\n", fmtTime(e.At, loc), oneLine(DescribeEntry(e, names, st)))
	}
	r := &in.Review
	b.WriteString("\n## Post-incident review\n\n")
	switch r.State {
	case ReviewSkipped:
		who := names.Person(r.SkippedBy)
		if who != "" {
			who = " by " + who
		}
		fmt.Fprintf(&b, "Skipped%s on %s. Reason: %s\n", who, fmtTime(r.SkippedAt, loc), oneLine(r.SkipReason))
	case ReviewCompleted:
		fmt.Fprintf(&b, "Completed on %s.\n", fmtTime(r.CompletedAt, loc))
	default:
		state := strings.ReplaceAll(string(r.State), "_", " ")
		if r.DueDate != "" {
			fmt.Fprintf(&b, "State: %s; due %s.\n", state, r.DueDate)
		} else {
			fmt.Fprintf(&b, "State: %s.\n", state)
		}
	}
	section(&b, "Summary", r.Summary)
	section(&b, "Impact", r.Impact)
	if strings.TrimSpace(r.Timeline) != "" {
		fmt.Fprintf(&b, "\n### Timeline\n\n```\n%s\n```\n", strings.TrimSpace(r.Timeline))
	}
	section(&b, "Root cause", r.RootCause)
	if len(r.ContributingFactors) > 0 {
		b.WriteString("\n### Contributing factors\n\n")
		for _, f := range r.ContributingFactors {
			fmt.Fprintf(&b, "- %s\n", oneLine(f))
		}
	}
	section(&b, "What went well", r.WentWell)
	section(&b, "What went poorly", r.WentPoorly)
	section(&b, "Lessons", r.Lessons)
	b.WriteString("\n## Follow-ups\n\n")
	if len(items) == 0 {
		b.WriteString("None.\n")
		return b.String()
	}
	b.WriteString("| Follow-up | Owner | Due | Priority | Status |\n|---|---|---|---|---|\n")
	for _, it := range items {
		owner := names.Person(it.OwnerID)
		if it.OwnerRemoved {
			owner = "(owner removed)"
		}
		status := strings.ReplaceAll(string(it.Status), "_", " ")
		if it.Status == followup.StatusWontDo && it.Reason != "" {
			status += ": " + it.Reason
		}
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s |\n", mdCell(it.Title), mdCell(owner), mdCell(it.DueDate), it.Priority, mdCell(status))
	}
	return b.String()
}

func joinNames(ids []id.ID, name func(id.ID) string) string {
	var l []string
	for _, u := range ids {
		l = append(l, name(u))
	}
	return strings.Join(l, ", ")
}
