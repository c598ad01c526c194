package chronicle

import (
	"errors"
	"fmt"
)

// Error codes. The set is append-only; the HTTP layer maps them to statuses.
const (
	EINVALID     = "invalid"     // bad input: binary data, malformed file, bad flag value
	ENOTFOUND    = "not_found"   // no such record or file
	ECONFLICT    = "conflict"    // the record already exists in another form
	ETOOLARGE    = "too_large"   // input above a configured limit
	EUNSUPPORTED = "unsupported" // a format or operation Chronicle does not handle
	EUNAVAILABLE = "unavailable" // a model or service could not be loaded or reached
	EINTERNAL    = "internal"    // a bug or an unexpected failure
)

// Error is Chronicle's error: a code for programs, a message for people, the
// operation that failed and the error underneath.
type Error struct {
	Code    string
	Op      string // e.g. "tokenize", "sqlite.Open"
	Message string
	Err     error
}

// Errorf returns an *Error with a formatted message.
func Errorf(code, op, format string, args ...any) *Error {
	return &Error{Code: code, Op: op, Message: fmt.Sprintf(format, args...)}
}

// Wrap returns an *Error around err; it returns nil when err is nil.
func Wrap(code, op string, err error) error {
	if err == nil {
		return nil
	}
	return &Error{Code: code, Op: op, Err: err}
}

func (e *Error) Error() string {
	msg := e.Message
	if e.Err != nil {
		if msg != "" {
			msg += ": "
		}
		msg += e.Err.Error()
	}
	if e.Op != "" {
		return e.Op + ": " + msg
	}
	return msg
}

func (e *Error) Unwrap() error { return e.Err }

// ErrorCode returns the code of the first *Error in err's chain, EINTERNAL
// for any other non-nil error, and "" for nil.
func ErrorCode(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) && e.Code != "" {
		return e.Code
	}
	return EINTERNAL
}
