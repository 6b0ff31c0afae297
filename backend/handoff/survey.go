package handoff

import (
	"bytes"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/errs"
	"wheelhouse/backend/id"
	"wheelhouse/backend/oncall"
	"wheelhouse/backend/store"
)

// Survey answers come from a forms tool (Google Forms, Microsoft Forms,
// Typeform …) as a CSV file, one answer a row. Only four things of an
// answer can be mapped: the rotation it is about, its date (for the
// period), the burden rating 1–5, whether sleep was interrupted and a free
// text comment. They are added into one Aggregate per rotation and period;
// the rows themselves are never stored. A column that looks like it names
// the respondent (name, e-mail, user) cannot be mapped at all, so nothing
// stored can lead back to a person (decision 0016).

// Survey fields a column can be mapped to.
const (
	FieldRotation = "rotation"
	FieldDate     = "date"
	FieldRating   = "rating"
	FieldSleep    = "sleep"
	FieldComment  = "comment"
)

// Fields lists the survey fields.
var Fields = []string{FieldRotation, FieldDate, FieldRating, FieldSleep, FieldComment}

// Periods answers are aggregated by.
const (
	PeriodWeek  = "week"  // ISO week: "2026-W48"
	PeriodMonth = "month" // "2026-11"
)

// Limits of an import.
const (
	MaxSurveyBytes = 10 << 20
	MaxSurveyRows  = 100000
	maxProblems    = 20
)

// ColumnMap maps one column of the file (by its header) to a field.
type ColumnMap struct {
	Column string `json:"column"`
	Field  string `json:"field"`
}

// Mapping says which column holds which field and the period to aggregate by.
type Mapping struct {
	Columns []ColumnMap `json:"columns"`
	Period  string      `json:"period"` // week (default) or month
}

// Aggregate is the anonymous answers of one rotation in one period.
type Aggregate struct {
	RotationID id.ID  `json:"rotationId" ts_type:"string"`
	Rotation   string `json:"rotation"` // its name at the last import
	Period     string `json:"period"`   // "2026-W48" or "2026-11"
	Answers    int    `json:"answers"`  // rows counted, rated or not
	// Ratings is the histogram of burden ratings: Ratings[0] answers rated 1 … Ratings[4] rated 5.
	Ratings [5]int `json:"ratings"`
	// Sleep: of SleepAnswered answers, SleepInterrupted said their sleep was interrupted.
	SleepAnswered    int `json:"sleepAnswered"`
	SleepInterrupted int `json:"sleepInterrupted"`
	// Comments are the free-text answers, sorted (not in answer order, so
	// their order says nothing about who answered when).
	Comments []string `json:"comments"`
}

// Rated is the number of answers with a rating.
func (a *Aggregate) Rated() int {
	n := 0
	for _, c := range a.Ratings {
		n += c
	}
	return n
}

// Mean is the mean rating (0 when no answer was rated).
func (a *Aggregate) Mean() float64 {
	n, sum := 0, 0
	for i, c := range a.Ratings {
		n += c
		sum += c * (i + 1)
	}
	if n == 0 {
		return 0
	}
	return float64(sum) / float64(n)
}

func (a *Aggregate) add(b *Aggregate) {
	a.Rotation = b.Rotation
	a.Answers += b.Answers
	for i := range a.Ratings {
		a.Ratings[i] += b.Ratings[i]
	}
	a.SleepAnswered += b.SleepAnswered
	a.SleepInterrupted += b.SleepInterrupted
	a.Comments = append(a.Comments, b.Comments...)
	sort.Strings(a.Comments)
}

// ImportLog records an applied survey import: the file's SHA-256 is its
// key, so the same file is not counted twice.
type ImportLog struct {
	Fingerprint string    `json:"fingerprint"`
	File        string    `json:"file"` // base name, as chosen
	ImportedAt  time.Time `json:"importedAt"`
	Answers     int       `json:"answers"`
	Skipped     int       `json:"skipped"`
}

