// Package oncall holds on-call rotations, time off and holiday regions,
// overrides and swaps, and the pure time math on top of them: who is on call
// when (Shifts), where nobody is (Coverage), how the load is spread
// (Fairness) and what it costs (Compensation). Everything is computed from a
// Snapshot read in one transaction, with time as an argument; the Service
// stores the records in Badger. The rules are explained in
// docs/decisions/0005-oncall.md.
package oncall

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"time"

	"wheelhouse/backend/civil"
	"wheelhouse/backend/errs"
	"wheelhouse/backend/id"
	"wheelhouse/backend/tz"
)

// Limits on free text and sizes.
const (
	MaxName         = 120
	MaxNote         = 2000
	MaxParticipants = 100
	MaxHolidays     = 10000 // per region
	MaxLayer        = 9
	// MaxTimeOffSpan bounds one time-off entry (a sabbatical fits).
	MaxTimeOffSpan = 2 * 366 * 24 * time.Hour
	// MaxOverrideSpan bounds one override.
	MaxOverrideSpan = 366 * 24 * time.Hour
)

// Unit of a shift length.
type Unit string

const (
	Hours Unit = "hours"
	Days  Unit = "days"
	Weeks Unit = "weeks"
)

// ShiftLength is how long each turn lasts. Days and weeks are calendar
// lengths (handoff at the same local wall-clock time, whatever DST does);
// hours are absolute durations.
type ShiftLength struct {
	N    int  `json:"n"`
	Unit Unit `json:"unit"`
}

// Coverage is what a rotation's schedule must cover.
type Coverage string

const (
	Coverage24x7          Coverage = "24x7"           // every instant
	CoverageBusinessHours Coverage = "business_hours" // Monday to Friday 09:00-17:00 in the rotation's zone
	CoverageNone          Coverage = "none"
)

// Coverages lists the valid values, strongest first.
var Coverages = []Coverage{Coverage24x7, CoverageBusinessHours, CoverageNone}

// Weekday names used in restrictions, Monday first.
var WeekdayNames = []string{"mon", "tue", "wed", "thu", "fri", "sat", "sun"}

// Restriction limits a rotation to parts of each shift: on the listed local
// weekdays, from Start to End local time. End at or before Start means the
// window crosses midnight (it ends the next day); Start == End is 24 hours.
// A window belongs to the weekday it starts on.
type Restriction struct {
	Weekdays []string `json:"weekdays"` // "mon".."sun"; empty means every day
	Start    string   `json:"start"`    // "HH:MM"
	End      string   `json:"end"`      // "HH:MM"
}

// Rotation is a list of people taking turns.
type Rotation struct {
	ID   id.ID  `json:"id" ts_type:"string"`
	Name string `json:"name"`
	// TeamID is the team (people.Team) the rotation belongs to: the team's
	// rotations are the layers of its schedule. Zero means no team: the
	// rotation is then grouped by ScheduleName, or is a schedule of its own.
	TeamID id.ID `json:"teamId,omitzero" ts_type:"string"`
	// ScheduleName is the free-text grouping of rotations before they
	// belonged to teams (schema 1). It is still read for rotations without a
	// team (a schedule name no team had when the workspace was upgraded) and
	// cleared when a team is chosen; empty means the rotation is a schedule
	// of its own.
	ScheduleName string `json:"scheduleName,omitempty"`
	// Layer is the rotation's priority within its schedule: 1 primary, 2
	// secondary, ...
	Layer        int          `json:"layer"`
	TimeZone     string       `json:"timezone"`                        // IANA zone of handoffs and restrictions
	Participants []id.ID      `json:"participants" ts_type:"string[]"` // in turn order
	ShiftLength  ShiftLength  `json:"shiftLength"`
	HandoffTime  string       `json:"handoffTime"` // "HH:MM" local
	StartDate    string       `json:"startDate"`   // the first handoff is on this civil date at HandoffTime
	Restriction  *Restriction `json:"restriction,omitempty"`
	// RequiredCoverage is what Coverage checks the rotation's schedule against.
	RequiredCoverage Coverage `json:"requiredCoverage"`
	// Payback: a person skipped for time off takes the next turn of the one
	// who covered for them (see decision 0005).
	Payback bool `json:"payback,omitempty"`
	// NotifyHandoffs: remind the manager of this rotation's handoffs ("on call
	// tomorrow", "handoff in 1 hour").
	NotifyHandoffs bool `json:"notifyHandoffs,omitempty"`
	// Colors optionally gives participants a colour ("#rrggbb").
	Colors      map[id.ID]string `json:"colors,omitempty" ts_type:"Record<string, string>"`
	Description string           `json:"description,omitempty"`
	CreatedAt   time.Time        `json:"createdAt" ts_type:"string"`
	UpdatedAt   time.Time        `json:"updatedAt" ts_type:"string"`
}

