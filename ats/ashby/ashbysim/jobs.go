package ashbysim

import (
	"fmt"
	"math"
	"slices"
	"strings"
)

// The job statuses, and the transitions job.setStatus allows (Ashby's
// documented rules; setting the status a job has is a no-op).
var transitions = map[string][]string{
	"Draft":    {"Open", "Archived"},
	"Open":     {"Closed"},
	"Closed":   {"Draft", "Archived"},
	"Archived": {"Draft"},
}

// visibleJob returns job id if the key may see it: confidential jobs are
// hidden from API keys without confidential access.
func (s *Server) visibleJob(id string) (*Job, *apiError) {
	j, ok := s.jobs[id]
	if !ok || j.Confidential {
		return nil, notFound("job", id)
	}
	return j, nil
}

// jobView is a job as the API shows it: its published postings' ids, or
// every posting's with unpublished.
func (s *Server) jobView(j *Job, unpublished bool) Job {
	v := *j
	v.JobPostingIDs = []string{}
	for _, id := range s.order {
		if p := s.postings[id]; p.JobID == j.ID && (unpublished || p.Status == "Published") {
			v.JobPostingIDs = append(v.JobPostingIDs, id)
		}
	}
	v.CustomFields = append([]FieldValue{}, j.CustomFields...)
	v.InterviewPlanIDs = append([]string{}, j.InterviewPlanIDs...)
	return v
}

type jobCreateRequest struct {
	Title                  string `json:"title"`
	TeamID                 string `json:"teamId"`
	LocationID             string `json:"locationId"`
	DefaultInterviewPlanID string `json:"defaultInterviewPlanId,omitempty"`
	JobTemplateID          string `json:"jobTemplateId,omitempty"`
	BrandID                string `json:"brandId,omitempty"`
}

func (s *Server) jobCreate(c *call) (any, *apiError) {
	var req jobCreateRequest
	if err := c.decode(&req); err != nil {
		return nil, err
	}
	switch {
	case strings.TrimSpace(req.Title) == "":
		return nil, invalid("title is required")
	case s.department(req.TeamID) == nil:
		return nil, invalid("teamId %q is not a department or team", req.TeamID)
	case s.location(req.LocationID) == nil:
		return nil, invalid("locationId %q is not a location", req.LocationID)
	case req.DefaultInterviewPlanID != "" && req.DefaultInterviewPlanID != InterviewPlanID:
		return nil, invalid("defaultInterviewPlanId %q is not an interview plan", req.DefaultInterviewPlanID)
	case req.JobTemplateID != "" && req.JobTemplateID != JobTemplateID:
		return nil, invalid("jobTemplateId %q is not an active job template", req.JobTemplateID)
	case req.BrandID != "" && req.BrandID != BrandID:
		return nil, invalid("brandId %q is not a brand", req.BrandID)
	}
	plan := req.DefaultInterviewPlanID
	if plan == "" && req.JobTemplateID != "" {
		plan = InterviewPlanID // the template's
	}
	j := &Job{
		ID: s.uuid(), Title: req.Title, Status: "Draft", EmploymentType: "FullTime",
		LocationID: req.LocationID, DepartmentID: req.TeamID, BrandID: BrandID,
		InterviewPlanIDs: []string{}, CustomFields: []FieldValue{}, HiringTeam: []any{},
		CreatedAt: s.stamp(), UpdatedAt: s.stamp(),
	}
	if plan != "" {
		j.DefaultInterviewPlanID, j.InterviewPlanIDs = &plan, []string{plan}
	}
	s.jobs[j.ID] = j
	s.jobOrder = append(s.jobOrder, j.ID)
	return s.jobView(j, false), nil
}

type jobInfoRequest struct {
	ID                               string   `json:"id"`
	IncludeUnpublishedJobPostingsIDs bool     `json:"includeUnpublishedJobPostingsIds,omitempty"`
	Expand                           []string `json:"expand,omitempty"`
}

func (s *Server) jobInfo(c *call) (any, *apiError) {
	var req jobInfoRequest
	if err := c.decode(&req); err != nil {
		return nil, err
	}
	j, err := s.visibleJob(req.ID)
	if err != nil {
		return nil, err
	}
	return s.jobView(j, req.IncludeUnpublishedJobPostingsIDs), nil
}

