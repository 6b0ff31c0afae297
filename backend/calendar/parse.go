package calendar

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"wheelhouse/backend/errs"
)

// Limits of the importer. A file beyond any of them is refused with a
// message saying which, and nothing is changed.
type Limits struct {
	MaxBytes     int64 // the whole file
	MaxLine      int   // one content line after unfolding
	MaxEvents    int   // VEVENTs in the file
	MaxProps     int   // properties of one component
	MaxDepth     int   // nesting of BEGIN/END
	MaxInstances int   // occurrences one RRULE may expand to (in the window)
	MaxItems     int   // holidays or time-off entries one import may produce
	// MaxRecurrenceWork bounds the periods (days, weeks, months, years) all
	// RRULEs of a file may walk while expanding.
	MaxRecurrenceWork int
}

// DefaultLimits are documented in docs/data-format.md ("Calendar import").
var DefaultLimits = Limits{
	MaxBytes:     64 << 20,
	MaxLine:      256 << 10,
	MaxEvents:    100_000,
	MaxProps:     1_000,
	MaxDepth:     8,
	MaxInstances: 2_000,
	MaxItems:     100_000,

	MaxRecurrenceWork: 5_000_000,
}

// Param is a property parameter.
type Param struct {
	Name  string
	Value string
}

// Prop is one property of a VEVENT the importer keeps.
type Prop struct {
	Value  string
	Params []Param
}

// Param returns the value of a parameter ("" when absent).
func (p *Prop) Param(name string) string {
	for _, x := range p.Params {
		if x.Name == name {
			return x.Value
		}
	}
	return ""
}

// VEvent is one event as the streaming reader yields it: only the
// properties the importer uses.
type VEvent struct {
	Line         int // where BEGIN:VEVENT is
	UID          string
	Summary      string
	Status       string
	Transp       string
	Start, End   *Prop
	Duration     string
	RRule        string
	RecurrenceID *Prop
	ExDates      []Prop
	RDates       int // RDATE is not supported: counted for a warning
}

// TimeZoneDef is a VTIMEZONE as far as the importer needs it.
type TimeZoneDef struct {
	TZID     string
	Location string // X-LIC-LOCATION, when given
	Offset   string // TZOFFSETTO of the first STANDARD
}

// Reader reads an iCalendar stream one VEVENT at a time, holding only the
// current line and event in memory. It unfolds lines (CRLF or LF, a space or
// tab continues), skips a UTF-8 byte-order mark and checks structure and
// limits as it goes.
type Reader struct {
	r     *bufio.Reader
	lim   Limits
	n     int64 // bytes read
	line  int   // physical line number
	start int   // line number of the logical line being handled
	cur   []byte
	next  []byte // the physical line read ahead
	eof   bool

	stack   []string
	events  int
	props   int
	seenCal bool
	ev      *VEvent
	tz      *TimeZoneDef
	inStd   bool

	// Calendar-level facts, filled as they are met.
	CalName     string                  // X-WR-CALNAME
	CalZone     string                  // X-WR-TIMEZONE
	TimeZones   map[string]*TimeZoneDef // by TZID
	Unsupported map[string]int          // components or properties skipped, for warnings
}

// NewReader reads from r within lim.
func NewReader(r io.Reader, lim Limits) *Reader {
	return &Reader{r: bufio.NewReaderSize(r, 64<<10), lim: lim, TimeZones: map[string]*TimeZoneDef{}, Unsupported: map[string]int{}}
}

// Events is how many VEVENTs were read so far.
func (p *Reader) Events() int { return p.events }

func (p *Reader) fail(format string, a ...any) error {
	return errs.E(errs.Invalid, "Line %d: %s", p.start, fmt.Sprintf(format, a...))
}

