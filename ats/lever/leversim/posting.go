package leversim

import "slices"

// Posting is a posting as the simulator holds it and answers it, in Lever's
// read shape (DOC § Postings; field set as recorded from a real sandbox).
type Posting struct {
	ID                    string       `json:"id"`
	Text                  string       `json:"text"`
	State                 string       `json:"state"`
	DistributionChannels  []string     `json:"distributionChannels"`
	User                  string       `json:"user"`
	Owner                 string       `json:"owner"`
	HiringManager         *string      `json:"hiringManager"`
	Categories            Categories   `json:"categories"`
	Tags                  []string     `json:"tags"`
	Content               Content      `json:"content"`
	Country               *string      `json:"country"`
	Followers             []string     `json:"followers"`
	ReqCode               *string      `json:"reqCode"`
	RequisitionCodes      []string     `json:"requisitionCodes"`
	URLs                  *URLs        `json:"urls"`
	Confidentiality       string       `json:"confidentiality"`
	CreatedAt             int64        `json:"createdAt"`
	UpdatedAt             int64        `json:"updatedAt"`
	WorkplaceType         string       `json:"workplaceType"`
	SalaryRange           *SalaryRange `json:"salaryRange,omitempty"`
	SalaryDescription     string       `json:"salaryDescription,omitempty"`
	SalaryDescriptionHTML string       `json:"salaryDescriptionHtml,omitempty"`
}

// Categories are a posting's categories; level is deprecated and always null.
type Categories struct {
	Team         *string  `json:"team"`
	Department   *string  `json:"department"`
	Location     *string  `json:"location"`
	Commitment   *string  `json:"commitment"`
	Level        *string  `json:"level"`
	AllLocations []string `json:"allLocations"`
}

// Content is a posting's body in Lever's read shape: HTML plus the plain
// text Lever derives from it.
type Content struct {
	Description     string `json:"description"`
	DescriptionHTML string `json:"descriptionHtml"`
	Lists           []List `json:"lists"`
	Closing         string `json:"closing"`
	ClosingHTML     string `json:"closingHtml"`
}

// List is one of a posting's lists.
type List struct {
	Text    string `json:"text"`
	Content string `json:"content"`
}

// URLs are a posting's job-site addresses.
type URLs struct {
	List  string `json:"list"`
	Show  string `json:"show"`
	Apply string `json:"apply"`
}

// SalaryRange is a posting's pay range.
type SalaryRange struct {
	Min      float64 `json:"min"`
	Max      float64 `json:"max"`
	Currency string  `json:"currency"`
	Interval string  `json:"interval"`
}

// clone deep-copies p, so callers never share the store's slices.
func (p Posting) clone() Posting {
	p.DistributionChannels = slices.Clone(p.DistributionChannels)
	p.Tags = slices.Clone(p.Tags)
	p.Followers = slices.Clone(p.Followers)
	p.RequisitionCodes = slices.Clone(p.RequisitionCodes)
	p.Categories.AllLocations = slices.Clone(p.Categories.AllLocations)
	p.Content.Lists = slices.Clone(p.Content.Lists)
	if p.URLs != nil {
		u := *p.URLs
		p.URLs = &u
	}
	if p.SalaryRange != nil {
		s := *p.SalaryRange
		p.SalaryRange = &s
	}
	return p
}

func strp(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
