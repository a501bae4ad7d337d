package ashbysim

import (
	"encoding/json"
	"slices"
	"strings"
)

// The posting statuses.
const (
	statusDraft     = "Draft"
	statusPublished = "Published"
)

// workplaceTypes are the values a posting's workplaceType takes.
var workplaceTypes = []string{"OnSite", "Hybrid", "Remote"}

// readable returns posting id if a read or write may reach it: a draft
// only with includeUnpublishedJobPostings, never on a confidential job.
func (s *Server) readable(id string, unpublished bool) (*Posting, *apiError) {
	p, ok := s.postings[id]
	if !ok || s.jobs[p.JobID].Confidential || (p.Status != statusPublished && !unpublished) {
		return nil, notFound("job_posting", id)
	}
	return p, nil
}

// listed reports whether jobPosting.list shows p: published postings, and
// with unpublished the drafts of open jobs.
func (s *Server) listed(p *Posting, unpublished bool) bool {
	j := s.jobs[p.JobID]
	if j.Confidential {
		return false
	}
	return p.Status == statusPublished || (unpublished && j.Status == "Open")
}

type postingListRequest struct {
	Location                      string   `json:"location,omitempty"`
	Department                    string   `json:"department,omitempty"`
	ListedOnly                    bool     `json:"listedOnly,omitempty"`
	JobBoardID                    string   `json:"jobBoardId,omitempty"`
	IncludeUnpublishedJobPostings bool     `json:"includeUnpublishedJobPostings,omitempty"`
	Expand                        []string `json:"expand,omitempty"`
}

// pagedPostingListRequest is the body when jobPosting.list is paged.
type pagedPostingListRequest struct {
	postingListRequest
	pageArgs
}

var postingListExpands = []string{"customFields", "jobCustomFields", "locationDetail"}

func (s *Server) postingList(c *call) (any, *apiError) {
	var req postingListRequest
	var args pageArgs
	if s.o.PostingPageSize > 0 {
		var pr pagedPostingListRequest
		if err := c.decode(&pr); err != nil {
			return nil, err
		}
		req, args = pr.postingListRequest, pr.pageArgs
	} else if err := c.decode(&req); err != nil {
		return nil, err
	}
	for _, e := range req.Expand {
		if !slices.Contains(postingListExpands, e) {
			return nil, invalid("expand %q is not one of %s", e, strings.Join(postingListExpands, ", "))
		}
	}
	if req.JobBoardID != "" && req.JobBoardID != JobBoardID {
		return nil, notFound("job_board", req.JobBoardID)
	}
	var out []ListItem
	for _, id := range s.order {
		p := s.postings[id]
		if !s.listed(p, req.IncludeUnpublishedJobPostings) || (req.ListedOnly && !p.IsListed) {
			continue
		}
		item := s.listItem(p, req.Expand)
		if (req.Location != "" && item.LocationName != req.Location) || (req.Department != "" && item.DepartmentName != req.Department) {
			continue
		}
		out = append(out, item)
	}
	if s.o.PostingPageSize > 0 {
		return paged(s, c.name, out, args, s.o.PostingPageSize)
	}
	if out == nil {
		out = []ListItem{}
	}
	return out, nil
}

type postingInfoRequest struct {
	JobPostingID                  string   `json:"jobPostingId"`
	JobBoardID                    string   `json:"jobBoardId,omitempty"`
	Expand                        []string `json:"expand,omitempty"`
	IncludeUnpublishedJobPostings bool     `json:"includeUnpublishedJobPostings,omitempty"`
}

func (s *Server) postingInfo(c *call) (any, *apiError) {
	var req postingInfoRequest
	if err := c.decode(&req); err != nil {
		return nil, err
	}
	p, err := s.readable(req.JobPostingID, req.IncludeUnpublishedJobPostings)
	if err != nil {
		return nil, err
	}
	return s.info(p), nil
}

// description is the HTML block a write sends.
type description struct {
	Type    string `json:"type"`
	Content string `json:"content"`
}

func (d *description) check() *apiError {
	if d.Type != "text/html" {
		return invalid("description.type must be text/html")
	}
	return nil
}

type postingCreateRequest struct {
	JobID         string       `json:"jobId"`
	Title         *string      `json:"title,omitempty"`
	Description   *description `json:"description,omitempty"`
	WorkplaceType *string      `json:"workplaceType,omitempty"`
	Status        *string      `json:"status,omitempty"`
	IsListed      *bool        `json:"isListed,omitempty"`
}

