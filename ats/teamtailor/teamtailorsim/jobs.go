package teamtailorsim

import (
	"cmp"
	"net/http"
	"slices"
	"strconv"
	"time"
)

// routes are the API's routes the simulator serves; anything else is a 404.
func (s *Server) routes() *http.ServeMux {
	m := http.NewServeMux()
	m.HandleFunc("GET /v1/jobs", s.listJobs)
	m.HandleFunc("POST /v1/jobs", s.createJob)
	m.HandleFunc("GET /v1/jobs/{id}", s.showJob)
	m.HandleFunc("PATCH /v1/jobs/{id}", s.updateJob)
	m.HandleFunc("GET /v1/departments", s.listDepartments)
	m.HandleFunc("GET /v1/locations", s.listLocations)
	m.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		writeErrors(w, http.StatusNotFound, apiError{Title: "Not found", Detail: r.Method + " " + r.URL.Path + " is not a route of the API"})
	})
	return m
}

// jobIncludes are the relationships a jobs request may include.
var jobIncludes = []string{"department", "locations", "user", "role"}

// listJobs serves GET /v1/jobs: filter[status] (default published; "all"),
// filter[feed] (default public), include, and pages in the default order,
// pinned jobs first, then the newest.
func (s *Server) listJobs(w http.ResponseWriter, r *http.Request) {
	q, ok := parseQuery(w, r, []string{"status", "feed", "department", "locations", "role"}, jobIncludes)
	if !ok {
		return
	}
	statuses, fs := q.filters["status"], q.filters["feed"]
	if statuses == nil {
		statuses = []string{"published"}
	}
	if fs == nil {
		fs = []string{"public"}
	}
	for _, st := range statuses {
		if !slices.Contains(listStatuses, st) {
			badRequest(w, "Invalid filter value", st+" is not a valid value for status.")
			return
		}
	}
	for _, f := range fs {
		if !slices.Contains(feeds, f) {
			badRequest(w, "Invalid filter value", f+" is not a valid value for feed.")
			return
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.o.Now()
	var match []*Job
	for _, j := range s.jobs {
		feed := "public"
		if j.Attributes.Internal {
			feed = "internal"
		}
		if !slices.Contains(fs, feed) || !(slices.Contains(statuses, "all") || slices.Contains(statuses, humanStatus(j.Attributes, now))) {
			continue
		}
		if d := q.filters["department"]; d != nil && !slices.Contains(d, j.DepartmentID) {
			continue
		}
		if l := q.filters["locations"]; l != nil && !slices.ContainsFunc(l, func(id string) bool { return slices.Contains(j.LocationIDs, id) }) {
			continue
		}
		match = append(match, j)
	}
	slices.SortFunc(match, func(a, b *Job) int {
		if a.Attributes.Pinned != b.Attributes.Pinned {
			if a.Attributes.Pinned {
				return -1
			}
			return 1
		}
		return cmp.Or(cmp.Compare(b.Attributes.CreatedAt, a.Attributes.CreatedAt), cmp.Compare(num(b.ID), num(a.ID)))
	})
	items, meta, links := page(r, q, match)
	data := make([]resource, 0, len(items))
	for _, j := range items {
		data = append(data, s.jobResource(r, j, q.include))
	}
	writeJSON(w, http.StatusOK, document{Data: data, Included: s.included(items, q.include), Meta: meta, Links: links})
}

// showJob serves GET /v1/jobs/{id}.
func (s *Server) showJob(w http.ResponseWriter, r *http.Request) {
	q, ok := parseQuery(w, r, nil, jobIncludes)
	if !ok {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	j, ok := s.jobs[r.PathValue("id")]
	if !ok {
		notFound(w, r.PathValue("id"))
		return
	}
	writeJSON(w, http.StatusOK, document{Data: s.jobResource(r, j, q.include), Included: s.included([]*Job{j}, q.include)})
}

// humanStatus is a job's human-readable status (docs: archived, unlisted,
// expired, draft, published, scheduled or unsaved).
func humanStatus(a JobAttributes, now time.Time) string {
	switch a.Status {
	case "open":
		day := now.Format("2006-01-02")
		switch {
		case a.StartDate != nil && (*a.StartDate)[:min(10, len(*a.StartDate))] > day:
			return "scheduled"
		case a.EndDate != nil && (*a.EndDate)[:min(10, len(*a.EndDate))] < day:
			return "expired"
		}
		return "published"
	case "temp":
		return "unsaved"
	}
	return a.Status
}

// jobResource is j as the API serves it to the key of r: tags only for an
// Admin key, relationship linkage only for what was included.
func (s *Server) jobResource(r *http.Request, j *Job, include []string) resource {
	base := "http://" + r.Host + "/v1/jobs/" + j.ID
	a := j.Attributes
	attrs := map[string]any{
		"title": a.Title, "pitch": a.Pitch, "body": a.Body, "status": a.Status,
		"human-status": humanStatus(a, s.o.Now()), "internal": a.Internal, "pinned": a.Pinned,
		"remote-status": a.RemoteStatus, "start-date": a.StartDate, "end-date": a.EndDate,
		"apply-button-text": a.ApplyButtonText, "external-application-url": a.ExternalApplicationURL,
		"picture": a.Picture, "name-requirement": a.NameRequirement, "resume-requirement": a.ResumeRequirement,
		"cover-letter-requirement": a.CoverLetterRequirement, "phone-requirement": a.PhoneRequirement,
		"created-at": a.CreatedAt, "mailbox": a.Mailbox,
	}
	if scopeOf(r) == admin {
		attrs["tags"] = slices.Clone(a.Tags)
	}
	rels := map[string]relationship{}
	for _, name := range []string{"department", "role", "location", "locations", "user", "questions", "candidates", "stages", "colleagues", "regions"} {
		rels[name] = relationship{Links: map[string]string{"self": base + "/relationships/" + name, "related": base + "/" + name}}
	}
	for _, inc := range include {
		rel := rels[inc]
		switch inc {
		case "department":
			rel.Data = toOne("departments", j.DepartmentID)
		case "role":
			rel.Data = toOne("roles", j.RoleID)
		case "user":
			rel.Data = toOne("users", j.UserID)
		case "locations":
			refs := make([]ref, 0, len(j.LocationIDs))
			for _, id := range j.LocationIDs {
				refs = append(refs, ref{Type: "locations", ID: id})
			}
			rel.Data = refs
		}
		rels[inc] = rel
	}
	career := "https://career.teamtailor.test/jobs/" + j.ID + "-" + slug(a.Title)
	return resource{
		ID: j.ID, Type: "jobs", Attributes: attrs, Relationships: rels,
		Links: map[string]string{"careersite-job-url": career, "careersite-job-apply-url": career + "/applications/new", "self": base},
	}
}

// toOne is a to-one linkage: a reference, or null.
func toOne(typ, id string) any {
	if id == "" {
		return nil
	}
	return ref{Type: typ, ID: id}
}

// included is the resources the jobs' included relationships point to,
// each once.
func (s *Server) included(jobs []*Job, include []string) []resource {
	var out []resource
	seen := map[ref]bool{}
	add := func(typ, id string, attrs map[string]any) {
		k := ref{typ, id}
		if id == "" || seen[k] {
			return
		}
		seen[k] = true
		out = append(out, resource{ID: id, Type: typ, Attributes: attrs})
	}
	for _, j := range jobs {
		for _, inc := range include {
			switch inc {
			case "department":
				if d, ok := s.departments[j.DepartmentID]; ok {
					add("departments", d.ID, departmentAttrs(d))
				}
			case "locations":
				for _, id := range j.LocationIDs {
					if l, ok := s.locations[id]; ok {
						add("locations", l.ID, locationAttrs(l))
					}
				}
			case "user":
				if name, ok := s.users[j.UserID]; ok {
					add("users", j.UserID, map[string]any{"name": name})
				}
			}
		}
	}
	return out
}

func departmentAttrs(d *Department) map[string]any { return map[string]any{"name": d.Name} }

func locationAttrs(l *Location) map[string]any {
	return map[string]any{"name": l.Name, "city": l.City, "country": l.Country, "address": l.Address, "zip": l.Zip, "headquarters": l.Headquarters}
}

// listDepartments serves GET /v1/departments, in pages.
func (s *Server) listDepartments(w http.ResponseWriter, r *http.Request) {
	q, ok := parseQuery(w, r, nil, nil)
	if !ok {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	all := sortedByID(s.departments)
	items, meta, links := page(r, q, all)
	data := make([]resource, 0, len(items))
	for _, d := range items {
		data = append(data, resource{ID: d.ID, Type: "departments", Attributes: departmentAttrs(d)})
	}
	writeJSON(w, http.StatusOK, document{Data: data, Meta: meta, Links: links})
}

// listLocations serves GET /v1/locations, in pages.
func (s *Server) listLocations(w http.ResponseWriter, r *http.Request) {
	q, ok := parseQuery(w, r, nil, nil)
	if !ok {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	all := sortedByID(s.locations)
	items, meta, links := page(r, q, all)
	data := make([]resource, 0, len(items))
	for _, l := range items {
		data = append(data, resource{ID: l.ID, Type: "locations", Attributes: locationAttrs(l)})
	}
	writeJSON(w, http.StatusOK, document{Data: data, Meta: meta, Links: links})
}

// sortedByID orders a map's values by their numeric keys.
func sortedByID[T any](m map[string]*T) []*T {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b string) int { return cmp.Compare(num(a), num(b)) })
	out := make([]*T, len(keys))
	for i, k := range keys {
		out[i] = m[k]
	}
	return out
}

// num is a numeric id's value (0 for one that is not).
func num(id string) int {
	n, _ := strconv.Atoi(id)
	return n
}
