package smartrecruiters

// The Job API's JSON, as far as jobsync reads and writes it.

// apiPage is one page of GET /jobs.
type apiPage struct {
	Limit      int          `json:"limit"`
	NextPageID string       `json:"nextPageId"`
	Content    []apiSummary `json:"content"`
}

// apiSummary is a job as GET /jobs lists it.
type apiSummary struct {
	ID            string `json:"id"`
	Title         string `json:"title"`
	Status        string `json:"status"`
	PostingStatus string `json:"postingStatus"`
}

// apiJob is a job as GET /jobs/{id}, POST /jobs and PATCH /jobs/{id}
// answer it.
type apiJob struct {
	ID              string           `json:"id"`
	Title           string           `json:"title"`
	Department      *apiRef          `json:"department"`
	Location        apiLocation      `json:"location"`
	Status          string           `json:"status"`
	PostingStatus   string           `json:"postingStatus"`
	ExperienceLevel *apiRef          `json:"experienceLevel"`
	Compensation    *apiCompensation `json:"compensation"`
	JobAd           apiJobAd         `json:"jobAd"`
	Properties      []apiProperty    `json:"properties"`
}

// apiRef names a configured value: {"id": "engineering"}.
type apiRef struct {
	ID    string `json:"id"`
	Label string `json:"label,omitempty"`
}

// apiLocation is a job's location.
type apiLocation struct {
	Country     string `json:"country,omitempty"`
	CountryCode string `json:"countryCode"`
	RegionCode  string `json:"regionCode,omitempty"`
	Region      string `json:"region,omitempty"`
	City        string `json:"city"`
	Remote      bool   `json:"remote,omitempty"`
}

// apiCompensation is a job's pay range.
type apiCompensation struct {
	Min      float64 `json:"min"`
	Max      float64 `json:"max"`
	Currency string  `json:"currency"`
}

// apiJobAd is a job's default ad.
type apiJobAd struct {
	Sections apiSections `json:"sections"`
}

// apiSections are a job ad's sections. jobsync writes the last three and
// leaves the company description to people.
type apiSections struct {
	CompanyDescription    *apiSection `json:"companyDescription,omitempty"`
	JobDescription        *apiSection `json:"jobDescription,omitempty"`
	Qualifications        *apiSection `json:"qualifications,omitempty"`
	AdditionalInformation *apiSection `json:"additionalInformation,omitempty"`
}

// apiSection is a section's title and HTML text.
type apiSection struct {
	Title string `json:"title"`
	Text  string `json:"text"`
}

// apiProperty is a job's value of a job property (a custom job field).
type apiProperty struct {
	ID    string           `json:"id"`
	Label string           `json:"label,omitempty"`
	Value apiPropertyValue `json:"value"`
}

// apiPropertyValue is a property's value: a free-text one has a label.
type apiPropertyValue struct {
	ID    string `json:"id,omitempty"`
	Label string `json:"label,omitempty"`
}

// apiJobInput is the body of POST /jobs.
type apiJobInput struct {
	Title            string           `json:"title"`
	Function         apiRef           `json:"function"`
	Industry         apiRef           `json:"industry"`
	ExperienceLevel  apiRef           `json:"experienceLevel"`
	TypeOfEmployment *apiRef          `json:"typeOfEmployment,omitempty"`
	Location         apiLocation      `json:"location"`
	Compensation     *apiCompensation `json:"compensation,omitempty"`
	JobAd            apiJobAd         `json:"jobAd"`
	Properties       []apiPropertyIn  `json:"properties"`
}

// apiPropertyIn is one property value in a write.
type apiPropertyIn struct {
	ID    string           `json:"id"`
	Value apiPropertyValue `json:"value"`
}

// apiPatchOp is one JSON Patch operation (see patch.go).
type apiPatchOp struct {
	Op    string `json:"op"`
	Path  string `json:"path"`
	Value any    `json:"value"`
}

// apiPublication is the body of POST /jobs/{id}/publication.
type apiPublication struct {
	Visibility string `json:"visibility"`
}

// apiStatus is the body of PUT /jobs/{id}/status.
type apiStatus struct {
	Status string `json:"status"`
}

// apiPropertyDefinition is a job property as the company configured it.
type apiPropertyDefinition struct {
	ID     string `json:"id"`
	Label  string `json:"label"`
	Active bool   `json:"active"`
}

// apiPropertyDefinitions is GET /configuration/job-properties.
type apiPropertyDefinitions struct {
	Content []apiPropertyDefinition `json:"content"`
}

// apiErrorBody is SmartRecruiters' error body.
type apiErrorBody struct {
	Message string `json:"message"`
	Errors  []struct {
		Code    string `json:"code"`
		Message string `json:"message"`
	} `json:"errors"`
}
