package source

import (
	"strconv"
	"strings"

	"github.com/jobsync/jobsync/posting"
	"github.com/yuin/goldmark/ast"
)

// levelKindOK says whether a section of this kind may be a level: a heading
// that names none of the parts of a page (a job title, as a rule).
func levelKindOK(k kind) bool {
	return k == kOther
}

// levelGrade returns the grade a section states, or nil: a grade sentence in
// a "Job Grade" sub-section, else one in its own prose.
func (p *parser) levelGrade(s *section) *gradeMatch {
	if !levelKindOK(s.kind) {
		return nil
	}
	if s.gradeDone {
		return s.grade
	}
	s.gradeDone = true
	for _, k := range s.kids {
		if k.kind == kOther && looksLikeLevel(k.title) {
			break // a Job Grade after a level heading grades that level
		}
		if k.kind == kGrade && gradesOwner(k.prefix, s.title) {
			if g := p.sectionGrade(k); g != nil {
				s.grade = g
				return g
			}
		}
	}
	s.grade = p.blocksGrade(s.blocks, false)
	if s.grade == nil {
		if g, rest, ok := headingGrade(s.title); ok {
			s.grade = &gradeMatch{grade: g, subject: rest, line: s.line}
		}
	}
	if s.grade == nil {
		if t, code, ok := levelLabel(s.title); ok {
			s.grade = &gradeMatch{subject: t, code: code, line: s.line}
		}
	}
	if s.grade == nil && looksLikeLevel(s.title) {
		for _, b := range s.blocks {
			if _, ok := b.(*ast.Paragraph); ok && gradeNone.MatchString(p.rawText(b)) {
				s.grade = &gradeMatch{line: p.lineOfNode(b), para: b, only: true, none: true}
				break
			}
		}
	}
	return s.grade
}

// gradesOwner says whether a "<prefix> Job Grade" sub-section grades the
// section titled title rather than naming another job.
func gradesOwner(prefix, title string) bool {
	if prefix == "" || sameTitle(prefix, title) {
		return true
	}
	lp, lt := strings.ToLower(prefix), strings.ToLower(title)
	return strings.Contains(lt, lp) || strings.Contains(lp, lt)
}

// sectionGrade is the grade stated in a Job Grade section.
func (p *parser) sectionGrade(s *section) *gradeMatch {
	if s.kind != kGrade {
		return nil
	}
	if !s.gradeDone {
		s.gradeDone = true
		s.grade = p.blocksGrade(s.blocks, true)
	}
	return s.grade
}

// blocksGrade finds the first grade sentence in paragraphs, or, in a Job
// Grade section, in the items of a list ("- The Senior Engineer is a grade 7").
func (p *parser) blocksGrade(blocks []ast.Node, loose bool) *gradeMatch {
	for _, b := range blocks {
		switch b.(type) {
		case *ast.Paragraph:
			if g, ok := findGrade(p.rawText(b), loose); ok {
				g.line = p.lineOfNode(b)
				g.para = b
				return &g
			}
		case *ast.List:
			if !loose {
				continue // only a Job Grade section's lists: elsewhere a list item is content
			}
			for li := b.FirstChild(); li != nil; li = li.NextSibling() {
				if c := li.FirstChild(); c != nil && c.Type() == ast.TypeBlock {
					if g, ok := findGrade(p.rawText(c), loose); ok {
						g.line = p.lineOfNode(c)
						return &g
					}
				}
			}
		}
	}
	return nil
}

// levelState tracks what a level has collected.
type levelState struct {
	lv     posting.Level
	desc   []string
	reqs   int // explicit Requirements sections
	nested []*section
	attach map[*section][]*section // sections beside a nested level, by level
	grade  *gradeMatch
}

// addLevel makes a level of a section that states a grade, with the
// "<Level> Requirements"-style siblings attached to it.
func (p *parser) addLevel(s *section, g *gradeMatch, attached []*section) {
	st := &levelState{
		lv: posting.Level{
			Heading: s.title,
			Title:   levelTitle(g.subject, s.title),
			Grade:   g.grade,
			Code:    g.code,
			Line:    s.line,
		},
		grade: g,
	}
	if g.none {
		p.warn(g.line, "level "+quoteShort(s.title)+" is not aligned to a job grade: kept without one")
	}
	p.levelBlocks(st, s.blocks)
	p.levelKids(st, p.routeNested(st, s.kids))
	p.levelKids(st, attached)
	p.commitLevel(st)
}

// routeNested takes out of kids the "<Level> Requirements"-style sections
// that belong to a level nested among them, keeping them for that level.
func (p *parser) routeNested(st *levelState, kids []*section) []*section {
	var byTitle map[string]*section
	for _, k := range kids {
		if p.levelGrade(k) != nil {
			if byTitle == nil {
				byTitle = map[string]*section{}
			}
			byTitle[strings.ToLower(k.title)] = k
		}
	}
	if byTitle == nil {
		return kids
	}
	var rest []*section
	for _, k := range kids {
		if t := byTitle[strings.ToLower(k.prefix)]; t != nil && k.prefix != "" && t != k && k.kind != kGrade {
			if st.attach == nil {
				st.attach = map[*section][]*section{}
			}
			st.attach[t] = append(st.attach[t], k)
			continue
		}
		rest = append(rest, k)
	}
	return rest
}

