// Package posting is jobsync's domain: a job family as a handbook page
// describes it, the openings a company advertises, and the postings composed
// from the two. It is pure: no I/O, no logging, no clock.
package posting

// Family is one handbook page parsed: a job family with its base posting,
// its levels and its specialties. Text fields hold markdown; list fields hold
// one markdown item each.
type Family struct {
	Key         string         `json:"key"`         // slug of Title: "product-manager"
	Title       string         `json:"title"`       // front matter title, else the first heading
	Description string         `json:"description"` // front matter description
	Source      string         `json:"source"`      // the file path or URL it was read from
	BaseURL     string         `json:"base_url,omitempty"`
	FrontMatter map[string]any `json:"front_matter,omitempty"`

	Role                 string   `json:"role"`                  // the role / intro section
	Responsibilities     []string `json:"responsibilities"`      // family-wide responsibilities
	ResponsibilitiesText string   `json:"responsibilities_text"` // prose of that section, beside its lists
	BaseRequirements     []string `json:"base_requirements"`
	PerformanceIndicator string   `json:"performance_indicator,omitempty"`

	Levels      []Level     `json:"levels"`
	Specialties []Specialty `json:"specialties"`
	Warnings    []Warning   `json:"warnings"`
}

// Level is one rung of a family's ladder: a section of a page that states
// a job grade (GitLab), or a level a page names by its code ("IC4", "L3",
// "Level 2"), a table column, a YAML framework level or a page of its own.
type Level struct {
	Key              string   `json:"key"`            // slug of Title
	Heading          string   `json:"heading"`        // the heading as written: "Intermediate Product Manager"
	Title            string   `json:"title"`          // the title the grade sentence names: "Product Manager"
	Grade            Grade    `json:"grade"`          // 0 when the page states none
	Code             string   `json:"code,omitempty"` // the level's code as written: "IC4", "L3", "P2", "Level 2"
	Description      string   `json:"description"`    // the level's prose
	Requirements     []string `json:"requirements"`
	Responsibilities []string `json:"responsibilities"`
	// Expectations are what the level expects, one item per topic ("**Security**:
	// …"): a table column or row group, or a framework's criteria.
	Expectations []string `json:"expectations,omitempty"`
	Line         int      `json:"line"`             // line of the level's heading in the page
	Source       string   `json:"source,omitempty"` // the level's own page, when a folder's pages make one family
}

// Specialty is a section under a page's Specialties heading.
type Specialty struct {
	Key              string   `json:"key"` // slug of Name
	Name             string   `json:"name"`
	Description      string   `json:"description"`
	Requirements     []string `json:"requirements"`
	Responsibilities []string `json:"responsibilities"`
	Line             int      `json:"line"`
}

// Grade is a job grade as the handbook states it: 7, 8, 9.5.
type Grade float64

// Warning is an oddity found in a page and repaired or skipped. Line is
// 1-based and counts from the top of the file, front matter included.
type Warning struct {
	Line    int    `json:"line"`
	Message string `json:"message"`
	File    string `json:"file,omitempty"` // the page, when it is not the family's Source
}
