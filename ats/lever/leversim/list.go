package leversim

import (
	"cmp"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
)

// cursor is where an offset token continues: after this posting in list
// order (newest first, as recorded).
type cursor struct {
	createdAt int64
	id        string
}

// jobSite is the simulated jobs.lever.co site.
const jobSite = "https://jobs.lever.co/leversim"

// handleList answers GET /v1/postings: filters, limit 1–100, opaque offset
// tokens, {"data", "hasNext", "next"} with no next on the last page.
func (s *Server) handleList(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	limit := s.opts.PageSize
	if v := q.Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > 100 {
			writeError(w, http.StatusBadRequest, "BadRequestError", "limit must be an integer between 1 and 100")
			return
		}
		limit = n
	}
	limit = min(limit, s.opts.PageSize)
	s.mu.Lock()
	defer s.mu.Unlock()
	var after *cursor
	if v := q.Get("offset"); v != "" {
		c, ok := s.tokens[v]
		if !ok {
			writeError(w, http.StatusBadRequest, "BadRequestError", "Invalid offset token")
			return
		}
		after = &c
	}
	match, err := listFilter(q)
	if err != nil {
		writeError(w, http.StatusBadRequest, "BadRequestError", err.Error())
		return
	}
	all := s.sorted()
	start := 0
	if after != nil {
		start = len(all)
		for i, p := range all {
			if before(cursor{p.CreatedAt, p.ID}, *after) {
				start = i
				break
			}
		}
	}
	page := []Posting{}
	next := ""
	for _, p := range all[start:] {
		if !match(p) {
			continue
		}
		if len(page) == limit {
			last := page[len(page)-1]
			next = fmt.Sprintf("0.%d.%s", last.CreatedAt, s.uuid())
			s.tokens[next] = cursor{last.CreatedAt, last.ID}
			break
		}
		page = append(page, present(p, true))
	}
	body := map[string]any{"data": page, "hasNext": next != ""}
	if next != "" {
		body["next"] = next
	}
	writeJSON(w, http.StatusOK, body)
}

// before reports whether a comes after b in list order (newest first).
func before(a, b cursor) bool {
	if a.createdAt != b.createdAt {
		return a.createdAt < b.createdAt
	}
	return a.id < b.id
}

// sorted returns the postings newest first.
func (s *Server) sorted() []*Posting {
	all := make([]*Posting, 0, len(s.postings))
	for _, p := range s.postings {
		all = append(all, p)
	}
	slices.SortFunc(all, func(a, b *Posting) int {
		if c := cmp.Compare(b.CreatedAt, a.CreatedAt); c != 0 {
			return c
		}
		return cmp.Compare(b.ID, a.ID)
	})
	return all
}

// listFilter builds the filter of a list: each parameter may repeat (OR);
// different parameters combine with AND; matches are exact and
// case-sensitive (DOC § List all postings).
func listFilter(q url.Values) (func(*Posting) bool, error) {
	conf := q.Get("confidentiality")
	switch conf {
	case "", "non-confidential", "confidential", "all":
	default:
		return nil, fmt.Errorf("invalid confidentiality %q", conf)
	}
	for _, st := range q["state"] {
		if !states[st] {
			return nil, fmt.Errorf("invalid state %q", st)
		}
	}
	in := func(name, v string) bool {
		vs, ok := q[name]
		return !ok || slices.Contains(vs, v)
	}
	return func(p *Posting) bool {
		switch conf {
		case "", "non-confidential":
			if p.Confidentiality != "non-confidential" {
				return false
			}
		case "confidential":
			if p.Confidentiality != "confidential" {
				return false
			}
		}
		if vs, ok := q["tag"]; ok && !slices.ContainsFunc(vs, func(t string) bool { return slices.Contains(p.Tags, t) }) {
			return false
		}
		if vs, ok := q["distributionChannel"]; ok && !slices.ContainsFunc(vs, func(c string) bool { return slices.Contains(p.DistributionChannels, c) }) {
			return false
		}
		c := p.Categories
		return in("state", p.State) && in("team", deref(c.Team)) && in("department", deref(c.Department)) &&
			in("location", deref(c.Location)) && in("commitment", deref(c.Commitment)) && in("level", deref(c.Level))
	}, nil
}

// handleGet answers GET /v1/postings/{id}.
func (s *Server) handleGet(w http.ResponseWriter, id string) {
	s.mu.Lock()
	p, ok := s.postings[id]
	var out Posting
	if ok {
		out = present(p, true)
	}
	s.mu.Unlock()
	if !ok {
		writeNotFound(w, id)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"data": out})
}

func writeNotFound(w http.ResponseWriter, id string) {
	writeError(w, http.StatusNotFound, "ResourceNotFound", "postings "+id+" was not found")
}

// present is a posting as Lever answers it: distributionChannels null unless
// published (as recorded), urls null in a write's reply (as recorded).
func present(p *Posting, withURLs bool) Posting {
	out := p.clone()
	if out.State != "published" {
		out.DistributionChannels = nil
	}
	if !withURLs {
		out.URLs = nil
	}
	return out
}
