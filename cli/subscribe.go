package cli

import (
	"fmt"
	"strings"
	"text/tabwriter"

	"wheelhouse/backend/calendar"
	"wheelhouse/backend/errs"
	"wheelhouse/backend/oncall"
	"wheelhouse/backend/workspace"
)

// Calendar subscriptions from the command line (backend/calendar/subscribe.go,
// decision 0031 for CalDAV).
const subscribeUsage = `  calendar subscribe (URL | --caldav URL --user USER [--password-file FILE] [--trust-cert SHA256])
         (--holidays REGION | --timeoff PERSON) [--kind vacation|sick|holiday|other] [--name NAME]
         [--refresh manual|daily|weekly] [--yes]
                                          subscribe to an iCalendar address or a CalDAV calendar
                                          (the URL of a calendar, or of the server to find the
                                          account's one calendar): fetch it, preview the first
                                          import, then ask (y/N) or --yes to apply; refused or not
                                          applied, nothing is kept. The CalDAV password goes to the
                                          OS keyring, else into the workspace; never into an export.
                                          CalDAV reads events from a year back to two years ahead
  calendar subscription list [--json]     subscriptions with their source, schedule and last fetch
  calendar subscription refresh [NAME] [--yes]
                                          fetch now (one, or every subscription) and apply what
                                          changed; one never applied is previewed first
  calendar subscription remove NAME       forget a subscription (what it imported stays)
`

// subscribeCmd runs `calendar subscribe` and `calendar subscription`.
func (c *cmd) subscribeCmd(args []string) error {
	if args[0] == "subscribe" {
		return c.calendarSubscribe(args[1:])
	}
	if len(args) < 2 {
		return usageError{"expected `calendar subscription list|refresh|remove`"}
	}
	switch args[1] {
	case "list":
		return c.subscriptionList(args[2:])
	case "refresh":
		return c.subscriptionRefresh(args[2:])
	case "remove":
		return c.subscriptionRemove(args[2:])
	}
	return usageError{fmt.Sprintf("unknown `calendar subscription %s`: expected list, refresh or remove", args[1])}
}

func (c *cmd) calendarSubscribe(args []string) error {
	fs := c.flags("calendar subscribe")
	dav := fs.String("caldav", "", "CalDAV calendar or server URL")
	user := fs.String("user", "", "CalDAV user name")
	pwFile := fs.String("password-file", "", "file holding the CalDAV password or app token")
	trust := fs.String("trust-cert", "", "SHA-256 of a certificate to trust")
	region := fs.String("holidays", "", "holiday region")
	person := fs.String("timeoff", "", "person")
	kind := fs.String("kind", "vacation", "kind of time off")
	name := fs.String("name", "", "the subscription's name")
	refresh := fs.String("refresh", calendar.RefreshManual, "manual, daily or weekly")
	yes := fs.Bool("yes", false, "apply without asking")
	nargs, what := 1, "one calendar URL"
	if argsHave(args, "caldav") {
		nargs, what = 0, "no URL besides --caldav"
	}
	pos, err := parse(fs, args, nargs, what)
	if err != nil {
		return err
	}
	if (*region == "") == (*person == "") {
		return usageError{"choose one of --holidays REGION or --timeoff PERSON"}
	}
	sub := calendar.Subscription{Name: *name, Refresh: *refresh}
	if *dav != "" {
		sub.Source, sub.URL, sub.User, sub.TrustSHA256 = calendar.SourceCalDAV, *dav, *user, *trust
		if *pwFile != "" {
			if sub.Password, err = readPasswordFile(*pwFile); err != nil {
				return err
			}
		}
	} else {
		if *user != "" || *pwFile != "" || *trust != "" {
			return usageError{"--user, --password-file and --trust-cert are for a CalDAV calendar (--caldav URL)"}
		}
		sub.URL = pos[0]
	}
	w, err := c.openPublish()
	if err != nil {
		return err
	}
	defer w.Close()
	sub.Target = calendar.Target{Kind: calendar.TargetHolidays}
	regionName := ""
	if *person != "" {
		p, err := personByName(w, *person)
		if err != nil {
			return err
		}
		sub.Target = calendar.Target{Kind: calendar.TargetTimeOff, PersonID: p.ID, TimeOffKind: oncall.TimeOffKind(*kind)}
	} else {
		regionName = *region
	}
	saved, err := w.Calendar.SaveSubscriptionInto(sub, regionName)
	if err != nil {
		return fieldsErr(err)
	}
	// The first fetch and its preview decide: a subscription that fails or
	// is not applied is not kept (run the command again).
	forget := func() {
		if err := w.Calendar.DeleteSubscription(saved.ID); err != nil {
			fmt.Fprintf(c.env.Stderr, "warning: the subscription %q could not be removed: %s\n", saved.Name, errs.MessageOf(err))
		}
	}
	ctx, stop := signalContext()
	defer stop()
	res, err := w.Calendar.Fetch(ctx, saved.ID)
	if err != nil {
		forget()
		return err
	}
	p := res.Preview
	c.printPreview(p)
	switch c.askApply(p, *yes) {
	case applyNoTerminal:
		forget()
		fmt.Fprintln(c.env.Stdout, "Only a preview: nothing was saved or imported. Run the command again with --yes to subscribe and apply it (or at a terminal to be asked).")
		return nil
	case applyDeclined:
		forget()
		fmt.Fprintln(c.env.Stdout, "Nothing was saved or imported.")
		return nil
	}
	ar, err := w.Calendar.Apply(p)
	if err != nil {
		forget()
		return err
	}
	fmt.Fprintf(c.env.Stdout, "Imported: %d added, %d updated, %d removed, %d unchanged.\n", ar.Added, ar.Updated, ar.Removed, ar.Unchanged)
	fmt.Fprintf(c.env.Stdout, "Subscribed %q (%s).\n", saved.Name, describeSubscription(saved))
	return nil
}

