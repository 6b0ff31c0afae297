package app

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"log/slog"

	"github.com/wailsapp/wails/v2"
	wlogger "github.com/wailsapp/wails/v2/pkg/logger"
	"github.com/wailsapp/wails/v2/pkg/options"
	"github.com/wailsapp/wails/v2/pkg/options/assetserver"
	"github.com/wailsapp/wails/v2/pkg/options/linux"
	"github.com/wailsapp/wails/v2/pkg/runtime"

	"wheelhouse/backend/cli"
)

// Run opens the workspace and shows the window until it is closed.
func Run(cfg cli.GUIConfig, assets fs.FS) error {
	shell := NewShell(cfg.DataDir, cfg.Version, cfg.Logger, nil)
	if !bindingsOnly { // `wails generate module` runs the app only to read its bindings
		_ = shell.Open() // a failure is shown in the window, not as a crash
	}
	defer shell.Close()

	var appCtx context.Context
	sum := sha256.Sum256([]byte(cfg.DataDir))
	return wails.Run(&options.App{
		Title:            "Wheelhouse",
		Width:            1280,
		Height:           800,
		MinWidth:         1024,
		MinHeight:        700,
		AssetServer:      &assetserver.Options{Assets: assets},
		BackgroundColour: &options.RGBA{R: 246, G: 247, B: 249, A: 255},
		Logger:           wailsLog{cfg.Logger},
		LogLevel:         wlogger.WARNING,
		OnStartup: func(ctx context.Context) {
			appCtx = ctx
			shell.SetEmitter(wailsEmitter{ctx})
		},
		OnShutdown: func(context.Context) { shell.Close() },
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
		Bind:  []any{NewWorkspaceAPI(shell), NewPeopleAPI(shell)},
		Linux: &linux.Options{ProgramName: "wheelhouse", WebviewGpuPolicy: linux.WebviewGpuPolicyOnDemand},
	})
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
