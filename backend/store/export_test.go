package store

// SetSwapHook installs a function called at each step of a swap (tests only).
func SetSwapHook(f func(step string)) { swapHook = f }
