package pages

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"wheelhouse/backend/errs"
	"wheelhouse/backend/tz"
)

// Field is a page attribute a column of an export can hold.
type Field int

// The fields, in the order of FieldNames.
const (
	FID Field = iota
	FNumber
	FTitle
	FService
	FTeam
	FPolicy
	FCreated
	FAcked
	FResolved
	FAckSeconds
	FResolveSeconds
	FAckMillis
	FResolveMillis
	FStatus
	FUrgency
	FAckUser
	FResolveUser
	FAssigned
	numFields
	fIgnore Field = -1
)

// FieldNames are the names --map accepts (COL=FIELD); "ignore" drops a column.
var FieldNames = [numFields]string{
	"id", "number", "title", "service", "team", "escalation_policy", "created", "acknowledged", "resolved",
	"ack_seconds", "resolve_seconds", "ack_ms", "resolve_ms", "status", "urgency", "ack_user", "resolve_user", "assigned",
}

// ParseField reads a field name of --map.
func ParseField(s string) (Field, bool) {
	k := normHeader(s)
	if k == "ignore" {
		return fIgnore, true
	}
	for i, n := range FieldNames {
		if normHeader(n) == k {
			return Field(i), true
		}
	}
	return 0, false
}

// synonyms lists, per field, the (normalized: lower-case letters and digits)
// column names that hold it, best first. Normalizing makes created_at,
// createdAt and "Created At (Europe/Berlin)" the same name; a JSON object's
// nested fields are flattened with their parent's name in front
// (service.summary: servicesummary).
var synonyms = [numFields][]string{
	FID:             {"id", "incidentid", "alertid", "alertgroupid", "uuid", "tinyid", "alias", "incidentnumber", "number", "key"},
	FNumber:         {"incidentnumber", "number", "tinyid"},
	FTitle:          {"title", "summary", "description", "message", "incidenttitle", "alertname", "name"},
	FService:        {"servicename", "service", "servicesummary", "affectedservice", "servicenames"},
	FTeam:           {"teamname", "team", "teams", "teamnames", "teamsummary", "ownerteam"},
	FPolicy:         {"escalationpolicyname", "escalationpolicy", "escalationpolicysummary", "escalationchain"},
	FCreated:        {"createdat", "created", "createdon", "createdtime", "triggeredat", "startedat", "starttime", "openedat", "opened"},
	FAcked:          {"acknowledgedat", "ackedat", "acknowledgedon", "firstacknowledgedat", "firstackat", "acktimestamp"},
	FResolved:       {"resolvedat", "closedat", "resolvedon", "closedon", "endedat", "endtime"},
	FAckSeconds:     {"secondstofirstack", "secondstoack", "timetoack", "timetofirstack", "timetoacknowledge", "ttaseconds", "tta"},
	FResolveSeconds: {"secondstoresolve", "secondstoclose", "timetoclose", "timetoresolve", "ttrseconds", "ttr"},
	FAckMillis:      {"reportacktime", "acktime"},
	FResolveMillis:  {"reportclosetime", "closetime"},
	FStatus:         {"status", "state", "currentstatus"},
	FUrgency:        {"urgency", "priority", "severity"},
	FAckUser: {"acknowledgedusernames", "acknowledgedusername", "acknowledgedby", "acknowledgedbyname", "acknowledgedbyuser",
		"acknowledgedbyusername", "acknowledger", "ackedby", "reportacknowledgedby", "firstacknowledgedby", "acknowledgements"},
	FResolveUser: {"resolvedbyusername", "resolvedbyusernames", "resolvedby", "resolvedbyuser", "closedby", "reportclosedby"},
	FAssigned:    {"assignedusernames", "assignments", "assignedto", "assignee", "assignees", "assignedusers", "owner"},
}

// Sources of pages.
const (
	SourceAuto      = "auto"
	SourcePagerDuty = "pagerduty"
	SourceOpsgenie  = "opsgenie"
	SourceGrafana   = "grafana"
	SourceGoAlert   = "goalert"
	SourceGeneric   = "csv" // any other export, by its column names (and --map)
)

