package leversim

import (
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"net/http"
	"slices"
	"strings"
)

// handleCreate answers POST /v1/postings?perform_as=: 201 {"data": posting}.
func (s *Server) handleCreate(w http.ResponseWriter, r *http.Request) {
	req, user, ok := s.readWrite(w, r, "create")
	if !ok {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.opts.Now().UnixMilli()
	p := &Posting{
		ID:                   s.uuid(),
		State:                "draft",
		DistributionChannels: []string{"public", "internal"},
		User:                 user,
		Owner:                user,
		Tags:                 []string{},
		Confidentiality:      "non-confidential",
		CreatedAt:            now,
		UpdatedAt:            now,
		WorkplaceType:        "unspecified",
		RequisitionCodes:     []string{},
		Content:              Content{Lists: []List{}},
		Categories:           Categories{AllLocations: []string{}},
	}
	if req.Owner != nil {
		if !s.users[*req.Owner] {
			writeError(w, http.StatusBadRequest, "BadRequestError", "Invalid owner")
			return
		}
		p.Owner = *req.Owner
	}
	if req.Text == nil {
		writeError(w, http.StatusBadRequest, "BadRequestError", "Missing required field: text")
		return
	}
	if err := apply(p, req); err != nil {
		writeError(w, http.StatusBadRequest, "BadRequestError", err.Error())
		return
	}
	p.Followers = []string{p.Owner}
	p.URLs = &URLs{List: jobSite, Show: jobSite + "/" + p.ID, Apply: jobSite + "/" + p.ID + "/apply"}
	s.postings[p.ID] = p
	writeJSON(w, http.StatusCreated, map[string]any{"data": present(p, false)})
}

// handleUpdate answers POST /v1/postings/{id}?perform_as=: only the fields
// sent change; 200 {"data": posting}.
func (s *Server) handleUpdate(w http.ResponseWriter, r *http.Request, id string) {
	req, _, ok := s.readWrite(w, r, "update")
	if !ok {
		return
	}
	if req.Owner != nil || req.HiringManager != nil {
		writeError(w, http.StatusBadRequest, "BadRequestError", "owner and hiringManager cannot be updated here")
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	cur, found := s.postings[id]
	if !found {
		writeNotFound(w, id)
		return
	}
	p := cur.clone()
	if err := apply(&p, req); err != nil {
		writeError(w, http.StatusBadRequest, "BadRequestError", err.Error())
		return
	}
	p.UpdatedAt = max(s.opts.Now().UnixMilli(), cur.UpdatedAt)
	*cur = p
	writeJSON(w, http.StatusOK, map[string]any{"data": present(cur, false)})
}

// writeReq is the body of a create or update; nil means not sent.
type writeReq struct {
	Text                  *string          `json:"text"`
	State                 *string          `json:"state"`
	DistributionChannels  *[]string        `json:"distributionChannels"`
	Owner                 *string          `json:"owner"`
	HiringManager         *string          `json:"hiringManager"`
	Categories            *writeCategories `json:"categories"`
	Tags                  *[]string        `json:"tags"`
	Content               *writeContent    `json:"content"`
	WorkplaceType         *string          `json:"workplaceType"`
	RequisitionCodes      *[]string        `json:"requisitionCodes"`
	SalaryDescriptionHTML *string          `json:"salaryDescriptionHtml"`
	SalaryRange           map[string]any   `json:"salaryRange"`
}

type writeCategories struct {
	Team         *string   `json:"team"`
	Department   *string   `json:"department"`
	Location     *string   `json:"location"`
	Commitment   *string   `json:"commitment"`
	Level        *string   `json:"level"`
	AllLocations *[]string `json:"allLocations"`
}

type writeContent struct {
	DescriptionHTML    *string `json:"descriptionHtml"`
	Lists              *[]List `json:"lists"`
	ClosingPostingHTML *string `json:"closingPostingHtml"`
}

// writable are the body fields Lever documents for a write; anything else
// is refused, as is any content field but the three write names.
var (
	writable        = set("text", "state", "distributionChannels", "owner", "hiringManager", "categories", "tags", "content", "workplaceType", "requisitionCodes", "salaryDescriptionHtml", "salaryRange")
	writableContent = set("descriptionHtml", "lists", "closingPostingHtml")
)

// readWrite checks perform_as, the content type and the body of a write.
func (s *Server) readWrite(w http.ResponseWriter, r *http.Request, op string) (writeReq, string, bool) {
	user := r.URL.Query().Get("perform_as")
	if user == "" {
		writeError(w, http.StatusBadRequest, "BadRequestError", "Missing perform_as parameter. Please specify a user for which to perform this "+op+".")
		return writeReq{}, "", false
	}
	s.mu.Lock()
	known := s.users[user]
	s.mu.Unlock()
	if !known {
		writeError(w, http.StatusBadRequest, "BadRequestError", "Invalid perform_as user")
		return writeReq{}, "", false
	}
	if mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt != "application/json" {
		writeError(w, http.StatusBadRequest, "BadRequestError", "Requests must be of type application/json")
		return writeReq{}, "", false
	}
	data, err := io.ReadAll(io.LimitReader(r.Body, 4<<20))
	if err != nil {
		writeError(w, http.StatusBadRequest, "BadRequestError", "Could not read the body")
		return writeReq{}, "", false
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil {
		writeError(w, http.StatusBadRequest, "BadRequestError", "Body is not a JSON object")
		return writeReq{}, "", false
	}
	for k := range raw {
		if !writable[k] {
			writeError(w, http.StatusBadRequest, "BadRequestError", k+" is not a writable field")
			return writeReq{}, "", false
		}
	}
	if c, ok := raw["content"]; ok {
		var rc map[string]json.RawMessage
		if json.Unmarshal(c, &rc) == nil {
			for k := range rc {
				if !writableContent[k] {
					writeError(w, http.StatusBadRequest, "BadRequestError", "content."+k+" is not a writable field")
					return writeReq{}, "", false
				}
			}
		}
	}
	var req writeReq
	if err := json.Unmarshal(data, &req); err != nil {
		writeError(w, http.StatusBadRequest, "BadRequestError", "Invalid body: "+err.Error())
		return writeReq{}, "", false
	}
	return req, user, true
}

// Enumerations (DOC § Postings; intervals partly third-party).
var (
	states         = set("published", "internal", "closed", "draft", "pending", "rejected")
	channels       = set("public", "internal")
	workplaceTypes = set("onsite", "remote", "hybrid", "unspecified")
	intervals      = set("per-year-salary", "per-month-salary", "per-week-salary", "per-day-wage", "per-hour-wage", "semi-month-salary", "bi-month-salary", "bi-week-salary", "one-time")
)

// apply validates req and writes it into p.
func apply(p *Posting, req writeReq) error {
	if req.Text != nil {
		t := strings.TrimSpace(*req.Text)
		if t == "" {
			return fmt.Errorf("text must not be empty")
		}
		p.Text = t
	}
	if req.State != nil {
		if !states[*req.State] {
			return fmt.Errorf("invalid state %q", *req.State)
		}
		p.State = *req.State
	}
	if req.DistributionChannels != nil {
		for _, c := range *req.DistributionChannels {
			if !channels[c] {
				return fmt.Errorf("invalid distribution channel %q", c)
			}
		}
		p.DistributionChannels = slices.Clone(*req.DistributionChannels)
	}
	if c := req.Categories; c != nil {
		all := []string{}
		if c.AllLocations != nil {
			all = slices.Clone(*c.AllLocations)
		}
		loc := deref(c.Location)
		if loc == "" && len(all) > 0 {
			loc = all[0]
		}
		if loc != "" && !slices.Contains(all, loc) {
			all = append([]string{loc}, all...)
		}
		p.Categories = Categories{Team: strp(deref(c.Team)), Department: strp(deref(c.Department)),
			Location: strp(loc), Commitment: strp(deref(c.Commitment)), Level: strp(deref(c.Level)), AllLocations: all}
	}
	if req.Tags != nil {
		tags := []string{}
		for _, t := range *req.Tags {
			if t = strings.TrimSpace(t); t != "" && !slices.Contains(tags, t) {
				tags = append(tags, t)
			}
		}
		p.Tags = tags
	}
	if c := req.Content; c != nil {
		if err := applyContent(&p.Content, c); err != nil {
			return err
		}
	}
	if v := req.WorkplaceType; v != nil {
		if !workplaceTypes[*v] {
			return fmt.Errorf("invalid workplaceType %q", *v)
		}
		if *v == "unspecified" && p.WorkplaceType != "unspecified" && p.WorkplaceType != "" {
			return fmt.Errorf("workplaceType cannot be set back to unspecified")
		}
		p.WorkplaceType = *v
	}
	if req.RequisitionCodes != nil {
		p.RequisitionCodes = slices.Clone(*req.RequisitionCodes)
	}
	if v := req.SalaryDescriptionHTML; v != nil {
		h, err := validate(*v, descriptionRules)
		if err != nil {
			return fmt.Errorf("invalid HTML in salaryDescriptionHtml: %v", err)
		}
		p.SalaryDescriptionHTML, p.SalaryDescription = h, plainText(h)
	}
	if req.SalaryRange != nil {
		sr, err := salaryRange(req.SalaryRange)
		if err != nil {
			return err
		}
		p.SalaryRange = sr
	}
	return nil
}

// applyContent validates and stores content, re-serialising its HTML and
// deriving the plain fields.
func applyContent(dst *Content, c *writeContent) error {
	if c.DescriptionHTML != nil {
		h, err := validate(*c.DescriptionHTML, descriptionRules)
		if err != nil {
			return fmt.Errorf("invalid HTML in content.descriptionHtml: %v", err)
		}
		dst.DescriptionHTML, dst.Description = h, plainText(h)
	}
	if c.Lists != nil {
		lists := []List{}
		for i, l := range *c.Lists {
			if strings.TrimSpace(l.Text) == "" {
				return fmt.Errorf("content.lists[%d].text is required", i)
			}
			h, err := validate(l.Content, listRules)
			if err != nil {
				return fmt.Errorf("invalid HTML in content.lists[%d].content: %v", i, err)
			}
			lists = append(lists, List{Text: l.Text, Content: h})
		}
		dst.Lists = lists
	}
	if c.ClosingPostingHTML != nil {
		h, err := validate(*c.ClosingPostingHTML, descriptionRules)
		if err != nil {
			return fmt.Errorf("invalid HTML in content.closingPostingHtml: %v", err)
		}
		dst.ClosingHTML, dst.Closing = h, plainText(h)
	}
	return nil
}

// salaryRange checks "if one child field is filled out they all must be".
func salaryRange(m map[string]any) (*SalaryRange, error) {
	need := []string{"min", "max", "currency", "interval"}
	n := 0
	for _, k := range need {
		if v, ok := m[k]; ok && v != nil && v != "" {
			n++
		}
	}
	if n == 0 {
		return nil, nil
	}
	if n != len(need) {
		return nil, fmt.Errorf("salaryRange: if one field is filled out, min, max, currency and interval must all be")
	}
	lo, ok1 := m["min"].(float64)
	hi, ok2 := m["max"].(float64)
	cur, ok3 := m["currency"].(string)
	iv, ok4 := m["interval"].(string)
	switch {
	case !ok1 || !ok2 || !ok3 || !ok4:
		return nil, fmt.Errorf("salaryRange: min and max must be numbers, currency and interval strings")
	case lo < 0 || hi < lo:
		return nil, fmt.Errorf("salaryRange: min must be at most max")
	case len(cur) != 3 || strings.ToUpper(cur) != cur:
		return nil, fmt.Errorf("salaryRange: invalid currency %q", cur)
	case !intervals[iv]:
		return nil, fmt.Errorf("salaryRange: invalid interval %q", iv)
	}
	return &SalaryRange{Min: lo, Max: hi, Currency: cur, Interval: iv}, nil
}

// uuid returns a random v4-style id from the server's seeded source.
func (s *Server) uuid() string {
	a, b := s.rng.Uint64(), s.rng.Uint64()
	return fmt.Sprintf("%08x-%04x-4%03x-%04x-%012x", a>>32, (a>>16)&0xffff, a&0xfff, (b>>48)&0x3fff|0x8000, b&0xffffffffffff)
}