// SurveyPreview is what an import would add, before anything is written.
type SurveyPreview struct {
	File        string      `json:"file"`
	Fingerprint string      `json:"fingerprint"`
	Headers     []string    `json:"headers"`
	Mapping     Mapping     `json:"mapping"`
	Aggregates  []Aggregate `json:"aggregates"`
	Answers     int         `json:"answers"`
	Skipped     int         `json:"skipped"`
	Problems    []string    `json:"problems"` // the first rows skipped, and why
	// Ignored are the file's columns left unmapped: never read, never stored.
	Ignored []string `json:"ignored"`
	// ImportedAt is set when this very file was imported before.
	ImportedAt time.Time `json:"importedAt,omitzero" ts_type:"string"`
	// MappingErrors (preview only): why the mapping cannot be imported; the
	// headers are there to fix it. Import refuses such a mapping.
	MappingErrors []string `json:"mappingErrors"`
}

func aggKey(rot id.ID, period string) []byte { return store.Key(store.PrefixSurvey, "a", rot, period) }
func logKey(fp string) []byte                { return store.Key(store.PrefixSurvey, "i", fp) }

var mappingKey = store.Key(store.PrefixSurvey, "m")

// personish reports whether a column header looks like it names the
// respondent: such a column is never mapped.
func personish(header string) bool {
	h := strings.ToLower(header)
	for _, w := range []string{"email", "e-mail", "mail address", "respondent", "username", "user name", "person", "employee", "who are you", "your name"} {
		if strings.Contains(h, w) {
			return true
		}
	}
	if h == "name" || h == "user" || h == "id" || strings.HasSuffix(h, " name") && !strings.Contains(h, "rotation") && !strings.Contains(h, "team") && !strings.Contains(h, "service") {
		return true
	}
	return false
}

// parseCSV reads the header and rows of a survey file.
func parseCSV(data []byte) (headers []string, rows [][]string, err error) {
	if len(data) > MaxSurveyBytes {
		return nil, nil, errs.FieldErr("file", "The file is larger than %d MB; that is not a survey export.", MaxSurveyBytes>>20)
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if !utf8.Valid(data) {
		return nil, nil, errs.FieldErr("file", "The file is not UTF-8 text: export the answers as CSV (UTF-8).")
	}
	first, _, _ := bytes.Cut(data, []byte("\n"))
	sep := ','
	if bytes.Count(first, []byte(";")) > bytes.Count(first, []byte(",")) {
		sep = ';'
	}
	if bytes.Count(first, []byte("\t")) > bytes.Count(first, []byte(string(sep))) {
		sep = '\t'
	}
	r := csv.NewReader(bytes.NewReader(data))
	r.Comma, r.FieldsPerRecord, r.LazyQuotes = sep, -1, true
	headers, err = r.Read()
	if errors.Is(err, io.EOF) {
		return nil, nil, errs.FieldErr("file", "The file is empty.")
	}
	if err != nil {
		return nil, nil, errs.FieldErr("file", "The file is not a CSV file: %v", err)
	}
	for i := range headers {
		headers[i] = strings.TrimSpace(headers[i])
	}
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, nil, errs.FieldErr("file", "The file is not a CSV file: %v", err)
		}
		if len(rows) >= MaxSurveyRows {
			return nil, nil, errs.FieldErr("file", "The file has more than %d answers.", MaxSurveyRows)
		}
		rows = append(rows, rec)
	}
	return headers, rows, nil
}

// guess maps columns by their headers: what a first import starts from.
func guess(headers []string) []ColumnMap {
	rules := []struct{ field, words string }{
		{FieldRotation, "rotation|schedule"},
		{FieldDate, "timestamp|date|submitted|time"},
		{FieldRating, "rating|burden|how heavy|1-5|1–5|scale"},
		{FieldSleep, "sleep"},
		{FieldComment, "comment|anything else|free text|feedback|notes|remarks"},
	}
	var out []ColumnMap
	used := map[int]bool{}
	for _, rule := range rules {
		for i, h := range headers {
			if used[i] || personish(h) {
				continue
			}
			if slices.ContainsFunc(strings.Split(rule.words, "|"), func(w string) bool { return strings.Contains(strings.ToLower(h), w) }) {
				out = append(out, ColumnMap{Column: h, Field: rule.field})
				used[i] = true
				break
			}
		}
	}
	return out
}

