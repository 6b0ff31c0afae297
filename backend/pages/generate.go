package pages

import (
	"bufio"
	"io"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"
)

var (
	genFirst    = []string{"Ann", "Bob", "Carla", "José", "Mei", "Omar", "Priya", "Lukas", "Sofia", "Tomás", "Yuki", "Zoë", "Ivan", "Nia", "Raj", "Elif"}
	genLast     = []string{"Lee", "Stone", "Diaz", "Núñez", "Chen", "Haddad", "Patel", "Becker", "Rossi", "García", "Sato", "Müller", "Petrov", "Okafor"}
	genServices = []string{"payments-api", "checkout", "search", "identity", "billing-worker", "notifications", "ledger", "mobile-gateway"}
	genTitles   = []string{"High error rate", "Latency p99 over SLO", "Disk almost full", "Queue backlog growing", "Pod crash looping", "Certificate expires soon", "Replication lag", "5xx spike"}
)

// SynthPage is one row of a synthetic PagerDuty incident export
// (SynthWriter). Zero times and negative durations are left empty.
type SynthPage struct {
	ID, Title, Service, Urgency string
	Number                      int64
	Created, Resolved           time.Time // UTC; Resolved zero: still open
	Status                      string    // resolved, acknowledged, triggered
	AckBy, ResolvedBy           string    // names (or e-mail addresses) as the tool shows them
	AckSeconds, ResolveSeconds  int64     // < 0: none
}

// SynthWriter writes synthetic pages as a PagerDuty incident export: the
// columns of a real one, so the import reads them as it reads a user's.
// Generate (tests, benchmarks) and the demo workspaces (backend/demo) use it.
type SynthWriter struct {
	bw *bufio.Writer
	b  []byte
}

// NewSynthWriter writes the header line.
func NewSynthWriter(w io.Writer) *SynthWriter {
	bw := bufio.NewWriterSize(w, 1<<20)
	bw.WriteString("id,incident_number,title,created_at,resolved_at,status,urgency,service_name,escalation_policy_name,acknowledged_user_names,resolved_by_user_name,seconds_to_first_ack,seconds_to_resolve\n")
	return &SynthWriter{bw: bw}
}

// appendField appends s, quoted as CSV when it needs to be.
func appendField(b []byte, s string) []byte {
	if !strings.ContainsAny(s, ",\"\r\n") {
		return append(b, s...)
	}
	b = append(b, '"')
	b = append(b, strings.ReplaceAll(s, `"`, `""`)...)
	return append(b, '"')
}

// Write writes one row.
func (w *SynthWriter) Write(p *SynthPage) error {
	b := w.b[:0]
	b = appendField(b, p.ID)
	b = append(b, ',')
	b = strconv.AppendInt(b, p.Number, 10)
	b = append(b, ',')
	b = appendField(b, p.Title)
	b = append(b, ',')
	b = p.Created.UTC().AppendFormat(b, time.RFC3339)
	b = append(b, ',')
	if !p.Resolved.IsZero() {
		b = p.Resolved.UTC().AppendFormat(b, time.RFC3339)
	}
	b = append(b, ',')
	b = appendField(b, p.Status)
	b = append(b, ',')
	b = appendField(b, p.Urgency)
	b = append(b, ',')
	b = appendField(b, p.Service)
	b = append(b, ',')
	b = appendField(b, p.Service)
	b = append(b, " EP,"...)
	b = appendField(b, p.AckBy)
	b = append(b, ',')
	b = appendField(b, p.ResolvedBy)
	b = append(b, ',')
	if p.AckSeconds >= 0 {
		b = strconv.AppendInt(b, p.AckSeconds, 10)
	}
	b = append(b, ',')
	if p.ResolveSeconds >= 0 {
		b = strconv.AppendInt(b, p.ResolveSeconds, 10)
	}
	b = append(b, '\n')
	w.b = b
	_, err := w.bw.Write(b)
	return err
}

// Flush writes what is buffered.
func (w *SynthWriter) Flush() error { return w.bw.Flush() }

// Generate writes a deterministic PagerDuty-style incident export of n
// rows (the same seed, the same bytes): 224 responders, 8 services, pages
// over the two years before 2026-11-01, one in ten unacknowledged. Tests
// and scripts/bench-pages.sh use it.
func Generate(w io.Writer, n int, seed uint64) error {
	sw := NewSynthWriter(w)
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	end := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC).Unix()
	span := int64(2 * 365 * 24 * 3600)
	var p SynthPage
	for i := range n {
		p = SynthPage{ID: "P" + strconv.FormatInt(int64(1_000_000+i), 36), Number: int64(i + 1), Status: "resolved"}
		p.Service = genServices[rng.IntN(len(genServices))]
		p.Title = p.Service + ": " + genTitles[rng.IntN(len(genTitles))]
		created := end - span + rng.Int64N(span)
		ack := int64(rng.ExpFloat64()*240) + 5
		resolve := ack + int64(rng.ExpFloat64()*3600) + 60
		p.Created, p.Resolved = time.Unix(created, 0), time.Unix(created+resolve, 0)
		p.Urgency = "high"
		if rng.IntN(4) == 0 {
			p.Urgency = "low"
		}
		name := genFirst[rng.IntN(len(genFirst))] + " " + genLast[rng.IntN(len(genLast))]
		p.AckSeconds, p.ResolveSeconds, p.ResolvedBy = -1, resolve, name
		if rng.IntN(10) != 0 {
			p.AckBy, p.AckSeconds = name, ack
		}
		if err := sw.Write(&p); err != nil {
			return err
		}
	}
	return sw.Flush()
}
