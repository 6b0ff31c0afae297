package cli

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"sort"
	"strings"
	"text/tabwriter"
	"time"

	"wheelhouse/backend/calendar"
	"wheelhouse/backend/errs"
	"wheelhouse/backend/publish"
	"wheelhouse/backend/secrets"
	"wheelhouse/backend/workspace"
)

const publishUsage = `  calendar publish [--name NAME]          publish the configured CalDAV publications once (or one)
                                          and print what each sent; non-zero exit on failure
  calendar publish (--rotation NAME | --person NAME | --schedule TEAM | --team) --url URL --user USER
         --password-file FILE [--from DATE --to DATE] [--alarm MINUTES] [--trust-cert SHA256]
         [--per-engineer] [--no-create] [--on-conflict ask|ours|theirs]
                                          a one-off publish for scripts (the password is not kept;
                                          running it again sends only what changed)
  calendar publication add NAME (--rotation NAME | --person NAME | --schedule TEAM | --team) --url URL --user USER
         [--password-file FILE] [--back-days 14] [--ahead-days 183] [--alarm MINUTES]
         [--per-engineer] [--trust-cert SHA256] [--no-create] [--on-conflict ask|ours|theirs]
                                          add or change a publication (the password goes to the OS
                                          keyring, else into the workspace; never into an export)
  calendar publication list [--json]      publications with last success, changes waiting, last error
  calendar publication remove NAME        forget a publication (what it published stays on the server)
  calendar publication resolve NAME (--ours | --theirs) [--uid UID]
                                          settle conflicts with copies edited on the server
`

// publishCmd runs `calendar publish` and `calendar publication`.
func (c *cmd) publishCmd(args []string) error {
	if args[0] == "publication" {
		if len(args) < 2 {
			return usageError{"expected `calendar publication add|list|remove|resolve`"}
		}
		switch args[1] {
		case "add":
			return c.publicationAdd(args[2:])
		case "list":
			return c.publicationList(args[2:])
		case "remove":
			return c.publicationRemove(args[2:])
		case "resolve":
			return c.publicationResolve(args[2:])
		}
		return usageError{fmt.Sprintf("unknown `calendar publication %s`: expected add, list, remove or resolve", args[1])}
	}
	return c.calendarPublish(args[1:])
}

// openPublish opens the workspace with the OS keyring for CalDAV
// passwords, of publications and of subscriptions (WHEELHOUSE_NO_KEYRING=1
// keeps them in the workspace).
func (c *cmd) openPublish() (*workspace.Workspace, error) {
	w, err := c.openExisting()
	if err != nil {
		return nil, err
	}
	if c.env.Getenv("WHEELHOUSE_NO_KEYRING") == "" {
		k := publish.Keyring{Store: secrets.OS()}
		w.Publish.Secrets, w.Calendar.Secrets = k, k
	}
	return w, nil
}

type scopeFlags struct {
	rot, person, schedule *string
	team                  *bool
}

func (c *cmd) addScopeFlags(fs interface {
	String(string, string, string) *string
	Bool(string, bool, string) *bool
}) scopeFlags {
	return scopeFlags{rot: fs.String("rotation", "", "rotation name"), person: fs.String("person", "", "person name"),
		schedule: fs.String("schedule", "", "team name: its final schedule"), team: fs.Bool("team", false, "every rotation")}
}

func (s scopeFlags) set() int {
	n := 0
	for _, b := range []bool{*s.rot != "", *s.person != "", *s.schedule != "", *s.team} {
		if b {
			n++
		}
	}
	return n
}

func (s scopeFlags) scope(w *workspace.Workspace) (calendar.Scope, error) {
	switch {
	case *s.rot != "":
		r, err := w.OnCall.RotationByName(*s.rot)
		if err != nil {
			return calendar.Scope{}, err
		}
		return calendar.Scope{Kind: calendar.ScopeRotation, ID: r.ID}, nil
	case *s.person != "":
		p, err := personByName(w, *s.person)
		if err != nil {
			return calendar.Scope{}, err
		}
		return calendar.Scope{Kind: calendar.ScopePerson, ID: p.ID}, nil
	case *s.schedule != "":
		t, err := teamByName(w, *s.schedule)
		if err != nil {
			return calendar.Scope{}, err
		}
		return calendar.Scope{Kind: calendar.ScopeSchedule, ID: t.ID}, nil
	}
	return calendar.Scope{Kind: calendar.ScopeTeam}, nil
}

