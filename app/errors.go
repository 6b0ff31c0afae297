package app

import (
	"encoding/json"
	"log/slog"

	"wheelhouse/backend/errs"
)

// APIError is what a failed call rejects with on the JS side: the Wails bridge
// passes the error's text, so the text is this struct as JSON.
// src/lib/api turns it back into a typed ApiError.
type APIError struct {
	Code    errs.Code         `json:"code"`
	Message string            `json:"message"`
	Field   string            `json:"field,omitempty"`
	Fields  []errs.FieldError `json:"fields,omitempty"`
}

func (e *APIError) Error() string {
	b, _ := json.Marshal(e)
	return string(b)
}

// toAPI maps any error to an APIError; internal errors are logged in full and
// reach the user only as "Internal error".
func toAPI(log *slog.Logger, op string, err error) error {
	if err == nil {
		return nil
	}
	code := errs.CodeOf(err)
	if code == errs.Internal {
		log.Error("internal error", "op", op, "err", err)
	}
	ae := &APIError{Code: code, Message: errs.MessageOf(err), Fields: errs.FieldsOf(err)}
	if len(ae.Fields) > 0 {
		ae.Field = ae.Fields[0].Field
	}
	return ae
}
