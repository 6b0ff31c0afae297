package workspace_test

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"wheelhouse/backend/calendar"
	"wheelhouse/backend/workspace"
)

// Feed fetches counted in memory are written when the workspace closes.
func TestCloseWritesFeedFetches(t *testing.T) {
	dir := t.TempDir()
	w, err := workspace.Open(dir, workspace.Options{})
	if err != nil {
		t.Fatal(err)
	}
	_, token, err := w.Calendar.CreateFeed(calendar.Scope{Kind: calendar.ScopeTeam}, "Team")
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 3; i++ {
		rec := httptest.NewRecorder()
		w.Calendar.Handler().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "http://127.0.0.1"+calendar.FeedPath(token), nil))
		if rec.Code != 200 {
			t.Fatalf("GET: %d", rec.Code)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	w, err = workspace.Open(dir, workspace.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	fs, _ := w.Calendar.Feeds()
	if len(fs) != 1 || fs[0].Fetches != 3 {
		t.Fatalf("after reopening: %+v, want 3 fetches", fs)
	}
}
