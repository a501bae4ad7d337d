package teamtailorsim

import (
	"bytes"
	"encoding/json"
	"fmt"
	"mime"
	"net/http"
	"slices"
	"strings"
	"time"
)

// createJob serves POST /v1/jobs: 201 with the new job. user, title and
// body are required (docs § Create Job); a new job is open unless the
// write says otherwise (the docs' example answer).
func (s *Server) createJob(w http.ResponseWriter, r *http.Request) {
	in, ok := readWrite(w, r, "")
	if !ok {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.o.Now()
	j := &Job{Attributes: JobAttributes{
		Status: "open", RemoteStatus: "none", Tags: []string{}, NameRequirement: "optional", ResumeRequirement: "optional",
		CoverLetterRequirement: "optional", PhoneRequirement: "optional",
	}, LocationIDs: []string{}}
	if !s.apply(w, r, j, in, true) {
		return
	}
	s.nextID++
	j.ID = fmt.Sprint(s.nextID)
	j.Attributes.CreatedAt = now.UTC().Format(timeFormat)
	j.Attributes.Mailbox = fmt.Sprintf("job-%08x@inbound.teamtailor.test", s.nextID*2654435761)
	j.Edits = 1
	s.jobs[j.ID] = j
	writeJSON(w, http.StatusCreated, document{Data: s.jobResource(r, j, nil)})
}

// updateJob serves PATCH /v1/jobs/{id}: what the write names changes, the
// rest stays; a to-many relationship given is replaced whole, and so are
// tags.
func (s *Server) updateJob(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	in, ok := readWrite(w, r, id)
	if !ok {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	cur, ok := s.jobs[id]
	if !ok {
		notFound(w, id)
		return
	}
	j := *cur
	j.Attributes.Tags = slices.Clone(cur.Attributes.Tags)
	j.LocationIDs = slices.Clone(cur.LocationIDs)
	if !s.apply(w, r, &j, in, false) {
		return
	}
	j.Edits++
	*cur = j
	writeJSON(w, http.StatusOK, document{Data: s.jobResource(r, cur, nil)})
}

// timeFormat is how the API writes times: "2016-11-17T00:00:00.000+01:00".
const timeFormat = "2006-01-02T15:04:05.000Z07:00"

// write is a job write's resource object, checked for its form.
type write struct {
	attrs map[string]json.RawMessage
	rels  map[string]json.RawMessage
}

// readWrite checks a write's media type and document: JSON:API's
// Content-Type, one resource object of type jobs, and, on an update, the
// id of the URL.
func readWrite(w http.ResponseWriter, r *http.Request, id string) (write, bool) {
	if mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt != mediaType {
		writeErrors(w, http.StatusUnsupportedMediaType, apiError{Title: "Unsupported media type", Code: "415",
			Detail: "All requests that create or update must use the '" + mediaType + "' Content-Type. This request specified '" + mt + "'."})
		return write{}, false
	}
	var doc writeDocument
	dec := json.NewDecoder(r.Body)
	if err := dec.Decode(&doc); err != nil || doc.Data == nil {
		badRequest(w, "Invalid data format", "Data must be a hash.")
		return write{}, false
	}
	d := doc.Data
	if d.Type == "" {
		badRequest(w, "Missing Parameter", "The required parameter, type, is missing.")
		return write{}, false
	}
	if d.Type != "jobs" {
		badRequest(w, "Type Mismatch", d.Type+" is not a valid type for this operation.")
		return write{}, false
	}
	var given string
	if len(d.ID) > 0 && !bytes.Equal(d.ID, []byte("null")) {
		if json.Unmarshal(d.ID, &given) != nil {
			var n json.Number
			if json.Unmarshal(d.ID, &n) != nil {
				badRequest(w, "Invalid field value", string(d.ID)+" is not a valid value for id.")
				return write{}, false
			}
			given = n.String()
		}
	}
	switch {
	case id == "" && given != "":
		badRequest(w, "Param not allowed", "id is not allowed.")
		return write{}, false
	case id != "" && given == "":
		badRequest(w, "A key is required", "The resource object does not contain a key.")
		return write{}, false
	case id != "" && given != id:
		badRequest(w, "Key is not included in URL", "The URL does not support the key "+given)
		return write{}, false
	}
	out := write{attrs: d.Attributes, rels: map[string]json.RawMessage{}}
	for name, rel := range d.Relationships {
		out.rels[name] = rel.Data
	}
	return out, true
}

// Attributes a write may set; the read-only ones are refused as
// JSONAPI::Resources refuses a field it does not take.
var (
	stringAttrs   = []string{"title", "pitch", "body", "status", "remote-status", "name-requirement", "resume-requirement", "cover-letter-requirement", "phone-requirement"}
	nullableAttrs = []string{"start-date", "end-date", "apply-button-text", "external-application-url", "picture"}
	boolAttrs     = []string{"internal", "pinned"}
)

// maxTagLength is the longest tag kept: tags are rows of a varchar(255)
// column in acts-as-taggable-on, the Rails tagging library.
const maxTagLength = 255

// apply checks a write and sets it on j, answering an error itself when it
// is refused; j is the caller's copy, stored only on success.
func (s *Server) apply(w http.ResponseWriter, r *http.Request, j *Job, in write, create bool) bool {
	a := &j.Attributes
	for name, raw := range in.attrs {
		var err error
		switch {
		case slices.Contains(stringAttrs, name):
			var v string
			if err = json.Unmarshal(raw, &v); err == nil {
				*stringField(a, name) = v
			}
		case slices.Contains(nullableAttrs, name):
			var v *string
			if err = json.Unmarshal(raw, &v); err == nil {
				setNullable(a, name, v)
			}
		case slices.Contains(boolAttrs, name):
			var v bool
			if err = json.Unmarshal(raw, &v); err == nil {
				if name == "internal" {
					a.Internal = v
				} else {
					a.Pinned = v
				}
			}
		case name == "tags" && scopeOf(r) == admin:
			var v []string
			if err = json.Unmarshal(raw, &v); err == nil {
				a.Tags = tagList(v)
			}
		default: // read-only (human-status, created-at, mailbox), tags without an Admin key, unknown
			badRequest(w, "Param not allowed", name+" is not allowed.")
			return false
		}
		if err != nil {
			badRequest(w, "Invalid field value", string(raw)+" is not a valid value for "+name+".")
			return false
		}
	}
	for name, raw := range in.rels {
		if !s.relate(w, j, name, raw) {
			return false
		}
	}
	a.Body = sanitize(a.Body)
	var errs []apiError
	if strings.TrimSpace(a.Title) == "" {
		errs = append(errs, invalid("title", "/data/attributes/title", "can't be blank"))
	}
	if strings.TrimSpace(a.Body) == "" {
		errs = append(errs, invalid("body", "/data/attributes/body", "can't be blank"))
	}
	if create && j.UserID == "" {
		errs = append(errs, invalid("user", "/data/relationships/user", "must exist"))
	}
	for _, c := range []struct {
		field, value string
		allowed      []string
	}{
		{"status", a.Status, jobStatuses}, {"remote-status", a.RemoteStatus, remoteStatuses},
		{"name-requirement", a.NameRequirement, requirements}, {"resume-requirement", a.ResumeRequirement, requirements},
		{"cover-letter-requirement", a.CoverLetterRequirement, requirements}, {"phone-requirement", a.PhoneRequirement, requirements},
	} {
		if !slices.Contains(c.allowed, c.value) {
			errs = append(errs, invalid(c.field, "/data/attributes/"+c.field, "is not included in the list"))
		}
	}
	for _, tag := range a.Tags {
		if len(tag) > maxTagLength {
			errs = append(errs, invalid("tags", "/data/attributes/tags", fmt.Sprintf("is too long (maximum is %d characters)", maxTagLength)))
			break
		}
	}
	for i, d := range []*string{a.StartDate, a.EndDate} {
		if name := [...]string{"start-date", "end-date"}[i]; d != nil && !validDate(*d) {
			errs = append(errs, invalid(name, "/data/attributes/"+name, "is not a date"))
		}
	}
	if len(errs) > 0 {
		writeErrors(w, http.StatusUnprocessableEntity, errs...)
		return false
	}
	return true
}

// relate sets one relationship of j from its linkage: to-one user,
// department and role, to-many locations. The deprecated to-one location
// was removed in 2019 (docs' changelog) and is refused.
func (s *Server) relate(w http.ResponseWriter, j *Job, name string, raw json.RawMessage) bool {
	types := map[string]string{"user": "users", "department": "departments", "role": "roles", "locations": "locations"}
	typ, ok := types[name]
	if !ok {
		badRequest(w, "Invalid relationship", name+" is not a valid relationship for jobs.")
		return false
	}
	exists := func(id string) bool {
		switch typ {
		case "users":
			_, ok := s.users[id]
			return ok
		case "departments":
			_, ok := s.departments[id]
			return ok
		case "locations":
			_, ok := s.locations[id]
			return ok
		}
		return false // the simulator has no roles
	}
	if name == "locations" {
		var refs []ref
		if err := json.Unmarshal(raw, &refs); err != nil {
			badRequest(w, "Invalid Links Object", "Data is not a valid Links Object.")
			return false
		}
		ids := []string{}
		for _, rf := range refs {
			if rf.Type != typ {
				badRequest(w, "Type Mismatch", rf.Type+" is not a valid type for this operation.")
				return false
			}
			if !exists(rf.ID) {
				notFound(w, rf.ID)
				return false
			}
			if !slices.Contains(ids, rf.ID) {
				ids = append(ids, rf.ID)
			}
		}
		j.LocationIDs = ids
		return true
	}
	var rf *ref
	if err := json.Unmarshal(raw, &rf); err != nil {
		badRequest(w, "Invalid Links Object", "Data is not a valid Links Object.")
		return false
	}
	id := ""
	if rf != nil {
		if rf.Type != typ {
			badRequest(w, "Type Mismatch", rf.Type+" is not a valid type for this operation.")
			return false
		}
		if !exists(rf.ID) {
			notFound(w, rf.ID)
			return false
		}
		id = rf.ID
	}
	switch name {
	case "user":
		j.UserID = id
	case "department":
		j.DepartmentID = id
	case "role":
		j.RoleID = id
	}
	return true
}

// stringField is the attribute of a string name.
func stringField(a *JobAttributes, name string) *string {
	switch name {
	case "title":
		return &a.Title
	case "pitch":
		return &a.Pitch
	case "body":
		return &a.Body
	case "status":
		return &a.Status
	case "remote-status":
		return &a.RemoteStatus
	case "name-requirement":
		return &a.NameRequirement
	case "resume-requirement":
		return &a.ResumeRequirement
	case "cover-letter-requirement":
		return &a.CoverLetterRequirement
	}
	return &a.PhoneRequirement
}

func setNullable(a *JobAttributes, name string, v *string) {
	switch name {
	case "start-date":
		a.StartDate = v
	case "end-date":
		a.EndDate = v
	case "apply-button-text":
		a.ApplyButtonText = v
	case "external-application-url":
		a.ExternalApplicationURL = v
	default: // picture: a URL to fetch; the simulator keeps it as given
		if v == nil {
			a.Picture = nil
		} else {
			a.Picture = *v
		}
	}
}

// tagList is tags as the tagging library keeps them: trimmed, blank ones
// dropped, one of each regardless of case (the first spelling wins).
func tagList(tags []string) []string {
	out := []string{}
	for _, t := range tags {
		t = strings.TrimSpace(t)
		if t != "" && !slices.ContainsFunc(out, func(o string) bool { return strings.EqualFold(o, t) }) {
			out = append(out, t)
		}
	}
	return out
}

// validDate reports whether d starts with a date, as the API's dates do.
func validDate(d string) bool {
	_, err := time.Parse("2006-01-02", d[:min(10, len(d))])
	return err == nil
}
