package ashbysim

import (
	"fmt"
	"strings"

	"github.com/jobsync/jobsync/ats/simkit"
)

// HumanPosting is a job and its posting as a person makes them in the app.
type HumanPosting struct {
	Title        string
	Department   string // a name in Departments, or the team "Developer Experience"
	Location     string // a name in Locations
	BodyHTML     string // stored as given: the app writes what the API would not
	Notes        string // the "Hiring notes" custom field
	JobStatus    string // default Open
	Draft        bool   // an unpublished posting
	Unlisted     bool
	Confidential bool
}

// AddHumanPosting stores h as a person's job and posting, and returns the
// posting's id.
func (s *Server) AddHumanPosting(h HumanPosting) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if h.JobStatus == "" {
		h.JobStatus = "Open"
	}
	plan := InterviewPlanID
	j := &Job{
		ID: s.uuid(), Title: h.Title, Confidential: h.Confidential, Status: h.JobStatus, EmploymentType: "FullTime",
		LocationID: s.locationByName(h.Location), DepartmentID: s.departmentByName(h.Department), BrandID: BrandID,
		DefaultInterviewPlanID: &plan, InterviewPlanIDs: []string{plan}, CustomFields: []FieldValue{}, HiringTeam: []any{},
		CreatedAt: s.stamp(), UpdatedAt: s.stamp(), human: true,
	}
	s.jobs[j.ID] = j
	s.jobOrder = append(s.jobOrder, j.ID)
	p := &Posting{
		ID: s.uuid(), JobID: j.ID, Title: h.Title, Status: statusPublished, IsListed: !h.Unlisted && !h.Confidential,
		BodyHTML: h.BodyHTML, LocationID: j.LocationID, SecondaryLocationIDs: []string{},
		CustomFields: map[string]any{}, UpdatedAt: s.stamp(), Human: true,
	}
	if h.Draft || h.JobStatus != "Open" {
		p.Status = statusDraft
	} else {
		s.publish(p)
	}
	if h.Notes != "" {
		p.CustomFields[NotesFieldID] = h.Notes
	}
	s.postings[p.ID] = p
	s.order = append(s.order, p.ID)
	return p.ID
}

// Edit is a change a person makes to a posting in the app. Nil fields are
// left alone.
type Edit struct {
	Title    *string
	BodyHTML *string // stored as given
	Status   *string // Draft or Published
	Marker   *string // the marker field's value; "" clears it
	// Locations are the posting's locations by name, the first the
	// primary, as a person sets them on the posting.
	Locations []string
	// Department moves the posting's job to another department or team
	// (by name): in the app the department is the job's, and every posting
	// of the job shows it.
	Department *string
}

// EditPosting changes posting id as a person would in the app.
func (s *Server) EditPosting(id string, e Edit) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	p, ok := s.postings[id]
	if !ok {
		return fmt.Errorf("ashbysim: no posting %s", id)
	}
	if e.Title != nil {
		p.Title = *e.Title
	}
	if e.BodyHTML != nil {
		p.BodyHTML = *e.BodyHTML
	}
	if e.Status != nil {
		switch *e.Status {
		case statusPublished:
			s.publish(p)
		case statusDraft:
			p.Status, p.PublishedDate = statusDraft, nil
		default:
			return fmt.Errorf("ashbysim: status %q", *e.Status)
		}
	}
	if len(e.Locations) > 0 {
		var ids []string
		for _, name := range e.Locations {
			id := s.locationByName(name)
			if id == "" {
				return fmt.Errorf("ashbysim: no location %q", name)
			}
			ids = append(ids, id)
		}
		p.LocationID, p.SecondaryLocationIDs = ids[0], ids[1:]
	}
	if e.Department != nil {
		id := s.departmentByName(*e.Department)
		if id == "" {
			return fmt.Errorf("ashbysim: no department %q", *e.Department)
		}
		j := s.jobs[p.JobID]
		j.DepartmentID, j.UpdatedAt = id, s.stamp()
	}
	if e.Marker != nil {
		if *e.Marker == "" {
			delete(p.CustomFields, MarkerFieldID)
		} else {
			p.CustomFields[MarkerFieldID] = *e.Marker
		}
	}
	p.UpdatedAt = s.stamp()
	return nil
}