// physical reads one physical line without its line end into p.next.
func (p *Reader) physical() (bool, error) {
	p.next = p.next[:0]
	for {
		chunk, err := p.r.ReadSlice('\n')
		p.n += int64(len(chunk))
		if p.n > p.lim.MaxBytes {
			return false, errs.E(errs.Invalid, "The file is larger than %d MB; Wheelhouse imports calendars up to that size.", p.lim.MaxBytes>>20)
		}
		if len(p.next)+len(chunk) > p.lim.MaxLine+2 {
			return false, errs.E(errs.Invalid, "Line %d is longer than %d KB; that is not a calendar Wheelhouse can import.", p.line+1, p.lim.MaxLine>>10)
		}
		p.next = append(p.next, chunk...)
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if err == io.EOF {
			if len(p.next) == 0 {
				return false, nil
			}
			p.line++
			p.next = bytes.TrimSuffix(p.next, []byte{'\r'})
			return true, nil
		}
		if err != nil {
			return false, errs.E(errs.Invalid, "Cannot read the file: %v", err)
		}
		p.line++
		p.next = bytes.TrimSuffix(p.next, []byte{'\n'})
		p.next = bytes.TrimSuffix(p.next, []byte{'\r'})
		return true, nil
	}
}

// logical returns the next unfolded content line (nil at the end).
func (p *Reader) logical() ([]byte, error) {
	if p.line == 0 {
		ok, err := p.physical()
		if err != nil || !ok {
			return nil, err
		}
		p.next = bytes.TrimPrefix(p.next, []byte("\xef\xbb\xbf"))
	}
	for {
		if p.eof && len(p.next) == 0 {
			return nil, nil
		}
		p.cur = append(p.cur[:0], p.next...)
		p.start = p.line
		for {
			ok, err := p.physical()
			if err != nil {
				return nil, err
			}
			if !ok {
				p.eof = true
				p.next = p.next[:0]
				break
			}
			if len(p.next) > 0 && (p.next[0] == ' ' || p.next[0] == '\t') {
				if len(p.cur)+len(p.next)-1 > p.lim.MaxLine {
					return nil, errs.E(errs.Invalid, "Line %d is longer than %d KB after unfolding; that is not a calendar Wheelhouse can import.", p.start, p.lim.MaxLine>>10)
				}
				p.cur = append(p.cur, p.next[1:]...)
				continue
			}
			break
		}
		if len(bytes.TrimSpace(p.cur)) == 0 {
			continue // blank lines are tolerated
		}
		return p.cur, nil
	}
}

// Property and component names the reader acts on; others are skipped
// without being copied.
var knownNames = []string{"BEGIN", "END", "UID", "SUMMARY", "STATUS", "TRANSP", "DTSTART", "DTEND", "DURATION", "RRULE",
	"RECURRENCE-ID", "EXDATE", "RDATE", "X-WR-CALNAME", "X-WR-TIMEZONE", "TZID", "X-LIC-LOCATION", "TZOFFSETTO"}

var knownComps = []string{"VCALENDAR", "VEVENT", "VTIMEZONE", "STANDARD", "DAYLIGHT", "VALARM", "VTODO", "VJOURNAL", "VFREEBUSY"}

// intern returns the entry of list equal to b ignoring ASCII case, or "".
func intern(list []string, b []byte) string {
	for _, n := range list {
		if len(n) == len(b) && asciiEqualFold(n, b) {
			return n
		}
	}
	return ""
}

func asciiEqualFold(s string, b []byte) bool {
	for i := 0; i < len(b); i++ {
		c := b[i]
		if 'a' <= c && c <= 'z' {
			c -= 'a' - 'A'
		}
		if c != s[i] {
			return false
		}
	}
	return true
}

// split parses a content line NAME *(;PARAM=VALUE) : VALUE into the name,
// the raw parameters (from the first ';', quotes respected) and the value.
// It does not copy.
func split(line []byte) (name, params, value []byte, ok bool) {
	i := 0
	for i < len(line) && line[i] != ';' && line[i] != ':' {
		c := line[i]
		if !(c == '-' || c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z') {
			return nil, nil, nil, false
		}
		i++
	}
	if i == 0 || i == len(line) {
		return nil, nil, nil, false
	}
	name = line[:i]
	j := i
	for j < len(line) && line[j] != ':' {
		if line[j] == '"' {
			k := bytes.IndexByte(line[j+1:], '"')
			if k < 0 {
				return nil, nil, nil, false
			}
			j += k + 2
			continue
		}
		j++
	}
	if j >= len(line) {
		return nil, nil, nil, false
	}
	return name, line[i:j], line[j+1:], true
}

