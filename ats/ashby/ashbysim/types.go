package ashbysim

// The service's JSON shapes, as the Ashby API answers them (see
// ats/ashby/doc.go for the sources of each field). The server keeps its
// state in these types, so what a test inspects is what the API serves.

// Location is an Ashby location (location.list).
type Location struct {
	ID            string `json:"id"`
	Name          string `json:"name"`
	ExternalName  string `json:"externalName"`
	IsArchived    bool   `json:"isArchived"`
	IsRemote      bool   `json:"isRemote"`
	WorkplaceType string `json:"workplaceType"`
	Type          string `json:"type"`
}

// Department is an Ashby department or team (department.list).
type Department struct {
	ID           string  `json:"id"`
	Name         string  `json:"name"`
	ExternalName string  `json:"externalName"`
	IsArchived   bool    `json:"isArchived"`
	ParentID     *string `json:"parentId"`
	CreatedAt    string  `json:"createdAt"`
	UpdatedAt    string  `json:"updatedAt"`
}

// FieldValue is a custom field's value on a job or a job posting.
type FieldValue struct {
	ID        string `json:"id"`
	IsPrivate bool   `json:"isPrivate"`
	Title     string `json:"title"`
	Value     any    `json:"value"`
}

// FieldDef is a custom field definition (customField.list).
type FieldDef struct {
	ID         string `json:"id"`
	IsPrivate  bool   `json:"isPrivate"`
	Title      string `json:"title"`
	ObjectType string `json:"objectType"`
	IsArchived bool   `json:"isArchived"`
	FieldType  string `json:"fieldType"`
	IsRequired bool   `json:"isRequired"`
}

// Component is one part of a compensation tier.
type Component struct {
	CompensationType string   `json:"compensationType"`
	Interval         string   `json:"interval"`
	CurrencyCode     *string  `json:"currencyCode"`
	Label            *string  `json:"label,omitempty"`
	MinValue         *float64 `json:"minValue"`
	MaxValue         *float64 `json:"maxValue"`
	Summary          string   `json:"summary,omitempty"`
}

// Tier is a compensation range a job offers.
type Tier struct {
	ID                    string      `json:"id,omitempty"`
	Title                 *string     `json:"title"`
	AdditionalInformation *string     `json:"additionalInformation"`
	Components            []Component `json:"components"`
	TierSummary           string      `json:"tierSummary,omitempty"`
}

// Job is an Ashby job, the requisition a posting belongs to.
type Job struct {
	ID                     string       `json:"id"`
	Title                  string       `json:"title"`
	Confidential           bool         `json:"confidential"`
	Status                 string       `json:"status"` // Draft, Open, Closed, Archived
	EmploymentType         string       `json:"employmentType"`
	LocationID             string       `json:"locationId"`
	DepartmentID           string       `json:"departmentId"`
	DefaultInterviewPlanID *string      `json:"defaultInterviewPlanId"`
	InterviewPlanIDs       []string     `json:"interviewPlanIds"`
	CustomFields           []FieldValue `json:"customFields"`
	JobPostingIDs          []string     `json:"jobPostingIds"`
	CustomRequisitionID    *string      `json:"customRequisitionId"`
	BrandID                string       `json:"brandId"`
	HiringTeam             []any        `json:"hiringTeam"`
	CreatedAt              string       `json:"createdAt"`
	UpdatedAt              string       `json:"updatedAt"`
	OpenedAt               *string      `json:"openedAt"`
	ClosedAt               *string      `json:"closedAt"`

	tiers []Tier // job.updateCompensation; shown on the job's postings
	human bool   // made by a person in the app
}

// Posting is the stored state of a job posting; the API shows it as a
// PostingInfo or a ListItem.
type Posting struct {
	ID                   string
	JobID                string
	Title                string
	Status               string // Draft or Published
	IsListed             bool
	BodyHTML             string // descriptionParts.descriptionBody.html: what a write set
	SuppressOpening      bool
	SuppressClosing      bool
	WorkplaceType        *string // OnSite, Hybrid, Remote
	LocationID           string  // primary; the job's until a write sets one
	SecondaryLocationIDs []string
	CustomFields         map[string]any // field id → value
	PublishedDate        *string
	UpdatedAt            string
	Human                bool // made by a person in the app
}

// DescriptionPart is an HTML part of a posting's description.
type DescriptionPart struct {
	HTML  string `json:"html"`
	Plain string `json:"plain"`
}

// DescriptionParts is a posting's description split into the brand's
// opening and closing and the posting's own body.
type DescriptionParts struct {
	DescriptionOpening *DescriptionPart `json:"descriptionOpening"`
	DescriptionBody    DescriptionPart  `json:"descriptionBody"`
	DescriptionClosing *DescriptionPart `json:"descriptionClosing"`
}

