package app

import (
	"wheelhouse/backend/search"
	"wheelhouse/backend/workspace"
)

// SearchAPI is bound to the frontend: the command palette's search over the
// whole workspace (backend/search).
type SearchAPI struct{ s *Shell }

// NewSearchAPI binds to shell s.
func NewSearchAPI(s *Shell) *SearchAPI { return &SearchAPI{s} }

// Search finds the records that hold every word of query, best first, at
// most limit (0: 30; 100 at most). A query longer than 200 characters is an
// invalid "query" field.
func (a *SearchAPI) Search(query string, limit int) ([]search.Hit, error) {
	return readList(a.s, "search.Search", func(w *workspace.Workspace) ([]search.Hit, error) {
		return a.s.search.Search(w, query, limit)
	})
}

// Warm readies the index in the background as the palette opens, so that
// the first search finds it built. Nothing happens while locked.
func (a *SearchAPI) Warm() {
	if a.s.Locked() {
		return
	}
	w, err := a.s.workspace()
	if err != nil {
		return
	}
	go func() {
		if err := a.s.search.Warm(w); err != nil {
			a.s.log.Debug("warming the search index", "err", err)
		}
	}()
}
