package incident

import (
	"encoding/binary"
	"fmt"
	"time"

	"wheelhouse/backend/id"
	"wheelhouse/backend/store"
)

// Summary is what lists, metrics and patterns need of an incident. It is
// kept in a covering index (store.IdxIncidentSummary): the key holds the
// start time and the summary itself, so listing or computing metrics over
// thousands of incidents reads keys only and decodes no JSON.
type Summary struct {
	ID             id.ID       `json:"id" ts_type:"string"`
	Title          string      `json:"title"`
	Severity       int         `json:"severity"`
	Status         Status      `json:"status"`
	StartedAt      time.Time   `json:"startedAt" ts_type:"string"`
	DetectedAt     time.Time   `json:"detectedAt,omitzero" ts_type:"string"`
	AcknowledgedAt time.Time   `json:"acknowledgedAt,omitzero" ts_type:"string"`
	MitigatedAt    time.Time   `json:"mitigatedAt,omitzero" ts_type:"string"`
	ResolvedAt     time.Time   `json:"resolvedAt,omitzero" ts_type:"string"`
	CommanderID    id.ID       `json:"commanderId,omitzero" ts_type:"string"`
	ServiceIDs     []id.ID     `json:"serviceIds" ts_type:"string[]"`
	Tags           []string    `json:"tags"`
	Escalated      bool        `json:"escalated"` // IsEscalated: severity raised, or flagged
	ReviewState    ReviewState `json:"reviewState"`
	ReviewDue      string      `json:"reviewDue,omitempty"`
}

// Summarize makes the summary of an incident.
func (in *Incident) Summarize() Summary {
	return Summary{ID: in.ID, Title: in.Title, Severity: in.Severity, Status: in.Status,
		StartedAt: in.StartedAt, DetectedAt: in.DetectedAt, AcknowledgedAt: in.AcknowledgedAt,
		MitigatedAt: in.MitigatedAt, ResolvedAt: in.ResolvedAt, CommanderID: in.CommanderID,
		ServiceIDs: append([]id.ID{}, in.AffectedServiceIDs...), Tags: append([]string{}, in.Tags...),
		Escalated: in.IsEscalated(), ReviewState: in.Review.State, ReviewDue: in.Review.DueDate}
}

// summaryVersion is the first byte of an encoded summary.
const summaryVersion = 1

// summaryTerm is the index term: start time, then the encoded summary.
func summaryTerm(in *Incident) []byte {
	s := in.Summarize()
	return append(store.Term(s.StartedAt), encodeSummary(&s)...)
}

func encodeSummary(s *Summary) []byte {
	b := make([]byte, 0, 96+len(s.Title)+16*len(s.ServiceIDs))
	var flags byte
	if s.Escalated {
		flags |= 1
	}
	b = append(b, summaryVersion, byte(s.Severity), byte(s.Status.rank()), byte(reviewRank(s.ReviewState)), flags)
	for _, t := range []time.Time{s.DetectedAt, s.AcknowledgedAt, s.MitigatedAt, s.ResolvedAt} {
		var n int64
		if !t.IsZero() {
			n = t.UnixNano()
		}
		b = binary.BigEndian.AppendUint64(b, uint64(n))
	}
	b = append(b, s.CommanderID[:]...)
	b = append(b, byte(len(s.ReviewDue)))
	b = append(b, s.ReviewDue...)
	b = append(b, byte(len(s.ServiceIDs)))
	for _, u := range s.ServiceIDs {
		b = append(b, u[:]...)
	}
	b = append(b, byte(len(s.Tags)))
	for _, t := range s.Tags {
		b = append(b, byte(len(t)))
		b = append(b, t...)
	}
	b = binary.BigEndian.AppendUint16(b, uint16(len(s.Title)))
	return append(b, s.Title...)
}

func reviewRank(s ReviewState) int {
	for i, x := range ReviewStates {
		if x == s {
			return i
		}
	}
	return 0
}

// decodeSummaryKey reads a summary index key: prefix | started(8) | summary | id(16).
func decodeSummaryKey(k []byte) (Summary, error) {
	var s Summary
	bad := func(what string) (Summary, error) {
		return s, fmt.Errorf("incident: malformed summary index key (%s) %x", what, k)
	}
	if len(k) < 1+8+5+32+16+1+1+1+2+16 {
		return bad("short")
	}
	copy(s.ID[:], k[len(k)-16:])
	s.StartedAt = time.Unix(0, int64(binary.BigEndian.Uint64(k[1:9])^(1<<63))).UTC()
	b := k[9 : len(k)-16]
	if b[0] != summaryVersion {
		return bad("version")
	}
	s.Severity = int(b[1])
	if int(b[2]) >= len(Workflow) || int(b[3]) >= len(ReviewStates) {
		return bad("status")
	}
	s.Status, s.ReviewState, s.Escalated = Workflow[b[2]], ReviewStates[b[3]], b[4]&1 != 0
	b = b[5:]
	for _, t := range []*time.Time{&s.DetectedAt, &s.AcknowledgedAt, &s.MitigatedAt, &s.ResolvedAt} {
		if n := int64(binary.BigEndian.Uint64(b)); n != 0 {
			*t = time.Unix(0, n).UTC()
		}
		b = b[8:]
	}
	copy(s.CommanderID[:], b[:16])
	b = b[16:]
	take := func(n int) ([]byte, bool) {
		if len(b) < n {
			return nil, false
		}
		out := b[:n]
		b = b[n:]
		return out, true
	}
	n, ok := take(1)
	if !ok {
		return bad("due")
	}
	due, ok := take(int(n[0]))
	if !ok {
		return bad("due")
	}
	s.ReviewDue = string(due)
	if n, ok = take(1); !ok {
		return bad("services")
	}
	s.ServiceIDs = make([]id.ID, n[0])
	for i := range s.ServiceIDs {
		u, ok := take(16)
		if !ok {
			return bad("services")
		}
		copy(s.ServiceIDs[i][:], u)
	}
	if n, ok = take(1); !ok {
		return bad("tags")
	}
	s.Tags = make([]string, n[0])
	for i := range s.Tags {
		l, ok := take(1)
		if !ok {
			return bad("tags")
		}
		t, ok := take(int(l[0]))
		if !ok {
			return bad("tags")
		}
		s.Tags[i] = string(t)
	}
	l, ok := take(2)
	if !ok {
		return bad("title")
	}
	t, ok := take(int(binary.BigEndian.Uint16(l)))
	if !ok || len(b) != 0 {
		return bad("title")
	}
	s.Title = string(t)
	return s, nil
}