// TimeOffKind says why someone is away.
type TimeOffKind string

const (
	KindVacation TimeOffKind = "vacation"
	KindSick     TimeOffKind = "sick"
	KindHoliday  TimeOffKind = "holiday" // a personal day off for a holiday (public holidays live in regions)
	KindOther    TimeOffKind = "other"
)

// TimeOffKinds lists the valid kinds.
var TimeOffKinds = []TimeOffKind{KindVacation, KindSick, KindHoliday, KindOther}

// PublicReason is how the schedule, its calendars, feeds and reminders say
// why someone is away: vacation and holidays by name, anything else (sick
// leave is health data) only as "away" (docs/privacy.md).
func PublicReason(k TimeOffKind) string {
	switch k {
	case KindVacation, KindHoliday:
		return string(k)
	}
	return "away"
}

// Source of a record: entered by hand or imported from a calendar.
const (
	SourceManual = "manual"
	SourceImport = "import"
)

// TimeOff is a span in which a person is not available: either whole civil
// days (StartDate..EndDate inclusive, in the person's zone) or an instant
// range [Start, End).
type TimeOff struct {
	ID        id.ID       `json:"id" ts_type:"string"`
	PersonID  id.ID       `json:"personId" ts_type:"string"`
	Kind      TimeOffKind `json:"kind"`
	StartDate string      `json:"startDate,omitempty"`             // civil, inclusive
	EndDate   string      `json:"endDate,omitempty"`               // civil, inclusive
	Start     time.Time   `json:"start,omitzero" ts_type:"string"` // instant, when no dates are given
	End       time.Time   `json:"end,omitzero" ts_type:"string"`
	Note      string      `json:"note,omitempty"`
	Source    string      `json:"source"`                // manual | import
	UID       string      `json:"calendarUid,omitempty"` // imported: the event's UID (+ "/" recurrence date)
	Calendar  string      `json:"calendar,omitempty"`    // imported: the name of the calendar it came from
	CreatedAt time.Time   `json:"createdAt" ts_type:"string"`
	UpdatedAt time.Time   `json:"updatedAt" ts_type:"string"`
}

// Holiday is a public holiday of a region: the whole local day, in the zone
// of each person of the region.
type Holiday struct {
	Date     string `json:"date"`
	Name     string `json:"name"`
	Source   string `json:"source,omitempty"`      // manual (default) | import
	UID      string `json:"calendarUid,omitempty"` // imported: UID (+ "/" recurrence date)
	Calendar string `json:"calendar,omitempty"`    // imported: the name of the calendar it came from
}

// Region is a holiday calendar and the people it applies to.
type Region struct {
	ID        id.ID     `json:"id" ts_type:"string"`
	Name      string    `json:"name"`
	MemberIDs []id.ID   `json:"memberIds" ts_type:"string[]"`
	Holidays  []Holiday `json:"holidays"` // sorted by date
	CreatedAt time.Time `json:"createdAt" ts_type:"string"`
	UpdatedAt time.Time `json:"updatedAt" ts_type:"string"`
}

// Override: PersonID covers [Start, End) on a rotation instead of whoever is
// scheduled, whatever the rotation, its restriction or time off say.
type Override struct {
	ID         id.ID     `json:"id" ts_type:"string"`
	RotationID id.ID     `json:"rotationId" ts_type:"string"`
	PersonID   id.ID     `json:"personId" ts_type:"string"`
	Start      time.Time `json:"start" ts_type:"string"`
	End        time.Time `json:"end" ts_type:"string"`
	Note       string    `json:"note,omitempty"`
	CreatedAt  time.Time `json:"createdAt" ts_type:"string"`
	UpdatedAt  time.Time `json:"updatedAt" ts_type:"string"`
}

