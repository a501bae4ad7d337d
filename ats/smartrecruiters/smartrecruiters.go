package smartrecruiters

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"

	"go.uber.org/zap"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/ats/atshttp"
	"github.com/jobsync/jobsync/posting"
)

// DefaultBaseURL is the Job API's root.
const DefaultBaseURL = "https://api.smartrecruiters.com"

// Posting and job statuses as the API names them.
const (
	notPublished   = "NOT_PUBLISHED"
	statusSourcing = "SOURCING"
)

// Options configure a Board. APIKey is required; Function, Industry,
// CountryCode and City are required to create a job (config requires them
// of a board in a config file).
type Options struct {
	Name    string     // the board's configured name; default "smartrecruiters"
	BaseURL string     // default DefaultBaseURL; a simulator's URL in tests
	APIKey  ats.Secret // sent as X-SmartToken; never logged or printed

	// MarkerField is the job property (a custom job field, free text)
	// holding jobsync's marker, by its id or its label; default "jobsync".
	MarkerField string
	// Function and Industry are the ids of every new job's function and
	// industry ("engineering", "computer_software").
	Function, Industry string
	// ExperienceLevel is the level of a job whose title names none
	// (experienceLevel); default "mid_senior_level".
	ExperienceLevel string
	// TypeOfEmployment is the id of every job's type of employment; empty
	// sends none.
	TypeOfEmployment string
	// CountryCode (two letters), RegionCode and City are every job's
	// location; a remote posting's location is marked remote.
	CountryCode, RegionCode, City string
	// Visibility is what a publication publishes: PUBLIC (default),
	// INTERNAL or PRIVATE.
	Visibility string
	// CloseStatus, when set (CANCELLED, FILLED or ON_HOLD), is the job
	// status Close sets after unpublishing; an update that reopens the job
	// sets it back to SOURCING.
	CloseStatus string
	// RateLimit and PublicationRateLimit are the account's limits in
	// requests per second, on every call and on the publication calls;
	// default the documented 10 and 2. The client paces at 95% of them.
	RateLimit, PublicationRateLimit int

	Logger *zap.Logger // default: no logging
	// HTTP tunes the client the board builds with atshttp.NewHTTPClient
	// (tests set a Transport and short retry waits); unset paces and
	// bounds default to the documented limits (see client.go).
	HTTP atshttp.Options
}

// Board is a SmartRecruiters company's jobs as a jobsync board.
type Board struct {
	name string
	o    Options
	c    *client
	log  *zap.Logger

	lookup   chan struct{} // holds a value while the marker field's id is looked up
	mu       sync.Mutex
	markerID string                     // the marker field's id, once known
	titles   map[string]string          // key → title of a create this run sent, for Find
	listed   ats.Listed[string, apiJob] // id → jobsync's job as the last List or Find read it (ad left out), until written
}

// rememberOwned notes the jobs of jobsync's that List (or Find) read, so
// that a write moments later need not read them again; with fresh, in
// place of those read before.
func (b *Board) rememberOwned(fresh bool, jobs []apiJob) {
	mine := map[string]apiJob{}
	for _, j := range jobs {
		if j.ID != "" && ats.Owns(b.readMarker(j.Properties)) {
			j.JobAd = apiJobAd{} // not needed by a write, and the largest field
			mine[j.ID] = j
		}
	}
	b.listed.Remember(fresh, mine)
}

var (
	_ ats.Board      = (*Board)(nil)
	_ ats.Finder     = (*Board)(nil)
	_ ats.Concurrent = (*Board)(nil)
	_ ats.BodyLayout = (*Board)(nil)
)

var (
	visibilities  = []string{"PUBLIC", "INTERNAL", "PRIVATE"}
	closeStatuses = []string{"CANCELLED", "FILLED", "ON_HOLD"}
	twoLetters    = regexp.MustCompile(`^[A-Za-z]{2}$`)
)

