package reminder

import (
	"encoding/binary"
	"errors"
	"fmt"
	"time"

	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/store"
)

// Reminder state is read for every due reminder every minute, so it is
// stored compactly rather than as JSON: a version byte, four instants
// (Unix nanoseconds, 0 for unset) and the desktop outcome. The reminder key
// itself is the record key's term.
const stateCodec byte = 0x81 // distinct from store's JSON codec (1)

func encodeState(st State) []byte {
	b := make([]byte, 0, 1+4*8+2+len(st.Desktop))
	b = append(b, stateCodec)
	for _, t := range []time.Time{st.FirstSeenAt, st.DeliveredAt, st.SnoozedUntil, st.DismissedAt} {
		var n int64
		if !t.IsZero() {
			n = t.UnixNano()
		}
		b = binary.BigEndian.AppendUint64(b, uint64(n))
	}
	d := st.Desktop
	if len(d) > 0xFFFF {
		d = d[:0xFFFF]
	}
	b = binary.BigEndian.AppendUint16(b, uint16(len(d)))
	return append(b, d...)
}

func decodeState(key string, b []byte) (State, error) {
	st := State{Key: key}
	if len(b) < 1+32+2 || b[0] != stateCodec {
		return st, fmt.Errorf("reminder state %q: unknown encoding", key)
	}
	ts := make([]time.Time, 4)
	for i := range ts {
		if n := int64(binary.BigEndian.Uint64(b[1+8*i:])); n != 0 {
			ts[i] = time.Unix(0, n).UTC()
		}
	}
	st.FirstSeenAt, st.DeliveredAt, st.SnoozedUntil, st.DismissedAt = ts[0], ts[1], ts[2], ts[3]
	n := int(binary.BigEndian.Uint16(b[33:]))
	if len(b) < 35+n {
		return st, fmt.Errorf("reminder state %q: truncated", key)
	}
	st.Desktop = string(b[35 : 35+n])
	return st, nil
}

// keyOf reads the reminder key back from a state record key.
func keyOf(k []byte) (string, bool) {
	if len(k) == 0 || k[0] != store.PrefixReminderState {
		return "", false
	}
	r := store.ReadKey(k)
	key := r.String()
	return key, r.Done()
}

func getState(txn *badger.Txn, key string) (State, bool, error) {
	item, err := txn.Get(stateKey(key))
	if errors.Is(err, badger.ErrKeyNotFound) {
		return State{}, false, nil
	}
	if err != nil {
		return State{}, false, err
	}
	var st State
	err = item.Value(func(b []byte) (err error) {
		st, err = decodeState(key, b)
		return err
	})
	return st, err == nil, err
}

func putState(txn *badger.Txn, st State) error {
	return txn.Set(stateKey(st.Key), encodeState(st))
}

// allStates reads every stored state, by reminder key.
func allStates(txn *badger.Txn) (map[string]State, error) {
	out := map[string]State{}
	err := eachState(txn, func(st State) { out[st.Key] = st })
	if err != nil {
		return nil, err
	}
	return out, nil
}

// eachState calls fn with every stored state, in key order; a key that is
// not a reminder key is skipped.
func eachState(txn *badger.Txn, fn func(State)) error {
	return store.Values(txn, store.Prefix(store.PrefixReminderState), func(k, v []byte) error {
		key, ok := keyOf(k)
		if !ok {
			return nil
		}
		st, err := decodeState(key, v)
		if err != nil {
			return err
		}
		fn(st)
		return nil
	})
}
