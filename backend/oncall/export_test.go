package oncall

import (
	"time"

	"wheelhouse/backend/id"
)

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

// Stored is how many stored checkpoints s matched to its data when it was
// loaded (persist.go) and its walks can resume from (those its index
// holds: refused ones are dropped when read), and, per rotation, their
// slots.
func Stored(s *Snapshot) (int, map[id.ID][]int) {
	ix := s.index()
	ix.cpMu.Lock()
	defer ix.cpMu.Unlock()
	n, by := 0, map[id.ID][]int{}
	for rid, c := range ix.cps {
		c.mu.Lock()
		for _, r := range c.stored {
			by[rid] = append(by[rid], r.k)
		}
		n += len(c.stored)
		c.mu.Unlock()
	}
	return n, by
}

// WindowSlot is the slot of rotation rid at t and its checkpoint spacing.
func WindowSlot(s *Snapshot, rid id.ID, t time.Time) (int, int) {
	r := s.index().rots[rid]
	return r.slotAt(t), cpEvery(r)
}

// SlotStart is the start of slot k of rotation rid.
func SlotStart(s *Snapshot, rid id.ID, k int) time.Time {
	return s.index().rots[rid].slotStart(k)
}

// SealCheckpoint is a stored checkpoint value for key with a valid
// checksum over body, whatever body holds (to test what decoding refuses).
func SealCheckpoint(key, body []byte) []byte {
	sum := checkpointSum(key, body)
	return append(sum[:], body...)
}

// The stored body of a checkpoint, to test what decoding refuses.
type (
	SavedCheckpoint = savedCheckpoint
	SavedHeld       = savedHeld
	SavedOwed       = savedOwed
)

// CheckpointBody reads a stored body (without its checksum).
func CheckpointBody(b []byte) (SavedCheckpoint, bool) {
	var sc savedCheckpoint
	ok := sc.unmarshal(b)
	return sc, ok
}

// MarshalCheckpointBody writes a body as SaveCheckpoints does.
func MarshalCheckpointBody(sc SavedCheckpoint) []byte { return sc.marshal() }
