//go:build linux && cgo && (desktop || dev)

package app

import (
	"context"
	"time"

	"wheelhouse/app/sigfix"
)

// keepSignalsOnStack re-applies SA_ONSTACK to the signal handlers WebKit's
// JavaScriptCore installs without it (app/sigfix): every 50 ms while the
// window starts (JavaScriptCore installs them lazily, when it first makes a
// JavaScript context), then every 2 s until ctx ends.
func keepSignalsOnStack(ctx context.Context) {
	sigfix.Fix()
	go func() {
		fast := time.NewTicker(50 * time.Millisecond)
		defer fast.Stop()
		slowAfter := time.After(15 * time.Second)
		for {
			select {
			case <-ctx.Done():
				return
			case <-fast.C:
				sigfix.Fix()
			case <-slowAfter:
				fast.Reset(2 * time.Second)
			}
		}
	}()
}

// fixSignalsNow is one Fix (at DomReady, when JavaScriptCore has certainly
// installed its handlers).
func fixSignalsNow() { sigfix.Fix() }
