package oneonone

import (
	"fmt"

	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/id"
	"wheelhouse/backend/store"
)

// Data is the 1:1 part of the workspace JSON file ("oneOnOnes").
//
// Private notes: every meeting's "privateNotes" is the manager's own. The
// file says whether they are in it (workspace Snapshot.PrivateNotes); an
// export made without them has every privateNotes empty.
type Data struct {
	Series   []Series  `json:"series"`
	Meetings []Meeting `json:"meetings"`
}

// LoadDataTx reads every series and meeting.
func LoadDataTx(txn *badger.Txn) (d Data, err error) {
	if d.Series, err = SeriesTable.List(txn); err != nil {
		return d, err
	}
	d.Meetings, err = Meetings.List(txn)
	d.fill()
	return d, err
}

func (d *Data) fill() {
	if d.Series == nil {
		d.Series = []Series{}
	}
	if d.Meetings == nil {
		d.Meetings = []Meeting{}
	}
}

// MeetingIDs lists the meeting ids (follow-ups may point at them).
func (d *Data) MeetingIDs() map[id.ID]bool {
	m := make(map[id.ID]bool, len(d.Meetings))
	for _, x := range d.Meetings {
		m[x.ID] = true
	}
	return m
}

// Check normalizes and validates the data as part of a workspace file (see
// growth.Data.Check for the callbacks).
func (d *Data) Check(claim func(where string, u id.ID), add func(where, format string, a ...any),
	addErr func(where string, err error), person func(id.ID) bool) {
	f := store.File{Claim: claim, Add: add, AddErr: addErr}
	d.fill()
	seen := map[id.ID]bool{}
	for i := range d.Series {
		s := &d.Series[i]
		where := fmt.Sprintf("oneOnOnes.series[%d]", i)
		s.Normalize()
		addErr(where, s.Validate())
		switch {
		case s.PersonID.IsZero():
		case !person(s.PersonID):
			add(where+" personId", "no person has id %s", s.PersonID)
		case seen[s.PersonID]:
			add(where+" personId", "the person has two 1:1 cadences")
		}
		seen[s.PersonID] = true
	}
	for i := range d.Meetings {
		m := &d.Meetings[i]
		where := fmt.Sprintf("oneOnOnes.meetings[%d] %s", i, m.Date)
		claim(where, m.ID)
		m.Normalize(m.CreatedAt)
		addErr(where, m.Validate())
		f.Ref(where, "personId", "person", m.PersonID, person)
	}
}

// Ops are the writes that store validated data.
func (d *Data) Ops() []store.Op {
	return append(SeriesTable.PutOps(d.Series), Meetings.PutOps(d.Meetings)...)
}
