package source

import (
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

// notAFamily says why a page that yields nothing but role text is no job
// family: an index whose table or list links each role to a page of its
// own, or a stub that only links elsewhere. line is where the reason is.
func (p *parser) notAFamily(root *section) (line int, why string) {
	var blocks []ast.Node
	var walk func(s *section)
	walk = func(s *section) {
		blocks = append(blocks, s.blocks...)
		for _, k := range s.kids {
			walk(k)
		}
	}
	walk(root)
	for _, b := range blocks {
		if t, ok := b.(*east.Table); ok && p.linksEachRow(t) {
			return p.lineOfNode(b), "an index of job families: the table links each role to a page of its own; read those pages"
		}
	}
	if p.fam.Role == "" {
		return 0, ""
	}
	for _, b := range blocks {
		if !p.onlyLinks(b) {
			return 0, ""
		}
	}
	return p.lineOfNode(blocks[0]), "it only links to other pages"
}

// linksEachRow says whether every body row of a table opens with a link.
func (p *parser) linksEachRow(t *east.Table) bool {
	rows := 0
	for r := t.FirstChild(); r != nil; r = r.NextSibling() {
		if _, head := r.(*east.TableHeader); head {
			continue
		}
		cell := r.FirstChild()
		if cell == nil {
			return false
		}
		if _, ok := cell.FirstChild().(*ast.Link); !ok {
			return false
		}
		rows++
	}
	return rows >= 2
}

// onlyLinks says whether a block says nothing but links.
func (p *parser) onlyLinks(b ast.Node) bool {
	links := 0
	text := false
	_ = ast.Walk(b, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Link, *ast.AutoLink:
			links++
			return ast.WalkSkipChildren, nil
		case *ast.Text:
			if strings.Trim(string(n.Segment.Value(p.src)), " ,.;:-–|") != "" {
				text = true
			}
		}
		return ast.WalkContinue, nil
	})
	return links > 0 && !text
}
