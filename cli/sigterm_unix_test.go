//go:build unix

package cli

import "syscall"

const sigterm = syscall.SIGTERM