// CloseJob closes job id as a person would in the app: like job.setStatus
// Closed, it unpublishes the job's postings.
func (s *Server) CloseJob(id string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	j, ok := s.jobs[id]
	if !ok {
		return fmt.Errorf("ashbysim: no job %s", id)
	}
	now := s.stamp()
	j.Status, j.ClosedAt, j.UpdatedAt = "Closed", &now, now
	for _, p := range s.postings {
		if p.JobID == id && p.Status == statusPublished {
			p.Status, p.PublishedDate, p.UpdatedAt = statusDraft, nil, now
		}
	}
	return nil
}

// Posting returns posting id as jobPosting.info shows it, drafts and
// confidential jobs' postings included.
func (s *Server) Posting(id string) (PostingInfo, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	p, ok := s.postings[id]
	if !ok {
		return PostingInfo{}, false
	}
	return s.info(p), true
}

// Postings returns every posting, oldest first.
func (s *Server) Postings() []PostingInfo {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]PostingInfo, 0, len(s.order))
	for _, id := range s.order {
		out = append(out, s.info(s.postings[id]))
	}
	return out
}

// Job returns job id as job.info shows it (with every posting's id), and
// its compensation tiers.
func (s *Server) Job(id string) (Job, []Tier, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	j, ok := s.jobs[id]
	if !ok {
		return Job{}, nil, false
	}
	return s.jobView(j, true), append([]Tier{}, j.tiers...), true
}

// Jobs returns every job, oldest first.
func (s *Server) Jobs() []Job {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]Job, 0, len(s.jobOrder))
	for _, id := range s.jobOrder {
		out = append(out, s.jobView(s.jobs[id], true))
	}
	return out
}

// HumanPostings returns the ids of the postings people made, oldest first.
func (s *Server) HumanPostings() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []string
	for _, id := range s.order {
		if s.postings[id].Human {
			out = append(out, id)
		}
	}
	return out
}

// Snapshot is posting id and its job, as JSON, for tests that check a sync
// left it untouched.
func (s *Server) Snapshot(id string) []byte {
	s.mu.Lock()
	defer s.mu.Unlock()
	p, ok := s.postings[id]
	if !ok {
		return nil
	}
	j := s.jobs[p.JobID]
	data, _ := simkit.Dump(struct {
		Posting PostingInfo
		Job     Job
		Tiers   []Tier
	}{s.info(p), s.jobView(j, true), j.tiers})
	return data
}

// Duplicates returns, for each marker key that more than one posting
// carries in the marker field, how many carry it: empty after any number
// of syncs.
func (s *Server) Duplicates() map[string]int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := map[string]int{}
	for _, p := range s.postings {
		v, _ := p.CustomFields[MarkerFieldID].(string)
		for f := range strings.FieldsSeq(v) {
			if key, ok := strings.CutPrefix(f, "key="); ok {
				n[key]++
			}
		}
	}
	for k, c := range n {
		if c < 2 {
			delete(n, k)
		}
	}
	return n
}

// LocationID returns the id of the location named name ("" if none).
func (s *Server) LocationID(name string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.locationByName(name)
}

// DepartmentID returns the id of the department or team named name.
func (s *Server) DepartmentID(name string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.departmentByName(name)
}

func (s *Server) locationByName(name string) string {
	for _, l := range s.locations {
		if l.Name == name {
			return l.ID
		}
	}
	return ""
}

func (s *Server) departmentByName(name string) string {
	for _, d := range s.departments {
		if d.Name == name {
			return d.ID
		}
	}
	return ""
}

// SetFaults makes a share rate of the requests that pass auth and the
// rate limit fail from now on, evenly: 500, 502 and 503 errors before they
// run, delays, and answers lost after they ran (a 504, or the connection
// dropped). rate 0 turns faults off.
func (s *Server) SetFaults(rate float64, seed int64) { s.faults.Set(rate, seed) }

// Faults is the fault layer, for deterministic lost answers (LoseNext) and
// counts.
func (s *Server) Faults() *simkit.Faults { return s.faults }

// Recorder is the request recorder: tests and benchmarks count with it.
func (s *Server) Recorder() *simkit.Recorder { return s.rec }

// Requests returns every request so far, in the order they arrived.
func (s *Server) Requests() []Request { return s.rec.Requests() }

// Limit is the rate limiter, for its counts.
func (s *Server) Limit() *simkit.FixedWindow { return s.limit }
