package source

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/jobsync/jobsync/posting"
	"github.com/yuin/goldmark/ast"
)

// Grades stated away from their levels: one sentence for the whole page
// ("The roles described below are grades: 6, 7, 8"), and one Job Grade
// section naming several titles ("The Senior X is a grade 8").

// pageGradeList reads a page-wide grade list from a paragraph; ok is false
// when it holds none.
func pageGradeList(text string) ([]posting.Grade, bool) {
	m := gradeList.FindStringSubmatch(strings.ReplaceAll(text, "\u00a0", " "))
	if m == nil {
		return nil, false
	}
	var out []posting.Grade
	for _, n := range gradeNumber.FindAllString(m[1], -1) {
		g, err := strconv.ParseFloat(n, 64)
		if err != nil || g <= 0 || g >= 100 {
			return nil, false
		}
		out = append(out, posting.Grade(g))
	}
	return out, len(out) > 1
}

// givePageGrades hands the page's grade list to the levels that state no
// grade of their own, in order, when the counts match; otherwise it says
// which levels are left without one.
func (p *parser) givePageGrades() {
	if p.pageGrades == nil || len(p.ungraded) == 0 {
		return
	}
	if len(p.ungraded) == len(p.pageGrades) {
		for i, li := range p.ungraded {
			p.fam.Levels[li].Grade = p.pageGrades[i]
		}
		return
	}
	grades := make([]string, len(p.pageGrades))
	for i, g := range p.pageGrades {
		grades[i] = g.String()
	}
	titles := make([]string, len(p.ungraded))
	for i, li := range p.ungraded {
		titles[i] = strconv.Quote(p.fam.Levels[li].Title)
	}
	p.warn(p.pageGradesLine, fmt.Sprintf("the page states %d grades (%s) for %d levels (%s): no level is given one",
		len(grades), strings.Join(grades, ", "), len(titles), strings.Join(titles, ", ")))
}

// findGrades returns every grade sentence of a text, in order.
func findGrades(text string) []gradeMatch {
	if !mayHoldGrade(text) {
		return nil
	}
	text = strings.ReplaceAll(text, "\u00a0", " ")
	var out []gradeMatch
	prev := 0
	for _, m := range gradeStrict.FindAllStringSubmatchIndex(text, -1) {
		if g, ok := findGrade(text[prev:m[1]], false); ok {
			out = append(out, g)
		}
		prev = m[1]
	}
	return out
}

// sectionGradeList returns the grade sentences of a Job Grade section when
// it names more than one job; nil otherwise.
func (p *parser) sectionGradeList(s *section) []gradeMatch {
	var out []gradeMatch
	subjects := map[string]bool{}
	for _, b := range s.blocks {
		var texts []ast.Node
		switch b := b.(type) {
		case *ast.Paragraph:
			texts = append(texts, b)
		case *ast.List:
			for li := b.FirstChild(); li != nil; li = li.NextSibling() {
				if c := li.FirstChild(); c != nil && c.Type() == ast.TypeBlock {
					texts = append(texts, c)
				}
			}
		}
		for _, n := range texts {
			for _, g := range findGrades(p.rawText(n)) {
				if g.subject == "" {
					return nil
				}
				g.line = p.lineOfNode(n)
				subjects[normTitle(g.subject)] = true
				out = append(out, g)
			}
		}
	}
	if len(subjects) < 2 {
		return nil
	}
	return out
}

// gradedTitle is one job a multi-title Job Grade section grades, with the
// "<Prefix> Requirements" sections found for it elsewhere on the page.
type gradedTitle struct {
	g        gradeMatch
	attached []*section
}

// planGradeLists finds, before the page is walked, the Job Grade sections
// that name several jobs. A job whose heading is on the page gets the
// grade on that section; the others become levels where the Job Grade
// section stands, with the "<Prefix> Requirements" sections that name them.
func (p *parser) planGradeLists(root *section) {
	var all []*section
	var walk func(s *section)
	walk = func(s *section) {
		for _, k := range s.kids {
			all = append(all, k)
			walk(k)
		}
	}
	walk(root)
	for _, k := range all {
		if k.kind != kGrade {
			continue
		}
		list := p.sectionGradeList(k)
		if list == nil {
			continue
		}
		if p.gradeTitles == nil {
			p.gradeTitles = map[*section][]gradedTitle{}
			p.taken = map[*section]bool{}
		}
		titles := []gradedTitle{}
		for _, g := range list {
			if t := sectionTitled(all, g.subject, k); t != nil && !t.gradeDone {
				c := g
				t.grade, t.gradeDone = &c, true
				continue
			}
			titles = append(titles, gradedTitle{g: g})
		}
		for _, s := range all {
			if s.prefix == "" || s.kind != kReq && s.kind != kResp || p.taken[s] {
				continue
			}
			if i := titleForPrefix(titles, s.prefix); i >= 0 {
				titles[i].attached = append(titles[i].attached, s)
				p.taken[s] = true
			}
		}
		p.gradeTitles[k] = titles
	}
}

// sectionTitled finds the section headed title, other than the grade
// section itself and its parents.
func sectionTitled(all []*section, title string, grade *section) *section {
	n := normTitle(title)
	for _, s := range all {
		if s.kind != kOther || s.norm != n {
			continue
		}
		parent := false
		for a := grade.parent; a != nil; a = a.parent {
			parent = parent || a == s
		}
		if !parent {
			return s
		}
	}
	return nil
}

// titleForPrefix returns the index of the one title a "<Prefix>
// Requirements" heading names: the title itself, or the one title that
// starts with the prefix ("Senior" for "Senior X"); -1 when none or several.
func titleForPrefix(titles []gradedTitle, prefix string) int {
	n := normTitle(prefix)
	found := -1
	for i, t := range titles {
		st := normTitle(t.g.subject)
		switch {
		case st == n:
			return i
		case strings.HasPrefix(st, n+" "):
			if found >= 0 {
				return -1
			}
			found = i
		}
	}
	return found
}

// addGradeTitles makes the levels of a multi-title Job Grade section.
func (p *parser) addGradeTitles(titles []gradedTitle) {
	for _, t := range titles {
		g := t.g
		st := &levelState{
			lv:    posting.Level{Heading: g.subject, Title: g.subject, Grade: g.grade, Line: g.line},
			grade: &g,
		}
		p.levelKids(st, t.attached)
		p.commitLevel(st)
	}
}
