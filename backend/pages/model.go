// Package pages imports paging history (the pages, alerts or incidents of
// PagerDuty, Opsgenie/Jira Service Management, Grafana OnCall and GoAlert)
// from the files those tools export, and files each page under the person
// who answered it. Decision 0014 (docs/decisions/0014-paging-import.md) says
// how an import of any size is previewed, then applied all or nothing.
package pages

import (
	"time"

	"wheelhouse/backend/id"
	"wheelhouse/backend/store"
)

// Page is one page as the paging tool exported it. Times are UTC.
type Page struct {
	Source           string    `json:"source"`   // pagerduty, opsgenie, grafana, goalert or csv
	SourceID         string    `json:"sourceId"` // the tool's id of the page; with Source, its identity
	Number           string    `json:"number,omitempty"`
	Title            string    `json:"title,omitempty"`
	Service          string    `json:"service,omitempty"`
	Team             string    `json:"team,omitempty"`
	EscalationPolicy string    `json:"escalationPolicy,omitempty"`
	Created          time.Time `json:"created"`
	Acknowledged     time.Time `json:"acknowledged,omitzero"`
	Resolved         time.Time `json:"resolved,omitzero"`
	AckSeconds       *int64    `json:"ackSeconds,omitempty"`     // time to acknowledge
	ResolveSeconds   *int64    `json:"resolveSeconds,omitempty"` // time to resolve
	Status           string    `json:"status,omitempty"`         // lower-cased as given: triggered, acknowledged, resolved, closed …
	Urgency          string    `json:"urgency,omitempty"`        // urgency or priority as given: high, P1 …
	AckBy            string    `json:"ackBy,omitempty"`          // acknowledging user name(s) as given
	ResolvedBy       string    `json:"resolvedBy,omitempty"`     // resolving user name as given
	Assigned         string    `json:"assigned,omitempty"`       // assigned users or owner as given
	// ResponderID is the person the page belongs to; zero when nobody was
	// found. ResponderBy says how: "name" or "email" (the acknowledging
	// user), "map" (--map-person), "oncall" (on call for the service's team
	// at Created, on RotationID).
	ResponderID id.ID  `json:"responderId,omitzero"`
	ResponderBy string `json:"responderBy,omitempty"`
	RotationID  id.ID  `json:"rotationId,omitzero"`
}

// How a responder was found.
const (
	ByName   = "name"
	ByEmail  = "email"
	ByMap    = "map"
	ByOnCall = "oncall"
)

// Key is where a page is stored: page | source | source id (strings,
// length-prefixed). The natural key makes a re-import find the page it
// updates without an index.
func Key(source, sourceID string) []byte { return store.Key(store.PrefixPage, source, sourceID) }

// responderKey is the index entry of a page under its responder:
// idx | responder | created | source | source id.
func responderKey(p *Page) []byte {
	return store.Key(store.IdxPageResponder, p.ResponderID, p.Created, p.Source, p.SourceID)
}

// ImportLog records one applied import (decision 0014): State is
// "applying" while its rows are written and "done" after; an import a crash
// interrupted stays "applying" until the same file is imported again.
type ImportLog struct {
	ID          id.ID     `json:"id"`
	File        string    `json:"file"`
	Fingerprint string    `json:"fingerprint"` // SHA-256 of the file
	Source      string    `json:"source"`
	State       string    `json:"state"`
	StartedAt   time.Time `json:"startedAt"`
	FinishedAt  time.Time `json:"finishedAt,omitzero"`
	Added       int       `json:"added"`
	Updated     int       `json:"updated"`
	Unchanged   int       `json:"unchanged"`
	Skipped     int       `json:"skipped"`
}

// Import log states.
const (
	StateApplying = "applying"
	StateDone     = "done"
)

func logKey(u id.ID) []byte { return store.Key(store.PrefixPageImport, u) }