func readPasswordFile(path string) (string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return "", errs.E(errs.Invalid, "Cannot read the password file: %v", err)
	}
	pw := strings.TrimRight(string(b), "\r\n")
	if pw == "" {
		return "", errs.E(errs.Invalid, "The password file %s is empty.", path)
	}
	return pw, nil
}

// signalContext stops a run on Ctrl-C (the state stays consistent).
func signalContext() (context.Context, context.CancelFunc) {
	return signal.NotifyContext(context.Background(), os.Interrupt)
}

func (c *cmd) printCounts(name string, n publish.Counts) {
	fmt.Fprintf(c.env.Stdout, "%s: %d created, %d updated, %d deleted, %d unchanged", name, n.Created, n.Updated, n.Deleted, n.Unchanged)
	if n.Conflicts > 0 {
		fmt.Fprintf(c.env.Stdout, ", %d edited on the server (see `calendar publication list`)", n.Conflicts)
	}
	fmt.Fprintln(c.env.Stdout)
}

func (c *cmd) calendarPublish(args []string) error {
	fs := c.flags("calendar publish")
	name := fs.String("name", "", "publication name")
	sf := c.addScopeFlags(fs)
	u := fs.String("url", "", "calendar or server URL")
	user := fs.String("user", "", "user name")
	pwFile := fs.String("password-file", "", "file holding the password or app token")
	fromS := fs.String("from", "", "first day")
	toS := fs.String("to", "", "last day")
	alarm := fs.Int("alarm", 0, "alarm minutes before each shift")
	trust := fs.String("trust-cert", "", "SHA-256 of a certificate to trust")
	perEng := fs.Bool("per-engineer", false, "one calendar per engineer")
	noCreate := fs.Bool("no-create", false, "do not create a missing calendar")
	onConflict := fs.String("on-conflict", "", "ask, ours or theirs")
	if _, err := parse(fs, args, 0, "no arguments besides the options"); err != nil {
		return err
	}
	oneOff := sf.set() > 0 || *u != ""
	if !oneOff {
		w, err := c.openPublish()
		if err != nil {
			return err
		}
		defer w.Close()
		ctx, stop := signalContext()
		defer stop()
		if *name != "" {
			n, err := w.Publish.Publish(ctx, *name, nil)
			if err != nil {
				return err
			}
			c.printCounts(*name, n)
			return nil
		}
		ps, err := w.Publish.List()
		if err != nil {
			return err
		}
		configured := 0
		for _, p := range ps {
			if !p.OneOff {
				configured++
			}
		}
		if configured == 0 {
			return errs.E(errs.NotFound, "No publications are configured: add one with `wheelhouse calendar publication add`, or publish once with --team/--rotation/--person --url --user --password-file.")
		}
		res, err := w.Publish.PublishAll(ctx, nil)
		names := make([]string, 0, len(res))
		for n := range res {
			names = append(names, n)
		}
		sort.Strings(names)
		for _, n := range names {
			c.printCounts(n, res[n])
		}
		return err
	}
	if sf.set() != 1 {
		return usageError{"choose one of --rotation NAME, --person NAME, --schedule TEAM or --team"}
	}
	if *u == "" || *pwFile == "" {
		return usageError{"a one-off publish needs --url URL, --user USER and --password-file FILE"}
	}
	if *name != "" {
		return usageError{"--name runs a configured publication; a one-off publish takes no --name"}
	}
	pw, err := readPasswordFile(*pwFile)
	if err != nil {
		return err
	}
	from, to, err := c.window(*fromS, *toS, -publish.DefaultBackDays*24*time.Hour, publish.DefaultAheadDays*24*time.Hour)
	if err != nil {
		return err
	}
	w, err := c.openExisting()
	if err != nil {
		return err
	}
	defer w.Close()
	sc, err := sf.scope(w)
	if err != nil {
		return err
	}
	ctx, stop := signalContext()
	defer stop()
	in := publish.Input{URL: *u, User: *user, Password: pw, Scope: sc, AlarmMinutes: *alarm, TrustSHA256: *trust,
		PerEngineer: *perEng, NoCreate: *noCreate, OnConflict: *onConflict}
	n, err := w.Publish.OneOff(ctx, in, from, to, nil)
	if err != nil {
		return err
	}
	c.printCounts("Published "+describeWindow(from, to, c.localZone()), n)
	return nil
}