type jobListRequest struct {
	pageArgs
	Status                           []string `json:"status,omitempty"`
	IncludeUnpublishedJobPostingsIDs bool     `json:"includeUnpublishedJobPostingsIds,omitempty"`
	Expand                           []string `json:"expand,omitempty"`
}

// jobList lists open, closed and archived jobs, drafts only when asked
// for by status.
func (s *Server) jobList(c *call) (any, *apiError) {
	var req jobListRequest
	if err := c.decode(&req); err != nil {
		return nil, err
	}
	want := req.Status
	if len(want) == 0 {
		want = []string{"Open", "Closed", "Archived"}
	}
	for _, st := range want {
		if _, ok := transitions[st]; !ok {
			return nil, invalid("status %q is not a job status", st)
		}
	}
	var out []Job
	for _, id := range s.jobOrder {
		if j := s.jobs[id]; !j.Confidential && slices.Contains(want, j.Status) {
			out = append(out, s.jobView(j, req.IncludeUnpublishedJobPostingsIDs))
		}
	}
	return paged(s, c.name, out, req.pageArgs, s.o.PageSize)
}

type jobSetStatusRequest struct {
	JobID  string `json:"jobId"`
	Status string `json:"status"`
}

// jobSetStatus moves a job along Ashby's transitions. A job opens only with
// a default interview plan; closing a job unpublishes its postings.
func (s *Server) jobSetStatus(c *call) (any, *apiError) {
	var req jobSetStatusRequest
	if err := c.decode(&req); err != nil {
		return nil, err
	}
	j, err := s.visibleJob(req.JobID)
	if err != nil {
		return nil, err
	}
	if _, ok := transitions[req.Status]; !ok {
		return nil, invalid("status %q is not a job status", req.Status)
	}
	if req.Status == j.Status {
		return s.jobView(j, false), nil
	}
	if !slices.Contains(transitions[j.Status], req.Status) {
		return nil, &apiError{code: "invalid_job_status_transition", msg: fmt.Sprintf("A %s job cannot be changed to %s", j.Status, req.Status)}
	}
	if req.Status == "Open" && j.DefaultInterviewPlanID == nil {
		return nil, &apiError{code: "job_missing_interview_plan", msg: "A job cannot be opened without a default interview plan"}
	}
	now := s.stamp()
	j.Status, j.UpdatedAt = req.Status, now
	switch req.Status {
	case "Open":
		j.OpenedAt, j.ClosedAt = &now, nil
	case "Closed":
		j.ClosedAt = &now
		for _, p := range s.postings {
			if p.JobID == j.ID && p.Status == "Published" {
				p.Status, p.PublishedDate, p.UpdatedAt = "Draft", nil, now
			}
		}
	}
	return s.jobView(j, false), nil
}

type jobUpdateRequest struct {
	JobID                  string  `json:"jobId"`
	Title                  *string `json:"title,omitempty"`
	TeamID                 *string `json:"teamId,omitempty"`
	LocationID             *string `json:"locationId,omitempty"`
	DefaultInterviewPlanID *string `json:"defaultInterviewPlanId,omitempty"`
	CustomRequisitionID    *string `json:"customRequisitionId,omitempty"`
}

func (s *Server) jobUpdate(c *call) (any, *apiError) {
	var req jobUpdateRequest
	if err := c.decode(&req); err != nil {
		return nil, err
	}
	j, err := s.visibleJob(req.JobID)
	if err != nil {
		return nil, err
	}
	switch {
	case req.Title != nil && strings.TrimSpace(*req.Title) == "":
		return nil, invalid("title cannot be empty")
	case req.TeamID != nil && s.department(*req.TeamID) == nil:
		return nil, invalid("teamId %q is not a department or team", *req.TeamID)
	case req.LocationID != nil && s.location(*req.LocationID) == nil:
		return nil, invalid("locationId %q is not a location", *req.LocationID)
	case req.DefaultInterviewPlanID != nil && *req.DefaultInterviewPlanID != InterviewPlanID:
		return nil, invalid("defaultInterviewPlanId %q is not an interview plan", *req.DefaultInterviewPlanID)
	}
	if req.Title != nil {
		j.Title = *req.Title
	}
	if req.TeamID != nil {
		j.DepartmentID = *req.TeamID
	}
	if req.LocationID != nil {
		j.LocationID = *req.LocationID
	}
	if req.DefaultInterviewPlanID != nil {
		j.DefaultInterviewPlanID = req.DefaultInterviewPlanID
	}
	if req.CustomRequisitionID != nil {
		j.CustomRequisitionID = req.CustomRequisitionID
	}
	j.UpdatedAt = s.stamp()
	return s.jobView(j, false), nil
}

