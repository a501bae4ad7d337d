package site

import (
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"
)

// Problem is one way a JobPosting falls short of Google's guidelines (as
// ../shared/feeds.md records them). Required problems make a posting
// ineligible; the others lose a recommended property.
type Problem struct {
	Property string
	Required bool
	Message  string
}

func (p Problem) String() string {
	kind := "recommended"
	if p.Required {
		kind = "required"
	}
	return fmt.Sprintf("%s (%s): %s", p.Property, kind, p.Message)
}

// The values schema.org and Google take.
var (
	employmentTypeValues = []string{"FULL_TIME", "PART_TIME", "CONTRACTOR", "TEMPORARY", "INTERN", "VOLUNTEER", "PER_DIEM", "OTHER"}
	unitTextValues       = []string{"HOUR", "DAY", "WEEK", "MONTH", "YEAR"}
	currencyRE           = regexp.MustCompile(`^[A-Z]{3}$`)
	paragraphRE          = regexp.MustCompile(`(?i)<(p|br|ul|li)\b|\n`)
)

// Check checks the JSON-LD of one page against the rules: the required
// properties and their shapes, the remote rules (TELECOMMUTE needs
// applicantLocationRequirements, and the description must say remote),
// the description's HTML, and the recommended properties. now (when not
// zero) flags a validThrough already past, which the content policy
// counts against a site.
func Check(data []byte, now time.Time) []Problem {
	var jp struct {
		Context                       string          `json:"@context"`
		Type                          string          `json:"@type"`
		Title                         string          `json:"title"`
		Description                   string          `json:"description"`
		DatePosted                    string          `json:"datePosted"`
		ValidThrough                  string          `json:"validThrough"`
		EmploymentType                json.RawMessage `json:"employmentType"`
		HiringOrganization            *Organization   `json:"hiringOrganization"`
		JobLocation                   json.RawMessage `json:"jobLocation"`
		JobLocationType               string          `json:"jobLocationType"`
		ApplicantLocationRequirements json.RawMessage `json:"applicantLocationRequirements"`
		BaseSalary                    *Salary         `json:"baseSalary"`
		Identifier                    *Identifier     `json:"identifier"`
		DirectApply                   *bool           `json:"directApply"`
	}
	var out []Problem
	req := func(prop, format string, args ...any) {
		out = append(out, Problem{Property: prop, Required: true, Message: fmt.Sprintf(format, args...)})
	}
	rec := func(prop, format string, args ...any) {
		out = append(out, Problem{Property: prop, Message: fmt.Sprintf(format, args...)})
	}
	if err := json.Unmarshal(data, &jp); err != nil {
		req("JSON-LD", "does not parse: %v", err)
		return out
	}
	if !strings.HasPrefix(strings.TrimPrefix(jp.Context, "http://"), "schema.org") && !strings.HasPrefix(jp.Context, "https://schema.org") {
		req("@context", "%q: want https://schema.org/", jp.Context)
	}
	if jp.Type != "JobPosting" {
		req("@type", "%q: want JobPosting", jp.Type)
	}
	if strings.TrimSpace(jp.Title) == "" {
		req("title", "missing")
	}
	desc := strings.TrimSpace(jp.Description)
	switch {
	case desc == "":
		req("description", "missing")
	case desc == strings.TrimSpace(jp.Title):
		req("description", "equals the title; want the full description")
	case !paragraphRE.MatchString(desc):
		req("description", "has no paragraph breaks (<p>, <br> or a new line)")
	}
	posted, err := parseDate(jp.DatePosted)
	if err != nil {
		req("datePosted", "%q: want an ISO 8601 date", jp.DatePosted)
	}
	if jp.HiringOrganization == nil || strings.TrimSpace(jp.HiringOrganization.Name) == "" {
		req("hiringOrganization", "missing: the company's name (set company.name)")
	}
	places := decodeList[Place](jp.JobLocation)
	areas := decodeList[Area](jp.ApplicantLocationRequirements)
	telecommute := jp.JobLocationType == "TELECOMMUTE"
	if jp.JobLocationType != "" && !telecommute {
		req("jobLocationType", "%q: the only value is TELECOMMUTE", jp.JobLocationType)
	}
	for _, p := range places {
		if p.Address.Country == "" {
			req("jobLocation", "a place without addressCountry: name its country or state in the location")
		}
	}
	switch {
	case len(places) == 0 && !telecommute:
		req("jobLocation", "missing: an on-site or hybrid posting needs a place (\"City, ST\" or \"City, Country\")")
	case telecommute && len(areas) == 0:
		req("applicantLocationRequirements", "missing: a remote posting must say where applicants may be (\"Remote, US\")")
	}
	if telecommute && !strings.Contains(strings.ToLower(desc), "remote") {
		req("description", "a TELECOMMUTE posting's description must say it is remote")
	}
	if jp.ValidThrough == "" {
		rec("validThrough", "missing: set valid_through on the opening")
	} else if vt, err := parseDate(jp.ValidThrough); err != nil {
		req("validThrough", "%q: want an ISO 8601 date", jp.ValidThrough)
	} else if !posted.IsZero() && vt.Before(posted) {
		req("validThrough", "%s is before datePosted %s", jp.ValidThrough, jp.DatePosted)
	} else if !now.IsZero() && vt.Before(now) {
		req("validThrough", "%s has passed: close the posting or move the day", jp.ValidThrough)
	}
	if types := decodeList[string](jp.EmploymentType); len(types) == 0 {
		rec("employmentType", "missing: set employment_type on the opening")
	} else {
		for _, t := range types {
			if !slices.Contains(employmentTypeValues, t) {
				req("employmentType", "%q: want one of %s", t, strings.Join(employmentTypeValues, ", "))
			}
		}
	}
	if s := jp.BaseSalary; s == nil {
		rec("baseSalary", "missing: set pay on the opening")
	} else {
		v := s.Value
		switch {
		case !currencyRE.MatchString(s.Currency):
			req("baseSalary", "currency %q: want an ISO 4217 code", s.Currency)
		case !slices.Contains(unitTextValues, v.UnitText):
			req("baseSalary", "unitText %q: want one of %s", v.UnitText, strings.Join(unitTextValues, ", "))
		case v.Value == nil && (v.MinValue == nil || v.MaxValue == nil):
			req("baseSalary", "want a value, or a minValue and a maxValue")
		case v.MinValue != nil && v.MaxValue != nil && *v.MinValue > *v.MaxValue:
			req("baseSalary", "minValue %d is more than maxValue %d", *v.MinValue, *v.MaxValue)
		}
	}
	if jp.Identifier == nil || jp.Identifier.Value == "" {
		rec("identifier", "missing")
	}
	if jp.DirectApply == nil {
		rec("directApply", "missing")
	}
	return out
}

// decodeList reads one value or a list of them; nil when absent or bad.
func decodeList[T any](raw json.RawMessage) []T {
	if len(raw) == 0 || string(raw) == "null" {
		return nil
	}
	var list []T
	if json.Unmarshal(raw, &list) == nil {
		return list
	}
	var one T
	if json.Unmarshal(raw, &one) == nil {
		return []T{one}
	}
	return nil
}

// parseDate reads an ISO 8601 date or date-time.
func parseDate(s string) (time.Time, error) {
	for _, layout := range []string{time.DateOnly, time.RFC3339, "2006-01-02T15:04:05", "2006-01-02T15:04"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("not an ISO 8601 date: %q", s)
}

// Required reports whether any problem makes the posting ineligible.
func Required(ps []Problem) bool {
	return slices.ContainsFunc(ps, func(p Problem) bool { return p.Required })
}
