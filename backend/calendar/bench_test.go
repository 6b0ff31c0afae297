package calendar

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strconv"
	"sync"
	"testing"
	"time"

	ical "github.com/emersion/go-ical"

	"wheelhouse/backend/id"
)

// Benchmarks of issue 3 (docs/performance.md). scripts/bench-ical/bench.sh
// runs them next to the npm peers; with WHEELHOUSE_BENCH_OUT set, the
// inputs are also written there for the peers (events-N.json, import-50k.ics).

var benchNames = []string{"Dana Xu", "Kofi Mensah", "Zoë Ødegård", "Mei Lindqvist", "Tomás Ortega", "Chloé Moreau", "Haruto 佐藤", "Ngozi Okafor"}

// benchEvents are n shift events as an export of 20 rotations makes them:
// long UIDs and descriptions (folded), commas and semicolons (escaped),
// multi-byte names.
func benchEvents(n int) []Event {
	rng := rand.New(rand.NewPCG(7, uint64(n)))
	out := make([]Event, n)
	base := time.Date(2026, 1, 5, 9, 0, 0, 0, time.UTC)
	rot := make([]id.ID, 20)
	for i := range rot {
		rot[i] = id.ID{0: 2, 6: 0x70, 8: 0x80, 14: byte(i)}
	}
	for i := range out {
		r := i % 20
		slot := i / 20
		who := benchNames[rng.IntN(len(benchNames))]
		st := base.Add(time.Duration(slot) * 12 * time.Hour)
		out[i] = Event{
			UID:          fmt.Sprintf("%d.0-%s-%s@wheelhouse", slot, rot[r], id.ID{0: 1, 6: 0x70, 8: 0x80, 15: byte(rng.IntN(50))}),
			Summary:      who + " on call · Rotation " + strconv.Itoa(r),
			Description:  "On call for Rotation " + strconv.Itoa(r) + " (Payments, layer 1). Covers for " + benchNames[rng.IntN(len(benchNames))] + " (vacation); handoff at 09:00, Berlin time.",
			Start:        st,
			End:          st.Add(12 * time.Hour),
			Status:       StatusConfirmed,
			Sequence:     rng.IntN(3),
			LastModified: base.Add(-time.Duration(rng.IntN(1000)) * time.Hour),
		}
	}
	return out
}

var benchAt = time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)

// goICal encodes the same events with go-ical: its component tree built
// from the events, then its encoder (which escapes but does not fold).
func goICal(evs []Event, w *bytes.Buffer) error {
	cal := ical.NewCalendar()
	cal.Props.SetText(ical.PropVersion, "2.0")
	cal.Props.SetText(ical.PropProductID, ProdID)
	cal.Props.SetText(ical.PropCalendarScale, "GREGORIAN")
	cal.Props.SetText(ical.PropMethod, "PUBLISH")
	cal.Props.SetText(ical.PropName, "On call: team")
	cal.Props.SetText("X-WR-CALNAME", "On call: team")
	for i := range evs {
		e := &evs[i]
		ev := ical.NewEvent()
		ev.Props.SetText(ical.PropUID, e.UID)
		ev.Props.SetDateTime(ical.PropDateTimeStamp, benchAt)
		ev.Props.SetDateTime(ical.PropDateTimeStart, e.Start)
		ev.Props.SetDateTime(ical.PropDateTimeEnd, e.End)
		ev.Props.SetText(ical.PropSummary, e.Summary)
		ev.Props.SetText(ical.PropDescription, e.Description)
		seq := ical.NewProp(ical.PropSequence)
		seq.Value = strconv.Itoa(e.Sequence)
		ev.Props.Set(seq)
		ev.Props.SetDateTime(ical.PropLastModified, e.LastModified)
		ev.Props.SetText(ical.PropStatus, e.Status)
		ev.Props.SetText(ical.PropTransparency, "TRANSPARENT")
		cal.Children = append(cal.Children, ev.Component)
	}
	return ical.NewEncoder(w).Encode(cal)
}

func writeBenchInput(b *testing.B, name string, write func(*os.File) error) {
	dir := os.Getenv("WHEELHOUSE_BENCH_OUT")
	if dir == "" {
		return
	}
	f, err := os.Create(filepath.Join(dir, name))
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	if err := write(f); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkExport renders n events (escaping and folding included) and
// encodes the same events with go-ical, side by side.
func BenchmarkExport(b *testing.B) {
	for _, n := range []int{10_000, 100_000} {
		evs := benchEvents(n)
		writeBenchInput(b, fmt.Sprintf("events-%d.json", n), func(f *os.File) error {
			type jev struct {
				UID, Summary, Description, Status string
				Start, End, LastModified          time.Time
				Sequence                          int
			}
			out := make([]jev, len(evs))
			for i, e := range evs {
				out[i] = jev{e.UID, e.Summary, e.Description, e.Status, e.Start, e.End, e.LastModified, e.Sequence}
			}
			return json.NewEncoder(f).Encode(out)
		})
		label := fmt.Sprintf("%dk", n/1000)
		var buf bytes.Buffer
		b.Run(label+"/wheelhouse", func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				buf.Reset()
				if err := Render(&buf, Calendar{Name: "On call: team", Events: evs}, benchAt); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "events/s")
			b.ReportMetric(float64(buf.Len()), "bytes")
		})
		b.Run(label+"/go-ical", func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				buf.Reset()
				if err := goICal(evs, &buf); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "events/s")
			b.ReportMetric(float64(buf.Len()), "bytes")
		})
	}
}

