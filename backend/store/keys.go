package store

// The one key-prefix table of the Wheelhouse database. Every key starts with
// one of these bytes. Codes are never reused: a retired code stays here,
// commented as retired, so old data can never be misread.
//
// Layout conventions (see docs/data-format.md, "Storage"):
//   - record:          prefix | id(16)
//   - secondary index: prefix | term | id(16), key only, written in the same
//     transaction as the record it points to
//   - terms are built with Term(): strings length-prefixed, numbers and times
//     fixed-width big-endian, IDs raw 16 bytes.
const (
	PrefixMeta    byte = 0x01 // meta | name: database marker, schema version
	PrefixSetting byte = 0x02 // setting | name: workspace settings (JSON)

	PrefixPerson      byte = 0x10 // person | id
	IdxPersonEmail    byte = 0x11 // idx | lower(email) | person id; unique
	IdxPersonManager  byte = 0x12 // idx | manager id | person id
	PrefixTeam        byte = 0x18 // team | id
	IdxTeamName       byte = 0x19 // idx | lower(name) | team id; unique
	IdxTeamMember     byte = 0x1A // idx | person id | team id
	PrefixService     byte = 0x20 // service | id
	IdxServiceName    byte = 0x21 // idx | lower(name) | service id; unique
	IdxServiceTeam    byte = 0x22 // idx | owning team id | service id
	IdxServiceContact byte = 0x23 // idx | person id | service id

	// Incidents (backend/incident). The timeline and the review live inside
	// the incident record (docs/decisions/0004-incidents.md).
	PrefixIncident     byte = 0x30 // incident | id
	IdxIncidentSummary byte = 0x31 // idx | startedAt | summary (binary, covering: lists and metrics read keys only) | incident id
	IdxIncidentPerson  byte = 0x32 // idx | person id | incident id: anyone in a role, participant, author
	IdxReviewDue       byte = 0x33 // idx | review due date "YYYY-MM-DD" | review brief (covering) | incident id; only pending reviews
	// Follow-ups / action items (backend/action).
	PrefixAction    byte = 0x38 // action | id
	IdxActionOwner  byte = 0x39 // idx | owner id (Nil when removed) | status | action id
	IdxActionSource byte = 0x3A // idx | source kind | source id | status | action id
	IdxActionBrief  byte = 0x3B // idx | 'o' due date (open items) or 'c' completion date (closed) | brief (binary, covering) | action id
	// 0x34-0x37 and 0x3C-0x3F: free for incidents and follow-ups.

	PrefixReminderState byte = 0x40 // reminder state | reminder key (string term): delivered, snoozed, dismissed

	// 0xF0-0xFF are reserved for tests (migration tests write records here).
	PrefixTest  byte = 0xF0
	IdxTestName byte = 0xF1
)
