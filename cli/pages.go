package cli

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"wheelhouse/backend/pages"
	"wheelhouse/backend/tz"
)

// The paging-history import (issue 11):
//
//	oncall pages import FILE [--source S] [--map COL=FIELD,…] [--map-person "NAME=PERSON"]…
//	                         [--zone ZONE] [--skip-bad] [--dry-run] [--json]
//
// Times without a zone (in the value or the column header) are in --zone,
// by default this machine's zone.

// pairs is a repeatable flag of NAME=VALUE pairs; split says whether one
// flag may hold several, separated by commas.
type pairs struct {
	list  [][2]string
	split bool
}

func (p *pairs) String() string { return fmt.Sprint(p.list) }

func (p *pairs) Set(s string) error {
	parts := []string{s}
	if p.split {
		parts = strings.Split(s, ",")
	}
	for _, part := range parts {
		k, v, ok := strings.Cut(part, "=")
		if !ok || strings.TrimSpace(k) == "" || strings.TrimSpace(v) == "" {
			return fmt.Errorf("%q is not NAME=VALUE", part)
		}
		p.list = append(p.list, [2]string{strings.TrimSpace(k), strings.TrimSpace(v)})
	}
	return nil
}

func (c *cmd) oncallPages(args []string) error {
	if len(args) == 0 || args[0] != "import" {
		return usageError{"expected `oncall pages import FILE`"}
	}
	fs := c.flags("oncall pages import")
	source := fs.String("source", "auto", "the tool that wrote the file")
	maps := &pairs{split: true}
	fs.Var(maps, "map", "COLUMN=FIELD,… for columns Wheelhouse does not recognise")
	people := &pairs{}
	fs.Var(people, "map-person", `"NAME=PERSON": the user NAME of the file is PERSON (a name or e-mail address); repeatable`)
	zone := fs.String("zone", "", "zone of times that name none (default: this machine's)")
	skipBad := fs.Bool("skip-bad", false, "import the good rows of a file with bad rows")
	dryRun := fs.Bool("dry-run", false, "only preview")
	asJSON := fs.Bool("json", false, "write the result as JSON")
	pos, err := parse(fs, args[1:], 1, "one FILE to import")
	if err != nil {
		return err
	}
	if !slices.Contains(pages.Sources, *source) {
		return usageError{fmt.Sprintf("--source must be one of %s", strings.Join(pages.Sources, ", "))}
	}
	opt := pages.Options{File: pos[0], SkipBad: *skipBad, MapPerson: map[string]string{}}
	opt.Source = *source
	opt.Zone = c.localZone()
	if *zone != "" {
		loc, ok := tz.Load(*zone)
		if !ok {
			return usageError{fmt.Sprintf("--zone %q is not a time zone (like Europe/Berlin)", *zone)}
		}
		opt.Zone = loc
	}
	if len(maps.list) > 0 {
		opt.Map = map[string]pages.Field{}
		for _, kv := range maps.list {
			f, ok := pages.ParseField(kv[1])
			if !ok {
				return usageError{fmt.Sprintf("--map %s=%s: the fields are %s, ignore", kv[0], kv[1], strings.Join(pages.FieldNames[:], ", "))}
			}
			opt.Map[kv[0]] = f
		}
	}
	for _, kv := range people.list {
		opt.MapPerson[kv[0]] = kv[1]
	}
	w, err := c.openExisting()
	if err != nil {
		return err
	}
	defer w.Close()
	if un, err := w.Pages.Unfinished(); err == nil {
		for _, l := range un {
			fmt.Fprintf(c.env.Stderr, "note: the import of %s started %s did not finish; importing that file again completes it.\n", orDash(l.File), l.StartedAt.In(c.localZone()).Format("2006-01-02 15:04"))
		}
	}
	open := pages.OpenFile(pos[0])
	var res *pages.Result
	if *dryRun {
		res, err = w.Pages.Preview(open, opt)
	} else {
		res, err = w.Pages.Apply(open, opt)
	}
	if res == nil || len(res.Missing) > 0 {
		return err
	}
	if *asJSON {
		if jerr := c.writeJSON(res); jerr != nil {
			return jerr
		}
		return err
	}
	c.printPages(filepath.Base(pos[0]), res, err == nil)
	if err != nil {
		return err
	}
	switch {
	case *dryRun:
		fmt.Fprintln(c.env.Stdout, "Dry run: nothing was imported.")
		if res.BadRows > 0 && !*skipBad {
			fmt.Fprintln(c.env.Stdout, "Without --skip-bad the import would be refused because of the bad rows.")
		}
	default:
		fmt.Fprintf(c.env.Stdout, "Imported: %d added, %d updated, %d skipped (%d unchanged, %d duplicate rows, %d bad rows)\n",
			res.Added, res.Updated, res.Unchanged+res.Duplicates+res.BadRows, res.Unchanged, res.Duplicates, res.BadRows)
	}
	return nil
}

