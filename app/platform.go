package app

import "runtime"

func platform() string { return runtime.GOOS }
