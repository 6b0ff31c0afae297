package app

import (
	"wheelhouse/backend/action"
	"wheelhouse/backend/errs"
)

// ActionAPI is bound to the frontend: follow-ups from every source.
type ActionAPI struct{ s *Shell }

// NewActionAPI binds to shell s.
func NewActionAPI(s *Shell) *ActionAPI { return &ActionAPI{s} }

func (a *ActionAPI) book(op string) (*action.Book, error) {
	w, err := a.s.workspace()
	if err != nil {
		return nil, toAPI(a.s.log, op, err)
	}
	return w.Actions, nil
}

// FollowUps is the follow-ups view: overdue first, then due soon, with
// completion stats per owner and team. "Today" is the manager's date.
func (a *ActionAPI) FollowUps(opt action.ViewOptions) (action.View, error) {
	b, err := a.book("followups.View")
	if err != nil {
		return action.View{}, err
	}
	today := a.s.today()
	if opt.Filter.OverdueOnly && opt.Filter.Today == "" {
		opt.Filter.Today = today
	}
	v, err := b.FollowUps(today, opt)
	return v, toAPI(a.s.log, "followups.View", err)
}

// Get returns one follow-up with its notes.
func (a *ActionAPI) Get(actionID string) (action.Item, error) {
	b, err := a.book("followups.Get")
	if err != nil {
		return action.Item{}, err
	}
	u, err := parseID("id", actionID)
	var it action.Item
	if err == nil {
		it, err = b.Get(u)
	}
	return it, toAPI(a.s.log, "followups.Get", err)
}

// Create adds a follow-up (without a source: a standalone one).
func (a *ActionAPI) Create(it action.Item) (action.Item, error) {
	b, err := a.book("followups.Create")
	if err != nil {
		return it, err
	}
	out, err := b.Create(it)
	if err == nil {
		a.s.afterChange()
	}
	return out, toAPI(a.s.log, "followups.Create", err)
}

// Update saves a follow-up's fields.
func (a *ActionAPI) Update(it action.Item) (action.Item, error) {
	b, err := a.book("followups.Update")
	if err != nil {
		return it, err
	}
	out, err := b.Update(it)
	if err == nil {
		a.s.afterChange()
	}
	return out, toAPI(a.s.log, "followups.Update", err)
}

// SetStatus moves a follow-up to open, in_progress, done or wont_do (with a reason).
func (a *ActionAPI) SetStatus(actionID, status, reason string) (action.Item, error) {
	b, err := a.book("followups.SetStatus")
	if err != nil {
		return action.Item{}, err
	}
	u, err := parseID("id", actionID)
	var it action.Item
	if err == nil {
		it, err = b.SetStatus(u, action.Status(status), reason)
	}
	if err == nil {
		a.s.afterChange()
	}
	return it, toAPI(a.s.log, "followups.SetStatus", err)
}

// Delete removes a follow-up.
func (a *ActionAPI) Delete(actionID string) error {
	b, err := a.book("followups.Delete")
	if err != nil {
		return err
	}
	u, err := parseID("id", actionID)
	if err == nil {
		err = b.Delete(u)
	}
	if err == nil {
		a.s.afterChange()
	}
	return toAPI(a.s.log, "followups.Delete", err)
}

// BulkProblem says why one record of a bulk change was left as it was.
type BulkProblem struct {
	ID      string `json:"id"` // the follow-up's id or the reminder's key
	Code    string `json:"code"`
	Message string `json:"message"`
	Field   string `json:"field,omitempty"`
}

func bulkProblem(s *Shell, op, key string, err error) BulkProblem {
	p := BulkProblem{ID: key, Code: string(errs.Internal), Message: "Internal error"}
	if ae, ok := toAPI(s.log, op, err).(*APIError); ok {
		p.Code, p.Message, p.Field = string(ae.Code), ae.Message, ae.Field
	}
	return p
}

// FollowUpChange is one follow-up's part of a bulk change. Empty fields keep
// their value; clearDue removes the due date; status follows SetStatus.
type FollowUpChange struct {
	ID       string `json:"id"`
	OwnerID  string `json:"ownerId,omitempty"`
	DueDate  string `json:"dueDate,omitempty"`
	ClearDue bool   `json:"clearDue,omitempty"`
	Status   string `json:"status,omitempty"`
	Reason   string `json:"reason,omitempty"`
}

// BulkResult is what a bulk change did: the follow-ups as saved, and why
// the others were not changed.
type BulkResult struct {
	Items    []action.Item `json:"items"`
	Problems []BulkProblem `json:"problems"`
}

// ChangeMany applies each change on its own (complete, postpone, reassign
// many rows at once, or undo that): one that fails leaves the others
// applied and is reported with its id.
func (a *ActionAPI) ChangeMany(changes []FollowUpChange) (BulkResult, error) {
	const op = "followups.ChangeMany"
	res := BulkResult{Items: []action.Item{}, Problems: []BulkProblem{}}
	b, err := a.book(op)
	if err != nil {
		return res, err
	}
	for _, ch := range changes {
		it, err := a.change(b, ch)
		if err != nil {
			res.Problems = append(res.Problems, bulkProblem(a.s, op, ch.ID, err))
			continue
		}
		res.Items = append(res.Items, it)
	}
	if len(res.Items) > 0 {
		a.s.afterChange()
	}
	return res, nil
}

func (a *ActionAPI) change(b *action.Book, ch FollowUpChange) (action.Item, error) {
	u, err := parseID("id", ch.ID)
	if err != nil {
		return action.Item{}, err
	}
	c := action.Change{Status: action.Status(ch.Status), Reason: ch.Reason}
	if ch.OwnerID != "" {
		o, err := parseID("ownerId", ch.OwnerID)
		if err != nil {
			return action.Item{}, err
		}
		c.OwnerID = &o
	}
	if ch.ClearDue {
		c.DueDate = new(string)
	} else if ch.DueDate != "" {
		c.DueDate = &ch.DueDate
	}
	return b.Change(u, c)
}
