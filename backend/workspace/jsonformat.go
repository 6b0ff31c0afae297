package workspace

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/calendar"
	"wheelhouse/backend/clock"
	"wheelhouse/backend/errs"
	"wheelhouse/backend/feedback"
	"wheelhouse/backend/followup"
	"wheelhouse/backend/growth"
	"wheelhouse/backend/handoff"
	"wheelhouse/backend/id"
	"wheelhouse/backend/incident"
	"wheelhouse/backend/oncall"
	"wheelhouse/backend/oneonone"
	"wheelhouse/backend/people"
	"wheelhouse/backend/reminder"
	"wheelhouse/backend/store"
)

// Format identifies a Wheelhouse workspace file; FormatVersion is bumped
// whenever a field changes meaning or a required field is added.
const (
	Format        = "wheelhouse-workspace"
	FormatVersion = 1
	// MaxImportBytes bounds an import file (the large demo, five years with
	// 2,000 incidents and 20,000 follow-ups, is about 25 MB).
	MaxImportBytes = 256 << 20
)

// Settings are the workspace-wide settings in the file.
type Settings struct {
	LevelLadder []string `json:"levelLadder"`
	// Incidents: severity labels, review due days, cause keywords. Missing
	// fields take the defaults (files written before issue 4 have none).
	Incidents incident.Settings `json:"incidents"`
	// Reminders: time zone, quiet hours, desktop notifications, background
	// running. Absent in older files: the defaults.
	Reminders *reminder.Settings `json:"reminders,omitempty"`
}

// Snapshot is the whole workspace: what export writes and import reads.
type Snapshot struct {
	Format     string           `json:"format"`
	Version    int              `json:"version"`
	ExportedAt time.Time        `json:"exportedAt"`
	Generator  string           `json:"generator,omitempty"`
	Settings   Settings         `json:"settings"`
	People     []people.Person  `json:"people"`
	Teams      []people.Team    `json:"teams"`
	Services   []people.Service `json:"services"`
	// Incidents and follow-ups (issue 4): additive, absent in older files.
	Incidents []incident.Incident `json:"incidents"`
	FollowUps []followup.Item     `json:"actions"` // the JSON key predates the name
	// Reminder state: which reminders were delivered, snoozed or dismissed,
	// so an imported workspace does not remind of everything again.
	ReminderStates []reminder.State `json:"reminderStates"`
	// On-call (issue 3): rotations, holiday regions, time off, overrides,
	// swaps and settings. Absent in older files: none, default settings.
	OnCall oncall.Data `json:"oncall"`
	// Calendar subscriptions (issue 3): URLs imported as holidays or time
	// off, without their cached copies. Absent in older files: none.
	CalendarSubscriptions []calendar.Subscription `json:"calendarSubscriptions"`
	// People development (issue 5): 1:1 cadences and meetings, feedback,
	// development plans and mentoring. Absent in older files: none.
	OneOnOnes oneonone.Data `json:"oneOnOnes"`
	Feedback  feedback.Data `json:"feedback"`
	Growth    growth.Data   `json:"growth"`
	// After each on-call shift (issue 11): handoff records and anonymous
	// survey aggregates. Private: empty in a file exported without private
	// notes. Absent in older files: none.
	Handoffs handoff.Data `json:"handoffs"`
	// PrivateNotes says whether the private notes are in this file: the
	// meetings' privateNotes (the manager's private 1:1 notes) and the
	// handoffs (notes, burden ratings, survey answers): "included" or
	// "omitted" (an export made without them). Absent: included.
	PrivateNotes string `json:"privateNotes,omitempty"`
}

// ClockSlack: a file's times may run this far ahead of this computer's
// clock (a file from a computer whose clock runs ahead, or exported before
// this one's clock was corrected) before "in the future" refuses them as a
// typo.
const ClockSlack = 7 * 24 * time.Hour

// Private-notes markers of a file.
const (
	PrivateIncluded = "included"
	PrivateOmitted  = "omitted"
)

