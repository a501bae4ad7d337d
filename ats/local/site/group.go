package site

import (
	"cmp"
	"slices"
	"strings"
)

// Department is one department's open jobs, by family.
type Department struct {
	Name     string // "" for jobs without one, listed last as "Other positions"
	ID       string // an HTML id
	Families []Family
}

// Family is one job family's open jobs, ordered by level.
type Family struct {
	Name string
	ID   string
	Jobs []Job
}

// Group sorts the open jobs for the index: departments by name (those
// without one last), families by name within them, and jobs by level: the
// family's grade order (Intermediate, Senior, Principal, …), not the
// alphabet; jobs of one grade by title, then id.
func Group(jobs []Job) []Department {
	var open []Job
	for _, j := range jobs {
		if j.Open {
			open = append(open, j)
		}
	}
	slices.SortStableFunc(open, func(a, b Job) int {
		return cmp.Or(
			compareDept(a.Department, b.Department),
			strings.Compare(strings.ToLower(a.family()), strings.ToLower(b.family())),
			cmp.Compare(a.Grade, b.Grade),
			strings.Compare(strings.ToLower(a.Title), strings.ToLower(b.Title)),
			strings.Compare(a.ID, b.ID),
		)
	})
	var out []Department
	for _, j := range open {
		if len(out) == 0 || out[len(out)-1].Name != j.Department {
			out = append(out, Department{Name: j.Department, ID: "dept-" + htmlID(j.Department, "other")})
		}
		d := &out[len(out)-1]
		if len(d.Families) == 0 || d.Families[len(d.Families)-1].Name != j.family() {
			d.Families = append(d.Families, Family{Name: j.family(), ID: d.ID + "--" + htmlID(j.family(), "family")})
		}
		f := &d.Families[len(d.Families)-1]
		f.Jobs = append(f.Jobs, j)
	}
	return out
}

// compareDept orders department names, the empty one last.
func compareDept(a, b string) int {
	switch {
	case a == b:
		return 0
	case a == "":
		return 1
	case b == "":
		return -1
	}
	return cmp.Or(strings.Compare(strings.ToLower(a), strings.ToLower(b)), strings.Compare(a, b))
}

// htmlID makes an id from a name: lower-case letters and digits, "-"
// between words; def when nothing is left.
func htmlID(s, def string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if 'a' <= r && r <= 'z' || '0' <= r && r <= '9' {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		} else {
			dash = true
		}
	}
	if b.Len() == 0 {
		return def
	}
	return b.String()
}
