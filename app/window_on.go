//go:build desktop || dev || bindings

package app

// HasWindow reports whether this build can show the desktop window (built by
// `wails build`/`wails dev`, which set these tags).
const HasWindow = true