// Swap exchanges the people of two shifts (slots) of a rotation: whoever the
// rotation order puts on SlotA takes SlotB and the other way round.
type Swap struct {
	ID         id.ID     `json:"id" ts_type:"string"`
	RotationID id.ID     `json:"rotationId" ts_type:"string"`
	SlotA      int       `json:"slotA"`
	SlotB      int       `json:"slotB"`
	Note       string    `json:"note,omitempty"`
	CreatedAt  time.Time `json:"createdAt" ts_type:"string"`
	UpdatedAt  time.Time `json:"updatedAt" ts_type:"string"`
}

// Compensation modes.
const (
	CompensationNone    = "none"
	CompensationPay     = "pay"      // an hourly rate per category
	CompensationTimeOff = "time_off" // hours off in lieu per on-call hour
)

// Compensation says how on-call time is paid back (decision 0017): in pay
// mode an hourly rate per kind of hour, flat stipends per turn, per on-call
// day and per on-call week, a holiday multiplier, and per holiday region a
// policy of its own.
type Compensation struct {
	Mode         string  `json:"mode"`               // none | pay | time_off
	Currency     string  `json:"currency,omitempty"` // ISO 4217, e.g. EUR
	WeekdayRate  float64 `json:"weekdayRate"`        // per on-call hour
	WeekendRate  float64 `json:"weekendRate"`
	HolidayRate  float64 `json:"holidayRate"`  // per holiday hour; 0: the weekday or weekend rate
	TimeOffRatio float64 `json:"timeOffRatio"` // hours off per on-call hour (time_off mode)
	// HolidayMultiplier multiplies the pay of a holiday hour and the day
	// stipend of a holiday (1 to 10; 0 reads as 1).
	HolidayMultiplier float64 `json:"holidayMultiplier,omitempty"`
	TurnStipend       float64 `json:"turnStipend,omitempty"` // per turn held (a share of a turn pays its share)
	DayStipend        float64 `json:"dayStipend,omitempty"`  // per on-call day (half the day or more on call)
	WeekStipend       float64 `json:"weekStipend,omitempty"` // per 7 on-call days
	// Regions: the members of these holiday regions are paid by the
	// region's policy instead of the one above.
	Regions []RegionPay `json:"regions,omitempty"`
	// Layers says whose hours are paid on a schedule of several layers:
	// "final" (or "") the layer a page reaches first (the final schedule,
	// decision 0017), "every" everyone on call in any layer (a secondary on
	// standby too), each person's hour once.
	Layers string `json:"layers,omitempty"`
}

// What Compensation.Layers may say.
const (
	CompensationLayersFinal = "final"
	CompensationLayersEvery = "every"
)

// RegionPay is the pay policy of one holiday region's members: it replaces
// the default policy as a whole (currency, rates, multiplier, stipends).
type RegionPay struct {
	RegionID          id.ID   `json:"regionId" ts_type:"string"`
	Currency          string  `json:"currency"`
	WeekdayRate       float64 `json:"weekdayRate"`
	WeekendRate       float64 `json:"weekendRate"`
	HolidayRate       float64 `json:"holidayRate"`
	HolidayMultiplier float64 `json:"holidayMultiplier"`
	TurnStipend       float64 `json:"turnStipend"`
	DayStipend        float64 `json:"dayStipend"`
	WeekStipend       float64 `json:"weekStipend"`
}

// Settings of the on-call area.
type Settings struct {
	Compensation Compensation `json:"compensation"`
	// NotifyPersonIDs: people whose handoffs the manager is reminded of, in
	// every rotation (besides rotations with NotifyHandoffs).
	NotifyPersonIDs []id.ID `json:"notifyPersonIds,omitempty" ts_type:"string[]"`
	// GapWarningDays: how far ahead coverage gaps are reminded of (default 14).
	GapWarningDays int `json:"gapWarningDays"`
	// FairnessSpreadLimit: a rotation whose most loaded participant has
	// more than this many times the weighted on-call hours of the least
	// loaded over the last 90 days is warned about (default 2; 1.1 to 10).
	FairnessSpreadLimit float64 `json:"fairnessSpreadLimit"`
	// PagesPerDayLimit: on-call health flags someone paged more than this
	// many times per on-call day (imported paging history; default 2,
	// 0.25 to 50).
	PagesPerDayLimit float64 `json:"pagesPerDayLimit"`
}

