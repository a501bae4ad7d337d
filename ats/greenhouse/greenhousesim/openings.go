package greenhousesim

import (
	"encoding/json"
	"net/http"
)

// listOpenings is GET /v3/openings.
func (s *Server) listOpenings(w http.ResponseWriter, r *http.Request) {
	lq, ok := s.parseList(w, r, "ids", "job_ids", "open")
	if !ok {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []*Opening
	for _, o := range s.openings {
		if lq.matchIDs("ids", o.ID) && lq.matchIDs("job_ids", o.JobID) && lq.matchBool("open", o.Open) {
			out = append(out, o)
		}
	}
	writePage(s, w, r, lq, out, func(o *Opening) int64 { return o.ID })
}

// patchOpeningBody is PATCH /v3/openings/{id}'s body.
type patchOpeningBody struct {
	Open          *bool           `json:"open"`
	CloseReasonID *int64          `json:"close_reason_id"`
	TargetStartOn *string         `json:"target_start_on"`
	CustomFields  json.RawMessage `json:"custom_fields"`
}

// patchOpening is PATCH /v3/openings/{id}: closes or reopens an opening.
// Closing a job's last open opening closes the job and takes all its posts
// off the boards; reopening one opens the job again (its posts stay
// unpublished).
func (s *Server) patchOpening(w http.ResponseWriter, r *http.Request) {
	var b patchOpeningBody
	if !decodeStrict(w, r, &b) {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	o, ok := s.openings[pathID(r)]
	if !ok {
		notFound(w)
		return
	}
	now := s.now()
	if b.TargetStartOn != nil {
		o.TargetStartOn = b.TargetStartOn
	}
	if b.Open != nil && *b.Open != o.Open {
		o.Open = *b.Open
		j := s.jobs[o.JobID]
		if o.Open {
			o.ClosedAt, o.CloseReasonID = nil, nil
			o.OpenedAt = &now
			if j.Status == "closed" {
				j.Status, j.ClosedAt, j.UpdatedAt = "open", nil, now
			}
		} else {
			o.ClosedAt, o.CloseReasonID = &now, b.CloseReasonID
			if s.openCount(j.ID) == 0 {
				j.Status, j.ClosedAt, j.UpdatedAt = "closed", &now, now
				for _, p := range s.postsOf(j.ID) {
					if p.Live {
						p.Live, p.UpdatedAt = false, now
					}
				}
			}
		}
	}
	o.UpdatedAt = now
	writeJSON(w, http.StatusOK, o)
}

func (s *Server) openCount(jobID int64) int {
	n := 0
	for _, o := range s.openings {
		if o.JobID == jobID && o.Open {
			n++
		}
	}
	return n
}