// parseParams reads ;NAME=VALUE parameters (the first of a multi-valued
// one), leniently: a malformed parameter ends the list.
func parseParams(raw []byte) []Param {
	var out []Param
	i := 0
	for i < len(raw) && raw[i] == ';' && len(out) < 32 {
		i++
		j := bytes.IndexByte(raw[i:], '=')
		if j <= 0 {
			break
		}
		name := strings.ToUpper(string(raw[i : i+j]))
		i += j + 1
		var v []byte
		if i < len(raw) && raw[i] == '"' {
			k := bytes.IndexByte(raw[i+1:], '"')
			if k < 0 {
				break
			}
			v = raw[i+1 : i+1+k]
			i += k + 2
		} else {
			k := i
			for k < len(raw) && raw[k] != ';' && raw[k] != ',' {
				k++
			}
			v = raw[i:k]
			i = k
		}
		out = append(out, Param{name, string(v)})
		for i < len(raw) && raw[i] != ';' { // further values of the parameter
			if raw[i] == '"' {
				k := bytes.IndexByte(raw[i+1:], '"')
				if k < 0 {
					return out
				}
				i += k + 2
				continue
			}
			i++
		}
	}
	return out
}

// unescape reads an RFC 5545 TEXT value.
func unescape(v string) string {
	if strings.IndexByte(v, '\\') < 0 {
		return strings.ToValidUTF8(v, "\uFFFD")
	}
	var b strings.Builder
	b.Grow(len(v))
	for i := 0; i < len(v); i++ {
		c := v[i]
		if c == '\\' && i+1 < len(v) {
			i++
			switch v[i] {
			case 'n', 'N':
				b.WriteByte('\n')
			default:
				b.WriteByte(v[i])
			}
			continue
		}
		b.WriteByte(c)
	}
	return strings.ToValidUTF8(b.String(), "\uFFFD")
}

// Next returns the next VEVENT, or nil at the end of the stream. An error
// means the file is broken or beyond a limit: stop and change nothing.
func (p *Reader) Next() (*VEvent, error) {
	for {
		line, err := p.logical()
		if err != nil {
			return nil, err
		}
		if line == nil {
			if len(p.stack) > 0 {
				return nil, errs.E(errs.Invalid, "The file ends inside %s (line %d): it is cut short.", p.stack[len(p.stack)-1], p.start)
			}
			if !p.seenCal {
				return nil, errs.E(errs.Invalid, "The file is empty: it holds no VCALENDAR.")
			}
			return nil, nil
		}
		if !utf8.Valid(line) {
			line = []byte(strings.ToValidUTF8(string(line), "\uFFFD"))
		}
		nameB, params, valueB, ok := split(line)
		if !ok {
			if !p.seenCal {
				return nil, errs.E(errs.Invalid, "This is not an iCalendar file (it does not start with BEGIN:VCALENDAR).")
			}
			return nil, p.fail("not a valid content line (%q).", clip(string(line), 40))
		}
		name := intern(knownNames, nameB)
		if len(p.stack) == 0 && !(name == "BEGIN" && intern(knownComps, valueB) == "VCALENDAR") {
			if !p.seenCal {
				return nil, errs.E(errs.Invalid, "This is not an iCalendar file (it does not start with BEGIN:VCALENDAR).")
			}
			return nil, p.fail("%s after the end of the calendar.", clip(strings.ToUpper(string(nameB)), 40))
		}
		switch name {
		case "BEGIN":
			comp := component(valueB)
			if len(p.stack) >= p.lim.MaxDepth {
				return nil, p.fail("components are nested more than %d deep.", p.lim.MaxDepth)
			}
			if comp == "" {
				return nil, p.fail("BEGIN without a component name.")
			}
			p.stack = append(p.stack, comp)
			p.props = 0
			switch {
			case comp == "VCALENDAR" && len(p.stack) == 1:
				p.seenCal = true
			case comp == "VCALENDAR":
				return nil, p.fail("a VCALENDAR inside another.")
			case comp == "VEVENT" && len(p.stack) == 2:
				p.events++
				if p.events > p.lim.MaxEvents {
					return nil, errs.E(errs.Invalid, "The file has more than %d events; Wheelhouse imports calendars up to that size.", p.lim.MaxEvents)
				}
				p.ev = &VEvent{Line: p.start}
			case comp == "VTIMEZONE" && len(p.stack) == 2:
				p.tz = &TimeZoneDef{}
			case (comp == "STANDARD" || comp == "DAYLIGHT") && p.tz != nil && len(p.stack) == 3:
				p.inStd = comp == "STANDARD"
			case len(p.stack) == 2:
				p.Unsupported[comp]++
			}
		case "END":
			comp := component(valueB)
			if len(p.stack) == 0 || p.stack[len(p.stack)-1] != comp {
				want := "nothing"
				if len(p.stack) > 0 {
					want = "END:" + p.stack[len(p.stack)-1]
				}
				return nil, p.fail("END:%s where %s was expected.", clip(comp, 40), want)
			}
			p.stack = p.stack[:len(p.stack)-1]
			p.props = 0
			switch {
			case comp == "VEVENT" && len(p.stack) == 1:
				ev := p.ev
				p.ev = nil
				return ev, nil
			case comp == "VTIMEZONE" && len(p.stack) == 1:
				if p.tz.TZID != "" && len(p.TimeZones) < 1000 {
					p.TimeZones[p.tz.TZID] = p.tz
				}
				p.tz = nil
			case comp == "STANDARD" || comp == "DAYLIGHT":
				p.inStd = false
			}
		default:
			p.props++
			if p.props > p.lim.MaxProps {
				return nil, p.fail("a component has more than %d properties.", p.lim.MaxProps)
			}
			if name != "" {
				p.prop(name, params, valueB)
			}
		}
	}
}

