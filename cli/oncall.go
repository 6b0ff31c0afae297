package cli

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"wheelhouse/backend/calendar"
	"wheelhouse/backend/civil"
	"wheelhouse/backend/errs"
	"wheelhouse/backend/oncall"
	"wheelhouse/backend/people"
	"wheelhouse/backend/store"
	"wheelhouse/backend/tz"
	"wheelhouse/backend/workspace"
)

// The on-call and calendar commands (issue 3):
//
//	oncall shifts --rotation NAME --from DATE --to DATE [--json]
//	oncall export-ics (--rotation NAME | --person NAME | --schedule TEAM | --team) [--from DATE --to DATE] [--alarm MINUTES] -o FILE
//	oncall health --from DATE --to DATE [--json]
//	oncall compensation --month YYYY-MM [-o FILE] [--json]
//	calendar import (FILE | URL) (--holidays REGION | --timeoff PERSON) [--kind KIND] [--yes]
//
// Dates are civil dates in this machine's time zone; --to is inclusive.
const oncallUsage = `  oncall shifts --rotation NAME --from DATE --to DATE [--json]
                                          who is on call, turn by turn (dates inclusive, this
                                          machine's time zone)
  oncall export-ics (--rotation NAME | --person NAME | --schedule TEAM | --team) [--from DATE] [--to DATE] [--alarm MINUTES] -o FILE
                                          write an iCalendar file (default: 30 days back to a
                                          year ahead); --alarm adds a reminder that many minutes
                                          before each shift; --schedule: a team's final schedule,
                                          who a page reaches first across its layers
  oncall pages import FILE [--source auto|pagerduty|opsgenie|grafana|goalert|csv] [--map COL=FIELD,…]
         [--map-person "NAME=PERSON"]… [--zone ZONE] [--skip-bad] [--dry-run] [--json]
                                          import paging history (CSV or JSON exported by PagerDuty,
                                          Opsgenie, Grafana OnCall, GoAlert): preview, then apply;
                                          re-importing updates changed pages only; a file with bad
                                          rows is refused unless --skip-bad
  oncall health --from DATE --to DATE [--json]
                                          on-call health from imported pages, per person: pages,
                                          business / off / sleep hours in their time zone, median
                                          time to acknowledge and resolve, pages per on-call day,
                                          flags (dates inclusive, this machine's time zone)
  oncall compensation --month YYYY-MM [-o FILE] [--json]
                                          what each person earns for the month's on-call time
                                          (hours, weekend and holiday hours, stipends, total, in
                                          their own time zone): a table, or CSV written to FILE
  calendar import (FILE | URL) (--holidays REGION | --timeoff PERSON) [--kind vacation|sick|holiday|other] [--yes]
                                          preview an .ics import (new, updated, removed), then
                                          ask (y/N) before applying it; --yes applies without
                                          asking; without a terminal and without --yes, only the
                                          preview; a missing holiday region is created; a URL
                                          (http, https) is downloaded once (to refresh it, subscribe)
`

// window reads --from/--to (inclusive civil dates) into [from, to) instants.
func (c *cmd) window(fromS, toS string, defFrom, defTo time.Duration) (time.Time, time.Time, error) {
	loc := c.localZone()
	today := c.env.Clock.Now().In(loc)
	day := func(s string, def time.Time, next bool) (time.Time, error) {
		if s == "" {
			return def, nil
		}
		d, err := time.ParseInLocation(civil.Layout, s, loc)
		if err != nil {
			return time.Time{}, usageError{fmt.Sprintf("%q is not a date like 2026-12-01", s)}
		}
		if next {
			return tz.WallTime(d.Year(), d.Month(), d.Day()+1, 0, 0, loc), nil
		}
		return tz.WallTime(d.Year(), d.Month(), d.Day(), 0, 0, loc), nil
	}
	y, m, d := today.Date()
	midnight := tz.WallTime(y, m, d, 0, 0, loc)
	from, err := day(fromS, midnight.Add(defFrom), false)
	if err != nil {
		return from, from, err
	}
	to, err := day(toS, midnight.Add(defTo), true)
	if err != nil {
		return from, to, err
	}
	if !to.After(from) {
		return from, to, usageError{"--to is before --from"}
	}
	return from, to, nil
}