// DefaultFairnessSpreadLimit is the default Settings.FairnessSpreadLimit.
const DefaultFairnessSpreadLimit = 2.0

// DefaultPagesPerDayLimit is the default Settings.PagesPerDayLimit.
const DefaultPagesPerDayLimit = 2.0

// checkAmounts checks rates and stipends (0 to 1,000,000) and a holiday
// multiplier (1 to 10), in a stable field order.
func checkAmounts(c *errs.Collector, prefix string, amounts map[string]float64, multiplier float64) {
	for _, f := range []string{"weekdayRate", "weekendRate", "holidayRate", "timeOffRatio", "turnStipend", "dayStipend", "weekStipend"} {
		v, ok := amounts[f]
		if ok && (v < 0 || v > 1e6 || v != v) {
			c.Add(prefix+f, "Must be a number from 0 to 1,000,000.")
		}
	}
	if !(multiplier >= 1 && multiplier <= 10) {
		c.Add(prefix+"holidayMultiplier", "The holiday multiplier must be a number from 1 to 10.")
	}
}

// DefaultSettings of a new workspace.
func DefaultSettings() Settings {
	return Settings{Compensation: Compensation{Mode: CompensationNone, HolidayMultiplier: 1}, GapWarningDays: 14, FairnessSpreadLimit: DefaultFairnessSpreadLimit,
		PagesPerDayLimit: DefaultPagesPerDayLimit}
}

var (
	hmRe    = regexp.MustCompile(`^([01][0-9]|2[0-3]):[0-5][0-9]$`)
	colorRe = regexp.MustCompile(`^#[0-9a-fA-F]{6}$`)
	currRe  = regexp.MustCompile(`^[A-Z]{3}$`)
)

// ParseHM reads "HH:MM" into minutes after midnight.
func ParseHM(s string) (int, bool) {
	if !hmRe.MatchString(s) {
		return 0, false
	}
	return int(s[0]-'0')*600 + int(s[1]-'0')*60 + int(s[3]-'0')*10 + int(s[4]-'0'), true
}

func itoa(i int) string { return fmt.Sprint(i) }

// NewRotation is a rotation with the defaults of a new one: layer 1, no
// required coverage, and owed turns paid back (decision 0013; a stored
// rotation keeps the Payback it was saved with).
func NewRotation() Rotation {
	return Rotation{Layer: 1, RequiredCoverage: CoverageNone, Payback: true}
}

// Normalize trims text, de-duplicates and fills defaults.
func (r *Rotation) Normalize() {
	r.Name = strings.TrimSpace(r.Name)
	r.ScheduleName = strings.TrimSpace(r.ScheduleName)
	if !r.TeamID.IsZero() {
		r.ScheduleName = "" // the team is the schedule
	}
	r.TimeZone = strings.TrimSpace(r.TimeZone)
	r.HandoffTime = strings.TrimSpace(r.HandoffTime)
	r.StartDate = strings.TrimSpace(r.StartDate)
	r.Description = strings.TrimSpace(r.Description)
	if r.Layer == 0 {
		r.Layer = 1
	}
	if r.RequiredCoverage == "" {
		r.RequiredCoverage = CoverageNone
	}
	r.ShiftLength.Unit = Unit(strings.ToLower(strings.TrimSpace(string(r.ShiftLength.Unit))))
	if r.Restriction != nil {
		for i, w := range r.Restriction.Weekdays {
			r.Restriction.Weekdays[i] = strings.ToLower(strings.TrimSpace(w))
		}
		r.Restriction.Start = strings.TrimSpace(r.Restriction.Start)
		r.Restriction.End = strings.TrimSpace(r.Restriction.End)
	}
	if len(r.Colors) == 0 {
		r.Colors = nil
	}
}

