package app

import (
	"os"
	"path/filepath"
	"testing"
)

// The import screen's calls: a file chosen (the test answer of the open
// dialog), a preview that needs a column and a name mapped, Apply, the
// mapping remembered for the next file of that shape, a re-import that
// changes nothing, and bad options answered next to their field.
func TestPagesImportThroughAPI(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "incidents.csv")
	if err := os.WriteFile(file, []byte("id,incident_number,title,created_at,service_name,Handled By\n"+
		"P1,1,Disk full,2026-11-03T09:15:00Z,payments-api,Ann Lee\n"+
		"P2,2,Latency,2026-11-05T22:40:00Z,payments-api,J. N.\n"+
		"P3,3,5xx,2026-11-04T12:00:00Z,payments-api,J. N.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	answer := filepath.Join(dir, "answer")
	s := shellWith(t, Config{Getenv: func(k string) string {
		if k == "WHEELHOUSE_TEST_OPEN_FILE" {
			return answer
		}
		return ""
	}})
	api := NewPagesAPI(s)
	if p, err := api.ChooseFile(); err != nil || p != "" {
		t.Fatalf("no answer is a cancel: %q %v", p, err)
	}
	os.WriteFile(answer, []byte(file+"\n"), 0o644)
	path, err := api.ChooseFile()
	if err != nil || path != file {
		t.Fatalf("choose: %q %v", path, err)
	}
	ppl := NewPeopleAPI(s)
	if _, err := ppl.CreatePerson(PersonInput{Name: "Ann Lee", TimeZone: "Europe/Berlin"}); err != nil {
		t.Fatal(err)
	}
	jo, err := ppl.CreatePerson(PersonInput{Name: "Jo Nunez", TimeZone: "Europe/Berlin"})
	if err != nil {
		t.Fatal(err)
	}
	sum, err := api.Summary()
	if err != nil || sum.Pages != 0 || len(sum.Imports) != 0 || sum.Fields[len(sum.Fields)-1] != "ignore" || sum.Fields[0] != "id" {
		t.Fatalf("summary: %+v %v", sum, err)
	}

	pre, err := api.Preview(path, PagesOptionsDTO{UseRemembered: true})
	if err != nil || pre.Added != 3 || pre.Remembered != nil || len(pre.Unmatched) != 0 || pre.Header[5].Name != "Handled By" || pre.Header[5].By != "" {
		t.Fatalf("first preview: %+v %v", pre, err)
	}
	opt := PagesOptionsDTO{Columns: map[string]string{"Handled By": "ack_user"}}
	pre, err = api.Preview(path, opt)
	if err != nil || len(pre.Unmatched) != 1 || pre.Unmatched[0].Name != "J. N." || pre.ByAcknowledger != 1 {
		t.Fatalf("column mapped: %+v %v", pre, err)
	}
	opt.People = map[string]string{"J. N.": jo.ID}
	pre, err = api.Preview(path, opt)
	if err != nil || len(pre.Unmatched) != 0 || pre.ByAcknowledger != 3 {
		t.Fatalf("name mapped: %+v %v", pre, err)
	}
	opt.Fingerprint = pre.Fingerprint
	prog := &progressRec{}
	s.SetEmitter(prog)
	res, err := api.Apply(path, opt)
	if err != nil || res.Added != 3 || !res.Applied {
		t.Fatalf("apply: %+v %v", res, err)
	}
	// The screen hears how far each pass got, ending with the whole file.
	if fi, _ := os.Stat(path); len(prog.got) < 2 || prog.got[len(prog.got)-1] != (PagesProgressDTO{Apply: true, Pass: 2, Rows: 3, Bytes: fi.Size(), Size: fi.Size()}) ||
		prog.got[0].Pass != 1 {
		t.Fatalf("progress: %+v", prog.got)
	}
	sum, err = api.Summary()
	if err != nil || sum.Pages != 3 || len(sum.Imports) != 1 || sum.Imports[0].Added != 3 || sum.Imports[0].File != file {
		t.Fatalf("summary after: %+v %v", sum, err)
	}
	// The next preview of the file applies the remembered mapping and finds
	// nothing new; applying it changes nothing.
	pre, err = api.Preview(path, PagesOptionsDTO{UseRemembered: true})
	if err != nil || pre.Remembered == nil || pre.ColumnMap["Handled By"] != "ack_user" || pre.PersonMap["J. N."] != jo.ID ||
		pre.Unchanged != 3 || pre.Added+pre.Updated != 0 {
		t.Fatalf("remembered: %+v %v", pre, err)
	}
	res, err = api.Apply(path, PagesOptionsDTO{Columns: pre.ColumnMap, People: pre.PersonMap, Fingerprint: pre.Fingerprint})
	if err != nil || res.Unchanged != 3 || res.Added+res.Updated != 0 {
		t.Fatalf("re-import: %+v %v", res, err)
	}

	// Bad options, each next to its field.
	if _, err := api.Preview("", PagesOptionsDTO{}); apiErr(t, err).Field != "path" {
		t.Fatal("an empty path")
	}
	if _, err := api.Preview(path, PagesOptionsDTO{Source: "splunk"}); apiErr(t, err).Field != "source" {
		t.Fatal("an unknown source")
	}
	if _, err := api.Preview(path, PagesOptionsDTO{Columns: map[string]string{"Handled By": "nope"}}); apiErr(t, err).Field != "columns" {
		t.Fatal("an unknown field")
	}
	if _, err := api.Preview(path, PagesOptionsDTO{People: map[string]string{"J. N.": "nope"}}); apiErr(t, err).Field != "people" {
		t.Fatal("a bad person id")
	}
	if _, err := api.Preview(filepath.Join(dir, "gone.csv"), PagesOptionsDTO{}); apiErr(t, err).Code != "invalid" {
		t.Fatal("a missing file")
	}
	// A file without an id column comes back described, for mapping.
	odd := filepath.Join(dir, "odd.csv")
	os.WriteFile(odd, []byte("Ticket,Opened\nT-1,2026-11-03T10:00:00Z\n"), 0o644)
	pre, err = api.Preview(odd, PagesOptionsDTO{})
	if err != nil || len(pre.Missing) != 1 || pre.Missing[0] != "id" || pre.Problem == "" || len(pre.Header) != 2 {
		t.Fatalf("odd: %+v %v", pre, err)
	}
	if _, err := api.Apply(odd, PagesOptionsDTO{}); apiErr(t, err).Code != "invalid" {
		t.Fatal("applying a file without ids")
	}
}

type progressRec struct{ got []PagesProgressDTO }

func (r *progressRec) Emit(name string, data any) {
	if p, ok := data.(PagesProgressDTO); ok && name == EventPagesProgress {
		r.got = append(r.got, p)
	}
}
