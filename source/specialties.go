package source

import (
	"strconv"
	"strings"

	"github.com/jobsync/jobsync/posting"
	"github.com/yuin/goldmark/ast"
)

// addSpecialties makes a specialty of each sub-section of a Specialties
// section. A sub-section that states a grade is a level instead.
func (p *parser) addSpecialties(c *section) {
	pl := p.planSiblings(c.kids, true)
	for _, k := range c.kids {
		if p.takeLevel(k, pl) {
			continue
		}
		switch k.kind {
		case kOther, kRole, kSpecs, kLevels, kSpec:
			p.addSpecialty(k, pl.attached[k])
		case kSkip, kPerf:
		default:
			p.warn(k.line, "section "+quoteShort(k.title)+" under "+quoteShort(c.title)+" is not a specialty; skipped")
		}
	}
}

// addSpecialty reads one specialty: its paragraphs are the description, a
// Requirements sub-section (or else a bare list under the heading) its
// requirements, a Responsibilities sub-section its responsibilities.
func (p *parser) addSpecialty(s *section, attached []*section) {
	sp := posting.Specialty{Name: s.title, Line: s.line}
	if s.kind == kSpec {
		sp.Name = s.prefix // "Specialty: Verify" names "Verify"
	}
	explicit := false
	for _, k := range append(s.kids[:len(s.kids):len(s.kids)], attached...) {
		explicit = explicit || k.kind == kReq
	}
	var desc []string
	for i, b := range s.blocks {
		if l, ok := b.(*ast.List); ok && !explicit {
			sp.Requirements = append(sp.Requirements, p.listItems(l)...)
			continue
		}
		if _, ok := b.(*ast.Paragraph); ok && !explicit && i+1 < len(s.blocks) && isList(s.blocks[i+1]) && endsWithColon(p.rawText(b)) {
			continue
		}
		if md := p.blockMarkdown(b); md != "" {
			desc = append(desc, md)
		}
	}
	reqs := 0
	var walk func(kids []*section)
	walk = func(kids []*section) {
		for _, k := range kids {
			switch k.kind {
			case kReq, kNice:
				if k.kind == kReq {
					if reqs > 0 {
						p.warn(k.line, "second requirements section in specialty "+quoteShort(s.title)+" merged")
					}
					reqs++
				}
				items, prose, foreign := p.sectionItems(k, k.kind, true)
				sp.Requirements = append(sp.Requirements, items...)
				desc = append(desc, prose...)
				walk(foreign)
			case kResp, kBehav:
				items, prose, foreign := p.sectionItems(k, kResp, true)
				sp.Responsibilities = append(sp.Responsibilities, items...)
				desc = append(desc, prose...)
				walk(foreign)
			case kRole:
				if md := p.subtreeMarkdown(k, false); md != "" {
					desc = append(desc, md)
				}
			case kOther:
				if md := p.subtreeMarkdown(k, true); md != "" {
					desc = append(desc, md)
				}
			}
		}
	}
	walk(s.kids)
	walk(attached)
	sp.Description = strings.Join(desc, "\n\n")
	if sp.Description == "" && len(sp.Requirements) == 0 && len(sp.Responsibilities) == 0 {
		p.warn(s.line, "empty specialty "+quoteShort(s.title)+"; skipped")
		return
	}
	if len(sp.Requirements) == 0 {
		p.warn(s.line, "specialty "+quoteShort(s.title)+" has no requirements")
		sp.Requirements = []string{}
	}
	if sp.Responsibilities == nil {
		sp.Responsibilities = []string{}
	}
	sp.Key = posting.Slug(sp.Name)
	if p.specKeys[sp.Key] {
		base := sp.Key
		for i := 2; p.specKeys[sp.Key]; i++ {
			sp.Key = base + "-" + strconv.Itoa(i)
		}
		p.warn(s.line, "specialty "+quoteShort(s.title)+" repeats another specialty's name; keyed "+quoteShort(sp.Key))
	}
	p.specKeys[sp.Key] = true
	p.fam.Specialties = append(p.fam.Specialties, sp)
}
