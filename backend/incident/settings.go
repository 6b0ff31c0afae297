package incident

import (
	"strings"
	"time"
	"unicode/utf8"

	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/civil"
	"wheelhouse/backend/errs"
	"wheelhouse/backend/store"
)

// SeverityLevel names one severity and says when to use it.
type SeverityLevel struct {
	Label       string `json:"label"`
	Description string `json:"description,omitempty"`
}

// Settings of the incidents area (workspace JSON: settings.incidents).
type Settings struct {
	// Severities are the four levels, SEV1 (worst) first.
	Severities []SeverityLevel `json:"severities"`
	// ReviewDueBusinessDays is how many business days (Mon-Fri) after the
	// resolution a review is due by default.
	ReviewDueBusinessDays int `json:"reviewDueBusinessDays"`
	// CauseKeywords are words and phrases always looked for in reviews'
	// root causes and contributing factors (besides any recurring two-word
	// phrase) when finding recurring causes.
	CauseKeywords []string `json:"causeKeywords"`
}

// DefaultSettings are the settings of a new workspace.
func DefaultSettings() Settings {
	return Settings{
		Severities: []SeverityLevel{
			{"SEV1", "Critical: a core customer-facing service is down or data is at risk; all hands."},
			{"SEV2", "Major: a key feature is broken or badly degraded for many customers."},
			{"SEV3", "Minor: partial degradation, a workaround exists, or few customers are affected."},
			{"SEV4", "Low: no customer impact yet; internal tooling or a near miss."},
		},
		ReviewDueBusinessDays: 5,
		CauseKeywords: []string{"config change", "deploy", "capacity", "dependency", "certificate", "dns", "timeout",
			"retry", "rollback", "alerting", "migration", "rate limit", "memory", "disk", "network"},
	}
}

// Normalize trims text and fills what is missing with the defaults.
func (s *Settings) Normalize() {
	d := DefaultSettings()
	if len(s.Severities) == 0 {
		s.Severities = d.Severities
	}
	for i := range s.Severities {
		s.Severities[i].Label = strings.TrimSpace(s.Severities[i].Label)
		s.Severities[i].Description = strings.TrimSpace(s.Severities[i].Description)
	}
	if s.ReviewDueBusinessDays == 0 {
		s.ReviewDueBusinessDays = d.ReviewDueBusinessDays
	}
	if s.CauseKeywords == nil {
		s.CauseKeywords = d.CauseKeywords
	}
	kw := make([]string, 0, len(s.CauseKeywords))
	seen := map[string]bool{}
	for _, k := range s.CauseKeywords {
		if k = strings.Join(Words(k), " "); k != "" && !seen[k] {
			seen[k] = true
			kw = append(kw, k)
		}
	}
	s.CauseKeywords = kw
}

// Validate checks the settings.
func (s *Settings) Validate() error {
	var c errs.Collector
	if len(s.Severities) != MaxSeverity {
		c.Add("severities", "There are exactly %d severity levels (SEV1 to SEV4); give each a label.", MaxSeverity)
	}
	seen := map[string]bool{}
	for i, l := range s.Severities {
		f := "severities." + itoa(i)
		switch {
		case l.Label == "":
			c.Add(f+".label", "Severity label is required.")
		case utf8.RuneCountInString(l.Label) > 20:
			c.Add(f+".label", "Severity label is too long (at most 20 characters).")
		case seen[strings.ToLower(l.Label)]:
			c.Add(f+".label", "%q is used twice.", l.Label)
		}
		seen[strings.ToLower(l.Label)] = true
		c.MaxLen(f+".description", "Description", l.Description, 500)
	}
	if s.ReviewDueBusinessDays < 1 || s.ReviewDueBusinessDays > 60 {
		c.Add("reviewDueBusinessDays", "Reviews are due 1 to 60 business days after resolution.")
	}
	if len(s.CauseKeywords) > 100 {
		c.Add("causeKeywords", "At most 100 cause keywords.")
	}
	for i, k := range s.CauseKeywords {
		c.MaxLen("causeKeywords."+itoa(i), "Keyword", k, 60)
	}
	return c.Err()
}

// Label returns the label of severity sev ("SEV2"), or "SEV?" when unknown.
func (s *Settings) Label(sev int) string {
	if sev >= 1 && sev <= len(s.Severities) {
		return s.Severities[sev-1].Label
	}
	return "SEV?"
}

var keySettings = store.Key(store.PrefixSetting, "incidents")

// SettingsTx reads the settings (defaults when never saved).
func SettingsTx(txn *badger.Txn) (Settings, error) {
	var s Settings
	if _, err := store.GetJSON(txn, keySettings, &s); err != nil {
		return s, err
	}
	s.Normalize()
	return s, nil
}

// PutSettingsTx writes the settings.
func PutSettingsTx(txn *badger.Txn, s Settings) error { return store.PutJSON(txn, keySettings, s) }

// AddBusinessDays returns the civil date n business days (Monday to Friday)
// after date: from a Friday, 1 business day is the Monday. Holidays are not
// skipped.
func AddBusinessDays(date string, n int) (string, error) {
	d, ok := civil.Parse(date)
	if !ok {
		return "", errs.FieldErr("date", "%q is not a date like 2026-03-01.", date)
	}
	for n > 0 {
		d = d.AddDate(0, 0, 1)
		if wd := d.Weekday(); wd != time.Saturday && wd != time.Sunday {
			n--
		}
	}
	return d.Format(civil.Layout), nil
}

// ReviewDueDate is the default due date of a review: n business days after
// the civil date, in loc, of the resolution.
func ReviewDueDate(resolvedAt time.Time, loc *time.Location, n int) string {
	if loc == nil {
		loc = time.UTC
	}
	due, _ := AddBusinessDays(resolvedAt.In(loc).Format(civil.Layout), n)
	return due
}
