package calendar

import (
	"strings"
	"testing"
	"time"

	"github.com/teambition/rrule-go"
)

// The bounded expander agrees with rrule-go (a full RFC 5545
// implementation) on the rules holiday and absence calendars use.
func TestExpandMatchesRRuleGo(t *testing.T) {
	starts := []string{"20200101", "20200131", "20200229", "20210315T093000", "20221124", "20231231T230000", "20240805"}
	rules := []string{
		"FREQ=YEARLY",
		"FREQ=YEARLY;INTERVAL=2",
		"FREQ=YEARLY;BYMONTH=11;BYDAY=4TH",
		"FREQ=YEARLY;BYMONTH=5;BYDAY=-1MO",
		"FREQ=YEARLY;BYMONTH=1,7;BYMONTHDAY=1,-1",
		"FREQ=YEARLY;COUNT=4",
		"FREQ=YEARLY;UNTIL=20270101",
		"FREQ=YEARLY;BYDAY=SU",
		"FREQ=MONTHLY",
		"FREQ=MONTHLY;BYMONTHDAY=-1",
		"FREQ=MONTHLY;BYDAY=1FR;COUNT=10",
		"FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1",
		"FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=15",
		"FREQ=MONTHLY;BYMONTH=2;BYMONTHDAY=29",
		"FREQ=WEEKLY",
		"FREQ=WEEKLY;BYDAY=MO,FR;COUNT=9",
		"FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH",
		"FREQ=WEEKLY;BYDAY=SA;BYMONTH=12",
		"FREQ=DAILY;COUNT=20",
		"FREQ=DAILY;INTERVAL=10;UNTIL=20251231T000000Z",
		"FREQ=DAILY;BYDAY=MO,WE",
		"FREQ=DAILY;BYMONTHDAY=13;BYDAY=FR",
	}
	end := time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)
	compared := 0
	defer func() {
		if compared < 5000 {
			t.Errorf("only %d occurrences compared", compared)
		}
	}()
	for _, st := range starts {
		for _, rs := range rules {
			c, ok := parseCivil(st)
			if !ok {
				t.Fatal(st)
			}
			r, err := parseRule(rs)
			if err != nil {
				t.Fatalf("%s: %v", rs, err)
			}
			budget := 1 << 30
			got, _, _ := r.expand(c, time.UTC, time.Time{}, end, 100000, &budget)
			opt, err := rrule.StrToROption(rs)
			if err != nil {
				t.Fatal(err)
			}
			opt.Dtstart = time.Date(c.y, c.m, c.d, c.hh, c.mm, c.ss, 0, time.UTC)
			if opt.Until.IsZero() || opt.Until.After(end) {
				opt.Until = end.Add(-time.Second)
			}
			ref, err := rrule.NewRRule(*opt)
			if err != nil {
				t.Fatal(err)
			}
			want := ref.All()
			var g, w []string
			for _, x := range got {
				g = append(g, time.Date(x.y, x.m, x.d, x.hh, x.mm, x.ss, 0, time.UTC).Format(utcLayout))
			}
			for _, x := range want {
				w = append(w, x.Format(utcLayout))
			}
			compared += len(w)
			if strings.Join(g, " ") != strings.Join(w, " ") {
				t.Errorf("%s from %s:\n got %d %v\nwant %d %v", rs, st, len(g), head(g), len(w), head(w))
			}
		}
	}
}

func head(l []string) []string {
	if len(l) > 6 {
		return l[:6]
	}
	return l
}

func TestExpandSkipsAheadWithoutChangingTheResult(t *testing.T) {
	c, _ := parseCivil("19000102")
	for _, rs := range []string{"FREQ=DAILY;INTERVAL=3", "FREQ=WEEKLY;INTERVAL=5;BYDAY=MO,SU", "FREQ=MONTHLY;INTERVAL=7;BYMONTHDAY=-1", "FREQ=YEARLY;INTERVAL=4;BYMONTH=2;BYMONTHDAY=29"} {
		r, _ := parseRule(rs)
		from, end := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2031, 1, 1, 0, 0, 0, 0, time.UTC)
		b1, b2 := 1<<30, 1<<30
		all, _, _ := r.expand(c, time.UTC, time.Time{}, end, 1<<20, &b1)
		skip, _, _ := r.expand(c, time.UTC, from, end, 1<<20, &b2)
		var tail []civilTime
		for _, x := range all {
			if !x.date().Before(from) {
				tail = append(tail, x)
			}
		}
		var sk []civilTime
		for _, x := range skip {
			if !x.date().Before(from) {
				sk = append(sk, x)
			}
		}
		if len(tail) == 0 || len(tail) != len(sk) || tail[0] != sk[0] || tail[len(tail)-1] != sk[len(sk)-1] {
			t.Errorf("%s: %d vs %d occurrences", rs, len(tail), len(sk))
		}
		if b2 < b1 {
			t.Errorf("%s: skipping ahead walked more periods", rs)
		}
	}
}

func TestParseRuleRefusals(t *testing.T) {
	for _, rs := range []string{"FREQ=HOURLY", "FREQ=SECONDLY", "", "FREQ=DAILY;BYHOUR=3", "FREQ=WEEKLY;BYDAY=2MO", "FREQ=YEARLY;BYDAY=20MO",
		"FREQ=DAILY;INTERVAL=0", "FREQ=DAILY;UNTIL=tomorrow", "FREQ=MONTHLY;BYMONTHDAY=32", "FREQ=YEARLY;WKST=SU", "GARBAGE"} {
		if _, err := parseRule(rs); err == nil {
			t.Errorf("%q accepted", rs)
		}
	}
}
