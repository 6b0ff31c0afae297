package app

import (
	"os"
	"strings"
	"time"

	"wheelhouse/backend/errs"
	"wheelhouse/backend/id"
	"wheelhouse/backend/pages"
	"wheelhouse/backend/tz"
	"wheelhouse/backend/workspace"
)

// PagesAPI is bound to the frontend: paging history imported from the
// exports of PagerDuty, Opsgenie, Grafana OnCall and GoAlert (decisions
// 0014 and 0020). The file is read from disk by path, twice, streaming.
type PagesAPI struct{ s *Shell }

// NewPagesAPI binds to shell s.
func NewPagesAPI(s *Shell) *PagesAPI { return &PagesAPI{s} }

// PagesOptionsDTO says how to read an export: the tool (auto, pagerduty,
// opsgenie, grafana, goalert, csv), columns (column as in the file ->
// field name or "ignore"), people (user name as in the file -> person id),
// whether to apply the mapping remembered for files of this shape (the
// first preview of a file), and for Apply the fingerprint its preview saw.
type PagesOptionsDTO struct {
	Source        string            `json:"source"`
	Columns       map[string]string `json:"columns"`
	People        map[string]string `json:"people"`
	UseRemembered bool              `json:"useRemembered"`
	Fingerprint   string            `json:"fingerprint"`
}

// PagesSummaryDTO is what the import screen starts from.
type PagesSummaryDTO struct {
	Pages   int               `json:"pages"`   // pages stored
	Imports []pages.ImportLog `json:"imports"` // the last applied imports, newest first
	Fields  []string          `json:"fields"`  // what a column can be read as ("ignore" last)
	Sources []string          `json:"sources"`
}

// Summary counts the stored pages and lists the last imports.
func (a *PagesAPI) Summary() (PagesSummaryDTO, error) {
	return read(a.s, "pages.Summary", func(w *workspace.Workspace) (PagesSummaryDTO, error) {
		out := PagesSummaryDTO{Fields: append(pages.FieldNames[:len(pages.FieldNames):len(pages.FieldNames)], "ignore"), Sources: pages.Sources}
		var err error
		if out.Pages, err = w.Pages.Count(); err != nil {
			return out, err
		}
		out.Imports, err = w.Pages.Imports(10)
		return out, err
	})
}

// ChooseFile asks for an export with the native open dialog; "" means the
// user cancelled. With WHEELHOUSE_TEST_OPEN_FILE=FILE (end-to-end tests
// only) it answers the path written in FILE instead.
func (a *PagesAPI) ChooseFile() (string, error) {
	return a.s.chooseFile("pages.ChooseFile", "Import paging history", "Paging exports (*.csv, *.json)", "*.csv;*.json")
}

// chooseFile asks for a file to open (the native open dialog); "" when the
// user cancelled. Under test, WHEELHOUSE_TEST_OPEN_FILE names a file that
// holds the answer (the e2e journeys cannot drive the native dialog).
func (s *Shell) chooseFile(op, title, filterName, pattern string) (string, error) {
	if answer := s.getenv("WHEELHOUSE_TEST_OPEN_FILE"); answer != "" {
		b, err := os.ReadFile(answer)
		if err != nil {
			return "", nil // nothing chosen
		}
		return strings.TrimSpace(string(b)), nil
	}
	o, ok := s.dialogs.(fileOpener)
	if !ok {
		return "", toAPI(s.log, op, errs.E(errs.Unavailable, "Choosing a file needs the desktop app's file dialog."))
	}
	path, err := o.OpenFile(title, filterName, pattern)
	if err != nil {
		return "", toAPI(s.log, op, errs.E(errs.Unavailable, "The file dialog failed: %v", err))
	}
	return path, nil
}

// fileOpener is the open dialog (run.go's Wails dialogs have it).
type fileOpener interface {
	OpenFile(title, filterName, pattern string) (string, error)
}

