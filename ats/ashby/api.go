package ashby

import (
	"strings"

	"github.com/jobsync/jobsync/ats/atshttp"
)

// The Ashby API's JSON, as far as jobsync reads and writes it. Every answer
// is an envelope: {"success": true, "results": …} (with paging fields on a
// list), or {"success": false, "errorInfo": {code, message, requestId}},
// often with HTTP status 200.

// envelope is every answer. Results holds the call's result type.
type envelope[T any] struct {
	Success           bool       `json:"success"`
	Results           T          `json:"results"`
	MoreDataAvailable bool       `json:"moreDataAvailable"`
	NextCursor        string     `json:"nextCursor"`
	ErrorInfo         *errorInfo `json:"errorInfo"`
	Errors            []string   `json:"errors"` // deprecated: the codes alone
}

type errorInfo struct {
	Code      string `json:"code"`
	Message   string `json:"message"`
	RequestID string `json:"requestId"`
}

// ErrorInBody makes an answer with "success": false an *atshttp.Error
// keeping Ashby's code, message and request id; a code ending in
// _not_found matches ats.ErrNotFound.
func (v *envelope[T]) ErrorInBody(e *atshttp.Error) bool {
	if v.Success {
		return false
	}
	fillError(e, v.ErrorInfo, v.Errors)
	return true
}

func fillError(e *atshttp.Error, info *errorInfo, codes []string) {
	switch {
	case info != nil:
		e.Code, e.Message, e.RequestID = info.Code, info.Message, info.RequestID
	case len(codes) > 0:
		e.Code = strings.Join(codes, ", ")
	default:
		e.Message = `the answer says "success": false and gives no reason`
	}
	e.NotFound = strings.HasSuffix(e.Code, "_not_found")
}

// apiFieldValue is a custom field's value on a job posting.
type apiFieldValue struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	Value any    `json:"value"`
}

// apiLocationIDs are a posting's locations.
type apiLocationIDs struct {
	PrimaryLocationID    string   `json:"primaryLocationId"`
	SecondaryLocationIDs []string `json:"secondaryLocationIds"`
}

// apiListItem is a posting as jobPosting.list shows it: no description.
type apiListItem struct {
	ID                 string          `json:"id"`
	Title              string          `json:"title"`
	JobID              string          `json:"jobId"`
	DepartmentName     string          `json:"departmentName"`
	TeamName           string          `json:"teamName"`
	LocationName       string          `json:"locationName"`
	Status             string          `json:"status"` // Draft or Published
	ExternalLink       *string         `json:"externalLink"`
	LocationIDs        apiLocationIDs  `json:"locationIds"`
	CustomFields       []apiFieldValue `json:"customFields"`       // expand customFields
	SecondaryLocations []apiLocation   `json:"secondaryLocations"` // expand locationDetail
}

// apiDescriptionPart is one HTML part of a description.
type apiDescriptionPart struct {
	HTML string `json:"html"`
}

// apiDescriptionParts are the brand's opening and closing around the
// posting's own body, the only part the API writes.
type apiDescriptionParts struct {
	DescriptionBody apiDescriptionPart `json:"descriptionBody"`
}

// apiComponent is one part of a compensation tier.
type apiComponent struct {
	CompensationType string   `json:"compensationType"`
	Interval         string   `json:"interval"`
	CurrencyCode     *string  `json:"currencyCode"`
	MinValue         *float64 `json:"minValue"`
	MaxValue         *float64 `json:"maxValue"`
}

// apiTier is a compensation range of a job.
type apiTier struct {
	Title                 *string        `json:"title"`
	AdditionalInformation *string        `json:"additionalInformation"`
	Components            []apiComponent `json:"components"`
}

// apiCompensation is a posting's pay: its job's tiers.
type apiCompensation struct {
	CompensationTiers []apiTier `json:"compensationTiers"`
}

// apiPosting is a posting as jobPosting.info, .create, .update and
// .setStatus show it.
type apiPosting struct {
	ID               string              `json:"id"`
	Title            string              `json:"title"`
	DescriptionParts apiDescriptionParts `json:"descriptionParts"`
	DepartmentName   string              `json:"departmentName"`
	TeamName         string              `json:"teamName"`
	JobID            string              `json:"jobId"`
	LocationName     string              `json:"locationName"`
	LocationIDs      apiLocationIDs      `json:"locationIds"`
	WorkplaceType    *string             `json:"workplaceType"`
	Status           string              `json:"status"`
	ExternalLink     *string             `json:"externalLink"`
	Compensation     apiCompensation     `json:"compensation"`
	CustomFields     []apiFieldValue     `json:"customFields"`
}

