package ashby

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"

	"go.uber.org/zap"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/ats/atshttp"
	"github.com/jobsync/jobsync/posting"
)

// DefaultBaseURL is the API's root: every method is POST <root>/<method>.
const DefaultBaseURL = "https://api.ashbyhq.com"

// DefaultMarkerField is the title of the job posting custom field that
// holds jobsync's marker unless Options.MarkerField names another.
const DefaultMarkerField = "jobsync marker"

// Posting and job statuses as Ashby names them.
const (
	statusPublished = "Published"
	statusDraft     = "Draft"
	jobOpen         = "Open"
	jobClosed       = "Closed"
)

// Options configure a Board. APIKey is required; Department and Location
// are the defaults of postings that name none; a new job needs an
// interview plan to open, from JobTemplateID or InterviewPlanID.
type Options struct {
	Name    string     // the board's configured name; default "ashby"
	BaseURL string     // default DefaultBaseURL; a simulator's URL in tests
	APIKey  ats.Secret // Basic auth's user, with a blank password; never logged or printed

	// MarkerField is the job posting custom field holding jobsync's marker,
	// by id or title; default DefaultMarkerField.
	MarkerField string
	// Department and Location (a name or an id) are used for a posting that
	// names no department or no location.
	Department, Location string
	// JobTemplateID is the job template of every new job (it brings the
	// interview plan); InterviewPlanID the default interview plan of every
	// new job. Ashby opens a job only with an interview plan.
	JobTemplateID, InterviewPlanID string
	// CloseJob makes Close also close the posting's job, which ends its
	// hiring; by default Close only unpublishes the posting.
	CloseJob bool
	// RateLimit is the account's requests a minute; default 1000. The
	// client paces at 95% of it.
	RateLimit int

	Logger *zap.Logger // default: no logging
	// HTTP tunes the client the board builds with atshttp.NewHTTPClient
	// (tests set a Transport, a Limiter and short retry waits).
	HTTP atshttp.Options
}

// Board is an Ashby organisation's job postings as a jobsync board.
type Board struct {
	name string
	o    Options
	c    *client
	log  *zap.Logger

	org        chan struct{} // holds a value while the organisation's lists are read
	placeCache names         // locations, read once a run when a write needs them
	teamCache  names         // departments and teams, likewise

	mu           sync.Mutex
	markerID     string                         // the marker field's id, once known
	jobs         map[string]madeJob             // key → the job a create this run made for it, for Find
	listedPlaces map[string][]string            // posting id → its locations' names, as List saw them
	listedRead   ats.Listed[string, apiPosting] // posting id → its jobPosting.info as List read it, until a write uses it
}

var (
	_ ats.Board      = (*Board)(nil)
	_ ats.Finder     = (*Board)(nil)
	_ ats.Concurrent = (*Board)(nil)
)

