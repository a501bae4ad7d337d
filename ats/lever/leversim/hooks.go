package leversim

import (
	"fmt"
	"math/rand/v2"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/jobsync/jobsync/ats/simkit"
)

// SetFaults makes about rate of the requests that pass auth and the rate
// limit fail from now on: 500s and 503s before anything happens, and, for
// writes, a third of them done but answered by a dropped connection. Some
// other requests are slowed down a little. rate 0 turns faults off.
func (s *Server) SetFaults(rate float64, seed int64) { s.faults.Set(rate, seed) }

// faultPolicy draws the fault of one request for SetFaults.
func faultPolicy(rng *rand.Rand, rate float64, r *http.Request) simkit.Fault {
	var out simkit.Fault
	if rng.Float64() < rate/2 {
		out.Delay = time.Duration(2+rng.IntN(15)) * time.Millisecond
	}
	if rng.Float64() >= rate {
		return out
	}
	choices := 2
	if r.Method == http.MethodPost {
		choices = 3
	}
	switch rng.IntN(choices) {
	case 0:
		out.Status = http.StatusInternalServerError
	case 1:
		out.Status = http.StatusServiceUnavailable
	default:
		out.Loss = simkit.Dropped // the write happens, then the connection drops
	}
	return out
}

// HumanPosting is a posting made by a person in Lever's app.
type HumanPosting struct {
	Title           string
	State           string // default "published"
	Department      string
	Team            string
	Location        string
	Commitment      string
	DescriptionHTML string // stored as given: the app accepts what the API refuses
	Lists           []List
	Tags            []string
	Confidential    bool
}

// AddHumanPosting stores h as a person's posting and returns its id.
func (s *Server) AddHumanPosting(h HumanPosting) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.addHuman(h, s.opts.Now().UnixMilli())
}

func (s *Server) addHuman(h HumanPosting, at int64) string {
	if h.State == "" {
		h.State = "published"
	}
	conf := "non-confidential"
	if h.Confidential {
		conf = "confidential"
	}
	user := humanUsers[0]
	id := s.uuid()
	loc := []string{}
	if h.Location != "" {
		loc = []string{h.Location}
	}
	lists := slices.Clone(h.Lists)
	if lists == nil {
		lists = []List{}
	}
	p := &Posting{
		ID: id, Text: h.Title, State: h.State, DistributionChannels: []string{"public", "internal"},
		User: user, Owner: user, Followers: []string{user},
		Categories: Categories{Team: strp(cmpOr(h.Team, h.Department)), Department: strp(h.Department),
			Location: strp(h.Location), Commitment: strp(h.Commitment), AllLocations: loc},
		Tags: append([]string{}, h.Tags...),
		Content: Content{DescriptionHTML: h.DescriptionHTML, Description: plainText(h.DescriptionHTML),
			Lists: lists},
		Country: strp("US"), RequisitionCodes: []string{}, Confidentiality: conf,
		CreatedAt: at, UpdatedAt: at, WorkplaceType: "unspecified",
		URLs: &URLs{List: jobSite, Show: jobSite + "/" + id, Apply: jobSite + "/" + id + "/apply"},
	}
	s.postings[id] = p
	return id
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// Edit is a change a person makes in Lever's app. Empty fields are left
// alone.
type Edit struct {
	Title           string
	DescriptionHTML string
	State           string
	AddTags         []string
	RemoveTags      []string
}

// EditPosting changes posting id as a person would in the app.
func (s *Server) EditPosting(id string, e Edit) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	p, ok := s.postings[id]
	if !ok {
		return fmt.Errorf("leversim: no posting %s", id)
	}
	if e.Title != "" {
		p.Text = e.Title
	}
	if e.DescriptionHTML != "" {
		p.Content.DescriptionHTML, p.Content.Description = e.DescriptionHTML, plainText(e.DescriptionHTML)
	}
	if e.State != "" {
		if !states[e.State] {
			return fmt.Errorf("leversim: invalid state %q", e.State)
		}
		p.State = e.State
	}
	p.Tags = slices.DeleteFunc(p.Tags, func(t string) bool { return slices.Contains(e.RemoveTags, t) })
	for _, t := range e.AddTags {
		if !slices.Contains(p.Tags, t) {
			p.Tags = append(p.Tags, t)
		}
	}
	p.UpdatedAt = max(s.opts.Now().UnixMilli(), p.UpdatedAt+1)
	return nil
}

// Posting returns posting id as a GET would answer it.
func (s *Server) Posting(id string) (Posting, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	p, ok := s.postings[id]
	if !ok {
		return Posting{}, false
	}
	return present(p, true), true
}

// Postings returns every posting, confidential ones too, newest first.
func (s *Server) Postings() []Posting {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Posting
	for _, p := range s.sorted() {
		out = append(out, present(p, true))
	}
	return out
}

// Duplicates returns, for each tag starting with prefix that more than one
// posting carries, how many carry it. jobsync's key tags start "jobsync:",
// so Duplicates("jobsync:") must be empty after any number of syncs.
func (s *Server) Duplicates(prefix string) map[string]int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := map[string]int{}
	for _, p := range s.postings {
		for _, t := range p.Tags {
			if strings.HasPrefix(t, prefix) {
				n[t]++
			}
		}
	}
	for t, c := range n {
		if c < 2 {
			delete(n, t)
		}
	}
	return n
}

// Requests returns every request so far, in the order they arrived.
func (s *Server) Requests() []Request { return s.rec.Requests() }

// Count429 returns how many requests were refused by the rate limit.
func (s *Server) Count429() int { return s.bucket.Refused() }

// MaxRun429 returns the longest run of consecutive 429 answers.
func (s *Server) MaxRun429() int { return s.rec.MaxRun(simkit.Status(http.StatusTooManyRequests)) }
