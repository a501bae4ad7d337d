package source

import (
	"strings"

	"github.com/jobsync/jobsync/posting"
	"github.com/yuin/goldmark/ast"
)

// Tables of levels: levels as columns (a header row of level names, one
// row per topic, each cell that level's expectation) or as rows (a first
// column of level names, a header row of topics, a level spanning several
// rows with rowspan). A table that pairs titles with level codes ("Engineer
// 1 | IC2 | …") only gives those codes to the levels titled so.

// tableLevel is a level read from a table.
type tableLevel struct {
	title, code string
	grade       posting.Grade // from a "Grade" column or row
	items       []string
}

// isGradeLabel says whether a header or row label names the job grade.
func isGradeLabel(s string) bool {
	switch strings.ToLower(strings.Trim(s, "*_: ")) {
	case "grade", "job grade", "grades", "level grade":
		return true
	}
	return false
}

// cellGrade reads a cell that holds a grade: "7", "9.5", "Grade 7".
func cellGrade(s string) (posting.Grade, bool) {
	g, ok := findGrade(s, true)
	return g.grade, ok && g.grade > 0
}

// levelsOfTable reads the levels of a grid; nil when it holds none.
func levelsOfTable(g *grid) []tableLevel {
	if g == nil || len(g.rows) < 2 || g.width() < 2 {
		return nil
	}
	if lv := columnLevels(g); lv != nil {
		return lv
	}
	return rowLevels(g)
}

// headerLevels reads row r as a header of level columns: the columns from
// the second on, when at least two name a level and most of them do.
func headerLevels(g *grid, r int) map[int]tableLevel {
	if _, _, ok := levelName(g.text(r, 0)); ok {
		return nil // a row of a table of levels as rows
	}
	out := map[int]tableLevel{}
	filled := 0
	var prev *cell
	for c := 1; c < len(g.rows[r]); c++ {
		x := g.rows[r][c]
		if x == prev || x.text == "" {
			prev = x
			continue
		}
		prev = x
		filled++
		if t, code, ok := levelName(x.text); ok {
			out[c] = tableLevel{title: t, code: code}
		}
	}
	if len(out) < 2 || len(out)*3 < filled*2 {
		return nil
	}
	return out
}

// columnLevels reads levels laid out as columns; a second header row
// further down starts another set of levels.
func columnLevels(g *grid) []tableLevel {
	var out []tableLevel
	var cols map[int]tableLevel
	var order []int
	flush := func() {
		for _, c := range order {
			out = append(out, cols[c])
		}
		cols, order = nil, nil
	}
	for r := range g.rows {
		// a header is the first row, or one after a group heading or an
		// empty row (a second set of levels)
		if r == 0 || spansRow(g.rows[r-1]) || emptyRow(g.rows[r-1]) {
			if h := headerLevels(g, r); h != nil {
				flush()
				cols = h
				for c := 1; c < len(g.rows[r]); c++ {
					if _, ok := h[c]; ok {
						order = append(order, c)
					}
				}
				continue
			}
		}
		if cols == nil || spansRow(g.rows[r]) {
			continue
		}
		label := g.text(r, 0)
		for _, c := range order {
			v := g.text(r, c)
			if v == "" || g.at(r, c) == g.at(r, 0) {
				continue
			}
			lv := cols[c]
			if grade, ok := cellGrade(v); ok && isGradeLabel(label) {
				lv.grade = grade
				cols[c] = lv
				continue
			}
			lv.items = append(lv.items, expectation(label, v))
			cols[c] = lv
		}
	}
	flush()
	if len(out) == 0 {
		return nil
	}
	return out
}

// rowLevels reads levels laid out as rows: the first column names them.
func rowLevels(g *grid) []tableLevel {
	head := g.rows[0]
	titleCol := -1
	for c := 1; c < len(head); c++ {
		switch strings.ToLower(strings.Trim(head[c].text, "* ")) {
		case "title", "role", "job title", "name", "position":
			titleCol = c
		}
	}
	var out []tableLevel
	var last *cell
	for r := 1; r < len(g.rows); r++ {
		first := g.at(r, 0)
		if first == nil || first.text == "" {
			continue
		}
		if first != last {
			t, code, ok := levelName(first.text)
			if !ok {
				return nil // a row that names no level: not a table of levels
			}
			if titleCol >= 0 && g.text(r, titleCol) != "" {
				t = g.text(r, titleCol)
				if code == "" && codeAlone.MatchString(first.text) {
					code = first.text
				}
			}
			out = append(out, tableLevel{title: t, code: code})
			last = first
		}
		lv := &out[len(out)-1]
		var prev *cell
		for c := 1; c < len(g.rows[r]); c++ {
			x := g.rows[r][c]
			if x == prev || x == first || c == titleCol || x.text == "" {
				prev = x
				continue
			}
			prev = x
			label := ""
			if h := g.at(0, c); h != nil && h != g.at(0, c-1) && !spansFrom(g.rows[r], c) {
				label = h.text
			}
			if grade, ok := cellGrade(x.text); ok && isGradeLabel(label) {
				lv.grade = grade
				continue
			}
			lv.items = append(lv.items, expectation(label, x.text))
		}
	}
	if len(out) < 2 && titleCol < 0 || len(out) == 0 || codeMap(out) {
		return nil
	}
	return out
}

// emptyRow says whether a row has no text.
func emptyRow(row []*cell) bool {
	for _, c := range row {
		if c.text != "" {
			return false
		}
	}
	return true
}

// spansRow says whether one cell fills the whole row: a group heading.
func spansRow(row []*cell) bool {
	return len(row) > 1 && spansFrom(row, 0)
}

// spansFrom says whether the cell at c runs to the end of the row.
func spansFrom(row []*cell, c int) bool {
	for i := c + 1; i < len(row); i++ {
		if row[i] != row[c] {
			return false
		}
	}
	return c+1 < len(row)
}

