package teamtailorsim

import (
	"fmt"
	"strings"
	"time"
)

// seedAccount adds the account's users, departments and locations: the
// departments and locations jobsync's samples and examples use, and a few
// more.
func (s *Server) seedAccount() {
	s.users["819"] = "Ada Admin"
	s.users["820"] = "Rita Recruiter"
	for i, name := range []string{"Product", "Engineering", "Infrastructure", "People", "Marketing", "Sales"} {
		id := fmt.Sprint(337 + i)
		s.departments[id] = &Department{ID: id, Name: name}
	}
	for i, l := range []Location{
		{City: "Stockholm", Country: "Sweden", Address: "Tegnérgatan 34", Zip: "113 59", Headquarters: true},
		{Name: "Remote"},
		{Name: "Remote, EMEA"},
		{Name: "Remote, Americas"},
		{City: "London", Country: "United Kingdom"},
		{City: "New York", Country: "United States"},
	} {
		l.ID = fmt.Sprint(667 + i)
		s.locations[l.ID] = &l
	}
}

// seedJobs adds the jobs people made in the app: open, pinned, archived,
// unlisted, internal, draft and expired ones, one titled like a posting
// jobsync publishes, and one with a tag that looks like, but is not,
// jobsync's marker.
func (s *Server) seedJobs() {
	for i, h := range []HumanJob{
		{Title: "Office Manager", Body: "<p>Keep our Stockholm office running.<br></p>", Department: "People", Locations: []string{"Stockholm"}, Tags: []string{"Operations"}, Pinned: true},
		{Title: "Senior Product Manager, Verify (CI)", Body: "<p>Our own ad for this role, written by hand.</p>", Department: "Product", Locations: []string{"Remote"}},
		{Title: "Account Executive, DACH", Body: "<p>Sell in German-speaking Europe.</p>", Department: "Sales", Status: "archived", Tags: []string{"Sales", "DACH"}},
		{Title: "Customer Success Manager", Body: "<p>Reachable by its link only.</p>", Department: "Sales", Status: "unlisted"},
		{Title: "People Partner", Body: "<p>For colleagues only.</p>", Department: "People", Internal: true},
		{Title: "Data Engineer", Body: "<p>Not ready yet.</p>", Department: "Engineering", Status: "draft"},
		{Title: "Growth Marketer", Body: "<p>Applications closed.</p>", Department: "Marketing", EndDate: "2025-01-31"},
		{Title: "Site Reliability Engineer", Body: "<p>A tag from another tool.</p>", Department: "Infrastructure", Tags: []string{"jobsync/v2 key=sre hash=x", "jobsync"}},
	} {
		s.addHuman(h, time.Date(2025, 3, 1+i, 9, 30, 0, 0, time.UTC))
	}
}

// HumanJob is a job a person makes in Teamtailor's app. Department and
// Locations are names of the account's departments and locations.
type HumanJob struct {
	Title      string
	Body       string
	Status     string // default "open"
	Department string
	Locations  []string
	Tags       []string
	Internal   bool
	Pinned     bool
	EndDate    string // "2025-01-31"; "" for none
}

// AddHumanJob stores h as a job a person made and returns its id.
func (s *Server) AddHumanJob(h HumanJob) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.addHuman(h, s.o.Now())
}

func (s *Server) addHuman(h HumanJob, at time.Time) string {
	s.nextID++
	id := fmt.Sprint(s.nextID)
	j := &Job{ID: id, UserID: "820", Human: true, LocationIDs: []string{}, Attributes: JobAttributes{
		Title: h.Title, Body: h.Body, Status: h.Status, Internal: h.Internal, Pinned: h.Pinned,
		Tags: tagList(h.Tags), RemoteStatus: "none", NameRequirement: "optional", ResumeRequirement: "optional",
		CoverLetterRequirement: "optional", PhoneRequirement: "optional",
		CreatedAt: at.UTC().Format(timeFormat), Mailbox: "job-" + id + "@inbound.teamtailor.test",
	}}
	if j.Attributes.Status == "" {
		j.Attributes.Status = "open"
	}
	if h.EndDate != "" {
		end := h.EndDate
		j.Attributes.EndDate = &end
	}
	for _, d := range s.departments {
		if d.Name == h.Department {
			j.DepartmentID = d.ID
		}
	}
	for _, name := range h.Locations {
		for _, l := range sortedByID(s.locations) {
			if l.Name == name || l.Name == "" && l.City == name {
				j.LocationIDs = append(j.LocationIDs, l.ID)
			}
		}
	}
	s.jobs[id] = j
	return id
}

// slug is a title as a URL's words: "Office Manager" → "office-manager".
func slug(title string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(title) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}
