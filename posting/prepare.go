package posting

import "strings"

// familyPrep is a family made ready for composing: keys settled, placeholder
// text dropped, items normalised, root-relative links made absolute,
// requirements merged per level. Compose
// makes one per family and shares it between all of that family's postings.
type familyPrep struct {
	family               *Family
	index                int
	key                  string
	title                string
	role                 string
	responsibilitiesText string
	sourceURL            string
	levels               []levelPrep // never empty: a family without levels gets one
	specialties          []specialtyPrep
	synthetic            bool // levels holds the one level made for a family without levels
	frags                *fragments
}

type levelPrep struct {
	key, heading, title string
	grade               Grade
	code                string
	description         string
	expectations        []string
	responsibilities    []string // the family's, then the level's, without repeats
	requirements        []string // the base requirements, then the level's, without repeats
}

type specialtyPrep struct {
	key, name        string
	description      string
	requirements     []string
	responsibilities []string
}

func prepareFamily(f *Family, index int) *familyPrep {
	baseURL := parseBase(f.BaseURL)
	text := func(s string) string { return absoluteLinks(dropPlaceholderText(s), baseURL) }
	items := func(s []string) []string { return absoluteItems(cleanItems(s), baseURL) }
	fp := &familyPrep{
		family:               f,
		index:                index,
		key:                  familyKey(f),
		title:                strings.TrimSpace(f.Title),
		role:                 text(f.Role),
		responsibilitiesText: text(f.ResponsibilitiesText),
		sourceURL:            sourceURL(f.Source),
		frags:                newFragments(f.BaseURL),
	}
	resp := items(f.Responsibilities)
	base := appendNew(nil, items(f.BaseRequirements))
	for i := range f.Levels {
		l := &f.Levels[i]
		title := strings.TrimSpace(l.Title)
		if title == "" {
			title = strings.TrimSpace(l.Heading)
		}
		key := l.Key
		if key == "" {
			key = Slug(title)
		}
		fp.levels = append(fp.levels, levelPrep{
			key:              key,
			heading:          l.Heading,
			title:            title,
			grade:            l.Grade,
			code:             strings.TrimSpace(l.Code),
			description:      text(l.Description),
			expectations:     items(l.Expectations),
			responsibilities: appendNew(resp, items(l.Responsibilities)),
			requirements:     appendNew(base, items(l.Requirements)),
		})
	}
	if len(fp.levels) == 0 {
		fp.synthetic = true
		fp.levels = []levelPrep{{
			key:              fp.key,
			title:            fp.title,
			responsibilities: resp,
			requirements:     base,
		}}
	}
	for i := range f.Specialties {
		s := &f.Specialties[i]
		key := s.Key
		if key == "" {
			key = Slug(s.Name)
		}
		fp.specialties = append(fp.specialties, specialtyPrep{
			key:              key,
			name:             strings.TrimSpace(s.Name),
			description:      text(s.Description),
			requirements:     items(s.Requirements),
			responsibilities: items(s.Responsibilities),
		})
	}
	return fp
}

// familyKey is the family's key, or the slug of its title when it has none.
func familyKey(f *Family) string {
	if f.Key != "" {
		return f.Key
	}
	return Slug(f.Title)
}

// sourceURL is the page's address when it was read from the web, and empty
// for a file: a local path is nothing to publish.
func sourceURL(source string) string {
	if strings.HasPrefix(source, "https://") || strings.HasPrefix(source, "http://") {
		return source
	}
	return ""
}

// cleanItems drops placeholder and empty items and normalises the rest: no
// surrounding space, and no blank lines inside an item, which would make the
// list around it loose.
func cleanItems(items []string) []string {
	return mapItems(dropPlaceholderItems(items), cleanItem)
}

func cleanItem(it string) string {
	c := strings.TrimSpace(it)
	if !strings.Contains(c, "\n\n") {
		return c
	}
	lines := strings.Split(c, "\n")
	kept := lines[:0]
	for _, l := range lines {
		if strings.TrimSpace(l) != "" {
			kept = append(kept, l)
		}
	}
	return strings.Join(kept, "\n")
}
