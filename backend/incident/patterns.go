package incident

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/errs"
	"wheelhouse/backend/id"
	"wheelhouse/backend/store"
)

// Recurring patterns, looking back from "now":
//   - a service with MinRecurrence or more incidents started in the last
//     ServiceWindowDays days;
//   - a tag on MinRecurrence or more incidents started in the last
//     QuarterDays days;
//   - a stated cause: a two-word phrase, or a configured keyword, found in
//     the root cause or contributing factors of MinRecurrence or more
//     distinct reviews of incidents started in the last QuarterDays days.
//
// Causes are found the simple, explainable way: text is lowercased and split
// into clauses at punctuation and into words at anything else that is not a
// letter or digit; a phrase is two adjacent words of a clause, neither of
// them a stop word ("the", "was", ...) or a number; a keyword matches as the
// same sequence of words. Each review
// counts once per phrase. Phrases found in exactly the same reviews are
// reported as one pattern (a keyword names it when there is one).
const (
	ServiceWindowDays = 30
	QuarterDays       = 90
	MinRecurrence     = 3
	MaxCausePatterns  = 10
)

// PatternKind says what recurs.
type PatternKind string

const (
	PatternService PatternKind = "service"
	PatternTag     PatternKind = "tag"
	PatternCause   PatternKind = "cause"
)

// Pattern is something that recurs, with the incidents it is seen in.
type Pattern struct {
	Kind        PatternKind `json:"kind"`
	Key         string      `json:"key"`            // service id, tag, or phrase
	Also        []string    `json:"also,omitempty"` // causes: other phrases found in exactly the same reviews
	Label       string      `json:"label"`          // "payments-api: 3 incidents in 30 days"
	Count       int         `json:"count"`          // incidents (or reviews, for causes)
	Days        int         `json:"days"`           // the look-back window
	IncidentIDs []id.ID     `json:"incidentIds" ts_type:"string[]"`
}

// ReviewText is the part of a review that states causes.
type ReviewText struct {
	IncidentID          id.ID
	RootCause           string
	ContributingFactors []string
}

// FindPatterns finds recurring patterns as of now. sums are incident
// summaries (older or newer ones are ignored), reviews the review texts of
// those incidents, keywords the configured cause keywords. Services first,
// then tags, then causes; within each, most frequent first. Pure.
func FindPatterns(sums []Summary, reviews []ReviewText, now time.Time, keywords []string, names Names) []Pattern {
	svcFrom := now.Add(-ServiceWindowDays * 24 * time.Hour)
	qFrom := now.Add(-QuarterDays * 24 * time.Hour)
	in := func(t, from time.Time) bool { return t.After(from) && !t.After(now) }
	bySvc := map[id.ID][]id.ID{}
	byTag := map[string][]id.ID{}
	inQuarter := map[id.ID]bool{}
	for i := range sums {
		s := &sums[i]
		if in(s.StartedAt, svcFrom) {
			for _, svc := range s.ServiceIDs {
				bySvc[svc] = append(bySvc[svc], s.ID)
			}
		}
		if in(s.StartedAt, qFrom) {
			inQuarter[s.ID] = true
			for _, t := range s.Tags {
				byTag[t] = append(byTag[t], s.ID)
			}
		}
	}
	var svcP, tagP, causeP []Pattern
	for svc, ids := range bySvc {
		if len(ids) >= MinRecurrence {
			name := names.Service(svc)
			svcP = append(svcP, Pattern{Kind: PatternService, Key: svc.String(), Count: len(ids), Days: ServiceWindowDays, IncidentIDs: ids,
				Label: fmt.Sprintf("%s: %d incidents in %d days", name, len(ids), ServiceWindowDays)})
		}
	}
	for tag, ids := range byTag {
		if len(ids) >= MinRecurrence {
			tagP = append(tagP, Pattern{Kind: PatternTag, Key: tag, Count: len(ids), Days: QuarterDays, IncidentIDs: ids,
				Label: fmt.Sprintf("#%s: %d incidents in %d days", tag, len(ids), QuarterDays)})
		}
	}
	kws := make([][]string, 0, len(keywords))
	for _, k := range keywords {
		if w := Words(k); len(w) > 0 {
			kws = append(kws, w)
		}
	}
	byCause := map[string][]id.ID{}
	for _, r := range reviews {
		if !inQuarter[r.IncidentID] {
			continue
		}
		texts := append([]string{r.RootCause}, r.ContributingFactors...)
		for phrase := range CausePhrases(texts, kws) {
			byCause[phrase] = append(byCause[phrase], r.IncidentID)
		}
	}
	// Phrases found in exactly the same reviews are one pattern, named by a
	// keyword if one is among them (else the first phrase alphabetically).
	isKW := map[string]bool{}
	for _, k := range kws {
		isKW[strings.Join(k, " ")] = true
	}
	groups := map[string][]string{}
	for phrase, ids := range byCause {
		if len(ids) >= MinRecurrence {
			k := idSetKey(ids)
			groups[k] = append(groups[k], phrase)
		}
	}
	for _, phrases := range groups {
		sort.Slice(phrases, func(i, j int) bool {
			if isKW[phrases[i]] != isKW[phrases[j]] {
				return isKW[phrases[i]]
			}
			return phrases[i] < phrases[j]
		})
		ids := byCause[phrases[0]]
		label := fmt.Sprintf("%q cited in %d reviews in %d days", phrases[0], len(ids), QuarterDays)
		if len(phrases) > 1 {
			var also []string
			for _, p := range phrases[1:min(len(phrases), 3)] {
				also = append(also, strconv.Quote(p))
			}
			label += " (with " + strings.Join(also, ", ")
			if len(phrases) > 3 {
				label += fmt.Sprintf(" and %d more", len(phrases)-3)
			}
			label += ")"
		}
		causeP = append(causeP, Pattern{Kind: PatternCause, Key: phrases[0], Also: phrases[1:], Count: len(ids), Days: QuarterDays,
			IncidentIDs: ids, Label: label})
	}
	order := func(l []Pattern) {
		sort.Slice(l, func(i, j int) bool {
			if l[i].Count != l[j].Count {
				return l[i].Count > l[j].Count
			}
			return l[i].Label < l[j].Label
		})
		for _, p := range l {
			sort.Slice(p.IncidentIDs, func(i, j int) bool { return p.IncidentIDs[i].String() < p.IncidentIDs[j].String() })
		}
	}
	order(svcP)
	order(tagP)
	order(causeP)
	if len(causeP) > MaxCausePatterns {
		causeP = causeP[:MaxCausePatterns]
	}
	out := append(append(svcP, tagP...), causeP...)
	if out == nil {
		out = []Pattern{}
	}
	return out
}

