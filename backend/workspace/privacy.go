package workspace

import (
	"reflect"

	"sort"
	"strings"
	"wheelhouse/backend/handoff"
)

// Class says who may see a stored field (docs/privacy.md).
type Class string

const (
	// Private: what the manager writes or knows about a person that the
	// person or the team would not expect to travel: 1:1 private notes,
	// notes on a person, feedback text, mood and energy, time-off reasons
	// and notes, override and swap notes, handoff and survey answers,
	// compensation, handoffs and survey answers. Left out of every export made without private data,
	// of the brief without --private, of calendars, feeds and notifications.
	Private Class = "private"
	// Personal: about a person but shared with them or the team (names,
	// e-mail, zone, level, skills, shared 1:1 notes, plans, who is on call).
	// In exports; in calendars and feeds only names.
	Personal Class = "personal"
	// Operational: the team's work (incidents, follow-ups, rotations,
	// services, settings, bookkeeping).
	Operational Class = "operational"
)

// Field classifies a field of the workspace file and everything under it:
// a path is classified by the longest Path that is itself or a parent of it
// ("people[]" covers "people[].name"). Placeholder replaces a private value
// that is not empty when it is left out and the file must stay importable
// (a required text, an enum); otherwise the value is emptied.
type Field struct {
	Path        string
	Class       Class
	Why         string
	Placeholder string
}

// Withheld stands in for a required private text left out of an export.
const Withheld = "(private: left out of this export)"

// Fields classifies every field of the workspace file (TestEveryFieldIsClassified
// walks Snapshot and fails on one that no entry covers; docs/privacy.md is
// generated from this table by TestPrivacyDoc).
var Fields = []Field{
	{Path: "format", Class: Operational, Why: "file bookkeeping"},
	{Path: "version", Class: Operational, Why: "file bookkeeping"},
	{Path: "exportedAt", Class: Operational, Why: "file bookkeeping"},
	{Path: "generator", Class: Operational, Why: "file bookkeeping"},
	{Path: "privateNotes", Class: Operational, Why: "says whether private data is in the file"},
	{Path: "settings", Class: Operational, Why: "workspace settings"},

	{Path: "people[]", Class: Personal, Why: "the roster: name, e-mail, role, level, zone, skills, aspiration, manager"},
	{Path: "people[].notes", Class: Private, Why: "the manager's notes on a person"},
	{Path: "teams[]", Class: Operational, Why: "teams and their members"},
	{Path: "services[]", Class: Operational, Why: "services and their contacts"},

	{Path: "incidents[]", Class: Operational, Why: "incidents, roles, timeline, reviews"},
	{Path: "actions[]", Class: Operational, Why: "follow-ups and who owns them"},
	{Path: "reminderStates[]", Class: Operational, Why: "which reminders were delivered, snoozed or dismissed"},

	{Path: "oncall.settings", Class: Operational, Why: "on-call settings"},
	{Path: "oncall.settings.compensation", Class: Private, Why: "compensation"},
	{Path: "oncall.rotations[]", Class: Operational, Why: "rotations and who is in them"},
	{Path: "oncall.regions[]", Class: Operational, Why: "holiday regions and their members"},
	{Path: "oncall.timeOff[]", Class: Personal, Why: "when someone is away (calendars show it as away)"},
	{Path: "oncall.timeOff[].kind", Class: Private, Why: "why someone is away (sick leave is health data)", Placeholder: "other"},
	{Path: "oncall.timeOff[].note", Class: Private, Why: "time-off notes (\"Family trip\")"},
	{Path: "oncall.timeOff[].calendar", Class: Personal, Why: "the name of the calendar it came from"},
	{Path: "oncall.overrides[]", Class: Operational, Why: "who covers when"},
	{Path: "oncall.overrides[].note", Class: Private, Why: "override notes often say why someone cannot take a shift"},
	{Path: "oncall.swaps[]", Class: Operational, Why: "swapped turns"},
	{Path: "oncall.swaps[].note", Class: Private, Why: "swap notes often say why"},

	{Path: "calendarSubscriptions[]", Class: Operational, Why: "calendar URLs imported as holidays or time off"},
	{Path: "calendarSubscriptions[].url", Class: Personal, Why: "may carry a token to someone's calendar: treat any export as personal"},
	{Path: "calendarSubscriptions[].user", Class: Personal, Why: "the CalDAV account a subscription reads with"},
	{Path: "calendarSubscriptions[].password", Class: Personal, Why: "always empty in the file: a CalDAV password stays in the OS keyring or the database, never in an export"},

	{Path: "oneOnOnes.series[]", Class: Personal, Why: "1:1 cadence with a person"},
	{Path: "oneOnOnes.meetings[]", Class: Personal, Why: "1:1 dates, agenda and shared notes (shared with the person)"},
	{Path: "oneOnOnes.meetings[].privateNotes", Class: Private, Why: "the manager's private 1:1 notes"},
	{Path: "oneOnOnes.meetings[].mood", Class: Private, Why: "mood check-in"},
	{Path: "oneOnOnes.meetings[].energy", Class: Private, Why: "energy check-in"},

	{Path: "feedback.settings", Class: Operational, Why: "feedback settings"},
	{Path: "feedback.entries[]", Class: Personal, Why: "that feedback exists, its kind, status and date"},
	{Path: "feedback.entries[].situation", Class: Private, Why: "feedback text", Placeholder: Withheld},
	{Path: "feedback.entries[].behaviour", Class: Private, Why: "feedback text", Placeholder: Withheld},
	{Path: "feedback.entries[].impact", Class: Private, Why: "feedback text", Placeholder: Withheld},
	{Path: "feedback.entries[].nextStep", Class: Private, Why: "feedback text"},

	{Path: "growth.plans[]", Class: Personal, Why: "development plans (shared with the person)"},
	{Path: "growth.plans[].evidence[].note", Class: Private, Why: "the manager's notes on evidence"},
	{Path: "growth.mentorships[]", Class: Personal, Why: "mentoring pairs"},
	{Path: "growth.mentorships[].notes", Class: Private, Why: "the manager's notes on a mentoring pair"},

	{Path: "handoffs", Class: Private, Why: "handoff records (notes, burden ratings) and anonymous survey answers, left out whole"},
}