type jobCompensationRequest struct {
	JobID             string `json:"jobId"`
	CompensationTiers []Tier `json:"compensationTiers"`
}

var (
	compensationTypes = []string{"Salary", "EquityPercentage", "EquityCashValue", "Commission", "Bonus"}
	intervals         = []string{"NONE", "1 TIME", "1 HOUR", "1 DAY", "1 WEEK", "2 WEEK", "1 MONTH", "2 MONTH", "1 YEAR", "6 MONTH", "0.5 MONTH", "3 MONTH"}
)

// jobUpdateCompensation replaces a job's compensation tiers.
func (s *Server) jobUpdateCompensation(c *call) (any, *apiError) {
	var req jobCompensationRequest
	if err := c.decode(&req); err != nil {
		return nil, err
	}
	j, err := s.visibleJob(req.JobID)
	if err != nil {
		return nil, err
	}
	if req.CompensationTiers == nil {
		return nil, invalid("compensationTiers is required")
	}
	tiers := make([]Tier, len(req.CompensationTiers))
	for i, t := range req.CompensationTiers {
		if err := checkTier(t, len(req.CompensationTiers)); err != nil {
			return nil, err
		}
		t.ID = s.uuid()
		t.Components = slices.Clone(t.Components)
		for k := range t.Components {
			t.Components[k].Summary = summary(t.Components[k])
		}
		t.TierSummary = tierSummary(t)
		tiers[i] = t
	}
	j.tiers, j.UpdatedAt = tiers, s.stamp()
	return s.jobView(j, false), nil
}

// checkTier validates one tier as Ashby documents its fields.
func checkTier(t Tier, n int) *apiError {
	if n > 1 && (t.Title == nil || *t.Title == "") {
		return invalid("title is required for multi-tier compensation ranges")
	}
	if len(t.Components) == 0 {
		return invalid("a compensation tier needs components")
	}
	for _, c := range t.Components {
		switch {
		case !slices.Contains(compensationTypes, c.CompensationType):
			return invalid("compensationType %q is not one of %s", c.CompensationType, strings.Join(compensationTypes, ", "))
		case !slices.Contains(intervals, c.Interval):
			return invalid("interval %q is not one of %s", c.Interval, strings.Join(intervals, ", "))
		case c.CompensationType != "EquityPercentage" && (c.CurrencyCode == nil || len(*c.CurrencyCode) != 3):
			return invalid("currencyCode must be an ISO 4217 code for %s", c.CompensationType)
		case c.MinValue != nil && c.MaxValue != nil && *c.MinValue > *c.MaxValue:
			return invalid("minValue is above maxValue")
		}
	}
	return nil
}

// summary is a component as Ashby's job boards show it: "$120K – $160K".
func summary(c Component) string {
	if c.MinValue == nil && c.MaxValue == nil {
		return "Offers " + c.CompensationType
	}
	sym := ""
	if c.CurrencyCode != nil {
		sym = map[string]string{"USD": "$", "EUR": "€", "GBP": "£"}[*c.CurrencyCode]
		if sym == "" {
			sym = *c.CurrencyCode + " "
		}
	}
	short := func(v *float64) string {
		if v == nil {
			return "?"
		}
		if c.CompensationType == "EquityPercentage" {
			return fmt.Sprintf("%g%%", *v)
		}
		if *v >= 1000 {
			return fmt.Sprintf("%s%gK", sym, math.Round(*v/100)/10)
		}
		return fmt.Sprintf("%s%g", sym, *v)
	}
	return short(c.MinValue) + " – " + short(c.MaxValue)
}

// tierSummary joins a tier's component summaries.
func tierSummary(t Tier) string {
	var parts []string
	for _, c := range t.Components {
		parts = append(parts, c.Summary)
	}
	return strings.Join(parts, " • ")
}
