package teamtailor

import "encoding/json"

// Teamtailor's JSON:API documents, as far as jobsync reads and writes them.

// apiJobsPage is one page of GET /v1/jobs, with the departments and
// locations its jobs point to included.
type apiJobsPage struct {
	Data     []apiJob      `json:"data"`
	Included []apiIncluded `json:"included"`
	Links    apiLinks      `json:"links"`
}

// apiJobDocument is the answer of GET /v1/jobs/{id}, POST /v1/jobs and
// PATCH /v1/jobs/{id}.
type apiJobDocument struct {
	Data     apiJob        `json:"data"`
	Included []apiIncluded `json:"included"`
}

// apiLinks are a list's paging links; next is absent on the last page.
type apiLinks struct {
	Next string `json:"next"`
}

// apiJob is a job resource object.
type apiJob struct {
	ID            string                     `json:"id"`
	Type          string                     `json:"type"`
	Attributes    apiJobAttributes           `json:"attributes"`
	Relationships map[string]apiRelationship `json:"relationships"`
	Links         map[string]string          `json:"links"`
}

// apiJobAttributes are the attributes jobsync reads. Tags is nil when the
// answer has no tags at all: the API shows them to an Admin key only.
type apiJobAttributes struct {
	Title       string    `json:"title"`
	Body        string    `json:"body"`
	Status      string    `json:"status"`
	HumanStatus string    `json:"human-status"`
	Internal    bool      `json:"internal"`
	Tags        *[]string `json:"tags"`
}

// apiRelationship is a relationship as an answer has it: its data
// (linkage) only when it was included, one ref or a list of them.
type apiRelationship struct {
	Data json.RawMessage `json:"data"`
}

// apiRef is a resource identifier, {"type", "id"}.
type apiRef struct {
	Type string `json:"type"`
	ID   string `json:"id"`
}

// apiIncluded is an included department or location.
type apiIncluded struct {
	ID         string `json:"id"`
	Type       string `json:"type"`
	Attributes struct {
		Name string `json:"name"`
		City string `json:"city"`
	} `json:"attributes"`
}

// apiListPage is one page of GET /v1/departments or /v1/locations.
type apiListPage struct {
	Data  []apiIncluded `json:"data"`
	Links apiLinks      `json:"links"`
}

// apiWrite is the body of POST /v1/jobs and PATCH /v1/jobs/{id}: one
// resource object with only what jobsync sets.
type apiWrite struct {
	Data apiWriteData `json:"data"`
}

type apiWriteData struct {
	Type          string                   `json:"type"`
	ID            string                   `json:"id,omitempty"`
	Attributes    apiWriteAttributes       `json:"attributes"`
	Relationships map[string]apiLinkageOut `json:"relationships,omitempty"`
}

// apiWriteAttributes are the attributes jobsync writes; a close sends the
// status alone.
type apiWriteAttributes struct {
	Title  string   `json:"title,omitempty"`
	Body   string   `json:"body,omitempty"`
	Status string   `json:"status,omitempty"`
	Tags   []string `json:"tags,omitempty"`
}

// apiLinkageOut is a relationship in a write: one ref, or a list of them.
type apiLinkageOut struct {
	Data any `json:"data"`
}

// apiErrors is a JSON:API error document.
type apiErrors struct {
	Errors []apiError `json:"errors"`
}

// apiError is one error object, as JSONAPI::Resources writes it.
type apiError struct {
	Title  string `json:"title"`
	Detail string `json:"detail"`
	Code   string `json:"code"`
	Status string `json:"status"`
	Source struct {
		Pointer string `json:"pointer"`
	} `json:"source"`
}
