// Package errs is the one error type of Wheelhouse. Every error that can reach a
// user carries a Code (what kind of failure), an optional Field (which input is
// wrong, so the UI can put the message next to it) and a Message written for a
// person. Anything else is "internal": the user sees a generic message and the
// log keeps the detail.
package errs

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"
)

// Code is the kind of failure. Codes are append-only: the frontend and the
// JSON workspace format rely on their spelling.
type Code string

const (
	Invalid     Code = "invalid"     // the input is wrong; Field says where
	NotFound    Code = "not_found"   // the thing asked for does not exist
	Conflict    Code = "conflict"    // the input clashes with stored data (duplicate, in use, cycle)
	Unavailable Code = "unavailable" // a resource is busy or missing (data dir locked, no D-Bus)
	Internal    Code = "internal"    // a bug or an unexpected failure; detail goes to the log
	Locked      Code = "locked"      // the app is locked: nothing is read or written until it is unlocked
)

// FieldError is one problem with one input field.
type FieldError struct {
	Field   string `json:"field"`
	Message string `json:"message"`
}

// Error is the application error.
type Error struct {
	Code    Code
	Op      string       // the operation, e.g. "people.Create"; for logs
	Field   string       // the first offending field, if any
	Message string       // for a person
	Fields  []FieldError // every offending field, for forms
	Err     error        // the cause, for logs
}

func (e *Error) Error() string {
	var b strings.Builder
	if e.Op != "" {
		b.WriteString(e.Op)
		b.WriteString(": ")
	}
	if e.Message != "" {
		b.WriteString(e.Message)
	} else {
		b.WriteString(string(e.Code))
	}
	if e.Err != nil {
		b.WriteString(": ")
		b.WriteString(e.Err.Error())
	}
	return b.String()
}

func (e *Error) Unwrap() error { return e.Err }

// E builds an Error with a formatted message.
func E(code Code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// Field builds an Invalid error for one field.
func FieldErr(field, format string, args ...any) *Error {
	msg := fmt.Sprintf(format, args...)
	return &Error{Code: Invalid, Field: field, Message: msg, Fields: []FieldError{{field, msg}}}
}

// Wrap attaches an operation name to err, keeping its code. A nil err stays nil.
func Wrap(op string, err error) error {
	if err == nil {
		return nil
	}
	var e *Error
	if errors.As(err, &e) {
		c := *e
		if c.Op == "" {
			c.Op = op
		}
		return &c
	}
	return &Error{Code: Internal, Op: op, Err: err}
}

// CodeOf returns the code of err; unknown errors are Internal.
func CodeOf(err error) Code {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return Internal
}

// Is reports whether err carries code.
func Is(err error, code Code) bool { return err != nil && CodeOf(err) == code }

// MessageOf returns the text to show a person. Internal errors never leak detail.
func MessageOf(err error) string {
	var e *Error
	if errors.As(err, &e) && e.Code != Internal && e.Message != "" {
		return e.Message
	}
	return "Internal error: something went wrong. The log has the details."
}

// FieldsOf returns the field errors of err, if any.
func FieldsOf(err error) []FieldError {
	var e *Error
	if errors.As(err, &e) {
		if len(e.Fields) > 0 {
			return e.Fields
		}
		if e.Field != "" {
			return []FieldError{{e.Field, e.Message}}
		}
	}
	return nil
}

// Collector gathers field errors during validation.
type Collector struct{ fields []FieldError }

// MaxLen adds a problem when v has more than max characters (runes), or
// holds a NUL byte: every text field is checked by it, so no text with a
// NUL is stored (it would cut the text short in C libraries, notifications
// and calendar clients, and it is never typed on purpose).
func (c *Collector) MaxLen(field, label, v string, max int) {
	if n := utf8.RuneCountInString(v); n > max {
		c.Add(field, "%s is too long (%d characters; at most %d).", label, n, max)
	}
	if i := strings.IndexByte(v, 0); i >= 0 {
		c.Add(field, "%s contains a NUL character (after %q); remove it.", label, clipBefore(v, i, 20))
	}
}

// clipBefore is up to n runes of v before byte i (where a problem is).
func clipBefore(v string, i, n int) string {
	r := []rune(v[:i])
	if len(r) > n {
		r = r[len(r)-n:]
	}
	return string(r)
}

// Add records a problem with a field.
func (c *Collector) Add(field, format string, args ...any) {
	c.fields = append(c.fields, FieldError{Field: field, Message: fmt.Sprintf(format, args...)})
}

// Has reports whether field already has a problem.
func (c *Collector) Has(field string) bool {
	for _, f := range c.fields {
		if f.Field == field {
			return true
		}
	}
	return false
}

// Merge adds the field errors of err (prefixing field names), or returns err
// unchanged when it is not a validation error.
func (c *Collector) Merge(prefix string, err error) error {
	if err == nil {
		return nil
	}
	fs := FieldsOf(err)
	if CodeOf(err) != Invalid || len(fs) == 0 {
		return err
	}
	for _, f := range fs {
		name := f.Field
		if prefix != "" {
			name = prefix + "." + f.Field
		}
		c.fields = append(c.fields, FieldError{name, f.Message})
	}
	return nil
}

// Err returns nil when nothing was collected, or an Invalid Error whose
// message is the first problem.
func (c *Collector) Err() error {
	if len(c.fields) == 0 {
		return nil
	}
	msg := c.fields[0].Message
	if len(c.fields) > 1 {
		msg = fmt.Sprintf("%s (and %d more problem%s)", msg, len(c.fields)-1, plural(len(c.fields)-1))
	}
	return &Error{Code: Invalid, Field: c.fields[0].Field, Message: msg, Fields: append([]FieldError(nil), c.fields...)}
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}
