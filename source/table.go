package source

import (
	"bytes"
	"regexp"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// A table, markdown or raw HTML, read into a grid: one cell per row and
// column, a cell spanning several rows or columns repeated in each (the
// same *cell), its text as markdown.

// cell is one table cell.
type cell struct {
	text   string // markdown; lists as "- " lines
	header bool   // a <th>, or a markdown table's header row
}

// grid is a table's rows, spans expanded.
type grid struct {
	rows [][]*cell
	line int // the table's first line in the file
}

// width is the number of columns of the widest row.
func (g *grid) width() int {
	n := 0
	for _, r := range g.rows {
		n = max(n, len(r))
	}
	return n
}

// at returns the cell at row r, column c, or nil.
func (g *grid) at(r, c int) *cell {
	if r < len(g.rows) && c < len(g.rows[r]) {
		return g.rows[r][c]
	}
	return nil
}

// text is the trimmed text of the cell at r, c.
func (g *grid) text(r, c int) string {
	if x := g.at(r, c); x != nil {
		return x.text
	}
	return ""
}

var brTag = regexp.MustCompile(`(?i)(?:\s*<br\s*/?>\s*)+`)

// markdownGrid reads a GFM table: each cell's source, <br> as a line break
// and other inline HTML cut out.
func (p *parser) markdownGrid(t *east.Table) *grid {
	g := &grid{line: p.lineOfNode(t)}
	for r := t.FirstChild(); r != nil; r = r.NextSibling() {
		_, head := r.(*east.TableHeader)
		var row []*cell
		for c := r.FirstChild(); c != nil; c = c.NextSibling() {
			src := ""
			if lines := c.Lines(); lines.Len() > 0 {
				seg := lines.At(0)
				src = string(p.src[seg.Start:seg.Stop])
			}
			src = brTag.ReplaceAllString(src, "\n")
			src = htmlTag.ReplaceAllString(src, "")
			row = append(row, &cell{text: strings.TrimSpace(src), header: head})
		}
		g.rows = append(g.rows, row)
	}
	return g
}

var htmlTag = regexp.MustCompile(`</?[A-Za-z][^>]*>`)

// htmlGrid parses a raw HTML table with golang.org/x/net/html.
func htmlGrid(raw []byte, line int) *grid {
	nodes, err := html.ParseFragment(bytes.NewReader(raw), &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body})
	if err != nil {
		return nil
	}
	var table *html.Node
	var find func(n *html.Node)
	find = func(n *html.Node) {
		if table != nil {
			return
		}
		if n.Type == html.ElementNode && n.DataAtom == atom.Table {
			table = n
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			find(c)
		}
	}
	for _, n := range nodes {
		find(n)
	}
	if table == nil {
		return nil
	}
	g := &grid{line: line}
	pending := map[int]struct { // cells spanning down into later rows, by column
		c    *cell
		left int
	}{}
	var rows func(n *html.Node)
	rows = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			switch c.DataAtom {
			case atom.Thead, atom.Tbody, atom.Tfoot:
				rows(c)
			case atom.Tr:
				var row []*cell
				col := 0
				fill := func() {
					for {
						pd, ok := pending[col]
						if !ok {
							return
						}
						row = append(row, pd.c)
						if pd.left--; pd.left == 0 {
							delete(pending, col)
						} else {
							pending[col] = pd
						}
						col++
					}
				}
				for td := c.FirstChild; td != nil; td = td.NextSibling {
					if td.Type != html.ElementNode || td.DataAtom != atom.Td && td.DataAtom != atom.Th {
						continue
					}
					fill()
					x := &cell{text: cellMarkdown(td), header: td.DataAtom == atom.Th}
					cols, down := span(td, "colspan"), span(td, "rowspan")
					for i := 0; i < cols; i++ {
						row = append(row, x)
						if down > 1 {
							pending[col] = struct {
								c    *cell
								left int
							}{x, down - 1}
						}
						col++
					}
				}
				fill()
				g.rows = append(g.rows, row)
			}
		}
	}
	rows(table)
	return g
}