// personByName finds a person by name (case-insensitive, exact).
func personByName(w *workspace.Workspace, name string) (people.Person, error) {
	ps, err := w.Roster.People(true)
	if err != nil {
		return people.Person{}, err
	}
	var found []people.Person
	for _, p := range ps {
		if strings.EqualFold(strings.TrimSpace(p.Name), strings.TrimSpace(name)) {
			found = append(found, p)
		}
	}
	switch len(found) {
	case 0:
		return people.Person{}, errs.E(errs.NotFound, "There is no person called %q.", name)
	case 1:
		return found[0], nil
	}
	return people.Person{}, errs.E(errs.Conflict, "%d people are called %q; rename one in the app first.", len(found), name)
}

// teamByName finds a team by its name (any case).
func teamByName(w *workspace.Workspace, name string) (people.Team, error) {
	ts, err := w.Roster.TeamList()
	if err != nil {
		return people.Team{}, err
	}
	for _, t := range ts {
		if strings.EqualFold(strings.TrimSpace(t.Name), strings.TrimSpace(name)) {
			return t, nil // team names are unique (people.TeamName)
		}
	}
	return people.Team{}, errs.E(errs.NotFound, "There is no team called %q.", name)
}

func (c *cmd) oncall(args []string) error {
	if len(args) == 0 {
		return usageError{"expected `oncall shifts`, `oncall export-ics`, `oncall health`, `oncall compensation`, `oncall pages import`, `oncall handoff` or `oncall survey import`"}
	}
	switch args[0] {
	case "shifts":
		return c.oncallShifts(args[1:])
	case "export-ics":
		return c.oncallExport(args[1:])
	case "pages":
		return c.oncallPages(args[1:]) // pages.go
	case "health":
		return c.oncallHealth(args[1:]) // pages.go
	case "handoff":
		return c.oncallHandoff(args[1:]) // handoff.go
	case "survey":
		return c.oncallSurvey(args[1:]) // handoff.go
	case "compensation":
		return c.oncallCompensation(args[1:])
	}
	return usageError{fmt.Sprintf("unknown oncall command %q (shifts, export-ics, health, pages, handoff, survey, compensation)", args[0])}
}