func (c *cmd) publicationAdd(args []string) error {
	fs := c.flags("calendar publication add")
	sf := c.addScopeFlags(fs)
	u := fs.String("url", "", "calendar or server URL")
	user := fs.String("user", "", "user name")
	pwFile := fs.String("password-file", "", "file holding the password or app token")
	back := fs.Int("back-days", publish.DefaultBackDays, "days back")
	ahead := fs.Int("ahead-days", publish.DefaultAheadDays, "days ahead")
	alarm := fs.Int("alarm", 0, "alarm minutes before each shift")
	trust := fs.String("trust-cert", "", "SHA-256 of a certificate to trust")
	perEng := fs.Bool("per-engineer", false, "one calendar per engineer")
	noCreate := fs.Bool("no-create", false, "do not create a missing calendar")
	onConflict := fs.String("on-conflict", "", "ask, ours or theirs")
	pos, err := parse(fs, args, 1, "the publication's NAME")
	if err != nil {
		return err
	}
	if sf.set() != 1 {
		return usageError{"choose one of --rotation NAME, --person NAME, --schedule TEAM or --team"}
	}
	var pw string
	if *pwFile != "" {
		if pw, err = readPasswordFile(*pwFile); err != nil {
			return err
		}
	}
	w, err := c.openPublish()
	if err != nil {
		return err
	}
	defer w.Close()
	sc, err := sf.scope(w)
	if err != nil {
		return err
	}
	p, err := w.Publish.Save(publish.Input{Name: pos[0], URL: *u, User: *user, Password: pw, Scope: sc, BackDays: *back, AheadDays: *ahead,
		AlarmMinutes: *alarm, TrustSHA256: *trust, PerEngineer: *perEng, NoCreate: *noCreate, OnConflict: *onConflict})
	if err != nil {
		return fieldsErr(err)
	}
	where := map[string]string{publish.PasswordKeyring: "the password is in the OS keyring",
		publish.PasswordWorkspace: "no OS keyring: the password is kept in the workspace (encrypted only if the workspace is)",
		publish.PasswordNone:      "no password"}[p.PasswordIn]
	fmt.Fprintf(c.env.Stdout, "Saved the publication %q (%s). Publish it with `wheelhouse calendar publish --name %q`.\n", p.Name, where, p.Name)
	return nil
}

// fieldsErr adds the fields' messages of a validation error.
func fieldsErr(err error) error {
	fe := errs.FieldsOf(err)
	if len(fe) <= 1 {
		return err
	}
	var b strings.Builder
	for i, f := range fe {
		if i > 0 {
			b.WriteString(" ")
		}
		fmt.Fprintf(&b, "%s: %s", f.Field, f.Message)
	}
	return errs.E(errs.Invalid, "%s", b.String())
}

