package posting

import (
	"slices"
	"strings"
)

// The headings of a posting's sections. The specialty section is headed by
// the specialty's name.
const (
	HeadingAbout            = "About the role"
	HeadingResponsibilities = "What you'll do"
	HeadingRequirements     = "What you'll need"
	HeadingLevel            = "What we expect at this level"
	HeadingDetails          = "Details"
)

// layout puts a posting's body together, in the order of the SectionKind
// constants; sections with nothing to say are left out.
func layout(fp *familyPrep, lv *levelPrep, sp *specialtyPrep, details []string) []Section {
	sections := make([]Section, 0, 6)
	add := func(kind SectionKind, heading, text string, items []string) {
		if text != "" || len(items) > 0 {
			// Each posting owns its items: the lists shared between the
			// postings of a family are copied.
			sections = append(sections, Section{Kind: kind, Heading: heading, Text: text, Items: slices.Clone(items)})
		}
	}
	add(SectionAbout, HeadingAbout, fp.role, nil)
	resp, reqs := lv.responsibilities, lv.requirements
	if sp != nil {
		add(SectionSpecialty, sp.name, sp.description, nil)
		resp = appendNew(resp, sp.responsibilities)
		reqs = appendNew(reqs, sp.requirements)
	}
	add(SectionResponsibilities, HeadingResponsibilities, fp.responsibilitiesText, resp)
	add(SectionRequirements, HeadingRequirements, "", reqs)
	add(SectionLevel, HeadingLevel, lv.description, lv.expectations)
	add(SectionDetails, HeadingDetails, "", details)
	return sections
}

// appendNew returns base followed by the items of more it does not hold yet,
// compared exactly. base is never modified: when something is added, the
// result is a new slice.
func appendNew(base, more []string) []string {
	out := base
	copied := false
	for _, m := range more {
		if slices.Contains(out, m) {
			continue
		}
		if !copied {
			out = append(make([]string, 0, len(base)+len(more)), base...)
			copied = true
		}
		out = append(out, m)
	}
	return out
}

// renderMarkdown writes sections as one markdown document: a "##" heading
// per section, its text, then its items as a bullet list.
func renderMarkdown(sections []Section) string {
	n := 0
	for _, s := range sections {
		n += len(s.Heading) + len(s.Text) + 8
		for _, it := range s.Items {
			n += len(it) + 4
		}
	}
	var b strings.Builder
	b.Grow(n)
	for i, s := range sections {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(headingMarkdown(s.Heading))
		b.WriteString("\n\n")
		if s.Text != "" {
			b.WriteString(s.Text)
			b.WriteString("\n")
			if len(s.Items) > 0 {
				b.WriteByte('\n')
			}
		}
		if len(s.Items) == 0 {
			continue
		}
		marker := "- "
		if s.Text != "" {
			marker = bulletAfter(s.Text)
		}
		for _, it := range s.Items {
			writeItem(&b, marker, it)
		}
	}
	return b.String()
}

// writeItem writes one list item line as itemMarkdown does, and a newline.
func writeItem(b *strings.Builder, marker, item string) {
	b.WriteString(marker)
	for {
		line, rest, more := strings.Cut(item, "\n")
		b.WriteString(line)
		b.WriteByte('\n')
		if !more {
			return
		}
		b.WriteString("  ")
		item = rest
	}
}

// bulletAfter picks the bullet for a list that follows text: "- ", unless
// text ends with a "-" list, which a "-" list after it would continue.
func bulletAfter(text string) string {
	last := text
	if i := strings.LastIndex(text, "\n\n"); i >= 0 {
		last = text[i+2:]
	}
	marker := byte(0)
	for more := true; more; {
		var l string
		l, last, more = strings.Cut(last, "\n")
		if ind, ok := listMarker(l); ok && ind == 0 {
			marker = l[0]
		}
	}
	if marker == '-' {
		return "* "
	}
	return "- "
}

// renderHTML writes sections as HTML from fragments rendered once each: the
// same HTML as RenderHTML of renderMarkdown's document, but each text and
// item is rendered on its own, so that no piece of a page can change how
// another renders.
func renderHTML(sections []Section, f *fragments) string {
	count := 0
	for _, s := range sections {
		count += 4 + len(s.Items) // heading, text, <ul>, items, </ul>
	}
	parts := make([]string, 0, count)
	n := 0
	add := func(s string) {
		parts = append(parts, s)
		n += len(s)
	}
	for _, s := range sections {
		add(f.heading(s.Heading))
		if s.Text != "" {
			add(f.block(s.Text))
		}
		if len(s.Items) > 0 {
			add("<ul>\n")
			for _, it := range s.Items {
				add(f.item(it))
			}
			add("</ul>\n")
		}
	}
	var b strings.Builder
	b.Grow(n)
	for _, p := range parts {
		b.WriteString(p)
	}
	return b.String()
}
