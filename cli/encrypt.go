package cli

import (
	"bytes"
	"fmt"
	"os"
	"strings"

	"golang.org/x/term"

	"wheelhouse/backend/errs"
	"wheelhouse/backend/store"
	"wheelhouse/backend/workspace"
)

const encryptUsage = `  encrypt                                 encrypt the workspace with a passphrase (rewrites it; the
                                          plaintext copy is removed)
  decrypt                                 store the workspace unencrypted again
  change-passphrase [--new-passphrase-file FILE]
                                          change the passphrase (re-wraps the key only)
`

// readPassphraseFile reads a passphrase from a file: its content without
// one trailing newline.
func readPassphraseFile(path string) ([]byte, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, errs.E(errs.Invalid, "Cannot read the passphrase file %s: %v", path, err)
	}
	b = bytes.TrimSuffix(b, []byte("\n"))
	b = bytes.TrimSuffix(b, []byte("\r"))
	if len(b) == 0 {
		return nil, errs.E(errs.Invalid, "The passphrase file %s is empty.", path)
	}
	return b, nil
}

// terminal is stdin when it is an interactive terminal.
func (c *cmd) terminal() (int, bool) {
	f, ok := c.env.Stdin.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return 0, false
	}
	return int(f.Fd()), true
}

// ask reads a passphrase at the terminal without echo.
func (c *cmd) ask(prompt string) ([]byte, error) {
	fd, ok := c.terminal()
	if !ok {
		return nil, usageError{"the workspace is encrypted: give its passphrase with --passphrase-file FILE (before the command)"}
	}
	fmt.Fprint(c.env.Stderr, prompt)
	b, err := term.ReadPassword(fd)
	fmt.Fprintln(c.env.Stderr)
	if err != nil {
		return nil, errs.E(errs.Unavailable, "Cannot read the passphrase: %v", err)
	}
	return b, nil
}

// passphrase is the current passphrase: --passphrase-file, else asked at
// the terminal.
func (c *cmd) passphrase() ([]byte, error) {
	if c.pass != nil {
		return c.pass, nil
	}
	p, err := c.ask("Passphrase of the workspace in " + c.dir + ": ")
	if err != nil {
		return nil, err
	}
	c.pass = p
	return p, nil
}

// newPassphrase reads a new passphrase from file, or asks twice.
func (c *cmd) newPassphrase(file string) ([]byte, error) {
	if file != "" {
		return readPassphraseFile(file)
	}
	if _, ok := c.terminal(); !ok {
		return nil, usageError{"give the new passphrase with a passphrase file (not a terminal, so it cannot be asked)"}
	}
	p, err := c.ask("New passphrase (at least 8 characters): ")
	if err != nil {
		return nil, err
	}
	again, err := c.ask("The same again: ")
	if err != nil {
		return nil, err
	}
	if !bytes.Equal(p, again) {
		return nil, errs.FieldErr("passphrase", "The two passphrases differ; nothing was changed.")
	}
	return p, nil
}

// unlockPassphrase is the passphrase to open the data folder with: nil for
// a plaintext workspace.
func (c *cmd) unlockPassphrase() ([]byte, error) {
	if !store.IsEncrypted(c.dir) {
		return c.pass, nil
	}
	return c.passphrase()
}

func (c *cmd) encrypt(args []string) error {
	if _, err := parse(c.flags("encrypt"), args, 0, "no arguments (the passphrase comes from --passphrase-file or the terminal)"); err != nil {
		return err
	}
	if empty, _ := store.IsEmptyDataDir(c.dir); empty {
		return errs.E(errs.NotFound, "There is no workspace in %s to encrypt.", c.dir)
	}
	if store.IsEncrypted(c.dir) {
		return errs.E(errs.Conflict, "The workspace in %s is already encrypted; use change-passphrase to change its passphrase.", c.dir)
	}
	file := ""
	var p []byte
	if c.pass != nil {
		p = c.pass
	} else {
		var err error
		if p, err = c.newPassphrase(file); err != nil {
			return err
		}
	}
	left, err := store.Encrypt(c.dir, c.storeOptions(), p)
	if err != nil {
		return err
	}
	fmt.Fprintf(c.env.Stdout, "Encrypted the workspace in %s. Without the passphrase it cannot be opened: keep it safe.\n", c.dir)
	if len(left) > 0 {
		fmt.Fprintf(c.env.Stdout, "These older copies in the data folder are NOT encrypted; delete them if they should not be readable:\n  %s\n", strings.Join(left, "\n  "))
	}
	return nil
}

func (c *cmd) decrypt(args []string) error {
	if _, err := parse(c.flags("decrypt"), args, 0, "no arguments"); err != nil {
		return err
	}
	if !store.IsEncrypted(c.dir) {
		return errs.E(errs.Conflict, "The workspace in %s is not encrypted.", c.dir)
	}
	p, err := c.passphrase()
	if err != nil {
		return err
	}
	opt := c.storeOptions()
	opt.Passphrase = p
	if err := store.Decrypt(c.dir, opt); err != nil {
		return err
	}
	fmt.Fprintf(c.env.Stdout, "Decrypted the workspace in %s; it is stored unencrypted now.\n", c.dir)
	return nil
}

func (c *cmd) changePassphrase(args []string) error {
	fs := c.flags("change-passphrase")
	file := fs.String("new-passphrase-file", "", "file holding the new passphrase")
	if _, err := parse(fs, args, 0, "no arguments besides --new-passphrase-file FILE"); err != nil {
		return err
	}
	if !store.IsEncrypted(c.dir) {
		return errs.E(errs.Conflict, "The workspace in %s is not encrypted; use encrypt first.", c.dir)
	}
	old, err := c.passphrase()
	if err != nil {
		return err
	}
	next, err := c.newPassphrase(*file)
	if err != nil {
		return err
	}
	opt := c.storeOptions()
	opt.Passphrase, opt.GCInterval = old, -1
	s, err := store.Open(c.dir, opt)
	if err != nil {
		return err
	}
	defer s.Close()
	if err := s.ChangePassphrase(old, next); err != nil {
		return err
	}
	fmt.Fprintln(c.env.Stdout, "Changed the passphrase. Backups made before keep the old one.")
	return nil
}

func (c *cmd) storeOptions() store.Options {
	return store.Options{Logger: c.log, Clock: c.env.Clock, Migrations: workspace.Migrations}
}
