package app

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"wheelhouse/backend/errs"
	"wheelhouse/backend/store"
	"wheelhouse/backend/workspace"
)

// Settings → Workspace file: the whole workspace as a JSON file (the format
// of `wheelhouse export-json`, docs/data-format.md), exported where the user
// chooses, and imported from one: the file is read and checked fully and
// what it holds is shown before it replaces anything (decision 0018).

// ExportWorkspace writes the workspace as a JSON file where the user chooses
// (the native save dialog); withoutPrivate leaves the private fields out
// (docs/privacy.md; the file says so). "" when the user cancelled.
func (a *WorkspaceAPI) ExportWorkspace(withoutPrivate bool) (string, error) {
	return read(a.s, "workspace.ExportWorkspace", func(w *workspace.Workspace) (string, error) {
		name := "Wheelhouse workspace " + a.s.clock.Now().Format("2006-01-02") + ".json"
		if withoutPrivate {
			name = "Wheelhouse workspace " + a.s.clock.Now().Format("2006-01-02") + " without private notes.json"
		}
		path, err := a.s.saveFileDialog(FileName(name), "Wheelhouse workspace files (*.json)", "*.json")
		if err != nil || path == "" {
			return "", err
		}
		opt := workspace.ExportOptions{WithoutPrivate: withoutPrivate}
		if err := store.WriteFileAtomic(path, func(f io.Writer) error {
			return w.ExportWith(f, "Wheelhouse "+a.s.version, opt)
		}); err != nil {
			return "", errs.E(errs.Unavailable, "Cannot write %s: %v", path, err)
		}
		return path, nil
	})
}

// saveFileDialog asks where to save (the native save dialog); "" when the
// user cancelled. Under test, WHEELHOUSE_TEST_SAVE_FILE names a file that
// holds the answer (the e2e journeys cannot drive the native dialog), as
// WHEELHOUSE_TEST_OPEN_FILE does for chooseFile.
func (s *Shell) saveFileDialog(defaultName, filterName, pattern string) (string, error) {
	if answer := s.getenv("WHEELHOUSE_TEST_SAVE_FILE"); answer != "" {
		b, err := os.ReadFile(answer)
		if err != nil {
			return "", nil // cancelled
		}
		return strings.TrimSpace(string(b)), nil
	}
	if s.dialogs == nil {
		return "", errs.E(errs.Unavailable, "Saving needs the desktop app's file dialog.")
	}
	return s.dialogs.SaveFile(defaultName, filterName, pattern)
}

// ChooseWorkspaceFile asks for a workspace file to import (the native open
// dialog; WHEELHOUSE_TEST_OPEN_FILE under test); "" when the user
// cancelled. Nothing is read yet: PreviewImport shows what it holds.
func (a *WorkspaceAPI) ChooseWorkspaceFile() (string, error) {
	return a.s.chooseFile("workspace.ChooseWorkspaceFile", "Import a Wheelhouse workspace", "Wheelhouse workspace files (*.json)", "*.json")
}

// WorkspaceFilePreview is what a workspace file holds, or why it cannot be
// imported (Problem, and Problems: each names where it is, e.g.
// `people[3] "Dana Xu": timezone: ...`).
type WorkspaceFilePreview struct {
	Path         string    `json:"path"`
	Name         string    `json:"name"`
	Valid        bool      `json:"valid"`
	Problem      string    `json:"problem,omitempty"`
	Problems     []string  `json:"problems"`
	ExportedAt   time.Time `json:"exportedAt"`
	Generator    string    `json:"generator,omitempty"`
	PrivateNotes bool      `json:"privateNotes"` // false: exported without them
	People       int       `json:"people"`
	Teams        int       `json:"teams"`
	Services     int       `json:"services"`
	Incidents    int       `json:"incidents"`
	FollowUps    int       `json:"followUps"`
	Rotations    int       `json:"rotations"`
	Meetings     int       `json:"meetings"`
	Feedback     int       `json:"feedback"`
}