// New checks o and returns the board. Every problem is reported at once;
// a missing key names the environment variable that supplies it (never
// its value).
func New(o Options) (*Board, error) {
	o.Name = cmp.Or(o.Name, "smartrecruiters")
	o.MarkerField = cmp.Or(strings.TrimSpace(o.MarkerField), "jobsync")
	o.ExperienceLevel = cmp.Or(o.ExperienceLevel, "mid_senior_level")
	o.Visibility = cmp.Or(o.Visibility, "PUBLIC")
	o.CountryCode, o.RegionCode = strings.ToLower(o.CountryCode), strings.ToUpper(o.RegionCode)
	var errs []error
	if !o.APIKey.IsSet() {
		errs = append(errs, ats.MissingEnv(o.Name, "API_KEY", "API key"))
	}
	base, err := atshttp.ParseBase(cmp.Or(o.BaseURL, DefaultBaseURL))
	if err != nil {
		errs = append(errs, fmt.Errorf("%s: %w", ats.EnvVar(o.Name, "BASE_URL"), err))
	}
	if !slices.Contains(visibilities, o.Visibility) {
		errs = append(errs, fmt.Errorf("visibility %q: want one of %s", o.Visibility, strings.Join(visibilities, ", ")))
	}
	if o.CloseStatus != "" && !slices.Contains(closeStatuses, o.CloseStatus) {
		errs = append(errs, fmt.Errorf("close_status %q: want one of %s", o.CloseStatus, strings.Join(closeStatuses, ", ")))
	}
	if o.RateLimit < 0 || o.PublicationRateLimit < 0 {
		errs = append(errs, fmt.Errorf("rate limits %d and %d: want requests per second, above 0", o.RateLimit, o.PublicationRateLimit))
	}
	if o.CountryCode != "" && !twoLetters.MatchString(o.CountryCode) {
		errs = append(errs, fmt.Errorf("country_code %q: want a two-letter country code", o.CountryCode))
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	if o.Logger == nil {
		o.Logger = zap.NewNop()
	}
	log := o.Logger.Named("smartrecruiters").With(zap.String("board", o.Name))
	h := httpOptions(o.HTTP, cmp.Or(o.RateLimit, defaultRate), cmp.Or(o.PublicationRateLimit, defaultPublicationRate))
	if h.Logger == nil {
		h.Logger = log
	}
	key := o.APIKey
	api := &atshttp.Client{
		HTTP: atshttp.NewHTTPClient(h), Base: base,
		Auth:        atshttp.Header("X-SmartToken", key),
		DecodeError: decodeError,
		Secrets:     func() []string { return []string{key.Reveal()} },
		Logger:      log,
	}
	return &Board{name: o.Name, o: o, c: &client{api: api, keyVar: ats.EnvVar(o.Name, "API_KEY")}, log: log, titles: map[string]string{}, lookup: make(chan struct{}, 1)}, nil
}

// Name returns the board's configured name.
func (b *Board) Name() string { return b.name }

// MaxConcurrency is SmartRecruiters' 8 requests at once: the client's paces
// and its bound on requests in flight, shared by all writers, keep the
// account within the limits.
func (b *Board) MaxConcurrency() int { return maxInFlight }

// List returns every job the key can see, published or not, owned or not:
// the pages of GET /jobs, then each job (GET /jobs/{id}), since only a
// job's own record holds its properties, where the marker is, and its ad,
// which drift is judged on. A job deleted between the two is left out.
func (b *Board) List(ctx context.Context) ([]ats.Remote, error) {
	rs, err := b.list(ctx, nil, true)
	if err != nil {
		return nil, fmt.Errorf("list: %w", err)
	}
	return rs, nil
}

// list lists the jobs whose summary keep accepts (nil: all), and
// remembers jobsync's (fresh: in place of those read before).
func (b *Board) list(ctx context.Context, keep func(apiSummary) bool, fresh bool) ([]ats.Remote, error) {
	sums, err := b.c.summaries(ctx)
	if err != nil {
		return nil, err
	}
	var ids []string
	for _, s := range sums {
		if keep == nil || keep(s) {
			ids = append(ids, s.ID)
		}
	}
	jobs, err := b.c.jobs(ctx, ids)
	if err != nil {
		return nil, err
	}
	out := make([]ats.Remote, 0, len(jobs))
	b.rememberOwned(fresh, jobs)
	for _, j := range jobs {
		if j.ID != "" {
			out = append(out, b.remote(j))
		}
	}
	b.log.Debug("listed jobs", zap.Int("jobs", len(sums)), zap.Int("read", len(ids)))
	return out, nil
}

// Find returns the owned jobs that carry key's marker. After a create this
// run sent, only the jobs with that create's title are read one by one
// (the job a lost answer made has it); otherwise every job is.
func (b *Board) Find(ctx context.Context, key string) ([]ats.Remote, error) {
	b.mu.Lock()
	title, known := b.titles[key]
	b.mu.Unlock()
	var keep func(apiSummary) bool
	if known {
		keep = func(s apiSummary) bool { return s.Title == title }
	}
	rs, err := b.list(ctx, keep, false)
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

// remote turns a job into an ats.Remote, with ownership from the marker
// field and drift from the fingerprint of jobsync's sections.
func (b *Board) remote(j apiJob) ats.Remote {
	s := j.JobAd.Sections
	r := ats.Remote{
		ID:    j.ID,
		Title: j.Title,
		Body:  bodyText(text(s.JobDescription), text(s.Qualifications), text(s.AdditionalInformation)),
		Open:  j.PostingStatus != "" && j.PostingStatus != notPublished,
	}
	// Drift is judged on the location as jobsync writes it (see
	// locationKey) and not on the department, which jobsync does not
	// write; the Remote then shows both as SmartRecruiters names them.
	r.Locations = locationKeys(j.Location)
	r.SetOwner(b.readMarker(j.Properties), func() string { return jobFingerprint(j) })
	r.Locations = nil
	if l := locationText(j.Location); l != "" {
		r.Locations = []string{l}
	}
	if j.Department != nil {
		r.Department = j.Department.Label
	}
	return r
}

// Body returns the text List reports as Remote.Body for p once jobsync has
// written it: its three job ad sections as text.
func (b *Board) Body(p posting.Posting) string {
	a := layout(p)
	return bodyText(a.Description, a.Qualifications, a.Additional)
}