// Sources are the values of --source.
var Sources = []string{SourceAuto, SourcePagerDuty, SourceOpsgenie, SourceGrafana, SourceGoAlert, SourceGeneric}

// Limits of a page's text; longer text is cut, a longer id refused.
const (
	maxIDLen    = 200
	maxTitleLen = 1000
	maxTextLen  = 300
)

// ParseOptions say how to read an export.
type ParseOptions struct {
	Source string           // one of Sources; "" is auto
	Map    map[string]Field // column name (as in the file, or normalized) -> field; overrides the synonyms
	Zone   *time.Location   // zone of times that name none (in the value or the column header); nil is UTC
}

// header is how the columns of a file map to fields.
type header struct {
	col    [numFields]int            // column index per field, -1 when absent
	zone   [numFields]*time.Location // the zone a column header names ("Created At (Europe/Berlin)")
	source string
	names  []string // the columns as in the file
}

// normHeader keeps the lower-cased letters and digits of a column name,
// after removing a trailing "(zone)".
func normHeader(s string) string {
	s, _ = splitHeaderZone(s)
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
		case r >= 'A' && r <= 'Z':
			b.WriteRune(r + 'a' - 'A')
		case r > utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// splitHeaderZone splits "Created At (Europe/Berlin)" into the name and the
// zone in parentheses ("" when there is none or it names no zone).
func splitHeaderZone(s string) (string, string) {
	s = strings.TrimSpace(strings.TrimPrefix(s, "\ufeff"))
	if !strings.HasSuffix(s, ")") {
		return s, ""
	}
	i := strings.LastIndexByte(s, '(')
	if i < 0 {
		return s, ""
	}
	return strings.TrimSpace(s[:i]), strings.TrimSpace(s[i+1 : len(s)-1])
}

// loadZone reads a zone name: IANA, UTC/GMT/Z, or a fixed offset like
// +01:00, UTC+1 or GMT-05:30.
func loadZone(s string) (*time.Location, bool) {
	s = strings.TrimSpace(s)
	switch strings.ToUpper(s) {
	case "UTC", "GMT", "Z":
		return time.UTC, true
	}
	if loc, ok := tz.Load(s); ok && s != "" && s != "Local" {
		return loc, true
	}
	u := strings.ToUpper(s)
	u = strings.TrimPrefix(strings.TrimPrefix(u, "UTC"), "GMT")
	if len(u) < 2 || (u[0] != '+' && u[0] != '-') {
		return nil, false
	}
	sign := 1
	if u[0] == '-' {
		sign = -1
	}
	hh, mm, _ := strings.Cut(u[1:], ":")
	if mm == "" && len(hh) == 4 {
		hh, mm = hh[:2], hh[2:]
	}
	h, err1 := strconv.Atoi(hh)
	m := 0
	var err2 error
	if mm != "" {
		m, err2 = strconv.Atoi(mm)
	}
	if err1 != nil || err2 != nil || h > 14 || m > 59 {
		return nil, false
	}
	return time.FixedZone("UTC"+s[len(s)-len(u):], sign*(h*3600+m*60)), true
}

// newHeader maps the columns of a file to fields: --map first, then the
// synonyms (the best-ranked column wins), and detects the source.
func newHeader(names []string, opt ParseOptions) (*header, error) {
	h := &header{names: names}
	for i := range h.col {
		h.col[i] = -1
	}
	norm := make([]string, len(names))
	zoned := false
	taken := map[int]bool{}
	for i, n := range names {
		norm[i] = normHeader(n)
		if _, z := splitHeaderZone(n); z != "" {
			zoned = true
		}
	}
	for col, f := range opt.Map {
		i := indexOf(names, norm, col)
		if i < 0 {
			return nil, errs.E(errs.Invalid, "--map names the column %q, which the file does not have (its columns: %s).", col, strings.Join(names, ", "))
		}
		taken[i] = true
		if f != fIgnore {
			h.col[f] = i
		}
	}
	for f := range numFields {
		if h.col[f] >= 0 {
			continue
		}
		best := -1
		for i, n := range norm {
			if taken[i] {
				continue
			}
			if r := rank(synonyms[f], n); r >= 0 && (best < 0 || r < rank(synonyms[f], norm[best])) {
				best = i
			}
		}
		h.col[f] = best
	}
	for f := range numFields {
		if i := h.col[f]; i >= 0 {
			if _, z := splitHeaderZone(names[i]); z != "" {
				loc, ok := loadZone(z)
				if !ok {
					return nil, errs.E(errs.Invalid, "The column %q names the time zone %q, which Wheelhouse does not know.", names[i], z)
				}
				h.zone[f] = loc
			}
		}
	}
	h.source = opt.Source
	if h.source == "" || h.source == SourceAuto {
		h.source = detect(norm, zoned)
	}
	if h.col[FID] < 0 {
		return nil, errs.E(errs.Invalid, "No column holds the page's id (id, incident_number, tinyId, Alert ID …); name it with --map COLUMN=id. The columns: %s.", strings.Join(names, ", "))
	}
	if h.col[FCreated] < 0 {
		return nil, errs.E(errs.Invalid, "No column holds when the page was created (created_at, createdAt, Created At …); name it with --map COLUMN=created. The columns: %s.", strings.Join(names, ", "))
	}
	return h, nil
}

func indexOf(names, norm []string, col string) int {
	for i, n := range names {
		if strings.TrimSpace(n) == strings.TrimSpace(col) {
			return i
		}
	}
	k := normHeader(col)
	for i, n := range norm {
		if n == k {
			return i
		}
	}
	return -1
}

func rank(list []string, n string) int {
	for i, s := range list {
		if s == n {
			return i
		}
	}
	return -1
}

// detect names the tool that wrote a file from its columns.
func detect(norm []string, zoned bool) string {
	has := map[string]bool{}
	for _, n := range norm {
		has[n] = true
	}
	hasAny := func(ks ...string) bool {
		for _, k := range ks {
			if has[k] {
				return true
			}
		}
		return false
	}
	switch {
	case hasAny("alertid") && (zoned || hasAny("timetoack", "timetoclose", "closedat")):
		return SourceGoAlert
	case hasAny("tinyid") || has["alias"] && has["message"]:
		return SourceOpsgenie
	case hasAny("incidentnumber", "urgency", "escalationpolicyname", "escalationpolicy", "secondstofirstack", "assignedusernames", "acknowledgedusernames"):
		return SourcePagerDuty
	case has["acknowledgedby"] && has["resolvedby"] || hasAny("alertscount", "alertgroupid", "permalinks"):
		return SourceGrafana
	}
	return SourceGeneric
}

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

// Earliest and latest instants a page may carry.
var (
	minTime = time.Date(1990, 1, 1, 0, 0, 0, 0, time.UTC)
	maxTime = time.Date(2200, 1, 1, 0, 0, 0, 0, time.UTC)
)

var naiveLayouts = []string{
	"2006-01-02T15:04:05.999999999",
	"2006-01-02 15:04:05.999999999",
	"2006-01-02T15:04",
	"2006-01-02 15:04",
	"2006/01/02 15:04:05",
	"2006/01/02 15:04",
	"01/02/2006 15:04:05",
	"01/02/2006 15:04",
	"1/2/2006 3:04:05 PM",
	"1/2/2006 3:04 PM",
	"Jan 2, 2006 15:04:05",
	"Jan 2, 2006 3:04:05 PM",
	"2006-01-02",
}

var zonedLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05.999999999Z0700",
	"2006-01-02 15:04:05.999999999Z07:00",
	"2006-01-02 15:04:05.999999999 -0700",
	"2006-01-02 15:04:05.999999999 -07:00",
	"2006-01-02 15:04:05.999999999 -0700 MST",
	time.RFC1123Z,
	time.RFC1123,
}