// Validate checks the rotation on its own; people, the team and name clashes
// are checked against stored data by the Service (and Validate of a whole
// workspace file).
func (r *Rotation) Validate() error {
	var c errs.Collector
	if r.Name == "" {
		c.Add("name", "Name is required.")
	}
	c.MaxLen("name", "Name", r.Name, MaxName)
	c.MaxLen("scheduleName", "Schedule name", r.ScheduleName, MaxName)
	c.MaxLen("description", "Description", r.Description, MaxNote)
	if r.Layer < 1 || r.Layer > MaxLayer {
		c.Add("layer", "Layer must be 1 (primary) to %d.", MaxLayer)
	}
	if r.TimeZone == "" {
		c.Add("timezone", "Time zone is required.")
	} else if !tz.Valid(r.TimeZone) {
		c.Add("timezone", "%q is not a known time zone; pick one from the list (e.g. Europe/Berlin).", r.TimeZone)
	}
	if len(r.Participants) == 0 {
		c.Add("participants", "Add at least one person to the rotation.")
	}
	if len(r.Participants) > MaxParticipants {
		c.Add("participants", "At most %d people per rotation.", MaxParticipants)
	}
	seen := map[id.ID]bool{}
	for i, p := range r.Participants {
		if p.IsZero() {
			c.Add("participants."+itoa(i), "Choose a person.")
		} else if seen[p] {
			c.Add("participants."+itoa(i), "This person is already in the rotation.")
		}
		seen[p] = true
	}
	max := map[Unit]int{Hours: 24 * 31, Days: 366, Weeks: 52}
	switch m, ok := max[r.ShiftLength.Unit]; {
	case !ok:
		c.Add("shiftLength.unit", "Shift length must be in hours, days or weeks.")
	case r.ShiftLength.N < 1:
		c.Add("shiftLength.n", "A shift lasts at least 1 %s.", strings.TrimSuffix(string(r.ShiftLength.Unit), "s"))
	case r.ShiftLength.N > m:
		c.Add("shiftLength.n", "A shift lasts at most %d %s.", m, r.ShiftLength.Unit)
	}
	if _, ok := ParseHM(r.HandoffTime); !ok {
		c.Add("handoffTime", "Handoff time must be a time like 09:00.")
	}
	if r.StartDate == "" {
		c.Add("startDate", "Start date is required.")
	} else if _, ok := civil.Parse(r.StartDate); !ok {
		c.Add("startDate", "Start date must be a date like 2026-01-05.")
	}
	if r.Restriction != nil {
		rs := r.Restriction
		days := map[string]bool{}
		for i, w := range rs.Weekdays {
			if !contains(WeekdayNames, w) {
				c.Add("restriction.weekdays."+itoa(i), "%q is not a weekday (mon, tue, wed, thu, fri, sat, sun).", w)
			} else if days[w] {
				c.Add("restriction.weekdays."+itoa(i), "%s is listed twice.", w)
			}
			days[w] = true
		}
		if _, ok := ParseHM(rs.Start); !ok {
			c.Add("restriction.start", "Start must be a time like 09:00.")
		}
		if _, ok := ParseHM(rs.End); !ok {
			c.Add("restriction.end", "End must be a time like 17:00.")
		}
	}
	if !containsCov(r.RequiredCoverage) {
		c.Add("requiredCoverage", "Required coverage must be 24x7, business_hours or none.")
	}
	for p, col := range r.Colors {
		if !seen[p] {
			c.Add("colors", "A colour is given for someone who is not in the rotation.")
		} else if !colorRe.MatchString(col) {
			c.Add("colors", "%q is not a colour like #3b82f6.", col)
		}
	}
	return c.Err()
}

// Length of one shift, approximately (days and weeks are calendar lengths).
func (l ShiftLength) approx() time.Duration {
	switch l.Unit {
	case Hours:
		return time.Duration(l.N) * time.Hour
	case Weeks:
		return time.Duration(l.N) * 7 * 24 * time.Hour
	}
	return time.Duration(l.N) * 24 * time.Hour
}

// String is "1 week", "12 hours".
func (l ShiftLength) String() string {
	u := strings.TrimSuffix(string(l.Unit), "s")
	if l.N != 1 {
		u += "s"
	}
	return fmt.Sprintf("%d %s", l.N, u)
}