// addOrphanLevel makes a level of a Job Grade section that grades no
// sibling: "<Level> Job Grade" names its level; a bare "Job Grade" at the
// top of a page grades the page's single role.
func (p *parser) addOrphanLevel(s *section, attached []*section) {
	g := p.sectionGrade(s)
	head := s.prefix
	if head == "" {
		head = g.subject
	}
	if head == "" {
		head = p.fam.Title
	}
	st := &levelState{
		lv: posting.Level{
			Heading: head,
			Title:   levelTitle(g.subject, head),
			Grade:   g.grade,
			Line:    s.line,
		},
		grade: g,
	}
	p.levelBlocks(st, s.blocks)
	p.levelKids(st, s.kids)
	p.levelKids(st, attached)
	p.commitLevel(st)
}

// levelBlocks adds a level's own blocks to its description, leaving out the
// paragraph that only states the grade.
func (p *parser) levelBlocks(st *levelState, blocks []ast.Node) {
	for _, b := range blocks {
		if st.grade != nil && b == st.grade.para && st.grade.only {
			continue
		}
		if g := p.tableOf(b); g != nil && !p.tablesUsed[b] {
			st.lv.Expectations = append(st.lv.Expectations, tableItems(g)...)
			continue
		}
		if md := p.blockMarkdown(b); md != "" {
			st.desc = append(st.desc, md)
		}
	}
}

// levelKids places a level's sub-sections: grade sections are metadata
// (their own sub-sections count), requirements and responsibilities are
// lists, behaviours and anything unnamed join the description, a sub-section
// that states its own grade is a level of its own.
func (p *parser) levelKids(st *levelState, kids []*section) {
	for _, k := range kids {
		if k.kind != kGrade && p.levelGrade(k) != nil {
			st.nested = append(st.nested, k)
			continue
		}
		switch k.kind {
		case kGrade:
			p.levelKids(st, k.kids)
		case kReq, kNice:
			if k.kind == kReq {
				if st.reqs > 0 {
					p.warn(k.line, "second requirements section in level "+quoteShort(st.lv.Heading)+" merged")
				}
				st.reqs++
			}
			items, prose, foreign := p.sectionItems(k, k.kind, true)
			st.lv.Requirements = append(st.lv.Requirements, items...)
			st.desc = append(st.desc, prose...)
			p.levelKids(st, foreign)
		case kResp:
			items, prose, foreign := p.sectionItems(k, kResp, true)
			st.lv.Responsibilities = append(st.lv.Responsibilities, items...)
			st.desc = append(st.desc, prose...)
			p.levelKids(st, foreign)
		case kRole:
			p.levelBlocks(st, k.blocks)
			p.levelKids(st, k.kids)
		case kBehav, kOther:
			if md := p.subtreeMarkdown(k, true); md != "" {
				st.desc = append(st.desc, md)
			}
		}
	}
}

// commitLevel adds the level, then the levels nested in it.
func (p *parser) commitLevel(st *levelState) {
	st.lv.Description = strings.Join(st.desc, "\n\n")
	p.addLevelValue(st.lv, st.lv.Line)
	for _, n := range st.nested {
		p.addLevel(n, p.levelGrade(n), st.attach[n])
	}
}

// addLevelValue appends a level under a key no other level has.
func (p *parser) addLevelValue(lv posting.Level, line int) {
	if lv.Requirements == nil {
		lv.Requirements = []string{}
	}
	if lv.Responsibilities == nil {
		lv.Responsibilities = []string{}
	}
	lv.Key = posting.Slug(lv.Title)
	if p.levelKeys[lv.Key] && lv.Code != "" && !p.levelKeys[posting.Slug(lv.Title+" "+lv.Code)] {
		// "Level 1: Analyst I", "Level 2: Analyst I": one title, two codes
		lv.Key = posting.Slug(lv.Title + " " + lv.Code)
	}
	if p.levelKeys[lv.Key] && lv.Heading != lv.Title && !p.levelKeys[posting.Slug(lv.Heading)] {
		lv.Title = lv.Heading
		lv.Key = posting.Slug(lv.Title)
	}
	if p.levelKeys[lv.Key] {
		base := lv.Key
		for i := 2; p.levelKeys[lv.Key]; i++ {
			lv.Key = base + "-" + strconv.Itoa(i)
		}
		p.warn(line, "level "+quoteShort(lv.Title)+" repeats another level's title; keyed "+quoteShort(lv.Key))
	}
	p.levelKeys[lv.Key] = true
	p.fam.Levels = append(p.fam.Levels, lv)
}
