package app

import (
	"wheelhouse/backend/action"
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