// Normalize trims text and fills defaults.
func (t *TimeOff) Normalize() {
	t.StartDate = strings.TrimSpace(t.StartDate)
	t.EndDate = strings.TrimSpace(t.EndDate)
	t.Note = strings.TrimSpace(t.Note)
	t.UID = strings.TrimSpace(t.UID)
	t.Calendar = strings.TrimSpace(t.Calendar)
	if t.Kind == "" {
		t.Kind = KindVacation
	}
	if t.Source == "" {
		t.Source = SourceManual
	}
	if t.StartDate != "" && t.EndDate == "" {
		t.EndDate = t.StartDate
	}
	if !t.Start.IsZero() {
		t.Start = t.Start.UTC()
	}
	if !t.End.IsZero() {
		t.End = t.End.UTC()
	}
}

// Validate checks the entry on its own.
func (t *TimeOff) Validate() error {
	var c errs.Collector
	if t.PersonID.IsZero() {
		c.Add("personId", "Choose a person.")
	}
	if !containsKind(t.Kind) {
		c.Add("kind", "Kind must be vacation, sick, holiday or other.")
	}
	days := t.StartDate != "" || t.EndDate != ""
	instant := !t.Start.IsZero() || !t.End.IsZero()
	switch {
	case days && instant:
		c.Add("startDate", "Give either dates (whole days) or start and end times, not both.")
	case days:
		s, ok1 := civil.Parse(t.StartDate)
		e, ok2 := civil.Parse(t.EndDate)
		if !ok1 {
			c.Add("startDate", "Start date must be a date like 2026-07-01.")
		}
		if !ok2 {
			c.Add("endDate", "End date must be a date like 2026-07-14.")
		}
		if ok1 && ok2 && e.Before(s) {
			c.Add("endDate", "The last day (%s) is before the first (%s).", t.EndDate, t.StartDate)
		} else if ok1 && ok2 && e.Sub(s) > MaxTimeOffSpan {
			c.Add("endDate", "Time off spans at most two years; split longer absences.")
		}
	case instant:
		if t.Start.IsZero() {
			c.Add("start", "Start is required.")
		}
		if t.End.IsZero() {
			c.Add("end", "End is required.")
		}
		if !t.Start.IsZero() && !t.End.IsZero() {
			if !t.End.After(t.Start) {
				c.Add("end", "The end is not after the start.")
			} else if t.End.Sub(t.Start) > MaxTimeOffSpan {
				c.Add("end", "Time off spans at most two years; split longer absences.")
			}
			if t.Start.Year() < 1970 || t.End.Year() > 2200 {
				c.Add("start", "The dates are out of range.")
			}
		}
	default:
		c.Add("startDate", "Give the first and last day of the time off.")
	}
	if t.Source != SourceManual && t.Source != SourceImport {
		c.Add("source", "Source must be manual or import.")
	}
	if t.Source == SourceImport && t.UID == "" {
		c.Add("calendarUid", "An imported entry needs its calendar UID.")
	}
	c.MaxLen("note", "Note", t.Note, MaxNote)
	c.MaxLen("calendarUid", "Calendar UID", t.UID, 1000)
	c.MaxLen("calendar", "Calendar name", t.Calendar, 200)
	return c.Err()
}

// Normalize trims text, removes duplicate members and sorts holidays.
func (r *Region) Normalize() {
	r.Name = strings.TrimSpace(r.Name)
	r.MemberIDs = uniqIDs(r.MemberIDs)
	for i := range r.Holidays {
		h := &r.Holidays[i]
		h.Date = strings.TrimSpace(h.Date)
		h.Name = strings.TrimSpace(h.Name)
		if h.Source == SourceManual {
			h.Source = ""
		}
	}
	sort.SliceStable(r.Holidays, func(i, j int) bool { return r.Holidays[i].Date < r.Holidays[j].Date })
	if r.Holidays == nil {
		r.Holidays = []Holiday{}
	}
	if r.MemberIDs == nil {
		r.MemberIDs = []id.ID{}
	}
}

