package posting

// Opening is a role a company advertises: which family, level and specialty,
// where, and for how much. Level and Specialty take a title, name or key, or
// "*" for every one.
type Opening struct {
	Family         string   `json:"family"`
	Level          string   `json:"level"`
	Specialty      string   `json:"specialty,omitempty"`
	Locations      []string `json:"locations,omitempty"`
	Department     string   `json:"department,omitempty"`
	EmploymentType string   `json:"employment_type,omitempty"` // "Full-time", "Contract", …
	Workplace      string   `json:"workplace,omitempty"`       // "remote", "hybrid", "onsite"
	Pay            *Pay     `json:"pay,omitempty"`
	Boards         []string `json:"boards,omitempty"` // board names; empty means every board

	// ApplyURL or ApplyEmail is where to apply; when both are empty the
	// company's (ComposeOptions) are used.
	ApplyURL   string `json:"apply_url,omitempty"`
	ApplyEmail string `json:"apply_email,omitempty"`
	// ValidThrough is the last day the posting is open (YYYY-MM-DD), or empty.
	ValidThrough string `json:"valid_through,omitempty"`
	// PerLocation, when set, says whether the opening is published as one
	// posting per location; nil leaves it to each board's default
	// (ComposeOptions.PerLocationBoards).
	PerLocation *bool `json:"one_posting_per_location,omitempty"`
}

// Pay is a pay range for an opening.
type Pay struct {
	Min      int64  `json:"min"`
	Max      int64  `json:"max"`
	Currency string `json:"currency"`           // ISO 4217: "USD"
	Interval string `json:"interval,omitempty"` // "year" (default), "month", "hour"
}

// Posting is one job advertisement, composed from a family and an opening,
// ready to publish. Key identifies it on every board; Hash changes whenever
// anything that is published changes.
type Posting struct {
	Key string `json:"key"` // "product-manager/senior-product-manager/verify-ci"
	// Requisition is the key of the opening's posting without its location:
	// the same for every posting of an opening published once per location
	// ("product-manager/senior-product-manager/verify-ci" for the key
	// "product-manager/senior-product-manager/verify-ci/denver-co"), and
	// equal to Key otherwise.
	Requisition string `json:"requisition"`
	Title       string `json:"title"`
	Family      string `json:"family"` // family key
	// FamilyTitle is the family\'s name for people: "Product Manager".
	FamilyTitle string `json:"family_title,omitempty"`
	Level       string `json:"level"`               // level key
	Specialty   string `json:"specialty,omitempty"` // specialty key
	Grade       Grade  `json:"grade"`

	Locations      []string `json:"locations,omitempty"`
	Department     string   `json:"department,omitempty"`
	EmploymentType string   `json:"employment_type,omitempty"`
	Workplace      string   `json:"workplace,omitempty"`
	Pay            *Pay     `json:"pay,omitempty"`
	Boards         []string `json:"boards,omitempty"`
	// Owner is the config that publishes the posting (its owner id): it is
	// written in the posting's marker on every board, and is not part of
	// the hash, since it is not published. Set by the sync (ats.Start).
	Owner string `json:"owner,omitempty"`

	Company      string `json:"company,omitempty"`
	CompanyURL   string `json:"company_url,omitempty"`
	ApplyURL     string `json:"apply_url,omitempty"`
	ApplyEmail   string `json:"apply_email,omitempty"`
	ValidThrough string `json:"valid_through,omitempty"` // YYYY-MM-DD

	// Sections is the body in order, for boards with structured content
	// (Lever's lists); Markdown and HTML are the same body rendered whole.
	Sections []Section `json:"sections"`
	Markdown string    `json:"markdown"`
	HTML     string    `json:"html"`

	SourceURL string `json:"source_url,omitempty"`
	Hash      string `json:"hash"`

	// Opening is the index of the opening the posting was composed for
	// (the first, when several give it), so that problems can name its
	// config line; -1 in the preview.
	Opening int `json:"-"`

	composedHTML string // HTML as Compose made it: see HTMLComposed
}

// HTMLComposed reports whether p's HTML is the one Compose made, which it
// sanitised piece by piece, so that a publisher need not sanitise it
// again (bluemonday was a sixth of a local full sync's CPU). A posting made
// or changed otherwise, or read back from JSON, reports false. The check
// is cheap: strings that share their bytes compare equal at once.
func (p *Posting) HTMLComposed() bool { return p.HTML != "" && p.HTML == p.composedHTML }

// Section is one part of a posting's body: a heading, prose, and list items,
// all markdown.
type Section struct {
	Kind    SectionKind `json:"kind"`
	Heading string      `json:"heading"`
	Text    string      `json:"text,omitempty"`
	Items   []string    `json:"items,omitempty"`
}

// SectionKind says what a section holds, so that boards with structured
// fields can place it.
type SectionKind string

// The section kinds, in the order a posting shows them.
const (
	SectionAbout            SectionKind = "about"
	SectionSpecialty        SectionKind = "specialty"
	SectionResponsibilities SectionKind = "responsibilities"
	SectionRequirements     SectionKind = "requirements"
	SectionLevel            SectionKind = "level"
	SectionDetails          SectionKind = "details" // grade, location, pay
)
