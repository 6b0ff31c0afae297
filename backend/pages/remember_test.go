package pages_test

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/errs"
	"wheelhouse/backend/id"
	"wheelhouse/backend/pages"
	"wheelhouse/backend/store"
)

// A PagerDuty-style export whose acknowledging user sits in a column no
// synonym knows ("Handled By"), one of whose names is nobody's.
const handledBy = "id,incident_number,title,created_at,service_name,Handled By,Ticket\n" +
	"P1,1,Disk full,2026-11-03T09:15:00Z,payments-api,Ann Lee,T-9\n" +
	"P2,2,Latency,2026-11-05T22:40:00Z,payments-api,J. N.,T-10\n" +
	"P3,3,5xx,2026-11-04T12:00:00Z,payments-api,J. N.,\n"

func TestPreviewDescribesColumns(t *testing.T) {
	f := newFixture(t)
	res, err := f.w.Pages.Preview(pages.OpenBytes([]byte(handledBy)), pages.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Source != "pagerduty" || res.Rows != 3 || res.Added != 3 || len(res.Header) != 7 || len(res.Missing) != 0 || res.Problem != "" {
		t.Fatalf("%+v", res)
	}
	col := func(name string) pages.Column {
		for _, c := range res.Header {
			if c.Name == name {
				return c
			}
		}
		t.Fatalf("no column %s in %+v", name, res.Header)
		return pages.Column{}
	}
	if c := col("created_at"); c.By != "auto" || strings.Join(c.Fields, ",") != "created" || c.Sample != "2026-11-03T09:15:00Z" {
		t.Errorf("created_at: %+v", c)
	}
	if c := col("Handled By"); c.By != "" || len(c.Fields) != 0 || c.Sample != "Ann Lee" {
		t.Errorf("Handled By: %+v", c)
	}
	if c := col("Ticket"); c.Sample != "T-9" {
		t.Errorf("Ticket: %+v", c)
	}
	if res.First.Format(time.RFC3339) != "2026-11-03T09:15:00Z" || res.Last.Format(time.RFC3339) != "2026-11-05T22:40:00Z" {
		t.Errorf("range %s – %s", res.First, res.Last)
	}
	// Nobody acknowledged, as far as the columns it knows tell.
	if res.NoResponder+res.ByOnCall != 3 || len(res.Unmatched) != 0 {
		t.Errorf("responders: %+v", res)
	}
}

// A file without an id column is described, not refused blind: its columns
// and what is missing come back with the error, and mapping a column fixes it.
func TestPreviewMissingColumns(t *testing.T) {
	f := newFixture(t)
	file := "Ticket,Opened,Who\nT-1,2026-11-03T10:00:00Z,Ann Lee\n"
	res, err := f.w.Pages.Preview(pages.OpenBytes([]byte(file)), pages.Options{})
	if errs.CodeOf(err) != errs.Invalid || res == nil || strings.Join(res.Missing, ",") != "id" ||
		!strings.Contains(res.Problem, "No column holds the page's id") || len(res.Header) != 3 || res.Header[0].Sample != "T-1" {
		t.Fatalf("%v %+v", err, res)
	}
	res, err = f.w.Pages.Preview(pages.OpenBytes([]byte(file)), pages.Options{ParseOptions: pages.ParseOptions{
		Map: map[string]pages.Field{"Ticket": pages.FID, "opened": pages.FCreated, "Who": pages.FAckUser}}})
	if err != nil || res.Added != 1 || res.ByAcknowledger != 1 || res.ColumnMap["Opened"] != "created" || res.Header[0].By != "map" {
		t.Fatalf("mapped: %v %+v", err, res)
	}
	// Two columns read as one field, and a column the file lacks.
	_, err = f.w.Pages.Preview(pages.OpenBytes([]byte(file)), pages.Options{ParseOptions: pages.ParseOptions{
		Map: map[string]pages.Field{"Ticket": pages.FID, "Opened": pages.FID}}})
	if errs.CodeOf(err) != errs.Invalid || !strings.Contains(errs.MessageOf(err), `"Opened" and "Ticket" are both read as id`) {
		t.Fatalf("two columns as id: %v", err)
	}
	_, err = f.w.Pages.Preview(pages.OpenBytes([]byte(file)), pages.Options{ParseOptions: pages.ParseOptions{Map: map[string]pages.Field{"Nope": pages.FID}}})
	if errs.CodeOf(err) != errs.Invalid || !strings.Contains(errs.MessageOf(err), `"Nope"`) {
		t.Fatalf("unknown column: %v", err)
	}
}

// The app's flow: map the unknown column and the unknown name, apply with
// Remember; the next preview of a file with the same columns (in another
// order) applies both by itself, and re-importing changes nothing.
func TestRememberedMapping(t *testing.T) {
	f := newFixture(t)
	svc := f.w.Pages
	opt := pages.Options{ParseOptions: pages.ParseOptions{Map: map[string]pages.Field{"Handled By": pages.FAckUser}}}
	pre, err := svc.Preview(pages.OpenBytes([]byte(handledBy)), opt)
	if err != nil || pre.ByAcknowledger != 1 || len(pre.Unmatched) != 1 || pre.Unmatched[0] != (pages.NameCount{Name: "J. N.", Pages: 2}) || pre.Remembered != nil {
		t.Fatalf("preview: %v %+v", err, pre)
	}
	// A name mapped to someone not in the workspace.
	bad := opt
	bad.MapPersonID = map[string]id.ID{"J. N.": id.New(time.Now())}
	if _, err := svc.Preview(pages.OpenBytes([]byte(handledBy)), bad); errs.CodeOf(err) != errs.Invalid || !strings.Contains(errs.MessageOf(err), "not in this workspace") {
		t.Fatalf("unknown person: %v", err)
	}
	opt.MapPersonID = map[string]id.ID{"J. N.": f.jose.ID}
	opt.Remember = true
	res, err := svc.Apply(pages.OpenBytes([]byte(handledBy)), opt)
	if err != nil || res.Added != 3 || res.ByAcknowledger != 3 || len(res.Unmatched) != 0 || res.PersonMap["J. N."] != f.jose.ID.String() {
		t.Fatalf("apply: %v %+v", err, res)
	}
	got := f.stored(t)
	if p := got["pagerduty/P2"]; p.ResponderID != f.jose.ID || p.ResponderBy != pages.ByMap || p.AckBy != "J. N." {
		t.Errorf("P2: %+v", p)
	}
	if p := got["pagerduty/P1"]; p.ResponderID != f.ann.ID || p.ResponderBy != pages.ByName {
		t.Errorf("P1: %+v", p)
	}
	before := f.keys(t)

	// The same columns in another order and spelling: one signature.
	again := "Ticket,handled_by,id,incident_number,title,created_at,service_name\n" +
		"T-9,Ann Lee,P1,1,Disk full,2026-11-03T09:15:00Z,payments-api\n" +
		"T-10,J. N.,P2,2,Latency,2026-11-05T22:40:00Z,payments-api\n" +
		",J. N.,P3,3,5xx,2026-11-04T12:00:00Z,payments-api\n"
	if pages.Signature([]string{"Ticket", "handled_by", "id", "incident_number", "title", "created_at", "service_name"}) != res.Signature {
		t.Fatal("the signature depends on the order or spelling of the columns")
	}
	// Without asking for it, nothing is remembered.
	plain, err := svc.Preview(pages.OpenBytes([]byte(again)), pages.Options{})
	if err != nil || plain.Remembered != nil || len(plain.ColumnMap) != 0 || plain.Unchanged != 0 {
		t.Fatalf("plain preview: %v %+v", err, plain)
	}
	pre, err = svc.Preview(pages.OpenBytes([]byte(again)), pages.Options{UseRemembered: true})
	if err != nil || pre.Remembered == nil || pre.Remembered.Columns != 1 || pre.Remembered.People != 1 ||
		pre.ColumnMap["handled_by"] != "ack_user" || pre.PersonMap["J. N."] != f.jose.ID.String() ||
		pre.Unchanged != 3 || pre.Added+pre.Updated != 0 || len(pre.Unmatched) != 0 {
		t.Fatalf("remembered preview: %v %+v %+v", err, pre, pre.Remembered)
	}
	// What the caller says wins over what was remembered.
	over, err := svc.Preview(pages.OpenBytes([]byte(again)), pages.Options{UseRemembered: true,
		ParseOptions: pages.ParseOptions{Map: map[string]pages.Field{"handled_by": pages.FAssigned}}})
	if err != nil || over.ColumnMap["handled_by"] != "assigned" || over.Remembered == nil || over.Remembered.Columns != 0 || over.Updated != 3 {
		t.Fatalf("explicit over remembered: %v %+v", err, over)
	}
	// Re-importing with the remembered mapping changes nothing.
	res, err = svc.Apply(pages.OpenBytes([]byte(again)), pages.Options{UseRemembered: true, Remember: true})
	if err != nil || res.Unchanged != 3 || res.Added+res.Updated != 0 {
		t.Fatalf("re-import: %v %+v", err, res)
	}
	if f.keys(t) != before {
		t.Fatal("re-importing changed the pages")
	}
	// A remembered name whose person is gone is dropped, not an error.
	if _, err := f.w.Roster.DeletePerson(f.jose.ID, f.jose.Name); err != nil {
		t.Fatal(err)
	}
	pre, err = svc.Preview(pages.OpenBytes([]byte(again)), pages.Options{UseRemembered: true})
	if err != nil || pre.Remembered == nil || pre.Remembered.People != 0 || len(pre.PersonMap) != 0 || len(pre.Unmatched) != 1 {
		t.Fatalf("after the person left: %v %+v", err, pre)
	}
}

// Apply refuses a file that changed since its preview, writing nothing.
func TestApplyExpectsThePreviewedFile(t *testing.T) {
	f := newFixture(t)
	pre, err := f.w.Pages.Preview(pages.OpenBytes([]byte(handledBy)), pages.Options{})
	if err != nil {
		t.Fatal(err)
	}
	changed := handledBy + "P4,4,More,2026-11-06T09:00:00Z,payments-api,Ann Lee,\n"
	_, err = f.w.Pages.Apply(pages.OpenBytes([]byte(changed)), pages.Options{Expect: pre.Fingerprint, Remember: true,
		ParseOptions: pages.ParseOptions{Map: map[string]pages.Field{"Handled By": pages.FAckUser}}})
	if errs.CodeOf(err) != errs.Conflict {
		t.Fatalf("changed file: %v", err)
	}
	if n, _ := f.w.Pages.Count(); n != 0 {
		t.Fatalf("%d pages written", n)
	}
	if r, err := f.w.Pages.Remembered("pagerduty", pre.Signature); err != nil || r != nil {
		t.Fatalf("a refused import remembered %+v %v", r, err)
	}
	if _, err := f.w.Pages.Apply(pages.OpenBytes([]byte(handledBy)), pages.Options{Expect: pre.Fingerprint}); err != nil {
		t.Fatal(err)
	}
	_ = f.w.Store.View(func(txn *badger.Txn) error {
		if n := store.CountPrefix(txn, []byte{store.PrefixPageMapping}); n != 0 {
			t.Errorf("an import without Remember stored %d mappings", n)
		}
		return nil
	})
}

// Progress reports both passes, rows and bytes growing to the whole file.
func TestImportProgress(t *testing.T) {
	f := newFixture(t)
	var b strings.Builder
	b.WriteString("id,created_at\n")
	for i := range 2000 {
		b.WriteString("X" + strings.Repeat("0", 5-len(itoa(i))) + itoa(i) + ",2026-11-03T09:15:00Z\n")
	}
	file := b.String()
	var got []pages.Progress
	res, err := f.w.Pages.Apply(pages.OpenBytes([]byte(file)), pages.Options{Progress: func(p pages.Progress) { got = append(got, p) }})
	if err != nil || res.Added != 2000 {
		t.Fatalf("%v %+v", err, res)
	}
	last := map[int]pages.Progress{}
	for i, p := range got {
		if l, ok := last[p.Pass]; ok && (p.Rows < l.Rows || p.Bytes < l.Bytes) {
			t.Fatalf("progress went back at %d: %+v after %+v", i, p, l)
		}
		if i > 0 && p.Pass < got[i-1].Pass {
			t.Fatalf("pass 1 after pass 2: %+v", got)
		}
		last[p.Pass] = p
	}
	for _, pass := range []int{1, 2} {
		if l := last[pass]; l.Rows != 2000 || l.Bytes != int64(len(file)) {
			t.Errorf("pass %d ends at %+v, want 2000 rows and %d bytes", pass, l, len(file))
		}
	}
	if len(got) < 6 {
		t.Errorf("only %d reports for 2000 rows in batches", len(got))
	}
}

func itoa(i int) string { return strconv.Itoa(i) }