// checkMapping validates m against the file's headers and returns the
// column index of each field.
func checkMapping(headers []string, m *Mapping) (map[string]int, error) {
	var c errs.Collector
	if m.Period == "" {
		m.Period = PeriodWeek
	}
	if m.Period != PeriodWeek && m.Period != PeriodMonth {
		c.Add("period", "Aggregate by week or month.")
	}
	col := map[string]int{}
	for _, cm := range m.Columns {
		f := strings.ToLower(strings.TrimSpace(cm.Field))
		if f == "" || f == "ignore" {
			continue
		}
		switch {
		case slices.Contains([]string{"name", "email", "person", "respondent", "user", "engineer"}, f):
			c.Add("mapping", "Survey answers stay anonymous: a person (%s) cannot be mapped.", f)
			continue
		case !slices.Contains(Fields, f):
			c.Add("mapping", "Unknown field %q: map columns to %s.", cm.Field, strings.Join(Fields, ", "))
			continue
		}
		i := slices.Index(headers, strings.TrimSpace(cm.Column))
		if i < 0 {
			i = slices.IndexFunc(headers, func(h string) bool { return strings.EqualFold(h, strings.TrimSpace(cm.Column)) })
		}
		switch {
		case i < 0:
			c.Add("mapping", "The file has no column %q.", cm.Column)
			continue
		case personish(headers[i]):
			c.Add("mapping", "Survey answers stay anonymous: the column %q looks like it names the respondent and cannot be mapped.", headers[i])
			continue
		}
		if _, dup := col[f]; dup {
			c.Add("mapping", "Two columns are mapped to %s.", f)
			continue
		}
		col[f] = i
	}
	if _, ok := col[FieldRotation]; !ok && !c.Has("mapping") {
		c.Add("mapping", "Map the column that says which rotation an answer is about.")
	}
	if _, ok := col[FieldDate]; !ok && !c.Has("mapping") {
		c.Add("mapping", "Map the date (timestamp) column: answers are counted per %s.", m.Period)
	}
	if _, ok := col[FieldRating]; !ok && !c.Has("mapping") {
		c.Add("mapping", "Map the burden rating (1–5) column.")
	}
	return col, c.Err()
}

var dateLayouts = []string{
	time.RFC3339, "2006-01-02 15:04:05", "2006-01-02 15:04", "2006-01-02T15:04:05", "2006-01-02",
	"2006/01/02 15:04:05", "2006/01/02 15:04", "2006/01/02",
	"1/2/2006 15:04:05", "1/2/2006 15:04", "1/2/2006 3:04:05 PM", "1/2/2006 3:04 PM", "1/2/2006",
}

// parseDate reads the date of an answer as written (its civil date; an
// offset is kept as the respondent's own). US-style dates are month first,
// as Google and Microsoft Forms write them.
func parseDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	s = strings.TrimSuffix(strings.TrimSuffix(s, " UTC"), " GMT")
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

func periodOf(t time.Time, period string) string {
	if period == PeriodMonth {
		return t.Format("2006-01")
	}
	y, w := t.ISOWeek()
	return fmt.Sprintf("%d-W%02d", y, w)
}

func parseRating(s string) (int, bool) {
	s = strings.TrimSpace(s)
	n := 0
	for n < len(s) && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	v, err := strconv.Atoi(s[:n])
	return v, err == nil && v >= 1 && v <= 5
}

func parseYes(s string) (yes, ok bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "yes", "y", "true", "1", "ja", "oui", "sí", "si":
		return true, true
	case "no", "n", "false", "0", "nein", "non":
		return false, true
	}
	return false, false
}

// MaxCommentLen bounds one comment kept from a survey answer.
const MaxCommentLen = 2000

