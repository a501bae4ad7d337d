package greenhousesim

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"net/http"
	"slices"
	"strconv"
)

// listJobs is GET /v3/jobs.
func (s *Server) listJobs(w http.ResponseWriter, r *http.Request) {
	lq, ok := s.parseList(w, r, "ids", "status", "requisition_id")
	if !ok {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []*Job
	for _, j := range s.jobs {
		if !lq.matchIDs("ids", j.ID) {
			continue
		}
		if st := lq.filters.Get("status"); st != "" && st != j.Status {
			continue
		}
		if req := lq.filters.Get("requisition_id"); req != "" && (j.RequisitionID == nil || *j.RequisitionID != req) {
			continue
		}
		out = append(out, j)
	}
	writePage(s, w, r, lq, out, func(j *Job) int64 { return j.ID })
}

// createJobBody is POST /v3/jobs's body.
type createJobBody struct {
	TemplateJobID        *int64   `json:"template_job_id"`
	NumberOfOpenings     *int     `json:"number_of_openings"`
	JobName              *string  `json:"job_name"`
	JobPostName          *string  `json:"job_post_name"`
	DepartmentID         *int64   `json:"department_id"`
	ExternalDepartmentID *string  `json:"external_department_id"`
	OfficeIDs            []int64  `json:"office_ids"`
	ExternalOfficeIDs    []string `json:"external_office_ids"`
	RequisitionID        *string  `json:"requisition_id"`
	OpeningIDs           []string `json:"opening_ids"`
}

// createJob is POST /v3/jobs: a new job copied from a template job, with the
// template's posts (unpublished, titled job_post_name), their locations, its
// custom field values, and number_of_openings open openings.
func (s *Server) createJob(w http.ResponseWriter, r *http.Request) {
	var b createJobBody
	if !decodeStrict(w, r, &b) {
		return
	}
	switch {
	case b.TemplateJobID == nil:
		unprocessable(w, "template_job_id", "Missing required field: template_job_id")
		return
	case b.JobName == nil || *b.JobName == "":
		unprocessable(w, "job_name", "Missing required field: job_name")
		return
	case b.NumberOfOpenings == nil:
		unprocessable(w, "number_of_openings", "Missing required field: number_of_openings")
		return
	case *b.NumberOfOpenings < 1 || *b.NumberOfOpenings > 100:
		unprocessable(w, "number_of_openings", "must be between 1 and 100")
		return
	case len(b.OpeningIDs) > *b.NumberOfOpenings:
		unprocessable(w, "opening_ids", "more opening ids than openings")
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	tpl, ok := s.jobs[*b.TemplateJobID]
	if !ok {
		unprocessable(w, "template_job_id", fmt.Sprintf("Template job %d not found", *b.TemplateJobID))
		return
	}
	now := s.now()
	j := &Job{
		ID:            s.nextID("job"),
		Name:          *b.JobName,
		RequisitionID: b.RequisitionID,
		Notes:         tpl.Notes,
		Status:        "open",
		OpenedAt:      &now,
		IsTemplate:    ptr(false),
		CopiedFromID:  &tpl.ID,
		DepartmentID:  tpl.DepartmentID,
		OfficeIDs:     slices.Clone(tpl.OfficeIDs),
		CustomFields:  maps.Clone(tpl.CustomFields),
		CreatedAt:     now,
		UpdatedAt:     now,
	}
	if b.DepartmentID != nil {
		j.DepartmentID = b.DepartmentID
	}
	if b.OfficeIDs != nil {
		j.OfficeIDs = b.OfficeIDs
	}
	s.jobs[j.ID] = j
	for _, tp := range s.postsOf(tpl.ID) {
		if !tp.Active {
			continue
		}
		p := *tp
		p.ID = s.nextID("post")
		p.JobID = j.ID
		p.Live = false
		p.FirstPublishedAt = nil
		p.PublicURL = nil
		p.CreatedAt, p.UpdatedAt = now, now
		if b.JobPostName != nil && *b.JobPostName != "" {
			p.Title = *b.JobPostName
		}
		s.posts[p.ID] = &p
		for _, tl := range s.locationsOf(tp.ID) {
			l := *tl
			l.ID = s.nextID("location")
			l.JobPostID = p.ID
			l.CreatedAt, l.UpdatedAt = now, now
			s.locations[l.ID] = &l
		}
	}
	for i := range *b.NumberOfOpenings {
		o := &Opening{ID: s.nextID("opening"), JobID: j.ID, Open: true, OpenedAt: &now, SortOrder: i,
			CustomFields: map[string]any{}, CreatedAt: now, UpdatedAt: now}
		if i < len(b.OpeningIDs) {
			o.OpeningID = &b.OpeningIDs[i]
		}
		s.openings[o.ID] = o
	}
	writeJSON(w, http.StatusCreated, j)
}

// patchJob is PATCH /v3/jobs/{id}. Only the keys sent change; custom_fields
// replaces the job's whole list of values.
func (s *Server) patchJob(w http.ResponseWriter, r *http.Request) {
	var b map[string]json.RawMessage
	if !decodeStrict(w, r, &b) {
		return
	}
	allowed := []string{"name", "notes", "anywhere", "requisition_id", "team_and_responsibilities",
		"how_to_sell_this_job", "office_ids", "external_office_ids", "department_id",
		"external_department_id", "custom_fields"}
	for k := range b {
		if !slices.Contains(allowed, k) {
			unprocessable(w, k, "unknown field")
			return
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	j, ok := s.jobs[pathID(r)]
	if !ok {
		notFound(w)
		return
	}
	next := *j
	if v, ok := b["name"]; ok {
		if json.Unmarshal(v, &next.Name) != nil || next.Name == "" {
			unprocessable(w, "name", "must be a non-empty string")
			return
		}
	}
	if v, ok := b["notes"]; ok && json.Unmarshal(v, &next.Notes) != nil {
		unprocessable(w, "notes", "must be a string")
		return
	}
	if v, ok := b["requisition_id"]; ok && json.Unmarshal(v, &next.RequisitionID) != nil {
		unprocessable(w, "requisition_id", "must be a string or null")
		return
	}
	if v, ok := b["department_id"]; ok && json.Unmarshal(v, &next.DepartmentID) != nil {
		unprocessable(w, "department_id", "must be an integer or null")
		return
	}
	if v, ok := b["office_ids"]; ok && json.Unmarshal(v, &next.OfficeIDs) != nil {
		unprocessable(w, "office_ids", "must be a list of integers")
		return
	}
	if v, ok := b["custom_fields"]; ok {
		cf, field, msg := s.customFieldValues(v)
		if msg != "" {
			unprocessable(w, field, msg)
			return
		}
		next.CustomFields = cf
	}
	next.UpdatedAt = s.now()
	*j = next
	writeJSON(w, http.StatusOK, j)
}

// customFieldValues reads a custom_fields write: a list of {name_key, value}
// naming active job fields; it becomes the job's whole set of values (null
// values clear). On a bad value it returns the field and message of a 422.
func (s *Server) customFieldValues(raw json.RawMessage) (map[string]CustomFieldValue, string, string) {
	var list []struct {
		NameKey string          `json:"name_key"`
		Value   json.RawMessage `json:"value"`
	}
	if err := json.Unmarshal(raw, &list); err != nil {
		return nil, "custom_fields", "must be a list of {name_key, value}"
	}
	out := map[string]CustomFieldValue{}
	for _, e := range list {
		def := s.fieldByKey("job", e.NameKey)
		if def == nil || !def.Active {
			return nil, "custom_fields", fmt.Sprintf("Unknown custom field: %s", e.NameKey)
		}
		if len(e.Value) == 0 || bytes.Equal(e.Value, []byte("null")) {
			delete(out, e.NameKey)
			continue
		}
		if msg := checkValue(def, e.Value); msg != "" {
			return nil, "custom_fields", fmt.Sprintf("%s: %s", e.NameKey, msg)
		}
		out[e.NameKey] = CustomFieldValue{Name: def.Name, Type: def.ValueType, Value: slices.Clone(e.Value)}
	}
	return out, "", ""
}

// checkValue validates a value for its field's type; "" when it is fine.
func checkValue(def *CustomField, v json.RawMessage) string {
	switch def.ValueType {
	case "short_text", "long_text", "url", "date":
		var s string
		if json.Unmarshal(v, &s) != nil {
			return "must be a string"
		}
		if def.ValueType == "short_text" && len(s) > 255 {
			return "is too long (at most 255 characters)"
		}
	case "single_select":
		var s string
		if json.Unmarshal(v, &s) != nil || !slices.Contains(def.options, s) {
			return "must be one of: " + fmt.Sprint(def.options)
		}
	case "number":
		var f float64
		if json.Unmarshal(v, &f) != nil {
			return "must be a number"
		}
	}
	return ""
}

// postsOf returns the posts of job id, by id.
func (s *Server) postsOf(jobID int64) []*JobPost {
	var out []*JobPost
	for _, p := range s.posts {
		if p.JobID == jobID {
			out = append(out, p)
		}
	}
	slices.SortFunc(out, func(a, b *JobPost) int { return int(a.ID - b.ID) })
	return out
}

// decodeStrict decodes a JSON body, answering 400 for malformed JSON and 422
// for a key the route does not take.
func decodeStrict(w http.ResponseWriter, r *http.Request, v any) bool {
	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		var f string
		if _, err := fmt.Sscanf(err.Error(), "json: unknown field %q", &f); err == nil {
			unprocessable(w, f, "unknown field")
			return false
		}
		writeJSON(w, http.StatusBadRequest, apiError{Message: "Malformed JSON body"})
		return false
	}
	return true
}

// pathID reads the {id} of a route; 0 when it is not a number.
func pathID(r *http.Request) int64 {
	n, _ := strconv.ParseInt(r.PathValue("id"), 10, 64)
	return n
}