// argsHave reports whether args carry the flag --name or -name.
func argsHave(args []string, name string) bool {
	for _, a := range args {
		if a == "--" {
			return false
		}
		for _, p := range []string{"--" + name, "-" + name} {
			if a == p || strings.HasPrefix(a, p+"=") {
				return true
			}
		}
	}
	return false
}

// describeSubscription says where a subscription reads from, how often and
// where its password is.
func describeSubscription(s calendar.Subscription) string {
	var parts []string
	if s.Source == calendar.SourceCalDAV {
		parts = append(parts, "CalDAV as "+s.User)
		parts = append(parts, map[string]string{calendar.PasswordKeyring: "the password is in the OS keyring",
			calendar.PasswordWorkspace: "no OS keyring: the password is kept in the workspace (encrypted only if the workspace is)",
			calendar.PasswordNone:      "no password"}[s.PasswordIn])
	} else {
		parts = append(parts, "iCalendar address")
	}
	if s.Refresh == calendar.RefreshManual {
		parts = append(parts, "refreshed when you ask (calendar subscription refresh)")
	} else {
		parts = append(parts, "refreshed "+s.Refresh+" while the app runs")
	}
	return strings.Join(parts, "; ")
}

// subscriptionByName finds a subscription by name (any case).
func subscriptionByName(w *workspace.Workspace, name string) (calendar.Subscription, error) {
	subs, err := w.Calendar.Subscriptions()
	if err != nil {
		return calendar.Subscription{}, err
	}
	for _, s := range subs {
		if strings.EqualFold(s.Name, strings.TrimSpace(name)) {
			return s, nil
		}
	}
	return calendar.Subscription{}, errs.E(errs.NotFound, "There is no calendar subscription called %q.", name)
}