// ParseTime reads an instant: RFC 3339 and ISO 8601 forms with Z or an
// offset, the same with a zone name after them ("2026-11-02 10:00:00
// Europe/Berlin", "… UTC"), Unix seconds or milliseconds, or a wall time
// without a zone, which is in loc (nil: UTC).
func ParseTime(s string, loc *time.Location) (time.Time, error) {
	if loc == nil {
		loc = time.UTC
	}
	t, err := parseTime(strings.TrimSpace(s), loc)
	if err != nil {
		return t, err
	}
	if t.Before(minTime) || !t.Before(maxTime) {
		return time.Time{}, fmt.Errorf("%q is not between 1990 and 2200", clip(s, 60))
	}
	return t.UTC(), nil
}

func parseTime(s string, loc *time.Location) (time.Time, error) {
	// The common case first: 2026-11-02T10:00:00Z, …+01:00, with fractions.
	if len(s) >= 20 && s[10] == 'T' {
		if t, err := time.Parse(time.RFC3339Nano, s); err == nil {
			return t, nil
		}
	}
	if isDigits(s) {
		n, err := strconv.ParseInt(s, 10, 64)
		if err == nil && len(s) >= 9 {
			if len(s) >= 12 { // milliseconds
				return time.UnixMilli(n), nil
			}
			return time.Unix(n, 0), nil
		}
	}
	for _, l := range zonedLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t, nil
		}
	}
	// A zone name at the end: "2026-11-02 10:00:00 Europe/Berlin".
	if i := strings.LastIndexByte(s, ' '); i > 0 {
		if z, ok := loadZone(s[i+1:]); ok {
			loc, s = z, strings.TrimSpace(s[:i])
		}
	}
	for _, l := range naiveLayouts {
		if t, err := time.ParseInLocation(l, s, loc); err == nil {
			return firstOf(t, loc), nil
		}
	}
	return time.Time{}, fmt.Errorf("%q is not a time Wheelhouse reads (like 2026-11-02T10:00:00Z)", clip(s, 60))
}

