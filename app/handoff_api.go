package app

import (
	"wheelhouse/backend/handoff"
	"wheelhouse/backend/id"
	"wheelhouse/backend/workspace"
)

// HandoffAPI is bound to the frontend: the handoff of each on-call turn
// and the anonymous survey import (backend/handoff, decision 0016).
type HandoffAPI struct{ s *Shell }

// NewHandoffAPI binds to shell s.
func NewHandoffAPI(s *Shell) *HandoffAPI { return &HandoffAPI{s} }

// Recent lists the turns running now and those that ended in the last
// days days (7 when 0), latest first, with their handoff when recorded.
func (a *HandoffAPI) Recent(days int) ([]handoff.Entry, error) {
	return readList(a.s, "handoff.Recent", func(w *workspace.Workspace) ([]handoff.Entry, error) { return w.Handoffs.Recent(days) })
}

// Record stores (or edits) the handoff of a turn.
func (a *HandoffAPI) Record(in handoff.Input) (handoff.Record, error) {
	return write(a.s, "handoff.Record", func(w *workspace.Workspace) (handoff.Record, error) { return w.Handoffs.Record(in) })
}

// Delete removes a handoff record.
func (a *HandoffAPI) Delete(recordID string) error {
	return change(a.s, "handoff.Delete", func(w *workspace.Workspace) error {
		return byID("id", recordID, func(u id.ID) error { return w.Handoffs.Delete(u) })
	})
}

// Health sums up the recorded handoffs of the last days days (90 when 0)
// and the survey aggregates, per rotation.
func (a *HandoffAPI) Health(days int) ([]handoff.RotationHealth, error) {
	return readList(a.s, "handoff.Health", func(w *workspace.Workspace) ([]handoff.RotationHealth, error) {
		return w.Handoffs.Health(days)
	})
}

// PreviewSurvey reads a survey CSV under mapping m (no columns: the
// remembered mapping, else a guess) and says what importing it would add.
func (a *HandoffAPI) PreviewSurvey(content, fileName string, m handoff.Mapping) (handoff.SurveyPreview, error) {
	return read(a.s, "handoff.PreviewSurvey", func(w *workspace.Workspace) (handoff.SurveyPreview, error) {
		return w.Handoffs.PreviewSurvey(fileName, []byte(content), m)
	})
}

// ImportSurvey adds a survey CSV's answers to the anonymous aggregates.
func (a *HandoffAPI) ImportSurvey(content, fileName string, m handoff.Mapping) (handoff.SurveyPreview, error) {
	return write(a.s, "handoff.ImportSurvey", func(w *workspace.Workspace) (handoff.SurveyPreview, error) {
		return w.Handoffs.ImportSurvey(fileName, []byte(content), m)
	})
}

// ChooseSurveyFile asks for a survey export with the native open dialog; ""
// means the user cancelled (WHEELHOUSE_TEST_OPEN_FILE in end-to-end tests,
// see Shell.chooseFile).
func (a *HandoffAPI) ChooseSurveyFile() (string, error) {
	return a.s.chooseFile("handoff.ChooseSurveyFile", "Import survey answers", "Survey answers (*.csv)", "*.csv")
}

// PreviewSurveyFile is PreviewSurvey of the file at path (as chosen).
func (a *HandoffAPI) PreviewSurveyFile(path string, m handoff.Mapping) (handoff.SurveyPreview, error) {
	return read(a.s, "handoff.PreviewSurveyFile", func(w *workspace.Workspace) (handoff.SurveyPreview, error) {
		data, err := handoff.ReadSurveyFile(path)
		if err != nil {
			return handoff.SurveyPreview{}, err
		}
		return w.Handoffs.PreviewSurvey(path, data, m)
	})
}

// ImportSurveyFile is ImportSurvey of the file at path (as chosen).
func (a *HandoffAPI) ImportSurveyFile(path string, m handoff.Mapping) (handoff.SurveyPreview, error) {
	return write(a.s, "handoff.ImportSurveyFile", func(w *workspace.Workspace) (handoff.SurveyPreview, error) {
		data, err := handoff.ReadSurveyFile(path)
		if err != nil {
			return handoff.SurveyPreview{}, err
		}
		return w.Handoffs.ImportSurvey(path, data, m)
	})
}
