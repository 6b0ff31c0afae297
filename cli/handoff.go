package cli

import (
	"fmt"
	"os"
	"strings"
	"text/tabwriter"

	"wheelhouse/backend/errs"
	"wheelhouse/backend/handoff"
)

// After each on-call shift (issue 11, decision 0016):
//
//	oncall handoff record --rotation NAME --date DATE --rating N [--sleep] [--notes TEXT] [--runbook TEXT] [--comment TEXT]
//	oncall survey import FILE [--map COL=FIELD,…] [--period week|month] [--dry-run] [--json]

const handoffUsage = `  oncall handoff record --rotation NAME --date DATE --rating N [--sleep] [--notes TEXT]
         [--runbook TEXT] [--comment TEXT]
                                          record the handoff of the turn of NAME on DATE (the one
                                          that ended that day, else the one running): burden 1-5,
                                          sleep interrupted, open issues, runbook gaps (private)
  oncall handoff list [--days N] [--json] turns that ended in the last N days (7), recorded or not
  oncall survey import FILE [--map COL=FIELD,…] [--period week|month] [--dry-run] [--json]
                                          add anonymous survey answers (a forms tool's CSV) to the
                                          aggregates per rotation and period; fields: rotation,
                                          date, rating, sleep, comment (no person can be mapped;
                                          without --map: the last mapping, else a guess)
`

func (c *cmd) oncallHandoff(args []string) error {
	if len(args) == 0 {
		return usageError{"expected `oncall handoff record` or `oncall handoff list`"}
	}
	switch args[0] {
	case "record":
		return c.handoffRecord(args[1:])
	case "list":
		return c.handoffList(args[1:])
	}
	return usageError{fmt.Sprintf("unknown oncall handoff command %q (record, list)", args[0])}
}

func (c *cmd) handoffRecord(args []string) error {
	fs := c.flags("oncall handoff record")
	rot := fs.String("rotation", "", "rotation name")
	date := fs.String("date", "", "a day of the turn (YYYY-MM-DD, the manager's zone)")
	rating := fs.Int("rating", 0, "burden 1 (light) to 5 (very heavy)")
	sleep := fs.Bool("sleep", false, "their sleep was interrupted")
	notes := fs.String("notes", "", "open issues")
	runbook := fs.String("runbook", "", "runbook gaps")
	comment := fs.String("comment", "", "free text")
	asJSON := fs.Bool("json", false, "write the record as JSON")
	if _, err := parse(fs, args, 0, "no arguments besides the options"); err != nil {
		return err
	}
	if *rot == "" || *date == "" || *rating == 0 {
		return usageError{"--rotation, --date and --rating are required"}
	}
	w, err := c.openExisting()
	if err != nil {
		return err
	}
	defer w.Close()
	t, err := w.Handoffs.TurnOn(*rot, *date)
	if err != nil {
		return err
	}
	_, prevErr := w.Handoffs.Get(t.RotationID, t.Start)
	r, err := w.Handoffs.Record(handoff.Input{RotationID: t.RotationID, TurnStart: t.Start, Rating: *rating,
		SleepInterrupted: *sleep, OpenIssues: *notes, RunbookGaps: *runbook, Comment: *comment})
	if err != nil {
		return err
	}
	if *asJSON {
		return c.writeJSON(r)
	}
	loc := w.Location()
	verb := "Recorded"
	if prevErr == nil {
		verb = "Updated"
	}
	fmt.Fprintf(c.env.Stdout, "%s the handoff of %s's %s turn (%s – %s): burden %d/5%s.\n", verb, t.Person, t.Rotation,
		t.Start.In(loc).Format("Mon 2006-01-02 15:04"), t.End.In(loc).Format("Mon 2006-01-02 15:04"), r.Rating,
		map[bool]string{true: ", sleep interrupted", false: ""}[r.SleepInterrupted])
	return nil
}