// Load reads the whole workspace in one transaction.
func (w *Workspace) Load() (Snapshot, error) {
	s := Snapshot{Format: Format, Version: FormatVersion, ExportedAt: w.Clock.Now().UTC()}
	err := w.Store.View(func(txn *badger.Txn) error {
		d, err := people.LoadTx(txn)
		if err != nil {
			return err
		}
		s.Settings.LevelLadder, s.People, s.Teams, s.Services = d.Ladder, d.People, d.Teams, d.Services
		if s.Settings.Incidents, err = incident.SettingsTx(txn); err != nil {
			return err
		}
		if s.Incidents, err = incident.Incidents.List(txn); err != nil {
			return err
		}
		if s.FollowUps, err = followup.Items.List(txn); err != nil {
			return err
		}
		rs, err := reminder.SettingsTx(txn)
		if err != nil {
			return err
		}
		s.Settings.Reminders = &rs
		if s.OnCall, err = oncall.LoadDataTx(txn); err != nil {
			return err
		}
		if s.CalendarSubscriptions, err = calendar.ExportSubscriptions(txn); err != nil {
			return err
		}
		if s.OneOnOnes, err = oneonone.LoadDataTx(txn); err != nil {
			return err
		}
		if s.Feedback, err = feedback.LoadDataTx(txn); err != nil {
			return err
		}
		if s.Growth, err = growth.LoadDataTx(txn); err != nil {
			return err
		}
		if s.Handoffs, err = handoff.LoadDataTx(txn); err != nil {
			return err
		}
		s.PrivateNotes = PrivateIncluded
		s.ReminderStates, err = reminder.StatesTx(txn)
		return err
	})
	if s.ReminderStates == nil {
		s.ReminderStates = []reminder.State{}
	}
	if s.Incidents == nil {
		s.Incidents = []incident.Incident{}
	}
	if s.FollowUps == nil {
		s.FollowUps = []followup.Item{}
	}
	return s, errs.Wrap("workspace.Load", err)
}

// ExportOptions tune an export.
type ExportOptions struct {
	// WithoutPrivate leaves every private field out (Fields, docs/privacy.md;
	// the file says so).
	WithoutPrivate bool
}

// Export writes the whole workspace, private notes included, as indented
// JSON.
func (w *Workspace) Export(out io.Writer, generator string) error {
	return w.ExportWith(out, generator, ExportOptions{})
}

// ExportWith writes the workspace as indented JSON.
func (w *Workspace) ExportWith(out io.Writer, generator string, opt ExportOptions) error {
	s, err := w.Load()
	if err != nil {
		return err
	}
	if opt.WithoutPrivate {
		s.StripPrivate()
	}
	s.Generator = generator
	enc := json.NewEncoder(out)
	enc.SetIndent("", "  ")
	return enc.Encode(s)
}

// IsEmpty reports whether the workspace holds no people, teams or services.
func (w *Workspace) IsEmpty() (bool, error) {
	empty := true
	err := w.Store.View(func(txn *badger.Txn) error {
		empty = people.Persons.Count(txn) == 0 && people.Teams.Count(txn) == 0 && people.Services.Count(txn) == 0 &&
			incident.Incidents.Count(txn) == 0 && followup.Items.Count(txn) == 0 && oncall.Rotations.Count(txn) == 0 &&
			oneonone.Meetings.Count(txn) == 0 && feedback.Entries.Count(txn) == 0
		return nil
	})
	return empty, err
}

// Parse reads and fully validates a workspace file. Nothing is written.
func Parse(r io.Reader, now time.Time) (Snapshot, error) {
	var s Snapshot
	data, err := io.ReadAll(io.LimitReader(r, MaxImportBytes+1))
	if err != nil {
		return s, errs.E(errs.Invalid, "Cannot read the file: %v", err)
	}
	if len(data) > MaxImportBytes {
		return s, errs.E(errs.Invalid, "The file is larger than %d MB; that is not a Wheelhouse workspace.", MaxImportBytes>>20)
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&s); err != nil {
		return s, jsonError(data, err)
	}
	if dec.More() {
		return s, errs.E(errs.Invalid, "The file has more data after the workspace object.")
	}
	if s.Format != Format {
		return s, errs.E(errs.Invalid, "This is not a Wheelhouse workspace file (format is %q, expected %q).", s.Format, Format)
	}
	if s.Version < 1 || s.Version > FormatVersion {
		return s, errs.E(errs.Invalid, "The file is format version %d; this Wheelhouse reads versions 1 to %d.", s.Version, FormatVersion)
	}
	return s, Validate(&s, now.Add(ClockSlack))
}

