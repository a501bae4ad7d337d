package source

import (
	"errors"
	"strconv"
)

// ParseError is a page that cannot be parsed. Line is 1-based and counts from
// the top of the file; 0 when the error concerns the whole page.
type ParseError struct {
	Path string
	Line int
	Err  error
}

// Error reads "path:line: message", without the line when it is 0.
func (e *ParseError) Error() string {
	msg := "<nil>"
	if e.Err != nil {
		msg = e.Err.Error()
	}
	if e.Line > 0 {
		return e.Path + ":" + strconv.Itoa(e.Line) + ": " + msg
	}
	return e.Path + ": " + msg
}

// Unwrap returns the underlying error.
func (e *ParseError) Unwrap() error { return e.Err }

// ErrNoPosting is wrapped by the ParseError of a page that holds no job
// family at all (a README, an index page): a caller reading a folder may
// skip such a page.
var ErrNoPosting = errNoPosting

// ErrEmptyPage is wrapped by the ParseError of an empty page.
var ErrEmptyPage = errEmpty

// Errors a ParseError may wrap.
var (
	errEmpty     = errors.New("page is empty")
	errNoPosting = errors.New("page holds no posting")
	// noPostingWhy is what errNoPosting says when nothing more is known.
	noPostingWhy = "no level, no specialty and no role, responsibilities or requirements"
)
