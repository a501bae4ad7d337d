package source

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/jobsync/jobsync/posting"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
)

// Options configure Parse.
type Options struct {
	// BaseURL is recorded on the family (Family.BaseURL) so that relative
	// links such as /handbook/… can be made absolute when postings are
	// composed. Parse keeps links as the page writes them.
	BaseURL string
}

// markdown is goldmark with GFM tables; safe for concurrent use.
var markdown = goldmark.New(goldmark.WithExtensions(extension.Table))

// parser holds one page while it is parsed.
type parser struct {
	path       string
	src        []byte // the body, after front matter
	lineBase   int    // 0-based file line of src[0]
	lineStarts []int  // offsets in src where lines start
	warnings   []posting.Warning
	html       map[ast.Node]htmlInfo
	htmlTables map[ast.Node][]byte // raw HTML tables, by the block they start in
	tablesUsed map[ast.Node]bool   // tables read into levels

	fam         posting.Family
	role        []string
	respText    []string
	perf        []string
	levelKeys   map[string]bool
	specKeys    map[string]bool
	famReqs     int         // explicit base Requirements sections seen
	roleSection bool        // a Role section (or a wrapper's prose) was taken
	firstTitle  string      // the page's first H1
	roleGrade   *gradeMatch // a grade sentence in the role text

	pageGrades     []posting.Grade // "The roles described below are grades: 6, 7, 8"
	pageGradesLine int
	ungraded       []int                      // levels, by index, that state no grade of their own
	gradeTitles    map[*section][]gradedTitle // Job Grade sections naming several jobs
	taken          map[*section]bool          // sections given to a level elsewhere on the page
	skipped        []skipped                  // sections left out, with their warnings
}

// Parse parses one handbook page into a family. path names the page in
// errors and becomes Family.Source. Errors are *ParseError; warnings are in
// Family.Warnings, sorted by line.
func Parse(path string, data []byte, opts Options) (posting.Family, error) {
	f, err := parse(path, data, opts)
	if err != nil {
		return posting.Family{}, err
	}
	return f, nil
}

// parse is Parse, but a page that holds no posting still returns what it
// holds, with the error: the _index.md of a folder of level pages.
func parse(path string, data []byte, opts Options) (posting.Family, error) {
	if err := checkContent(path, data); err != nil {
		return posting.Family{}, err
	}
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	if bytes.Contains(data, []byte("\r\n")) {
		data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n")) // lines stay where they were
	}
	if bytes.IndexByte(data, '\r') >= 0 {
		data = bytes.ReplaceAll(data, []byte("\r"), []byte("\n")) // CR-only endings (classic Mac)
	}
	if err := checkLimits(path, data); err != nil {
		return posting.Family{}, err
	}
	data, controlLine := dropControls(data)
	fm, err := splitFrontMatter(path, data)
	if err != nil {
		return posting.Family{}, err
	}
	if fm.controls { // a YAML escape ("\e") in the header: before the body
		controlLine = max(fm.titleLine, 2)
	}
	p := &parser{
		path:      path,
		src:       data[fm.bodyStart:],
		lineBase:  fm.bodyLine,
		levelKeys: map[string]bool{},
		specKeys:  map[string]bool{},
	}
	if !fm.present {
		p.warn(1, "no front matter: title taken from the first heading or the file name")
	}
	if controlLine > 0 {
		p.warn(controlLine, "control characters dropped (terminal escapes, bidi overrides); the first is on this line")
	}
	if _, framework := fm.rest["topics"]; len(bytes.TrimSpace(p.src)) == 0 && !framework {
		return posting.Family{}, &ParseError{Path: path, Err: errEmpty}
	}
	p.indexLines()
	doc := markdown.Parser().Parse(text.NewReader(p.src))
	root := p.buildTree(doc)

	p.fam = posting.Family{
		Title:       fm.title,
		Description: strings.TrimSpace(fm.description),
		Source:      path,
		BaseURL:     opts.BaseURL,
		FrontMatter: fm.rest,
	}
	p.firstTitle = firstH1(root)
	if p.fam.Title == "" {
		p.fam.Title = p.firstTitle
	}
	if p.fam.Title == "" {
		p.fam.Title = titleFromPath(path)
	}
	p.fam.Title = cleanSpace(p.fam.Title)
	p.fam.Key = posting.Slug(p.fam.Title)

	if ladderOfH1s(root) {
		for _, k := range root.kids {
			k.grade, k.gradeDone = &gradeMatch{subject: k.title, line: k.line, named: true}, true
		}
		if fm.title == "" {
			p.fam.Title = cleanSpace(titleFromPath(path))
			p.fam.Key = posting.Slug(p.fam.Title)
		}
	}
	p.planGradeLists(root)
	p.planTables(root)
	p.walkFamily(root)
	if len(p.fam.Levels) == 0 {
		if !p.frameworkLevels(fm.topicsLine) {
			if line, names := p.levelsInProse(root); names != nil {
				return posting.Family{}, proseLevelsError(path, line, names)
			}
		}
		p.pageLevel()
		p.proseAd()
	}
	p.finish()

	f := p.fam
	if len(f.Levels) == 0 && len(f.Specialties) == 0 && len(f.Responsibilities) == 0 && len(f.BaseRequirements) == 0 {
		if line, why := p.notAFamily(root); why != "" {
			return f, &ParseError{Path: path, Line: line, Err: fmt.Errorf("%w: %s", errNoPosting, why)}
		}
		if f.Role == "" {
			return f, &ParseError{Path: path, Err: fmt.Errorf("%w: %s", errNoPosting, noPostingWhy)}
		}
	}
	return f, nil
}