// postingCreate makes a posting on a job's brand's external board: a draft
// unless status says Published, which must pass publication's checks.
func (s *Server) postingCreate(c *call) (any, *apiError) {
	var req postingCreateRequest
	if err := c.decode(&req); err != nil {
		return nil, err
	}
	j, err := s.visibleJob(req.JobID)
	if err != nil {
		return nil, err
	}
	if j.Status != "Draft" && j.Status != "Open" {
		return nil, &apiError{code: "job_not_open", msg: "A posting cannot be created on a " + j.Status + " job"}
	}
	p := &Posting{
		ID: s.uuid(), JobID: j.ID, Title: j.Title, Status: statusDraft, IsListed: true,
		LocationID: j.LocationID, SecondaryLocationIDs: []string{}, CustomFields: map[string]any{}, UpdatedAt: s.stamp(),
	}
	if req.Title != nil {
		if strings.TrimSpace(*req.Title) == "" {
			return nil, invalid("title cannot be empty")
		}
		p.Title = *req.Title
	}
	if req.Description != nil {
		if err := req.Description.check(); err != nil {
			return nil, err
		}
		p.BodyHTML = normalise(req.Description.Content)
	}
	if req.WorkplaceType != nil {
		if !slices.Contains(workplaceTypes, *req.WorkplaceType) {
			return nil, invalid("workplaceType %q is not one of %s", *req.WorkplaceType, strings.Join(workplaceTypes, ", "))
		}
		p.WorkplaceType = req.WorkplaceType
	}
	if req.IsListed != nil {
		p.IsListed = *req.IsListed
	}
	if req.Status != nil {
		switch *req.Status {
		case statusDraft:
		case statusPublished:
			if err := s.publishable(p, j); err != nil {
				return nil, err
			}
			s.publish(p)
		default:
			return nil, invalid("status %q is not Draft or Published", *req.Status)
		}
	}
	s.postings[p.ID] = p
	s.order = append(s.order, p.ID)
	return s.info(p), nil
}

type postingUpdateRequest struct {
	JobPostingID                  string          `json:"jobPostingId"`
	Title                         *string         `json:"title,omitempty"`
	WorkplaceType                 *string         `json:"workplaceType,omitempty"`
	SuppressDescriptionOpening    *bool           `json:"suppressDescriptionOpening,omitempty"`
	SuppressDescriptionClosing    *bool           `json:"suppressDescriptionClosing,omitempty"`
	Description                   *description    `json:"description,omitempty"`
	LocationID                    json.RawMessage `json:"locationId,omitempty"`
	SecondaryLocationIDs          *[]string       `json:"secondaryLocationIds,omitempty"`
	ApplicationFormDefinitionID   json.RawMessage `json:"applicationFormDefinitionId,omitempty"`
	IncludeUnpublishedJobPostings bool            `json:"includeUnpublishedJobPostings,omitempty"`
}

func (s *Server) postingUpdate(c *call) (any, *apiError) {
	var req postingUpdateRequest
	if err := c.decode(&req); err != nil {
		return nil, err
	}
	p, err := s.readable(req.JobPostingID, req.IncludeUnpublishedJobPostings)
	if err != nil {
		return nil, err
	}
	// Check everything before changing anything.
	if req.Title != nil && strings.TrimSpace(*req.Title) == "" {
		return nil, invalid("title cannot be empty")
	}
	if req.WorkplaceType != nil && !slices.Contains(workplaceTypes, *req.WorkplaceType) {
		return nil, invalid("workplaceType %q is not one of %s", *req.WorkplaceType, strings.Join(workplaceTypes, ", "))
	}
	if req.Description != nil {
		if err := req.Description.check(); err != nil {
			return nil, err
		}
	}
	var primary *string
	if len(req.LocationID) > 0 {
		if err := json.Unmarshal(req.LocationID, &primary); err != nil {
			return nil, invalid("locationId must be a location id or null")
		}
		if primary != nil && s.location(*primary) == nil {
			return nil, invalid("locationId %q is not a location", *primary)
		}
	}
	if req.SecondaryLocationIDs != nil {
		for _, id := range *req.SecondaryLocationIDs {
			if s.location(id) == nil {
				return nil, invalid("secondaryLocationIds: %q is not a location", id)
			}
		}
	}
	if req.Title != nil {
		p.Title = *req.Title
	}
	if req.WorkplaceType != nil {
		p.WorkplaceType = req.WorkplaceType
	}
	if req.SuppressDescriptionOpening != nil {
		p.SuppressOpening = *req.SuppressDescriptionOpening
	}
	if req.SuppressDescriptionClosing != nil {
		p.SuppressClosing = *req.SuppressDescriptionClosing
	}
	if req.Description != nil {
		p.BodyHTML = normalise(req.Description.Content)
	}
	if len(req.LocationID) > 0 {
		p.LocationID = s.jobs[p.JobID].LocationID
		if primary != nil {
			p.LocationID = *primary
		}
	}
	if req.SecondaryLocationIDs != nil {
		p.SecondaryLocationIDs = slices.Clone(*req.SecondaryLocationIDs)
	}
	p.UpdatedAt = s.stamp()
	return s.info(p), nil
}

