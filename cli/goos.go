package cli

import "runtime"

var goos = runtime.GOOS
