package app

import (
	"encoding/json"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"wheelhouse/backend/clock"
	"wheelhouse/backend/handoff"
)

// Handoffs through the bound API on the demo: the list as [] JSON, a
// refused record as a field error, a record, health, and a survey preview
// then import (the same file again: conflict).
func TestHandoffAPI(t *testing.T) {
	s := NewShell(Config{Root: t.TempDir(), Version: "test", Log: slog.New(slog.NewTextHandler(io.Discard, nil)),
		Clock: clock.NewFake(time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)), Zone: "UTC"})
	t.Cleanup(s.Close)
	api := NewHandoffAPI(s)
	if _, err := api.Recent(0); apiErr(t, err).Code != "unavailable" {
		t.Fatalf("no workspace: %v", err)
	}
	if err := s.Open(); err != nil {
		t.Fatal(err)
	}
	if l, err := api.Recent(0); err != nil || l == nil {
		t.Fatalf("empty workspace: %v %v", l, err)
	}
	if _, err := NewWorkspaceAPI(s).OpenDemo(); err != nil {
		t.Fatal(err)
	}
	list, err := api.Recent(0)
	if err != nil {
		t.Fatal(err)
	}
	var ended *handoff.Entry
	for i := range list {
		if list[i].Ended {
			ended = &list[i]
			break
		}
	}
	if ended == nil {
		t.Fatalf("no ended turn: %+v", list)
	}
	// The input as the frontend sends it: the turn start as an RFC 3339 string.
	var in handoff.Input
	raw := `{"rotationId":"` + ended.RotationID.String() + `","turnStart":"` + ended.Start.Format(time.RFC3339) + `","rating":0}`
	if err := json.Unmarshal([]byte(raw), &in); err != nil {
		t.Fatal(err)
	}
	if ae := apiErr(t, func() error { _, err := api.Record(in); return err }()); ae.Code != "invalid" || ae.Field != "rating" {
		t.Fatalf("rating 0: %+v", ae)
	}
	h0, err := api.Health(0)
	if err != nil || len(h0) == 0 {
		t.Fatalf("health before %+v %v", h0, err)
	}
	in.Rating, in.RunbookGaps = 3, "no runbook for the queue alert"
	r, err := api.Record(in)
	if err != nil || r.PersonID != ended.PersonID {
		t.Fatalf("record %+v %v", r, err)
	}
	h, err := api.Health(0)
	if err != nil || len(h) == 0 || h[0].Recorded != h0[0].Recorded+1 {
		t.Fatalf("health %+v %v", h, err)
	}
	csv := "Timestamp,Rotation,Rating\n2026-11-20,Payments on-call,4\n"
	p, err := api.PreviewSurvey(csv, "s.csv", handoff.Mapping{})
	if err != nil || p.Answers != 1 || len(p.Mapping.Columns) != 3 {
		t.Fatalf("preview %+v %v", p, err)
	}
	if _, err := api.ImportSurvey(csv, "s.csv", p.Mapping); err != nil {
		t.Fatal(err)
	}
	if _, err := api.ImportSurvey(csv, "again.csv", p.Mapping); apiErr(t, err).Code != "conflict" {
		t.Fatalf("again: %v", err)
	}
	// A person mapped: the preview says why (with the columns to fix it); the import refuses.
	bad := handoff.Mapping{Columns: []handoff.ColumnMap{{Column: "Rotation", Field: "email"}}}
	if p, err := api.PreviewSurvey(csv, "s.csv", bad); err != nil || !strings.Contains(strings.Join(p.MappingErrors, " "), "anonymous") || len(p.Headers) != 3 {
		t.Fatalf("person mapping preview: %+v %v", p, err)
	}
	if _, err := api.ImportSurvey(csv, "s2.csv", bad); !strings.Contains(apiErr(t, err).Message, "anonymous") {
		t.Fatalf("person mapping import: %v", err)
	}
	// The native dialog's answer under test, then the file by its path.
	dir := t.TempDir()
	file := filepath.Join(dir, "week.csv")
	os.WriteFile(file, []byte("Timestamp,Rotation,Rating\n2026-11-21,Payments on-call,2\n"), 0o644)
	answer := filepath.Join(dir, "answer")
	os.WriteFile(answer, []byte(file+"\n"), 0o644)
	s.getenv = func(k string) string {
		if k == "WHEELHOUSE_TEST_OPEN_FILE" {
			return answer
		}
		return ""
	}
	if got, err := api.ChooseSurveyFile(); err != nil || got != file {
		t.Fatalf("chosen %q %v", got, err)
	}
	if p, err := api.PreviewSurveyFile(file, handoff.Mapping{}); err != nil || p.File != "week.csv" || p.Answers != 1 {
		t.Fatalf("preview of the file %+v %v", p, err)
	}
	if _, err := api.ImportSurveyFile(file, handoff.Mapping{}); err != nil {
		t.Fatal(err)
	}
	if _, err := api.PreviewSurveyFile(filepath.Join(dir, "missing.csv"), handoff.Mapping{}); apiErr(t, err).Field != "file" {
		t.Fatalf("missing file: %v", err)
	}
	if err := api.Delete(r.ID.String()); err != nil {
		t.Fatal(err)
	}
	if err := api.Delete("nope"); apiErr(t, err).Code != "invalid" {
		t.Fatalf("bad id: %v", err)
	}
}
