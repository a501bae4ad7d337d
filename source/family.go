package source

import (
	"fmt"
	"slices"
	"strings"

	"github.com/yuin/goldmark/ast"
)

// walkFamily fills the family from the heading tree: the intro, then every
// section by what its heading says it holds.
func (p *parser) walkFamily(root *section) {
	p.addRole(root.blocks)
	p.walkKids(root.kids, kOther, false)
}

// plan is what the sibling pre-pass decided about a group of sections.
type plan struct {
	grade    map[*section]*gradeMatch // sections that are levels
	attached map[*section][]*section  // "<Level> Requirements" beside the level
	orphan   map[*section]string      // grade sections that make a level of their own: heading
	consumed map[*section]bool        // grade sections given to a sibling
	byTitle  map[string]*section      // levels by heading, for prefix look-ups
}

// planSiblings finds the levels among siblings: sections that state a
// grade, sections a sibling "Job Grade" section names, and sections a
// sibling level's grade sentence names. With attachAll, "<Name>
// Requirements"-style sections attach to any sibling named Name, not only
// to levels. Look-ups go through maps so that a page with thousands of
// headings stays linear.
func (p *parser) planSiblings(kids []*section, attachAll bool) plan {
	pl := plan{grade: map[*section]*gradeMatch{}, attached: map[*section][]*section{},
		orphan: map[*section]string{}, consumed: map[*section]bool{}, byTitle: map[string]*section{}}
	byNorm := make(map[string][]*section, len(kids))
	for _, k := range kids {
		byNorm[k.norm] = append(byNorm[k.norm], k)
		if g := p.levelGrade(k); g != nil {
			pl.grade[k] = g
			pl.byTitle[k.norm] = k
		}
	}
	// grade sections standing beside the section they grade
	bare := 0 // grade sections that name no job: "The role is a grade 8"
	for _, k := range kids {
		if g := p.sectionGrade(k); g != nil && k.prefix == "" && g.subject == "" && p.gradeTitles[k] == nil {
			bare++
		}
	}
	for i, k := range kids {
		if k.kind != kGrade || p.gradeTitles[k] != nil {
			continue
		}
		g := p.sectionGrade(k)
		if g == nil {
			continue
		}
		name := k.prefix
		if name == "" {
			name = g.subject
		}
		if name == "" && bare > 1 && i > 0 {
			// "### Staff X" then "### Job Grade", level after level: each
			// grade section grades the heading before it
			if prev := kids[i-1]; prev.kind == kOther && pl.grade[prev] == nil && looksLikeLevel(prev.title) {
				pl.grade[prev] = g
				pl.byTitle[prev.norm] = prev
				pl.consumed[k] = true
				continue
			}
		}
		if t := siblingNamed(kids, byNorm, k, name); t != nil && pl.grade[t] == nil && levelKindOK(t.kind) {
			pl.grade[t] = g
			pl.byTitle[t.norm] = t
			pl.consumed[k] = true
			continue
		}
		pl.orphan[k] = k.prefix
		if k.prefix != "" {
			pl.byTitle[normTitle(k.prefix)] = k
		}
	}
	// a level named in a sibling's grade sentence: "A & B are a grade 7"
	var among map[string]*gradeMatch
	for _, k := range kids {
		if g := pl.grade[k]; g != nil {
			for _, part := range subjectParts(g.rawSubj) {
				if among == nil {
					among = map[string]*gradeMatch{}
				}
				if among[part] == nil {
					among[part] = g
				}
			}
		}
	}
	for _, k := range kids {
		if among == nil {
			break
		}
		if g := among[k.norm]; g != nil && pl.grade[k] == nil && k.kind == kOther && looksLikeLevel(k.title) {
			c := *g
			c.subject = k.title
			pl.grade[k] = &c
			pl.byTitle[k.norm] = k
		}
	}
	// "<Level> Requirements" / "<Level> Responsibilities" beside the level
	if attachAll {
		for _, k := range kids {
			if k.kind == kOther && pl.byTitle[k.norm] == nil {
				pl.byTitle[k.norm] = k
			}
		}
	}
	for _, k := range kids {
		if k.prefix == "" || k.kind == kGrade || k.kind == kSpec || pl.grade[k] != nil {
			continue
		}
		if t := pl.byTitle[normTitle(k.prefix)]; t != nil && t != k {
			pl.attached[t] = append(pl.attached[t], k)
			pl.consumed[k] = true
		}
	}
	return pl
}

