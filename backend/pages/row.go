package pages

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// RowError is what is wrong with one row.
type RowError struct {
	Line    int    `json:"line"` // 1-based line of the file where the row starts
	Field   string `json:"field,omitempty"`
	Message string `json:"message"`
}

func (e *RowError) Error() string {
	if e.Field != "" {
		return fmt.Sprintf("line %d: %s: %s", e.Line, e.Field, e.Message)
	}
	return fmt.Sprintf("line %d: %s", e.Line, e.Message)
}

// build turns the values of one row into a page.
func (h *header) build(get func(i int) string, line int, def *time.Location, p *Page) *RowError {
	val := func(f Field) string {
		if i := h.col[f]; i >= 0 {
			return strings.TrimSpace(get(i))
		}
		return ""
	}
	bad := func(f Field, format string, a ...any) *RowError {
		return &RowError{Line: line, Field: FieldNames[f], Message: fmt.Sprintf(format, a...)}
	}
	zone := func(f Field) *time.Location {
		if h.zone[f] != nil {
			return h.zone[f]
		}
		return def
	}
	h.sample(get)
	*p = Page{Source: h.source}
	p.SourceID = val(FID)
	switch {
	case p.SourceID == "":
		return bad(FID, "the page has no id")
	case len(p.SourceID) > maxIDLen:
		return bad(FID, "the id is longer than %d characters", maxIDLen)
	case !utf8.ValidString(p.SourceID):
		return bad(FID, "the id is not UTF-8 text")
	}
	var err error
	s := val(FCreated)
	if s == "" {
		return bad(FCreated, "the page has no creation time")
	}
	if p.Created, err = ParseTime(s, zone(FCreated)); err != nil {
		return bad(FCreated, "%s", err)
	}
	if s := val(FAcked); s != "" {
		if p.Acknowledged, err = ParseTime(s, zone(FAcked)); err != nil {
			return bad(FAcked, "%s", err)
		}
	}
	if s := val(FResolved); s != "" {
		if p.Resolved, err = ParseTime(s, zone(FResolved)); err != nil {
			return bad(FResolved, "%s", err)
		}
	}
	secs := func(f, ms Field) (*int64, *RowError) {
		if s := val(f); s != "" {
			d, err := ParseDuration(s)
			if err != nil {
				return nil, bad(f, "%s", err)
			}
			return &d, nil
		}
		if s := val(ms); s != "" {
			v, err := strconv.ParseFloat(s, 64)
			if err != nil || v < 0 || v > 1e15 || math.IsNaN(v) {
				return nil, bad(ms, "%q is not a number of milliseconds", clip(s, 40))
			}
			d := int64(math.Round(v / 1000))
			return &d, nil
		}
		return nil, nil
	}
	var re *RowError
	if p.AckSeconds, re = secs(FAckSeconds, FAckMillis); re != nil {
		return re
	}
	if p.ResolveSeconds, re = secs(FResolveSeconds, FResolveMillis); re != nil {
		return re
	}
	// An instant or a duration: each gives the other.
	fill := func(at *time.Time, d **int64, f Field) *RowError {
		switch {
		case !at.IsZero():
			if at.Before(p.Created) {
				return bad(f, "%s is before the page was created (%s)", at.Format(time.RFC3339), p.Created.Format(time.RFC3339))
			}
			if *d == nil {
				v := int64(at.Sub(p.Created).Round(time.Second) / time.Second)
				*d = &v
			}
		case *d != nil:
			*at = p.Created.Add(time.Duration(**d) * time.Second)
		}
		return nil
	}
	if re := fill(&p.Acknowledged, &p.AckSeconds, FAcked); re != nil {
		return re
	}
	if re := fill(&p.Resolved, &p.ResolveSeconds, FResolved); re != nil {
		return re
	}
	p.Number = clip(val(FNumber), maxTextLen)
	p.Title = clip(val(FTitle), maxTitleLen)
	p.Service = clip(val(FService), maxTextLen)
	p.Team = clip(val(FTeam), maxTextLen)
	p.EscalationPolicy = clip(val(FPolicy), maxTextLen)
	p.Status = clip(strings.ToLower(val(FStatus)), 40)
	p.Urgency = clip(val(FUrgency), 40)
	p.AckBy = clip(val(FAckUser), maxTextLen)
	p.ResolvedBy = clip(val(FResolveUser), maxTextLen)
	p.Assigned = clip(val(FAssigned), maxTextLen)
	return nil
}

// clip cuts s to at most n bytes, on a rune boundary, and makes it valid UTF-8.
func clip(s string, n int) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}
