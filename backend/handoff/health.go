package handoff

import (
	"sort"
	"time"

	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/errs"
	"wheelhouse/backend/id"
	"wheelhouse/backend/oncall"
)

// RotationHealth is what the handoffs and the survey say about one
// rotation: the recorded burden of its turns that ended in the window, and
// its latest survey aggregates.
type RotationHealth struct {
	RotationID id.ID  `json:"rotationId" ts_type:"string"`
	Rotation   string `json:"rotation"`
	Turns      int    `json:"turns"`    // turns that ended in the window
	Recorded   int    `json:"recorded"` // of them, with a handoff record
	// Ratings is the histogram of the recorded burden ratings (index 0 = 1).
	Ratings          [5]int  `json:"ratings"`
	Mean             float64 `json:"mean"` // mean recorded rating; 0 when none
	SleepInterrupted int     `json:"sleepInterrupted"`
	// Survey is the rotation's anonymous survey aggregates, latest period
	// first (at most MaxHealthPeriods).
	Survey []Aggregate `json:"survey"`
}

// MaxHealthPeriods is how many survey periods a rotation's health shows.
const MaxHealthPeriods = 6

// Health sums up the handoffs of the turns that ended in the last days days
// (90 when days <= 0) and the survey aggregates, per rotation in the
// on-call screen's order. Rotations with neither are left out.
func (s *Service) Health(days int) (out []RotationHealth, err error) {
	if days <= 0 {
		days = 90
	}
	if days > 3*366 {
		return nil, errs.FieldErr("days", "Look back at most three years.")
	}
	now := s.clock.Now().UTC()
	err = s.st.View(func(txn *badger.Txn) error {
		out, err = HealthTx(txn, s.oncall, now.Add(-time.Duration(days)*24*time.Hour), now)
		return err
	})
	return out, errs.Wrap("handoff.Health", err)
}

// HealthTx is Health over the turns that ended in (from, to].
func HealthTx(txn *badger.Txn, oc *oncall.Service, from, to time.Time) ([]RotationHealth, error) {
	snap, err := oc.SnapshotTx(txn)
	if err != nil {
		return nil, err
	}
	survey, err := SurveyTx(txn)
	if err != nil {
		return nil, err
	}
	rots := append([]oncall.Rotation(nil), snap.Rotations...)
	oncall.SortRotations(rots, snap.Teams)
	out := []RotationHealth{}
	for i := range rots {
		r := &rots[i]
		h := RotationHealth{RotationID: r.ID, Rotation: r.Name, Survey: []Aggregate{}}
		sum := 0
		for _, t := range Turns(snap, r.ID, from, to) {
			if !t.End.After(from) || t.End.After(to) {
				continue
			}
			h.Turns++
			rec, found, err := RecordTx(txn, t.RotationID, t.Start)
			if err != nil {
				return nil, err
			}
			if !found {
				continue
			}
			h.Recorded++
			h.Ratings[rec.Rating-1]++
			sum += rec.Rating
			if rec.SleepInterrupted {
				h.SleepInterrupted++
			}
		}
		if h.Recorded > 0 {
			h.Mean = float64(sum) / float64(h.Recorded)
		}
		for _, a := range survey {
			if a.RotationID == r.ID {
				h.Survey = append(h.Survey, a)
			}
		}
		sort.SliceStable(h.Survey, func(i, j int) bool { return h.Survey[i].Period > h.Survey[j].Period })
		if len(h.Survey) > MaxHealthPeriods {
			h.Survey = h.Survey[:MaxHealthPeriods]
		}
		if h.Recorded == 0 && len(h.Survey) == 0 && h.Turns == 0 {
			continue
		}
		out = append(out, h)
	}
	return out, nil
}
