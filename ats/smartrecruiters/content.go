package smartrecruiters

import (
	"strings"
	"unicode"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/posting"
)

// The titles of the job ad sections jobsync writes.
const (
	titleDescription    = "Job Description"
	titleQualifications = "Qualifications"
	titleAdditional     = "Additional Information"
)

// ad is a posting laid out as a SmartRecruiters job ad: three of its four
// sections, as HTML. The fourth, the company description, is the
// company's own text and left to people.
type ad struct {
	Description    string // about, specialty, responsibilities, level
	Qualifications string // requirements
	Additional     string // details: grade, location, pay
}

// layout splits p's sections into the job ad's. A posting without
// sections falls back to its whole HTML as the description.
func layout(p posting.Posting) ad {
	if len(p.Sections) == 0 {
		return ad{Description: p.HTML}
	}
	var desc, quals, more strings.Builder
	for _, s := range p.Sections {
		dst := &desc
		switch s.Kind {
		case posting.SectionRequirements:
			dst = &quals
		case posting.SectionDetails:
			dst = &more
		}
		writeSection(dst, s, p.SourceURL)
	}
	return ad{Description: desc.String(), Qualifications: quals.String(), Additional: more.String()}
}

// writeSection writes one section as sanitised HTML: its heading, its
// prose and its items, each rendered on its own so that a list in the
// prose never swallows the items. Links relative to the handbook page are
// made absolute against it.
func writeSection(b *strings.Builder, s posting.Section, base string) {
	var items strings.Builder
	for _, it := range s.Items {
		items.WriteString("- " + strings.ReplaceAll(strings.TrimSpace(it), "\n", "\n  ") + "\n")
	}
	if strings.TrimSpace(s.Text) == "" && items.Len() == 0 {
		return
	}
	if h := strings.TrimSpace(s.Heading); h != "" {
		b.WriteString(posting.RenderHTML("### "+h, base))
	}
	if strings.TrimSpace(s.Text) != "" {
		b.WriteString(posting.RenderHTML(s.Text, base))
	}
	if items.Len() > 0 {
		b.WriteString(posting.RenderHTML(items.String(), base))
	}
}

// sections are the job ad sections jobsync writes for a.
func (a ad) sections() (desc, quals, more *apiSection) {
	return section(titleDescription, a.Description), section(titleQualifications, a.Qualifications), section(titleAdditional, a.Additional)
}

// section is a job ad section, or nil for an empty one (which a write
// deletes).
func section(title, html string) *apiSection {
	if strings.TrimSpace(html) == "" {
		return nil
	}
	return &apiSection{Title: title, Text: html}
}

// text is a section's HTML, "" for a missing one.
func text(s *apiSection) string {
	if s == nil {
		return ""
	}
	return s.Text
}

// fingerprint is the drift fingerprint of what jobsync writes of a job:
// its title and the text of its three sections, reduced to words
// (ats.Fingerprint), so that SmartRecruiters re-serialising HTML is no
// drift and a recruiter's edit is. The company description is not
// jobsync's and not in it.
func fingerprint(title, desc, quals, more string) string {
	return ats.Fingerprint(title, desc, quals, more)
}

// jobFingerprint is the fingerprint of a job as the board holds it.
func jobFingerprint(j apiJob) string {
	s := j.JobAd.Sections
	return fingerprint(j.Title, text(s.JobDescription), text(s.Qualifications), text(s.AdditionalInformation))
}

// bodyText is the text of jobsync's sections, one line per block, for
// diffs.
func bodyText(desc, quals, more string) string {
	var parts []string
	for _, h := range []string{desc, quals, more} {
		if t := strings.TrimSpace(ats.HTMLText(h)); t != "" {
			parts = append(parts, t)
		}
	}
	return strings.Join(parts, "\n")
}

// experienceLevel maps a posting's title to one of SmartRecruiters'
// experience levels, or def when the title names none.
func experienceLevel(title, def string) string {
	t := " " + strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) {
			return unicode.ToLower(r)
		}
		return ' '
	}, title) + " "
	for _, m := range []struct {
		words []string
		level string
	}{
		{[]string{" intern ", " internship "}, "internship"},
		{[]string{" chief ", " vp ", " vice president ", " executive "}, "executive"},
		{[]string{" director ", " head of "}, "director"},
		{[]string{" junior ", " entry "}, "entry_level"},
		{[]string{" associate "}, "associate"},
	} {
		for _, w := range m.words {
			if strings.Contains(t, w) {
				return m.level
			}
		}
	}
	return def
}

// locationText is a job's location as one line, for plans and diffs.
func locationText(l apiLocation) string {
	var parts []string
	for _, p := range []string{l.City, firstOf(l.Region, l.RegionCode), firstOf(l.Country, strings.ToUpper(l.CountryCode))} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	s := strings.Join(parts, ", ")
	if l.Remote {
		s = strings.TrimSpace(s + " (remote)")
	}
	return s
}

// locationKey is a location as jobsync writes it: the city, the region's
// and country's codes and the remote flag, without the names the API may
// add to them, so that a job's location fingerprints (fa=) the same as
// jobsync wrote it until a person changes it.
func locationKey(l apiLocation) string {
	return locationText(apiLocation{CountryCode: l.CountryCode, RegionCode: l.RegionCode, City: l.City, Remote: l.Remote})
}

// locationKeys is locationKey as a list: none for an empty location.
func locationKeys(l apiLocation) []string {
	if k := locationKey(l); k != "" {
		return []string{k}
	}
	return nil
}

func firstOf(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
