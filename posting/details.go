package posting

import (
	"strconv"
	"strings"
)

// String formats a pay range as a posting shows it:
// "USD 120,000 – 160,000 per year", or "USD 50 per hour" when Min equals Max.
func (p Pay) String() string {
	var b strings.Builder
	if p.Currency != "" {
		b.WriteString(p.Currency)
		b.WriteByte(' ')
	}
	b.WriteString(groupThousands(p.Min))
	if p.Max != p.Min {
		b.WriteString(" – ")
		b.WriteString(groupThousands(p.Max))
	}
	interval := p.Interval
	if interval == "" {
		interval = "year"
	}
	b.WriteString(" per ")
	b.WriteString(interval)
	return b.String()
}

// groupThousands formats n with a comma between groups of three digits.
func groupThousands(n int64) string {
	s := strconv.FormatInt(n, 10)
	neg := strings.HasPrefix(s, "-")
	if neg {
		s = s[1:]
	}
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// String formats a grade the way the handbook writes it: "8", "9.5".
func (g Grade) String() string {
	return strconv.FormatFloat(float64(g), 'f', -1, 64)
}

// detailItems lists the facts of a posting as markdown items, in a fixed
// order: company, grade, level code, locations, workplace, department, employment type,
// pay. Values from the opening are escaped so that they read as plain text.
func detailItems(opts ComposeOptions, lv *levelPrep, o *Opening) []string {
	var items []string
	if opts.Company != "" {
		name := escapeMarkdown(opts.Company)
		if dest, ok := resolveLink(opts.CompanyURL, nil); ok && !strings.HasPrefix(dest, "mailto:") {
			name = "[" + name + "](<" + strings.ReplaceAll(dest, ">", "%3E") + ">)"
		}
		items = append(items, "Company: "+name)
	}
	if lv.grade != 0 {
		items = append(items, "Job grade: "+lv.grade.String())
	}
	if lv.code != "" && !strings.EqualFold(lv.code, lv.title) {
		items = append(items, "Level: "+escapeMarkdown(lv.code))
	}
	if len(o.Locations) > 0 {
		label := "Location: "
		if len(o.Locations) > 1 {
			label = "Locations: "
		}
		escaped := make([]string, len(o.Locations))
		for i, l := range o.Locations {
			escaped[i] = escapeMarkdown(l)
		}
		items = append(items, label+strings.Join(escaped, "; "))
	}
	if o.Workplace != "" {
		items = append(items, "Workplace: "+escapeMarkdown(capitalize(o.Workplace)))
	}
	if o.Department != "" {
		items = append(items, "Department: "+escapeMarkdown(o.Department))
	}
	if o.EmploymentType != "" {
		items = append(items, "Employment type: "+escapeMarkdown(o.EmploymentType))
	}
	if o.Pay != nil {
		items = append(items, "Pay: "+escapeMarkdown(o.Pay.String()))
	}
	return items
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// markdownSpecials are the ASCII characters that can start inline markdown
// syntax in the middle of a line (a details item starts with its label, so
// block markers there are plain text).
const markdownSpecials = "\\`*_[]<>!~"

// escapeMarkdown backslash-escapes the characters of s that markdown could
// read as syntax, so that configured values publish as the text they are.
func escapeMarkdown(s string) string {
	entity := strings.Contains(s, "&") && strings.Contains(s, ";")
	if !entity && !strings.ContainsAny(s, markdownSpecials) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for _, r := range s {
		if r < 128 && (strings.ContainsRune(markdownSpecials, r) || entity && r == '&') {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}