func (c *cmd) handoffList(args []string) error {
	fs := c.flags("oncall handoff list")
	days := fs.Int("days", handoff.RecentDays, "how many days back")
	asJSON := fs.Bool("json", false, "write JSON")
	if _, err := parse(fs, args, 0, "no arguments besides the options"); err != nil {
		return err
	}
	w, err := c.openExisting()
	if err != nil {
		return err
	}
	defer w.Close()
	list, err := w.Handoffs.Recent(*days)
	if err != nil {
		return err
	}
	if *asJSON {
		return c.writeJSON(list)
	}
	loc := w.Location()
	tw := tabwriter.NewWriter(c.env.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ROTATION\tON CALL\tSTART\tEND\tHANDOFF")
	missing := 0
	for _, e := range list {
		state := "running"
		switch {
		case e.Record != nil:
			state = fmt.Sprintf("burden %d/5", e.Record.Rating)
			if e.Record.SleepInterrupted {
				state += ", sleep interrupted"
			}
		case e.Ended:
			state, missing = "not recorded", missing+1
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", e.Rotation, e.Person, e.Start.In(loc).Format("Mon 2006-01-02 15:04"),
			e.End.In(loc).Format("Mon 2006-01-02 15:04"), state)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(c.env.Stderr, "%s, %d not recorded (times in %s)\n", count(len(list), "turn", "turns"), missing, loc)
	return nil
}

func (c *cmd) oncallSurvey(args []string) error {
	if len(args) == 0 || args[0] != "import" {
		return usageError{"expected `oncall survey import FILE`"}
	}
	fs := c.flags("oncall survey import")
	maps := &pairs{split: true}
	fs.Var(maps, "map", "COLUMN=FIELD,… (fields: "+strings.Join(handoff.Fields, ", ")+")")
	period := fs.String("period", "", "aggregate by week (default) or month")
	dryRun := fs.Bool("dry-run", false, "only preview")
	asJSON := fs.Bool("json", false, "write the result as JSON")
	pos, err := parse(fs, args[1:], 1, "one FILE to import")
	if err != nil {
		return err
	}
	data, err := os.ReadFile(pos[0])
	if err != nil {
		return errs.E(errs.Invalid, "Cannot read %s: %v", pos[0], err)
	}
	m := handoff.Mapping{Period: *period}
	for _, kv := range maps.list {
		m.Columns = append(m.Columns, handoff.ColumnMap{Column: kv[0], Field: kv[1]})
	}
	w, err := c.openExisting()
	if err != nil {
		return err
	}
	defer w.Close()
	var p handoff.SurveyPreview
	if *dryRun {
		p, err = w.Handoffs.PreviewSurvey(pos[0], data, m)
	} else {
		p, err = w.Handoffs.ImportSurvey(pos[0], data, m)
	}
	if err == nil && len(p.MappingErrors) > 0 {
		err = errs.FieldErr("mapping", "%s", strings.Join(p.MappingErrors, " "))
	}
	if err != nil {
		if fe := errs.FieldsOf(err); len(fe) > 1 {
			for _, f := range fe {
				fmt.Fprintf(c.env.Stderr, "  %s\n", f.Message)
			}
		}
		if len(p.Headers) > 0 && errs.Is(err, errs.Invalid) {
			fmt.Fprintf(c.env.Stderr, "The file's columns: %s\n", strings.Join(p.Headers, " | "))
		}
		return err
	}
	if *asJSON {
		return c.writeJSON(p)
	}
	out := c.env.Stdout
	fmt.Fprintf(out, "%s: %d answers counted, %d skipped.\n", p.File, p.Answers, p.Skipped)
	for _, cm := range p.Mapping.Columns {
		fmt.Fprintf(out, "  %q → %s\n", cm.Column, cm.Field)
	}
	if len(p.Ignored) > 0 {
		fmt.Fprintf(out, "Ignored (never stored): %s\n", strings.Join(p.Ignored, " | "))
	}
	for _, pr := range p.Problems {
		fmt.Fprintf(out, "  %s\n", pr)
	}
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ROTATION\tPERIOD\tANSWERS\tMEAN\t1/2/3/4/5\tSLEEP INTERRUPTED\tCOMMENTS")
	for _, a := range p.Aggregates {
		mean := "—"
		if a.Rated() > 0 {
			mean = fmt.Sprintf("%.1f", a.Mean())
		}
		fmt.Fprintf(tw, "%s\t%s\t%d\t%s\t%d/%d/%d/%d/%d\t%d of %d\t%d\n", a.Rotation, a.Period, a.Answers, mean,
			a.Ratings[0], a.Ratings[1], a.Ratings[2], a.Ratings[3], a.Ratings[4], a.SleepInterrupted, a.SleepAnswered, len(a.Comments))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	switch {
	case *dryRun && !p.ImportedAt.IsZero():
		fmt.Fprintf(out, "Dry run: nothing was imported. This file was imported on %s already.\n", p.ImportedAt.Format("2006-01-02 15:04 UTC"))
	case *dryRun:
		fmt.Fprintln(out, "Dry run: nothing was imported.")
	default:
		fmt.Fprintln(out, "Imported into the anonymous aggregates; the rows themselves are not kept.")
	}
	return nil
}
