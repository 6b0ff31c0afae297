package oncall

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"reflect"
	"testing"
	"time"

	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/id"
	"wheelhouse/backend/store"
)

// sameDecode checks that decode gives what store.Decode gives for b and for
// random changes to b (the same record, or both refuse), and reports
// whether the fast path read b itself.
func sameDecode[T any](t *testing.T, rng *rand.Rand, b []byte, decode func([]byte, *T) error, fast func([]byte) bool) bool {
	t.Helper()
	cases := [][]byte{b}
	for range 6 {
		c := append([]byte(nil), b...)
		switch j := rng.IntN(len(c)); rng.IntN(4) {
		case 0:
			c[j] = byte(rng.IntN(256))
		case 1:
			c = c[:j]
		case 2:
			c = append(c[:j:j], append([]byte(`,"note":"x"`), c[j:]...)...)
		default:
			c = bytes.Replace(c, []byte(`"`), []byte(`"x`), 1+rng.IntN(3))
		}
		cases = append(cases, c)
	}
	for _, c := range cases {
		var want, got T
		werr := store.Decode(c, &want)
		gerr := decode(c, &got)
		if (werr == nil) != (gerr == nil) || werr == nil && !reflect.DeepEqual(want, got) {
			t.Fatalf("%q:\nstore.Decode %+v, %v\nfast %+v, %v", c, want, werr, got, gerr)
		}
	}
	return fast(b)
}

// decodeOverride and decodeTimeOff give what store.Decode gives, for records
// as the app writes them (read by the fast path) and for any bytes near them.
func TestFastDecodeIsStoreDecode(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	zones := []*time.Location{time.UTC, time.FixedZone("", 5*3600+1800), time.FixedZone("X", -7*3600), time.Local}
	texts := []string{"", "cover for the offsite", "Zoë's 🎉 turn", `a "quoted" note`, "tab\there", "<b>&</b>", "back\\slash", "\u2028", string([]byte{0xff, 'a'})}
	plain := func(s string) bool { return s == texts[0] || s == texts[1] || s == texts[2] }
	text := func() string { return texts[rng.IntN(len(texts))] }
	at := func() time.Time {
		t := time.Date(2015+rng.IntN(12), time.Month(1+rng.IntN(12)), 1+rng.IntN(28), rng.IntN(24), rng.IntN(60), rng.IntN(60), 0, time.UTC)
		if rng.IntN(3) == 0 {
			t = t.Add(time.Duration(rng.IntN(1e9)))
		}
		return t.In(zones[rng.IntN(len(zones))])
	}
	fastO, fastT := 0, 0
	for i := range 3000 {
		o := Override{ID: id.New(at()), RotationID: id.New(at()), PersonID: id.New(at()), Start: at(), End: at(),
			Note: text(), CreatedAt: at(), UpdatedAt: at()}
		if i%10 == 0 {
			o.PersonID = id.Nil
		}
		if i%10 == 1 {
			o.CreatedAt = time.Time{}
		}
		b, err := store.Encode(&o)
		if err != nil {
			t.Fatal(err)
		}
		if sameDecode(t, rng, b, decodeOverride, func(b []byte) bool { var x Override; return decodeOverride(b, &x) == nil && fastOK(b, &x) }) {
			fastO++
		} else if plain(o.Note) && !o.PersonID.IsZero() {
			t.Fatalf("the fast path refused %s", b)
		}

		to := TimeOff{ID: id.New(at()), PersonID: id.New(at()), Kind: []TimeOffKind{KindVacation, KindSick, "other"}[rng.IntN(3)],
			Note: text(), Source: []string{"manual", "import", ""}[rng.IntN(3)], CreatedAt: at(), UpdatedAt: at()}
		if rng.IntN(2) == 0 {
			to.StartDate, to.EndDate = "2026-01-02", "2026-01-05"
		} else {
			to.Start, to.End = at(), at()
		}
		if rng.IntN(3) == 0 {
			to.UID, to.Calendar = text(), text()
		}
		if b, err = store.Encode(&to); err != nil {
			t.Fatal(err)
		}
		if sameDecode(t, rng, b, decodeTimeOff, func(b []byte) bool { var x TimeOff; return fastOK(b, &x) }) {
			fastT++
		} else if plain(to.Note) && plain(to.UID) && plain(to.Calendar) {
			t.Fatalf("the fast path refused %s", b)
		}
	}
	if fastO < 500 || fastT < 500 {
		t.Fatalf("the fast path read %d overrides and %d time off of 3000 each", fastO, fastT)
	}
	fastS := 0
	slot := func() int {
		switch rng.IntN(6) {
		case 0:
			return 0
		case 1:
			return -rng.IntN(1000)
		case 2:
			return rng.IntN(1 << 40) // beyond the fast path's 9 digits
		}
		return rng.IntN(100000)
	}
	for range 3000 {
		w := Swap{ID: id.New(at()), RotationID: id.New(at()), SlotA: slot(), SlotB: slot(), Note: text(), CreatedAt: at(), UpdatedAt: at()}
		if rng.IntN(10) == 0 {
			w.CreatedAt = time.Time{}
		}
		b, err := store.Encode(&w)
		if err != nil {
			t.Fatal(err)
		}
		small := func(n int) bool { return n > -1e9 && n < 1e9 }
		if sameDecode(t, rng, b, decodeSwap, func(b []byte) bool { var x Swap; return fastOK(b, &x) }) {
			fastS++
		} else if plain(w.Note) && small(w.SlotA) && small(w.SlotB) {
			t.Fatalf("the fast path refused %s", b)
		}
	}
	if fastS < 500 {
		t.Fatalf("the fast path read %d swaps of 3000", fastS)
	}
}