// firstOf is the first of the two instants a wall time names in a
// fall-back overlap (as tz.WallTime decides for handoffs); Go may pick
// either.
func firstOf(t time.Time, loc *time.Location) time.Time {
	for _, d := range []time.Duration{time.Hour, 30 * time.Minute} {
		e := t.Add(-d).In(loc)
		if e.Hour() == t.Hour() && e.Minute() == t.Minute() && e.Day() == t.Day() {
			return e
		}
	}
	return t
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// maxDuration bounds a time to acknowledge or resolve: ten years.
const maxDuration = 10 * 366 * 24 * 3600

// ParseDuration reads a duration in whole seconds: a number of seconds
// ("93", "93.4"), hh:mm:ss or d.hh:mm:ss or "2d 01:02:03" ("01:32:05"), or a
// Go duration ("1h32m5s").
func ParseDuration(s string) (int64, error) {
	s = strings.TrimSpace(s)
	if isDigits(s) && len(s) < 10 { // the common case: whole seconds
		v, _ := strconv.Atoi(s)
		if v <= maxDuration {
			return int64(v), nil
		}
	}
	bad := errBadDuration(s)
	var secs float64
	if v, err := strconv.ParseFloat(s, 64); err == nil {
		secs = v
	} else if strings.Count(s, ":") == 2 {
		days := 0.0
		rest := s
		if i := strings.IndexAny(rest, ". d"); i > 0 && i < strings.IndexByte(rest, ':') {
			d, err := strconv.Atoi(rest[:i])
			if err != nil {
				return 0, bad
			}
			days = float64(d)
			rest = strings.TrimLeft(rest[i:], ". d")
		}
		parts := strings.Split(rest, ":")
		h, e1 := strconv.Atoi(parts[0])
		m, e2 := strconv.Atoi(parts[1])
		sec, e3 := strconv.ParseFloat(parts[2], 64)
		if e1 != nil || e2 != nil || e3 != nil || h < 0 || m < 0 || m > 59 || sec < 0 || sec >= 60 {
			return 0, bad
		}
		secs = days*86400 + float64(h)*3600 + float64(m)*60 + sec
	} else if d, err := time.ParseDuration(s); err == nil {
		secs = d.Seconds()
	} else {
		return 0, bad
	}
	if math.IsNaN(secs) || secs < 0 || secs > maxDuration {
		return 0, fmt.Errorf("%q is not a duration between 0 and ten years", clip(s, 40))
	}
	return int64(math.Round(secs)), nil
}

type errBadDuration string

func (e errBadDuration) Error() string {
	return fmt.Sprintf("%q is not a duration (seconds, hh:mm:ss or 1h2m3s)", clip(string(e), 40))
}

// rows reads the rows of an export, CSV or JSON, one at a time.
type rows interface {
	// next fills p from the next row. It returns io.EOF at the end, a
	// *RowError for a row it cannot read (the rest can still be read), or
	// another error for a file it cannot go on reading.
	next(p *Page) error
	header() *header
}

// maxLineBytes bounds one CSV record or JSON item.
const maxLineBytes = 1 << 20

// newRows starts reading an export: JSON when its first character is [ or
// {, CSV otherwise.
func newRows(r io.Reader, opt ParseOptions) (rows, error) {
	br := bufio.NewReaderSize(r, 256<<10)
	// Skip a byte-order mark and white space to see the first character.
	for {
		b, err := br.Peek(1)
		if err != nil {
			return nil, errs.E(errs.Invalid, "The file is empty.")
		}
		if b[0] == ' ' || b[0] == '\t' || b[0] == '\r' || b[0] == '\n' {
			_, _ = br.ReadByte()
			continue
		}
		if bom, _ := br.Peek(3); bytes.Equal(bom, []byte("\xef\xbb\xbf")) {
			_, _ = br.Discard(3)
			continue
		}
		if b[0] == '[' || b[0] == '{' {
			return newJSONRows(br, opt)
		}
		return newCSVRows(br, opt)
	}
}

type csvRows struct {
	r   *csv.Reader
	h   *header
	def *time.Location
}

func newCSVRows(br *bufio.Reader, opt ParseOptions) (rows, error) {
	first, _ := br.Peek(4096)
	cr := csv.NewReader(br)
	if line, _, _ := bytes.Cut(first, []byte("\n")); bytes.Count(line, []byte(";")) > bytes.Count(line, []byte(",")) {
		cr.Comma = ';' // exports from spreadsheets in locales with a decimal comma
	} else if bytes.Count(line, []byte("\t")) > bytes.Count(line, []byte(",")) {
		cr.Comma = '\t'
	}
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	names, err := cr.Read()
	if err != nil {
		return nil, csvError(err)
	}
	names = append([]string(nil), names...)
	h, err := newHeader(names, opt)
	if err != nil {
		return nil, err
	}
	return &csvRows{r: cr, h: h, def: opt.Zone}, nil
}

func csvError(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return errs.E(errs.Invalid, "Line %d is not valid CSV (%v); nothing was imported.", pe.StartLine, pe.Err)
	}
	if errors.Is(err, io.EOF) {
		return errs.E(errs.Invalid, "The file is empty.")
	}
	return errs.E(errs.Invalid, "Cannot read the file: %v", err)
}

