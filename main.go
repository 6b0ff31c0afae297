// Wheelhouse: an offline desktop cockpit for engineering managers.
// main.go is wiring only: the command line decides between a headless
// command and the desktop window.
package main

import (
	"embed"
	"os"

	"wheelhouse/app"
	"wheelhouse/cli"
)

//go:embed all:frontend/dist
var assets embed.FS

//go:embed build/appicon.png
var icon []byte

func main() {
	var gui func(cli.GUIConfig) error
	if app.HasWindow {
		gui = func(c cli.GUIConfig) error {
			return app.Run(app.Config{Root: c.DataDir, Version: c.Version, Log: c.Logger, Zone: c.Zone}, c.Background, assets, icon)
		}
	}
	os.Exit(cli.Run(cli.Env{
		Args:   os.Args[1:],
		Stdin:  os.Stdin,
		Stdout: os.Stdout,
		Stderr: os.Stderr,
		GUI:    gui,
	}))
}