// LocationIDs are a posting's locations.
type LocationIDs struct {
	PrimaryLocationID    string   `json:"primaryLocationId"`
	SecondaryLocationIDs []string `json:"secondaryLocationIds"`
}

// Compensation is a posting's pay, as jobPosting.info shows it.
type Compensation struct {
	CompensationTierSummary             *string     `json:"compensationTierSummary"`
	SummaryComponents                   []Component `json:"summaryComponents"`
	CompensationTiers                   []Tier      `json:"compensationTiers"`
	ShouldDisplayCompensationOnJobBoard bool        `json:"shouldDisplayCompensationOnJobBoard"`
}

// ListItem is a posting as jobPosting.list shows it: no description.
type ListItem struct {
	ID                                  string        `json:"id"`
	Title                               string        `json:"title"`
	JobID                               string        `json:"jobId"`
	DepartmentName                      string        `json:"departmentName"`
	TeamName                            string        `json:"teamName"`
	LocationName                        string        `json:"locationName"`
	LocationExternalName                string        `json:"locationExternalName"`
	WorkplaceType                       *string       `json:"workplaceType"`
	EmploymentType                      string        `json:"employmentType"`
	IsListed                            bool          `json:"isListed"`
	Status                              string        `json:"status"`
	PublishedDate                       *string       `json:"publishedDate"`
	ApplicationDeadline                 *string       `json:"applicationDeadline"`
	ExternalLink                        *string       `json:"externalLink"`
	ApplyLink                           string        `json:"applyLink"`
	LocationIDs                         LocationIDs   `json:"locationIds"`
	CompensationTierSummary             *string       `json:"compensationTierSummary"`
	ShouldDisplayCompensationOnJobBoard bool          `json:"shouldDisplayCompensationOnJobBoard"`
	UpdatedAt                           string        `json:"updatedAt"`
	CustomFields                        *[]FieldValue `json:"customFields,omitempty"`       // expand customFields
	JobCustomFields                     *[]FieldValue `json:"jobCustomFields,omitempty"`    // expand jobCustomFields
	SecondaryLocations                  *[]Location   `json:"secondaryLocations,omitempty"` // expand locationDetail
}

// PostingInfo is a posting as jobPosting.info, .create, .update and
// .setStatus show it.
type PostingInfo struct {
	ID                         string           `json:"id"`
	Title                      string           `json:"title"`
	DescriptionPlain           string           `json:"descriptionPlain"`
	DescriptionHTML            string           `json:"descriptionHtml"`
	DescriptionSocial          string           `json:"descriptionSocial"`
	DescriptionParts           DescriptionParts `json:"descriptionParts"`
	DepartmentName             string           `json:"departmentName"`
	TeamName                   string           `json:"teamName"`
	TeamNameHierarchy          []string         `json:"teamNameHierarchy"`
	JobID                      string           `json:"jobId"`
	LocationName               string           `json:"locationName"`
	LocationIDs                LocationIDs      `json:"locationIds"`
	WorkplaceType              *string          `json:"workplaceType"`
	PublishedDate              *string          `json:"publishedDate"`
	ApplicationDeadline        *string          `json:"applicationDeadline"`
	IsRemote                   bool             `json:"isRemote"`
	EmploymentType             string           `json:"employmentType"`
	IsListed                   bool             `json:"isListed"`
	Status                     string           `json:"status"`
	SuppressDescriptionOpening bool             `json:"suppressDescriptionOpening"`
	SuppressDescriptionClosing bool             `json:"suppressDescriptionClosing"`
	ExternalLink               *string          `json:"externalLink"`
	ApplyLink                  string           `json:"applyLink"`
	Compensation               Compensation     `json:"compensation"`
	CustomFields               []FieldValue     `json:"customFields"`
	UpdatedAt                  string           `json:"updatedAt"`
}

// ErrorInfo is the error of an unsuccessful answer.
type ErrorInfo struct {
	Code      string `json:"code"`
	Message   string `json:"message"`
	RequestID string `json:"requestId"`
}

// envelope is every answer: success with results (and paging), or not with
// errorInfo (and the deprecated errors list).
type envelope struct {
	Success           bool       `json:"success"`
	Results           any        `json:"results,omitempty"`
	MoreDataAvailable *bool      `json:"moreDataAvailable,omitempty"`
	NextCursor        string     `json:"nextCursor,omitempty"`
	SyncToken         string     `json:"syncToken,omitempty"`
	Errors            []string   `json:"errors,omitempty"`
	ErrorInfo         *ErrorInfo `json:"errorInfo,omitempty"`
	Warnings          []string   `json:"warnings,omitempty"`
}
