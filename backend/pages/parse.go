package pages

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"io"
	"sort"
	"strconv"
	"strings"
	"time"

	"wheelhouse/backend/errs"
)

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
