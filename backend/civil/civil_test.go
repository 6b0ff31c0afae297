package civil

import (
	"math/rand/v2"
	"testing"
	"time"
)

func TestParseAndArithmetic(t *testing.T) {
	for _, bad := range []string{"", "2026-1-05", "2026-02-30", "1899-12-31", "2201-01-01", "24/11/2026", "2026-11-24T00:00", " 2026-11-24"} {
		if _, ok := Parse(bad); ok || Valid(bad) {
			t.Errorf("Parse(%q) accepted", bad)
		}
	}
	// Every range an area accepted before: on-call 1970-2200, people
	// development 2000-2199, start dates from 1950, calendar files 1900-2200.
	for _, good := range []string{"1900-01-01", "1950-06-30", "1970-01-01", "1999-12-31", "2000-01-01", "2199-12-31", "2200-12-31"} {
		d, ok := Parse(good)
		if !ok || !Valid(good) || Format(d) != good || d.Location() != time.UTC {
			t.Errorf("Parse(%q) = %v, %v", good, d, ok)
		}
	}
	if got := Format(time.Date(2026, 3, 28, 23, 30, 0, 0, time.UTC).In(time.FixedZone("+14", 14*3600))); got != "2026-03-29" {
		t.Errorf("Format in a zone a day ahead = %s", got)
	}
	if got := Format(time.Date(2026, 3, 28, 23, 30, 0, 0, time.FixedZone("-2", -2*3600))); got != "2026-03-28" {
		t.Errorf("Format keeps the location's day: %s", got)
	}
	if d, ok := Parse("2028-02-29"); !ok || d.Day() != 29 {
		t.Fatal("leap day refused")
	}
	if got := AddDays("2026-12-30", 3); got != "2027-01-02" {
		t.Errorf("AddDays over the year end = %s", got)
	}
	if got := AddDays("nonsense", 3); got != "nonsense" {
		t.Errorf("AddDays of an invalid date = %s", got)
	}
	// across Europe's spring-forward weekend: whole days
	if got := DaysBetween("2026-03-28", "2026-03-30"); got != 2 {
		t.Errorf("DaysBetween across DST = %d", got)
	}
	if got := DaysBetween("2026-03-01", "2026-02-01"); got != -28 {
		t.Errorf("DaysBetween backwards = %d", got)
	}
}

func TestText(t *testing.T) {
	for in, want := range map[string][2]string{
		"2026-12-06": {"Sun 6 Dec 2026", "Sun 6 Dec"},
		"2028-02-29": {"Tue 29 Feb 2028", "Tue 29 Feb"},
		"not a date": {"not a date", "not a date"},
		"":           {"", ""},
	} {
		if got := Text(in); got != want[0] {
			t.Errorf("Text(%q) = %q, want %q", in, got, want[0])
		}
		if got := ShortText(in); got != want[1] {
			t.Errorf("ShortText(%q) = %q, want %q", in, got, want[1])
		}
	}
}

// Parse's digit reader gives what time.Parse and the year bounds give, for
// dates and for any bytes near them.
func TestParseDigitsIsTimeParse(t *testing.T) {
	slow := func(s string) (time.Time, bool) {
		if len(s) != len(Layout) {
			return time.Time{}, false
		}
		d, err := time.Parse(Layout, s)
		if err != nil || d.Year() < MinYear || d.Year() > MaxYear {
			return time.Time{}, false
		}
		return d, true
	}
	rng := rand.New(rand.NewPCG(7, 8))
	day := time.Date(1890, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := 0; i < 200000; i++ {
		b := []byte(day.AddDate(0, 0, rng.IntN(320*366)).Format(Layout))
		for range rng.IntN(3) {
			const junk = "0123456789-+ x\x00\xff"
			b[rng.IntN(len(b))] = junk[rng.IntN(len(junk))]
		}
		if rng.IntN(10) == 0 {
			b[5], b[6] = "01"[rng.IntN(2)], "0123456789"[rng.IntN(10)]
			b[8], b[9] = "0123"[rng.IntN(4)], "0123456789"[rng.IntN(10)]
		}
		s := string(b)
		got, ok := Parse(s)
		want, wok := slow(s)
		if ok != wok || ok && (!got.Equal(want) || got.Location() != want.Location()) {
			t.Fatalf("Parse(%q) = %v, %v; time.Parse %v, %v", s, got, ok, want, wok)
		}
	}
	for _, y := range []string{"1899", "1900", "1904", "1999", "2000", "2023", "2024", "2100", "2200", "2201"} {
		for _, md := range []string{"01-01", "02-28", "02-29", "02-30", "04-30", "04-31", "12-31", "13-01", "00-10"} {
			s := y + "-" + md
			got, ok := Parse(s)
			want, wok := slow(s)
			if ok != wok || ok && got != want {
				t.Fatalf("Parse(%q) = %v, %v; time.Parse %v, %v", s, got, ok, want, wok)
			}
		}
	}
}