// span reads a colspan or rowspan attribute: 1 when absent or odd.
func span(n *html.Node, name string) int {
	for _, a := range n.Attr {
		if a.Key == name {
			v := 0
			for _, r := range strings.TrimSpace(a.Val) {
				if r < '0' || r > '9' {
					break
				}
				v = v*10 + int(r-'0')
			}
			if v >= 1 && v <= 100 {
				return v
			}
		}
	}
	return 1
}

// cellMarkdown turns a cell's HTML into markdown: bold and italic kept,
// links as links, <p> and <br> as line breaks, list items as "- " lines;
// styles, scripts and comments dropped.
func cellMarkdown(n *html.Node) string {
	var b bytes.Buffer
	var walk func(n *html.Node)
	newline := func() {
		s := b.String()
		if s != "" && !strings.HasSuffix(s, "\n") {
			b.WriteByte('\n')
		}
	}
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			t := strings.Join(strings.Fields(n.Data), " ")
			if t == "" {
				if strings.TrimSpace(n.Data) == "" && n.Data != "" && !strings.HasSuffix(b.String(), "\n") && b.Len() > 0 {
					b.WriteByte(' ')
				}
				return
			}
			if len(n.Data) > 0 && (n.Data[0] == ' ' || n.Data[0] == '\n' || n.Data[0] == '\t') && b.Len() > 0 && !strings.HasSuffix(b.String(), " ") && !strings.HasSuffix(b.String(), "\n") {
				b.WriteByte(' ')
			}
			b.WriteString(t)
			if last := n.Data[len(n.Data)-1]; last == ' ' || last == '\n' || last == '\t' {
				b.WriteByte(' ')
			}
			return
		case html.ElementNode:
		default:
			return
		}
		switch n.DataAtom {
		case atom.Style, atom.Script, atom.Img:
			return
		case atom.Br:
			newline()
			return
		case atom.P, atom.Div, atom.Ul, atom.Ol:
			newline()
		case atom.Li:
			newline()
			b.WriteString("- ")
		}
		wrap := ""
		switch n.DataAtom {
		case atom.Strong, atom.B:
			wrap = "**"
		case atom.Em, atom.I:
			wrap = "_"
		}
		href := ""
		if n.DataAtom == atom.A {
			for _, a := range n.Attr {
				if a.Key == "href" && !strings.HasPrefix(a.Val, "#") {
					href = a.Val
				}
			}
		}
		start := b.Len()
		if href != "" {
			b.WriteByte('[')
		}
		b.WriteString(wrap)
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if strings.TrimSpace(b.String()[start:]) == strings.TrimSpace("["+wrap) {
			b.Truncate(start) // nothing inside: no empty markup
		} else {
			trail := b.Len() > 0 && b.Bytes()[b.Len()-1] == ' '
			if trail {
				b.Truncate(b.Len() - 1) // "**IC4**", not "**IC4 **"
			}
			b.WriteString(wrap)
			if href != "" {
				b.WriteString("](" + href + ")")
			}
			if trail {
				b.WriteByte(' ')
			}
		}
		switch n.DataAtom {
		case atom.P, atom.Div, atom.Li, atom.Ul, atom.Ol:
			newline()
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c)
	}
	var lines []string
	for _, l := range strings.Split(b.String(), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			lines = append(lines, l)
		}
	}
	return strings.Join(lines, "\n")
}

// tableOf returns the grid of a block that is a table, or nil.
func (p *parser) tableOf(b ast.Node) *grid {
	switch b := b.(type) {
	case *east.Table:
		return p.markdownGrid(b)
	case *ast.HTMLBlock:
		if raw, ok := p.htmlTables[b]; ok {
			return htmlGrid(raw, p.lineOfNode(b))
		}
	}
	return nil
}