// aggregate works out the preview of data under m against the rotations
// of snap. Nothing is written.
func aggregate(file string, data []byte, m Mapping, rots []oncall.Rotation) (SurveyPreview, error) {
	sum := sha256.Sum256(data)
	p := SurveyPreview{File: file, Fingerprint: hex.EncodeToString(sum[:]), Problems: []string{}, Aggregates: []Aggregate{},
		Ignored: []string{}, MappingErrors: []string{}}
	headers, rows, err := parseCSV(data)
	if err != nil {
		return p, err
	}
	p.Headers = headers
	col, err := checkMapping(headers, &m)
	p.Mapping = m
	if err != nil {
		return p, err
	}
	mapped := map[int]bool{}
	for _, i := range col {
		mapped[i] = true
	}
	for i, h := range headers {
		if !mapped[i] {
			p.Ignored = append(p.Ignored, h)
		}
	}
	byName := map[string]*oncall.Rotation{}
	for i := range rots {
		byName[store.Fold(rots[i].Name)] = &rots[i]
	}
	type key struct {
		rot    id.ID
		period string
	}
	aggs := map[key]*Aggregate{}
	problem := func(row int, format string, a ...any) {
		p.Skipped++
		if len(p.Problems) < maxProblems {
			p.Problems = append(p.Problems, fmt.Sprintf("Row %d: ", row)+fmt.Sprintf(format, a...))
		}
	}
	cell := func(rec []string, f string) string {
		i, ok := col[f]
		if !ok || i >= len(rec) {
			return ""
		}
		return strings.TrimSpace(rec[i])
	}
	for n, rec := range rows {
		row := n + 2 // 1-based, after the header
		if slices.IndexFunc(rec, func(s string) bool { return strings.TrimSpace(s) != "" }) < 0 {
			continue // a blank line
		}
		rn := cell(rec, FieldRotation)
		r := byName[store.Fold(rn)]
		if r == nil {
			if rn == "" {
				problem(row, "no rotation")
			} else {
				problem(row, "no rotation is called %q", rn)
			}
			continue
		}
		d, ok := parseDate(cell(rec, FieldDate))
		if !ok {
			problem(row, "%q is not a date", cell(rec, FieldDate))
			continue
		}
		rating, rated := 0, false
		if s := cell(rec, FieldRating); s != "" {
			if rating, rated = parseRating(s); !rated {
				problem(row, "the rating %q is not 1 to 5", s)
				continue
			}
		}
		comment := cell(rec, FieldComment)
		if !rated && comment == "" {
			problem(row, "no rating and no comment")
			continue
		}
		k := key{r.ID, periodOf(d, m.Period)}
		a := aggs[k]
		if a == nil {
			a = &Aggregate{RotationID: r.ID, Rotation: r.Name, Period: k.period, Comments: []string{}}
			aggs[k] = a
		}
		a.Answers++
		p.Answers++
		if rated {
			a.Ratings[rating-1]++
		}
		if yes, ok := parseYes(cell(rec, FieldSleep)); ok {
			a.SleepAnswered++
			if yes {
				a.SleepInterrupted++
			}
		}
		if comment != "" {
			if utf8.RuneCountInString(comment) > MaxCommentLen {
				comment = string([]rune(comment)[:MaxCommentLen]) + "…"
			}
			a.Comments = append(a.Comments, comment)
		}
	}
	for _, a := range aggs {
		sort.Strings(a.Comments)
		p.Aggregates = append(p.Aggregates, *a)
	}
	sortAggregates(p.Aggregates)
	return p, nil
}

func sortAggregates(l []Aggregate) {
	sort.Slice(l, func(i, j int) bool {
		if l[i].Rotation != l[j].Rotation {
			return l[i].Rotation < l[j].Rotation
		}
		return l[i].Period < l[j].Period
	})
}

// resolve fills an empty mapping: the remembered one when the file has all
// its columns, else a guess from the headers.
func resolve(txn *badger.Txn, data []byte, m Mapping) (Mapping, error) {
	if len(m.Columns) > 0 {
		return m, nil
	}
	headers, _, err := parseCSV(data)
	if err != nil {
		return m, err
	}
	var saved Mapping
	if found, err := store.GetJSON(txn, mappingKey, &saved); err != nil {
		return m, err
	} else if found && len(saved.Columns) > 0 && !slices.ContainsFunc(saved.Columns, func(c ColumnMap) bool { return !slices.Contains(headers, c.Column) }) {
		if m.Period == "" {
			m.Period = saved.Period
		}
		m.Columns = saved.Columns
		return m, nil
	}
	m.Columns = guess(headers)
	return m, nil
}

