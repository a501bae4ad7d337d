package source

import (
	"strings"

	"github.com/yuin/goldmark/ast"
)

// sectionItems collects the list items of a list section (requirements,
// responsibilities) and of its sub-sections that name nothing else. A
// lead-in paragraph ("… requirements are:") is dropped; other prose is
// returned, or becomes the items when the section has no list. Sub-sections
// of another kind are returned as foreign for the caller to place.
func (p *parser) sectionItems(s *section, kind kind, top bool) (items, prose []string, foreign []*section) {
	if !s.hasContent() {
		p.warn(s.line, "empty section "+quoteShort(s.title))
		return nil, nil, nil
	}
	for i, b := range s.blocks {
		switch b := b.(type) {
		case *ast.List:
			items = append(items, p.listItems(b)...)
		case *ast.Paragraph:
			if i+1 < len(s.blocks) && isList(s.blocks[i+1]) && endsWithColon(p.rawText(b)) {
				continue
			}
			if md := p.blockMarkdown(b); md != "" {
				prose = append(prose, md)
			}
		default:
			if md := p.blockMarkdown(b); md != "" {
				prose = append(prose, md)
			}
		}
	}
	if kind == kNice {
		for i, it := range items {
			items[i] = niceToHave(it)
		}
	}
	for _, k := range s.kids {
		switch {
		case k.kind == kOther || k.kind == kind || k.kind == kBehav && kind == kResp:
			ki, kp, kf := p.sectionItems(k, kind, false)
			items = append(items, ki...)
			if len(kp) > 0 {
				prose = append(prose, "**"+k.title+"**")
				prose = append(prose, kp...)
			}
			foreign = append(foreign, kf...)
		case k.kind == kNice && kind == kReq:
			ki, _, kf := p.sectionItems(k, kNice, false)
			items = append(items, ki...)
			foreign = append(foreign, kf...)
		default:
			foreign = append(foreign, k)
		}
	}
	if top && len(items) == 0 && len(prose) > 0 {
		items, prose = prose, nil
	}
	return items, prose, foreign
}

func isList(n ast.Node) bool { _, ok := n.(*ast.List); return ok }

func endsWithColon(s string) bool { return strings.HasSuffix(strings.TrimSpace(s), ":") }

// niceToHave marks a nice-to-have item as such, once.
func niceToHave(item string) string {
	l := asciiLower(item)
	if strings.HasPrefix(l, "nice to have") || strings.HasPrefix(l, "nice-to-have") || strings.HasPrefix(l, "bonus") {
		return item
	}
	return "Nice to have: " + item
}

// rawText is a leaf block's source, lines joined, for sentence matching.
func (p *parser) rawText(n ast.Node) string {
	lines := n.Lines()
	switch lines.Len() {
	case 0:
		return ""
	case 1:
		seg := lines.At(0)
		return string(p.src[seg.Start:seg.Stop])
	}
	var b strings.Builder
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		b.Write(p.src[seg.Start:seg.Stop])
	}
	return strings.ReplaceAll(b.String(), "\n", " ")
}

// subtreeMarkdown is a section's blocks and sub-sections as markdown, each
// sub-section under its heading in bold; skipped sections are left out.
func (p *parser) subtreeMarkdown(s *section, withHeading bool) string {
	var parts []string
	if withHeading {
		parts = append(parts, "**"+s.title+"**")
	}
	for _, b := range s.blocks {
		if md := p.blockMarkdown(b); md != "" {
			parts = append(parts, md)
		}
	}
	for _, k := range s.kids {
		if k.kind == kSkip {
			continue
		}
		if md := p.subtreeMarkdown(k, true); md != "" {
			parts = append(parts, md)
		}
	}
	if withHeading && len(parts) == 1 {
		return ""
	}
	return strings.Join(parts, "\n\n")
}