// Validate checks the region on its own.
func (r *Region) Validate() error {
	var c errs.Collector
	if r.Name == "" {
		c.Add("name", "Region name is required.")
	}
	c.MaxLen("name", "Region name", r.Name, MaxName)
	if len(r.Holidays) > MaxHolidays {
		c.Add("holidays", "At most %d holidays per region.", MaxHolidays)
	}
	seen := map[string]bool{}
	for i, h := range r.Holidays {
		f := "holidays." + itoa(i)
		if _, ok := civil.Parse(h.Date); !ok {
			c.Add(f+".date", "%q is not a date like 2026-12-25.", h.Date)
		}
		if h.Name == "" {
			c.Add(f+".name", "Holiday name is required.")
		}
		c.MaxLen(f+".name", "Holiday name", h.Name, MaxName)
		if h.Source != "" && h.Source != SourceImport {
			c.Add(f+".source", "Source must be manual or import.")
		}
		c.MaxLen(f+".calendarUid", "Calendar UID", h.UID, 1000)
		c.MaxLen(f+".calendar", "Calendar name", h.Calendar, 200)
		k := h.Date + "\x00" + strings.ToLower(h.Name) + "\x00" + h.Calendar + "\x00" + h.UID
		if seen[k] {
			c.Add(f, "%s %s is listed twice.", h.Name, h.Date)
		}
		seen[k] = true
	}
	return c.Err()
}

// Normalize trims the note and makes instants UTC.
func (o *Override) Normalize() {
	o.Note = strings.TrimSpace(o.Note)
	o.Start, o.End = o.Start.UTC(), o.End.UTC()
}

// Validate checks the override on its own.
func (o *Override) Validate() error {
	var c errs.Collector
	if o.RotationID.IsZero() {
		c.Add("rotationId", "Choose a rotation.")
	}
	if o.PersonID.IsZero() {
		c.Add("personId", "Choose who covers.")
	}
	switch {
	case o.Start.IsZero():
		c.Add("start", "Start is required.")
	case o.End.IsZero():
		c.Add("end", "End is required.")
	case !o.End.After(o.Start):
		c.Add("end", "The end is not after the start.")
	case o.End.Sub(o.Start) > MaxOverrideSpan:
		c.Add("end", "An override lasts at most a year.")
	case o.Start.Year() < 1970 || o.End.Year() > 2200:
		c.Add("start", "The dates are out of range.")
	}
	c.MaxLen("note", "Note", o.Note, MaxNote)
	return c.Err()
}

// Normalize orders the slots.
func (s *Swap) Normalize() {
	s.Note = strings.TrimSpace(s.Note)
	if s.SlotB < s.SlotA {
		s.SlotA, s.SlotB = s.SlotB, s.SlotA
	}
}

// Validate checks the swap on its own.
func (s *Swap) Validate() error {
	var c errs.Collector
	if s.RotationID.IsZero() {
		c.Add("rotationId", "Choose a rotation.")
	}
	if s.SlotA < 0 || s.SlotB < 0 {
		c.Add("slotA", "Choose two shifts of the rotation.")
	} else if s.SlotA == s.SlotB {
		c.Add("slotB", "Choose two different shifts.")
	}
	c.MaxLen("note", "Note", s.Note, MaxNote)
	return c.Err()
}

// Normalize fills defaults.
func (s *Settings) Normalize() {
	s.Compensation.Currency = strings.ToUpper(strings.TrimSpace(s.Compensation.Currency))
	if s.Compensation.Mode == "" {
		s.Compensation.Mode = CompensationNone
	}
	if s.Compensation.HolidayMultiplier == 0 {
		s.Compensation.HolidayMultiplier = 1
	}
	for i := range s.Compensation.Regions {
		r := &s.Compensation.Regions[i]
		r.Currency = strings.ToUpper(strings.TrimSpace(r.Currency))
		if r.HolidayMultiplier == 0 {
			r.HolidayMultiplier = 1
		}
	}
	if len(s.Compensation.Regions) == 0 {
		s.Compensation.Regions = nil
	}
	if s.GapWarningDays == 0 {
		s.GapWarningDays = 14
	}
	if s.FairnessSpreadLimit == 0 {
		s.FairnessSpreadLimit = DefaultFairnessSpreadLimit
	}
	if s.PagesPerDayLimit == 0 {
		s.PagesPerDayLimit = DefaultPagesPerDayLimit
	}
	s.NotifyPersonIDs = uniqIDs(s.NotifyPersonIDs)
	if len(s.NotifyPersonIDs) == 0 {
		s.NotifyPersonIDs = nil
	}
}

