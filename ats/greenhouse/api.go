package greenhouse

import (
	"encoding/json"
	"fmt"
)

// This file holds every Harvest v3 route and wire body the adapter uses, so
// that a correction to the API's shapes touches one place. doc.go says how
// well each is sourced.

// Routes, relative to the base URL (https://harvest.greenhouse.io/v3).
const (
	routeJobs          = "/jobs"               // GET list (ids=, all pages), POST create from a template
	routeJobPosts      = "/job_posts"          // GET list (ids=, job_ids=)
	routeLocations     = "/job_post_locations" // GET list (job_post_ids=), POST add
	routeOpenings      = "/openings"           // GET list (job_ids=, open=)
	routeCustomFields  = "/custom_fields"      // GET list (field_type=job), POST create
	defaultBaseURL     = "https://harvest.greenhouse.io/v3"
	defaultTokenURL    = "https://auth.greenhouse.io/token"
	realAPIHost        = "harvest.greenhouse.io"
	maxIDsPerFilter    = 50  // ids= and parent-id filters take at most 50 ids
	perPage            = 500 // the largest page Harvest v3 serves
	statusLive         = "live"
	statusDraft        = "draft"
	locationFreeText   = "free_text"
	locationOffice     = "office"
	fieldTypeJob       = "job"
	valueTypeLongText  = "long_text"
	valueTypeShortText = "short_text"
)

func jobRoute(id int64) string      { return fmt.Sprintf("/jobs/%d", id) }
func postRoute(id int64) string     { return fmt.Sprintf("/job_posts/%d", id) }
func locationRoute(id int64) string { return fmt.Sprintf("/job_post_locations/%d", id) }
func openingRoute(id int64) string  { return fmt.Sprintf("/openings/%d", id) }

// job is a Harvest v3 job, the fields the adapter reads.
type job struct {
	ID           int64                      `json:"id"`
	Name         string                     `json:"name"`
	Status       string                     `json:"status"` // open, draft, closed
	IsTemplate   *bool                      `json:"is_template"`
	CopiedFromID *int64                     `json:"copied_from_id"`
	CustomFields map[string]json.RawMessage `json:"custom_fields"` // name_key → {"name","type","value"}
}

// jobPost is a Harvest v3 job post.
type jobPost struct {
	ID        int64   `json:"id"`
	Title     string  `json:"title"`
	Content   string  `json:"content"`
	Internal  bool    `json:"internal"`
	Active    bool    `json:"active"`
	Live      bool    `json:"live"`
	JobID     int64   `json:"job_id"`
	PublicURL *string `json:"public_url"`
}

// jobPostLocation is one location row of a job post.
type jobPostLocation struct {
	ID                int64   `json:"id"`
	JobPostID         int64   `json:"job_post_id"`
	Type              string  `json:"type"` // free_text, office, custom_list
	PlainTextLocation *string `json:"plain_text_location"`
	OfficeID          *int64  `json:"office_id"`
	CustomLocationID  *int64  `json:"custom_location_id"`
}

// opening is one opening of a job.
type opening struct {
	ID    int64 `json:"id"`
	JobID int64 `json:"job_id"`
	Open  bool  `json:"open"`
}

// customField is a custom field definition.
type customField struct {
	ID        int64  `json:"id"`
	Name      string `json:"name"`
	NameKey   string `json:"name_key"`
	FieldType string `json:"field_type"`
	ValueType string `json:"value_type"`
	Active    bool   `json:"active"`
}

// createJobRequest is POST /jobs: a job copied from a template job, with the
// template's posts titled JobPostName.
type createJobRequest struct {
	TemplateJobID    int64  `json:"template_job_id"`
	NumberOfOpenings int    `json:"number_of_openings"`
	JobName          string `json:"job_name"`
	JobPostName      string `json:"job_post_name"`
}

// patchJobRequest is PATCH /jobs/{id}. custom_fields replaces the job's
// whole list of values.
type patchJobRequest struct {
	Name         *string            `json:"name,omitempty"`
	CustomFields []customFieldWrite `json:"custom_fields"`
}

// customFieldWrite is one custom field value in a write.
type customFieldWrite struct {
	NameKey string          `json:"name_key"`
	Value   json.RawMessage `json:"value"`
}

// patchPostRequest is PATCH /job_posts/{id}; job_application_status
// publishes ("live") or unpublishes ("draft").
type patchPostRequest struct {
	Title                *string `json:"title,omitempty"`
	Content              *string `json:"content,omitempty"`
	JobApplicationStatus string  `json:"job_application_status,omitempty"`
}

// createLocationRequest is POST /job_post_locations, a free-text row.
type createLocationRequest struct {
	JobPostID         int64  `json:"job_post_id"`
	Type              string `json:"type"`
	PlainTextLocation string `json:"plain_text_location"`
}

// patchOpeningRequest is PATCH /openings/{id}: open or close it.
type patchOpeningRequest struct {
	Open bool `json:"open"`
}

// createFieldRequest is POST /custom_fields.
type createFieldRequest struct {
	Name        string `json:"name"`
	FieldType   string `json:"field_type"`
	ValueType   string `json:"value_type"`
	Private     bool   `json:"private"`
	Description string `json:"description"`
}

// tokenResponse is the token endpoint's answer. Greenhouse sends expires_at
// (RFC 3339); expires_in (seconds) is read too, should it appear.
type tokenResponse struct {
	TokenType   string          `json:"token_type"`
	AccessToken string          `json:"access_token"`
	ExpiresAt   string          `json:"expires_at"`
	ExpiresIn   json.RawMessage `json:"expires_in"`
}

// errorBody is an error answer: Harvest's {"message", "errors": [...]}
// (each error an object {"message", "field"} or a string), or the token
// endpoint's OAuth {"error", "error_description"}.
type errorBody struct {
	Message          string            `json:"message"`
	Errors           []json.RawMessage `json:"errors"`
	Error            string            `json:"error"`
	ErrorDescription string            `json:"error_description"`
}
