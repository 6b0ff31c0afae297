// Package workspace opens a data directory and wires the services of every
// area onto its store. It also reads and writes the whole workspace as the
// versioned JSON format of docs/data-format.md.
package workspace

import (
	"log/slog"

	"wheelhouse/backend/backup"
	"wheelhouse/backend/brief"
	"wheelhouse/backend/calendar"
	"wheelhouse/backend/clock"
	"wheelhouse/backend/errs"
	"wheelhouse/backend/feedback"
	"wheelhouse/backend/followup"
	"wheelhouse/backend/growth"
	"wheelhouse/backend/handoff"
	"wheelhouse/backend/incident"
	"wheelhouse/backend/notify"
	"wheelhouse/backend/oncall"
	"wheelhouse/backend/oneonone"
	"wheelhouse/backend/pages"
	"wheelhouse/backend/people"
	"wheelhouse/backend/publish"
	"wheelhouse/backend/reminder"
	"wheelhouse/backend/store"
)

// Migrations is the ordered list of schema migrations. Schema 1 is the first
// release; add new migrations at the end and never edit an old one.
var Migrations = []store.Migration{
	{Version: 1, Name: "initial schema", Up: func(*store.Store) error { return nil }},
	// Issue 9: a rotation belongs to a team; schedule names that are team
	// names become the team (docs/decisions/0005-oncall.md).
	{Version: 2, Name: "rotations belong to teams", Up: oncall.MigrateScheduleNamesToTeams},
}

// Workspace is one open data directory with its services.
type Workspace struct {
	Root      string
	Store     *store.Store
	Clock     clock.Clock
	Roster    *people.Roster
	FollowUps *followup.Book
	Incidents *incident.Desk
	OnCall    *oncall.Service
	Calendar  *calendar.Service // iCalendar export, feeds and import (on-call)
	Pages     *pages.Service    // paging history imported from paging tools
	Reminders *reminder.Engine
	OneOnOnes *oneonone.Service
	Feedback  *feedback.Service
	Growth    *growth.Service  // development plans and mentoring
	Briefs    *brief.Builder   // the 1:1 prep brief and team health
	Backups   *backup.Service  // daily verified backups, kept 7 daily + 4 weekly
	Handoffs  *handoff.Service // handoff records after each turn, anonymous survey aggregates
	// Publish sends on-call calendars to CalDAV servers (issue 13). Its
	// Secrets (the OS keyring) is left to the front doors to set.
	Publish *publish.Service
}

// Options configure Open.
type Options struct {
	Logger   *slog.Logger
	Clock    clock.Clock
	InMemory bool
	NoSync   bool
	// Notifier delivers reminders to the desktop; nil delivers them to the
	// notification centre only.
	Notifier notify.Notifier
	// Zone is the IANA zone reminders use when the user has not chosen one
	// (the machine's zone); "" means UTC.
	Zone string
	// Passphrase unlocks an encrypted workspace
	// (docs/decisions/0022-encryption-at-rest.md).
	Passphrase []byte
	// Key, if set, is the unlocked key of the encrypted workspace (see
	// store.UnlockKey), used instead of running Argon2id on Passphrase again.
	Key *store.MasterKey
	// KeepAside is how many replaced workspaces an import or restore keeps
	// (store.Options.KeepAside).
	KeepAside int
	// Locked, if set, reports whether the app is locked: desktop
	// notifications then say only how many reminders of each kind are due.
	Locked func() bool
}