// PagesProgressDTO is how far an import (apply: true) or a preview has
// read the file: pass 1 checks the rows, pass 2 compares and writes; bytes
// of size read in this pass.
type PagesProgressDTO struct {
	Apply bool  `json:"apply"`
	Pass  int   `json:"pass"`
	Rows  int   `json:"rows"`
	Bytes int64 `json:"bytes"`
	Size  int64 `json:"size"`
}

// progress reports a pass's progress to the screen, at most every 100 ms
// and at the end of each pass.
func (a *PagesAPI) progress(path string, apply bool) func(pages.Progress) {
	var size int64
	if fi, err := os.Stat(path); err == nil {
		size = fi.Size()
	}
	var last time.Time
	return func(p pages.Progress) {
		now := time.Now()
		if now.Sub(last) < 100*time.Millisecond && p.Bytes < size {
			return
		}
		last = now
		a.s.emit(EventPagesProgress, PagesProgressDTO{Apply: apply, Pass: p.Pass, Rows: p.Rows, Bytes: p.Bytes, Size: size})
	}
}

// options turns the screen's options into the import's.
func (a *PagesAPI) options(path string, o PagesOptionsDTO) (pages.Options, error) {
	opt := pages.Options{File: path, UseRemembered: o.UseRemembered, Expect: o.Fingerprint}
	if strings.TrimSpace(path) == "" {
		return opt, errs.FieldErr("path", "Choose a file to import.")
	}
	opt.Source = o.Source
	if opt.Source == "" {
		opt.Source = pages.SourceAuto
	}
	valid := false
	for _, s := range pages.Sources {
		valid = valid || s == opt.Source
	}
	if !valid {
		return opt, errs.FieldErr("source", "Choose the tool that wrote the file (%s).", strings.Join(pages.Sources, ", "))
	}
	opt.Zone = time.UTC
	if loc, ok := tz.Load(a.s.zone); ok && a.s.zone != "" {
		opt.Zone = loc
	}
	opt.Map = map[string]pages.Field{}
	for col, name := range o.Columns {
		if name == "" {
			continue // read as the file's names say
		}
		f, ok := pages.ParseField(name)
		if !ok {
			return opt, errs.FieldErr("columns", "%q is not a field a column can be read as.", name)
		}
		opt.Map[col] = f
	}
	opt.MapPersonID = map[string]id.ID{}
	for name, raw := range o.People {
		if raw == "" {
			continue
		}
		u, err := parseID("people", raw)
		if err != nil {
			return opt, err
		}
		opt.MapPersonID[name] = u
	}
	return opt, nil
}

// Preview reads the export at path and says what importing it would do;
// nothing is written. A file whose columns lack the page's id or creation
// time comes back described (header, missing, problem), not as an error, so
// the screen can show its columns for mapping.
func (a *PagesAPI) Preview(path string, o PagesOptionsDTO) (*pages.Result, error) {
	return read(a.s, "pages.Preview", func(w *workspace.Workspace) (*pages.Result, error) {
		opt, err := a.options(path, o)
		if err != nil {
			return nil, err
		}
		opt.Progress = a.progress(path, false)
		res, err := w.Pages.Preview(pages.OpenFile(path), opt)
		if res != nil && len(res.Missing) > 0 {
			return res, nil
		}
		return res, err
	})
}

// Apply imports the export at path, all of it or nothing (a file with bad
// rows is refused), and remembers the mapping for files of its shape.
func (a *PagesAPI) Apply(path string, o PagesOptionsDTO) (*pages.Result, error) {
	return write(a.s, "pages.Apply", func(w *workspace.Workspace) (*pages.Result, error) {
		opt, err := a.options(path, o)
		if err != nil {
			return nil, err
		}
		opt.Remember = true
		opt.Progress = a.progress(path, true)
		res, err := w.Pages.Apply(pages.OpenFile(path), opt)
		if err != nil {
			return nil, err
		}
		return res, nil
	})
}
