package site

import (
	"bytes"
	"encoding/json"
	"strings"
	"time"

	"github.com/jobsync/jobsync/posting"
	"github.com/jobsync/jobsync/posting/location"
)

// JobPosting is the schema.org JobPosting of a page, as JSON-LD.
type JobPosting struct {
	Context                       string        `json:"@context"`
	Type                          string        `json:"@type"`
	Title                         string        `json:"title"`
	Description                   string        `json:"description"`
	DatePosted                    string        `json:"datePosted"`
	ValidThrough                  string        `json:"validThrough,omitempty"`
	EmploymentType                string        `json:"employmentType,omitempty"`
	HiringOrganization            *Organization `json:"hiringOrganization,omitempty"`
	JobLocation                   []Place       `json:"jobLocation,omitempty"`
	JobLocationType               string        `json:"jobLocationType,omitempty"`
	ApplicantLocationRequirements []Area        `json:"applicantLocationRequirements,omitempty"`
	BaseSalary                    *Salary       `json:"baseSalary,omitempty"`
	Identifier                    *Identifier   `json:"identifier,omitempty"`
	DirectApply                   *bool         `json:"directApply,omitempty"`
	URL                           string        `json:"url,omitempty"`
}

// Organization is the hiring company.
type Organization struct {
	Type   string `json:"@type"`
	Name   string `json:"name"`
	SameAs string `json:"sameAs,omitempty"`
}

// Place is a physical place of work.
type Place struct {
	Type    string  `json:"@type"`
	Address Address `json:"address"`
}

// Address is a Place's PostalAddress.
type Address struct {
	Type     string `json:"@type"`
	Locality string `json:"addressLocality,omitempty"`
	Region   string `json:"addressRegion,omitempty"`
	Country  string `json:"addressCountry,omitempty"`
}

// Area is where a remote posting's applicants may be: a Country or an
// AdministrativeArea (a state or province).
type Area struct {
	Type string `json:"@type"`
	Name string `json:"name"`
}

// Salary is a MonetaryAmount.
type Salary struct {
	Type     string `json:"@type"`
	Currency string `json:"currency"`
	Value    Amount `json:"value"`
}

// Amount is a QuantitativeValue: one value, or a range.
type Amount struct {
	Type     string `json:"@type"`
	Value    *int64 `json:"value,omitempty"`
	MinValue *int64 `json:"minValue,omitempty"`
	MaxValue *int64 `json:"maxValue,omitempty"`
	UnitText string `json:"unitText"`
}

// Identifier is a PropertyValue: the company and the posting's requisition.
type Identifier struct {
	Type  string `json:"@type"`
	Name  string `json:"name"`
	Value string `json:"value"`
}

// employmentTypes maps the employment types configs write to schema.org's.
var employmentTypes = map[string]string{
	"full-time": "FULL_TIME", "full time": "FULL_TIME", "fulltime": "FULL_TIME", "permanent": "FULL_TIME",
	"part-time": "PART_TIME", "part time": "PART_TIME", "parttime": "PART_TIME",
	"contract": "CONTRACTOR", "contractor": "CONTRACTOR", "freelance": "CONTRACTOR",
	"temporary": "TEMPORARY", "temp": "TEMPORARY", "fixed-term": "TEMPORARY",
	"intern": "INTERN", "internship": "INTERN", "volunteer": "VOLUNTEER",
	"per diem": "PER_DIEM", "per-diem": "PER_DIEM",
}

// unitTexts maps a pay interval to schema.org's unitText.
var unitTexts = map[string]string{"": "YEAR", "year": "YEAR", "month": "MONTH", "week": "WEEK", "day": "DAY", "hour": "HOUR"}

// remoteOnly reports whether the job is fully remote: its workplace says so,
// or every location does. Google's TELECOMMUTE is for those only.
func (j Job) remoteOnly() bool {
	if j.Workplace == "remote" {
		return true
	}
	if j.Workplace != "" || len(j.Locations) == 0 {
		return false
	}
	for _, l := range j.Locations {
		if !location.Parse(l).Remote {
			return false
		}
	}
	return true
}

// Posting builds the job's JobPosting. It is built for open jobs only: a
// closed page carries none.
func (s Site) Posting(j Job) JobPosting {
	return s.posting(j, j.body())
}