// Open opens (or creates) the workspace in root.
func Open(root string, opt Options) (*Workspace, error) {
	if opt.Clock == nil {
		opt.Clock = clock.Real{}
	}
	st, err := store.Open(root, store.Options{
		Logger: opt.Logger, Clock: opt.Clock, Migrations: Migrations,
		InMemory: opt.InMemory, NoSync: opt.NoSync, Passphrase: opt.Passphrase, Key: opt.Key,
	})
	if err != nil {
		return nil, err
	}
	book := followup.NewBook(st, opt.Clock)
	w := &Workspace{
		Root: root, Store: st, Clock: opt.Clock,
		Roster:    people.NewRoster(st, opt.Clock),
		FollowUps: book,
		Incidents: incident.NewDesk(st, opt.Clock, book),
		OnCall:    oncall.NewService(st, opt.Clock),
		Reminders: reminder.NewEngine(st, opt.Clock, opt.Notifier, opt.Logger),
		OneOnOnes: oneonone.NewService(st, opt.Clock, book),
		Feedback:  feedback.NewService(st, opt.Clock),
		Growth:    growth.NewService(st, opt.Clock),
		Briefs:    &brief.Builder{Goals: planGoals, Linked: planLinks},
	}
	w.Pages = pages.NewService(st, opt.Clock, w.OnCall)
	w.Handoffs = handoff.NewService(st, opt.Clock, w.OnCall)
	w.Handoffs.Zone = w.ZoneTx
	w.Backups = backup.NewService(st, opt.Clock, opt.Logger)
	w.Publish = publish.NewService(st, opt.Clock, opt.Logger)
	w.Backups.Migrations = Migrations
	w.Reminders.Locked = opt.Locked
	if opt.Zone != "" {
		w.Reminders.DefaultZone = opt.Zone
	}
	// Completes a big calendar import a crash interrupted.
	if w.Calendar, err = calendar.NewService(st, opt.Clock, opt.Logger); err != nil {
		st.Close()
		return nil, err
	}
	// Review due dates, Markdown times, the brief, team health and the 1:1
	// page are in the manager's zone.
	w.Incidents.Zone = w.ZoneTx
	w.Briefs.Store, w.Briefs.Zone = st, w.ZoneTx
	// Who is on call comes from the on-call service's cached snapshot.
	w.Briefs.OnCall = w.OnCall.SnapshotTx
	w.OneOnOnes.Zone = w.ZoneTx
	// Deleting a person describes and detaches their incidents and follow-ups.
	w.Roster.AddPersonRefs(incident.PersonRefs{Clock: opt.Clock})
	w.Roster.AddPersonRefs(followup.PersonRefs{Clock: opt.Clock})
	w.Roster.AddPersonRefs(oncall.PersonRefs{Clock: opt.Clock})
	w.Roster.AddPersonRefs(oneonone.PersonRefs{})
	w.Roster.AddPersonRefs(feedback.PersonRefs{})
	w.Roster.AddPersonRefs(growth.PersonRefs{})
	w.Roster.AddPersonRefs(pages.PersonRefs{})   // their imported pages leave the responder index
	w.Roster.AddPersonRefs(handoff.PersonRefs{}) // their handoff records (notes, burden) are deleted
	registerEvidence(w.Growth)
	// Calendar subscriptions into a deleted person or region go with it;
	// imports and subscriptions find (and make) regions by name.
	w.Roster.AddPersonRefs(calendar.PersonRefs{})
	w.OnCall.AddRegionRefs(calendar.DetachTarget)
	w.Calendar.Regions = w.OnCall
	// A service named by incidents cannot be deleted.
	w.Roster.AddServiceRefs(incident.ServiceRefs{})
	// Nor can a team that on-call rotations belong to.
	w.Roster.AddTeamRefs(oncall.TeamRefs{})
	for _, r := range reminderRules(w) {
		w.Reminders.AddRule(r)
	}
	return w, nil
}

// Close closes the store.
func (w *Workspace) Close() error {
	if w.Calendar != nil {
		// Feed fetch counts are bookkeeping: a failure to write them must
		// not stop the workspace from closing.
		_ = w.Calendar.FlushFetches()
	}
	if w.OnCall != nil {
		// Derived data (decision 0032): a failure only costs the next open
		// a replay.
		_ = w.OnCall.SaveCheckpoints()
	}
	return w.Store.Close()
}

// reminderRules are the reminder rules of every area, in the order the
// notification centre groups them.
//
// Each is watched (reminder.Watch): the engine reuses its last reminders
// until a commit writes into a key family it may read, so the evaluation
// right after an edit recomputes only the rules of the edited area (and all
// of them after an edit to the roster, whose names every rule shows). The
// families are stated as what a rule does NOT read, so that a family added
// later is watched by every rule until someone says otherwise.
func reminderRules(w *Workspace) []reminder.Rule {
	var rules []reminder.Rule
	add := func(reads store.Prefixes, rs ...reminder.Rule) {
		for _, r := range rs {
			rules = append(rules, reminder.Watch(r, reads))
		}
	}
	// Follow-ups and reviews: the follow-up brief index, the review-due
	// index and people's names.
	add(notRead(onCallFamilies, developmentFamilies), followUpRules()...)
	// On-call: rotations, overrides, swaps, time off, holiday regions (also
	// written by calendar imports), the on-call settings and people.
	add(notRead(incidentFamilies, developmentFamilies), w.OnCall.Rules()...)
	// Handoffs to record: the on-call data and the handoff records.
	add(notRead(incidentFamilies, developmentFamilies), w.Handoffs.Rules()...)
	// 1:1s, development plans, mentoring and feedback: their own records,
	// the feedback settings and people.
	add(notRead(incidentFamilies, onCallFamilies), oneonone.Rules()...)
	add(notRead(incidentFamilies, onCallFamilies), growth.Rules()...)
	add(notRead(incidentFamilies, onCallFamilies), growth.CheckInRules()...)
	add(notRead(incidentFamilies, onCallFamilies), feedback.Rules()...)
	return rules
}

// Key families (store/keys.go) by area, for what reminder rules read.
var (
	incidentFamilies    = [2]byte{0x30, 0x3F} // incidents, follow-ups and their indexes
	onCallFamilies      = [2]byte{0x50, 0x6F} // on-call and calendars
	developmentFamilies = [2]byte{0x70, 0x7F} // 1:1s, feedback, plans, mentoring
)

// notRead is every family except the reminders' own state (which no rule
// reads) and the given ranges.
func notRead(ranges ...[2]byte) store.Prefixes {
	s := store.AllPrefixes().Without(store.PrefixReminderState, store.PrefixReminderState)
	for _, r := range ranges {
		s = s.Without(r[0], r[1])
	}
	return s
}

// BackupTo writes a backup of the workspace to path atomically (the CLI's
// `backup`, and the running app when the CLI asks it to).
func (w *Workspace) BackupTo(path string) error {
	if err := w.Store.BackupToFile(path); err != nil {
		return errs.E(errs.Unavailable, "Cannot write the backup to %s: %v", path, err)
	}
	return nil
}
