package app

import (
	"wheelhouse/backend/errs"
	"wheelhouse/backend/followup"
	"wheelhouse/backend/id"
	"wheelhouse/backend/workspace"
)

// FollowUpAPI is bound to the frontend: follow-ups from every source.
type FollowUpAPI struct{ s *Shell }

// NewFollowUpAPI binds to shell s.
func NewFollowUpAPI(s *Shell) *FollowUpAPI { return &FollowUpAPI{s} }

// FollowUps is the follow-ups view: overdue first, then due soon, with
// completion stats per owner and team. "Today" is the manager's date.
func (a *FollowUpAPI) FollowUps(opt followup.ViewOptions) (followup.View, error) {
	return read(a.s, "followup.FollowUps", func(w *workspace.Workspace) (followup.View, error) {
		today := a.s.today(w)
		if opt.Filter.OverdueOnly && opt.Filter.Today == "" {
			opt.Filter.Today = today
		}
		return w.FollowUps.View(today, opt)
	})
}

// Get returns one follow-up with its notes.
func (a *FollowUpAPI) Get(actionID string) (followup.Item, error) {
	return read(a.s, "followup.Get", func(w *workspace.Workspace) (followup.Item, error) {
		return withID("id", actionID, w.FollowUps.Get)
	})
}

// Create adds a follow-up (without a source: a standalone one).
func (a *FollowUpAPI) Create(it followup.Item) (followup.Item, error) {
	return write(a.s, "followup.Create", func(w *workspace.Workspace) (followup.Item, error) { return w.FollowUps.Create(it) })
}

// Update saves a follow-up's fields.
func (a *FollowUpAPI) Update(it followup.Item) (followup.Item, error) {
	return write(a.s, "followup.Update", func(w *workspace.Workspace) (followup.Item, error) { return w.FollowUps.Update(it) })
}

// SetStatus moves a follow-up to open, in_progress, done or wont_do (with a reason).
func (a *FollowUpAPI) SetStatus(actionID, status, reason string) (followup.Item, error) {
	return write(a.s, "followup.SetStatus", func(w *workspace.Workspace) (followup.Item, error) {
		return withID("id", actionID, func(u id.ID) (followup.Item, error) {
			return w.FollowUps.SetStatus(u, followup.Status(status), reason)
		})
	})
}

// Delete removes a follow-up.
func (a *FollowUpAPI) Delete(actionID string) error {
	return change(a.s, "followup.Delete", func(w *workspace.Workspace) error { return byID("id", actionID, w.FollowUps.Delete) })
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
	Items    []followup.Item `json:"items"`
	Problems []BulkProblem   `json:"problems"`
}

// ChangeMany applies each change on its own (complete, postpone, reassign
// many rows at once, or undo that): one that fails leaves the others
// applied and is reported with its id.
func (a *FollowUpAPI) ChangeMany(changes []FollowUpChange) (BulkResult, error) {
	const op = "followup.ChangeMany"
	return read(a.s, op, func(w *workspace.Workspace) (BulkResult, error) {
		res := BulkResult{Items: []followup.Item{}, Problems: []BulkProblem{}}
		for _, ch := range changes {
			it, err := changeOne(w.FollowUps, ch)
			if err != nil {
				res.Problems = append(res.Problems, bulkProblem(a.s, op, ch.ID, err))
				continue
			}
			res.Items = append(res.Items, it)
		}
		if len(res.Items) > 0 {
			a.s.afterChange() // a write when something changed
		}
		return res, nil
	})
}

func changeOne(b *followup.Book, ch FollowUpChange) (followup.Item, error) {
	u, err := parseID("id", ch.ID)
	if err != nil {
		return followup.Item{}, err
	}
	c := followup.Change{Status: followup.Status(ch.Status), Reason: ch.Reason}
	if ch.OwnerID != "" {
		o, err := parseID("ownerId", ch.OwnerID)
		if err != nil {
			return followup.Item{}, err
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
