package teamtailor

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"

	"go.uber.org/zap"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/ats/atshttp"
)

// The API's roots (docs: api.teamtailor.com, api.na.teamtailor.com for
// accounts on the North American stack).
const (
	EUBaseURL = "https://api.teamtailor.com/v1"
	NABaseURL = "https://api.na.teamtailor.com/v1"
)

// DefaultAPIVersion is the X-Api-Version jobsync sends unless api_version
// says otherwise: the version of the docs whose shapes jobsync reads
// (to-many locations, dashed attribute names). A pinned version keeps the
// shapes fixed when Teamtailor releases a new one.
const DefaultAPIVersion = "20210218"

// Job statuses as the API names them.
const (
	statusOpen     = "open"
	statusArchived = "archived"
	statusUnlisted = "unlisted"
	statusDraft    = "draft"
)

// Options configure a Board. APIKey is required; UserID is required to
// create a job.
type Options struct {
	Name    string     // the board's configured name; default "teamtailor"
	Region  string     // "eu" (default) or "na": which host the account lives on
	BaseURL string     // overrides Region; a simulator's URL in tests
	APIKey  ats.Secret // an Admin key with read/write access; never logged or printed
	// UserID is the Teamtailor user new jobs are assigned to (the job's
	// recruiter): the API requires one on every new job.
	UserID string
	// APIVersion is the X-Api-Version sent; default DefaultAPIVersion.
	APIVersion string
	// CloseAs is the status a close sets: "archived" (default: off the
	// career site, no more applications) or "unlisted" (off the lists,
	// still reachable and open to applications by its link).
	CloseAs string
	// RateLimit, when above 0, paces requests client-side at that many per
	// second, beside the X-Rate-Limit-* headers: Teamtailor documents no
	// number.
	RateLimit int

	Logger *zap.Logger // default: no logging
	// HTTP tunes the client the board builds with atshttp.NewHTTPClient
	// (tests set a Transport and short retry waits).
	HTTP atshttp.Options
}

// Board is a Teamtailor account's jobs as a jobsync board.
type Board struct {
	name string
	o    Options
	c    *client
	log  *zap.Logger
	refs *refs

	listed ats.Listed[string, apiJob] // jobsync's jobs as the last List or Find read them, until written
}

var (
	_ ats.Board      = (*Board)(nil)
	_ ats.Finder     = (*Board)(nil)
	_ ats.Concurrent = (*Board)(nil)
)

var (
	closeStatuses = []string{statusArchived, statusUnlisted}
	datedVersion  = regexp.MustCompile(`^\d{8}$`)
)

