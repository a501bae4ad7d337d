package smartrecruiterssim

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strings"

	"github.com/jobsync/jobsync/ats/simkit"
)

// readOnly are the job fields a patch may not touch.
var readOnly = []string{"id", "createdOn", "updatedOn", "lastActivityOn", "status", "postingStatus", "creator"}

// jobStatuses are the statuses PUT /jobs/{id}/status sets; CREATED is a
// job's first status and never set again.
var jobStatuses = []string{"SOURCING", "INTERVIEW", "OFFER", "FILLED", "CANCELLED", "ON_HOLD"}

// closedStatuses are the statuses in which a job cannot be published.
var closedStatuses = []string{"FILLED", "CANCELLED", "ON_HOLD"}

// visibilities are the visibilities a publication takes.
var visibilities = []string{"PUBLIC", "INTERNAL", "PRIVATE"}

// writable returns the job a write's path names, or answers 404, or 409
// when ConflictNext said another request on the job is running. Call with
// s.mu held.
func (s *Server) writable(w http.ResponseWriter, r *http.Request) (*Job, bool) {
	j, ok := s.job(w, r)
	if !ok {
		return nil, false
	}
	if s.conflict[j.ID] > 0 {
		s.conflict[j.ID]--
		writeError(w, http.StatusConflict, "CONFLICT", "The request conflicts with a different request")
		return nil, false
	}
	return j, true
}

// handlePatch serves PATCH /jobs/{id}: a JSON Patch (RFC 6902) of the job,
// applied whole or not at all, then validated like a new job. An add of
// /properties/- sets one property by its id (replacing the job's value of
// it), as SmartRecruiters' examples show; null as a value deletes a field.
func (s *Server) handlePatch(w http.ResponseWriter, r *http.Request) {
	if !hasMediaType(w, r, "application/json-patch+json") {
		return
	}
	var ops []patchOp
	if !decodeStrict(w, r, &ops) {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	j, ok := s.writable(w, r)
	if !ok {
		return
	}
	next, err := s.patched(j, ops)
	if err != nil {
		writeError(w, http.StatusBadRequest, "INVALID_PATCH", err.Error())
		return
	}
	if errs := validate(next); len(errs) > 0 {
		writeValidation(w, errs)
		return
	}
	label(next)
	next.UpdatedOn, next.LastActivityOn = s.o.Now(), s.o.Now()
	*j = *next
	simkit.WriteJSON(w, http.StatusOK, j)
}

// patched returns a copy of j with ops applied. Call with s.mu held.
func (s *Server) patched(j *Job, ops []patchOp) (*Job, error) {
	next := clone(j)
	var rest []patchOp
	for _, op := range ops {
		field, _, _ := strings.Cut(strings.TrimPrefix(op.Path, "/"), "/")
		switch {
		case slices.Contains(readOnly, field):
			return nil, fmt.Errorf("%s is read-only", op.Path)
		case op.Path == "/properties/-" && op.Op == "add":
			var p propertyInput
			dec := json.NewDecoder(bytes.NewReader(op.Value))
			dec.DisallowUnknownFields()
			if err := dec.Decode(&p); err != nil || p.ID == "" {
				return nil, fmt.Errorf("%s: want a property {id, value}", op.Path)
			}
			s.setProperty(&next, p)
		case field == "properties":
			return nil, fmt.Errorf("%s %s: properties are set with add /properties/-", op.Op, op.Path)
		default:
			rest = append(rest, op)
		}
	}
	if len(rest) == 0 {
		return &next, nil
	}
	props := next.Properties
	data, _ := json.Marshal(next)
	var doc any
	_ = json.Unmarshal(data, &doc)
	doc, err := applyPatch(doc, rest)
	if err != nil {
		return nil, err
	}
	data, _ = json.Marshal(doc)
	out := Job{}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&out); err != nil {
		return nil, fmt.Errorf("the patched job is not a job: %v", err)
	}
	out.Properties = props
	return &out, nil
}

// handleStatus serves PUT /jobs/{id}/status. A status alone does not
// unpublish a job (SmartRecruiters' help centre: cancel from the job's
// menu, or unpublish first).
func (s *Server) handleStatus(w http.ResponseWriter, r *http.Request) {
	if !hasMediaType(w, r, "application/json") {
		return
	}
	var in statusUpdate
	if !decodeStrict(w, r, &in) {
		return
	}
	if !slices.Contains(jobStatuses, in.Status) {
		writeError(w, http.StatusBadRequest, "INVALID_STATUS", fmt.Sprintf("status %q: want one of %s", in.Status, strings.Join(jobStatuses, ", ")))
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	j, ok := s.writable(w, r)
	if !ok {
		return
	}
	j.Status = in.Status
	j.UpdatedOn, j.LastActivityOn = s.o.Now(), s.o.Now()
	simkit.WriteJSON(w, http.StatusOK, statusUpdate{Status: j.Status})
}

// handlePublish serves POST /jobs/{id}/publication: the job's default ad is
// published with the visibility asked (PUBLIC by default); a job never
// published starts sourcing. A filled, cancelled or held job cannot be
// published.
func (s *Server) handlePublish(w http.ResponseWriter, r *http.Request) {
	in := publication{Visibility: "PUBLIC"}
	if r.ContentLength != 0 {
		if !hasMediaType(w, r, "application/json") || !decodeStrict(w, r, &in) {
			return
		}
	}
	if !slices.Contains(visibilities, in.Visibility) {
		writeError(w, http.StatusBadRequest, "INVALID_VISIBILITY", fmt.Sprintf("visibility %q: want one of %s", in.Visibility, strings.Join(visibilities, ", ")))
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	j, ok := s.writable(w, r)
	if !ok {
		return
	}
	if slices.Contains(closedStatuses, j.Status) {
		writeError(w, http.StatusUnprocessableEntity, "JOB_NOT_PUBLISHABLE", fmt.Sprintf("a job in status %s cannot be published", j.Status))
		return
	}
	j.PostingStatus = in.Visibility
	if j.Status == "CREATED" {
		j.Status = "SOURCING"
	}
	j.LastActivityOn = s.o.Now()
	w.WriteHeader(http.StatusNoContent)
}

// handleUnpublish serves DELETE /jobs/{id}/publication: the job is taken
// off every source; unpublishing an unpublished job changes nothing.
func (s *Server) handleUnpublish(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	j, ok := s.writable(w, r)
	if !ok {
		return
	}
	j.PostingStatus = "NOT_PUBLISHED"
	j.LastActivityOn = s.o.Now()
	w.WriteHeader(http.StatusNoContent)
}
