// Package cli is Wheelhouse's command line: the same binary runs the desktop
// app (no command) or a headless command. It has no Wails dependency; main.go
// hands it a function that starts the window.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"

	"wheelhouse/backend/clock"
	"wheelhouse/backend/datadir"
	"wheelhouse/backend/demo"
	"wheelhouse/backend/errs"
	"wheelhouse/backend/notify"
	"wheelhouse/backend/store"
	"wheelhouse/backend/tz"
	"wheelhouse/backend/workspace"
)

// Version is set at build time with -ldflags "-X wheelhouse/backend/cli.Version=…".
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
  export-json [-o FILE]                   write the whole workspace as JSON (stdout without -o)
  import-json [--replace] FILE            validate FILE, then import all of it or nothing
  backup FILE                             write a backup of the database to FILE
  restore [--force] FILE                  restore a backup into an empty data folder
                                          (--force keeps the current folder aside first)
  demo [--size small|large]               fill an empty data folder with a demo workspace
  remind --once                           deliver due reminders as desktop notifications and exit
                                          (for a cron job or systemd user timer)

Options:
  --background                            start the app hidden (used by the autostart entry)

The data folder is --data, else $WHEELHOUSE_DATA, else %s.
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
	fs.Usage = func() { fmt.Fprintf(env.Stderr, usage, Version, def) }
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
	case "remind":
		run = c.remind
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
	env Env
	dir string
	log *slog.Logger
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
	return workspace.Options{Logger: c.log, Clock: c.env.Clock, Zone: tz.Detect(c.env.Getenv, c.env.Readlink)}
}

func (c *cmd) open() (*workspace.Workspace, error) {
	return workspace.Open(c.dir, c.wsOptions())
}

func (c *cmd) exportJSON(args []string) error {
	fs := c.flags("export-json")
	out := fs.String("o", "", "output file")
	if _, err := parse(fs, args, 0, "no arguments besides -o FILE"); err != nil {
		return err
	}
	w, err := c.open()
	if err != nil {
		return err
	}
	defer w.Close()
	if *out == "" {
		return w.Export(c.env.Stdout, "Wheelhouse "+Version)
	}
	if err := store.WriteFileAtomic(*out, func(f io.Writer) error { return w.Export(f, "Wheelhouse "+Version) }); err != nil {
		return errs.E(errs.Unavailable, "Cannot write %s: %v", *out, err)
	}
	fmt.Fprintf(c.env.Stderr, "Exported the workspace to %s\n", *out)
	return nil
}

func (c *cmd) importJSON(args []string) error {
	fs := c.flags("import-json")
	replace := fs.Bool("replace", false, "replace the current workspace")
	pos, err := parse(fs, args, 1, "one FILE to import")
	if err != nil {
		return err
	}
	f, err := os.Open(pos[0])
	if err != nil {
		return errs.E(errs.Invalid, "Cannot open %s: %v", pos[0], err)
	}
	defer f.Close()
	snap, err := workspace.Parse(f, c.env.Clock.Now())
	if err != nil {
		return err
	}
	if empty, _ := store.IsEmptyDataDir(c.dir); !empty && !*replace {
		return errs.E(errs.Conflict, "%s already has data. Import into an empty data folder (--data DIR), or add --replace (the current workspace is kept aside).", c.dir)
	}
	aside, err := workspace.ImportFolder(c.dir, snap, *replace, c.wsOptions())
	if err != nil {
		return err
	}
	fmt.Fprintf(c.env.Stdout, "Imported %d people, %d teams and %d services into %s\n",
		len(snap.People), len(snap.Teams), len(snap.Services), c.dir)
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
	w, err := c.open()
	if err != nil {
		return err
	}
	defer w.Close()
	if err := w.Store.BackupToFile(pos[0]); err != nil {
		return errs.E(errs.Unavailable, "Cannot write the backup to %s: %v", pos[0], err)
	}
	fmt.Fprintf(c.env.Stdout, "Backed up %s to %s\n", c.dir, pos[0])
	return nil
}

func (c *cmd) restore(args []string) error {
	fs := c.flags("restore")
	force := fs.Bool("force", false, "move the current data folder aside and restore")
	pos, err := parse(fs, args, 1, "one backup FILE")
	if err != nil {
		return err
	}
	f, err := os.Open(pos[0])
	if err != nil {
		return errs.E(errs.Invalid, "Cannot open %s: %v", pos[0], err)
	}
	defer f.Close()
	if empty, _ := store.IsEmptyDataDir(c.dir); !empty && !*force {
		return errs.E(errs.Conflict, "%s already holds a workspace. Restore into an empty folder (--data DIR), or add --force to move the current one aside first.", c.dir)
	}
	aside, err := store.Stage(c.dir, c.storeOptions(), "restore", *force, func(staging string) error {
		return store.Restore(staging, f, store.Options{Logger: c.log})
	})
	if err != nil {
		return err
	}
	if aside != "" {
		fmt.Fprintf(c.env.Stdout, "Restored %s into %s; the previous workspace is kept in %s\n", pos[0], c.dir, aside)
	} else {
		fmt.Fprintf(c.env.Stdout, "Restored %s into %s\n", pos[0], c.dir)
	}
	return nil
}

func (c *cmd) storeOptions() store.Options {
	return store.Options{Logger: c.log, Clock: c.env.Clock, Migrations: workspace.Migrations}
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
	if empty, _ := store.IsEmptyDataDir(c.dir); !empty {
		return errs.E(errs.Conflict, "%s already has a workspace; the demo only fills an empty data folder (try --data DIR).", c.dir)
	}
	snap, err := demo.Create(c.dir, sz, c.wsOptions())
	if err != nil {
		return err
	}
	fmt.Fprintf(c.env.Stdout, "Created a %s demo workspace in %s: %s, %s, %s\n",
		sz, c.dir, count(len(snap.People), "person", "people"), count(len(snap.Teams), "team", "teams"), count(len(snap.Services), "service", "services"))
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