type postingSetStatusRequest struct {
	JobPostingID string `json:"jobPostingId"`
	Status       string `json:"status"`
}

// postingSetStatus publishes a draft or unpublishes a posting; setting the
// status it has is a no-op.
func (s *Server) postingSetStatus(c *call) (any, *apiError) {
	var req postingSetStatusRequest
	if err := c.decode(&req); err != nil {
		return nil, err
	}
	p, err := s.readable(req.JobPostingID, true)
	if err != nil {
		return nil, err
	}
	switch req.Status {
	case p.Status:
	case statusPublished:
		if err := s.publishable(p, s.jobs[p.JobID]); err != nil {
			return nil, err
		}
		s.publish(p)
	case statusDraft:
		p.Status, p.PublishedDate, p.UpdatedAt = statusDraft, nil, s.stamp()
	default:
		return nil, invalid("status %q is not Draft or Published", req.Status)
	}
	return s.info(p), nil
}

// publishable applies publication's checks: a title, a description, an
// open job, and compensation where the organisation requires it.
func (s *Server) publishable(p *Posting, j *Job) *apiError {
	switch {
	case strings.TrimSpace(p.Title) == "":
		return &apiError{code: "job_posting_missing_title", msg: "A job posting needs a title to be published"}
	case strings.TrimSpace(plain(p.BodyHTML)) == "":
		return &apiError{code: "job_posting_missing_description", msg: "A job posting needs a description to be published"}
	case j.Status != "Open":
		return &apiError{code: "job_not_open", msg: "A job posting can only be published on an open job; this job is " + j.Status}
	case s.o.RequireCompensation && len(j.tiers) == 0:
		return &apiError{code: "job_posting_missing_compensation", msg: "Your organization requires compensation on published job postings"}
	}
	return nil
}

// publish makes p published today.
func (s *Server) publish(p *Posting) {
	day := s.o.Now().UTC().Format("2006-01-02")
	p.Status, p.PublishedDate, p.UpdatedAt = statusPublished, &day, s.stamp()
}

type setFieldRequest struct {
	JobPostingID        string `json:"jobPostingId"`
	FieldID             string `json:"fieldId,omitempty"`
	ReferenceIdentifier string `json:"referenceIdentifier,omitempty"`
	Value               any    `json:"value"`
}

// postingSetField sets one custom field on a posting, drafts included;
// null clears it.
func (s *Server) postingSetField(c *call) (any, *apiError) {
	var req setFieldRequest
	if err := c.decode(&req); err != nil {
		return nil, err
	}
	p, err := s.readable(req.JobPostingID, true)
	if err != nil {
		return nil, err
	}
	if req.FieldID == "" {
		return nil, invalid("fieldId is required")
	}
	f := s.field(req.FieldID)
	if f == nil || f.IsArchived || f.ObjectType != FieldObjectType {
		return nil, invalid("fieldId %q is not an active job posting custom field", req.FieldID)
	}
	switch v := req.Value.(type) {
	case nil:
		if f.IsRequired {
			return nil, invalid("a required field cannot be cleared")
		}
		delete(p.CustomFields, f.ID)
	case string:
		if f.FieldType == "String" && strings.ContainsAny(v, "\n\r") {
			return nil, invalid("a String field holds one line")
		}
		p.CustomFields[f.ID] = v
	default:
		return nil, invalid("value must be a string for a %s field", f.FieldType)
	}
	p.UpdatedAt = s.stamp()
	return FieldValue{ID: f.ID, IsPrivate: f.IsPrivate, Title: f.Title, Value: p.CustomFields[f.ID]}, nil
}
