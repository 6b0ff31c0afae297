package pages

import (
	"bufio"
	"io"
	"math/rand/v2"
	"strconv"
	"time"
)

var (
	genFirst    = []string{"Ann", "Bob", "Carla", "José", "Mei", "Omar", "Priya", "Lukas", "Sofia", "Tomás", "Yuki", "Zoë", "Ivan", "Nia", "Raj", "Elif"}
	genLast     = []string{"Lee", "Stone", "Diaz", "Núñez", "Chen", "Haddad", "Patel", "Becker", "Rossi", "García", "Sato", "Müller", "Petrov", "Okafor"}
	genServices = []string{"payments-api", "checkout", "search", "identity", "billing-worker", "notifications", "ledger", "mobile-gateway"}
	genTitles   = []string{"High error rate", "Latency p99 over SLO", "Disk almost full", "Queue backlog growing", "Pod crash looping", "Certificate expires soon", "Replication lag", "5xx spike"}
)

// Generate writes a deterministic PagerDuty-style incident export of n
// rows (the same seed, the same bytes): 224 responders, 8 services, pages
// over the two years before 2026-11-01, one in ten unacknowledged. Tests
// and scripts/bench-pages.sh use it.
func Generate(w io.Writer, n int, seed uint64) error {
	bw := bufio.NewWriterSize(w, 1<<20)
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	bw.WriteString("id,incident_number,title,created_at,resolved_at,status,urgency,service_name,escalation_policy_name,acknowledged_user_names,resolved_by_user_name,seconds_to_first_ack,seconds_to_resolve\n")
	end := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC).Unix()
	span := int64(2 * 365 * 24 * 3600)
	var b []byte
	for i := range n {
		b = b[:0]
		b = append(b, 'P')
		b = strconv.AppendInt(b, int64(1_000_000+i), 36)
		b = append(b, ',')
		b = strconv.AppendInt(b, int64(i+1), 10)
		b = append(b, ',')
		svc := genServices[rng.IntN(len(genServices))]
		b = append(b, svc...)
		b = append(b, ": "...)
		b = append(b, genTitles[rng.IntN(len(genTitles))]...)
		b = append(b, ',')
		created := end - span + rng.Int64N(span)
		b = time.Unix(created, 0).UTC().AppendFormat(b, time.RFC3339)
		b = append(b, ',')
		ack := int64(rng.ExpFloat64()*240) + 5
		resolve := ack + int64(rng.ExpFloat64()*3600) + 60
		b = time.Unix(created+resolve, 0).UTC().AppendFormat(b, time.RFC3339)
		b = append(b, ",resolved,"...)
		if rng.IntN(4) == 0 {
			b = append(b, "low,"...)
		} else {
			b = append(b, "high,"...)
		}
		b = append(b, svc...)
		b = append(b, ',')
		b = append(b, svc...)
		b = append(b, " EP,"...)
		name := genFirst[rng.IntN(len(genFirst))] + " " + genLast[rng.IntN(len(genLast))]
		acked := rng.IntN(10) != 0
		if acked {
			b = append(b, name...)
		}
		b = append(b, ',')
		b = append(b, name...)
		b = append(b, ',')
		if acked {
			b = strconv.AppendInt(b, ack, 10)
		}
		b = append(b, ',')
		b = strconv.AppendInt(b, resolve, 10)
		b = append(b, '\n')
		if _, err := bw.Write(b); err != nil {
			return err
		}
	}
	return bw.Flush()
}