// subjectParts splits a subject naming several jobs ("Sr. Analyst & Sr.
// Manager") into normalised titles; nil when it names one.
func subjectParts(subject string) []string {
	if subject == "" || !strings.ContainsAny(subject, "&/") && !strings.Contains(subject, " and ") && !strings.Contains(subject, " or ") {
		return nil
	}
	parts := strings.FieldsFunc(strings.NewReplacer(" and ", "&", " or ", "&", "/", "&").Replace(subject), func(r rune) bool { return r == '&' })
	if len(parts) < 2 {
		return nil
	}
	out := parts[:0]
	for _, part := range parts {
		if c := cleanSubject(part); c != "" {
			out = append(out, normTitle(c))
		}
	}
	return out
}

// siblingNamed finds the sibling of self whose heading is name, exactly
// (case and spacing aside) or cut short by a typo.
func siblingNamed(kids []*section, byNorm map[string][]*section, self *section, name string) *section {
	n := normTitle(name)
	if n == "" {
		return nil
	}
	for _, k := range byNorm[n] {
		if k != self {
			return k
		}
	}
	for _, k := range kids {
		if k != self && prefixMatch(n, k.norm) {
			return k
		}
	}
	return nil
}

// takeLevel handles a sibling that the plan made part of a level: consumed
// by one, a level itself, or a level without a grade sentence of its own. It
// reports whether k was taken.
func (p *parser) takeLevel(k *section, pl plan) bool {
	if pl.consumed[k] || p.taken[k] {
		return true
	}
	if titles, ok := p.gradeTitles[k]; ok {
		p.addGradeTitles(titles)
		return true
	}
	if g := pl.grade[k]; g != nil {
		p.addLevel(k, g, pl.attached[k])
		return true
	}
	if _, ok := pl.orphan[k]; ok {
		p.addOrphanLevel(k, pl.attached[k])
		return true
	}
	return false
}

// walkKids handles a run of sibling sections at family level. inherit is the
// kind of the enclosing section, given to sub-sections that name none.
func (p *parser) walkKids(kids []*section, inherit kind, underLevels bool) {
	pl := p.planSiblings(kids, false)
	var specs *section // a Specialties heading among these siblings
	for _, k := range kids {
		if p.takeLevel(k, pl) {
			continue
		}
		if specs != nil && k.kind == kOther && k.depth == specs.depth && k.hasContent() && !p.holdsLevel(k) {
			// "### Specialties" then "### Team": specialties beside their
			// heading rather than under it
			p.warn(k.line, "section "+quoteShort(k.title)+" follows "+quoteShort(specs.title)+" at its depth: read as a specialty")
			p.addSpecialty(k, pl.attached[k])
			continue
		}
		kind := k.kind
		if kind == kOther && inherit != kOther {
			kind = inherit
		}
		if k.depth == 1 && k.title == p.firstTitle && !p.roleSection && (kind == kSkip || kind == kLevels) {
			// the page's title ("# Engineering Levels", "# … career
			// development framework") wraps the page: its prose is the role
			p.roleSection = true
			p.addRole(k.blocks)
			p.walkKids(k.kids, kOther, kind == kLevels)
			continue
		}
		switch kind {
		case kRole:
			p.roleSection = true
			if !k.hasContent() {
				p.warn(k.line, "empty section "+quoteShort(k.title))
			}
			p.addRole(k.blocks)
			p.walkKids(k.kids, kRole, underLevels)
		case kResp, kBehav:
			items, prose, foreign := p.sectionItems(k, kResp, true)
			p.fam.Responsibilities = append(p.fam.Responsibilities, items...)
			p.respText = append(p.respText, prose...)
			p.walkKids(foreign, kOther, underLevels)
		case kReq, kNice:
			if k.kind == kReq && inherit != kReq {
				if p.famReqs > 0 {
					p.warn(k.line, "second requirements section "+quoteShort(k.title)+" merged into the base requirements")
				}
				p.famReqs++
			}
			items, _, foreign := p.sectionItems(k, kind, true)
			p.fam.BaseRequirements = append(p.fam.BaseRequirements, items...)
			p.walkKids(foreign, kOther, underLevels)
		case kPerf:
			if s := p.subtreeMarkdown(k, false); s != "" {
				p.perf = append(p.perf, s)
			} else {
				p.warn(k.line, "empty section "+quoteShort(k.title))
			}
		case kSpecs:
			p.addSpecialties(k)
			specs = k
		case kSpec:
			p.addSpecialty(k, pl.attached[k])
		case kLevels, kGrade:
			p.walkKids(k.kids, kOther, true)
		case kSkip:
			for _, c := range k.kids {
				if c.kind == kSpecs { // Specialties under Hiring Process
					p.addSpecialties(c)
				}
			}
			if p.holdsLevel(k) {
				p.walkKids(k.kids, kOther, true)
			} else if n := specialtyLike(k); n > 0 {
				p.warn(k.line, fmt.Sprintf("section %s is not published, but %d of its sub-sections have requirements like specialties; put them under a Specialties heading to publish them", quoteShort(k.title), n))
			}
		default:
			p.walkOther(k, underLevels)
		}
	}
}

