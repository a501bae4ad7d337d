package leversim

import (
	"fmt"
	"math/rand/v2"
	"net/http"
	"slices"
	"strings"
	"time"
)

// faults is the failure injection state.
type faults struct {
	rate float64
	rng  *rand.Rand
}

// fault is what happens to one request.
type fault struct {
	status  int           // answer this error instead
	latency time.Duration // wait this long first
	lose    bool          // do the write, then drop the connection
}

// SetFaults makes about rate of the requests that pass auth and the rate
// limit fail from now on: 500s and 503s before anything happens, and, for
// writes, a third of them done but answered by a dropped connection. Some
// other requests are slowed down a little. rate 0 turns faults off.
func (s *Server) SetFaults(rate float64, seed int64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults = faults{rate: rate, rng: rand.New(rand.NewPCG(uint64(seed), 0xfa17))}
}

// pickFault draws the fault for r.
func (s *Server) pickFault(r *http.Request) fault {
	s.mu.Lock()
	defer s.mu.Unlock()
	f := s.faults
	if f.rate <= 0 || f.rng == nil {
		return fault{}
	}
	var out fault
	if f.rng.Float64() < f.rate/2 {
		out.latency = time.Duration(2+f.rng.IntN(15)) * time.Millisecond
	}
	if f.rng.Float64() >= f.rate {
		return out
	}
	choices := 2
	if r.Method == http.MethodPost {
		choices = 3
	}
	switch f.rng.IntN(choices) {
	case 0:
		out.status = http.StatusInternalServerError
	case 1:
		out.status = http.StatusServiceUnavailable
	default:
		out.lose = true
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

// Requests returns every request answered so far, in order.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.log)
}

// Count429 returns how many requests were refused by the rate limit.
func (s *Server) Count429() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.n429
}

// MaxRun429 returns the longest run of consecutive 429 answers.
func (s *Server) MaxRun429() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	best, run := 0, 0
	for _, r := range s.log {
		if r.Status == http.StatusTooManyRequests {
			run++
			best = max(best, run)
		} else {
			run = 0
		}
	}
	return best
}
