//go:build !(desktop || dev || bindings)

package app

// HasWindow reports whether this build can show the desktop window. A plain
// `go build` has only the headless commands.
const HasWindow = false
