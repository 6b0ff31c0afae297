package oncall

// UseLegacyCover makes s cover someone away by the next available
// participant in rotation order, as before decision 0013 (for the figures).
func UseLegacyCover(s *Snapshot) { s.legacyCover = true }

// Carried is how many walk checkpoints s took over from the snapshot it
// replaced.
func Carried(s *Snapshot) int {
	n := 0
	for _, l := range s.carry {
		n += len(l)
	}
	return n
}