// New checks o and returns the board. Every problem is reported at once;
// a missing key names the environment variable that supplies it (never
// its value).
func New(o Options) (*Board, error) {
	o.Name = cmp.Or(o.Name, "teamtailor")
	o.Region = cmp.Or(strings.ToLower(o.Region), "eu")
	o.APIVersion = cmp.Or(strings.TrimSpace(o.APIVersion), DefaultAPIVersion)
	o.CloseAs = cmp.Or(o.CloseAs, statusArchived)
	var errs []error
	if !o.APIKey.IsSet() {
		errs = append(errs, ats.MissingEnv(o.Name, "API_KEY", "API key"))
	}
	host := map[string]string{"eu": EUBaseURL, "na": NABaseURL}[o.Region]
	if host == "" {
		errs = append(errs, fmt.Errorf("region %q: want eu or na", o.Region))
	}
	base, err := atshttp.ParseBase(cmp.Or(o.BaseURL, host, EUBaseURL))
	if err != nil {
		errs = append(errs, fmt.Errorf("%s: %w", ats.EnvVar(o.Name, "BASE_URL"), err))
	}
	if !datedVersion.MatchString(o.APIVersion) {
		errs = append(errs, fmt.Errorf("api_version %q: want a date, YYYYMMDD", o.APIVersion))
	}
	if !slices.Contains(closeStatuses, o.CloseAs) {
		errs = append(errs, fmt.Errorf("close_as %q: want archived or unlisted", o.CloseAs))
	}
	if o.RateLimit < 0 {
		errs = append(errs, fmt.Errorf("rate_limit %d: want requests per second, 0 for none", o.RateLimit))
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	if o.Logger == nil {
		o.Logger = zap.NewNop()
	}
	log := o.Logger.Named("teamtailor").With(zap.String("board", o.Name))
	h := httpOptions(o.HTTP, o.RateLimit)
	if h.Logger == nil {
		h.Logger = log
	}
	key := o.APIKey
	api := &atshttp.Client{
		HTTP: atshttp.NewHTTPClient(h), Base: base,
		Auth:        &headers{key: key, version: o.APIVersion},
		DecodeError: decodeError,
		Secrets:     func() []string { return []string{key.Reveal()} },
		Logger:      log,
	}
	c := &client{api: api, keyVar: ats.EnvVar(o.Name, "API_KEY"), version: o.APIVersion, versionKey: "api_version in board " + o.Name + "'s config"}
	return &Board{name: o.Name, o: o, c: c, log: log, refs: newRefs()}, nil
}

// Name returns the board's configured name.
func (b *Board) Name() string { return b.name }

// MaxConcurrency lets four writes run at once: the gate under the shared
// HTTP client keeps them all within what the answers say is left.
func (b *Board) MaxConcurrency() int { return 4 }

// List returns every job the key can see, any status, public or internal,
// owned or not: GET /v1/jobs, 30 a page, departments and locations
// included, so ceil(J/30) requests for J jobs.
func (b *Board) List(ctx context.Context) ([]ats.Remote, error) {
	rs, err := b.list(ctx)
	if err != nil {
		return nil, fmt.Errorf("list: %w", err)
	}
	return rs, nil
}

func (b *Board) list(ctx context.Context) ([]ats.Remote, error) {
	jobs, inc, err := b.c.jobs(ctx)
	if err != nil {
		return nil, err
	}
	b.refs.learn(inc)
	out := make([]ats.Remote, 0, len(jobs))
	listed := map[string]apiJob{}
	for _, j := range jobs {
		if j.Attributes.Tags == nil {
			return nil, fmt.Errorf("job %s shows no tags, where jobsync's marker lives: the API shows them to an Admin key only; set %s to one", j.ID, b.c.keyVar)
		}
		r := b.remote(j)
		if r.Owned {
			j.Attributes.Body = "" // not needed by a write, and the largest field
			listed[j.ID] = j
		}
		out = append(out, r)
	}
	b.listed.Remember(true, listed)
	b.log.Debug("listed jobs", zap.Int("jobs", len(out)))
	return out, nil
}

// Find returns the owned jobs that carry key's marker. The API filters
// jobs by nothing jobsync writes, so this is a List.
func (b *Board) Find(ctx context.Context, key string) ([]ats.Remote, error) {
	rs, err := b.list(ctx)
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

// remote turns a job into an ats.Remote, with ownership from its marker
// tag and drift from the fingerprint of its title and body.
func (b *Board) remote(j apiJob) ats.Remote {
	a := j.Attributes
	r := ats.Remote{
		ID:    j.ID,
		Title: a.Title,
		Body:  ats.HTMLText(a.Body),
		URL:   j.Links["careersite-job-url"],
		Open:  a.Status == statusOpen,
	}
	if id, ok := toOne(j.Relationships["department"]); ok {
		r.Department = b.refs.name(departments, id)
	}
	for _, id := range toMany(j.Relationships["locations"]) {
		if n := b.refs.name(locations, id); n != "" {
			r.Locations = append(r.Locations, n)
		}
	}
	setOwner(&r, j)
	return r
}

// setOwner sets r's ownership and drift from job j's marker tags; r's
// department and locations must be set first.
func setOwner(r *ats.Remote, j apiJob) {
	a := j.Attributes
	var tags []string
	if a.Tags != nil {
		tags = *a.Tags
	}
	r.SetOwner(readMarker(tags), func() string { return ats.Fingerprint(a.Title, a.Body) })
}

// toOne is the id a to-one relationship's linkage names, if it has one.
func toOne(rel apiRelationship) (string, bool) {
	var ref *apiRef
	if json.Unmarshal(rel.Data, &ref) != nil || ref == nil {
		return "", false
	}
	return ref.ID, true
}

// toMany is the ids of a to-many relationship's linkage.
func toMany(rel apiRelationship) []string {
	var refs []apiRef
	if json.Unmarshal(rel.Data, &refs) != nil {
		return nil
	}
	ids := make([]string, len(refs))
	for i, r := range refs {
		ids[i] = r.ID
	}
	return ids
}

// httpOptions fills the client options the board builds its HTTP client
// with: Teamtailor's rate-limit headers made readable to the gate, and a
// client-side pace when the board sets one.
func httpOptions(o atshttp.Options, perSecond int) atshttp.Options {
	next := o.Transport
	if next == nil {
		next = http.DefaultTransport.(*http.Transport).Clone()
	}
	o.Transport = rateHeaders{next: next, now: time.Now}
	if o.Limiter == nil && perSecond > 0 {
		o.Limiter = pace(perSecond)
	}
	return o
}

// refs are the account's departments and locations by name and by id:
// learned from what answers include, and read whole once a write names
// one not seen yet.
type refs struct {
	// load holds a value while a list is read, so that it is read once:
	// a channel, which the waiters' contexts can end.
	load   chan struct{}
	mu     sync.Mutex
	byName map[string]map[string]string // type → lower-cased name → id
	byID   map[string]map[string]string // type → id → name
	loaded map[string]bool              // type → read whole this run
}

// The resource types refs holds.
const (
	departments = "departments"
	locations   = "locations"
)

func newRefs() *refs {
	return &refs{
		load:   make(chan struct{}, 1),
		byName: map[string]map[string]string{departments: {}, locations: {}},
		byID:   map[string]map[string]string{departments: {}, locations: {}},
		loaded: map[string]bool{},
	}
}

// learn notes included departments and locations. A location's name is
// its name, else its city.
func (r *refs) learn(inc []apiIncluded) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, x := range inc {
		if _, ok := r.byID[x.Type]; !ok {
			continue
		}
		name := cmp.Or(x.Attributes.Name, x.Attributes.City)
		r.byID[x.Type][x.ID] = name
		if name != "" {
			r.byName[x.Type][strings.ToLower(name)] = x.ID
		}
	}
}

// name is the name of the typ resource id ("" when unknown).
func (r *refs) name(typ, id string) string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.byID[typ][id]
}