// fastInt reads a number only as encoding/json reads it into an int.
func TestFastIntIsJSON(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for range 20000 {
		n := rng.IntN(12)
		b := make([]byte, n)
		for i := range b {
			b[i] = "0123456789-+.eE x"[rng.IntN(17)]
		}
		if rng.IntN(2) == 0 && n > 0 {
			b[0] = "123456789"[rng.IntN(9)]
		}
		var got, want int
		ok := fastInt(b, &got)
		err := json.Unmarshal(b, &want)
		if ok && (err != nil || got != want) {
			t.Fatalf("%q: fastInt %d, encoding/json %d, %v", b, got, want, err)
		}
	}
}

// fastOK reports whether the fast path alone reads b.
func fastOK(b []byte, v any) bool {
	switch x := v.(type) {
	case *Override:
		return fastOverride(b, x)
	case *TimeOff:
		return fastTimeOff(b, x)
	case *Swap:
		return fastSwap(b, x)
	}
	return false
}

// fastID reads an id only as id.Parse does (upper- and lower-case hex).
func TestFastIDIsParse(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for i := range 20000 {
		s := []byte(id.New(time.Unix(int64(i), 0)).String())
		for range rng.IntN(3) {
			j := rng.IntN(len(s))
			switch rng.IntN(3) {
			case 0:
				s[j] = "0123456789abcdefABCDEF-gG: "[rng.IntN(27)]
			case 1:
				s = bytes.ToUpper(s)
			default:
				s[j] = byte(rng.IntN(256))
			}
		}
		var u id.ID
		ok := fastID(s, &u)
		want, err := id.Parse(string(s))
		if ok && (err != nil || u != want) {
			t.Fatalf("%q: fastID %v, id.Parse %v, %v", s, u, want, err)
		}
		if !ok && err == nil && len(s) == 36 {
			t.Fatalf("%q: fastID refused what id.Parse reads", s)
		}
	}
}