func (p *Reader) prop(name string, rawParams, valueB []byte) {
	depth := len(p.stack)
	value := func() string { return string(valueB) }
	prop := func() *Prop { return &Prop{Value: string(valueB), Params: parseParams(rawParams)} }
	switch {
	case depth == 1: // VCALENDAR
		switch name {
		case "X-WR-CALNAME":
			p.CalName = clip(unescape(value()), 200)
		case "X-WR-TIMEZONE":
			p.CalZone = clip(strings.TrimSpace(value()), 200)
		}
	case depth == 2 && p.ev != nil:
		ev := p.ev
		switch name {
		case "UID":
			ev.UID = clip(strings.TrimSpace(value()), 900)
		case "SUMMARY":
			ev.Summary = clip(strings.TrimSpace(unescape(value())), 500)
		case "STATUS":
			ev.Status = strings.ToUpper(strings.TrimSpace(value()))
		case "TRANSP":
			ev.Transp = strings.ToUpper(strings.TrimSpace(value()))
		case "DTSTART":
			ev.Start = prop()
		case "DTEND":
			ev.End = prop()
		case "DURATION":
			ev.Duration = value()
		case "RRULE":
			ev.RRule = value()
		case "RECURRENCE-ID":
			ev.RecurrenceID = prop()
		case "EXDATE":
			if len(ev.ExDates) < p.lim.MaxInstances {
				ev.ExDates = append(ev.ExDates, *prop())
			}
		case "RDATE":
			ev.RDates++
		}
	case depth == 2 && p.tz != nil:
		switch name {
		case "TZID":
			p.tz.TZID = clip(strings.TrimSpace(value()), 200)
		case "X-LIC-LOCATION":
			p.tz.Location = clip(strings.TrimSpace(value()), 200)
		}
	case depth == 3 && p.tz != nil && p.inStd && name == "TZOFFSETTO" && p.tz.Offset == "":
		p.tz.Offset = clip(strings.TrimSpace(value()), 10)
	}
}

// component is the upper-case name of a component, without a copy for the
// usual ones.
func component(b []byte) string {
	if n := intern(knownComps, b); n != "" {
		return n
	}
	return strings.ToUpper(string(b))
}

// clipRunes keeps at most n characters of s (for names with a character limit).
func clipRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}