func (c *cmd) subscriptionList(args []string) error {
	fs := c.flags("calendar subscription list")
	asJSON := fs.Bool("json", false, "JSON")
	if _, err := parse(fs, args, 0, "no arguments besides the options"); err != nil {
		return err
	}
	w, err := c.openExisting()
	if err != nil {
		return err
	}
	defer w.Close()
	subs, err := w.Calendar.Subscriptions()
	if err != nil {
		return err
	}
	if *asJSON {
		return c.writeJSON(subs)
	}
	if len(subs) == 0 {
		fmt.Fprintln(c.env.Stdout, "No calendar subscriptions. Add one with `wheelhouse calendar subscribe URL --timeoff PERSON` (or --caldav URL --user USER --password-file FILE).")
		return nil
	}
	now := c.env.Clock.Now()
	tw := tabwriter.NewWriter(c.env.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "NAME\tSOURCE\tURL\tREFRESH\tSTATUS")
	for _, s := range subs {
		src := "ics"
		if s.Source == calendar.SourceCalDAV {
			src = "caldav (" + s.User + ")"
		}
		status := "never fetched"
		if !s.LastFetchedAt.IsZero() {
			status = "fetched " + ago(now.Sub(s.LastFetchedAt))
		}
		if s.LastAppliedAt.IsZero() {
			status += ", never applied"
		}
		if s.LastError != "" {
			status += " · last error: " + s.LastError
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", s.Name, src, s.URL, s.Refresh, status)
	}
	return tw.Flush()
}

func (c *cmd) subscriptionRefresh(args []string) error {
	fs := c.flags("calendar subscription refresh")
	yes := fs.Bool("yes", false, "apply a first import without asking")
	pos, err := parse(fs, args, 0, "at most one subscription NAME")
	if err != nil {
		if pos, err = parse(fs, args, 1, "at most one subscription NAME"); err != nil {
			return err
		}
	}
	w, err := c.openPublish()
	if err != nil {
		return err
	}
	defer w.Close()
	var subs []calendar.Subscription
	if len(pos) == 1 {
		s, err := subscriptionByName(w, pos[0])
		if err != nil {
			return err
		}
		subs = append(subs, s)
	} else if subs, err = w.Calendar.Subscriptions(); err != nil {
		return err
	}
	if len(subs) == 0 {
		fmt.Fprintln(c.env.Stdout, "No calendar subscriptions.")
		return nil
	}
	ctx, stop := signalContext()
	defer stop()
	failed := 0
	for _, s := range subs {
		res, err := w.Calendar.Refresh(ctx, s.ID)
		if err != nil {
			failed++
			fmt.Fprintf(c.env.Stderr, "%s: %s\n", s.Name, errs.MessageOf(err))
			continue
		}
		if a := res.Applied; a != nil {
			fmt.Fprintf(c.env.Stdout, "%s: %d added, %d updated, %d removed, %d unchanged\n", s.Name, a.Added, a.Updated, a.Removed, a.Unchanged)
			continue
		}
		c.printPreview(res.Preview)
		switch c.askApply(res.Preview, *yes) {
		case applyNoTerminal:
			fmt.Fprintf(c.env.Stdout, "%s: never applied; only a preview (run again with --yes to apply it).\n", s.Name)
			continue
		case applyDeclined:
			fmt.Fprintf(c.env.Stdout, "%s: nothing was imported.\n", s.Name)
			continue
		}
		a, err := w.Calendar.Apply(res.Preview)
		if err != nil {
			failed++
			fmt.Fprintf(c.env.Stderr, "%s: %s\n", s.Name, errs.MessageOf(err))
			continue
		}
		fmt.Fprintf(c.env.Stdout, "%s: %d added, %d updated, %d removed, %d unchanged\n", s.Name, a.Added, a.Updated, a.Removed, a.Unchanged)
	}
	if failed > 0 {
		return errs.E(errs.Unavailable, "%d of %d subscriptions could not be refreshed.", failed, len(subs))
	}
	return nil
}

func (c *cmd) subscriptionRemove(args []string) error {
	fs := c.flags("calendar subscription remove")
	pos, err := parse(fs, args, 1, "the subscription's NAME")
	if err != nil {
		return err
	}
	w, err := c.openPublish()
	if err != nil {
		return err
	}
	defer w.Close()
	s, err := subscriptionByName(w, pos[0])
	if err != nil {
		return err
	}
	if err := w.Calendar.DeleteSubscription(s.ID); err != nil {
		return err
	}
	fmt.Fprintf(c.env.Stdout, "Removed the subscription %q (what it imported stays).\n", s.Name)
	return nil
}
