package oncall

// UseLegacyCover makes s cover someone away by the next available
// participant in rotation order, as before decision 0013 (for the figures).
func UseLegacyCover(s *Snapshot) { s.legacyCover = true }
