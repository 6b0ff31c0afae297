// Package cli is Wheelhouse's command line: the same binary runs the desktop
// app (no command) or a headless command. It has no Wails dependency; main.go
// hands it a function that starts the window.
package cli

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"
	"text/tabwriter"
	"time"

	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/civil"
	"wheelhouse/backend/clock"
	"wheelhouse/backend/control"
	"wheelhouse/backend/datadir"
	"wheelhouse/backend/demo"
	"wheelhouse/backend/errs"
	"wheelhouse/backend/followup"
	"wheelhouse/backend/id"
	"wheelhouse/backend/incident"
	"wheelhouse/backend/notify"
	"wheelhouse/backend/people"
	"wheelhouse/backend/store"
	"wheelhouse/backend/tz"
	"wheelhouse/backend/workspace"
)

// Version is set at build time with -ldflags "-X wheelhouse/cli.Version=…".
var Version = "0.1.0-dev"

// GUIConfig is what the desktop app needs to start.
type GUIConfig struct {
	DataDir    string
	Logger     *slog.Logger
	Version    string
	Background bool   // start hidden (autostart at login): deliver reminders, show the window on demand
	Zone       string // the machine's IANA zone
}

// Env is everything the CLI touches, so tests can run it in-process.
type Env struct {
	Args   []string // without the program name
	Getenv func(string) string
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	Clock  clock.Clock
	GUI    func(GUIConfig) error // nil: no desktop app in this build
	// Notifier delivers reminders for `remind --once`; nil means the desktop.
	Notifier notify.Notifier
	// Readlink reads symlinks (to find the machine's time zone); nil means os.Readlink.
	Readlink func(string) (string, error)
}

const usage = `Wheelhouse %s — an offline cockpit for engineering managers.

Usage:
  wheelhouse [--data DIR]                 start the desktop app
  wheelhouse [--data DIR] <command> [options]

Commands:
  version                                 print the version
  export-json [--without-private] [-o FILE]
                                          write the whole workspace as JSON (stdout without -o);
                                          --without-private leaves private fields out (docs/privacy.md);
                                          while the app runs, the app writes it
  import-json [--replace] FILE            validate FILE, then import all of it or nothing
  backup FILE                             write a backup of the database to FILE
                                          (while the app runs, the app writes it)
  restore [--force] FILE                  restore a backup into an empty data folder
                                          (--force keeps the current folder aside first)
  demo [--size small|large]               fill an empty data folder with a demo workspace
%s
  incidents list [--json]                 list incidents, newest first
  actions list [--overdue] [--all] [--json]
                                          list open follow-ups, overdue first (--all: and the 200
                                          most recently closed; overdue: due before today in this
                                          machine's time zone)
  remind --once                           deliver due reminders as desktop notifications and exit
                                          (for a cron job or systemd user timer)
%s
Options:
  --passphrase-file FILE                  the passphrase of an encrypted workspace (or of the new one for
                                          encrypt); without it a terminal asks
  --background                            start the app hidden (used by the autostart entry)

The data folder is --data, else $WHEELHOUSE_DATA, else %s.
import-json --replace and restore --force keep the replaced workspace aside
(db.before-*); the newest $WHEELHOUSE_KEEP_ASIDE copies are kept (default 3).
`

