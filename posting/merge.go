package posting

import (
	"fmt"
	"slices"
	"strings"
)

// mergeInto settles a posting p whose key the postings at indexes same
// already have: an error if one of them differs from p on a board both go
// to; otherwise merged (true) into the one it equals, if any.
func mergeInto(out []Posting, from []target, same []int, p *Posting, t target) (bool, error) {
	for _, i := range same {
		q := &out[i]
		if q.Hash != p.Hash && boardsOverlap(q.Boards, p.Boards) {
			prev := from[i]
			err := fmt.Errorf("%w: posting %s differs from the one from %s (%s) on %s",
				ErrConflict, p.Key, openingName(prev), strings.Join(differences(q, p), ", "),
				describeBoards(sharedBoards(q.Boards, p.Boards)))
			o := Opening{}
			if t.opening != nil {
				o = *t.opening
			} else {
				o.Family = t.family.key
			}
			return false, &OpeningError{Index: t.index, Opening: o, Err: err}
		}
	}
	for _, i := range same {
		q := &out[i]
		if q.Hash == p.Hash {
			q.Boards = unionBoards(q.Boards, p.Boards)
			return true, nil
		}
	}
	return false, nil
}

func openingName(t target) string {
	if t.index < 0 {
		return "the preview"
	}
	return fmt.Sprintf("openings[%d] (%s)", t.index, describeOpening(t.opening))
}

// differences names the published fields in which a and b differ.
func differences(a, b *Posting) []string {
	var d []string
	check := func(name string, differ bool) {
		if differ {
			d = append(d, name)
		}
	}
	check("title", a.Title != b.Title)
	check("grade", a.Grade != b.Grade)
	check("locations", !slices.Equal(a.Locations, b.Locations))
	check("department", a.Department != b.Department)
	check("employment type", a.EmploymentType != b.EmploymentType)
	check("workplace", a.Workplace != b.Workplace)
	check("pay", (a.Pay == nil) != (b.Pay == nil) || a.Pay != nil && *a.Pay != *b.Pay)
	check("source URL", a.SourceURL != b.SourceURL)
	if len(d) == 0 {
		d = append(d, "body")
	}
	return d
}

// boardsOverlap reports whether two board lists share a board; an empty list
// means every board.
func boardsOverlap(a, b []string) bool {
	if len(a) == 0 || len(b) == 0 {
		return true
	}
	for _, x := range a {
		if slices.Contains(b, x) {
			return true
		}
	}
	return false
}

func sharedBoards(a, b []string) []string {
	switch {
	case len(a) == 0:
		return b
	case len(b) == 0:
		return a
	}
	var s []string
	for _, x := range a {
		if slices.Contains(b, x) {
			s = append(s, x)
		}
	}
	return s
}

func describeBoards(boards []string) string {
	if len(boards) == 0 {
		return "every board"
	}
	return "board " + strings.Join(boards, ", ")
}

// unionBoards merges two board lists; an empty list means every board, and
// so does the union with one.
func unionBoards(a, b []string) []string {
	if len(a) == 0 || len(b) == 0 {
		return nil
	}
	out := a
	for _, x := range b {
		if !slices.Contains(out, x) {
			out = append(out, x)
		}
	}
	return out
}

// dedupeBoards copies a board list without repeats.
func dedupeBoards(boards []string) []string {
	var out []string
	for _, b := range boards {
		if !slices.Contains(out, b) {
			out = append(out, b)
		}
	}
	return out
}
