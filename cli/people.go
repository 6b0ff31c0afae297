package cli

import (
	"fmt"
	"io"
	"time"

	"wheelhouse/backend/brief"
	"wheelhouse/backend/calendar"
	"wheelhouse/backend/errs"
	"wheelhouse/backend/store"
)

// The people-development commands (issue 5):
//
//	people brief NAME [--markdown] [--private]
//	oneonone export-ics --person NAME [--alarm MINUTES] -o FILE
const peopleUsage = `  people brief NAME [--markdown] [--private]
                                          the 1:1 prep brief of a person (JSON, or Markdown);
                                          private notes, moods and feedback text only with --private
  oneonone export-ics --person NAME [--alarm MINUTES] -o FILE
                                          write the person's 1:1 series as a recurring event
                                          (no agenda or notes leave the machine); --alarm adds a
                                          reminder that many minutes before each 1:1
`

func (c *cmd) people(args []string) error {
	if len(args) == 0 || args[0] != "brief" {
		return usageError{"expected `people brief NAME [--markdown]`"}
	}
	fs := c.flags("people brief")
	markdown := fs.Bool("markdown", false, "print Markdown instead of JSON")
	private := fs.Bool("private", false, "include private data: 1:1 private notes, moods, feedback text")
	pos, err := parse(fs, args[1:], 1, "one person NAME")
	if err != nil {
		return err
	}
	w, err := c.openExisting()
	if err != nil {
		return err
	}
	defer w.Close()
	p, err := personByName(w, pos[0])
	if err != nil {
		return err
	}
	b, err := w.Briefs.Build(p.ID, c.env.Clock.Now(), *private)
	if err != nil {
		return err
	}
	if *markdown {
		_, err = io.WriteString(c.env.Stdout, brief.Markdown(&b))
		return err
	}
	return c.writeJSON(b)
}

func (c *cmd) oneonone(args []string) error {
	if len(args) == 0 || args[0] != "export-ics" {
		return usageError{"expected `oneonone export-ics --person NAME -o FILE`"}
	}
	fs := c.flags("oneonone export-ics")
	person := fs.String("person", "", "person")
	out := fs.String("o", "", "output file")
	alarm := fs.Int("alarm", 0, "a reminder this many minutes before each 1:1")
	if _, err := parse(fs, args[1:], 0, "no arguments besides --person NAME -o FILE"); err != nil {
		return err
	}
	if *alarm < 0 || *alarm > calendar.MaxAlarmMinutes {
		return usageError{fmt.Sprintf("--alarm is minutes before each 1:1, 0 to %d", calendar.MaxAlarmMinutes)}
	}
	if *person == "" {
		return usageError{"--person NAME is required"}
	}
	if *out == "" {
		return usageError{"-o FILE is required"}
	}
	w, err := c.openExisting()
	if err != nil {
		return err
	}
	defer w.Close()
	p, err := personByName(w, *person)
	if err != nil {
		return err
	}
	f, err := w.OneOnOnes.SeriesICSWith(p.ID, c.env.Clock.Now(), time.Duration(*alarm)*time.Minute)
	if err != nil {
		return err
	}
	if err := store.WriteFileAtomic(*out, func(w io.Writer) error { _, err := io.WriteString(w, f.ICS); return err }); err != nil {
		return errs.E(errs.Unavailable, "Cannot write %s: %v", *out, err)
	}
	s := f.Series
	fmt.Fprintf(c.env.Stdout, "Wrote the 1:1 series with %s (%s, %s at %s) to %s\n", p.Name, s.Cadence.Label(),
		time.Weekday(s.Weekday), s.Time, *out)
	return nil
}
