package ashbysim

import (
	"slices"
	"strings"
)

// teamNames are a job's department name, team name and team hierarchy: a
// team under a department shows both; a department alone is both.
func (s *Server) teamNames(j *Job) (dept, team string, hierarchy []string) {
	d := s.department(j.DepartmentID)
	if d == nil {
		return "", "", []string{}
	}
	for cur := d; cur != nil; {
		hierarchy = append([]string{cur.Name}, hierarchy...)
		if cur.ParentID == nil {
			break
		}
		cur = s.department(*cur.ParentID)
	}
	return hierarchy[0], d.Name, hierarchy
}

// compensation is a posting's pay: its job's tiers.
func (s *Server) compensation(j *Job) Compensation {
	c := Compensation{SummaryComponents: []Component{}, CompensationTiers: []Tier{}, ShouldDisplayCompensationOnJobBoard: len(j.tiers) > 0}
	var parts []string
	for _, t := range j.tiers {
		c.CompensationTiers = append(c.CompensationTiers, t)
		c.SummaryComponents = append(c.SummaryComponents, t.Components...)
		parts = append(parts, t.TierSummary)
	}
	if len(parts) > 0 {
		sum := strings.Join(parts, " • ")
		c.CompensationTierSummary = &sum
	}
	return c
}

// fieldValues are the custom field values a posting holds, in the order of
// their definitions.
func (s *Server) fieldValues(p *Posting) []FieldValue {
	out := []FieldValue{}
	for _, f := range s.fields {
		if v, ok := p.CustomFields[f.ID]; ok && f.ObjectType == FieldObjectType {
			out = append(out, FieldValue{ID: f.ID, IsPrivate: f.IsPrivate, Title: f.Title, Value: v})
		}
	}
	return out
}

// links are a posting's public links: on the external board, apply there.
func links(p *Posting) (*string, string) {
	u := "https://jobs.ashbyhq.com/example/" + p.ID
	return &u, u + "/application"
}

// listItem is p as jobPosting.list shows it, with the expansions asked for.
func (s *Server) listItem(p *Posting, expand []string) ListItem {
	j := s.jobs[p.JobID]
	dept, team, _ := s.teamNames(j)
	ext, apply := links(p)
	it := ListItem{
		ID: p.ID, Title: p.Title, JobID: j.ID, DepartmentName: dept, TeamName: team,
		WorkplaceType: p.WorkplaceType, EmploymentType: j.EmploymentType, IsListed: p.IsListed, Status: p.Status,
		PublishedDate: p.PublishedDate, ExternalLink: ext, ApplyLink: apply,
		LocationIDs:             LocationIDs{PrimaryLocationID: p.LocationID, SecondaryLocationIDs: slices.Clone(p.SecondaryLocationIDs)},
		CompensationTierSummary: s.compensation(j).CompensationTierSummary, ShouldDisplayCompensationOnJobBoard: len(j.tiers) > 0,
		UpdatedAt: p.UpdatedAt,
	}
	if l := s.location(p.LocationID); l != nil {
		it.LocationName, it.LocationExternalName = l.Name, l.ExternalName
	}
	if slices.Contains(expand, "customFields") {
		v := s.fieldValues(p)
		it.CustomFields = &v
	}
	if slices.Contains(expand, "jobCustomFields") {
		v := append([]FieldValue{}, j.CustomFields...)
		it.JobCustomFields = &v
	}
	if slices.Contains(expand, "locationDetail") {
		secs := []Location{}
		for _, id := range p.SecondaryLocationIDs {
			if l := s.location(id); l != nil {
				secs = append(secs, *l)
			}
		}
		it.SecondaryLocations = &secs
	}
	return it
}

// info is p as jobPosting.info shows it: the whole description, with the
// brand's opening and closing around the posting's body unless suppressed.
func (s *Server) info(p *Posting) PostingInfo {
	j := s.jobs[p.JobID]
	dept, team, hier := s.teamNames(j)
	ext, apply := links(p)
	parts := DescriptionParts{DescriptionBody: DescriptionPart{HTML: p.BodyHTML, Plain: plain(p.BodyHTML)}}
	whole := p.BodyHTML
	if !p.SuppressOpening {
		parts.DescriptionOpening = &DescriptionPart{HTML: brandOpening, Plain: plain(brandOpening)}
		whole = brandOpening + whole
	}
	if !p.SuppressClosing {
		parts.DescriptionClosing = &DescriptionPart{HTML: brandClosing, Plain: plain(brandClosing)}
		whole += brandClosing
	}
	social := plain(p.BodyHTML)
	if r := []rune(social); len(r) > 200 {
		social = string(r[:200])
	}
	in := PostingInfo{
		ID: p.ID, Title: p.Title, DescriptionPlain: plain(whole), DescriptionHTML: whole, DescriptionSocial: social,
		DescriptionParts: parts, DepartmentName: dept, TeamName: team, TeamNameHierarchy: hier, JobID: j.ID,
		LocationIDs:   LocationIDs{PrimaryLocationID: p.LocationID, SecondaryLocationIDs: slices.Clone(p.SecondaryLocationIDs)},
		WorkplaceType: p.WorkplaceType, PublishedDate: p.PublishedDate, IsRemote: p.WorkplaceType != nil && *p.WorkplaceType == "Remote",
		EmploymentType: j.EmploymentType, IsListed: p.IsListed, Status: p.Status,
		SuppressDescriptionOpening: p.SuppressOpening, SuppressDescriptionClosing: p.SuppressClosing,
		ExternalLink: ext, ApplyLink: apply, Compensation: s.compensation(j), CustomFields: s.fieldValues(p), UpdatedAt: p.UpdatedAt,
	}
	if l := s.location(p.LocationID); l != nil {
		in.LocationName = l.Name
	}
	return in
}