// PreviewSurvey reads a survey file under mapping m (empty: the remembered
// mapping, else a guess) and says what importing it would add. Nothing is
// written. A mapping problem comes back with the preview's headers, so the
// mapping can be fixed.
func (s *Service) PreviewSurvey(file string, data []byte, m Mapping) (p SurveyPreview, err error) {
	err = s.st.View(func(txn *badger.Txn) error {
		if m, err = resolve(txn, data, m); err != nil {
			return err
		}
		rots, err := oncall.Rotations.List(txn)
		if err != nil {
			return err
		}
		p, err = aggregate(baseName(file), data, m, rots)
		if err != nil && p.Headers != nil && errs.Is(err, errs.Invalid) {
			// The file reads; the mapping is wrong: say why, with the columns.
			for _, f := range errs.FieldsOf(err) {
				p.MappingErrors = append(p.MappingErrors, f.Message)
			}
			err = nil
		}
		if err != nil {
			return err
		}
		var lg ImportLog
		if found, err := store.GetJSON(txn, logKey(p.Fingerprint), &lg); err != nil {
			return err
		} else if found {
			p.ImportedAt = lg.ImportedAt
		}
		return nil
	})
	return p, errs.Wrap("handoff.PreviewSurvey", err)
}

// ImportSurvey adds the answers of a survey file into the aggregates, all
// in one transaction, remembers the mapping and logs the file's
// fingerprint: the same file again is refused (Conflict).
func (s *Service) ImportSurvey(file string, data []byte, m Mapping) (p SurveyPreview, err error) {
	now := s.clock.Now().UTC()
	err = s.st.Update(func(txn *badger.Txn) error {
		if m, err = resolve(txn, data, m); err != nil {
			return err
		}
		rots, err := oncall.Rotations.List(txn)
		if err != nil {
			return err
		}
		if p, err = aggregate(baseName(file), data, m, rots); err != nil {
			return err
		}
		var lg ImportLog
		if found, err := store.GetJSON(txn, logKey(p.Fingerprint), &lg); err != nil {
			return err
		} else if found {
			return errs.E(errs.Conflict, "This file was imported on %s: its answers are counted already.", lg.ImportedAt.Format("2 Jan 2006 15:04 UTC"))
		}
		if p.Answers == 0 {
			return errs.FieldErr("file", "No answer in the file can be counted (%d skipped).", p.Skipped)
		}
		for i := range p.Aggregates {
			a := p.Aggregates[i]
			var old Aggregate
			found, err := store.GetJSON(txn, aggKey(a.RotationID, a.Period), &old)
			if err != nil {
				return err
			}
			if found {
				old.add(&a)
				a = old
			}
			if err := store.PutJSON(txn, aggKey(a.RotationID, a.Period), &a); err != nil {
				return err
			}
		}
		if err := store.PutJSON(txn, mappingKey, &p.Mapping); err != nil {
			return err
		}
		return store.PutJSON(txn, logKey(p.Fingerprint), &ImportLog{Fingerprint: p.Fingerprint, File: p.File,
			ImportedAt: now, Answers: p.Answers, Skipped: p.Skipped})
	})
	return p, errs.Wrap("handoff.ImportSurvey", err)
}

// SurveyTx reads every stored aggregate, by rotation name then period.
func SurveyTx(txn *badger.Txn) ([]Aggregate, error) {
	out := []Aggregate{}
	err := store.Scan(txn, store.Prefix(store.PrefixSurvey, "a"), func(_ []byte, a *Aggregate) error {
		if a.Comments == nil {
			a.Comments = []string{}
		}
		out = append(out, *a)
		return nil
	})
	sortAggregates(out)
	return out, err
}

// Survey reads every stored aggregate.
func (s *Service) Survey() (out []Aggregate, err error) {
	err = s.st.View(func(txn *badger.Txn) error {
		out, err = SurveyTx(txn)
		return err
	})
	return out, errs.Wrap("handoff.Survey", err)
}

func baseName(p string) string {
	if i := strings.LastIndexAny(p, `/\`); i >= 0 {
		return p[i+1:]
	}
	return p
}

// ReadSurveyFile reads a survey export from disk (at most MaxSurveyBytes).
func ReadSurveyFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, errs.FieldErr("file", "Cannot open %s: %v", baseName(path), err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxSurveyBytes+1))
	if err != nil {
		return nil, errs.FieldErr("file", "Cannot read %s: %v", baseName(path), err)
	}
	if len(data) > MaxSurveyBytes {
		return nil, errs.FieldErr("file", "The file is larger than %d MB; that is not a survey export.", MaxSurveyBytes>>20)
	}
	return data, nil
}
