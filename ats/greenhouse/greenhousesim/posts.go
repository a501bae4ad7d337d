package greenhousesim

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
)

// listPosts is GET /v3/job_posts.
func (s *Server) listPosts(w http.ResponseWriter, r *http.Request) {
	lq, ok := s.parseList(w, r, "ids", "job_ids", "live", "active", "internal")
	if !ok {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []*JobPost
	for _, p := range s.posts {
		if lq.matchIDs("ids", p.ID) && lq.matchIDs("job_ids", p.JobID) &&
			lq.matchBool("live", p.Live) && lq.matchBool("active", p.Active) && lq.matchBool("internal", p.Internal) {
			out = append(out, p)
		}
	}
	writePage(s, w, r, lq, out, func(p *JobPost) int64 { return p.ID })
}

// patchPostBody is PATCH /v3/job_posts/{id}'s body.
type patchPostBody struct {
	Title                *string `json:"title"`
	Content              *string `json:"content"`
	InternalContent      *string `json:"internal_content"`
	JobApplicationStatus *string `json:"job_application_status"`
}

// patchPost is PATCH /v3/job_posts/{id}: the post's copy, and publishing
// (job_application_status "live") or unpublishing ("draft"). A post of a
// closed job cannot go live.
func (s *Server) patchPost(w http.ResponseWriter, r *http.Request) {
	var b patchPostBody
	if !decodeStrict(w, r, &b) {
		return
	}
	if b.Title != nil && strings.TrimSpace(*b.Title) == "" {
		unprocessable(w, "title", "can't be blank")
		return
	}
	if b.JobApplicationStatus != nil && *b.JobApplicationStatus != "live" && *b.JobApplicationStatus != "draft" {
		unprocessable(w, "job_application_status", "Must be one of: draft, live")
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	p, ok := s.posts[pathID(r)]
	if !ok || !p.Active {
		notFound(w)
		return
	}
	now := s.now()
	if b.JobApplicationStatus != nil && *b.JobApplicationStatus == "live" {
		if j := s.jobs[p.JobID]; j.Status == "closed" {
			writeJSON(w, http.StatusUnprocessableEntity, apiError{Message: "A job post of a closed job cannot be made live"})
			return
		}
		if len(s.locationsOf(p.ID)) == 0 {
			unprocessable(w, "job_application_status", "A job post needs a location before it can be made live")
			return
		}
	}
	if b.Title != nil {
		p.Title = *b.Title
	}
	if b.Content != nil {
		p.Content = *b.Content
	}
	if b.InternalContent != nil {
		p.InternalContent = b.InternalContent
	}
	if b.JobApplicationStatus != nil {
		p.Live = *b.JobApplicationStatus == "live"
		if p.Live && p.FirstPublishedAt == nil {
			p.FirstPublishedAt = &now
		}
		if p.Live && p.PublicURL == nil {
			p.PublicURL = ptr(fmt.Sprintf("https://job-boards.greenhouse.io/sim/jobs/%d", p.ID))
		}
	}
	p.UpdatedAt = now
	writeJSON(w, http.StatusOK, p)
}

// listLocations is GET /v3/job_post_locations.
func (s *Server) listLocations(w http.ResponseWriter, r *http.Request) {
	lq, ok := s.parseList(w, r, "ids", "job_post_ids", "type")
	if !ok {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []*JobPostLocation
	for _, l := range s.locations {
		if lq.matchIDs("ids", l.ID) && lq.matchIDs("job_post_ids", l.JobPostID) &&
			(lq.filters.Get("type") == "" || lq.filters.Get("type") == l.Type) {
			out = append(out, l)
		}
	}
	writePage(s, w, r, lq, out, func(l *JobPostLocation) int64 { return l.ID })
}

// createLocationBody is POST /v3/job_post_locations's body.
type createLocationBody struct {
	JobPostID         *int64  `json:"job_post_id"`
	Type              *string `json:"type"`
	PlainTextLocation *string `json:"plain_text_location"`
	OfficeID          *int64  `json:"office_id"`
	CustomLocationID  *int64  `json:"custom_location_id"`
}

// createLocation is POST /v3/job_post_locations: a location row for a post.
func (s *Server) createLocation(w http.ResponseWriter, r *http.Request) {
	var b createLocationBody
	if !decodeStrict(w, r, &b) {
		return
	}
	switch {
	case b.JobPostID == nil:
		unprocessable(w, "job_post_id", "Missing required field: job_post_id")
		return
	case b.Type == nil || !slices.Contains([]string{"free_text", "office", "custom_list"}, *b.Type):
		unprocessable(w, "type", "Must be one of: free_text, office, custom_list")
		return
	case *b.Type == "free_text" && (b.PlainTextLocation == nil || strings.TrimSpace(*b.PlainTextLocation) == ""):
		unprocessable(w, "plain_text_location", "Missing required field: plain_text_location")
		return
	case *b.Type != "free_text":
		unprocessable(w, "type", "this account has no offices or custom locations for job posts")
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if p, ok := s.posts[*b.JobPostID]; !ok || !p.Active {
		unprocessable(w, "job_post_id", fmt.Sprintf("Job post %d not found", *b.JobPostID))
		return
	}
	now := s.now()
	l := &JobPostLocation{ID: s.nextID("location"), JobPostID: *b.JobPostID, Type: *b.Type,
		PlainTextLocation: b.PlainTextLocation, CreatedAt: now, UpdatedAt: now}
	s.locations[l.ID] = l
	writeJSON(w, http.StatusCreated, l)
}

// deleteLocation is DELETE /v3/job_post_locations/{id}. A live post keeps at
// least one location.
func (s *Server) deleteLocation(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	l, ok := s.locations[pathID(r)]
	if !ok {
		notFound(w)
		return
	}
	if p := s.posts[l.JobPostID]; p != nil && p.Live && len(s.locationsOf(p.ID)) == 1 {
		unprocessable(w, "id", "A live job post must keep at least one location")
		return
	}
	delete(s.locations, l.ID)
	w.WriteHeader(http.StatusNoContent)
}

// locationsOf returns the location rows of post id, by id.
func (s *Server) locationsOf(postID int64) []*JobPostLocation {
	var out []*JobPostLocation
	for _, l := range s.locations {
		if l.JobPostID == postID {
			out = append(out, l)
		}
	}
	slices.SortFunc(out, func(a, b *JobPostLocation) int { return int(a.ID - b.ID) })
	return out
}