func jsonError(data []byte, err error) error {
	var off int64 = -1
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		off = se.Offset
	case errors.As(err, &te):
		off = te.Offset
	}
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return errs.E(errs.Invalid, "The file is empty or cut short: it ends before the workspace does.")
	}
	msg := strings.TrimPrefix(err.Error(), "json: ")
	if te != nil && te.Field != "" {
		msg = fmt.Sprintf("%s has the wrong type (expected %s)", te.Field, te.Type)
	}
	if off >= 0 {
		line, col := 1, 1
		for _, b := range data[:min(int(off), len(data))] {
			if b == '\n' {
				line, col = line+1, 1
			} else {
				col++
			}
		}
		return errs.E(errs.Invalid, "Not valid workspace JSON at line %d, column %d: %s.", line, col, msg)
	}
	return errs.E(errs.Invalid, "Not valid workspace JSON: %s.", msg)
}

// maxReported bounds how many problems Validate lists.
const maxReported = 50

// Validate checks every record and every reference of a snapshot, as a whole,
// normalizing records in place. Problems name where they are, e.g.
// `people[3] "Dana Xu": timezone: "Mars/Base" is not a known time zone`.
func Validate(s *Snapshot, now time.Time) error {
	var probs []string
	add := func(where, format string, a ...any) {
		probs = append(probs, where+": "+fmt.Sprintf(format, a...))
	}
	addErr := func(where string, err error) {
		if fs := errs.FieldsOf(err); len(fs) > 0 {
			for _, f := range fs {
				add(where+" "+f.Field, "%s", f.Message)
			}
		} else if err != nil {
			add(where, "%s", errs.MessageOf(err))
		}
	}
	if len(s.Settings.LevelLadder) == 0 {
		s.Settings.LevelLadder = append([]string(nil), people.DefaultLadder...)
	}
	for i := range s.Settings.LevelLadder {
		s.Settings.LevelLadder[i] = strings.TrimSpace(s.Settings.LevelLadder[i])
	}
	addErr("settings.levelLadder", people.ValidateLadder(s.Settings.LevelLadder))
	rules := people.Rules{Now: now, Ladder: s.Settings.LevelLadder}

	ids := map[id.ID]string{}
	claim := func(where string, u id.ID) {
		if u.IsZero() {
			add(where, "id is missing")
			return
		}
		if other, dup := ids[u]; dup {
			add(where, "id %s is also used by %s", u, other)
			return
		}
		ids[u] = where
	}
	f := store.File{Claim: claim, Add: add, AddErr: addErr}
	personByID := map[id.ID]*people.Person{}
	isPerson := func(u id.ID) bool { _, ok := personByID[u]; return ok }
	emails := map[string]string{}
	for i := range s.People {
		p := &s.People[i]
		where := fmt.Sprintf("people[%d] %q", i, p.Name)
		claim(where, p.ID)
		personByID[p.ID] = p
		p.Normalize()
		addErr(where, p.Validate(rules))
		if p.Email != "" {
			k := store.Fold(p.Email)
			if other, dup := emails[k]; dup {
				add(where+" email", "%s is also the e-mail of %s", p.Email, other)
			}
			emails[k] = where
		}
	}
	for i := range s.People {
		p := &s.People[i]
		where := fmt.Sprintf("people[%d] %q managerId", i, p.Name)
		if p.ManagerID.IsZero() {
			continue
		}
		if _, ok := personByID[p.ManagerID]; !ok {
			add(where, "no person has id %s", p.ManagerID)
		} else if people.ManagerCycle(p.ID, p.ManagerID, func(u id.ID) id.ID {
			if m, ok := personByID[u]; ok {
				return m.ManagerID
			}
			return id.Nil
		}) {
			add(where, "%s is in a management cycle (someone is their own manager through others)", p.Name)
		}
	}
	teamByID := map[id.ID]bool{}
	isTeam := func(u id.ID) bool { return teamByID[u] }
	teamNames := people.TeamName.InFile(f)
	for i := range s.Teams {
		t := &s.Teams[i]
		where := fmt.Sprintf("teams[%d] %q", i, t.Name)
		f.Record(where, t.ID, t)
		teamByID[t.ID] = true
		teamNames.Check(where, t.Name)
		for _, m := range t.MemberIDs {
			if _, ok := personByID[m]; !ok {
				add(where+" memberIds", "no person has id %s", m)
			}
		}
	}
	svcNames := people.ServiceName.InFile(f)
	svcByID := map[id.ID]bool{}
	for i := range s.Services {
		sv := &s.Services[i]
		where := fmt.Sprintf("services[%d] %q", i, sv.Name)
		f.Record(where, sv.ID, sv)
		svcByID[sv.ID] = true
		svcNames.Check(where, sv.Name)
		f.Ref(where, "teamId", "team", sv.TeamID, isTeam)
		f.Ref(where, "primaryId", "person", sv.PrimaryID, isPerson)
		f.Ref(where, "secondaryId", "person", sv.SecondaryID, isPerson)
	}
	validateIncidents(s, now, f, personByID, svcByID)
	s.OnCall.Check(claim, add, addErr, isPerson)
	teamByName := map[string]id.ID{}
	for _, t := range s.Teams {
		teamByName[store.Fold(t.Name)] = t.ID
	}
	s.OnCall.CheckTeams(add, isTeam,
		func(name string) (id.ID, bool) { u, ok := teamByName[store.Fold(name)]; return u, ok })
	regionByID := map[id.ID]bool{}
	for _, r := range s.OnCall.Regions {
		regionByID[r.ID] = true
	}
	calendar.CheckSubscriptions(s.CalendarSubscriptions, claim, add, addErr,
		func(u id.ID) bool { return regionByID[u] }, isPerson)
	s.OneOnOnes.Check(claim, add, addErr, isPerson)
	s.Feedback.Check(claim, add, addErr, isPerson)
	s.Growth.Check(claim, add, addErr, isPerson, s.Settings.LevelLadder)
	s.Handoffs.Check(claim, add, addErr, isPerson)
	switch s.PrivateNotes {
	case "", PrivateIncluded:
	case PrivateOmitted:
		for i, m := range s.OneOnOnes.Meetings {
			if m.PrivateNotes != "" {
				add(fmt.Sprintf("oneOnOnes.meetings[%d] privateNotes", i), "the file says private notes are omitted, yet this meeting has some")
			}
		}
		if !s.Handoffs.Empty() {
			add("handoffs", "the file says private notes are omitted, yet it has handoff records or survey answers")
		}
	default:
		add("privateNotes", "must be %q or %q", PrivateIncluded, PrivateOmitted)
	}
	meetingIDs := s.OneOnOnes.MeetingIDs()
	for i, it := range s.FollowUps {
		if it.Source.Kind == followup.SourceOneOnOne && !it.Source.ID.IsZero() && !meetingIDs[it.Source.ID] {
			add(fmt.Sprintf("actions[%d] %q source.id", i, it.Title), "no 1:1 has id %s", it.Source.ID)
		}
	}
	if s.Settings.Reminders != nil {
		addErr("settings.reminders", s.Settings.Reminders.Validate())
	}
	seenKeys := map[string]bool{}
	for i, st := range s.ReminderStates {
		where := fmt.Sprintf("reminderStates[%d]", i)
		switch {
		case strings.TrimSpace(st.Key) == "":
			add(where+" key", "a reminder state needs its key")
		case len(st.Key) > 1000:
			add(where+" key", "the key is too long")
		case seenKeys[st.Key]:
			add(where+" key", "%q is listed twice", st.Key)
		}
		seenKeys[st.Key] = true
	}
	if len(probs) == 0 {
		return nil
	}
	more := ""
	if len(probs) > maxReported {
		more = fmt.Sprintf("\n… and %d more", len(probs)-maxReported)
		probs = probs[:maxReported]
	}
	return &errs.Error{Code: errs.Invalid, Message: fmt.Sprintf("The workspace file has %d problem%s; nothing was imported:\n%s%s",
		len(probs), plural(len(probs)), strings.Join(probs, "\n"), more)}
}

