package smartrecruiterssim

import (
	"bytes"
	"encoding/json"
	"fmt"
	"mime"
	"net/http"
	"regexp"
	"slices"
	"strconv"

	"github.com/jobsync/jobsync/ats/simkit"
)

// maxPageSize is the largest page GET /jobs gives.
const maxPageSize = 100

// listParams are the query parameters GET /jobs takes here; others are
// refused, so a client relying on one the simulator does not filter by
// fails here.
var listParams = []string{"limit", "pageId"}

// handleList serves GET /jobs: the company's jobs in creation order, in
// pages of limit (default 10, at most 100), each naming the next page's
// pageId while there are more.
func (s *Server) handleList(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	for k := range q {
		if !slices.Contains(listParams, k) {
			writeError(w, http.StatusBadRequest, "INVALID_PARAMETER", "unknown query parameter "+k)
			return
		}
	}
	limit := 10
	if v := q.Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > maxPageSize {
			writeError(w, http.StatusBadRequest, "INVALID_PARAMETER", "limit must be between 1 and 100")
			return
		}
		limit = n
	}
	limit = min(limit, s.o.PageSize)
	s.mu.Lock()
	defer s.mu.Unlock()
	start := 0
	if id := q.Get("pageId"); id != "" {
		i := slices.Index(s.order, id)
		if i < 0 {
			writeError(w, http.StatusBadRequest, "INVALID_PARAMETER", "invalid pageId")
			return
		}
		start = i + 1
	}
	end := min(start+limit, len(s.order))
	page := Page{Limit: limit, TotalFound: len(s.order), Content: []Summary{}}
	for _, id := range s.order[start:end] {
		page.Content = append(page.Content, summary(s.jobs[id]))
	}
	if end < len(s.order) {
		page.NextPageID = s.order[end-1]
	}
	simkit.WriteJSON(w, http.StatusOK, page)
}

// summary is a job as the list shows it.
func summary(j *Job) Summary {
	return Summary{
		ID: j.ID, Title: j.Title, RefNumber: j.RefNumber, CreatedOn: j.CreatedOn, UpdatedOn: j.UpdatedOn,
		LastActivityOn: j.LastActivityOn, Department: j.Department, Location: j.Location,
		Status: j.Status, PostingStatus: j.PostingStatus,
	}
}

// handleGet serves GET /jobs/{id}.
func (s *Server) handleGet(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	j, ok := s.job(w, r)
	if !ok {
		return
	}
	simkit.WriteJSON(w, http.StatusOK, j)
}

// job returns the job the request's path names, or answers 404. Call with
// s.mu held.
func (s *Server) job(w http.ResponseWriter, r *http.Request) (*Job, bool) {
	j, ok := s.jobs[r.PathValue("id")]
	if !ok {
		writeError(w, http.StatusNotFound, "JOB_NOT_FOUND", "Job not found")
	}
	return j, ok
}

