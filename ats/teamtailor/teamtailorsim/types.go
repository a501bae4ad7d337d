package teamtailorsim

import "encoding/json"

// The state is kept in Teamtailor's own JSON:API shapes, so that what a test
// inspects is what the API serves.

// Job is a job as the simulator holds it: its attributes as the API shows
// them and its relationships by id.
type Job struct {
	ID           string        `json:"id"`
	Attributes   JobAttributes `json:"attributes"`
	UserID       string        `json:"user,omitempty"`
	DepartmentID string        `json:"department,omitempty"`
	RoleID       string        `json:"role,omitempty"`
	LocationIDs  []string      `json:"locations"`
	// Human says a person made the job in Teamtailor's app; jobsync must
	// never change it.
	Human bool `json:"human"`
	// Edits counts the writes made to the job through the API.
	Edits int `json:"edits"`
}

// JobAttributes are a job's attributes (the Job Object of the API docs).
// Tags need an Admin key: the simulator leaves them out for other keys.
type JobAttributes struct {
	Title                  string   `json:"title"`
	Pitch                  string   `json:"pitch"`
	Body                   string   `json:"body"`
	Status                 string   `json:"status"`
	HumanStatus            string   `json:"human-status"`
	Internal               bool     `json:"internal"`
	Pinned                 bool     `json:"pinned"`
	Tags                   []string `json:"tags"`
	RemoteStatus           string   `json:"remote-status"`
	StartDate              *string  `json:"start-date"`
	EndDate                *string  `json:"end-date"`
	ApplyButtonText        *string  `json:"apply-button-text"`
	ExternalApplicationURL *string  `json:"external-application-url"`
	Picture                any      `json:"picture"`
	NameRequirement        string   `json:"name-requirement"`
	ResumeRequirement      string   `json:"resume-requirement"`
	CoverLetterRequirement string   `json:"cover-letter-requirement"`
	PhoneRequirement       string   `json:"phone-requirement"`
	CreatedAt              string   `json:"created-at"`
	Mailbox                string   `json:"mailbox"`
}

// Department is an account's department.
type Department struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// Location is an account's location (the Location Object of the API docs).
type Location struct {
	ID           string `json:"id"`
	Name         string `json:"name"`
	City         string `json:"city"`
	Country      string `json:"country"`
	Address      string `json:"address"`
	Zip          string `json:"zip"`
	Headquarters bool   `json:"headquarters"`
}

// Job statuses a write may set (docs: open, draft, archived, unlisted,
// temp) and the remote statuses.
var (
	jobStatuses    = []string{"open", "draft", "archived", "unlisted", "temp"}
	remoteStatuses = []string{"none", "temporary", "hybrid", "fully"}
	requirements   = []string{"off", "optional", "required"}
	// listStatuses are filter[status]'s values: human statuses, and all.
	listStatuses = []string{"published", "unlisted", "archived", "draft", "scheduled", "all"}
	feeds        = []string{"public", "internal"}
)

// resource is a JSON:API resource object as the API serves it.
type resource struct {
	ID            string                  `json:"id"`
	Type          string                  `json:"type"`
	Links         map[string]string       `json:"links,omitempty"`
	Attributes    map[string]any          `json:"attributes"`
	Relationships map[string]relationship `json:"relationships,omitempty"`
}

// relationship has links, and data (linkage) when it was included.
type relationship struct {
	Links map[string]string `json:"links"`
	Data  any               `json:"data,omitempty"`
}

// ref is a resource identifier: {"type", "id"}.
type ref struct {
	Type string `json:"type"`
	ID   string `json:"id"`
}

// document is a top-level JSON:API document the API serves.
type document struct {
	Data     any               `json:"data"`
	Included []resource        `json:"included,omitempty"`
	Meta     map[string]int    `json:"meta,omitempty"`
	Links    map[string]string `json:"links,omitempty"`
}

// writeDocument is the body of a POST or PATCH: one resource object with
// attributes and relationships still raw, to be checked one by one.
type writeDocument struct {
	Data *struct {
		Type          string                     `json:"type"`
		ID            json.RawMessage            `json:"id"`
		Attributes    map[string]json.RawMessage `json:"attributes"`
		Relationships map[string]struct {
			Data json.RawMessage `json:"data"`
		} `json:"relationships"`
	} `json:"data"`
}

// apiError is one JSON:API error object, as JSONAPI::Resources writes it.
type apiError struct {
	Title  string            `json:"title"`
	Detail string            `json:"detail"`
	Code   string            `json:"code,omitempty"`
	Status string            `json:"status"`
	Source map[string]string `json:"source,omitempty"`
}
