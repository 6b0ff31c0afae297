package calendar

import (
	"strconv"
	"sync"
)

// Previews keeps import previews between preview and apply, under a token:
// the last few only (older ones expire, and the user previews again).
// The zero value is ready to use.
type Previews struct {
	mu sync.Mutex
	m  map[string]*Preview
	n  int
}

// Put keeps a preview and returns its token.
func (p *Previews) Put(pr *Preview) string {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.m == nil || len(p.m) > 8 { // keep a few; older ones expire
		p.m = map[string]*Preview{}
	}
	p.n++
	tok := strconv.Itoa(p.n) + "-" + pr.Fingerprint[:12]
	p.m[tok] = pr
	return tok
}

// Take returns the preview of a token once (nil: unknown or expired).
func (p *Previews) Take(tok string) *Preview {
	p.mu.Lock()
	defer p.mu.Unlock()
	pr := p.m[tok]
	delete(p.m, tok)
	return pr
}