// handleCreate serves POST /jobs: a new job, not published, with the
// required fields checked. Properties the company has not configured are
// ignored, as the API documents.
func (s *Server) handleCreate(w http.ResponseWriter, r *http.Request) {
	if !hasMediaType(w, r, "application/json") {
		return
	}
	var in jobInput
	if !decodeStrict(w, r, &in) {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.o.Now()
	j := &Job{
		ID: s.newID(), Title: in.Title, RefNumber: in.RefNumber, CreatedOn: now, UpdatedOn: now, LastActivityOn: now,
		Department: in.Department, Status: "CREATED", PostingStatus: "NOT_PUBLISHED",
		Industry: in.Industry, Function: in.Function, TypeOfEmployment: in.TypeOfEmployment, ExperienceLevel: in.ExperienceLevel,
		Compensation: in.Compensation, Properties: []Property{}, Creator: Creator{FirstName: "API", LastName: "User"},
	}
	if in.Location != nil {
		j.Location = *in.Location
	}
	if in.JobAd != nil {
		j.JobAd = *in.JobAd
	}
	for _, p := range in.Properties {
		s.setProperty(j, p)
	}
	if errs := validate(j); len(errs) > 0 {
		writeValidation(w, errs)
		return
	}
	label(j)
	s.jobs[j.ID] = j
	s.order = append(s.order, j.ID)
	simkit.WriteJSON(w, http.StatusCreated, j)
}

// setProperty sets (or replaces) a job's value of a configured, active
// property; others are ignored. Call with s.mu held.
func (s *Server) setProperty(j *Job, p propertyInput) {
	def, ok := s.props[p.ID]
	if !ok || !def.Active {
		return
	}
	v := Property{ID: p.ID, Label: def.Label, Value: p.Value}
	if i := slices.IndexFunc(j.Properties, func(q Property) bool { return q.ID == p.ID }); i >= 0 {
		j.Properties[i] = v
		return
	}
	j.Properties = append(j.Properties, v)
}

var (
	countryCode = regexp.MustCompile(`^[a-z]{2}$`)
	regionCode  = regexp.MustCompile(`^[A-Z0-9]{1,3}$`)
	currency    = regexp.MustCompile(`^[A-Z]{3}$`)
)

// validate checks a job's required fields and their values, as a create or
// a patch leaves it.
func validate(j *Job) []errorDetail {
	var errs []errorDetail
	bad := func(field, msg string) {
		errs = append(errs, errorDetail{Code: "INVALID_FIELD", Message: field + ": " + msg})
	}
	if j.Title == "" || len(j.Title) > 400 {
		bad("title", "is required, at most 400 characters")
	}
	for _, f := range []struct {
		name  string
		v     *Labeled
		known map[string]string
	}{{"function", j.Function, functions}, {"industry", j.Industry, industries}, {"experienceLevel", j.ExperienceLevel, levels}} {
		switch {
		case f.v == nil || f.v.ID == "":
			bad(f.name, "is required")
		case f.known[f.v.ID] == "":
			bad(f.name, fmt.Sprintf("unknown id %q", f.v.ID))
		}
	}
	loc := j.Location
	if !countryCode.MatchString(loc.CountryCode) {
		bad("location.countryCode", "is required: two lower-case letters")
	}
	if loc.City == "" {
		bad("location.city", "is required")
	}
	if (loc.RegionCode != "" || loc.CountryCode == "us") && !regionCode.MatchString(loc.RegionCode) {
		bad("location.regionCode", "must be an upper-case region code (required in the US)")
	}
	if c := j.Compensation; c != nil {
		if !currency.MatchString(c.Currency) {
			bad("compensation.currency", "must be an ISO 4217 code")
		}
		if c.Min != nil && c.Max != nil && *c.Min > *c.Max {
			bad("compensation", "min is above max")
		}
	}
	if t := j.TypeOfEmployment; t != nil && t.ID == "" {
		bad("typeOfEmployment.id", "is required")
	}
	return errs
}

// label fills the labels of a job's configured values.
func label(j *Job) {
	for _, f := range []struct {
		v     *Labeled
		known map[string]string
	}{{j.Function, functions}, {j.Industry, industries}, {j.ExperienceLevel, levels}} {
		if f.v != nil {
			f.v.Label = f.known[f.v.ID]
		}
	}
}

// writeValidation answers a failed validation.
func writeValidation(w http.ResponseWriter, errs []errorDetail) {
	simkit.WriteJSON(w, http.StatusBadRequest, apiError{Message: "Input validation fails", Errors: errs})
}

// hasMediaType checks a request body's media type, or answers 415.
func hasMediaType(w http.ResponseWriter, r *http.Request, want string) bool {
	mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil || mt != want {
		writeError(w, http.StatusUnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE", "Content-Type must be "+want)
		return false
	}
	return true
}

// decodeStrict decodes a JSON body, refusing unknown fields, or answers 400.
func decodeStrict(w http.ResponseWriter, r *http.Request, v any) bool {
	var buf bytes.Buffer
	if _, err := buf.ReadFrom(r.Body); err != nil {
		writeError(w, http.StatusBadRequest, "INVALID_BODY", "could not read the body")
		return false
	}
	dec := json.NewDecoder(&buf)
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		writeError(w, http.StatusBadRequest, "INVALID_BODY", "malformed JSON: "+err.Error())
		return false
	}
	return true
}

// handleProperties serves GET /configuration/job-properties.
func (s *Server) handleProperties(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := PropertyDefinitions{Content: simkit.Sorted(s.props)}
	out.TotalFound = len(out.Content)
	simkit.WriteJSON(w, http.StatusOK, out)
}

// handleProperty serves GET /configuration/job-properties/{id}.
func (s *Server) handleProperty(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	def, ok := s.props[r.PathValue("id")]
	if !ok {
		writeError(w, http.StatusNotFound, "PROPERTY_NOT_FOUND", "Job property not found")
		return
	}
	simkit.WriteJSON(w, http.StatusOK, def)
}
