package teamtailorsim

import (
	"fmt"
	"slices"
	"strings"

	"github.com/jobsync/jobsync/ats/simkit"
)

// SetFaults makes a share rate of the requests that pass the rate limit
// and the checks fail from now on, drawn evenly among 500, 502 and 503
// errors, delays, and writes that happen but whose answer is lost (a 504
// or a dropped connection). rate 0 turns faults off.
func (s *Server) SetFaults(rate float64, seed int64) { s.faults.Set(rate, seed) }

// LoseNext loses the answer of the next request with method and a path
// starting with prefix: it runs, then the client gets a 504 (or, with
// drop, no answer at all).
func (s *Server) LoseNext(method, prefix string, drop bool) { s.faults.LoseNext(method, prefix, drop) }

// Recorder is every request the server saw, refusals included.
func (s *Server) Recorder() *simkit.Recorder { return s.rec }

// Limiter is the server's fixed window.
func (s *Server) Limiter() *simkit.FixedWindow { return s.limit }

// Requests returns the requests answered so far, in arrival order.
func (s *Server) Requests() []Request { return s.rec.Requests() }

// Jobs returns a copy of every job, by id.
func (s *Server) Jobs() []Job {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Job
	for _, j := range sortedByID(s.jobs) {
		out = append(out, copyJob(j))
	}
	return out
}

// Job returns a copy of job id.
func (s *Server) Job(id string) (Job, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	j, ok := s.jobs[id]
	if !ok {
		return Job{}, false
	}
	return copyJob(j), true
}

// Snapshot is job id as deterministic JSON ("" for no such job), to check a
// sync left it untouched.
func (s *Server) Snapshot(id string) string {
	j, ok := s.Job(id)
	if !ok {
		return ""
	}
	data, err := simkit.Dump(j)
	if err != nil {
		panic(err) // a Job always encodes
	}
	return string(data)
}

func copyJob(j *Job) Job {
	c := *j
	c.Attributes.Tags = slices.Clone(j.Attributes.Tags)
	c.LocationIDs = slices.Clone(j.LocationIDs)
	return c
}

// Edit is a change a person makes to a job in the app. Empty fields are
// left alone.
type Edit struct {
	Title      string
	Body       string
	Status     string
	Department string // a department's name: the job moves there
	AddTags    []string
	RemoveTags []string // by exact spelling, or every tag starting with a prefix ending in "*"
}

// EditJob changes job id as a person would in the app.
func (s *Server) EditJob(id string, e Edit) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	j, ok := s.jobs[id]
	if !ok {
		return fmt.Errorf("no job %s", id)
	}
	a := &j.Attributes
	if e.Title != "" {
		a.Title = e.Title
	}
	if e.Body != "" {
		a.Body = e.Body
	}
	if e.Status != "" {
		if !slices.Contains(jobStatuses, e.Status) {
			return fmt.Errorf("status %q: want one of %v", e.Status, jobStatuses)
		}
		a.Status = e.Status
	}
	if e.Department != "" {
		var id string
		for _, d := range s.departments {
			if d.Name == e.Department {
				id = d.ID
			}
		}
		if id == "" {
			return fmt.Errorf("no department %q", e.Department)
		}
		j.DepartmentID = id
	}
	a.Tags = slices.DeleteFunc(a.Tags, func(t string) bool {
		return slices.ContainsFunc(e.RemoveTags, func(r string) bool {
			p, prefix := strings.CutSuffix(r, "*")
			return t == r || prefix && strings.HasPrefix(t, p)
		})
	})
	a.Tags = tagList(append(a.Tags, e.AddTags...))
	return nil
}

// AddDepartment adds a department and returns its id.
func (s *Server) AddDepartment(name string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.nextID++
	id := fmt.Sprint(s.nextID)
	s.departments[id] = &Department{ID: id, Name: name}
	return id
}

// AddLocation adds a location with a name and returns its id.
func (s *Server) AddLocation(name string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.nextID++
	id := fmt.Sprint(s.nextID)
	s.locations[id] = &Location{ID: id, Name: name}
	return id
}

// DepartmentName and LocationName are the names a job's relationships
// point to, for tests.
func (s *Server) DepartmentName(id string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if d, ok := s.departments[id]; ok {
		return d.Name
	}
	return ""
}

// LocationNames are the display names of locations, by id: the name, else
// the city.
func (s *Server) LocationNames(ids []string) []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []string
	for _, id := range ids {
		if l, ok := s.locations[id]; ok {
			out = append(out, cmpOr(l.Name, l.City))
		}
	}
	return out
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
