//go:build !(linux && cgo && (desktop || dev))

package app

import "context"

// Without the Linux window there is no WebKit in the process to correct.
func keepSignalsOnStack(context.Context) {}

func fixSignalsNow() {}