// posting is Posting with the job's body already sanitised.
func (s Site) posting(j Job, body string) JobPosting {
	jp := JobPosting{
		Context:     "https://schema.org/",
		Type:        "JobPosting",
		Title:       j.Title,
		Description: description(j, body),
		DatePosted:  j.Posted.UTC().Format(time.DateOnly),
		URL:         s.PageURL(j),
	}
	if j.ValidThrough != "" {
		jp.ValidThrough = j.ValidThrough + "T23:59:59Z"
	}
	if t, ok := employmentTypes[strings.ToLower(strings.TrimSpace(j.EmploymentType))]; ok {
		jp.EmploymentType = t
	} else if j.EmploymentType != "" {
		jp.EmploymentType = "OTHER"
	}
	if s.Company != "" {
		jp.HiringOrganization = &Organization{Type: "Organization", Name: s.Company, SameAs: webURL(s.HomeURL)}
		jp.Identifier = &Identifier{Type: "PropertyValue", Name: s.Company, Value: j.requisition()}
	}
	remote := j.remoteOnly()
	if remote {
		jp.JobLocationType = "TELECOMMUTE"
	}
	for _, l := range j.Locations {
		p := location.Parse(l)
		switch {
		case remote || p.Remote && p.City == "":
			jp.ApplicantLocationRequirements = appendAreas(jp.ApplicantLocationRequirements, p)
		case p.Known() && !p.Anywhere && p.Area == "":
			jp.JobLocation = append(jp.JobLocation, Place{Type: "Place", Address: Address{
				Type: "PostalAddress", Locality: p.City, Region: p.Region, Country: p.Country,
			}})
		}
	}
	if pay := j.Pay; pay != nil {
		amount := Amount{Type: "QuantitativeValue", UnitText: unitTexts[pay.Interval]}
		if pay.Min == pay.Max {
			amount.Value = ptr(pay.Min)
		} else {
			amount.MinValue, amount.MaxValue = ptr(pay.Min), ptr(pay.Max)
		}
		jp.BaseSalary = &Salary{Type: "MonetaryAmount", Currency: pay.Currency, Value: amount}
	}
	// directApply: the application starts from this page's own link.
	direct := webURL(j.ApplyURL) != ""
	jp.DirectApply = &direct
	return jp
}

func ptr(n int64) *int64 { return &n }

func (j Job) requisition() string {
	if j.Requisition != "" {
		return j.Requisition
	}
	return j.Key
}

// appendAreas adds where a remote place's applicants may be: its state or
// province, else its country, else each country of its area.
func appendAreas(areas []Area, p location.Place) []Area {
	add := func(a Area) {
		for _, b := range areas {
			if a == b {
				return
			}
		}
		areas = append(areas, a)
	}
	switch {
	case p.Region != "":
		add(Area{Type: "AdministrativeArea", Name: location.RegionName(p.Country, p.Region)})
	case p.Country != "":
		add(Area{Type: "Country", Name: p.Country})
	default:
		for _, c := range p.Countries {
			add(Area{Type: "Country", Name: c})
		}
	}
	return areas
}

// description is the JobPosting's description: what the page shows, the
// remote sentence first for a remote job (Google wants the description to
// say so).
func description(j Job, body string) string {
	if r := j.remoteSentence(); r != "" {
		return "<p>" + htmlEscape(r) + "</p>\n" + body
	}
	return body
}

// remoteSentence says a fully remote job is remote and where applicants
// may be, or is "" for others.
func (j Job) remoteSentence() string {
	if !j.remoteOnly() {
		return ""
	}
	var where []string
	for _, l := range j.Locations {
		if p := location.Parse(l); !p.Anywhere {
			where = append(where, p.Describe())
		}
	}
	if len(where) == 0 {
		return "This position is fully remote."
	}
	return "This position is fully remote, open to applicants in " + joinAnd(where) + "."
}

func joinAnd(ss []string) string {
	switch len(ss) {
	case 0:
		return ""
	case 1:
		return ss[0]
	}
	return strings.Join(ss[:len(ss)-1], ", ") + " and " + ss[len(ss)-1]
}

// JSON encodes a JobPosting for a page's script element: <, > and & are
// escaped, so the script cannot be closed from inside. It is compact:
// indenting it, the whole description included, cost a tenth of a local
// full sync's CPU.
func (jp JobPosting) JSON() ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	if err := enc.Encode(jp); err != nil {
		return nil, err
	}
	return bytes.TrimRight(buf.Bytes(), "\n"), nil
}

// payText formats pay for people, or "".
func payText(p *posting.Pay) string {
	if p == nil {
		return ""
	}
	return p.String()
}

var htmlReplacer = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&#34;", "'", "&#39;")

func htmlEscape(s string) string { return htmlReplacer.Replace(s) }
