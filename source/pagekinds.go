package source

import (
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/jobsync/jobsync/posting"
	"github.com/yuin/goldmark/ast"
)

// Pages that are not GitLab-shaped families: a framework held in front
// matter, one level per file, a single-role job ad of prose sections, and
// levels named only in prose.

// skipped is a section left out of the family, with its warning.
type skipped struct {
	s    *section
	warn int // index in p.warnings
}

// skip leaves a section out with a warning, remembering it: a page that
// turns out to be one level or one ad takes it back.
func (p *parser) skip(k *section) {
	p.skipped = append(p.skipped, skipped{s: k, warn: len(p.warnings)})
	p.warn(k.line, "section "+quoteShort(k.title)+" is not part of a posting: it names no role, responsibilities, requirements, level (a job grade, a code such as IC4, a table of levels) or specialty; skipped")
}

// takeBackSkipped returns the markdown of the skipped sections, each under
// its heading, and drops their warnings.
func (p *parser) takeBackSkipped() []string {
	var parts []string
	for _, sk := range p.skipped {
		if md := p.subtreeMarkdown(sk.s, true); md != "" {
			parts = append(parts, md)
		}
		p.warnings[sk.warn].Message = ""
	}
	kept := p.warnings[:0]
	for _, w := range p.warnings {
		if w.Message != "" {
			kept = append(kept, w)
		}
	}
	p.warnings, p.skipped = kept, nil
	return parts
}

// pageLevel makes a page of one level (Hugo pages with a "weight" beside an
// _index.md, read alone) a family of that one level: its title is the
// page's, its sections the level's description.
func (p *parser) pageLevel() {
	if _, ok := p.fam.FrontMatter["weight"]; !ok || len(p.fam.Levels) > 0 || len(p.fam.Specialties) > 0 {
		return
	}
	desc := append(p.role, p.takeBackSkipped()...)
	if len(desc) == 0 && len(p.fam.BaseRequirements) == 0 && len(p.fam.Responsibilities) == 0 {
		return
	}
	p.role = nil
	lv := posting.Level{
		Heading:          p.fam.Title,
		Title:            p.fam.Title,
		Description:      strings.Join(desc, "\n\n"),
		Requirements:     p.fam.BaseRequirements,
		Responsibilities: p.fam.Responsibilities,
		Line:             1,
	}
	p.fam.BaseRequirements, p.fam.Responsibilities = nil, nil
	p.addLevelValue(lv, 1)
}

// proseAd makes a page of prose sections and nothing else (a job ad without
// Requirements or Responsibilities headings) one posting: its sections join
// the role under their headings.
func (p *parser) proseAd() {
	f := &p.fam
	if len(f.Levels) > 0 || len(f.Specialties) > 0 || len(f.Responsibilities) > 0 || len(f.BaseRequirements) > 0 || len(p.skipped) == 0 {
		return
	}
	words := 0
	for _, sk := range p.skipped {
		words += len(strings.Fields(p.subtreeMarkdown(sk.s, false)))
	}
	if words < 50 {
		return // a stub ("See [the other page](…)"), not an ad
	}
	p.role = append(p.role, p.takeBackSkipped()...)
}

// proseLevel is a list item naming a level in prose: "Junior (L1)".
var proseLevel = regexp.MustCompile(`^[^\n]{1,60}?\(\s*(?:(?:IC|L|P|M|E|T|S)\d{1,2}|[Ll]evel\s*\d{1,2})\s*\)[.:]?$`)

// levelsInProse finds a list that names levels without describing them
// ("* Junior (L1)", "* Mid-level (L2)", …): where, and the names.
func (p *parser) levelsInProse(root *section) (int, []string) {
	var found []string
	line := 0
	var walk func(s *section) bool
	walk = func(s *section) bool {
		for _, b := range s.blocks {
			l, ok := b.(*ast.List)
			if !ok || l.ChildCount() < 3 {
				continue
			}
			var names []string
			for li := l.FirstChild(); li != nil; li = li.NextSibling() {
				t := ""
				if c := li.FirstChild(); c != nil && c.Type() == ast.TypeBlock {
					t = strings.TrimSpace(p.plainText(c))
				}
				if !proseLevel.MatchString(t) {
					names = nil
					break
				}
				names = append(names, t)
			}
			if names != nil {
				line, found = p.lineOfNode(l), names
				return true
			}
		}
		for _, k := range s.kids {
			if walk(k) {
				return true
			}
		}
		return false
	}
	walk(root)
	return line, found
}

// proseLevelsError is the error for a page whose levels are only named.
func proseLevelsError(path string, line int, names []string) error {
	shown := names
	if len(shown) > 3 {
		shown = append(shown[:3:3], "…")
	}
	return &ParseError{Path: path, Line: line, Err: fmt.Errorf("%w: levels are named only in prose (%s) and described nowhere; "+
		"expected each level as a heading, a table column or row, or a framework entry", errNoPosting, strings.Join(shown, ", "))}
}

// frameworkLevels reads a progression framework held in front matter
// (Monzo's format: topics, each with content entries per level holding
// criteria lists): one level per level number, one expectation per topic.
func (p *parser) frameworkLevels(line int) bool {
	topics, ok := p.fam.FrontMatter["topics"].([]any)
	if !ok || len(p.fam.Levels) > 0 {
		return false
	}
	byLevel := map[int][]string{}
	maxLevel := 0
	for _, t := range topics {
		tm, ok := t.(map[string]any)
		if !ok {
			continue
		}
		title := strings.TrimSpace(scalar(tm["title"]))
		if title == "" {
			title = scalar(tm["name"])
			if title != "" {
				title = strings.ToUpper(title[:1]) + title[1:]
			}
		}
		content, _ := tm["content"].([]any)
		for _, c := range content {
			cm, ok := c.(map[string]any)
			if !ok {
				continue
			}
			n, ok := cm["level"].(int)
			if !ok || n < 1 || n > 99 {
				continue
			}
			var crit []string
			for _, x := range asList(cm["criteria"]) {
				if s := strings.TrimSpace(scalar(x)); s != "" {
					crit = append(crit, "- "+s)
				}
			}
			for _, x := range asList(cm["exampleCriteria"]) {
				if xm, ok := x.(map[string]any); ok {
					if s := strings.TrimSpace(scalar(xm["criteria"])); s != "" {
						crit = append(crit, "- "+s)
					}
				}
			}
			if len(crit) > 0 {
				byLevel[n] = append(byLevel[n], expectation(title, strings.Join(crit, "\n")))
				maxLevel = max(maxLevel, n)
			}
		}
	}
	if n, ok := p.fam.FrontMatter["levels"].(int); ok && n > maxLevel && n < 100 {
		maxLevel = n
	}
	if maxLevel == 0 {
		return false
	}
	nums := make([]int, 0, maxLevel)
	for n := 1; n <= maxLevel; n++ {
		nums = append(nums, n)
	}
	sort.Ints(nums)
	for _, n := range nums {
		code := fmt.Sprintf("Level %d", n)
		if len(byLevel[n]) == 0 {
			p.warn(line, code+" of the framework lists no criteria")
		}
		p.addLevelValue(posting.Level{Heading: code, Title: code, Code: code, Expectations: byLevel[n], Line: line}, line)
	}
	delete(p.fam.FrontMatter, "topics") // read into the levels
	return true
}

func asList(v any) []any {
	l, _ := v.([]any)
	return l
}
