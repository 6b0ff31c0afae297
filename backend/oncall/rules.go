package oncall

import (
	"fmt"
	"sync"
	"time"

	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/civil"
	"wheelhouse/backend/id"
	"wheelhouse/backend/reminder"
	"wheelhouse/backend/tz"
)

// Reminder kinds of the on-call area. Keys are kind:rotation:slot:person
// (handoffs) and kind:rotation:start (gaps), so each is delivered once and a
// new holder of a turn is a new reminder.
const (
	KindHandoffSoon    = "oncall.handoff_soon"
	KindOnCallTomorrow = "oncall.tomorrow"
	KindCoverageGap    = "oncall.coverage_gap"
	// KindBackToBack: someone holds two consecutive turns of a rotation
	// (a schedule warning, decision 0013); key kind:rotation:slot:person.
	KindBackToBack = "oncall.back_to_back"
)

// HandoffLead is how long before a handoff its reminder is due.
const HandoffLead = time.Hour

// Rules are the on-call reminder rules (register them with the engine):
// one rule that reads the on-call data once per evaluation.
//
// Working out the schedule of every rotation costs a few milliseconds, and
// the engine evaluates every minute. So the rule computes the reminders due
// up to the end of the current hour, each with its DueAt and ExpiresAt (the
// engine shows only those due and not expired), and keeps them until the hour
// ends or the data changes (the transaction's read timestamp moves on every
// commit). The on-call data comes from the service's cached snapshot.
func (s *Service) Rules() []reminder.Rule {
	var (
		mu    sync.Mutex
		cache struct {
			readTs uint64
			bucket time.Time
			zone   string
			items  []reminder.Reminder
		}
	)
	return []reminder.Rule{reminder.RuleFunc{RuleName: "oncall", Fn: func(txn *badger.Txn, c reminder.Context) ([]reminder.Reminder, error) {
		if Rotations.Count(txn) == 0 {
			return nil, nil
		}
		bucket := c.Now.UTC().Truncate(time.Hour)
		mu.Lock()
		defer mu.Unlock()
		if cache.readTs == txn.ReadTs() && cache.bucket.Equal(bucket) && cache.zone == c.Loc.String() {
			return cache.items, nil
		}
		st, err := SettingsTx(txn)
		if err != nil {
			return nil, err
		}
		days := st.GapWarningDays
		if days <= 0 {
			days = 14
		}
		end := bucket.Add(time.Hour)
		snap, err := s.SnapshotTx(txn)
		if err != nil {
			return nil, err
		}
		out := handoffReminders(snap, c, bucket, end)
		out = append(out, gapReminders(snap, c, days, bucket)...)
		out = append(out, backToBackReminders(snap, c, days, bucket)...)
		cache.readTs, cache.bucket, cache.zone, cache.items = txn.ReadTs(), bucket, c.Loc.String(), out
		return out, nil
	}}}
}

// handoffReminders: "handoff in 1 hour" (due in the hour before) and "on
// call tomorrow" (due from noon the day before, in the manager's zone) for
// rotations with NotifyHandoffs and people on the settings' notify list.
//
// It returns every such reminder due before end whose handoff is after
// start; the engine shows each from DueAt until the handoff (ExpiresAt).
func handoffReminders(snap *Snapshot, c reminder.Context, start, end time.Time) []reminder.Reminder {
	now := start
	to := end.Add(50 * time.Hour)
	notify := map[id.ID]bool{}
	for _, p := range snap.Settings.NotifyPersonIDs {
		notify[p] = true
	}
	ly, lm, ld := c.Now.In(c.Loc).Date()
	noon := tz.WallTime(ly, lm, ld, 12, 0, c.Loc)
	tomorrow := time.Date(ly, lm, ld+1, 12, 0, 0, 0, c.Loc).Format(civil.Layout)
	var out []reminder.Reminder
	for _, rid := range snap.index().order {
		r := snap.index().rots[rid]
		shifts := Shifts(snap, rid, now.Add(-time.Minute), to)
		for i, x := range shifts {
			if x.Gap || x.Piece != 0 || !(r.NotifyHandoffs || notify[x.PersonID]) || !x.Start.After(now) {
				continue
			}
			if i > 0 && shifts[i-1].PersonID == x.PersonID && shifts[i-1].End.Equal(x.Start) {
				continue // the same person carries on: no handoff
			}
			prev := "nobody"
			if i > 0 && shifts[i-1].End.Equal(x.Start) && !shifts[i-1].Gap {
				prev = snap.Name(shifts[i-1].PersonID)
			}
			who, rot := snap.Name(x.PersonID), r.Name
			at := x.Start.In(c.Loc).Format("Mon 2 Jan 15:04")
			key := fmt.Sprintf("%s:%s:%d:%s", "%s", rid, x.Slot, x.PersonID)
			link := reminder.Link{Area: "oncall", ID: rid.String()}
			if x.Start.Add(-HandoffLead).Before(end) {
				out = append(out, reminder.Reminder{Key: fmt.Sprintf(key, KindHandoffSoon), Kind: KindHandoffSoon,
					Title: fmt.Sprintf("Handoff within the hour: %s takes over %s at %s", who, rot, x.Start.In(c.Loc).Format("15:04")),
					Body:  fmt.Sprintf("%s (your time), from %s. %s", at, prev, reasonNote(snap, x)),
					Link:  link, DueAt: x.Start.Add(-HandoffLead), ExpiresAt: x.Start})
			}
			if noon.Before(end) && x.Start.In(c.Loc).Format(civil.Layout) == tomorrow {
				out = append(out, reminder.Reminder{Key: fmt.Sprintf(key, KindOnCallTomorrow), Kind: KindOnCallTomorrow,
					Title: fmt.Sprintf("On call tomorrow: %s (%s)", who, rot),
					Body:  fmt.Sprintf("From %s until %s (your time). %s", at, x.End.In(c.Loc).Format("Mon 2 Jan 15:04"), reasonNote(snap, x)),
					Link:  link, DueAt: noon, ExpiresAt: x.Start})
			}
		}
	}
	return out
}