// validateIncidents checks the incident settings, the incidents and the
// follow-ups, and their references to people, services and incidents.
func validateIncidents(s *Snapshot, now time.Time, f store.File, personByID map[id.ID]*people.Person, svcByID map[id.ID]bool) {
	claim, add, addErr := f.Claim, f.Add, f.AddErr
	s.Settings.Incidents.Normalize()
	addErr("settings.incidents", s.Settings.Incidents.Validate())
	incByID := map[id.ID]bool{}
	for i := range s.Incidents {
		in := &s.Incidents[i]
		where := fmt.Sprintf("incidents[%d] %q", i, in.Title)
		claim(where, in.ID)
		incByID[in.ID] = true
		in.Normalize()
		addErr(where, in.Validate(incident.Rules{Now: now}))
		for _, r := range in.PersonRefs() {
			if _, ok := personByID[r.ID]; !ok {
				add(where+" "+r.Field, "no person has id %s", r.ID)
			}
		}
		for _, r := range in.ServiceRefs() {
			if !svcByID[r.ID] {
				add(where+" "+r.Field, "no service has id %s", r.ID)
			}
		}
	}
	for i := range s.FollowUps {
		it := &s.FollowUps[i]
		where := fmt.Sprintf("actions[%d] %q", i, it.Title)
		f.Record(where, it.ID, it)
		f.Ref(where, "ownerId", "person", it.OwnerID, func(u id.ID) bool { _, ok := personByID[u]; return ok })
		switch it.Source.Kind {
		case "":
		case followup.SourceIncidentReview:
			f.Ref(where, "source.id", "incident", it.Source.ID, func(u id.ID) bool { return incByID[u] })
		case followup.SourceOneOnOne:
			// checked against the file's 1:1s in Validate
		default:
			add(where+" source.kind", "follow-ups from %s records are not part of this workspace format yet", it.Source.Kind)
		}
	}
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// ImportFolder validates s and makes it the workspace of data folder root,
// as one atomic step (store.Stage): the records are written into a staging
// database and swapped in only when complete. A folder that already holds a
// workspace needs replace; the old one is kept aside (path returned). Nobody
// may have root open.
func ImportFolder(root string, s Snapshot, replace bool, opt Options) (aside string, err error) {
	return ImportFolderThen(root, s, replace, opt, nil)
}

// ImportFolderThen is ImportFolder with more writes: then (when not nil)
// runs on the staging database after the snapshot is written and before it
// replaces the data folder, so what it writes is part of the same
// all-or-nothing import (the demo's paging history goes in this way).
func ImportFolderThen(root string, s Snapshot, replace bool, opt Options, then func(*store.Store) error) (aside string, err error) {
	if opt.Clock == nil {
		opt.Clock = clock.Real{}
	}
	if err := Validate(&s, opt.Clock.Now().Add(ClockSlack)); err != nil {
		return "", err
	}
	so := store.Options{Logger: opt.Logger, Clock: opt.Clock, Migrations: Migrations, Passphrase: opt.Passphrase, Key: opt.Key, KeepAside: opt.KeepAside}
	// An encrypted workspace stays encrypted under the same key.
	aside, err = store.StageKeyed(root, so, "import", replace, func(staging string, key *store.MasterKey) error {
		so := so
		// No fsync per commit: the staging database is synced when it is
		// closed (Badger syncs every file on Close) and only then checked
		// and swapped in; a crash before that leaves the staging folder,
		// never a half-written workspace.
		so.GCInterval, so.NoSync, so.Key = -1, true, key
		st, err := store.Open(staging, so)
		if err != nil {
			return err
		}
		if err := st.WriteChunked(snapshotOps(&s)); err != nil {
			st.Close()
			return err
		}
		if then != nil {
			if err := then(st); err != nil {
				st.Close()
				return err
			}
		}
		return st.Close()
	})
	return aside, errs.Wrap("workspace.Import", err)
}

// snapshotOps are the writes that store a validated snapshot.
func snapshotOps(s *Snapshot) []store.Op {
	ops := []store.Op{func(txn *badger.Txn) error { return people.PutLadderTx(txn, s.Settings.LevelLadder) }}
	ops = append(ops, people.Persons.PutOps(s.People)...)
	ops = append(ops, people.Teams.PutOps(s.Teams)...)
	ops = append(ops, people.Services.PutOps(s.Services)...)
	ops = append(ops, func(txn *badger.Txn) error { return incident.PutSettingsTx(txn, s.Settings.Incidents) })
	ops = append(ops, incident.Incidents.PutOps(s.Incidents)...)
	ops = append(ops, followup.Items.PutOps(s.FollowUps)...)
	if s.Settings.Reminders != nil {
		ops = append(ops, func(txn *badger.Txn) error { return reminder.PutSettingsTx(txn, *s.Settings.Reminders) })
	}
	for _, st := range s.ReminderStates {
		ops = append(ops, func(txn *badger.Txn) error { return reminder.PutStateTx(txn, st) })
	}
	ops = append(ops, s.OnCall.Ops()...)
	ops = append(ops, calendar.SubscriptionOps(s.CalendarSubscriptions)...)
	ops = append(ops, s.OneOnOnes.Ops()...)
	ops = append(ops, s.Feedback.Ops()...)
	ops = append(ops, s.Growth.Ops()...)
	ops = append(ops, s.Handoffs.Ops()...)
	return ops
}

// RestoreFolder restores a backup (store.Backup) as the workspace of data
// folder root, as one atomic step (store.Stage). The backup is validated
// fully in the staging folder before anything is moved: its stream with
// bounds (store.Restore), then as a workspace — it must open (marker,
// schema, migrations), every record must decode, and the whole must pass
// the checks an import-json file gets (Validate). A folder that already
// holds a workspace needs replace; the old one is kept aside (path
// returned). On any error the current workspace is untouched and no
// staging folder is left.
func RestoreFolder(root string, r io.Reader, replace bool, opt Options) (aside string, err error) {
	if opt.Clock == nil {
		opt.Clock = clock.Real{}
	}
	// opt.Passphrase opens an encrypted backup and the encrypted workspace
	// it replaces; a plain backup replacing an encrypted workspace is
	// encrypted under the workspace's key.
	so := store.Options{Logger: opt.Logger, Clock: opt.Clock, Migrations: Migrations, Passphrase: opt.Passphrase, Key: opt.Key, KeepAside: opt.KeepAside}
	aside, err = store.StageKeyed(root, so, "restore", replace, func(staging string, key *store.MasterKey) error {
		if err := store.Restore(staging, r, store.Options{Logger: opt.Logger, Passphrase: opt.Passphrase, Key: key}); err != nil {
			return err
		}
		return checkRestored(staging, opt)
	})
	return aside, errs.Wrap("workspace.Restore", err)
}

// checkRestored opens a restored staging workspace and checks every record
// as an import would.
func checkRestored(staging string, opt Options) error {
	o := Options{Logger: opt.Logger, Clock: opt.Clock, Zone: opt.Zone, NoSync: true, Passphrase: opt.Passphrase, Key: opt.Key}
	w, err := Open(staging, o)
	if err != nil {
		return errs.E(errs.Invalid, "Could not restore: the backup does not open as a workspace (%s). Nothing was changed.", detail(err))
	}
	defer w.Close()
	s, err := w.Load()
	if err != nil {
		return errs.E(errs.Invalid, "Could not restore: the backup holds damaged records (%s). Nothing was changed.", detail(err))
	}
	// No "not in the future" checks (a zero now skips them): a backup is
	// this app's own database, and one made while the computer's clock ran
	// ahead (or before it was corrected) must still restore.
	if err := Validate(&s, time.Time{}); err != nil {
		return errs.E(errs.Invalid, "Could not restore: the backup's records do not pass the checks an import gets. Nothing was changed.\n%s", errs.MessageOf(err))
	}
	return nil
}

// detail is what a user is told about err: its message, or for an internal
// error (a record that does not decode) the error itself, shortened.
func detail(err error) string {
	msg := errs.MessageOf(err)
	if errs.CodeOf(err) == errs.Internal {
		msg = err.Error()
		var e *errs.Error
		for errors.As(err, &e) && e.Err != nil {
			msg, err = e.Err.Error(), e.Err
		}
	}
	if len(msg) > 300 {
		msg = msg[:300] + "…"
	}
	return msg
}