func (c *csvRows) header() *header { return c.h }

func (c *csvRows) next(p *Page) error {
	for {
		rec, err := c.r.Read()
		if err == io.EOF {
			return err
		}
		if err != nil {
			return csvError(err)
		}
		line, _ := c.r.FieldPos(0)
		if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
			continue // a blank line
		}
		for _, f := range rec {
			if len(f) > maxLineBytes {
				return &RowError{Line: line, Message: "a value is longer than 1 MB"}
			}
		}
		if re := c.h.build(func(i int) string {
			if i < len(rec) {
				return rec[i]
			}
			return ""
		}, line, c.def, p); re != nil {
			return re
		}
		return nil
	}
}

// jsonRows reads an array of objects, at the top or under a key of the top
// object ("incidents", "alerts", "data", "results", …), one item at a time.
type jsonRows struct {
	dec   *json.Decoder
	lines *lineCounter
	h     *header
	opt   ParseOptions
	first map[string]string // the first item, read to find the columns
	line  int
	done  bool
}

// lineCounter remembers the bytes a decoder has read but not yet consumed,
// so the line where an item starts can be counted.
type lineCounter struct {
	r    io.Reader
	buf  []byte
	base int64 // offset of buf[0]
	line int   // newlines before base
}

func (l *lineCounter) Read(p []byte) (int, error) {
	n, err := l.r.Read(p)
	l.buf = append(l.buf, p[:n]...)
	return n, err
}

