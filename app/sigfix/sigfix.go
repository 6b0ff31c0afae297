//go:build linux && cgo

// Package sigfix keeps the Go runtime alive next to WebKitGTK.
//
// JavaScriptCore, in the window's process, installs handlers for SIGSEGV,
// SIGBUS and related signals without SA_ONSTACK, lazily, when it first
// creates a JavaScript context. Go requires SA_ONSTACK on every handler it
// does not own: the next such signal on a Go thread (Go's own nil checks
// raise SIGSEGV) ends the process with "non-Go code set up signal handler
// without SA_ONSTACK flag" (seen once at launch in the smoke test; the same
// crash as wailsapp/wails#5506 and nebari-dev/nebi#350). Fix adds the flag
// back to those handlers; the app calls it on a short timer while the window
// starts and now and then after. SIGUSR1, JavaScriptCore's signal for
// suspending threads during garbage collection, is left alone: forcing it
// onto Go's signal stack freezes WebKit (wailsapp/wails#5530).
package sigfix

/*
#include <signal.h>
#include <string.h>

static int wh_fix_signal(int sig) {
	struct sigaction sa;
	if (sigaction(sig, NULL, &sa) != 0) return 0;
	if (sa.sa_handler == SIG_DFL || sa.sa_handler == SIG_IGN) return 0;
	if (sa.sa_flags & SA_ONSTACK) return 0;
	sa.sa_flags |= SA_ONSTACK;
	return sigaction(sig, &sa, NULL) == 0;
}

static void wh_noop(int sig) { (void)sig; }

// What JavaScriptCore does (for tests): a handler without SA_ONSTACK.
static int wh_install_plain(int sig) {
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = wh_noop;
	return sigaction(sig, &sa, NULL);
}

static int wh_onstack(int sig) {
	struct sigaction sa;
	if (sigaction(sig, NULL, &sa) != 0) return -1;
	return (sa.sa_flags & SA_ONSTACK) != 0;
}
*/
import "C"

import "syscall"

// Signals are the signals whose handlers Fix corrects.
var Signals = []syscall.Signal{syscall.SIGSEGV, syscall.SIGBUS, syscall.SIGFPE, syscall.SIGILL, syscall.SIGTRAP, syscall.SIGABRT}

// Fix adds SA_ONSTACK to the handlers of Signals that lack it and reports
// how many it changed.
func Fix() int {
	n := 0
	for _, s := range Signals {
		n += int(C.wh_fix_signal(C.int(s)))
	}
	return n
}

// OnStack reports whether the handler of sig runs on the alternate signal
// stack (false also when it cannot be read).
func OnStack(sig syscall.Signal) bool { return C.wh_onstack(C.int(sig)) == 1 }

// installPlain installs a handler without SA_ONSTACK on sig, as
// JavaScriptCore does (for tests).
func installPlain(sig syscall.Signal) bool { return C.wh_install_plain(C.int(sig)) == 0 }
