//go:build linux && cgo

package sigfix

import (
	"syscall"
	"testing"
)

func TestFixAddsOnStackToForeignHandlers(t *testing.T) {
	// SIGTRAP: Go does not raise it in a test binary, so a plain handler
	// there harms nothing while the test runs.
	if !installPlain(syscall.SIGTRAP) {
		t.Fatal("could not install a handler")
	}
	if OnStack(syscall.SIGTRAP) {
		t.Fatal("the plain handler already runs on the signal stack")
	}
	if n := Fix(); n < 1 {
		t.Fatalf("Fix changed %d handlers, want at least the SIGTRAP one", n)
	}
	if !OnStack(syscall.SIGTRAP) {
		t.Fatal("SIGTRAP's handler still lacks SA_ONSTACK")
	}
	if n := Fix(); n != 0 {
		t.Fatalf("a second Fix changed %d handlers, want none", n)
	}
	if !OnStack(syscall.SIGSEGV) {
		t.Fatal("SIGSEGV's handler (Go's own) lacks SA_ONSTACK")
	}
}