// readWorkspaceFile reads and fully validates the file at path.
func (s *Shell) readWorkspaceFile(path string) (workspace.Snapshot, error) {
	if strings.TrimSpace(path) == "" {
		return workspace.Snapshot{}, errs.E(errs.Invalid, "Choose a workspace file to import.")
	}
	f, err := os.Open(path)
	if err != nil {
		return workspace.Snapshot{}, errs.E(errs.Invalid, "Cannot open %s: %v", path, err)
	}
	defer f.Close()
	return workspace.Parse(f, s.clock.Now())
}

// PreviewImport reads and checks the workspace file at path as an import
// would; nothing is written. A file that cannot be imported is not an error
// here: the preview says why (Valid false, Problem, Problems).
func (a *WorkspaceAPI) PreviewImport(path string) (WorkspaceFilePreview, error) {
	p := WorkspaceFilePreview{Path: path, Name: filepath.Base(path), Problems: []string{}}
	snap, err := a.s.readWorkspaceFile(path)
	if err != nil {
		if errs.CodeOf(err) != errs.Invalid {
			return p, toAPI(a.s.log, "workspace.PreviewImport", err)
		}
		lines := strings.Split(errs.MessageOf(err), "\n")
		p.Problem, p.Problems = lines[0], lines[1:]
		return p, nil
	}
	return previewOf(path, &snap), nil
}

// previewOf counts what a valid snapshot read from path holds.
func previewOf(path string, snap *workspace.Snapshot) WorkspaceFilePreview {
	p := WorkspaceFilePreview{Path: path, Name: filepath.Base(path), Problems: []string{}, Valid: true}
	p.ExportedAt, p.Generator = snap.ExportedAt, snap.Generator
	p.PrivateNotes = snap.PrivateNotes != workspace.PrivateOmitted
	p.People, p.Teams, p.Services = len(snap.People), len(snap.Teams), len(snap.Services)
	p.Incidents, p.FollowUps = len(snap.Incidents), len(snap.FollowUps)
	p.Rotations, p.Meetings, p.Feedback = len(snap.OnCall.Rotations), len(snap.OneOnOnes.Meetings), len(snap.Feedback.Entries)
	return p
}

// WorkspaceImportResult says what an import did.
type WorkspaceImportResult struct {
	Preview WorkspaceFilePreview `json:"preview"`
	Aside   string               `json:"aside"` // where the replaced workspace was kept
}

// ImportWorkspace replaces the user's workspace with the workspace file at
// path: it is read and checked again, written into a staging folder and
// swapped in (workspace.ImportFolder); the replaced workspace is kept aside.
// On any error the old workspace is open again, untouched. Refused in the
// demo (switch to your workspace first) and while the app is locked.
func (a *WorkspaceAPI) ImportWorkspace(path string) (WorkspaceImportResult, error) {
	res, err := a.s.importWorkspace(path)
	return res, toAPI(a.s.log, "workspace.ImportWorkspace", err)
}

func (s *Shell) importWorkspace(path string) (WorkspaceImportResult, error) {
	if s.Locked() {
		return WorkspaceImportResult{}, errLocked
	}
	if _, err := s.workspace(); err != nil {
		return WorkspaceImportResult{}, err
	}
	snap, err := s.readWorkspaceFile(path)
	if err != nil {
		return WorkspaceImportResult{}, err
	}
	var aside string
	err = s.replaceWorkspace("an import", "The demo is open. Switch to your workspace first; an import replaces your own workspace.",
		func(*workspace.Workspace) (func() error, error) {
			return func() error {
				var err error
				aside, err = workspace.ImportFolder(s.root, snap, true, s.wsOptions(false))
				return err
			}, nil
		})
	if err != nil {
		return WorkspaceImportResult{}, err
	}
	s.log.Info("workspace imported", "from", path, "aside", aside, "people", len(snap.People))
	return WorkspaceImportResult{Preview: previewOf(path, &snap), Aside: aside}, nil
}