// lineAt returns the 1-based line of offset off and forgets what is before it.
func (l *lineCounter) lineAt(off int64) int {
	k := int(off - l.base)
	if k < 0 || k > len(l.buf) {
		return l.line + 1
	}
	l.line += bytes.Count(l.buf[:k], []byte("\n"))
	l.buf = append(l.buf[:0], l.buf[k:]...)
	l.base = off
	return l.line + 1
}

func newJSONRows(br *bufio.Reader, opt ParseOptions) (rows, error) {
	lc := &lineCounter{r: br}
	j := &jsonRows{dec: json.NewDecoder(lc), lines: lc, opt: opt}
	j.dec.UseNumber()
	tok, err := j.dec.Token()
	if err != nil {
		return nil, jsonError(err, lc)
	}
	if tok == json.Delim('{') {
		// Find the array of items among the top object's keys.
		found := false
		for j.dec.More() {
			k, err := j.dec.Token()
			if err != nil {
				return nil, jsonError(err, lc)
			}
			key, _ := k.(string)
			switch strings.ToLower(key) {
			case "incidents", "alerts", "data", "results", "alert_groups", "alertgroups", "items", "pages", "log_entries":
				if t, err := j.dec.Token(); err != nil || t != json.Delim('[') {
					return nil, errs.E(errs.Invalid, "%q is not a list of pages.", key)
				}
				found = true
			default:
				var skip json.RawMessage
				if err := j.dec.Decode(&skip); err != nil {
					return nil, jsonError(err, lc)
				}
				continue
			}
			break
		}
		if !found {
			return nil, errs.E(errs.Invalid, "The JSON file holds no list of pages (an array, or one under \"incidents\", \"alerts\", \"data\" or \"results\").")
		}
	} else if tok != json.Delim('[') {
		return nil, errs.E(errs.Invalid, "The JSON file is not a list of pages.")
	}
	// The first item names the columns.
	item, line, err := j.item()
	if err != nil && err != io.EOF {
		if re, ok := err.(*RowError); ok {
			return nil, errs.E(errs.Invalid, "%s", re.Error())
		}
		return nil, err
	}
	names := make([]string, 0, len(item))
	for k := range item {
		names = append(names, k)
	}
	sort.Strings(names)
	if err == io.EOF {
		j.done = true
		names = []string{"id", "created_at"}
	}
	if j.h, err = newHeader(names, opt); err != nil {
		return nil, err
	}
	j.first, j.line = item, line
	return j, nil
}

func jsonError(err error, lc *lineCounter) error {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return errs.E(errs.Invalid, "Line %d is not valid JSON (%v); nothing was imported.", lc.lineAt(se.Offset), se)
	}
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return errs.E(errs.Invalid, "The JSON file is cut short; nothing was imported.")
	}
	return errs.E(errs.Invalid, "Cannot read the JSON file: %v", err)
}

