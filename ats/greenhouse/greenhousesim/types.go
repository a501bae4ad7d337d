package greenhousesim

import "encoding/json"

// The resources the simulator holds, in the JSON shapes Harvest v3 returns
// them (see ats/greenhouse's doc for the sources of each field). The server
// keeps its state in these types, so what a test inspects is byte for byte
// what the API serves.

// Job is a Harvest v3 job.
type Job struct {
	ID            int64                       `json:"id"`
	Name          string                      `json:"name"`
	RequisitionID *string                     `json:"requisition_id"`
	Notes         *string                     `json:"notes"`
	Confidential  bool                        `json:"confidential"`
	Status        string                      `json:"status"` // open, draft, closed
	OpenedAt      *string                     `json:"opened_at"`
	ClosedAt      *string                     `json:"closed_at"`
	IsTemplate    *bool                       `json:"is_template"`
	CopiedFromID  *int64                      `json:"copied_from_id"`
	DepartmentID  *int64                      `json:"department_id"`
	OfficeIDs     []int64                     `json:"office_ids"`
	CustomFields  map[string]CustomFieldValue `json:"custom_fields"`
	CreatedAt     string                      `json:"created_at"`
	UpdatedAt     string                      `json:"updated_at"`
}

// CustomFieldValue is one custom field value as a job carries it, keyed by
// the field's name_key.
type CustomFieldValue struct {
	Name  string          `json:"name"`
	Type  string          `json:"type"`
	Value json.RawMessage `json:"value"`
}

// JobPost is a Harvest v3 job post: the public ad of a job on one board.
type JobPost struct {
	ID                       int64   `json:"id"`
	Title                    string  `json:"title"`
	Content                  string  `json:"content"`
	InternalContent          *string `json:"internal_content"`
	Internal                 bool    `json:"internal"`
	Active                   bool    `json:"active"`
	Live                     bool    `json:"live"`
	Featured                 bool    `json:"featured"`
	FirstPublishedAt         *string `json:"first_published_at"`
	Language                 string  `json:"language"`
	PublicURL                *string `json:"public_url"`
	DemographicQuestionSetID *int64  `json:"demographic_question_set_id"`
	JobID                    int64   `json:"job_id"`
	JobBoardID               *int64  `json:"job_board_id"`
	Questions                []any   `json:"questions"`
	CreatedAt                string  `json:"created_at"`
	UpdatedAt                string  `json:"updated_at"`
}

// JobPostLocation is one location row of a job post.
type JobPostLocation struct {
	ID                int64   `json:"id"`
	JobPostID         int64   `json:"job_post_id"`
	Type              string  `json:"type"` // free_text, office, custom_list
	PlainTextLocation *string `json:"plain_text_location"`
	OfficeID          *int64  `json:"office_id"`
	CustomLocationID  *int64  `json:"custom_location_id"`
	CreatedAt         string  `json:"created_at"`
	UpdatedAt         string  `json:"updated_at"`
}

// Opening is one opening (head count) of a job.
type Opening struct {
	ID            int64          `json:"id"`
	JobID         int64          `json:"job_id"`
	OpeningID     *string        `json:"opening_id"`
	Open          bool           `json:"open"`
	OpenedAt      *string        `json:"opened_at"`
	ClosedAt      *string        `json:"closed_at"`
	CloseReasonID *int64         `json:"close_reason_id"`
	ApplicationID *int64         `json:"application_id"`
	TargetStartOn *string        `json:"target_start_on"`
	SortOrder     int            `json:"sort_order"`
	CustomFields  map[string]any `json:"custom_fields"`
	CreatedAt     string         `json:"created_at"`
	UpdatedAt     string         `json:"updated_at"`
}

// CustomField is a custom field definition.
type CustomField struct {
	ID                  int64    `json:"id"`
	Name                string   `json:"name"`
	NameKey             string   `json:"name_key"`
	FieldType           string   `json:"field_type"`
	ValueType           string   `json:"value_type"`
	Private             bool     `json:"private"`
	Required            bool     `json:"required"`
	Active              bool     `json:"active"`
	APIOnly             bool     `json:"api_only"`
	Description         *string  `json:"description"`
	ExposeInJobBoardAPI bool     `json:"expose_in_job_board_api"`
	DefaultValue        *string  `json:"default_value"`
	SortOrder           int      `json:"sort_order"`
	TriggerNewVersion   bool     `json:"trigger_new_version"`
	RequireApproval     bool     `json:"require_approval"`
	CreatedAt           string   `json:"created_at"`
	UpdatedAt           string   `json:"updated_at"`
	options             []string // select options, by name (not served here)
}

// apiError is Greenhouse's error body.
type apiError struct {
	Message string       `json:"message,omitempty"`
	Errors  []fieldError `json:"errors,omitempty"`
}

type fieldError struct {
	Message string `json:"message"`
	Field   string `json:"field,omitempty"`
}
