// Package ics writes iCalendar (RFC 5545) content lines the one way every
// .ics Wheelhouse writes them (the on-call export and feed, the 1:1 series):
// CRLF line ends, lines folded at 75 octets and never inside a UTF-8
// sequence, TEXT values escaped, and time zones (VTIMEZONE) that cover an
// event's whole life. It knows nothing of on-call or 1:1s.
package ics

import (
	"bufio"
	"io"
	"strings"
	"time"
	"unicode/utf8"
)

// UTCLayout is a DATE-TIME in UTC.
const UTCLayout = "20060102T150405Z"

// LocalLayout is a DATE-TIME without zone (local time, with a TZID).
const LocalLayout = "20060102T150405"

// Writer writes content lines folded and CRLF-terminated. The first write
// error sticks: Flush returns it.
type Writer struct {
	w    *bufio.Writer
	line []byte
	err  error
}

// NewWriter writes to w (buffered unless w is a *bufio.Writer already).
func NewWriter(w io.Writer) *Writer {
	bw, ok := w.(*bufio.Writer)
	if !ok {
		bw = bufio.NewWriterSize(w, 64<<10)
	}
	return &Writer{w: bw, line: make([]byte, 0, 256)}
}

// Raw writes a content line as given ("BEGIN:VEVENT", "RRULE:FREQ=…"): the
// caller vouches that it needs no escaping.
func (e *Writer) Raw(s string) {
	e.line = append(e.line[:0], s...)
	e.flush()
}

// Bytes writes name ":" v (v raw, e.g. a formatted stamp).
func (e *Writer) Bytes(name string, v []byte) {
	e.line = append(e.line[:0], name...)
	e.line = append(e.line, ':')
	e.line = append(e.line, v...)
	e.flush()
}

// Instant writes name ":" t as a UTC DATE-TIME.
func (e *Writer) Instant(name string, t time.Time) {
	e.line = append(e.line[:0], name...)
	e.line = append(e.line, ':')
	e.line = t.UTC().AppendFormat(e.line, UTCLayout)
	e.flush()
}

// Local writes name ";TZID=" zone ":" t as a local DATE-TIME in loc (UTC
// when loc is UTC).
func (e *Writer) Local(name string, t time.Time, loc *time.Location) {
	if loc == nil || loc == time.UTC {
		e.Instant(name, t)
		return
	}
	e.line = append(e.line[:0], name...)
	e.line = append(e.line, ";TZID="...)
	e.line = AppendParam(e.line, loc.String())
	e.line = append(e.line, ':')
	e.line = t.In(loc).AppendFormat(e.line, LocalLayout)
	e.flush()
}

// Text writes name ":" v with v escaped as TEXT. name may carry parameters
// ("X-WR-CALNAME;VALUE=TEXT").
func (e *Writer) Text(name, v string) {
	e.line = append(e.line[:0], name...)
	e.line = append(e.line, ':')
	e.line = AppendText(e.line, v)
	e.flush()
}

// Flush writes what is buffered and returns the first error.
func (e *Writer) Flush() error {
	if e.err != nil {
		return e.err
	}
	return e.w.Flush()
}

// flush writes e.line folded, with CRLF.
func (e *Writer) flush() {
	if e.err != nil {
		return
	}
	line := e.line
	if len(line) <= 75 {
		e.w.Write(line)
		_, e.err = e.w.WriteString("\r\n")
		return
	}
	first := true
	for len(line) > 0 {
		n := foldCut(line, first)
		first = false
		e.w.Write(line[:n])
		line = line[n:]
		if len(line) > 0 {
			e.w.WriteString("\r\n ")
		}
	}
	_, e.err = e.w.WriteString("\r\n")
}

// AppendText appends v escaped as an RFC 5545 TEXT value: backslash,
// semicolon and comma escaped, every line break (CRLF, LF, CR) as \n, other
// control characters dropped, invalid UTF-8 replaced by U+FFFD.
func AppendText(dst []byte, v string) []byte {
	for i := 0; i < len(v); {
		c := v[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '\\' || c == ';' || c == ',':
				dst = append(dst, '\\', c)
			case c == '\r':
				dst = append(dst, '\\', 'n')
				if i+1 < len(v) && v[i+1] == '\n' {
					i++
				}
			case c == '\n':
				dst = append(dst, '\\', 'n')
			case c == '\t':
				dst = append(dst, c)
			case c < 0x20 || c == 0x7f:
				// dropped: RFC 5545 forbids control characters in values
			default:
				dst = append(dst, c)
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(v[i:])
		if r == utf8.RuneError && n == 1 {
			dst = append(dst, "\uFFFD"...)
		} else {
			dst = append(dst, v[i:i+n]...)
		}
		i += n
	}
	return dst
}

// AppendParam appends v as a parameter value (RFC 5545 3.2): quoted when it
// holds ':', ';' or ','; a double quote (which a parameter value cannot
// hold) becomes a single one; control characters are dropped.
func AppendParam(dst []byte, v string) []byte {
	v = strings.ToValidUTF8(v, "\uFFFD")
	quote := strings.ContainsAny(v, ":;,")
	if quote {
		dst = append(dst, '"')
	}
	for _, r := range v {
		switch {
		case r == '"':
			dst = append(dst, '\'')
		case r < 0x20 && r != '\t' || r == 0x7f:
		default:
			dst = utf8.AppendRune(dst, r)
		}
	}
	if quote {
		dst = append(dst, '"')
	}
	return dst
}

// Fold returns line folded at 75 octets as RFC 5545 section 3.1 asks (CRLF
// plus one space before each continuation), never splitting a UTF-8
// sequence, and ending with CRLF.
func Fold(line []byte) []byte {
	var b []byte
	for len(line) > 0 {
		n := foldCut(line, len(b) == 0)
		b = append(b, line[:n]...)
		line = line[n:]
		if len(line) > 0 {
			b = append(b, '\r', '\n', ' ')
		}
	}
	return append(b, '\r', '\n')
}

// foldCut is how many octets of line fit on a physical line: 75 on the first
// (first is true), 74 after the leading space of a continuation, backed up
// to the start of a UTF-8 sequence.
func foldCut(line []byte, first bool) int {
	limit := 74
	if first {
		limit = 75
	}
	if len(line) <= limit {
		return len(line)
	}
	cut := limit
	for cut > 1 && line[cut]&0xC0 == 0x80 { // a continuation byte: back up to the rune start
		cut--
	}
	return cut
}
