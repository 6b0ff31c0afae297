package calendar

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/dgraph-io/badger/v4"
)

// The feed server answers only requests addressed to this machine by name
// and port (DNS rebinding: a web page whose own name resolves to 127.0.0.1
// must not read the feeds), and no browser page from elsewhere.
func TestFeedServerChecksHost(t *testing.T) {
	e := setup(t)
	_, token, _ := e.cal.CreateFeed(Scope{Kind: ScopeTeam}, "Team")
	s := NewServer(e.cal.Handler(), 0)
	base, err := s.Start()
	if err != nil {
		t.Fatal(err)
	}
	defer s.Stop(t.Context())
	port := base[strings.LastIndex(base, ":")+1:]
	for _, c := range []struct {
		host, origin string
		want         int
	}{
		{"127.0.0.1:" + port, "", 200},
		{"localhost:" + port, "", 200},
		{"LOCALHOST:" + port, "", 200},
		{"[::1]:" + port, "", 200},
		{"evil.example:" + port, "", http.StatusMisdirectedRequest},
		{"127.0.0.1.evil.example:" + port, "", http.StatusMisdirectedRequest},
		{"127.0.0.1", "", http.StatusMisdirectedRequest},
		{"localhost:1", "", http.StatusMisdirectedRequest},
		{"127.0.0.1:" + port, "http://evil.example", http.StatusForbidden},
		{"127.0.0.1:" + port, "null", http.StatusForbidden},
		{"127.0.0.1:" + port, "http://127.0.0.1:" + port, 200},
	} {
		req, _ := http.NewRequest("GET", base+FeedPath(token), nil)
		req.Host = c.host
		if c.origin != "" {
			req.Header.Set("Origin", c.origin)
		}
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatalf("host %q: %v", c.host, err)
		}
		res.Body.Close()
		if res.StatusCode != c.want {
			t.Errorf("host %q origin %q: %d, want %d", c.host, c.origin, res.StatusCode, c.want)
		}
	}
}

// A client polling a feed fast makes no write per GET: fetches are counted
// in memory, shown by Feeds at once, and written in one transaction by the
// next flush (timer or FlushFetches, which the workspace calls on close).
func TestFeedFetchesAreBatched(t *testing.T) {
	e := setup(t)
	f, token, _ := e.cal.CreateFeed(Scope{Kind: ScopeTeam}, "Team")
	h := e.cal.Handler()
	stored := func() Feed {
		var x Feed
		_ = e.st.View(func(txn *badger.Txn) (err error) { x, err = Feeds.Get(txn, f.ID); return err })
		return x
	}
	for i := 0; i < 200; i++ {
		rec := &recorder{}
		h.ServeHTTP(rec, mustReq(t, token))
		if rec.code != 0 && rec.code != 200 {
			t.Fatalf("GET %d: %d", i, rec.code)
		}
	}
	if x := stored(); x.Fetches != 0 {
		t.Fatalf("%d fetches written one by one; want none before the flush", x.Fetches)
	}
	feeds, _ := e.cal.Feeds()
	if feeds[0].Fetches != 200 || !feeds[0].LastFetchedAt.Equal(now) {
		t.Fatalf("Feeds shows %d fetches at %v, want 200 at %v", feeds[0].Fetches, feeds[0].LastFetchedAt, now)
	}
	if err := e.cal.FlushFetches(); err != nil {
		t.Fatal(err)
	}
	if x := stored(); x.Fetches != 200 || !x.LastFetchedAt.Equal(now) {
		t.Fatalf("after the flush: %d at %v", x.Fetches, x.LastFetchedAt)
	}
	// The timer flushes on its own.
	old := FetchFlushEvery
	FetchFlushEvery = 20 * time.Millisecond
	defer func() { FetchFlushEvery = old }()
	h.ServeHTTP(&recorder{}, mustReq(t, token))
	deadline := time.Now().Add(5 * time.Second)
	for stored().Fetches != 201 {
		if time.Now().After(deadline) {
			t.Fatalf("timer did not flush: %d", stored().Fetches)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func mustReq(t *testing.T, token string) *http.Request {
	req, err := http.NewRequest("GET", "http://127.0.0.1"+FeedPath(token), nil)
	if err != nil {
		t.Fatal(err)
	}
	return req
}

type recorder struct {
	code int
	h    http.Header
}

func (r *recorder) Header() http.Header {
	if r.h == nil {
		r.h = http.Header{}
	}
	return r.h
}
func (r *recorder) Write(b []byte) (int, error) { return len(b), nil }
func (r *recorder) WriteHeader(c int)           { r.code = c }
