package source

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strconv"

	"go.yaml.in/yaml/v3"
)

// frontMatter is a page's YAML header.
type frontMatter struct {
	title, description string
	rest               map[string]any
	present            bool
	bodyStart          int  // byte offset of the body in the file
	bodyLine           int  // 0-based line of the body's first byte
	topicsLine         int  // 1-based line of a "topics:" key (a framework), else 1
	titleLine          int  // 1-based line of the title, when there is one
	controls           bool // control characters were dropped from the title or description
}

var yamlLine = regexp.MustCompile(`line (\d+)`)

// splitFrontMatter finds a "---" header at the top of data and decodes it.
// A header that is never closed or that is not valid YAML is a *ParseError.
func splitFrontMatter(path string, data []byte) (frontMatter, error) {
	var fm frontMatter
	first, rest, ok := cutLine(data)
	if !ok || trimLine(first) != "---" {
		return fm, nil
	}
	start := len(data) - len(rest)
	for n := 1; len(rest) > 0; n++ {
		l, next, _ := cutLine(rest)
		if t := trimLine(l); t == "---" || t == "..." {
			if err := fm.decode(path, data[start:len(data)-len(rest)]); err != nil {
				return fm, err
			}
			fm.present = true
			fm.bodyStart = len(data) - len(next)
			fm.bodyLine = n + 1
			fm.topicsLine = 1
			if i := bytes.Index(data[:fm.bodyStart], []byte("\ntopics:")); i >= 0 {
				fm.topicsLine = 2 + bytes.Count(data[:i], []byte("\n"))
			}
			return fm, nil
		}
		rest = next
	}
	return fm, &ParseError{Path: path, Line: 1, Err: errors.New("front matter is not closed by a --- line")}
}

func trimLine(l []byte) string { return string(bytes.TrimRight(l, " \t\r")) }

// cutLine splits data after its first line; ok is false for empty data.
func cutLine(data []byte) (line, rest []byte, ok bool) {
	if len(data) == 0 {
		return nil, nil, false
	}
	if i := bytes.IndexByte(data, '\n'); i >= 0 {
		return data[:i], data[i+1:], true
	}
	return data, nil, true
}

func (fm *frontMatter) decode(path string, src []byte) error {
	var m map[string]any
	if err := yaml.Unmarshal(src, &m); err != nil {
		return yamlError(path, err)
	}
	if err := fm.checkText(path, src); err != nil {
		return err
	}
	for k, v := range m {
		switch k {
		case "title":
			fm.title = fm.text(scalar(v))
		case "description":
			fm.description = fm.text(scalar(v))
		default:
			if fm.rest == nil {
				fm.rest = make(map[string]any, len(m))
			}
			fm.rest[k] = jsonable(v)
		}
	}
	return nil
}

// checkText refuses a title or description that is not a scalar: a list
// or a mapping would be published as "[a b]". It notes the title's line.
func (fm *frontMatter) checkText(path string, src []byte) error {
	var doc yaml.Node
	if yaml.Unmarshal(src, &doc) != nil || len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return nil
	}
	m := doc.Content[0]
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		if k.Value != "title" && k.Value != "description" {
			continue
		}
		if k.Value == "title" {
			fm.titleLine = k.Line + 1 // the header's line 1 is the file's line 2
		}
		if v.Kind == yaml.AliasNode {
			v = v.Alias
		}
		if v.Kind != yaml.ScalarNode {
			return &ParseError{Path: path, Line: k.Line + 1, Err: fmt.Errorf("front matter: %s: want a string, got a %s", k.Value, nodeKind(v))}
		}
	}
	return nil
}

func nodeKind(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "list"
	case yaml.MappingNode:
		return "mapping"
	}
	return "value of another kind"
}

// text is a title or description with its control characters dropped (a
// YAML "\e" makes an ESC that was not in the file's bytes).
func (fm *frontMatter) text(s string) string {
	s, dropped := dropControlsString(s)
	fm.controls = fm.controls || dropped
	return s
}

// yamlError turns a YAML error into a ParseError on the file's line: the
// header's line 1 is the file's line 2.
func yamlError(path string, err error) error {
	line := 1
	if m := yamlLine.FindStringSubmatch(err.Error()); m != nil {
		if n, convErr := strconv.Atoi(m[1]); convErr == nil {
			line = n + 1
		}
	}
	return &ParseError{Path: path, Line: line, Err: fmt.Errorf("front matter: %w", err)}
}

func scalar(v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case string:
		return v
	default:
		return fmt.Sprint(v)
	}
}

// jsonable makes YAML values safe for encoding/json (string map keys).
func jsonable(v any) any {
	switch v := v.(type) {
	case map[string]any:
		for k, e := range v {
			v[k] = jsonable(e)
		}
		return v
	case map[any]any:
		m := make(map[string]any, len(v))
		for k, e := range v {
			m[fmt.Sprint(k)] = jsonable(e)
		}
		return m
	case []any:
		for i, e := range v {
			v[i] = jsonable(e)
		}
		return v
	default:
		return v
	}
}
