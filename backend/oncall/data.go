package oncall

import (
	"fmt"

	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/id"
	"wheelhouse/backend/store"
)

// Data is the on-call part of the workspace JSON file ("oncall"). Calendar
// feed tokens and published-event state are machine-local and not part of it.
type Data struct {
	Settings  Settings   `json:"settings"`
	Rotations []Rotation `json:"rotations"`
	Regions   []Region   `json:"regions"`
	TimeOff   []TimeOff  `json:"timeOff"`
	Overrides []Override `json:"overrides"`
	Swaps     []Swap     `json:"swaps"`
}

// LoadDataTx reads all on-call records, each list in id (creation) order.
func LoadDataTx(txn *badger.Txn) (d Data, err error) {
	if d.Settings, err = SettingsTx(txn); err != nil {
		return d, err
	}
	if d.Rotations, err = Rotations.List(txn); err != nil {
		return d, err
	}
	if d.Regions, err = Regions.List(txn); err != nil {
		return d, err
	}
	if d.TimeOff, err = TimeOffs.List(txn); err != nil {
		return d, err
	}
	if d.Overrides, err = Overrides.List(txn); err != nil {
		return d, err
	}
	d.Swaps, err = Swaps.List(txn)
	d.fill()
	return d, err
}

// fill turns nil lists into empty ones, so the file always has arrays.
func (d *Data) fill() {
	if d.Rotations == nil {
		d.Rotations = []Rotation{}
	}
	if d.Regions == nil {
		d.Regions = []Region{}
	}
	if d.TimeOff == nil {
		d.TimeOff = []TimeOff{}
	}
	if d.Overrides == nil {
		d.Overrides = []Override{}
	}
	if d.Swaps == nil {
		d.Swaps = []Swap{}
	}
}

// Ops are the writes that store validated data.
func (d *Data) Ops() []store.Op {
	ops := []store.Op{func(txn *badger.Txn) error { return PutSettingsTx(txn, d.Settings) }}
	for i := range d.Rotations {
		r := &d.Rotations[i]
		ops = append(ops, func(txn *badger.Txn) error { return Rotations.Put(txn, r) })
	}
	for i := range d.Regions {
		r := &d.Regions[i]
		ops = append(ops, func(txn *badger.Txn) error { return Regions.Put(txn, r) })
	}
	for i := range d.TimeOff {
		t := &d.TimeOff[i]
		ops = append(ops, func(txn *badger.Txn) error { return TimeOffs.Put(txn, t) })
	}
	for i := range d.Overrides {
		o := &d.Overrides[i]
		ops = append(ops, func(txn *badger.Txn) error { return Overrides.Put(txn, o) })
	}
	for i := range d.Swaps {
		s := &d.Swaps[i]
		ops = append(ops, func(txn *badger.Txn) error { return Swaps.Put(txn, s) })
	}
	return ops
}

// Check normalizes and validates the data as part of a workspace file:
// claim registers an id (unique across the file), add reports a problem at
// a place, addErr reports a validation error's fields, person says whether a
// person id exists in the file.
func (d *Data) Check(claim func(where string, u id.ID), add func(where, format string, a ...any),
	addErr func(where string, err error), person func(id.ID) bool) {
	f := store.File{Claim: claim, Add: add, AddErr: addErr}
	d.fill()
	d.Settings.Normalize()
	addErr("oncall.settings", d.Settings.Validate())
	for _, p := range d.Settings.NotifyPersonIDs {
		if !person(p) {
			add("oncall.settings notifyPersonIds", "no person has id %s", p)
		}
	}
	rots := map[id.ID]*Rotation{}
	isRotation := func(u id.ID) bool { _, ok := rots[u]; return ok }
	names := rotationName.InFile(f)
	for i := range d.Rotations {
		r := &d.Rotations[i]
		where := fmt.Sprintf("oncall.rotations[%d] %q", i, r.Name)
		rots[r.ID] = r
		f.Record(where, r.ID, r)
		names.Check(where, r.Name)
		for j, p := range r.Participants {
			f.Ref(where, fmt.Sprintf("participants[%d]", j), "person", p, person)
		}
	}
	regionOf := map[id.ID]string{}
	regionNames := regionName.InFile(f)
	for i := range d.Regions {
		r := &d.Regions[i]
		where := fmt.Sprintf("oncall.regions[%d] %q", i, r.Name)
		f.Record(where, r.ID, r)
		regionNames.Check(where, r.Name)
		for _, m := range r.MemberIDs {
			if !person(m) {
				add(where+" memberIds", "no person has id %s", m)
			} else if other, dup := regionOf[m]; dup {
				add(where+" memberIds", "person %s is also in the region %s (a person follows one holiday calendar)", m, other)
			}
			regionOf[m] = r.Name
		}
	}
	uids := map[string]string{}
	for i := range d.TimeOff {
		t := &d.TimeOff[i]
		where := fmt.Sprintf("oncall.timeOff[%d]", i)
		f.Record(where, t.ID, t)
		f.Ref(where, "personId", "person", t.PersonID, person)
		if t.UID != "" {
			k := t.PersonID.String() + "\x00" + t.UID
			if other, dup := uids[k]; dup {
				add(where+" calendarUid", "the same calendar event is imported twice for this person (also %s)", other)
			}
			uids[k] = where
		}
	}
	byRot := map[id.ID][]*Override{}
	for i := range d.Overrides {
		o := &d.Overrides[i]
		where := fmt.Sprintf("oncall.overrides[%d]", i)
		f.Record(where, o.ID, o)
		f.Ref(where, "personId", "person", o.PersonID, person)
		f.Ref(where, "rotationId", "rotation", o.RotationID, isRotation)
		for _, x := range byRot[o.RotationID] {
			if x.Start.Before(o.End) && o.Start.Before(x.End) {
				add(where, "overlaps override %s of the same rotation", x.ID)
			}
		}
		byRot[o.RotationID] = append(byRot[o.RotationID], o)
	}
	slots := map[string]bool{}
	for i := range d.Swaps {
		s := &d.Swaps[i]
		where := fmt.Sprintf("oncall.swaps[%d]", i)
		f.Record(where, s.ID, s)
		f.Ref(where, "rotationId", "rotation", s.RotationID, isRotation)
		for _, k := range []int{s.SlotA, s.SlotB} {
			key := fmt.Sprint(s.RotationID, k)
			if slots[key] {
				add(where, "turn %d is already part of another swap", k+1)
			}
			slots[key] = true
		}
	}
}

// CheckTeams checks the rotations' teams against the file's teams, after
// Check: team says whether an id is a team of the file, teamNamed finds a
// team of the file by name (case-insensitive). A rotation without a team
// whose schedule name is a team's name joins that team, as migration 2 does
// for a database, so a file written before rotations belonged to teams reads
// the same as an upgraded workspace.
func (d *Data) CheckTeams(add func(where, format string, a ...any), team func(id.ID) bool, teamNamed func(string) (id.ID, bool)) {
	for i := range d.Rotations {
		r := &d.Rotations[i]
		switch {
		case !r.TeamID.IsZero():
			if !team(r.TeamID) {
				add(fmt.Sprintf("oncall.rotations[%d] %q teamId", i, r.Name), "no team has id %s", r.TeamID)
			}
		case r.ScheduleName != "":
			if u, ok := teamNamed(r.ScheduleName); ok {
				r.TeamID, r.ScheduleName = u, ""
			}
		}
	}
}