func (c *cmd) printPages(name string, r *pages.Result, listBad bool) {
	out := c.env.Stdout
	fmt.Fprintf(out, "Preview of %s (%s, %s):\n", name, r.Source, count(r.Rows, "row", "rows"))
	fmt.Fprintf(out, "  columns: %s\n", strings.Join(r.Columns, ", "))
	fmt.Fprintf(out, "  %d new, %d updated, %d unchanged, %d duplicate rows, %d bad rows\n", r.Added, r.Updated, r.Unchanged, r.Duplicates, r.BadRows)
	fmt.Fprintf(out, "  responders: %d by the acknowledging user, %d by who was on call, %d without\n", r.ByAcknowledger, r.ByOnCall, r.NoResponder)
	if len(r.Unmatched) > 0 {
		fmt.Fprintf(out, "Acknowledging users who are nobody in this workspace (%d; map them with --map-person \"NAME=PERSON\"):\n", r.UnmatchedNames)
		for _, u := range r.Unmatched {
			fmt.Fprintf(out, "  %-30s %s\n", u.Name, count(u.Pages, "page", "pages"))
		}
	}
	if listBad && len(r.Bad) > 0 {
		fmt.Fprintf(out, "Bad rows (%d; the first %d):\n", r.BadRows, len(r.Bad))
		for _, b := range r.Bad {
			fmt.Fprintf(out, "  %s\n", b.Error())
		}
	}
}

// oncallHealth prints the on-call health of a window (decision 0014, "On-call
// health"): a table per person, or with --json the per-person list.
func (c *cmd) oncallHealth(args []string) error {
	fs := c.flags("oncall health")
	fromS := fs.String("from", "", "first day")
	toS := fs.String("to", "", "last day")
	asJSON := fs.Bool("json", false, "write JSON")
	if _, err := parse(fs, args, 0, "no arguments besides the options"); err != nil {
		return err
	}
	if *fromS == "" || *toS == "" {
		return usageError{"--from and --to are required"}
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
	rep, err := w.Pages.Health(from, to, pages.HealthOptions{})
	if err != nil {
		return err
	}
	if *asJSON {
		return c.writeJSON(rep.People)
	}
	out := c.env.Stdout
	fmt.Fprintf(out, "On-call health %s: %s, %d without a responder\n", describeWindow(from, to, c.localZone()), count(rep.Pages, "page", "pages"), rep.NoResponse)
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "PERSON\tPAGES\tBUSINESS\tOFF HOURS\tSLEEP\tMTTA\tMTTR\tON-CALL DAYS\tPER DAY")
	for _, p := range rep.People {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\t%s\t%s\t%.1f\t%.1f\n", p.Person, p.Pages, p.Business, p.OffHours, p.Sleep,
			medianText(p.MTTASeconds), medianText(p.MTTRSeconds), p.OnCallDays, p.PagesPerOnCallDay)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	for _, l := range []struct {
		what string
		list []pages.Noise
	}{{"alerts", rep.Alerts}, {"services", rep.Services}} {
		if len(l.list) == 0 {
			continue
		}
		fmt.Fprintf(out, "Noisiest %s:\n", l.what)
		for _, n := range l.list {
			fmt.Fprintf(out, "  %-40s %s, %.0f%% auto-resolved, %.0f%% resolved without acknowledgment\n", n.Name, count(n.Pages, "page", "pages"), 100*n.AutoResolvedShare, 100*n.UnackedShare)
		}
	}
	if len(rep.Flags) > 0 {
		fmt.Fprintln(out, "Flags:")
		for _, f := range rep.Flags {
			fmt.Fprintf(out, "  %s\n", f.Reason)
		}
	}
	return nil
}

func medianText(s *float64) string {
	if s == nil {
		return "—"
	}
	return (time.Duration(*s) * time.Second).Round(time.Second).String()
}
