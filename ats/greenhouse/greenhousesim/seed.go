package greenhousesim

import (
	"encoding/json"
	"fmt"

	"github.com/jobsync/jobsync/ats/simkit"
)

// seed fills a new account: two job custom fields, a template job with an
// external and an internal post, and jobs people made in the UI — one of
// them titled much like a posting jobsync publishes.
func (s *Server) seed() {
	now := s.now()
	for _, f := range []CustomField{
		{Name: "Cost center", NameKey: "cost_center", FieldType: "job", ValueType: "short_text"},
		{Name: "Employment type", NameKey: "employment_type", FieldType: "job", ValueType: "single_select",
			options: []string{"Full-time", "Part-time", "Contract"}},
	} {
		f.ID, f.Active, f.CreatedAt, f.UpdatedAt = s.nextID("field"), true, now, now
		s.fields[f.ID] = &f
	}
	tpl := s.addJob("Engineering job template", "R&D", true)
	s.templateID = tpl.ID
	s.addPost(tpl.ID, "Engineering at Example", "<p>About Example and how we work.</p>", false, false, "Remote")
	s.addPost(tpl.ID, "Engineering at Example (internal)", "<p>Internal transfers welcome.</p>", true, false, "Remote")
	for _, h := range []string{"Senior Product Manager, Verify", "Backend Engineer, Gitaly", "Account Executive, EMEA"} {
		s.addHumanJobLocked(h)
	}
}

// addJob adds an open job with one open opening.
func (s *Server) addJob(name, costCenter string, template bool) *Job {
	now := s.now()
	cc, _ := json.Marshal(costCenter)
	et, _ := json.Marshal("Full-time")
	j := &Job{ID: s.nextID("job"), Name: name, Status: "open", OpenedAt: &now, IsTemplate: ptr(template),
		OfficeIDs: []int64{}, CreatedAt: now, UpdatedAt: now,
		CustomFields: map[string]CustomFieldValue{
			"cost_center":     {Name: "Cost center", Type: "short_text", Value: cc},
			"employment_type": {Name: "Employment type", Type: "single_select", Value: et},
		}}
	s.jobs[j.ID] = j
	o := &Opening{ID: s.nextID("opening"), JobID: j.ID, Open: true, OpenedAt: &now,
		CustomFields: map[string]any{}, CreatedAt: now, UpdatedAt: now}
	s.openings[o.ID] = o
	return j
}

// addPost adds a post with one free-text location.
func (s *Server) addPost(jobID int64, title, content string, internal, live bool, location string) *JobPost {
	now := s.now()
	board := int64(1)
	if internal {
		board = 2
	}
	p := &JobPost{ID: s.nextID("post"), Title: title, Content: content, Internal: internal, Active: true,
		Live: live, Language: "en", JobID: jobID, JobBoardID: &board, Questions: []any{}, CreatedAt: now, UpdatedAt: now}
	if live {
		p.FirstPublishedAt = &now
		p.PublicURL = ptr(fmt.Sprintf("https://job-boards.greenhouse.io/sim/jobs/%d", p.ID))
	}
	s.posts[p.ID] = p
	l := &JobPostLocation{ID: s.nextID("location"), JobPostID: p.ID, Type: "free_text",
		PlainTextLocation: &location, CreatedAt: now, UpdatedAt: now}
	s.locations[l.ID] = l
	return p
}

func (s *Server) addHumanJobLocked(title string) (int64, int64) {
	j := s.addJob(title, "Sales & Product", false)
	p := s.addPost(j.ID, title, fmt.Sprintf("<p>Join us as %s.</p><ul><li>Own the roadmap</li></ul>", title), false, true, "Berlin, Germany")
	return j.ID, p.ID
}

// AddHumanJob adds a job as a person would in Greenhouse's UI: an open job
// with a live external post titled title, and no jobsync marker.
func (s *Server) AddHumanJob(title string) (jobID, postID int64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.addHumanJobLocked(title)
}

// AddTemplateJob adds a template job as a person would before writing its
// posts: a job marked as a template, with no job post to copy.
func (s *Server) AddTemplateJob(name string) (jobID int64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.addJob(name, "R&D", true).ID
}

// EditPostContent changes a post's content as a person would in the UI.
func (s *Server) EditPostContent(postID int64, html string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	p, ok := s.posts[postID]
	if !ok {
		return fmt.Errorf("greenhousesim: no job post %d", postID)
	}
	p.Content, p.UpdatedAt = html, s.now()
	return nil
}

// Jobs returns a copy of every job, by id; the template included.
func (s *Server) Jobs() []Job {
	s.mu.Lock()
	defer s.mu.Unlock()
	return copies(s.jobs)
}

// Posts returns a copy of every job post, by id.
func (s *Server) Posts() []JobPost {
	s.mu.Lock()
	defer s.mu.Unlock()
	return copies(s.posts)
}

// copies returns copies of a resource map's values, by id.
func copies[V any](m map[int64]*V) []V {
	out := make([]V, 0, len(m))
	for _, v := range simkit.Sorted(m) {
		out = append(out, *v)
	}
	return out
}

// Locations returns copies of a post's location rows.
func (s *Server) Locations(postID int64) []JobPostLocation {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []JobPostLocation
	for _, l := range s.locationsOf(postID) {
		out = append(out, *l)
	}
	return out
}

// Openings returns copies of a job's openings, by id.
func (s *Server) Openings(jobID int64) []Opening {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Opening
	for _, o := range copies(s.openings) {
		if o.JobID == jobID {
			out = append(out, o)
		}
	}
	return out
}

// CustomFields returns copies of the custom field definitions, by id.
func (s *Server) CustomFields() []CustomField {
	s.mu.Lock()
	defer s.mu.Unlock()
	return copies(s.fields)
}

// Snapshot returns a job with its posts, their locations and its openings as
// JSON, for tests that check a job was left exactly as it was.
func (s *Server) Snapshot(jobID int64) []byte {
	s.mu.Lock()
	defer s.mu.Unlock()
	v := struct {
		Job       *Job
		Posts     []*JobPost
		Locations [][]*JobPostLocation
		Openings  []*Opening
	}{Job: s.jobs[jobID], Posts: s.postsOf(jobID)}
	for _, p := range v.Posts {
		v.Locations = append(v.Locations, s.locationsOf(p.ID))
	}
	for _, o := range simkit.Sorted(s.openings) {
		if o.JobID == jobID {
			v.Openings = append(v.Openings, o)
		}
	}
	b, _ := simkit.Dump(v) // plain data: it cannot fail
	return b
}

// EditLocation changes the text of a post's first location row as a person
// would in the UI.
func (s *Server) EditLocation(postID int64, text string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	rows := s.locationsOf(postID)
	if len(rows) == 0 {
		return fmt.Errorf("greenhousesim: job post %d has no location", postID)
	}
	rows[0].Type, rows[0].PlainTextLocation, rows[0].UpdatedAt = "free_text", &text, s.now()
	return nil
}

// UnpublishPost takes a post off the boards as a person would in the UI
// (its status to draft).
func (s *Server) UnpublishPost(postID int64) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	p, ok := s.posts[postID]
	if !ok {
		return fmt.Errorf("greenhousesim: no job post %d", postID)
	}
	p.Live, p.UpdatedAt = false, s.now()
	return nil
}
