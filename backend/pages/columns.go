package pages

import (
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

	// lenient reads a header without an id or creation column (to show
	// the columns of a file that needs mapping).
	lenient bool
}

// header is how the columns of a file map to fields.
type header struct {
	col    [numFields]int            // column index per field, -1 when absent
	zone   [numFields]*time.Location // the zone a column header names ("Created At (Europe/Berlin)")
	source string
	names  []string // the columns as in the file
	mapped []bool   // per column: named by ParseOptions.Map (a field or ignore)

	samples []string // per column, the first value seen in the first rows
	sampled int      // rows sampled so far
}

// maxSampled bounds the rows looked at for samples.
const maxSampled = 50

// sample remembers the first non-empty value of each column.
func (h *header) sample(get func(i int) string) {
	if h.sampled >= maxSampled {
		return
	}
	h.sampled++
	if h.samples == nil {
		h.samples = make([]string, len(h.names))
	}
	for i := range h.samples {
		if h.samples[i] == "" {
			h.samples[i] = clip(strings.TrimSpace(get(i)), 80)
		}
	}
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
	h := &header{names: names, mapped: make([]bool, len(names))}
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
		h.mapped[i] = true
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
	if opt.lenient {
		return h, nil
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