// listOverrides, listTimeOff and listSwaps give what Table.List gives, for
// none, one, and counts across their chunks, with records the fast path
// reads and records it leaves to store.Decode.
func TestListFastIsTableList(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	at := func() time.Time {
		return time.Date(2016+rng.IntN(10), time.Month(1+rng.IntN(12)), 1+rng.IntN(28), rng.IntN(24), 0, 0, 0, time.UTC)
	}
	note := func() string { return []string{"", "plain", `a "quoted" note`}[rng.IntN(3)] }
	for _, n := range []int{0, 1, 255, 256, 257, 700} {
		st, err := store.Open("", store.Options{InMemory: true})
		if err != nil {
			t.Fatal(err)
		}
		err = st.Update(func(txn *badger.Txn) error {
			for range n {
				o := Override{ID: id.New(at()), RotationID: id.New(at()), PersonID: id.New(at()), Start: at(), End: at(), Note: note(), CreatedAt: at()}
				to := TimeOff{ID: id.New(at()), PersonID: id.New(at()), Kind: KindSick, StartDate: "2026-01-02", EndDate: "2026-01-03", Note: note()}
				w := Swap{ID: id.New(at()), RotationID: id.New(at()), SlotA: rng.IntN(100), SlotB: rng.IntN(100), Note: note()}
				if err := Overrides.Put(txn, &o); err != nil {
					return err
				}
				if err := TimeOffs.Put(txn, &to); err != nil {
					return err
				}
				if err := Swaps.Put(txn, &w); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		err = st.View(func(txn *badger.Txn) error {
			same := func(name string, got, want any, err1, err2 error) {
				if err1 != nil || err2 != nil {
					t.Fatalf("%d %s: %v, %v", n, name, err1, err2)
				}
				if !reflect.DeepEqual(got, want) {
					t.Fatalf("%d %s: the fast list differs from Table.List", n, name)
				}
			}
			o1, e1 := listOverrides(txn)
			o2, e2 := Overrides.List(txn)
			same("overrides", o1, o2, e1, e2)
			t1, e1 := listTimeOff(txn)
			t2, e2 := TimeOffs.List(txn)
			same("time off", t1, t2, e1, e2)
			s1, e1 := listSwaps(txn)
			s2, e2 := Swaps.List(txn)
			same("swaps", s1, s2, e1, e2)
			if len(o1) != n || len(t1) != n || len(s1) != n {
				t.Fatalf("%d records: %d, %d, %d listed", n, len(o1), len(t1), len(s1))
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		st.Close()
	}
}

// fastUTC reads an instant only as time.Time.UnmarshalText reads it.
func TestFastUTCIsUnmarshalText(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	const junk = "0123456789-:.TZtz+ x"
	read := 0
	for range 200000 {
		y := 1990 + rng.IntN(60)
		if rng.IntN(3) == 0 { // any year RFC 3339 can write, leap rules of centuries included
			y = rng.IntN(10000)
		}
		at := time.Date(y, time.Month(1+rng.IntN(12)), 1+rng.IntN(31), rng.IntN(24), rng.IntN(60), rng.IntN(60), 0, time.UTC)
		switch rng.IntN(3) {
		case 0:
			at = at.Add(time.Duration(rng.IntN(1e9)))
		case 1:
			at = at.Add(time.Duration(rng.IntN(1000)) * time.Millisecond)
		}
		b, _ := at.MarshalText()
		for range rng.IntN(3) {
			if len(b) == 0 {
				break
			}
			switch rng.IntN(3) {
			case 0:
				b[rng.IntN(len(b))] = junk[rng.IntN(len(junk))]
			case 1:
				b = b[:rng.IntN(len(b))]
			default:
				j := rng.IntN(len(b) + 1)
				b = append(b[:j:j], append([]byte{junk[rng.IntN(len(junk))]}, b[j:]...)...)
			}
		}
		got, ok := fastUTC(b)
		var want time.Time
		err := want.UnmarshalText(b)
		if ok && (err != nil || got != want) {
			t.Fatalf("%q: fastUTC %v, UnmarshalText %v, %v", b, got, want, err)
		}
		if ok {
			read++
		}
	}
	if read < 50000 {
		t.Fatalf("fastUTC read %d of 200000", read)
	}
	for _, y := range []string{"0000", "0004", "0100", "0400", "1900", "2000", "2023", "2024", "2100", "9999"} {
		for _, md := range []string{"02-28", "02-29", "02-30", "04-30", "04-31", "12-31", "13-01", "00-10"} {
			b := []byte(y + "-" + md + "T23:59:59.999999999Z")
			got, ok := fastUTC(b)
			var want time.Time
			err := want.UnmarshalText(b)
			if ok != (err == nil) || ok && got != want {
				t.Fatalf("%q: fastUTC %v, %v; UnmarshalText %v, %v", b, got, ok, want, err)
			}
		}
	}
}
