package lever

import (
	"fmt"
	"strings"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/posting"
)

// The headings of the two lists jobsync sends.
const (
	listResponsibilities = "What you'll do"
	listRequirements     = "What you'll need"
)

// leverContent is a posting's body laid out the way Lever holds it.
type leverContent struct {
	Description string    // DESCRIPTION HTML: about, specialty, level
	Lists       []apiList // LIST HTML: responsibilities, requirements
	Closing     string    // DESCRIPTION HTML: details (grade, location, pay)
}

// layout splits p's sections into Lever's description, lists and closing.
// Prose that sits beside a list (a responsibilities paragraph) goes into the
// description under its heading, so no words are dropped. A posting without
// sections falls back to its whole markdown as the description.
func layout(p posting.Posting) leverContent {
	var desc, closing strings.Builder
	var resp, req strings.Builder
	if len(p.Sections) == 0 {
		desc.WriteString(descriptionHTML(p.Markdown))
	}
	for _, s := range p.Sections {
		switch s.Kind {
		case posting.SectionResponsibilities, posting.SectionRequirements:
			if strings.TrimSpace(s.Text) != "" {
				writeSection(&desc, posting.Section{Heading: s.Heading, Text: s.Text})
			}
			dst := &resp
			if s.Kind == posting.SectionRequirements {
				dst = &req
			}
			for _, item := range s.Items {
				dst.WriteString(listItemHTML(item))
			}
		case posting.SectionDetails:
			writeSection(&closing, s)
		default: // about, specialty, level, and kinds added later
			writeSection(&desc, s)
		}
	}
	c := leverContent{Description: desc.String(), Closing: closing.String(), Lists: []apiList{}}
	if resp.Len() > 0 {
		c.Lists = append(c.Lists, apiList{Text: listResponsibilities, Content: resp.String()})
	}
	if req.Len() > 0 {
		c.Lists = append(c.Lists, apiList{Text: listRequirements, Content: req.String()})
	}
	return c
}

// writeSection writes a heading, prose and bullet lines as DESCRIPTION HTML.
func writeSection(b *strings.Builder, s posting.Section) {
	body := descriptionHTML(s.Text)
	var items strings.Builder
	for _, item := range s.Items {
		items.WriteString(bulletHTML(item))
	}
	if body == "" && items.Len() == 0 {
		return
	}
	if h := strings.TrimSpace(s.Heading); h != "" {
		b.WriteString(headingHTML(h))
	}
	b.WriteString(body)
	b.WriteString(items.String())
}

// fingerprint is the drift fingerprint of a posting's visible text, in one
// order for what jobsync sends and for what Lever returns.
func fingerprint(title, description string, lists []apiList, closing string) string {
	fields := []string{title, description}
	for _, l := range lists {
		fields = append(fields, l.Text, l.Content)
	}
	fields = append(fields, closing)
	return ats.Fingerprint(fields...)
}

// salaryIntervals maps posting.Pay intervals to Lever's salaryRange intervals.
var salaryIntervals = map[string]string{
	"":      "per-year-salary",
	"year":  "per-year-salary",
	"month": "per-month-salary",
	"week":  "per-week-salary",
	"day":   "per-day-wage",
	"hour":  "per-hour-wage",
}

// workplaceTypes maps posting workplaces to Lever's workplaceType; anything
// else is not sent (Lever's default stays "unspecified", and jobsync never
// sends "unspecified", which Lever refuses once a type was set).
var workplaceTypes = map[string]string{
	"remote":  "remote",
	"hybrid":  "hybrid",
	"onsite":  "onsite",
	"on-site": "onsite",
	"office":  "onsite",
}

// writeBody builds the full body of a create or update of p: title, state
// published, categories, content, tags (the marker plus keep), workplace and
// salary, and returns the marker it carries. The marker continues old (a
// create's nonce, or the posting's marker: see ats.Marker.Continuing), bound
// to the posting id once it has one. It says the posting is published (every
// write publishes it) and fingerprints its locations and department, which
// Lever gives back as sent (List reads them): an edit of either, or a
// person's close, is drift.
func (b *Board) writeBody(p posting.Posting, keep []string, old ats.Marker, id string) (apiWrite, ats.Marker, error) {
	c := layout(p)
	m := ats.NewMarker(p, fingerprint(p.Title, c.Description, c.Lists, c.Closing)).Continuing(old)
	if id != "" {
		m = m.Bound(id)
	}
	m.Attrs = ats.AttrFingerprint(p.Locations, p.Department)
	m.State = ats.StateOpen
	w := apiWrite{
		Text:                 p.Title,
		State:                statePublished,
		DistributionChannels: b.channels,
		Categories: &apiCategories{
			Team:         p.Department,
			Department:   p.Department,
			Commitment:   p.EmploymentType,
			AllLocations: p.Locations,
		},
		Tags:          append(append([]string{}, keep...), ownTags(m)...),
		Content:       &apiWriteBody{DescriptionHTML: c.Description, Lists: c.Lists, ClosingPostingHTML: c.Closing},
		WorkplaceType: workplaceTypes[strings.ToLower(strings.TrimSpace(p.Workplace))],
	}
	if len(p.Locations) > 0 {
		w.Categories.Location = p.Locations[0]
	}
	if p.Pay != nil {
		interval, ok := salaryIntervals[strings.ToLower(p.Pay.Interval)]
		if !ok {
			return apiWrite{}, ats.Marker{}, fmt.Errorf("pay interval %q has no Lever equivalent", p.Pay.Interval)
		}
		if p.Pay.Currency == "" || p.Pay.Max < p.Pay.Min {
			return apiWrite{}, ats.Marker{}, fmt.Errorf("pay range %d–%d %q is incomplete", p.Pay.Min, p.Pay.Max, p.Pay.Currency)
		}
		w.SalaryRange = &apiSalary{Min: p.Pay.Min, Max: p.Pay.Max, Currency: strings.ToUpper(p.Pay.Currency), Interval: interval}
	}
	return w, m, nil
}
