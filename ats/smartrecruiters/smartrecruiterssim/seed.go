package smartrecruiterssim

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/jobsync/jobsync/ats/simkit"
)

// The company's configured values a new job must use. The ids the
// documentation shows are here (industries computer_software, internet,
// retail; functions engineering, marketing, production; levels
// mid_senior_level, director); the rest of each list is a guess at the
// same style, and an id outside it is refused.
var (
	industries = map[string]string{
		"computer_software": "Computer Software", "internet": "Internet", "retail": "Retail",
		"information_technology_and_services": "Information Technology and Services",
	}
	functions = map[string]string{
		"engineering": "Engineering", "marketing": "Marketing", "production": "Production",
		"product_management": "Product Management", "information_technology": "Information Technology",
		"sales": "Sales", "design": "Design", "other": "Other",
	}
	levels = map[string]string{
		"internship": "Internship", "entry_level": "Entry Level", "associate": "Associate",
		"mid_senior_level": "Mid-Senior Level", "director": "Director", "executive": "Executive",
		"not_applicable": "Not Applicable",
	}
)

// human is who made the seeded jobs.
var human = Creator{FirstName: "Renette", LastName: "Youssef"}

// seedConfig configures the company's job properties: jobsync's marker
// field and one a recruiter uses.
func (s *Server) seedConfig() {
	s.props[MarkerFieldID] = PropertyDefinition{ID: MarkerFieldID, Label: "jobsync", Category: "TEXT", Active: true}
	s.props[costCenterID] = PropertyDefinition{ID: costCenterID, Label: "Cost center", Category: "TEXT", Active: true, Visible: true}
}

const costCenterID = "65a1c0de00000000000000b2"

// seedHumanJobs adds the jobs people made: published, drafted, and one
// whose jobsync field a person filled with text that is not a marker.
func (s *Server) seedHumanJobs() {
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.o.Now()
	for _, h := range []struct {
		title, posting, status, city, marker string
	}{
		{"Account Executive, DACH", "PUBLIC", "SOURCING", "Berlin", ""},
		{"Office Manager", "NOT_PUBLISHED", "CREATED", "Kraków", ""},
		{"Senior Data Engineer", "INTERNAL", "INTERVIEW", "Warsaw", "moved from Workday; ask HR before editing"},
	} {
		j := s.humanJob(h.title, now)
		j.PostingStatus, j.Status = h.posting, h.status
		j.Location = Location{Country: "Poland", CountryCode: "pl", City: h.city}
		if h.city == "Berlin" {
			j.Location = Location{Country: "Germany", CountryCode: "de", City: h.city}
		}
		j.Properties = append(j.Properties, Property{ID: costCenterID, Label: "Cost center", Value: PropertyValue{Label: "CC-" + h.city}})
		if h.marker != "" {
			j.Properties = append(j.Properties, Property{ID: MarkerFieldID, Label: "jobsync", Value: PropertyValue{Label: h.marker}})
		}
	}
}

// humanJob adds a job a person made, with a job ad, and returns it. Call
// with s.mu held.
func (s *Server) humanJob(title string, now time.Time) *Job {
	j := &Job{
		ID: s.newID(), Title: title, CreatedOn: now, UpdatedOn: now, LastActivityOn: now,
		Department:      &Labeled{ID: "18554", Label: "Operations"},
		Location:        Location{Country: "Poland", CountryCode: "pl", City: "Kraków"},
		Status:          "CREATED",
		PostingStatus:   "NOT_PUBLISHED",
		Industry:        &Labeled{ID: "internet", Label: industries["internet"]},
		Function:        &Labeled{ID: "other", Label: functions["other"]},
		ExperienceLevel: &Labeled{ID: "mid_senior_level", Label: levels["mid_senior_level"]},
		JobAd: JobAd{Sections: Sections{
			CompanyDescription: &Section{Title: "Company Description", Text: "<p>We make things people like.</p>"},
			JobDescription:     &Section{Title: "Job Description", Text: "<p>Written by a recruiter in the SmartRecruiters editor.</p>"},
		}},
		Properties: []Property{},
		Creator:    human,
	}
	s.jobs[j.ID] = j
	s.order = append(s.order, j.ID)
	return j
}

// AddHumanJob adds a published job a person made, with no jobsync marker,
// and returns its id.
func (s *Server) AddHumanJob(title string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	j := s.humanJob(title, s.o.Now())
	j.PostingStatus, j.Status = "PUBLIC", "SOURCING"
	return j.ID
}

// EditJobDescription changes a job's job description text as a recruiter
// would in the editor, leaving its properties (and any marker) alone.
func (s *Server) EditJobDescription(id, html string) error {
	return s.EditJob(id, func(j *Job) { j.JobAd.Sections.JobDescription = &Section{Title: "Job Description", Text: html} })
}

// EditJob changes job id as a person would in SmartRecruiters' editor:
// edit is given the job itself.
func (s *Server) EditJob(id string, edit func(*Job)) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	j, ok := s.jobs[id]
	if !ok {
		return fmt.Errorf("no job %s", id)
	}
	edit(j)
	j.UpdatedOn = s.o.Now()
	return nil
}

// ConflictNext makes the next n writes to job id answer 409, as when
// another request on the job is still running.
func (s *Server) ConflictNext(id string, n int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.conflict[id] += n
}

// Job returns a copy of job id.
func (s *Server) Job(id string) (Job, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	j, ok := s.jobs[id]
	if !ok {
		return Job{}, false
	}
	return clone(j), true
}

// Jobs returns a copy of every job, in creation order.
func (s *Server) Jobs() []Job {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]Job, 0, len(s.order))
	for _, id := range s.order {
		out = append(out, clone(s.jobs[id]))
	}
	return out
}

// Snapshot is job id as deterministic JSON, to prove a sync left it alone.
func (s *Server) Snapshot(id string) []byte {
	j, ok := s.Job(id)
	if !ok {
		return nil
	}
	data, _ := simkit.Dump(j)
	return data
}

// clone deep-copies a job through its JSON, which a Job always encodes
// to and decodes from.
func clone(j *Job) Job {
	data, _ := json.Marshal(j)
	var out Job
	_ = json.Unmarshal(data, &out)
	return out
}