// apiJob is a job, the requisition a posting belongs to.
type apiJob struct {
	ID            string   `json:"id"`
	Title         string   `json:"title"`
	Status        string   `json:"status"` // Draft, Open, Closed, Archived
	JobPostingIDs []string `json:"jobPostingIds"`
}

// apiLocation is an organisation's location (location.list).
type apiLocation struct {
	ID         string `json:"id"`
	Name       string `json:"name"`
	IsArchived bool   `json:"isArchived"`
}

// apiDepartment is a department or team (department.list).
type apiDepartment struct {
	ID         string `json:"id"`
	Name       string `json:"name"`
	IsArchived bool   `json:"isArchived"`
}

// apiFieldDef is a custom field definition (customField.list).
type apiFieldDef struct {
	ID         string `json:"id"`
	Title      string `json:"title"`
	ObjectType string `json:"objectType"`
	IsArchived bool   `json:"isArchived"`
}

// Request bodies.

type postingListRequest struct {
	IncludeUnpublishedJobPostings bool     `json:"includeUnpublishedJobPostings"`
	Expand                        []string `json:"expand"`
	Cursor                        string   `json:"cursor,omitempty"`
}

type postingInfoRequest struct {
	JobPostingID                  string `json:"jobPostingId"`
	IncludeUnpublishedJobPostings bool   `json:"includeUnpublishedJobPostings"`
}

type jobListRequest struct {
	Status                           []string `json:"status"`
	IncludeUnpublishedJobPostingsIDs bool     `json:"includeUnpublishedJobPostingsIds"`
	Limit                            int      `json:"limit"`
	Cursor                           string   `json:"cursor,omitempty"`
}

type jobInfoRequest struct {
	ID                               string `json:"id"`
	IncludeUnpublishedJobPostingsIDs bool   `json:"includeUnpublishedJobPostingsIds"`
}

type listRequest struct {
	Limit  int    `json:"limit"`
	Cursor string `json:"cursor,omitempty"`
}

type jobCreateRequest struct {
	Title                  string `json:"title"`
	TeamID                 string `json:"teamId"`
	LocationID             string `json:"locationId"`
	DefaultInterviewPlanID string `json:"defaultInterviewPlanId,omitempty"`
	JobTemplateID          string `json:"jobTemplateId,omitempty"`
}

type jobUpdateRequest struct {
	JobID  string `json:"jobId"`
	TeamID string `json:"teamId"`
}

type jobSetStatusRequest struct {
	JobID  string `json:"jobId"`
	Status string `json:"status"`
}

type jobCompensationRequest struct {
	JobID             string    `json:"jobId"`
	CompensationTiers []apiTier `json:"compensationTiers"`
}

// apiDescription is the HTML a write sends.
type apiDescription struct {
	Type    string `json:"type"` // text/html
	Content string `json:"content"`
}

type postingCreateRequest struct {
	JobID         string         `json:"jobId"`
	Title         string         `json:"title"`
	Description   apiDescription `json:"description"`
	WorkplaceType *string        `json:"workplaceType,omitempty"`
}

type postingUpdateRequest struct {
	JobPostingID                  string          `json:"jobPostingId"`
	Title                         *string         `json:"title,omitempty"`
	Description                   *apiDescription `json:"description,omitempty"`
	WorkplaceType                 *string         `json:"workplaceType,omitempty"`
	LocationID                    *string         `json:"locationId,omitempty"`
	SecondaryLocationIDs          *[]string       `json:"secondaryLocationIds,omitempty"`
	IncludeUnpublishedJobPostings bool            `json:"includeUnpublishedJobPostings"`
}

type postingSetStatusRequest struct {
	JobPostingID string `json:"jobPostingId"`
	Status       string `json:"status"`
}

type setFieldRequest struct {
	JobPostingID string `json:"jobPostingId"`
	FieldID      string `json:"fieldId"`
	Value        string `json:"value"`
}