func (c *cmd) oncallShifts(args []string) error {
	fs := c.flags("oncall shifts")
	rot := fs.String("rotation", "", "rotation name")
	fromS := fs.String("from", "", "first day")
	toS := fs.String("to", "", "last day")
	asJSON := fs.Bool("json", false, "write JSON")
	if _, err := parse(fs, args, 0, "no arguments besides the options"); err != nil {
		return err
	}
	if *rot == "" || *fromS == "" || *toS == "" {
		return usageError{"--rotation, --from and --to are required"}
	}
	from, to, err := c.window(*fromS, *toS, 0, 0)
	if err != nil {
		return err
	}
	w, err := c.openExisting()
	if err != nil {
		return err
	}
	defer w.Close()
	r, err := w.OnCall.RotationByName(*rot)
	if err != nil {
		return err
	}
	snap, err := w.OnCall.Snapshot(from, to)
	if err != nil {
		return err
	}
	if to.Sub(from) > oncall.MaxWindow {
		return usageError{"choose at most six years"}
	}
	shifts := oncall.Shifts(snap, r.ID, from, to)
	if shifts == nil {
		shifts = []oncall.Shift{}
	}
	if *asJSON {
		return c.writeJSON(shifts)
	}
	loc := c.localZone()
	tw := tabwriter.NewWriter(c.env.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "TURN\tSTART\tEND\tON CALL\tWHY\tNOTES")
	gaps := 0
	for _, x := range shifts {
		who := snap.Name(x.PersonID)
		if x.Gap {
			who, gaps = "— nobody —", gaps+1
		}
		why := string(x.Reason)
		if x.Unavailable {
			why += " (away!)"
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\n", x.Slot+1, x.Start.In(loc).Format("Mon 2006-01-02 15:04"),
			x.End.In(loc).Format("Mon 2006-01-02 15:04"), who, why, x.Notes)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(c.env.Stderr, "%s of %s, %s (times in %s; handoffs at %s %s)\n", count(len(shifts), "shift", "shifts"), r.Name,
		count(gaps, "gap", "gaps"), loc, r.HandoffTime, r.TimeZone)
	return nil
}

func (c *cmd) oncallExport(args []string) error {
	fs := c.flags("oncall export-ics")
	rot := fs.String("rotation", "", "rotation name")
	person := fs.String("person", "", "person name")
	schedule := fs.String("schedule", "", "team name: its final schedule")
	team := fs.Bool("team", false, "every rotation")
	fromS := fs.String("from", "", "first day")
	toS := fs.String("to", "", "last day")
	out := fs.String("o", "", "output file")
	alarm := fs.Int("alarm", 0, "a reminder this many minutes before each shift")
	if _, err := parse(fs, args, 0, "no arguments besides the options"); err != nil {
		return err
	}
	if *alarm < 0 || *alarm > calendar.MaxAlarmMinutes {
		return usageError{fmt.Sprintf("--alarm is minutes before each shift, 0 to %d", calendar.MaxAlarmMinutes)}
	}
	n := 0
	for _, set := range []bool{*rot != "", *person != "", *schedule != "", *team} {
		if set {
			n++
		}
	}
	if n != 1 {
		return usageError{"choose one of --rotation NAME, --person NAME, --schedule TEAM or --team"}
	}
	if *out == "" {
		return usageError{"-o FILE is required"}
	}
	from, to, err := c.window(*fromS, *toS, -calendar.FeedBack, calendar.FeedAhead)
	if err != nil {
		return err
	}
	w, err := c.openExisting()
	if err != nil {
		return err
	}
	defer w.Close()
	sc := calendar.Scope{Kind: calendar.ScopeTeam}
	switch {
	case *rot != "":
		r, err := w.OnCall.RotationByName(*rot)
		if err != nil {
			return err
		}
		sc = calendar.Scope{Kind: calendar.ScopeRotation, ID: r.ID}
	case *person != "":
		p, err := personByName(w, *person)
		if err != nil {
			return err
		}
		sc = calendar.Scope{Kind: calendar.ScopePerson, ID: p.ID}
	case *schedule != "":
		t, err := teamByName(w, *schedule)
		if err != nil {
			return err
		}
		sc = calendar.Scope{Kind: calendar.ScopeSchedule, ID: t.ID}
	}
	var res calendar.ExportResult
	err = store.WriteFileAtomic(*out, func(f io.Writer) error {
		var err error
		res, err = w.Calendar.Export(f, sc, from, to, calendar.ExportOptions{Alarm: time.Duration(*alarm) * time.Minute})
		return err
	})
	if err != nil {
		if errs.CodeOf(err) != errs.Internal {
			return err
		}
		return errs.E(errs.Unavailable, "Cannot write %s: %v", *out, err)
	}
	fmt.Fprintf(c.env.Stdout, "Wrote %s (%s) to %s: %s", res.Name, describeWindow(from, to, c.localZone()), *out, count(res.Events, "event", "events"))
	if res.Cancelled > 0 {
		fmt.Fprintf(c.env.Stdout, ", %d cancelled", res.Cancelled)
	}
	fmt.Fprintf(c.env.Stdout, "; %d new or changed since the last export\n", res.Changed)
	return nil
}

// oncallCompensation prints the month's compensation report, or writes it
// as CSV with -o (one row per person).
func (c *cmd) oncallCompensation(args []string) error {
	fs := c.flags("oncall compensation")
	month := fs.String("month", "", "the month, like 2026-11")
	out := fs.String("o", "", "CSV file to write")
	asJSON := fs.Bool("json", false, "write JSON")
	if _, err := parse(fs, args, 0, "no arguments besides the options"); err != nil {
		return err
	}
	if *month == "" {
		return usageError{"--month is required (like --month 2026-11)"}
	}
	if _, err := oncall.ParseMonth(*month); err != nil {
		return usageError{fmt.Sprintf("--month %q is not a month like 2026-11", *month)}
	}
	w, err := c.openExisting()
	if err != nil {
		return err
	}
	defer w.Close()
	rep, err := w.OnCall.Compensation(*month)
	if err != nil {
		return err
	}
	if *out != "" {
		err := store.WriteFileAtomic(*out, func(f io.Writer) error { return oncall.WriteCompensationCSV(f, rep) })
		if err != nil {
			return errs.E(errs.Unavailable, "Cannot write %s: %v", *out, err)
		}
		fmt.Fprintf(c.env.Stdout, "Wrote the compensation of %s to %s: %s\n", rep.Month, *out, count(len(rep.Rows), "person", "people"))
		return nil
	}
	if *asJSON {
		return c.writeJSON(rep)
	}
	if rep.Mode == oncall.CompensationNone {
		fmt.Fprintln(c.env.Stderr, "Compensation is off (on-call settings): hours only.")
	}
	tw := tabwriter.NewWriter(c.env.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "PERSON\tREGION\tCURRENCY\tHOURS\tWEEKEND H\tHOLIDAY H\tSTIPENDS\tTOTAL\tNOTE")
	f := func(v float64) string { return strconv.FormatFloat(v, 'f', 2, 64) }
	for _, r := range rep.Rows {
		total := f(r.Amount)
		if rep.Mode == oncall.CompensationTimeOff {
			total = f(r.TimeOffHours) + " h off"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", r.Name, orDash(r.Region), orDash(r.Currency), f(r.TotalHours), f(r.WeekendHours),
			f(r.HolidayHours), f(r.Stipends), total, strings.Join(r.Lines, "; "))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if len(rep.Rows) == 0 {
		fmt.Fprintf(c.env.Stderr, "Nobody was on call in %s.\n", rep.Month)
		return nil
	}
	var sums []string
	for _, t := range rep.Totals {
		sums = append(sums, f(t.Amount)+" "+t.Currency)
	}
	if len(sums) > 0 {
		fmt.Fprintf(c.env.Stderr, "%s: %s, %s (each month in the person's time zone)\n", rep.Month, count(len(rep.Rows), "person", "people"), strings.Join(sums, " + "))
	}
	return nil
}

func describeWindow(from, to time.Time, loc *time.Location) string {
	return civil.Format(from.In(loc)) + " to " + civil.Format(to.Add(-time.Nanosecond).In(loc))
}

func (c *cmd) calendarCmd(args []string) error {
	if len(args) > 0 && (args[0] == "publish" || args[0] == "publication") {
		return c.publishCmd(args) // publish.go
	}
	if len(args) > 0 && (args[0] == "subscribe" || args[0] == "subscription") {
		return c.subscribeCmd(args) // subscribe.go
	}
	if len(args) == 0 || args[0] != "import" {
		return usageError{"expected `calendar import FILE (--holidays REGION | --timeoff PERSON)`"}
	}
	fs := c.flags("calendar import")
	region := fs.String("holidays", "", "holiday region")
	person := fs.String("timeoff", "", "person")
	kind := fs.String("kind", "vacation", "kind of time off")
	yes := fs.Bool("yes", false, "apply without asking")
	pos, err := parse(fs, args[1:], 1, "one .ics FILE")
	if err != nil {
		return err
	}
	if (*region == "") == (*person == "") {
		return usageError{"choose one of --holidays REGION or --timeoff PERSON"}
	}
	lower := strings.ToLower(pos[0])
	isURL := strings.HasPrefix(lower, "http://") || strings.HasPrefix(lower, "https://") || strings.HasPrefix(lower, "webcal://")
	if !isURL {
		if _, err := os.Stat(pos[0]); err != nil {
			return errs.E(errs.Invalid, "Cannot open %s: %v", pos[0], err)
		}
	}
	w, err := c.openExisting()
	if err != nil {
		return err
	}
	defer w.Close()
	src := calendar.Source{Path: pos[0]}
	if isURL {
		if src.Download, err = w.Calendar.DownloadURL(context.Background(), pos[0]); err != nil {
			return err
		}
	}
	target := calendar.Target{Kind: calendar.TargetHolidays}
	if *person != "" {
		p, err := personByName(w, *person)
		if err != nil {
			return err
		}
		target = calendar.Target{Kind: calendar.TargetTimeOff, PersonID: p.ID, TimeOffKind: oncall.TimeOffKind(*kind)}
	}
	// A region made for the import is made only once the file is read and
	// accepted: a broken file leaves no empty region behind.
	p, made, err := w.Calendar.PreviewInto(src, target, *region)
	if err != nil {
		return err
	}
	c.printPreview(p)
	// Like the app: the preview first, then the question. --yes applies at
	// once (scripts); without a terminal to ask at, only the preview. A
	// preview with nothing to change is applied as it is (nothing changes;
	// a file whose events were all skipped says why).
	switch c.askApply(p, *yes) {
	case applyNoTerminal:
		fmt.Fprintln(c.env.Stdout, "Only a preview: nothing was imported. Run the command again with --yes to apply it (or at a terminal to be asked).")
		w.Calendar.DiscardPreview(p, made)
		return nil
	case applyDeclined:
		fmt.Fprintln(c.env.Stdout, "Nothing was imported.")
		w.Calendar.DiscardPreview(p, made)
		return nil
	}
	if made {
		fmt.Fprintf(c.env.Stdout, "Created the holiday region %s (add its people in the app).\n", p.TargetName)
	}
	res, err := w.Calendar.Apply(p)
	if err != nil {
		return err
	}
	fmt.Fprintf(c.env.Stdout, "Imported: %d added, %d updated, %d removed, %d unchanged.\n", res.Added, res.Updated, res.Removed, res.Unchanged)
	return nil
}

// printPreview prints what an import would change.
func (c *cmd) printPreview(p *calendar.Preview) {
	fmt.Fprintf(c.env.Stdout, "Preview of %q (%s, %s) into %s:\n", p.Calendar, count(p.Events, "event", "events"), byteSize(p.Bytes), p.TargetName)
	fmt.Fprintf(c.env.Stdout, "  %d new, %d updated, %d removed, %d unchanged\n", p.New, p.Updated, p.Removed, p.Unchanged)
	shown := 0
	for _, ch := range p.Changes {
		if ch.Action == calendar.ActionUnchanged {
			continue
		}
		if shown == 20 {
			fmt.Fprintf(c.env.Stdout, "  … and %d more changes\n", p.New+p.Updated+p.Removed-shown)
			break
		}
		line := fmt.Sprintf("  %-8s %s  %s", ch.Action, ch.When, ch.Name)
		if ch.Was != "" {
			line += "  (was: " + ch.Was + ")"
		}
		fmt.Fprintln(c.env.Stdout, line)
		shown++
	}
	for _, wmsg := range p.Warnings {
		fmt.Fprintf(c.env.Stderr, "warning: %s\n", wmsg)
	}
}

// What askApply decided.
const (
	applyYes        = iota // apply (--yes, y at the terminal, or nothing to change)
	applyDeclined          // the user said no
	applyNoTerminal        // no --yes and no terminal to ask at: only the preview
)

// askApply asks (y/N) at a terminal whether to apply a preview that
// changes something.
func (c *cmd) askApply(p *calendar.Preview, yes bool) int {
	if p.New+p.Updated+p.Removed == 0 || yes {
		return applyYes
	}
	if _, ok := c.terminal(); !ok {
		return applyNoTerminal
	}
	fmt.Fprint(c.env.Stderr, "Apply these changes? (y/N) ")
	line, _ := bufio.NewReader(c.env.Stdin).ReadString('\n')
	if answer := strings.ToLower(strings.TrimSpace(line)); answer == "y" || answer == "yes" {
		return applyYes
	}
	return applyDeclined
}

func byteSize(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}