// statusLine is "published 5 min ago · 3 changes waiting · last error …".
func statusLine(v publish.View, now time.Time) string {
	var parts []string
	if v.Status.LastSuccessAt.IsZero() {
		parts = append(parts, "never published")
	} else {
		parts = append(parts, "published "+ago(now.Sub(v.Status.LastSuccessAt)))
	}
	switch v.Waiting {
	case 0:
		parts = append(parts, "up to date")
	case 1:
		parts = append(parts, "1 change waiting")
	default:
		parts = append(parts, fmt.Sprintf("%d changes waiting", v.Waiting))
	}
	if n := len(v.Conflicts); n > 0 {
		parts = append(parts, fmt.Sprintf("%d edited on the server", n))
	}
	if v.Status.LastError != "" {
		parts = append(parts, "last error "+ago(now.Sub(v.Status.LastErrorAt))+": "+v.Status.LastError)
	}
	return strings.Join(parts, " · ")
}

func ago(d time.Duration) string {
	switch {
	case d < time.Minute:
		return "just now"
	case d < time.Hour:
		return fmt.Sprintf("%d min ago", int(d/time.Minute))
	case d < 48*time.Hour:
		return fmt.Sprintf("%d h ago", int(d/time.Hour))
	}
	return fmt.Sprintf("%d days ago", int(d/(24*time.Hour)))
}

func (c *cmd) publicationList(args []string) error {
	fs := c.flags("calendar publication list")
	asJSON := fs.Bool("json", false, "JSON")
	if _, err := parse(fs, args, 0, "no arguments besides the options"); err != nil {
		return err
	}
	w, err := c.openExisting()
	if err != nil {
		return err
	}
	defer w.Close()
	ps, err := w.Publish.List()
	if err != nil {
		return err
	}
	views := make([]publish.View, 0, len(ps))
	for _, p := range ps {
		v, err := w.Publish.Status(p.Name)
		if err != nil {
			return err
		}
		views = append(views, v)
	}
	if *asJSON {
		return c.writeJSON(views)
	}
	if len(views) == 0 {
		fmt.Fprintln(c.env.Stdout, "No publications. Add one with `wheelhouse calendar publication add NAME --team --url URL --user USER --password-file FILE`.")
		return nil
	}
	now := c.env.Clock.Now()
	tw := tabwriter.NewWriter(c.env.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "NAME\tWHAT\tURL\tSTATUS")
	for _, v := range views {
		what := v.Scope.Kind
		if v.PerEngineer {
			what += ", one calendar per engineer"
		}
		if v.OneOff {
			what += " (one-off)"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", v.Name, what, v.URL, statusLine(v, now))
	}
	tw.Flush()
	for _, v := range views {
		for _, k := range v.Conflicts {
			fmt.Fprintf(c.env.Stdout, "  %s: edited on the server. Ours: %s. Theirs: %s. (%s)\n", v.Name, k.Ours, k.Theirs, k.UID)
		}
	}
	return nil
}

func (c *cmd) publicationRemove(args []string) error {
	fs := c.flags("calendar publication remove")
	pos, err := parse(fs, args, 1, "the publication's NAME")
	if err != nil {
		return err
	}
	w, err := c.openPublish()
	if err != nil {
		return err
	}
	defer w.Close()
	if err := w.Publish.Remove(pos[0]); err != nil {
		return err
	}
	fmt.Fprintf(c.env.Stdout, "Removed the publication %q (what it published stays on the server).\n", pos[0])
	return nil
}

func (c *cmd) publicationResolve(args []string) error {
	fs := c.flags("calendar publication resolve")
	ours := fs.Bool("ours", false, "our version wins")
	theirs := fs.Bool("theirs", false, "keep the server's version")
	uid := fs.String("uid", "", "one resource's UID (default: every conflict)")
	pos, err := parse(fs, args, 1, "the publication's NAME")
	if err != nil {
		return err
	}
	if *ours == *theirs {
		return usageError{"choose --ours or --theirs"}
	}
	choice := publish.ConflictOurs
	if *theirs {
		choice = publish.ConflictTheirs
	}
	w, err := c.openExisting()
	if err != nil {
		return err
	}
	defer w.Close()
	n, err := w.Publish.Resolve(pos[0], *uid, choice)
	if err != nil {
		return err
	}
	fmt.Fprintf(c.env.Stdout, "Settled %d conflicts (%s); publish again to send them.\n", n, choice)
	return nil
}
