package handoff

import (
	"fmt"
	"sync"
	"time"

	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/id"
	"wheelhouse/backend/oncall"
	"wheelhouse/backend/reminder"
)

// KindRecord: a turn ended and its handoff is not recorded yet. Key
// kind:rotation:turn start (Unix seconds): one reminder a turn. It is due
// when the turn ends and stops mattering RecentDays later, or as soon as
// the handoff is recorded (the rule no longer returns it).
const KindRecord = "oncall.handoff_record"

// Rules are the handoff reminder rules: for rotations whose handoffs the
// manager asked to be reminded of (Rotation.NotifyHandoffs) and people on
// the on-call settings' notify list, the same choice as the "handoff within
// the hour" reminders. The text names the person, rotation and turn only:
// nothing private.
//
// Like the on-call rules, it works out what is due up to the end of the
// current hour and keeps that until the hour ends or the data changes.
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
	return []reminder.Rule{reminder.RuleFunc{RuleName: "handoff", Fn: func(txn *badger.Txn, c reminder.Context) ([]reminder.Reminder, error) {
		if oncall.Rotations.Count(txn) == 0 {
			return nil, nil
		}
		bucket := c.Now.UTC().Truncate(time.Hour)
		mu.Lock()
		defer mu.Unlock()
		if cache.readTs == txn.ReadTs() && cache.bucket.Equal(bucket) && cache.zone == c.Loc.String() {
			return cache.items, nil
		}
		snap, err := s.oncall.SnapshotTx(txn)
		if err != nil {
			return nil, err
		}
		out := recordReminders(txn, snap, c, bucket.Add(-RecentDays*24*time.Hour), bucket.Add(time.Hour))
		cache.readTs, cache.bucket, cache.zone, cache.items = txn.ReadTs(), bucket, c.Loc.String(), out
		return out, nil
	}}}
}

// recordReminders: the turns that ended in (from, to] without a record.
func recordReminders(txn *badger.Txn, snap *oncall.Snapshot, c reminder.Context, from, to time.Time) []reminder.Reminder {
	notify := map[id.ID]bool{}
	for _, p := range snap.Settings.NotifyPersonIDs {
		notify[p] = true
	}
	want := func(r *oncall.Rotation, t Turn) bool { return r.NotifyHandoffs || notify[t.PersonID] }
	loc := c.Loc
	if loc == nil {
		loc = time.UTC
	}
	var out []reminder.Reminder
	for _, t := range EndedTurns(snap, from, to, want) {
		if Recorded(txn, t.RotationID, t.Start) {
			continue
		}
		out = append(out, reminder.Reminder{
			Key:   fmt.Sprintf("%s:%s:%d", KindRecord, t.RotationID, t.Start.Unix()),
			Kind:  KindRecord,
			Title: fmt.Sprintf("Record the handoff: %s's %s turn ended", t.Person, t.Rotation),
			Body: fmt.Sprintf("On call %s – %s (your time). Ask how it went: burden 1–5, sleep interrupted, open issues, runbook gaps.",
				t.Start.In(loc).Format("Mon 2 Jan 15:04"), t.End.In(loc).Format("Mon 2 Jan 15:04")),
			Link:      reminder.Link{Area: "handoffs", ID: fmt.Sprintf("%s@%s", t.RotationID, t.Start.UTC().Format(time.RFC3339))},
			DueAt:     t.End,
			ExpiresAt: t.End.Add(RecentDays * 24 * time.Hour),
		})
	}
	return out
}
