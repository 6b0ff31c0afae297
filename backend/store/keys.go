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
	// Follow-ups (backend/followup).
	PrefixFollowUp    byte = 0x38 // action | id
	IdxFollowUpOwner  byte = 0x39 // idx | owner id (Nil when removed) | status | action id
	IdxFollowUpSource byte = 0x3A // idx | source kind | source id | status | action id
	IdxFollowUpBrief  byte = 0x3B // idx | 'o' due date (open items) or 'c' completion date (closed) | brief (binary, covering) | action id
	// 0x34-0x37 and 0x3C-0x3F: free for incidents and follow-ups.

	PrefixReminderState byte = 0x40 // reminder state | reminder key (string term): delivered, snoozed, dismissed

	// On-call (backend/oncall, docs/decisions/0005-oncall.md). Holidays live
	// inside their region record; the settings under setting|"oncall".
	PrefixRotation      byte = 0x50 // rotation | id
	IdxRotationName     byte = 0x51 // idx | lower(name) | rotation id; unique
	IdxRotationPerson   byte = 0x52 // idx | person id | rotation id: participants and people given a colour
	IdxRotationTeam     byte = 0x53 // idx | team id | rotation id: the team a rotation belongs to (schema 2)
	PrefixTimeOff       byte = 0x54 // time off | id
	IdxTimeOffPerson    byte = 0x55 // idx | person id | time off id
	IdxTimeOffEnd       byte = 0x56 // idx | end bound | start bound (instants; civil dates: the day anywhere on earth) | time off id
	IdxTimeOffUID       byte = 0x57 // idx | person id | calendar UID (import dedupe) | time off id
	PrefixRegion        byte = 0x58 // holiday region | id (its holidays inside)
	IdxRegionName       byte = 0x59 // idx | lower(name) | region id; unique
	IdxRegionMember     byte = 0x5A // idx | person id | region id; a person is in at most one region
	PrefixOverride      byte = 0x5C // override | id
	IdxOverrideRotation byte = 0x5D // idx | rotation id | start | override id
	IdxOverridePerson   byte = 0x5E // idx | person id | override id
	PrefixSwap          byte = 0x60 // swap | id
	IdxSwapRotation     byte = 0x61 // idx | rotation id | slot (each of the two) | swap id
	// Calendars (backend/calendar).
	PrefixCalPublished  byte = 0x68 // published event state | UID (string term): hash, sequence, tombstone
	PrefixCalFeed       byte = 0x69 // subscription feed | id
	IdxCalFeedToken     byte = 0x6A // idx | sha256(token) | feed id; the token itself is never stored
	PrefixCalImportRedo byte = 0x6B // import redo log | id: a big import's whole change set, applied in chunks, replayed on open
	// Calendar subscriptions (URLs imported as holidays or time off, docs/decisions/0005-oncall.md).
	PrefixCalSubscription byte = 0x62 // calendar subscription | id: URL, target, refresh schedule, fetch status
	IdxCalSubTarget       byte = 0x63 // idx | target region or person id | subscription id
	PrefixCalSubCache     byte = 0x64 // fetched body | subscription id | generation id | chunk index (uint32): machine-local cache, 1 MB chunks
	// Paging history imported from PagerDuty, Opsgenie, Grafana OnCall, GoAlert (backend/pages, decision 0014).
	PrefixPage        byte = 0x6C // page | source (string term) | source id (string term): the tool's identity of the page is the key (re-import dedupe)
	IdxPageResponder  byte = 0x6D // idx | responder person id | created | source | source id; pages with a responder only
	PrefixPageImport  byte = 0x6E // page import log | id: file, fingerprint, state (applying, done), counts
	PrefixPageMapping byte = 0x6F // remembered import mapping | source (string term) | header signature (string term): columns and names (decision 0020)
	// 0x5B, 0x5F and 0x65-0x67: free for on-call and calendars.

	// People development (docs/decisions/0007-people-development.md).
	// 1:1s (backend/oneonone): the cadence of a report lives in one record per person.
	PrefixOneOnOneSeries byte = 0x70 // 1:1 series | person id: cadence, usual weekday and time
	PrefixMeeting        byte = 0x71 // 1:1 meeting | id: agenda, shared and private notes, mood
	IdxMeetingPerson     byte = 0x72 // idx | person id | date "YYYY-MM-DD" | meeting id
	// Feedback (backend/feedback).
	PrefixFeedback    byte = 0x74 // feedback | id
	IdxFeedbackPerson byte = 0x75 // idx | person id | created | feedback id
	IdxFeedbackDraft  byte = 0x76 // idx | created date "YYYY-MM-DD" | feedback id; drafts only (stale-draft reminders)
	// Development plans and mentoring (backend/growth).
	PrefixPlan          byte = 0x78 // development plan | person id (goals, milestones, stretch, evidence inside)
	IdxMilestoneDue     byte = 0x79 // idx | due date "YYYY-MM-DD" | milestone id | person id (the plan's key); open milestones only
	PrefixMentorship    byte = 0x7C // mentoring pair | id
	IdxMentorshipPerson byte = 0x7D // idx | person id (mentor and mentee) | pair id
	// 0x73, 0x77, 0x7A, 0x7B, 0x7E, 0x7F: free for people development.

	// After each on-call shift (backend/handoff, docs/decisions/0016-handoffs-and-survey.md).
	PrefixHandoff    byte = 0x80 // handoff record | id: notes, burden rating, sleep interrupted (private)
	IdxHandoffPerson byte = 0x81 // idx | person id (who held the turn) | turn start | handoff id
	IdxHandoffTurn   byte = 0x82 // idx | rotation id | turn start | handoff id; unique: one record a turn
	PrefixSurvey     byte = 0x83 // survey | 'a' | rotation id | period (string term): aggregate of anonymous answers;
	// survey | 'i' | file SHA-256 (string term): import log (re-import dedupe); survey | 'm': the remembered column mapping

	// Publishing on-call calendars to CalDAV servers (backend/publish, issue 13, decision 0025). Machine-local:
	// not in the workspace file.
	PrefixCalPublication  byte = 0x84 // publication | id: URL, user, scope, window, alarm, password (only when no OS keyring), status
	IdxCalPublicationName byte = 0x85 // idx | lower(name) | publication id; unique
	PrefixCalPubResource  byte = 0x86 // sync state | publication id | UID (string term): href, ETag, fingerprint sent, conflict
	// 0x87: free for publishing.

	// On-call replay checkpoints (backend/oncall/persist.go, decision 0032): machine-local derived
	// data, in neither backups (NotBackedUp) nor the workspace file; each key carries a fingerprint
	// of what its walk read and is used only when that matches the data.
	PrefixOnCallCheckpoint byte = 0x89 // checkpoint | rotation id | slot (uint32) | fingerprint (uint64): checksum, the walk's state before that slot (JSON)

	// 0xF0-0xFF are reserved for tests (migration tests write records here).
	PrefixTest  byte = 0xF0
	IdxTestName byte = 0xF1
)

// NotBackedUp reports whether key holds machine-local derived data that a
// backup leaves out and a restore drops (a backup from elsewhere must not
// bring its own): the on-call replay checkpoints.
func NotBackedUp(key []byte) bool { return len(key) > 0 && key[0] == PrefixOnCallCheckpoint }
