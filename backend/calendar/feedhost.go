package calendar

import (
	"context"
	"fmt"
	"net/http"
	"strconv"
	"sync"
	"time"
)

// DefaultFeedPort is where subscription feeds are served.
const DefaultFeedPort = 47831

// FeedPort is the feed port WHEELHOUSE_FEED_PORT asks for (0: any free
// port), else DefaultFeedPort.
func FeedPort(getenv func(string) string) int {
	if p, err := strconv.Atoi(getenv("WHEELHOUSE_FEED_PORT")); err == nil {
		return p
	}
	return DefaultFeedPort
}

// FeedHost serves subscription feeds on 127.0.0.1, started on first use and
// stopped by Stop. The port stays the same across runs so subscribed
// calendars keep working; if it is taken, an ephemeral port is used and
// Note says so.
type FeedHost struct {
	Handler http.Handler
	Port    int

	mu   sync.Mutex
	srv  *Server
	base string
	note string
}

// Start serves the feeds unless they are served already; it returns the
// base URL (http://127.0.0.1:PORT).
func (f *FeedHost) Start() (string, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.srv != nil {
		return f.base, nil
	}
	srv := NewServer(f.Handler, f.Port)
	base, err := srv.Start()
	if err != nil && f.Port != 0 {
		srv = NewServer(f.Handler, 0)
		if base, err = srv.Start(); err == nil {
			f.note = fmt.Sprintf("Port %d was taken, so feeds use %s for now; subscriptions made now stop working when Wheelhouse restarts.", f.Port, base)
		}
	}
	if err != nil {
		return "", err
	}
	f.srv, f.base = srv, base
	return base, nil
}

// Note says why feeds are not on their usual port ("" when they are).
func (f *FeedHost) Note() string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.note
}

// Stop stops serving, waiting up to 3 seconds for requests in flight.
func (f *FeedHost) Stop() {
	f.mu.Lock()
	srv := f.srv
	f.srv, f.base = nil, ""
	f.mu.Unlock()
	if srv != nil {
		ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
		defer cancel()
		_ = srv.Stop(ctx)
	}
}