// Run runs the command line and returns the process exit code.
func Run(env Env) int {
	if env.Getenv == nil {
		env.Getenv = os.Getenv
	}
	if env.Clock == nil {
		env.Clock = clock.Real{}
	}
	if env.Readlink == nil {
		env.Readlink = os.Readlink
	}
	def, _ := datadir.Default(goos, env.Getenv)
	fs := flag.NewFlagSet("wheelhouse", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	dataFlag := fs.String("data", "", "data folder")
	verbose := fs.Bool("verbose", false, "log debug detail to stderr")
	background := fs.Bool("background", false, "start hidden")
	passFile := fs.String("passphrase-file", "", "file holding the workspace's passphrase")
	fs.Usage = func() {
		fmt.Fprintf(env.Stderr, usage, Version, encryptUsage, oncallUsage+subscribeUsage+publishUsage+handoffUsage+peopleUsage, def)
	}
	if err := fs.Parse(env.Args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	level := slog.LevelWarn
	if *verbose {
		level = slog.LevelDebug
	}
	logger := slog.New(slog.NewTextHandler(env.Stderr, &slog.HandlerOptions{Level: level}))
	dir, err := datadir.Resolve(*dataFlag, env.Getenv)
	if err != nil {
		fmt.Fprintf(env.Stderr, "wheelhouse: cannot find a data folder: %v (use --data DIR)\n", err)
		return 1
	}
	args := fs.Args()
	if len(args) == 0 {
		if env.GUI == nil {
			fmt.Fprintln(env.Stderr, "wheelhouse: this build has no desktop window (it was built without the Wails tags; `make run` builds the app). Run a command instead, see --help.")
			return 2
		}
		zone := tz.Detect(env.Getenv, env.Readlink)
		if err := env.GUI(GUIConfig{DataDir: dir, Logger: logger, Version: Version, Background: *background, Zone: zone}); err != nil {
			fmt.Fprintf(env.Stderr, "wheelhouse: %s\n", errs.MessageOf(err))
			logger.Error("app failed", "err", err)
			return 1
		}
		return 0
	}
	c := &cmd{env: env, dir: dir, log: logger}
	if *passFile != "" {
		p, err := readPassphraseFile(*passFile)
		if err != nil {
			fmt.Fprintf(env.Stderr, "wheelhouse: %s\n", errs.MessageOf(err))
			return 2
		}
		c.pass = p
	}
	var run func([]string) error
	switch args[0] {
	case "version":
		fmt.Fprintf(env.Stdout, "wheelhouse %s (schema %d, workspace format %d)\n", Version, store.SchemaVersion(workspace.Migrations), workspace.FormatVersion)
		return 0
	case "help", "-h", "--help":
		fs.Usage()
		return 0
	case "export-json":
		run = c.exportJSON
	case "import-json":
		run = c.importJSON
	case "backup":
		run = c.backup
	case "restore":
		run = c.restore
	case "demo":
		run = c.demo
	case "encrypt":
		run = c.encrypt // encrypt.go
	case "decrypt":
		run = c.decrypt
	case "change-passphrase":
		run = c.changePassphrase
	case "incidents":
		run = c.incidents
	case "actions":
		run = c.actions
	case "remind":
		run = c.remind
	case "oncall":
		run = c.oncall // oncall.go
	case "calendar":
		run = c.calendarCmd // oncall.go
	case "people":
		run = c.people // people.go
	case "oneonone":
		run = c.oneonone // people.go
	default:
		fmt.Fprintf(env.Stderr, "wheelhouse: unknown command %q (see wheelhouse --help)\n", args[0])
		return 2
	}
	if err := run(args[1:]); err != nil {
		var ue usageError
		if errors.As(err, &ue) {
			fmt.Fprintf(env.Stderr, "wheelhouse %s: %s\n", args[0], ue.msg)
			return 2
		}
		fmt.Fprintf(env.Stderr, "wheelhouse %s: %s\n", args[0], errs.MessageOf(err))
		if errs.CodeOf(err) == errs.Internal {
			logger.Error("command failed", "cmd", args[0], "err", err)
		}
		return 1
	}
	return 0
}

type usageError struct{ msg string }

func (u usageError) Error() string { return u.msg }

type cmd struct {
	env  Env
	dir  string
	log  *slog.Logger
	pass []byte // --passphrase-file, or what the terminal prompt read
}

func (c *cmd) flags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(c.env.Stderr)
	return fs
}

func parse(fs *flag.FlagSet, args []string, positional int, what string) ([]string, error) {
	// Allow flags after positional arguments: "import-json file.json --replace".
	var flags, pos []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if strings.HasPrefix(a, "-") && a != "-" {
			flags = append(flags, a)
			name := strings.TrimLeft(a, "-")
			if f := fs.Lookup(name); f != nil && !strings.Contains(a, "=") && !isBool(f) && i+1 < len(args) {
				flags = append(flags, args[i+1])
				i++
			}
		} else {
			pos = append(pos, a)
		}
	}
	if err := fs.Parse(flags); err != nil {
		return nil, usageError{err.Error()}
	}
	if len(pos) != positional {
		return nil, usageError{fmt.Sprintf("expected %s", what)}
	}
	return pos, nil
}