// Words lowercases s and splits it into words of letters and digits.
func Words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !isWordRune(r) })
}

var stopWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`a an the and or but nor of to in on at by for from with without into onto over under
		after before during while as than then that this these those there here it its it's is are was were be been being
		has have had do does did done not no yes so too very can could would should will shall may might must
		we our us they their them he she his her i my me you your which who whom what when where why how
		all any some each every other more most less least only also just again still even such same own
		due because since until via per across about against between through up down out off`) {
		stopWords[w] = true
	}
}

func isNumber(w string) bool {
	for _, r := range w {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// CausePhrases returns the distinct phrases of texts: two-word phrases
// (neither word a stop word, a number or a single letter) and the keywords
// (given as word lists) that occur. No phrase spans two texts (contributing
// factors) or a clause break (. , ; : ! ? parentheses, new line).
func CausePhrases(texts []string, keywords [][]string) map[string]bool {
	out := map[string]bool{}
	ok := func(w string) bool { return len([]rune(w)) > 1 && !stopWords[w] && !isNumber(w) }
	for _, t := range texts {
		for _, clause := range strings.FieldsFunc(t, isClauseBreak) {
			ws := Words(clause)
			for i := 0; i+1 < len(ws); i++ {
				if ok(ws[i]) && ok(ws[i+1]) {
					out[ws[i]+" "+ws[i+1]] = true
				}
			}
			for _, kw := range keywords {
				if containsSeq(ws, kw) {
					out[strings.Join(kw, " ")] = true
				}
			}
		}
	}
	return out
}

func idSetKey(ids []id.ID) string {
	l := make([]string, len(ids))
	for i, u := range ids {
		l[i] = string(u[:])
	}
	sort.Strings(l)
	return strings.Join(l, "")
}

func isClauseBreak(r rune) bool { return strings.ContainsRune(".,;:!?()[]\n\r\t", r) }

func containsSeq(ws, kw []string) bool {
outer:
	for i := 0; i+len(kw) <= len(ws); i++ {
		for j := range kw {
			if ws[i+j] != kw[j] {
				continue outer
			}
		}
		return true
	}
	return false
}

// causeRec is the part of a stored incident that states causes. Decoding
// into it skips the timeline and the rest of the review.
type causeRec struct {
	ID     id.ID `json:"id" ts_type:"string"`
	Review struct {
		RootCause           string   `json:"rootCause"`
		ContributingFactors []string `json:"contributingFactors"`
	} `json:"review"`
}

// causeView reads incident records as causeRec. Read only: it has no
// indexes, so it must never Put or Delete.
var causeView = &store.Table[causeRec]{Name: "incident", Prefix: store.PrefixIncident, ID: func(c *causeRec) id.ID { return c.ID }}

// PatternsTx finds the recurring patterns as of now: summaries of the last
// quarter from the covering index, and the causes stated in those
// incidents' reviews (the only records read, and only in part).
func (d *Desk) PatternsTx(txn *badger.Txn, now time.Time) ([]Pattern, error) {
	from := now.Add(-QuarterDays * 24 * time.Hour)
	var sums []Summary
	err := SummariesTx(txn, from, time.Time{}, func(s *Summary) error { sums = append(sums, *s); return nil })
	if err != nil {
		return nil, err
	}
	var reviews []ReviewText
	for _, s := range sums {
		if s.ReviewState == ReviewNotStarted || s.ReviewState == ReviewSkipped {
			continue
		}
		c, err := causeView.Get(txn, s.ID)
		if err != nil {
			return nil, err
		}
		reviews = append(reviews, ReviewText{IncidentID: s.ID, RootCause: c.Review.RootCause, ContributingFactors: c.Review.ContributingFactors})
	}
	st, err := SettingsTx(txn)
	if err != nil {
		return nil, err
	}
	names := Names{Services: map[id.ID]string{}}
	if err := serviceNames(txn, names.Services); err != nil {
		return nil, err
	}
	return FindPatterns(sums, reviews, now, st.CauseKeywords, names), nil
}

// Patterns finds the recurring patterns as of now.
func (d *Desk) Patterns(now time.Time) (p []Pattern, err error) {
	err = d.st.View(func(txn *badger.Txn) error {
		p, err = d.PatternsTx(txn, now)
		return err
	})
	return p, errs.Wrap("incident.Patterns", err)
}