// benchCalendar is a Google Calendar style export of n events: all-day and
// timed (with TZID) events, folded descriptions, every property Google
// writes.
func benchCalendar(n int) []byte {
	rng := rand.New(rand.NewPCG(9, uint64(n)))
	var b bytes.Buffer
	b.WriteString("BEGIN:VCALENDAR\r\nPRODID:-//Google Inc//Google Calendar 70.9054//EN\r\nVERSION:2.0\r\nCALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\n" +
		"X-WR-CALNAME:Team absences\r\nX-WR-TIMEZONE:Europe/Berlin\r\n")
	base := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	line := make([]byte, 0, 512)
	for i := 0; i < n; i++ {
		d := base.AddDate(0, 0, rng.IntN(6*365))
		b.WriteString("BEGIN:VEVENT\r\n")
		if i%3 == 0 {
			st := d.Add(time.Duration(7+rng.IntN(10)) * time.Hour)
			fmt.Fprintf(&b, "DTSTART;TZID=Europe/Berlin:%s\r\nDTEND;TZID=Europe/Berlin:%s\r\n", st.Format("20060102T150405"), st.Add(time.Duration(1+rng.IntN(8))*time.Hour).Format("20060102T150405"))
		} else {
			fmt.Fprintf(&b, "DTSTART;VALUE=DATE:%s\r\nDTEND;VALUE=DATE:%s\r\n", d.Format("20060102"), d.AddDate(0, 0, 1+rng.IntN(10)).Format("20060102"))
		}
		fmt.Fprintf(&b, "DTSTAMP:20261120T101010Z\r\nUID:%016x%08d@google.com\r\nCREATED:20251106T184155Z\r\n", rng.Uint64(), i)
		line = append(line[:0], "DESCRIPTION:"...)
		line = AppendText(line, benchNames[i%len(benchNames)]+" is away; approved by Alex Morgan, cover arranged with the team. Ticket HR-"+strconv.Itoa(10000+i)+".\nBack on the next working day.")
		b.Write(Fold(line))
		fmt.Fprintf(&b, "LAST-MODIFIED:20251106T184155Z\r\nLOCATION:\r\nSEQUENCE:%d\r\nSTATUS:CONFIRMED\r\n", rng.IntN(3))
		line = append(line[:0], "SUMMARY:"...)
		line = AppendText(line, benchNames[i%len(benchNames)]+" – "+[]string{"Vacation", "Sick", "Parental leave", "Conference", "Public holiday"}[rng.IntN(5)])
		b.Write(Fold(line))
		b.WriteString("TRANSP:TRANSPARENT\r\nEND:VEVENT\r\n")
	}
	b.WriteString("END:VCALENDAR\r\n")
	return b.Bytes()
}

var (
	calOnce sync.Once
	cal50k  []byte
)

func calendar50k() []byte {
	calOnce.Do(func() { cal50k = benchCalendar(50_000) })
	return cal50k
}

// peakHeap runs f and samples the live heap every half millisecond; it
// returns the peak above the heap before f (after a GC).
func peakHeap(f func()) uint64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	base := ms.HeapAlloc
	peak := base
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		var m runtime.MemStats
		t := time.NewTicker(500 * time.Microsecond)
		defer t.Stop()
		for {
			select {
			case <-stop:
				return
			case <-t.C:
				runtime.ReadMemStats(&m)
				if m.HeapAlloc > peak {
					peak = m.HeapAlloc
				}
			}
		}
	}()
	f()
	runtime.ReadMemStats(&ms)
	close(stop)
	<-done
	if ms.HeapAlloc > peak {
		peak = ms.HeapAlloc
	}
	return peak - base
}

// BenchmarkImport50k parses a 50,000-event calendar (streaming, one event
// at a time) into importable items, and reports the peak heap over the file
// size; go-ical's decoder, which holds the whole tree, for comparison.
func BenchmarkImport50k(b *testing.B) {
	data := calendar50k()
	writeBenchInput(b, "import-50k.ics", func(f *os.File) error { _, err := f.Write(data); return err })
	mb := float64(len(data)) / (1 << 20)
	b.Run("wheelhouse", func(b *testing.B) {
		var items int
		peak := peakHeap(func() {
			p, err := Parse(bytes.NewReader(data), DefaultLimits, benchAt)
			if err != nil {
				b.Fatal(err)
			}
			items = len(p.Items)
			runtime.KeepAlive(p)
		})
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			if _, err := Parse(bytes.NewReader(data), DefaultLimits, benchAt); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(50_000*float64(b.N)/b.Elapsed().Seconds(), "events/s")
		b.ReportMetric(mb, "file-MB")
		b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
		b.ReportMetric(float64(peak)/float64(len(data)), "peak/file")
		if items != 50_000 {
			b.Fatalf("%d items", items)
		}
	})
	b.Run("go-ical", func(b *testing.B) {
		peak := peakHeap(func() {
			c, err := ical.NewDecoder(bytes.NewReader(data)).Decode()
			if err != nil {
				b.Fatal(err)
			}
			runtime.KeepAlive(c)
		})
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			if _, err := ical.NewDecoder(bytes.NewReader(data)).Decode(); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(50_000*float64(b.N)/b.Elapsed().Seconds(), "events/s")
		b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
		b.ReportMetric(float64(peak)/float64(len(data)), "peak/file")
	})
	_ = debug.SetGCPercent
}
