package smartrecruiterssim

import "time"

// Job is a job as GET /jobs/{id} answers it (the Job API's JobDetails): the
// simulator keeps its state in this shape, so what a test inspects is what
// the API serves.
type Job struct {
	ID               string        `json:"id"`
	Title            string        `json:"title"`
	RefNumber        string        `json:"refNumber,omitempty"`
	CreatedOn        time.Time     `json:"createdOn"`
	UpdatedOn        time.Time     `json:"updatedOn"`
	LastActivityOn   time.Time     `json:"lastActivityOn"`
	Department       *Labeled      `json:"department,omitempty"`
	Location         Location      `json:"location"`
	Status           string        `json:"status"`        // CREATED, SOURCING, INTERVIEW, OFFER, FILLED, CANCELLED, ON_HOLD
	PostingStatus    string        `json:"postingStatus"` // PUBLIC, INTERNAL, PRIVATE, NOT_PUBLISHED
	Industry         *Labeled      `json:"industry,omitempty"`
	Function         *Labeled      `json:"function,omitempty"`
	TypeOfEmployment *Labeled      `json:"typeOfEmployment,omitempty"`
	ExperienceLevel  *Labeled      `json:"experienceLevel,omitempty"`
	Compensation     *Compensation `json:"compensation,omitempty"`
	JobAd            JobAd         `json:"jobAd"`
	Properties       []Property    `json:"properties"`
	Creator          Creator       `json:"creator"`
}

// Summary is a job as GET /jobs lists it: no job ad, no properties.
type Summary struct {
	ID             string    `json:"id"`
	Title          string    `json:"title"`
	RefNumber      string    `json:"refNumber,omitempty"`
	CreatedOn      time.Time `json:"createdOn"`
	UpdatedOn      time.Time `json:"updatedOn"`
	LastActivityOn time.Time `json:"lastActivityOn"`
	Department     *Labeled  `json:"department,omitempty"`
	Location       Location  `json:"location"`
	Status         string    `json:"status"`
	PostingStatus  string    `json:"postingStatus"`
}

// Page is one page of GET /jobs.
type Page struct {
	Limit      int       `json:"limit"`
	TotalFound int       `json:"totalFound"`
	NextPageID string    `json:"nextPageId,omitempty"`
	Content    []Summary `json:"content"`
}

// Labeled is a reference to a configured value: {"id": "engineering",
// "label": "Engineering"}. Writes send the id alone.
type Labeled struct {
	ID    string `json:"id"`
	Label string `json:"label,omitempty"`
}

// Location is a job's location. countryCode is two lower-case letters,
// regionCode upper case.
type Location struct {
	Country     string `json:"country,omitempty"`
	CountryCode string `json:"countryCode"`
	RegionCode  string `json:"regionCode,omitempty"`
	Region      string `json:"region,omitempty"`
	City        string `json:"city"`
	Address     string `json:"address,omitempty"`
	Remote      bool   `json:"remote,omitempty"`
}

// Compensation is a job's pay range.
type Compensation struct {
	Min      *float64 `json:"min,omitempty"`
	Max      *float64 `json:"max,omitempty"`
	Currency string   `json:"currency,omitempty"`
}

// JobAd is a job's default ad.
type JobAd struct {
	Sections Sections `json:"sections"`
}

// Sections are the four sections of a job ad; a missing one is nil.
type Sections struct {
	CompanyDescription    *Section `json:"companyDescription,omitempty"`
	JobDescription        *Section `json:"jobDescription,omitempty"`
	Qualifications        *Section `json:"qualifications,omitempty"`
	AdditionalInformation *Section `json:"additionalInformation,omitempty"`
}

// Section is one section of a job ad: a title and HTML text.
type Section struct {
	Title string `json:"title,omitempty"`
	Text  string `json:"text,omitempty"`
}

// Property is a job's value of a job property (a custom job field). A
// free-text property's value has a label only; a drop-down's has an id.
type Property struct {
	ID    string        `json:"id"`
	Label string        `json:"label,omitempty"`
	Value PropertyValue `json:"value"`
}

// PropertyValue is a job property's value.
type PropertyValue struct {
	ID    string `json:"id,omitempty"`
	Label string `json:"label,omitempty"`
}

// PropertyDefinition is a job property as the company configured it
// (GET /configuration/job-properties/{id}).
type PropertyDefinition struct {
	ID       string `json:"id"`
	Label    string `json:"label"`
	Category string `json:"category"` // TEXT for free text, LIST for a drop-down
	Active   bool   `json:"active"`
	Visible  bool   `json:"visible"`
	Required bool   `json:"required"`
}

// PropertyDefinitions is the list GET /configuration/job-properties answers.
type PropertyDefinitions struct {
	TotalFound int                  `json:"totalFound"`
	Content    []PropertyDefinition `json:"content"`
}

// Creator is the user who created a job.
type Creator struct {
	FirstName string `json:"firstName"`
	LastName  string `json:"lastName"`
}

// jobInput is the body of POST /jobs (the API's JobInput). Unknown fields
// are refused (the simulator is strict where the real API is not known to
// be lenient).
type jobInput struct {
	Title            string          `json:"title"`
	RefNumber        string          `json:"refNumber"`
	TargetHiringDate *time.Time      `json:"targetHiringDate"`
	Department       *Labeled        `json:"department"`
	Location         *Location       `json:"location"`
	Industry         *Labeled        `json:"industry"`
	Function         *Labeled        `json:"function"`
	TypeOfEmployment *Labeled        `json:"typeOfEmployment"`
	ExperienceLevel  *Labeled        `json:"experienceLevel"`
	EEOCategory      *Labeled        `json:"eeoCategory"`
	Template         bool            `json:"template"`
	Compensation     *Compensation   `json:"compensation"`
	JobAd            *JobAd          `json:"jobAd"`
	Properties       []propertyInput `json:"properties"`
}

// propertyInput is one property value in a write.
type propertyInput struct {
	ID    string        `json:"id"`
	Value PropertyValue `json:"value"`
}

// publication is the optional body of POST /jobs/{id}/publication.
type publication struct {
	Visibility  string `json:"visibility"`
	Aggregators *bool  `json:"aggregators"`
}

// statusUpdate is the body of PUT /jobs/{id}/status, and its answer.
type statusUpdate struct {
	Status string `json:"status"`
}

// apiError is SmartRecruiters' error body: a message and a list of errors,
// each with a code.
type apiError struct {
	Message string        `json:"message"`
	Errors  []errorDetail `json:"errors,omitempty"`
}

type errorDetail struct {
	Code    string `json:"code"`
	Message string `json:"message,omitempty"`
}