// checkContent rejects input that is no markdown page at all.
func checkContent(path string, data []byte) error {
	if len(bytes.TrimSpace(data)) == 0 {
		return &ParseError{Path: path, Err: errEmpty}
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return &ParseError{Path: path, Line: 1 + bytes.Count(data[:i], []byte("\n")),
			Err: errors.New("binary content (NUL byte): not a markdown page")}
	}
	if !utf8.Valid(data) {
		i := 0
		for i < len(data) {
			r, size := utf8.DecodeRune(data[i:])
			if r == utf8.RuneError && size <= 1 {
				break
			}
			i += size
		}
		return &ParseError{Path: path, Line: 1 + bytes.Count(data[:i], []byte("\n")),
			Err: fmt.Errorf("invalid UTF-8 at byte %d", i)}
	}
	return nil
}

// finish joins the collected text and sorts the warnings.
func (p *parser) finish() {
	p.fam.Role = strings.Join(p.role, "\n\n")
	p.fam.ResponsibilitiesText = strings.Join(p.respText, "\n\n")
	p.fam.PerformanceIndicator = strings.Join(p.perf, "\n\n")
	if len(p.fam.Levels) == 0 && p.roleGrade == nil {
		p.roleGrade = frontMatterGrade(p.fam.FrontMatter)
	}
	if len(p.fam.Levels) == 0 && p.roleGrade != nil {
		g := p.roleGrade
		p.addLevelValue(posting.Level{
			Heading: p.fam.Title,
			Title:   levelTitle(g.subject, p.fam.Title),
			Grade:   g.grade,
			Line:    g.line,
		}, g.line)
	}
	p.givePageGrades()
	sort.SliceStable(p.warnings, func(i, j int) bool { return p.warnings[i].Line < p.warnings[j].Line })
	p.fam.Warnings = p.warnings
	if p.fam.Responsibilities == nil {
		p.fam.Responsibilities = []string{}
	}
	if p.fam.BaseRequirements == nil {
		p.fam.BaseRequirements = []string{}
	}
	if p.fam.Levels == nil {
		p.fam.Levels = []posting.Level{}
	}
	if p.fam.Specialties == nil {
		p.fam.Specialties = []posting.Specialty{}
	}
	if p.fam.Warnings == nil {
		p.fam.Warnings = []posting.Warning{}
	}
}

// frontMatterGrade reads a "grade" or "job_grade" front matter key, for a
// single-role page that states its grade only there.
func frontMatterGrade(fm map[string]any) *gradeMatch {
	for _, k := range []string{"grade", "job_grade", "jobGrade"} {
		var g float64
		switch v := fm[k].(type) {
		case int:
			g = float64(v)
		case float64:
			g = v
		case string:
			m, ok := findGrade(v, true)
			if !ok {
				continue
			}
			g = float64(m.grade)
		default:
			continue
		}
		if g > 0 && g < 100 {
			return &gradeMatch{grade: posting.Grade(g), line: 1}
		}
	}
	return nil
}

// indexLines records where each line of the body starts.
func (p *parser) indexLines() {
	p.lineStarts = make([]int, 1, bytes.Count(p.src, []byte("\n"))+1)
	for i, c := range p.src {
		if c == '\n' && i+1 < len(p.src) {
			p.lineStarts = append(p.lineStarts, i+1)
		}
	}
}

// lineOf maps a body offset to its 1-based line in the file.
func (p *parser) lineOf(off int) int {
	i := sort.Search(len(p.lineStarts), func(i int) bool { return p.lineStarts[i] > off })
	return p.lineBase + i
}

// lineOfNode is the line where a node's source starts.
func (p *parser) lineOfNode(n ast.Node) int {
	if pos := n.Pos(); pos >= 0 && pos <= len(p.src) {
		return p.lineOf(pos)
	}
	start, stop := p.span(n)
	if start > stop {
		start = 0
	}
	return p.lineOf(start)
}

// firstH1 is the text of the first level-1 heading.
func firstH1(root *section) string {
	var walk func(s *section) string
	walk = func(s *section) string {
		if s.depth == 1 {
			return s.title
		}
		for _, k := range s.kids {
			if t := walk(k); t != "" {
				return t
			}
		}
		return ""
	}
	return walk(root)
}

// titleFromPath makes a title of a file name: "product-manager.md" →
// "Product Manager"; "_index.md" takes its folder's name.
func titleFromPath(path string) string {
	if i := strings.IndexAny(path, "?#"); i >= 0 && strings.Contains(path, "://") {
		path = path[:i]
	}
	name := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	if name == "_index" || name == "index" || name == "README" {
		name = filepath.Base(filepath.Dir(path))
	}
	words := strings.FieldsFunc(name, func(r rune) bool { return r == '-' || r == '_' || r == ' ' })
	for i, w := range words {
		r, size := utf8.DecodeRuneInString(w)
		words[i] = string(unicode.ToUpper(r)) + w[size:]
	}
	return strings.Join(words, " ")
}