// codeMap says whether the rows hold nothing but level codes: a table that
// maps titles to codes, not one of expectations.
func codeMap(levels []tableLevel) bool {
	for _, lv := range levels {
		for _, it := range lv.items {
			_, v, _ := strings.Cut(it, "**: ")
			if v == "" {
				v = it
			}
			if !codeAlone.MatchString(strings.TrimSpace(v)) {
				return false
			}
		}
	}
	return true
}

// titleCodes reads a table that pairs titles with codes ("Engineer 1 | IC2
// | M2 | Engineering Manager 1"): each code column with the title column
// beside it.
func titleCodes(g *grid) map[string]string {
	if g == nil || len(g.rows) < 3 {
		return nil
	}
	w := g.width()
	isCode := make([]bool, w)
	for c := 0; c < w; c++ {
		codes, filled := 0, 0
		for r := 1; r < len(g.rows); r++ {
			if t := g.text(r, c); t != "" {
				filled++
				if codeAlone.MatchString(t) {
					codes++
				}
			}
		}
		isCode[c] = filled > 0 && codes*5 >= filled*4
	}
	out := map[string]string{}
	paired := make([]bool, w)
	for c := 0; c < w; c++ {
		if !isCode[c] {
			continue
		}
		paired[c] = true
		tc := c - 1
		if tc < 0 || isCode[tc] {
			tc = c + 1
		}
		if tc >= w || isCode[tc] {
			continue
		}
		paired[tc] = true
		for r := 1; r < len(g.rows); r++ {
			if t, code := g.text(r, tc), g.text(r, c); t != "" && codeAlone.MatchString(code) {
				out[normTitle(t)] = code
			}
		}
	}
	for _, ok := range paired {
		if !ok {
			return nil // a column of something else: expectations, not a map
		}
	}
	return out
}

// expectation is one item: "**Topic**: text", the text's lines kept.
func expectation(label, text string) string {
	label = strings.Trim(strings.TrimSpace(label), "*: ")
	switch {
	case label == "":
		return text
	case strings.HasPrefix(text, "- "):
		return "**" + label + "**:\n" + text // a list under its topic
	}
	return "**" + label + "**: " + text
}

// tableItems turns a table under a level into expectation items, one per
// row: the first column names the topic, the column whose header says
// "expectation" (else every other column) says what is expected.
func tableItems(g *grid) []string {
	if g == nil || len(g.rows) == 0 {
		return nil
	}
	head := g.rows[0]
	want := -1
	for c, h := range head {
		if strings.Contains(strings.ToLower(h.text), "expectation") {
			want = c
		}
	}
	var items []string
	for r := 1; r < len(g.rows); r++ {
		if len(g.rows[r]) == 0 {
			continue
		}
		label := g.text(r, 0)
		var parts []string
		for c := 1; c < len(g.rows[r]); c++ {
			if want >= 0 && c != want || g.text(r, c) == "" {
				continue
			}
			parts = append(parts, g.text(r, c))
		}
		if len(parts) > 0 {
			items = append(items, expectation(label, strings.Join(parts, "\n")))
		} else if label != "" {
			items = append(items, label)
		}
	}
	return items
}

// planTables reads, before the page is walked, every table of levels on
// it: the levels are the family's, in page order, those of one title
// across several tables merged; the tables are not read again as text.
func (p *parser) planTables(root *section) {
	var codes map[string]string
	var levels []tableLevel
	var lines []int
	byTitle := map[string]int{}
	var walk func(s *section)
	walk = func(s *section) {
		for _, b := range s.blocks {
			g := p.tableOf(b)
			if g == nil {
				continue
			}
			if tc := titleCodes(g); len(tc) > 0 {
				if codes == nil {
					codes = map[string]string{}
				}
				for k, v := range tc {
					codes[k] = v
				}
				p.usedTable(b)
				continue
			}
			found := levelsOfTable(g)
			if found == nil || p.linksOnly(g) {
				continue
			}
			p.usedTable(b)
			for _, lv := range found {
				key := normTitle(lv.title) + "|" + lv.code
				if i, ok := byTitle[key]; ok {
					levels[i].items = append(levels[i].items, lv.items...)
					continue
				}
				byTitle[key] = len(levels)
				levels = append(levels, lv)
				lines = append(lines, g.line)
			}
		}
		for _, k := range s.kids {
			walk(k)
		}
	}
	walk(root)
	for i, lv := range levels {
		code := lv.code
		if code == "" {
			code = codes[normTitle(lv.title)]
		}
		p.addLevelValue(posting.Level{
			Heading: lv.title, Title: lv.title, Code: code, Grade: lv.grade,
			Expectations: lv.items, Line: lines[i],
		}, lines[i])
	}
}

// usedTable marks a table block as read into levels.
func (p *parser) usedTable(b ast.Node) {
	if p.tablesUsed == nil {
		p.tablesUsed = map[ast.Node]bool{}
	}
	p.tablesUsed[b] = true
}

// linksOnly says whether every row of a grid opens with a link: an index
// of other pages, not levels.
func (p *parser) linksOnly(g *grid) bool {
	for r := 1; r < len(g.rows); r++ {
		if !strings.HasPrefix(g.text(r, 0), "[") {
			return false
		}
	}
	return len(g.rows) > 2
}

// tableMarkdown writes a table that holds no levels as a list, one item per
// row, for text fields that cannot hold raw HTML.
func tableMarkdown(g *grid) string {
	var b strings.Builder
	for _, it := range tableItems(g) {
		if b.Len() > 0 {
			b.WriteByte('\n')
		}
		b.WriteString("- " + indent(it, 2))
	}
	return b.String()
}