func isBool(f *flag.Flag) bool {
	b, ok := f.Value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}

func (c *cmd) wsOptions() workspace.Options {
	return workspace.Options{Logger: c.log, Clock: c.env.Clock, Zone: tz.Detect(c.env.Getenv, c.env.Readlink), KeepAside: c.keepAside()}
}

// keepAside is $WHEELHOUSE_KEEP_ASIDE: how many replaced workspaces
// import-json --replace and restore --force keep (0: the default, 3).
func (c *cmd) keepAside() int {
	v := c.env.Getenv(KeepAsideEnv)
	if v == "" {
		return 0
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 || n > 1000 {
		c.log.Warn("ignoring "+KeepAsideEnv+": not a number from 1 to 1000", "value", v)
		return 0
	}
	return n
}

// KeepAsideEnv sets how many replaced workspaces a data folder keeps.
const KeepAsideEnv = "WHEELHOUSE_KEEP_ASIDE"

func (c *cmd) open() (*workspace.Workspace, error) {
	opt, err := c.unlockedOptions()
	if err != nil {
		return nil, err
	}
	return workspace.Open(c.dir, opt)
}

// unlockedOptions are wsOptions with the passphrase of an encrypted
// workspace (from --passphrase-file or asked at the terminal).
func (c *cmd) unlockedOptions() (workspace.Options, error) {
	opt := c.wsOptions()
	p, err := c.unlockPassphrase()
	opt.Passphrase = p
	return opt, err
}

func (c *cmd) exportJSON(args []string) error {
	fs := c.flags("export-json")
	out := fs.String("o", "", "output file")
	noPrivate := fs.Bool("without-private", false, "leave private fields out: 1:1 private notes, notes on people, feedback text, moods, time-off reasons, handoffs and survey answers (docs/privacy.md)")
	if _, err := parse(fs, args, 0, "no arguments besides -o FILE"); err != nil {
		return err
	}
	if control.Available(c.dir) { // the app has the workspace open: it exports
		export := func(f io.Writer) error { return control.ExportJSON(c.dir, f, *noPrivate, "Wheelhouse "+Version) }
		if *out == "" {
			return export(c.env.Stdout)
		}
		if err := store.WriteFileAtomic(*out, export); err != nil {
			return errs.E(errs.Unavailable, "Cannot write %s: %s", *out, errs.MessageOf(err))
		}
		fmt.Fprintf(c.env.Stderr, "Exported the workspace to %s (through the running Wheelhouse)\n", *out)
		return nil
	}
	w, err := c.open()
	if err != nil {
		return err
	}
	defer w.Close()
	opt := workspace.ExportOptions{WithoutPrivate: *noPrivate}
	if *out == "" {
		return w.ExportWith(c.env.Stdout, "Wheelhouse "+Version, opt)
	}
	if err := store.WriteFileAtomic(*out, func(f io.Writer) error { return w.ExportWith(f, "Wheelhouse "+Version, opt) }); err != nil {
		return errs.E(errs.Unavailable, "Cannot write %s: %v", *out, err)
	}
	fmt.Fprintf(c.env.Stderr, "Exported the workspace to %s\n", *out)
	return nil
}

func (c *cmd) importJSON(args []string) error {
	fs := c.flags("import-json")
	replace := fs.Bool("replace", false, "replace the current workspace")
	_, f, err := c.openInput(fs, args, "one FILE to import")
	if err != nil {
		return err
	}
	defer f.Close()
	snap, err := workspace.Parse(f, c.env.Clock.Now())
	if err != nil {
		return err
	}
	if err := c.emptyUnless(*replace, "%s already has data. Import into an empty data folder (--data DIR), or add --replace (the current workspace is kept aside)."); err != nil {
		return err
	}
	opt, err := c.unlockedOptions()
	if err != nil {
		return err
	}
	aside, err := workspace.ImportFolder(c.dir, snap, *replace, opt)
	if err != nil {
		return err
	}
	fmt.Fprintf(c.env.Stdout, "Imported %d people, %d teams and %d services into %s\n",
		len(snap.People), len(snap.Teams), len(snap.Services), c.dir)
	if len(snap.Incidents)+len(snap.FollowUps) > 0 {
		fmt.Fprintf(c.env.Stdout, "with %s and %s\n", count(len(snap.Incidents), "incident", "incidents"), count(len(snap.FollowUps), "follow-up", "follow-ups"))
	}
	if aside != "" {
		fmt.Fprintf(c.env.Stdout, "The previous workspace is kept in %s\n", aside)
	}
	return nil
}

func (c *cmd) backup(args []string) error {
	pos, err := parse(c.flags("backup"), args, 1, "one FILE to write the backup to")
	if err != nil {
		return err
	}
	if empty, _ := store.IsEmptyDataDir(c.dir); empty {
		return errs.E(errs.NotFound, "There is no workspace in %s to back up.", c.dir)
	}
	if control.Available(c.dir) { // the app has the workspace open: it backs up
		if err := control.Backup(c.dir, pos[0]); err != nil {
			return err
		}
		fmt.Fprintf(c.env.Stdout, "Backed up %s to %s (through the running Wheelhouse)\n", c.dir, pos[0])
		return nil
	}
	w, err := c.open()
	if err != nil {
		return err
	}
	defer w.Close()
	stop := removeTempsOnSignal()
	defer stop()
	if err := w.BackupTo(pos[0]); err != nil {
		return err
	}
	fmt.Fprintf(c.env.Stdout, "Backed up %s to %s\n", c.dir, pos[0])
	return nil
}

func (c *cmd) restore(args []string) error {
	fs := c.flags("restore")
	force := fs.Bool("force", false, "move the current data folder aside and restore")
	name, f, err := c.openInput(fs, args, "one backup FILE")
	if err != nil {
		return err
	}
	defer f.Close()
	if err := c.emptyUnless(*force, "%s already holds a workspace. Restore into an empty folder (--data DIR), or add --force to move the current one aside first."); err != nil {
		return err
	}
	// An encrypted backup, or an encrypted workspace to replace, needs the
	// passphrase; a plain backup replacing an encrypted workspace stays
	// encrypted under the workspace's key.
	opt := c.wsOptions()
	head := make([]byte, 64)
	n, _ := f.ReadAt(head, 0)
	if store.IsEncrypted(c.dir) || store.IsEncryptedBackup(head[:n]) {
		p, err := c.passphrase()
		if err != nil {
			return err
		}
		opt.Passphrase = p
	}
	aside, err := workspace.RestoreFolder(c.dir, f, *force, opt)
	if err != nil {
		return err
	}
	if aside != "" {
		fmt.Fprintf(c.env.Stdout, "Restored %s into %s; the previous workspace is kept in %s\n", name, c.dir, aside)
	} else {
		fmt.Fprintf(c.env.Stdout, "Restored %s into %s\n", name, c.dir)
	}
	return nil
}

// openInput parses a command's flags and its one FILE argument (want says
// what the usage error asks for) and opens the file for reading.
func (c *cmd) openInput(fs *flag.FlagSet, args []string, want string) (string, *os.File, error) {
	pos, err := parse(fs, args, 1, want)
	if err != nil {
		return "", nil, err
	}
	f, err := os.Open(pos[0])
	if err != nil {
		return "", nil, errs.E(errs.Invalid, "Cannot open %s: %v", pos[0], err)
	}
	return pos[0], f, nil
}

// emptyUnless refuses a data folder that already has data unless the
// command was told to replace it (format names the folder with one %s).
func (c *cmd) emptyUnless(replace bool, format string) error {
	if empty, _ := store.IsEmptyDataDir(c.dir); !empty && !replace {
		return errs.E(errs.Conflict, format, c.dir)
	}
	return nil
}

func (c *cmd) demo(args []string) error {
	fs := c.flags("demo")
	size := fs.String("size", "small", "small or large")
	if _, err := parse(fs, args, 0, "no arguments besides --size"); err != nil {
		return err
	}
	sz, err := demo.ParseSize(*size)
	if err != nil {
		return usageError{errs.MessageOf(err)}
	}
	if err := c.emptyUnless(false, "%s already has a workspace; the demo only fills an empty data folder (try --data DIR)."); err != nil {
		return err
	}
	snap, err := demo.Create(c.dir, sz, c.wsOptions())
	if err != nil {
		return err
	}
	fmt.Fprintf(c.env.Stdout, "Created a %s demo workspace in %s: %s, %s, %s, %s, %s, %s, %s, %s\n",
		sz, c.dir, count(len(snap.People), "person", "people"), count(len(snap.Teams), "team", "teams"), count(len(snap.Services), "service", "services"),
		count(len(snap.Incidents), "incident", "incidents"), count(len(snap.FollowUps), "follow-up", "follow-ups"),
		count(len(snap.OneOnOnes.Meetings), "1:1", "1:1s"), count(len(snap.Feedback.Entries), "feedback entry", "feedback entries"),
		count(len(snap.Growth.Plans), "development plan", "development plans"))
	return nil
}

func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

func (c *cmd) remind(args []string) error {
	fs := c.flags("remind")
	once := fs.Bool("once", false, "deliver due reminders once and exit")
	if _, err := parse(fs, args, 0, "no arguments besides --once"); err != nil {
		return err
	}
	if !*once {
		return usageError{"use --once (the app delivers reminders itself while it runs; --once is for cron or a systemd timer)"}
	}
	opt := c.wsOptions()
	if store.IsEncrypted(c.dir) {
		if c.pass == nil {
			fmt.Fprintln(c.env.Stdout, "The workspace is encrypted and no --passphrase-file was given; the app delivers reminders while it is unlocked. Nothing to do.")
			return nil
		}
		opt.Passphrase = c.pass
	}
	opt.Notifier = c.env.Notifier
	if opt.Notifier == nil {
		opt.Notifier = notify.NewDesktop("Wheelhouse", "")
	}
	w, err := workspace.Open(c.dir, opt)
	if store.IsLocked(err) {
		fmt.Fprintln(c.env.Stdout, "Wheelhouse is running and delivers reminders itself; nothing to do.")
		return nil
	}
	if err != nil {
		return err
	}
	defer w.Close()
	res, err := w.Reminders.Evaluate()
	if err != nil {
		return err
	}
	fmt.Fprintf(c.env.Stdout, "Delivered %s; %d active.\n", count(len(res.Delivered), "reminder", "reminders"), len(res.Active))
	for _, r := range res.Delivered {
		fmt.Fprintf(c.env.Stdout, "- %s\n", r.Title)
	}
	if res.DesktopErr != nil {
		fmt.Fprintf(c.env.Stderr, "Desktop notifications failed (%v); the reminders are in the app's notification centre.\n", res.DesktopErr)
	}
	return nil
}

// openExisting opens the workspace for a read-only command, refusing an
// empty data folder instead of creating a workspace there.
func (c *cmd) openExisting() (*workspace.Workspace, error) {
	if empty, _ := store.IsEmptyDataDir(c.dir); empty {
		return nil, errs.E(errs.NotFound, "There is no workspace in %s (create one with `wheelhouse demo` or import-json).", c.dir)
	}
	return c.open()
}

// subcommand checks that args start with "list" and parses the rest.
func subcommand(fs *flag.FlagSet, args []string, what string) error {
	if len(args) == 0 || args[0] != "list" {
		return usageError{fmt.Sprintf("expected `%s list`", what)}
	}
	_, err := parse(fs, args[1:], 0, "no arguments besides the options")
	return err
}

// localZone is this machine's time zone ($TZ, else /etc/localtime), the
// zone in which the CLI decides what "today" is.
func (c *cmd) localZone() *time.Location {
	if loc, ok := tz.Load(tz.Detect(c.env.Getenv, c.env.Readlink)); ok {
		return loc
	}
	return time.UTC
}

func (c *cmd) writeJSON(v any) error {
	enc := json.NewEncoder(c.env.Stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// shortID is the last 8 hex digits of an id: its random part (the first
// digits are the creation time, shared by records made together).
func shortID(u id.ID) string { s := u.String(); return s[len(s)-8:] }

// incidents: `incidents list [--json]`, newest first.
func (c *cmd) incidents(args []string) error {
	fs := c.flags("incidents")
	asJSON := fs.Bool("json", false, "write JSON")
	if err := subcommand(fs, args, "incidents"); err != nil {
		return err
	}
	w, err := c.openExisting()
	if err != nil {
		return err
	}
	defer w.Close()
	var sums []incident.Summary
	var st incident.Settings
	err = w.Store.View(func(txn *badger.Txn) (err error) {
		if st, err = incident.SettingsTx(txn); err != nil {
			return err
		}
		sums, err = incident.ListTx(txn, incident.Filter{})
		return err
	})
	if err != nil {
		return err
	}
	if *asJSON {
		return c.writeJSON(sums)
	}
	loc := c.localZone()
	tw := tabwriter.NewWriter(c.env.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tSEV\tSTATUS\tSTARTED\tTITLE")
	for _, s := range sums {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", shortID(s.ID), st.Label(s.Severity), s.Status.Label(), s.StartedAt.In(loc).Format("2006-01-02 15:04"), s.Title)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(c.env.Stderr, "%s (times in %s)\n", count(len(sums), "incident", "incidents"), loc)
	return nil
}

// actions: `actions list [--overdue] [--all] [--json]`: open follow-ups in
// the follow-ups view's order (overdue, due soon, the rest). "Today" is the
// date in this machine's time zone.
func (c *cmd) actions(args []string) error {
	fs := c.flags("actions")
	asJSON := fs.Bool("json", false, "write JSON")
	overdue := fs.Bool("overdue", false, "only follow-ups due before today")
	all := fs.Bool("all", false, "include the most recently closed (done, won't do) follow-ups")
	if err := subcommand(fs, args, "actions"); err != nil {
		return err
	}
	w, err := c.openExisting()
	if err != nil {
		return err
	}
	defer w.Close()
	loc := c.localZone()
	today := civil.Format(c.env.Clock.Now().In(loc))
	opt := followup.ViewOptions{}
	if *overdue {
		opt.Filter = followup.Filter{OverdueOnly: true, Today: today}
	} else if *all {
		opt.Filter.Statuses = followup.Statuses
	}
	var v followup.View
	names := map[id.ID]string{}
	err = w.Store.View(func(txn *badger.Txn) (err error) {
		if v, err = followup.ViewTx(txn, today, opt); err != nil {
			return err
		}
		return people.Persons.Each(txn, func(p *people.Person) error { names[p.ID] = p.Name; return nil })
	})
	if err != nil {
		return err
	}
	if *asJSON {
		return c.writeJSON(v.Rows)
	}
	tw := tabwriter.NewWriter(c.env.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tDUE\tWHEN\tSTATUS\tPRIORITY\tOWNER\tTITLE")
	for _, r := range v.Rows {
		it := &r.Item
		when := map[followup.Bucket]string{followup.BucketDueSoon: "due soon", followup.BucketLater: "", followup.BucketClosed: ""}[r.Bucket]
		if r.Bucket == followup.BucketOverdue {
			when = fmt.Sprintf("overdue %dd", r.DaysOverdue)
		}
		owner := names[it.OwnerID]
		if it.OwnerRemoved {
			owner = "(owner removed)"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", shortID(it.ID), orDash(it.DueDate), orDash(when),
			strings.ReplaceAll(string(it.Status), "_", " "), it.Priority, orDash(owner), it.Title)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(c.env.Stderr, "%s, %d overdue, %d due soon (today is %s in %s)\n", count(len(v.Rows), "follow-up", "follow-ups"), v.Overdue, v.DueSoon, today, loc)
	return nil
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// removeTempsOnSignal: until stop is called, Ctrl+C or SIGTERM removes the
// temp file of the backup being written (next to FILE) and ends the process
// (exit 130), so an interrupted backup leaves nothing behind. A kill that
// cannot be caught (SIGKILL, power loss) leaves it; the next backup into the
// same folder removes it (store.RemoveStaleTemps).
func removeTempsOnSignal() (stop func()) {
	sig := make(chan os.Signal, 1)
	done := make(chan struct{})
	signal.Notify(sig, os.Interrupt, syscall.SIGTERM)
	go func() {
		select {
		case <-sig:
			store.RemoveTempsInFlight()
			fmt.Fprintln(os.Stderr, "Interrupted: no backup was written.")
			os.Exit(130)
		case <-done:
		}
	}()
	return func() {
		signal.Stop(sig)
		close(done)
	}
}
