package app

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"sync"
	"time"

	"github.com/wailsapp/wails/v2"
	wlogger "github.com/wailsapp/wails/v2/pkg/logger"
	"github.com/wailsapp/wails/v2/pkg/menu"
	"github.com/wailsapp/wails/v2/pkg/menu/keys"
	"github.com/wailsapp/wails/v2/pkg/options"
	"github.com/wailsapp/wails/v2/pkg/options/assetserver"
	"github.com/wailsapp/wails/v2/pkg/options/linux"
	"github.com/wailsapp/wails/v2/pkg/runtime"

	"wheelhouse/backend/notify"
	"wheelhouse/backend/secrets"
)

// Run opens the workspace in cfg.Root and shows the window until it is
// closed; background starts it hidden (autostart at login: reminders are
// delivered, the window shows on demand). Run supplies the desktop notifier,
// the environment and this executable.
func Run(cfg Config, background bool, assets fs.FS, icon []byte) error {
	cfg.Notifier, cfg.Getenv = notify.NewDesktop("Wheelhouse", ""), os.Getenv
	cfg.Exe, _ = os.Executable()
	cfg.Secrets = secrets.OS()
	shell := NewShell(cfg)
	if !bindingsOnly { // `wails generate module` runs the app only to read its bindings
		_ = shell.Open() // a failure is shown in the window, not as a crash
		if !background {
			// What the first screen asks for, read while GTK and WebKit start.
			go shell.WarmFirstScreen()
		}
	}
	defer shell.Close()

	var appCtx context.Context
	loopCtx, stopLoop := context.WithCancel(context.Background())
	defer stopLoop()
	quitting := false
	// The reminder loop starts at the earliest of the instants asked for:
	// 1.5 s after the page is ready, or 10 s after start-up if it never
	// reports ready (a sync.Once here let the 10 s fallback, asked for
	// first, win every time).
	loop := newEarliest(func() {
		if loopCtx.Err() == nil {
			go shell.RunReminders(loopCtx, time.Minute)
		}
	})
	defer loop.Stop()
	startLoop := loop.At
	sum := sha256.Sum256([]byte(cfg.Root))
	appMenu := menu.NewMenu()
	file := appMenu.AddSubmenu("Wheelhouse")
	file.AddText("Check reminders now", keys.CmdOrCtrl("r"), func(*menu.CallbackData) { go shell.EvaluateReminders() })
	file.AddSeparator()
	file.AddText("Quit Wheelhouse", keys.CmdOrCtrl("q"), func(*menu.CallbackData) {
		quitting = true
		if appCtx != nil {
			runtime.Quit(appCtx)
		}
	})
	return wails.Run(&options.App{
		Title:            "Wheelhouse",
		Width:            1280,
		Height:           800,
		MinWidth:         1024,
		MinHeight:        700,
		AssetServer:      &assetserver.Options{Assets: assets},
		BackgroundColour: &options.RGBA{R: 246, G: 247, B: 249, A: 255},
		Logger:           wailsLog{shell.log},
		LogLevel:         wlogger.WARNING,
		Menu:             appMenu,
		StartHidden:      background,
		OnStartup: func(ctx context.Context) {
			appCtx = ctx
			// WebKit's JavaScriptCore installs signal handlers Go cannot live
			// with; keep correcting them (app/sigfix).
			keepSignalsOnStack(loopCtx)
			shell.SetEmitter(wailsEmitter{ctx})
			shell.SetDialogs(wailsDialogs{ctx})
			if !bindingsOnly && background {
				startLoop(0) // no window to wait for
			} else if !bindingsOnly {
				startLoop(10 * time.Second) // in case the page never reports ready
			}
		},
		// Reminders (and the one summary notification of what came due while
		// the app was closed) start once the window has painted, not before.
		OnDomReady: func(context.Context) {
			fixSignalsNow()
			shell.ReadyMark("dom-ready", time.Now())
			if !bindingsOnly {
				startLoop(1500 * time.Millisecond)
			}
		},
		// With "keep running in the background" on, closing the window hides
		// it and reminders keep coming; Quit (Ctrl+Q) ends the app.
		OnBeforeClose: func(ctx context.Context) bool {
			if !quitting && shell.KeepRunningOnClose() {
				runtime.WindowHide(ctx)
				return true
			}
			return false
		},
		OnShutdown: func(context.Context) {
			stopLoop()
			shell.Close()
		},
		// One writer per data folder: a second launch on the same folder
		// focuses this window and exits.
		SingleInstanceLock: &options.SingleInstanceLock{
			UniqueId: "wheelhouse-" + hex.EncodeToString(sum[:8]),
			OnSecondInstanceLaunch: func(options.SecondInstanceData) {
				if appCtx != nil {
					runtime.WindowUnminimise(appCtx)
					runtime.WindowShow(appCtx)
				}
			},
		},
		Bind: []any{NewWorkspaceAPI(shell), NewPeopleAPI(shell), NewReminderAPI(shell), NewIncidentAPI(shell), NewFollowUpAPI(shell), NewOnCallAPI(shell), NewCalendarAPI(shell), NewPagesAPI(shell), NewOneOnOneAPI(shell), NewGrowthAPI(shell), NewTodayAPI(shell), NewSearchAPI(shell), NewBackupAPI(shell), NewEncryptionAPI(shell), NewHandoffAPI(shell), NewLockAPI(shell), NewPublishAPI(shell), &PerfAPI{shell}},
		// No accelerated compositing: WebKit paints the page on the CPU into
		// one surface. Composited layers cost the web process 100-190 MB more
		// on the large demo (decision 0010, docs/performance.md "Issue 9").
		Linux: &linux.Options{ProgramName: "wheelhouse", Icon: icon, WebviewGpuPolicy: linux.WebviewGpuPolicyNever},
	})
}