// item reads the next item as flat columns.
func (j *jsonRows) item() (map[string]string, int, error) {
	if !j.dec.More() {
		if _, err := j.dec.Token(); err != nil {
			return nil, 0, jsonError(err, j.lines)
		}
		return nil, 0, io.EOF
	}
	var raw json.RawMessage
	if err := j.dec.Decode(&raw); err != nil {
		return nil, 0, jsonError(err, j.lines)
	}
	end := j.dec.InputOffset()
	line := j.lines.lineAt(end - int64(len(raw)))
	if len(raw) > maxLineBytes {
		return nil, line, &RowError{Line: line, Message: "the item is longer than 1 MB"}
	}
	var obj map[string]any
	d := json.NewDecoder(bytes.NewReader(raw))
	d.UseNumber()
	if err := d.Decode(&obj); err != nil || obj == nil {
		return nil, line, &RowError{Line: line, Message: "the item is not a JSON object"}
	}
	flat := map[string]string{}
	for k, v := range obj {
		flat[k] = textOf(v, 0)
		if m, ok := v.(map[string]any); ok {
			for k2, v2 := range m {
				flat[k+"."+k2] = textOf(v2, 0)
			}
		}
	}
	return flat, line, nil
}

// textOf is a JSON value as the text of a column: a string as is, a number
// as written, an object by its name (summary, name, …), a list joined with
// ", ".
func textOf(v any, depth int) string {
	if depth > 4 {
		return ""
	}
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case json.Number:
		return x.String()
	case bool:
		return strconv.FormatBool(x)
	case []any:
		parts := make([]string, 0, len(x))
		for _, e := range x {
			if s := textOf(e, depth+1); s != "" {
				parts = append(parts, s)
			}
		}
		return strings.Join(parts, ", ")
	case map[string]any:
		for _, k := range []string{"summary", "name", "username", "display_name", "full_name", "email", "acknowledger", "assignee", "user", "title"} {
			if e, ok := x[k]; ok {
				if s := textOf(e, depth+1); s != "" {
					return s
				}
			}
		}
	}
	return ""
}

func (j *jsonRows) header() *header { return j.h }

func (j *jsonRows) next(p *Page) error {
	if j.done {
		return io.EOF
	}
	item, line := j.first, j.line
	if item == nil {
		var err error
		if item, line, err = j.item(); err != nil {
			if err == io.EOF {
				j.done = true
			}
			return err
		}
	}
	j.first = nil
	h := j.h
	if !sameKeys(item, h.names) {
		names := make([]string, 0, len(item))
		for k := range item {
			names = append(names, k)
		}
		sort.Strings(names)
		opt := j.opt
		opt.Source = j.h.source
		nh, err := newHeader(names, opt)
		if err != nil {
			return &RowError{Line: line, Message: errs.MessageOf(err)}
		}
		h = nh
	}
	return asRowErr(h.build(func(i int) string { return item[h.names[i]] }, line, j.opt.Zone, p))
}

func asRowErr(re *RowError) error {
	if re == nil {
		return nil
	}
	return re
}

func sameKeys(item map[string]string, names []string) bool {
	if len(item) != len(names) {
		return false
	}
	for _, n := range names {
		if _, ok := item[n]; !ok {
			return false
		}
	}
	return true
}

// Read streams the rows of an export to fn: each good row as a page (reused
// between calls), each bad row as its error. It returns the source the
// file's columns name (or opt.Source), and an Invalid error for a file it
// cannot read to the end.
func Read(r io.Reader, opt ParseOptions, fn func(p *Page, bad *RowError) error) (source string, err error) {
	rs, err := newRows(r, opt)
	if err != nil {
		return "", err
	}
	var p Page
	for {
		err := rs.next(&p)
		if err == io.EOF {
			return rs.header().source, nil
		}
		var re *RowError
		if errors.As(err, &re) {
			if err := fn(nil, re); err != nil {
				return "", err
			}
			continue
		}
		if err != nil {
			return "", err
		}
		if err := fn(&p, nil); err != nil {
			return "", err
		}
	}
}
