package store

import "time"

// SetSwapHook installs a function called at each step of a swap (tests only).
func SetSwapHook(f func(step string)) { swapHook = f }

// SetKDF sets the Argon2id parameters new key files get (tests only).
func SetKDF(p KDFParams) { kdfParams = p }

// SetSlowDownUnit sets the wait after five wrong passphrases (tests only).
func SetSlowDownUnit(d time.Duration) { slowDownUnit = d }
