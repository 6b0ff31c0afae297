package oncall

import (
	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/id"
	"wheelhouse/backend/store"
)

// Tables of the on-call area; store.Table writes their indexes in the same
// transaction as the records.
var (
	Rotations = &store.Table[Rotation]{
		Name: "rotation", Prefix: store.PrefixRotation,
		ID: func(r *Rotation) id.ID { return r.ID },
		Indexes: []store.Index[Rotation]{
			{Prefix: store.IdxRotationName, Terms: func(r *Rotation) [][]byte { return [][]byte{store.Term(store.Fold(r.Name))} }},
			{Prefix: store.IdxRotationPerson, Terms: func(r *Rotation) [][]byte {
				out := make([][]byte, 0, len(r.Participants))
				for _, p := range uniqIDs(r.Participants) {
					out = append(out, store.Term(p))
				}
				return out
			}},
			{Prefix: store.IdxRotationTeam, Terms: func(r *Rotation) [][]byte {
				if r.TeamID.IsZero() {
					return nil
				}
				return [][]byte{store.Term(r.TeamID)}
			}},
		},
	}
	TimeOffs = &store.Table[TimeOff]{
		Name: "time off", Prefix: store.PrefixTimeOff,
		ID: func(t *TimeOff) id.ID { return t.ID },
		Indexes: []store.Index[TimeOff]{
			{Prefix: store.IdxTimeOffPerson, Terms: func(t *TimeOff) [][]byte { return [][]byte{store.Term(t.PersonID)} }},
			// covering: the start bound lets a window query skip entries
			// that begin after it without reading them
			{Prefix: store.IdxTimeOffEnd, Terms: func(t *TimeOff) [][]byte { return [][]byte{store.Term(t.EndBound(), t.StartBound())} }},
			{Prefix: store.IdxTimeOffUID, Terms: func(t *TimeOff) [][]byte {
				if t.UID == "" {
					return nil
				}
				return [][]byte{store.Term(t.PersonID, t.UID)}
			}},
		},
	}
	Regions = &store.Table[Region]{
		Name: "region", Prefix: store.PrefixRegion,
		ID: func(r *Region) id.ID { return r.ID },
		Indexes: []store.Index[Region]{
			{Prefix: store.IdxRegionName, Terms: func(r *Region) [][]byte { return [][]byte{store.Term(store.Fold(r.Name))} }},
			{Prefix: store.IdxRegionMember, Terms: func(r *Region) [][]byte {
				out := make([][]byte, 0, len(r.MemberIDs))
				for _, p := range uniqIDs(r.MemberIDs) {
					out = append(out, store.Term(p))
				}
				return out
			}},
		},
	}
	Overrides = &store.Table[Override]{
		Name: "override", Prefix: store.PrefixOverride,
		ID: func(o *Override) id.ID { return o.ID },
		Indexes: []store.Index[Override]{
			{Prefix: store.IdxOverrideRotation, Terms: func(o *Override) [][]byte { return [][]byte{store.Term(o.RotationID, o.Start)} }},
			{Prefix: store.IdxOverridePerson, Terms: func(o *Override) [][]byte { return [][]byte{store.Term(o.PersonID)} }},
		},
	}
	Swaps = &store.Table[Swap]{
		Name: "swap", Prefix: store.PrefixSwap,
		ID: func(s *Swap) id.ID { return s.ID },
		Indexes: []store.Index[Swap]{
			// one entry per slot, so a window reads only its swaps
			{Prefix: store.IdxSwapRotation, Terms: func(s *Swap) [][]byte {
				return [][]byte{store.Term(s.RotationID, s.SlotA), store.Term(s.RotationID, s.SlotB)}
			}},
		},
	}
	keySettings = store.Key(store.PrefixSetting, "oncall")

	// Rotation and region names are unique (case-insensitive), on save and
	// in a workspace file.
	rotationName = store.Name{Noun: "rotation", Index: store.IdxRotationName}
	regionName   = store.Name{Noun: "region", Index: store.IdxRegionName}
)

// SettingsTx reads the on-call settings (defaults when none are stored).
func SettingsTx(txn *badger.Txn) (Settings, error) {
	s := DefaultSettings()
	_, err := store.GetJSON(txn, keySettings, &s)
	return s, err
}

// PutSettingsTx writes the settings.
func PutSettingsTx(txn *badger.Txn, s Settings) error { return store.PutJSON(txn, keySettings, s) }
