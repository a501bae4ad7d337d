package lever

// Wire types of Lever API v1 for postings: only what jobsync reads or sends.
// Decoding is lenient: Lever may add fields (DOC § Introduction), so unknown
// fields are ignored, and nullable fields are pointers or tolerate null.

// apiPosting is a posting as Lever returns it (GET /postings, GET
// /postings/:id, and the data of a write's reply).
type apiPosting struct {
	ID                   string        `json:"id"`
	Text                 string        `json:"text"`
	State                string        `json:"state"`
	DistributionChannels []string      `json:"distributionChannels"`
	User                 string        `json:"user"`
	Owner                string        `json:"owner"`
	Categories           apiCategories `json:"categories"`
	Tags                 []string      `json:"tags"`
	Content              apiContent    `json:"content"`
	WorkplaceType        string        `json:"workplaceType"`
	SalaryRange          *apiSalary    `json:"salaryRange"`
	URLs                 *apiURLs      `json:"urls"`
	Confidentiality      string        `json:"confidentiality"`
	CreatedAt            int64         `json:"createdAt"`
	UpdatedAt            int64         `json:"updatedAt"`
}

// apiCategories are a posting's categories. level is deprecated and never
// sent; team and department may be null.
type apiCategories struct {
	Team         string   `json:"team,omitempty"`
	Department   string   `json:"department,omitempty"`
	Location     string   `json:"location,omitempty"`
	Commitment   string   `json:"commitment,omitempty"`
	AllLocations []string `json:"allLocations,omitempty"`
}

// apiContent is the read shape of a posting's content: HTML and the plain
// text Lever derives from it.
type apiContent struct {
	Description     string    `json:"description"`
	DescriptionHTML string    `json:"descriptionHtml"`
	Lists           []apiList `json:"lists"`
	Closing         string    `json:"closing"`
	ClosingHTML     string    `json:"closingHtml"`
}

// apiList is one of a posting's lists: a heading and <li> items as HTML.
type apiList struct {
	Text    string `json:"text"`
	Content string `json:"content"`
}

// apiSalary is a salary range; Lever wants all four fields or none.
type apiSalary struct {
	Min      int64  `json:"min"`
	Max      int64  `json:"max"`
	Currency string `json:"currency"`
	Interval string `json:"interval"`
}

// apiURLs are a posting's job-site addresses (null in write replies).
type apiURLs struct {
	List  string `json:"list"`
	Show  string `json:"show"`
	Apply string `json:"apply"`
}

// apiWrite is the body of POST /postings and POST /postings/:id. Content uses
// the write names (closingPostingHtml, not closingHtml). Fields left empty are
// omitted, which on an update leaves them as they are.
type apiWrite struct {
	Text                 string         `json:"text,omitempty"`
	State                string         `json:"state,omitempty"`
	DistributionChannels []string       `json:"distributionChannels,omitempty"`
	Categories           *apiCategories `json:"categories,omitempty"`
	Tags                 []string       `json:"tags,omitempty"`
	Content              *apiWriteBody  `json:"content,omitempty"`
	WorkplaceType        string         `json:"workplaceType,omitempty"`
	SalaryRange          *apiSalary     `json:"salaryRange,omitempty"`
}

// apiWriteBody is a posting's content as Lever takes it on a write.
type apiWriteBody struct {
	DescriptionHTML    string    `json:"descriptionHtml"`
	Lists              []apiList `json:"lists"`
	ClosingPostingHTML string    `json:"closingPostingHtml"`
}

// apiOne is the envelope of a single object.
type apiOne struct {
	Data apiPosting `json:"data"`
}

// apiPage is the envelope of a list: next is absent when hasNext is false.
type apiPage struct {
	Data    []apiPosting `json:"data"`
	HasNext bool         `json:"hasNext"`
	Next    string       `json:"next"`
}

// apiErrorBody is Lever's error body: {"code": "...", "message": "..."}.
type apiErrorBody struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

// Posting states (DOC § Postings).
const (
	statePublished = "published"
	stateClosed    = "closed"
)