// PerfAPI is bound to the frontend: the page reports its readiness marks
// (lib/api/perf.ts) for scripts/bench-launch.sh.
type PerfAPI struct{ s *Shell }

// Mark logs a readiness mark the page saw at unixMs (milliseconds since the
// Unix epoch, from the page's clock: the same machine's).
func (a *PerfAPI) Mark(name string, unixMs float64) {
	a.s.ReadyMark(name, time.UnixMicro(int64(unixMs*1000)))
}

// Screen logs a screen switch the page measured: ms from the route change to
// the screen settled, render of it building the screen before the first frame,
// api from the change to the last answer of a bound call, the elements in the
// document and the rows in <main> then, at unixMs (see ScreenMark).
func (a *PerfAPI) Screen(name string, ms, render, api float64, nodes, rows int, unixMs float64) {
	a.s.ScreenMark(name, ms, render, api, nodes, rows, time.UnixMicro(int64(unixMs*1000)))
}

type wailsEmitter struct{ ctx context.Context }

func (w wailsEmitter) Emit(name string, data any) { runtime.EventsEmit(w.ctx, name, data) }

// wailsLog routes Wails' log lines into ours.
type wailsLog struct{ l *slog.Logger }

func (w wailsLog) Print(m string)   { w.l.Info("wails: " + m) }
func (w wailsLog) Trace(m string)   { w.l.Debug("wails: " + m) }
func (w wailsLog) Debug(m string)   { w.l.Debug("wails: " + m) }
func (w wailsLog) Info(m string)    { w.l.Info("wails: " + m) }
func (w wailsLog) Warning(m string) { w.l.Warn("wails: " + m) }
func (w wailsLog) Error(m string)   { w.l.Error("wails: " + m) }
func (w wailsLog) Fatal(m string)   { w.l.Error("wails: " + m); panic(fmt.Sprintf("wails: %s", m)) }

type wailsDialogs struct{ ctx context.Context }

func (d wailsDialogs) SaveFile(defaultName, filterName, pattern string) (string, error) {
	return runtime.SaveFileDialog(d.ctx, runtime.SaveDialogOptions{DefaultFilename: defaultName,
		Filters: []runtime.FileFilter{{DisplayName: filterName, Pattern: pattern}}})
}

func (d wailsDialogs) OpenFile(title, filterName, pattern string) (string, error) {
	return runtime.OpenFileDialog(d.ctx, runtime.OpenDialogOptions{Title: title,
		Filters: []runtime.FileFilter{{DisplayName: filterName, Pattern: pattern}}})
}

// earliest runs fn once, at the earliest of the instants asked for with At
// (a later one never delays it; an earlier one brings it forward).
type earliest struct {
	mu   sync.Mutex
	fn   func()
	t    *time.Timer
	at   time.Time
	done bool
}

func newEarliest(fn func()) *earliest { return &earliest{fn: fn} }

// At asks for fn to run after d, unless it is already due sooner (or ran).
func (e *earliest) At(d time.Duration) {
	e.mu.Lock()
	defer e.mu.Unlock()
	at := time.Now().Add(d)
	if e.done || (e.t != nil && !at.Before(e.at)) {
		return
	}
	if e.t != nil {
		e.t.Stop()
	}
	e.at = at
	e.t = time.AfterFunc(d, e.fire)
}

func (e *earliest) fire() {
	e.mu.Lock()
	if e.done {
		e.mu.Unlock()
		return
	}
	e.done = true
	e.mu.Unlock()
	e.fn()
}

// Stop: fn will not run (if it has not yet).
func (e *earliest) Stop() {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.done = true
	if e.t != nil {
		e.t.Stop()
	}
}