// specialtyShaped says whether a section reads like a specialty: not a job
// title, with requirements or responsibilities of its own.
func specialtyShaped(k *section) bool {
	return k.kind == kOther && !looksLikeLevel(k.title) &&
		slices.ContainsFunc(k.kids, func(g *section) bool { return g.kind == kReq || g.kind == kResp })
}

// specialtyLike counts the sub-sections of k that hold a Requirements
// section: specialties in all but the heading above them.
func specialtyLike(k *section) int {
	n := 0
	for _, c := range k.kids {
		if slices.ContainsFunc(c.kids, func(g *section) bool { return g.kind == kReq }) {
			n++
		}
	}
	return n
}

// walkOther handles a section whose heading names nothing we know: under a
// levels heading a job title without a grade is skipped with a warning; a
// wrapper around postable sections is walked, its prose taken as the role
// when there is none yet; anything else is not part of a posting.
func (p *parser) walkOther(k *section, underLevels bool) {
	switch {
	case underLevels && p.pageGrades != nil && k.hasContent() && !p.holdsLevel(k) && (looksLikeLevel(k.title) || !specialtyShaped(k)):
		// a level whose grade the page states in one sentence for all
		p.ungraded = append(p.ungraded, len(p.fam.Levels))
		p.addLevel(k, &gradeMatch{}, nil)
	case underLevels && looksLikeLevel(k.title) && !p.holdsLevel(k):
		p.warn(k.line, "section "+quoteShort(k.title)+" looks like a level but states no job grade: expected a grade sentence (\"The X is a grade 7\"), a Job Grade sub-section, or a level code (IC4, Level 2) in its heading; skipped")
	case underLevels && specialtyShaped(k):
		p.warn(k.line, "section "+quoteShort(k.title)+" under the levels names no level but has requirements: read as a specialty")
		p.addSpecialty(k, nil)
	case k.depth == 1 && k.title == p.firstTitle && !p.roleSection && !underLevels:
		// "# Engineering Levels" over the page: its prose is the role
		p.roleSection = true
		p.addRole(k.blocks)
		p.walkKids(k.kids, kOther, underLevels)
	case hasStructure(k):
		if !p.roleSection {
			p.roleSection = true
			p.addRole(k.blocks)
		}
		p.walkKids(k.kids, kOther, underLevels)
	case k.hasContent() && !underLevels && !p.onlyTables(k):
		p.skip(k)
	}
}

// onlyTables says whether a section holds nothing but tables read into
// levels.
func (p *parser) onlyTables(k *section) bool {
	if len(k.kids) > 0 || len(k.blocks) == 0 {
		return false
	}
	for _, b := range k.blocks {
		if !p.tablesUsed[b] {
			return false
		}
	}
	return true
}

// holdsLevel says whether a level sits somewhere below s.
func (p *parser) holdsLevel(s *section) bool {
	for _, k := range s.kids {
		if p.levelGrade(k) != nil || k.kind == kGrade && p.sectionGrade(k) != nil || p.holdsLevel(k) {
			return true
		}
	}
	return false
}

// hasStructure says whether a section holds, somewhere below it, a level or
// a section a posting is made of.
func hasStructure(s *section) bool {
	for _, k := range s.kids {
		switch k.kind {
		case kReq, kResp, kSpecs, kSpec, kGrade, kRole, kNice, kLevels:
			return true
		}
		if hasStructure(k) {
			return true
		}
	}
	return false
}

// addRole appends blocks to the role text, noting a grade sentence.
func (p *parser) addRole(blocks []ast.Node) {
	for _, b := range blocks {
		if _, ok := b.(*ast.Paragraph); ok && p.pageGrades == nil {
			if gs, ok := pageGradeList(p.rawText(b)); ok {
				p.pageGrades, p.pageGradesLine = gs, p.lineOfNode(b)
				continue // the page's grades are metadata, not role text
			}
		}
		if p.roleGrade == nil {
			if _, ok := b.(*ast.Paragraph); ok {
				if g, ok := findGrade(p.rawText(b), false); ok {
					g.line = p.lineOfNode(b)
					p.roleGrade = &g
				}
			}
		}
		if s := p.blockMarkdown(b); s != "" {
			p.role = append(p.role, s)
		}
	}
}