// Validate checks the settings.
func (s *Settings) Validate() error {
	var c errs.Collector
	cp := s.Compensation
	switch cp.Mode {
	case CompensationNone:
	case CompensationPay:
		if !currRe.MatchString(cp.Currency) {
			c.Add("compensation.currency", "Currency must be a three-letter code like EUR.")
		}
	case CompensationTimeOff:
		if cp.TimeOffRatio <= 0 {
			c.Add("compensation.timeOffRatio", "Hours off per on-call hour must be more than 0.")
		}
	default:
		c.Add("compensation.mode", "Compensation must be none, pay or time_off.")
	}
	switch cp.Layers {
	case "", CompensationLayersFinal, CompensationLayersEvery:
	default:
		c.Add("compensation.layers", "Layers paid must be final or every.")
	}
	checkAmounts(&c, "compensation.", map[string]float64{"weekdayRate": cp.WeekdayRate, "weekendRate": cp.WeekendRate, "holidayRate": cp.HolidayRate,
		"timeOffRatio": cp.TimeOffRatio, "turnStipend": cp.TurnStipend, "dayStipend": cp.DayStipend, "weekStipend": cp.WeekStipend}, cp.HolidayMultiplier)
	seen := map[id.ID]bool{}
	for i, r := range cp.Regions {
		f := fmt.Sprintf("compensation.regions.%d.", i)
		switch {
		case r.RegionID.IsZero():
			c.Add(f+"regionId", "Choose a holiday region.")
		case seen[r.RegionID]:
			c.Add(f+"regionId", "This region already has its own rates.")
		}
		seen[r.RegionID] = true
		if !currRe.MatchString(r.Currency) {
			c.Add(f+"currency", "Currency must be a three-letter code like EUR.")
		}
		checkAmounts(&c, f, map[string]float64{"weekdayRate": r.WeekdayRate, "weekendRate": r.WeekendRate, "holidayRate": r.HolidayRate,
			"turnStipend": r.TurnStipend, "dayStipend": r.DayStipend, "weekStipend": r.WeekStipend}, r.HolidayMultiplier)
	}
	if len(cp.Regions) > 100 {
		c.Add("compensation.regions", "At most 100 regions can have rates of their own.")
	}
	if s.GapWarningDays < 1 || s.GapWarningDays > 90 {
		c.Add("gapWarningDays", "Warn of coverage gaps 1 to 90 days ahead.")
	}
	if v := s.FairnessSpreadLimit; !(v >= 1.1 && v <= 10) {
		c.Add("fairnessSpreadLimit", "The fairness spread limit must be a number from 1.1 to 10.")
	}
	if v := s.PagesPerDayLimit; !(v >= 0.25 && v <= 50) {
		c.Add("pagesPerDayLimit", "Pages per on-call day must be a number from 0.25 to 50.")
	}
	return c.Err()
}

func contains(l []string, v string) bool {
	for _, x := range l {
		if x == v {
			return true
		}
	}
	return false
}

func containsCov(v Coverage) bool {
	for _, x := range Coverages {
		if x == v {
			return true
		}
	}
	return false
}

func containsKind(v TimeOffKind) bool {
	for _, x := range TimeOffKinds {
		if x == v {
			return true
		}
	}
	return false
}

func uniqIDs(in []id.ID) []id.ID {
	out := make([]id.ID, 0, len(in))
	seen := map[id.ID]bool{}
	for _, u := range in {
		if !u.IsZero() && !seen[u] {
			seen[u] = true
			out = append(out, u)
		}
	}
	return out
}

// Stamps give store.Stamp each record's id and times.
func (r *Rotation) Stamps() (*id.ID, *time.Time, *time.Time) {
	return &r.ID, &r.CreatedAt, &r.UpdatedAt
}
func (t *TimeOff) Stamps() (*id.ID, *time.Time, *time.Time) { return &t.ID, &t.CreatedAt, &t.UpdatedAt }
func (r *Region) Stamps() (*id.ID, *time.Time, *time.Time)  { return &r.ID, &r.CreatedAt, &r.UpdatedAt }
func (o *Override) Stamps() (*id.ID, *time.Time, *time.Time) {
	return &o.ID, &o.CreatedAt, &o.UpdatedAt
}
func (s *Swap) Stamps() (*id.ID, *time.Time, *time.Time) { return &s.ID, &s.CreatedAt, &s.UpdatedAt }
