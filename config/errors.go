package config

import (
	"fmt"
	"strings"
)

// Problem is one thing wrong in a config file, at a line (1-based; 0 when
// the problem belongs to the file as a whole).
type Problem struct {
	Line    int
	Message string
}

// Error is every problem found in one config file. Its message holds one
// "file:line: message" line per problem, in line order.
type Error struct {
	Path     string
	Problems []Problem
}

// Error lists the problems, one per line.
func (e *Error) Error() string {
	var b strings.Builder
	for i, p := range e.Problems {
		if i > 0 {
			b.WriteByte('\n')
		}
		if p.Line > 0 {
			fmt.Fprintf(&b, "%s:%d: %s", e.Path, p.Line, p.Message)
		} else {
			fmt.Fprintf(&b, "%s: %s", e.Path, p.Message)
		}
	}
	return b.String()
}

// problems collects the problems of one file as they are found.
type problems struct {
	list []Problem
}

func (p *problems) add(line int, format string, args ...any) {
	p.list = append(p.list, Problem{Line: line, Message: fmt.Sprintf(format, args...)})
}

// err returns the collected problems as an *Error sorted by line (stable, so
// problems on one line keep the order they were found in), or nil. The
// problems of the whole file (line 0, such as "no sources") come last: they
// are often caused by one on a line ("unknown key \"source\"").
func (p *problems) err(path string) error {
	if len(p.list) == 0 {
		return nil
	}
	list := append([]Problem(nil), p.list...)
	// Insertion sort: the lists are short and mostly in order already.
	for i := 1; i < len(list); i++ {
		for j := i; j > 0 && before(list[j], list[j-1]); j-- {
			list[j], list[j-1] = list[j-1], list[j]
		}
	}
	return &Error{Path: path, Problems: list}
}

// before orders problems by line, those of the whole file last.
func before(a, b Problem) bool {
	if (a.Line == 0) != (b.Line == 0) {
		return b.Line == 0
	}
	return a.Line < b.Line
}