func reasonNote(s *Snapshot, x Shift) string {
	switch x.Reason {
	case ReasonReplacement, ReasonPayback, ReasonSwap:
		return fmt.Sprintf("Instead of %s (%s).", s.Name(x.ReplacedPersonID), x.Reason)
	case ReasonOverride:
		return "By override."
	}
	return ""
}

// gapReminders: a coverage gap in the next GapWarningDays days. A gap that
// is already open is reminded of once a day (its key carries the day).
func gapReminders(snap *Snapshot, c reminder.Context, days int, now time.Time) []reminder.Reminder {
	ly, lm, ld := now.In(c.Loc).Date()
	from := tz.WallTime(ly, lm, ld, 0, 0, c.Loc)
	to := now.Add(time.Duration(days) * 24 * time.Hour)
	var out []reminder.Reminder
	for _, g := range CoverageGaps(snap, from, to) {
		if !g.End.After(now) {
			continue
		}
		// An absolute time: the reminder stays in the centre for days, where
		// "in 6 days" would go stale.
		in := "now"
		if g.Start.After(now) {
			in = "from " + g.Start.In(c.Loc).Format("Mon 2 Jan 15:04")
		}
		due := g.Start.Add(-time.Duration(days) * 24 * time.Hour)
		if due.After(now) {
			due = now
		}
		out = append(out, reminder.Reminder{
			Key:   fmt.Sprintf("%s:%s:%d", KindCoverageGap, g.RotationIDs[0], g.Start.Unix()),
			Kind:  KindCoverageGap,
			Title: fmt.Sprintf("Coverage gap %s: %s", in, g.Schedule),
			Body: fmt.Sprintf("Nobody is on call from %s to %s (your time): %s. Add an override or change the rotation.",
				g.Start.In(c.Loc).Format("Mon 2 Jan 15:04"), g.End.In(c.Loc).Format("Mon 2 Jan 15:04"), g.Reason),
			Link:      reminder.Link{Area: "oncall", ID: g.RotationIDs[0].String()},
			DueAt:     due,
			ExpiresAt: g.End,
		})
	}
	return out
}

// backToBackReminders: a back-to-back pair of turns (schedule warnings)
// whose second turn starts in the next GapWarningDays days, due like a gap,
// until the pair ends.
func backToBackReminders(snap *Snapshot, c reminder.Context, days int, now time.Time) []reminder.Reminder {
	var out []reminder.Reminder
	for _, w := range ScheduleWarnings(snap, now, now.Add(time.Duration(days)*24*time.Hour)) {
		if w.Kind != WarnBackToBack || !w.End.After(now) {
			continue
		}
		due := w.Start.Add(-time.Duration(days) * 24 * time.Hour)
		if due.After(now) {
			due = now
		}
		out = append(out, reminder.Reminder{
			Key:   fmt.Sprintf("%s:%s:%d:%s", KindBackToBack, w.RotationID, w.Slot, w.PersonID),
			Kind:  KindBackToBack,
			Title: "Back-to-back turns: " + snap.Name(w.PersonID),
			Body: fmt.Sprintf("%s On call from %s to %s (your time). Swap or override a turn to break it up.", w.Message,
				w.Start.In(c.Loc).Format("Mon 2 Jan 15:04"), w.End.In(c.Loc).Format("Mon 2 Jan 15:04")),
			Link:      reminder.Link{Area: "oncall", ID: w.RotationID.String()},
			DueAt:     due,
			ExpiresAt: w.End,
		})
	}
	return out
}