// New checks o and returns the board. Every problem is reported at once; a
// missing key names the variable that supplies it, never its value.
func New(o Options) (*Board, error) {
	o.Name = cmp.Or(o.Name, "ashby")
	o.MarkerField = cmp.Or(strings.TrimSpace(o.MarkerField), DefaultMarkerField)
	var errs []error
	if !o.APIKey.IsSet() {
		errs = append(errs, ats.MissingEnv(o.Name, "API_KEY", "API key"))
	}
	base, err := atshttp.ParseBase(cmp.Or(o.BaseURL, DefaultBaseURL))
	if err != nil {
		errs = append(errs, fmt.Errorf("%s: %w", ats.EnvVar(o.Name, "BASE_URL"), err))
	}
	if o.RateLimit < 0 {
		errs = append(errs, fmt.Errorf("rate_limit %d: want requests a minute, above 0", o.RateLimit))
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	if o.Logger == nil {
		o.Logger = zap.NewNop()
	}
	log := o.Logger.Named("ashby").With(zap.String("board", o.Name))
	h := httpOptions(o.HTTP, cmp.Or(o.RateLimit, defaultRatePerMinute))
	if h.Logger == nil {
		h.Logger = log
	}
	key := o.APIKey
	api := &atshttp.Client{
		HTTP: atshttp.NewHTTPClient(h), Base: base,
		Auth:        atshttp.Basic(key, ats.Secret{}),
		DecodeError: decodeError,
		Secrets:     func() []string { return []string{key.Reveal()} },
		Logger:      log,
	}
	return &Board{name: o.Name, o: o, c: &client{api: api, keyVar: ats.EnvVar(o.Name, "API_KEY"), log: log}, log: log, jobs: map[string]madeJob{}, listedPlaces: map[string][]string{}, org: make(chan struct{}, 1)}, nil
}

// Name returns the board's configured name.
func (b *Board) Name() string { return b.name }

// MaxConcurrency is how many writes run at once; the pace is shared.
func (b *Board) MaxConcurrency() int { return maxConcurrency }

// List returns every posting the key can see, published or not, owned or
// not:
//
//  1. jobPosting.list with includeUnpublishedJobPostings and the custom
//     fields: every posting of an open job, drafts included, with its
//     marker;
//  2. job.list of closed jobs with their unpublished postings' ids: a
//     closed job's postings are drafts that step 1 does not show;
//  3. jobPosting.info of each owned posting (only it has the description,
//     which drift is judged on) and of each posting of a closed job.
func (b *Board) List(ctx context.Context) ([]ats.Remote, error) {
	rs, err := b.list(ctx)
	if err != nil {
		return nil, fmt.Errorf("list: %w", err)
	}
	return rs, nil
}

func (b *Board) list(ctx context.Context) ([]ats.Remote, error) {
	items, err := b.c.postings(ctx)
	if err != nil {
		return nil, err
	}
	closed, err := b.c.jobs(ctx, jobClosed)
	if err != nil {
		return nil, err
	}
	seen := make(map[string]bool, len(items))
	var read []string // postings to read whole
	b.mu.Lock()
	for _, it := range items {
		b.listedPlaces[it.ID] = locationNames(it)
	}
	b.mu.Unlock()
	for _, it := range items {
		seen[it.ID] = true
		if ats.Owns(b.readMarker(it.CustomFields)) {
			read = append(read, it.ID)
		}
	}
	for _, j := range closed {
		for _, id := range j.JobPostingIDs {
			if !seen[id] {
				seen[id] = true
				read = append(read, id)
			}
		}
	}
	full, err := b.c.postingsByID(ctx, read)
	if err != nil {
		return nil, err
	}
	byID := make(map[string]apiPosting, len(full))
	for _, p := range full {
		if p.ID != "" {
			byID[p.ID] = p
		}
	}
	b.listedRead.Remember(true, byID)
	out := make([]ats.Remote, 0, len(items)+len(byID))
	for _, it := range items {
		if p, ok := byID[it.ID]; ok {
			out = append(out, b.remote(p, locationNames(it)))
			delete(byID, it.ID)
			continue
		}
		out = append(out, b.listed(it))
	}
	for _, id := range read {
		if p, ok := byID[id]; ok {
			out = append(out, b.remote(p, nil))
		}
	}
	b.log.Debug("listed postings", zap.Int("postings", len(items)), zap.Int("closed_jobs", len(closed)), zap.Int("read", len(read)))
	return out, nil
}

// Find returns the owned postings that carry key's marker. After a create
// this run sent for key, only the postings of the job it made are read: a
// posting there without a marker is the one a lost answer made, and is
// adopted (its marker set, with a pending hash, so that the engine
// completes it with an update). Otherwise the whole board is listed.
func (b *Board) Find(ctx context.Context, key string) ([]ats.Remote, error) {
	b.mu.Lock()
	made, known := b.jobs[key]
	b.mu.Unlock()
	var rs []ats.Remote
	var err error
	if known {
		rs, err = b.findOnJob(ctx, made)
	} else {
		rs, err = b.list(ctx)
	}
	if err != nil {
		return nil, fmt.Errorf("find %s: %w", key, err)
	}
	var out []ats.Remote
	for _, r := range rs {
		if r.Owned && r.Key == key {
			out = append(out, r)
		}
	}
	return out, nil
}

// madeJob is a job a create made, and the posting it was made for.
type madeJob struct {
	id string
	p  posting.Posting
}

// findOnJob reads the postings of a job made this run, adopting one
// without a marker.
func (b *Board) findOnJob(ctx context.Context, made madeJob) ([]ats.Remote, error) {
	j, err := b.c.job(ctx, made.id)
	if errors.Is(err, ats.ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	ps, err := b.c.postingsByID(ctx, j.JobPostingIDs)
	if err != nil {
		return nil, err
	}
	var out []ats.Remote
	for _, p := range ps {
		if p.ID == "" {
			continue
		}
		if !ats.Owns(b.readMarker(p.CustomFields)) {
			field, err := b.markerFieldID(ctx)
			if err != nil {
				return nil, err
			}
			m := adoptedMarker(made.p, p.ID)
			if err := b.c.setMarker(ctx, p.ID, field, m); err != nil {
				return nil, fmt.Errorf("adopt posting %s: %w", p.ID, err)
			}
			p.CustomFields = setField(p.CustomFields, field, m.String())
		}
		out = append(out, b.remote(p, nil))
	}
	return out, nil
}

// remote is a posting read whole as an ats.Remote, with ownership from
// the marker field and drift from the fingerprint of its title and body.
// locations are its locations' names as listed; nil takes the primary
// location info names.
func (b *Board) remote(p apiPosting, locations []string) ats.Remote {
	body := p.DescriptionParts.DescriptionBody.HTML
	r := ats.Remote{
		ID: p.ID, Title: p.Title, Department: department(p.TeamName, p.DepartmentName),
		Body: ats.HTMLText(body), URL: deref(p.ExternalLink), Open: p.Status == statusPublished,
	}
	switch {
	case locations != nil:
		r.Locations = locations
	case p.LocationName != "":
		r.Locations = []string{p.LocationName}
	}
	m := b.readMarker(p.CustomFields)
	setOwner(&r, m, p.LocationIDs, func() string { return fingerprint(p.Title, body) })
	return r
}

// setOwner sets r's ownership and drift from marker m (ats.Remote.SetOwner).
// The marker's fa= fingerprints the posting's location ids rather than r's
// names: every read gives the ids (jobPosting.info names only the primary
// location), and a location renamed in Ashby is not the posting edited.
func setOwner(r *ats.Remote, m ats.Marker, places apiLocationIDs, fingerprint func() string) {
	names := r.Locations
	r.Locations = placeIDs(places)
	r.SetOwner(m, fingerprint)
	r.Locations = names
}

// placeIDs are a posting's location ids, the primary first.
func placeIDs(l apiLocationIDs) []string {
	return append([]string{l.PrimaryLocationID}, l.SecondaryLocationIDs...)
}

// attrs is the marker's fa= of a posting as Ashby answers a write with it:
// its location ids and its team (see setOwner).
func attrs(p apiPosting) string {
	return ats.AttrFingerprint(placeIDs(p.LocationIDs), department(p.TeamName, p.DepartmentName))
}

// department is what a posting shows as its department: its team, or the
// department when the job names no team below it.
func department(team, dept string) string { return cmp.Or(team, dept) }

// listed is a posting only listed (not jobsync's: it carries no marker).
func (b *Board) listed(it apiListItem) ats.Remote {
	r := ats.Remote{
		ID: it.ID, Title: it.Title, Department: department(it.TeamName, it.DepartmentName),
		Locations: locationNames(it), URL: deref(it.ExternalLink), Open: it.Status == statusPublished,
	}
	setOwner(&r, b.readMarker(it.CustomFields), it.LocationIDs, func() string { return "" })
	return r
}

// locationNames are a listed posting's primary and secondary locations.
func locationNames(it apiListItem) []string {
	var out []string
	if it.LocationName != "" {
		out = append(out, it.LocationName)
	}
	for _, l := range it.SecondaryLocations {
		out = append(out, l.Name)
	}
	return out
}
