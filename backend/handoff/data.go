package handoff

import (
	"fmt"
	"time"

	"github.com/dgraph-io/badger/v4"

	"wheelhouse/backend/id"
	"wheelhouse/backend/store"
)

// Data is the handoffs part of the workspace JSON file ("handoffs"). All
// of it is private: an export without private notes leaves it empty.
type Data struct {
	Records []Record    `json:"records"`
	Survey  []Aggregate `json:"survey"`
	Imports []ImportLog `json:"surveyImports"`
	Mapping *Mapping    `json:"surveyMapping,omitempty"`
}

// Empty reports whether d holds nothing.
func (d *Data) Empty() bool {
	return len(d.Records) == 0 && len(d.Survey) == 0 && len(d.Imports) == 0 && d.Mapping == nil
}

// LoadDataTx reads every record, aggregate, import log and the mapping.
func LoadDataTx(txn *badger.Txn) (d Data, err error) {
	if d.Records, err = Records.List(txn); err != nil {
		return d, err
	}
	if d.Records == nil {
		d.Records = []Record{}
	}
	if d.Survey, err = SurveyTx(txn); err != nil {
		return d, err
	}
	d.Imports = []ImportLog{}
	if err := store.Scan(txn, store.Prefix(store.PrefixSurvey, "i"), func(_ []byte, l *ImportLog) error {
		d.Imports = append(d.Imports, *l)
		return nil
	}); err != nil {
		return d, err
	}
	var m Mapping
	if found, err := store.GetJSON(txn, mappingKey, &m); err != nil {
		return d, err
	} else if found {
		d.Mapping = &m
	}
	return d, nil
}

// Check normalizes and validates the data as part of a workspace file.
// Records of a rotation deleted since are kept (their rotation is not
// checked); the person of a record must be in the file (deleting a person
// deletes their handoffs, PersonRefs).
func (d *Data) Check(claim func(where string, u id.ID), add func(where, format string, a ...any),
	addErr func(where string, err error), person func(id.ID) bool) {
	if d.Records == nil {
		d.Records = []Record{}
	}
	if d.Survey == nil {
		d.Survey = []Aggregate{}
	}
	if d.Imports == nil {
		d.Imports = []ImportLog{}
	}
	f := store.File{Claim: claim, Add: add, AddErr: addErr}
	turns := map[string]bool{}
	for i := range d.Records {
		r := &d.Records[i]
		where := fmt.Sprintf("handoffs.records[%d]", i)
		f.Record(where, r.ID, r)
		f.Ref(where, "personId", "person", r.PersonID, person)
		k := string(turnTerm(r.RotationID, r.TurnStart))
		if turns[k] {
			add(where, "a second record for the turn of rotation %s at %s", r.RotationID, r.TurnStart.Format(time.RFC3339))
		}
		turns[k] = true
	}
	periods := map[string]bool{}
	for i := range d.Survey {
		a := &d.Survey[i]
		where := fmt.Sprintf("handoffs.survey[%d]", i)
		if a.Comments == nil {
			a.Comments = []string{}
		}
		switch {
		case a.RotationID.IsZero():
			add(where+" rotationId", "an aggregate needs its rotation")
		case a.Period == "":
			add(where+" period", "an aggregate needs its period")
		case a.Answers < a.Rated() || a.SleepInterrupted > a.SleepAnswered || a.SleepAnswered > a.Answers:
			add(where, "the counts do not add up")
		}
		k := string(aggKey(a.RotationID, a.Period))
		if periods[k] {
			add(where, "a second aggregate for rotation %s in %s", a.RotationID, a.Period)
		}
		periods[k] = true
	}
	for i, l := range d.Imports {
		if len(l.Fingerprint) != 64 {
			add(fmt.Sprintf("handoffs.surveyImports[%d] fingerprint", i), "must be a SHA-256 in hex")
		}
	}
	if d.Mapping != nil && d.Mapping.Period != PeriodWeek && d.Mapping.Period != PeriodMonth {
		add("handoffs.surveyMapping period", "must be week or month")
	}
}

// Ops are the writes that store validated data.
func (d *Data) Ops() []store.Op {
	ops := Records.PutOps(d.Records)
	for i := range d.Survey {
		a := &d.Survey[i]
		ops = append(ops, func(txn *badger.Txn) error { return store.PutJSON(txn, aggKey(a.RotationID, a.Period), a) })
	}
	for i := range d.Imports {
		l := &d.Imports[i]
		ops = append(ops, func(txn *badger.Txn) error { return store.PutJSON(txn, logKey(l.Fingerprint), l) })
	}
	if d.Mapping != nil {
		ops = append(ops, func(txn *badger.Txn) error { return store.PutJSON(txn, mappingKey, d.Mapping) })
	}
	return ops
}

// PersonRefs takes part in the hard delete of a person: their handoff
// records go with them (a burden rating is about the person; kept without
// them it would name nobody and still be theirs). Survey aggregates name
// no one and stay.
type PersonRefs struct{}

func personRecords(txn *badger.Txn, person id.ID) ([]id.ID, error) {
	var ids []id.ID
	err := store.Keys(txn, store.Prefix(store.IdxHandoffPerson, person), func(k []byte) error {
		ids = append(ids, store.LastID(k))
		return nil
	})
	return ids, err
}

// Describe says how many handoff records are deleted.
func (PersonRefs) Describe(txn *badger.Txn, person id.ID) ([]string, error) {
	ids, err := personRecords(txn, person)
	switch {
	case err != nil || len(ids) == 0:
		return nil, err
	case len(ids) == 1:
		return []string{"1 handoff record (notes and burden rating) is deleted."}, nil
	}
	return []string{fmt.Sprintf("%d handoff records (notes and burden ratings) are deleted.", len(ids))}, nil
}

// Detach deletes the person's handoff records.
func (PersonRefs) Detach(txn *badger.Txn, person id.ID) error {
	ids, err := personRecords(txn, person)
	if err != nil {
		return err
	}
	for _, u := range ids {
		if err := Records.Delete(txn, u); err != nil {
			return err
		}
	}
	return nil
}
