package search

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// Hostile text in a record or a query (invalid UTF-8, lone combining marks,
// letters that change length when folded) never panics a search, and a
// snippet is always cut from the record's own text.
func FuzzMatch(f *testing.F) {
	f.Add("Señora Müller approved the ÉTÉ budget", "mul ete")
	f.Add("e\u0301te\u0301 \xff\xfe broken", "ete")
	f.Add("İstanbul ß straße ǅ", "istanbul strasse")
	f.Add(strings.Repeat("a ", 200)+"needle", "needle")
	f.Add("\u0301\u0301", "\u0301")
	f.Fuzz(func(t *testing.T, body, query string) {
		fo := newFolder()
		e := entry{hit: Hit{Kind: KindFollowUp, Title: "t"}, title: fo.fold("t"), body: body, fbody: fo.fold(body), active: true}
		words := strings.Fields(fo.fold(query))
		if len(words) == 0 {
			return
		}
		var segs [len(segments)][]entry
		segs[0] = []entry{e}
		for _, h := range match(&segs, words, strings.Join(words, " "), 5, fo) {
			s := strings.TrimSuffix(strings.TrimPrefix(h.Snippet, "…"), "…")
			if !utf8.ValidString(body) {
				continue
			}
			for _, w := range strings.Fields(s) {
				if !strings.Contains(body, w) {
					t.Fatalf("snippet %q has %q, not in the text %q", h.Snippet, w, body)
				}
			}
		}
	})
}