// ClassOf is the class of a JSON path and the entry that decides it.
func ClassOf(path string) (Field, bool) {
	best, found := Field{}, false
	for _, f := range Fields {
		if (path == f.Path || strings.HasPrefix(path, f.Path+".") || strings.HasPrefix(path, f.Path+"[]") ||
			strings.HasPrefix(path, f.Path+"{}")) && (!found || len(f.Path) > len(best.Path)) {
			best, found = f, true
		}
	}
	return best, found
}

// PrivatePaths lists the entries classified private, sorted.
func PrivatePaths() []Field {
	var out []Field
	for _, f := range Fields {
		if f.Class == Private {
			out = append(out, f)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out
}

// StripPrivate empties every private field of the snapshot (a placeholder
// where the file must stay importable) and marks the file so.
func (s *Snapshot) StripPrivate() {
	walkValue(reflect.ValueOf(s).Elem(), "", func(path string, v reflect.Value) bool {
		f, ok := ClassOf(path)
		if !ok || f.Class != Private || f.Path != path {
			return false
		}
		if f.Placeholder != "" && v.Kind() == reflect.String {
			if v.String() != "" {
				v.SetString(f.Placeholder)
			}
		} else {
			v.Set(reflect.Zero(v.Type()))
		}
		return true
	})
	if s.Handoffs.Records == nil { // the file keeps its empty lists
		s.Handoffs = handoff.Data{Records: []handoff.Record{}, Survey: []handoff.Aggregate{}, Imports: []handoff.ImportLog{}}
	}
	s.PrivateNotes = PrivateOmitted
}

// walkValue calls fn on every node of v with its JSON path (as leafPaths
// names it); fn returns true to skip what lies under the node.
func walkValue(v reflect.Value, path string, fn func(string, reflect.Value) bool) {
	if path != "" && fn(path, v) {
		return
	}
	for v.Kind() == reflect.Pointer {
		if v.IsNil() {
			return
		}
		v = v.Elem()
	}
	if selfMarshals(v.Type()) {
		return
	}
	switch v.Kind() {
	case reflect.Struct:
		t := v.Type()
		for i := 0; i < t.NumField(); i++ {
			name, inline := jsonName(t.Field(i))
			switch {
			case inline:
				walkValue(v.Field(i), path, fn)
			case name != "":
				walkValue(v.Field(i), join(path, name), fn)
			}
		}
	case reflect.Slice, reflect.Array:
		if v.Type().Elem().Kind() == reflect.Uint8 {
			return
		}
		for i := 0; i < v.Len(); i++ {
			walkValue(v.Index(i), path+"[]", fn)
		}
	case reflect.Map:
		// Map values are not addressable: a private map is emptied whole
		// by its own entry, above.
	}
}
