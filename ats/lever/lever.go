package lever

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"go.uber.org/zap"
	"golang.org/x/time/rate"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/ats/atshttp"
	"github.com/jobsync/jobsync/posting"
)

// DefaultBaseURL is Lever's production API root (DOC § Introduction).
const DefaultBaseURL = "https://api.lever.co/v1"

// pageSize is the largest page Lever gives (DOC § Pagination: limit 1–100).
const pageSize = 100

// Options configure a Board. APIKey and PerformAs are required.
type Options struct {
	Name      string // the board's configured name; default "lever"
	BaseURL   string // default DefaultBaseURL; a simulator's URL in tests
	APIKey    string // secret: never logged or printed
	PerformAs string // the Lever user id every write is made as

	// HTTPClient sends every request. Default: atshttp.NewHTTPClient with
	// Logger, Limiter and the retry settings below. A client passed here is
	// used as is: it must do its own pacing, so Limiter must then be nil.
	HTTPClient *http.Client
	Logger     *zap.Logger   // default: no logging
	Limiter    *rate.Limiter // default rate.NewLimiter(10, 20): Lever's documented bucket
	// DistributionChannels are the job sites a published posting appears on
	// ("public", "internal"); default both, which is also Lever's default.
	DistributionChannels []string
	Now                  func() time.Time // times List for its debug log; default time.Now

	// Retries, RetryWaitMin and RetryWaitMax tune the default client's
	// retries (atshttp.Options); zero keeps its defaults.
	Retries      int
	RetryWaitMin time.Duration
	RetryWaitMax time.Duration
}

// Board is a Lever account's postings as a jobsync board.
type Board struct {
	name     string
	c        *client
	channels []string
	log      *zap.Logger
	now      func() time.Time
}

var (
	_ ats.Board      = (*Board)(nil)
	_ ats.Finder     = (*Board)(nil)
	_ ats.Concurrent = (*Board)(nil)
	_ ats.BodyLayout = (*Board)(nil)
)

// New returns a Board for o, or an error naming the environment variable of
// a missing setting (never its value).
func New(o Options) (*Board, error) {
	if o.Name == "" {
		o.Name = "lever"
	}
	env := "JOBSYNC_" + strings.ToUpper(strings.ReplaceAll(o.Name, "-", "_"))
	if strings.TrimSpace(o.APIKey) == "" {
		return nil, fmt.Errorf("lever %q: no API key: set %s_API_KEY", o.Name, env)
	}
	if strings.TrimSpace(o.PerformAs) == "" {
		return nil, fmt.Errorf("lever %q: no user to write as: set %s_PERFORM_AS to a Lever user id", o.Name, env)
	}
	if o.BaseURL == "" {
		o.BaseURL = DefaultBaseURL
	}
	base, err := url.Parse(o.BaseURL)
	if err != nil || (base.Scheme != "https" && base.Scheme != "http") || base.Host == "" || base.User != nil {
		return nil, fmt.Errorf("lever %q: base URL must be an absolute http(s) URL without credentials: check %s_BASE_URL", o.Name, env)
	}
	channels := o.DistributionChannels
	if len(channels) == 0 {
		channels = []string{"public", "internal"}
	}
	for _, ch := range channels {
		if ch != "public" && ch != "internal" {
			return nil, fmt.Errorf("lever %q: distribution channel %q: want public or internal", o.Name, ch)
		}
	}
	if o.Logger == nil {
		o.Logger = zap.NewNop()
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	log := o.Logger.Named("lever").With(zap.String("board", o.Name))
	if o.HTTPClient != nil && o.Limiter != nil {
		return nil, fmt.Errorf("lever %q: a Limiter paces only the client the board builds; pass it to atshttp.NewHTTPClient instead", o.Name)
	}
	if o.HTTPClient == nil {
		if o.Limiter == nil {
			o.Limiter = rate.NewLimiter(10, 20)
		}
		o.HTTPClient = atshttp.NewHTTPClient(atshttp.Options{
			Logger: log, Limiter: o.Limiter,
			RetryMax: o.Retries, RetryWaitMin: o.RetryWaitMin, RetryWaitMax: o.RetryWaitMax,
		})
	}
	return &Board{
		name:     o.Name,
		channels: channels,
		log:      log,
		now:      o.Now,
		c:        &client{base: base, apiKey: o.APIKey, performAs: o.PerformAs, http: o.HTTPClient, log: log},
	}, nil
}

// Name returns the board's configured name.
func (b *Board) Name() string { return b.name }

// MaxConcurrency allows a few writes at once: the limiter, shared by all of
// them, keeps the account within Lever's 10 requests per second.
func (b *Board) MaxConcurrency() int { return 4 }

// List returns every posting the key can see, open or closed, in pages of
// 100. Confidential postings are not asked for (jobsync cannot create them,
// and asking needs a key granted confidential access).
func (b *Board) List(ctx context.Context) ([]ats.Remote, error) {
	start := b.now()
	ps, err := b.list(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("lever: list: %w", err)
	}
	out := make([]ats.Remote, 0, len(ps))
	for _, p := range ps {
		out = append(out, b.remote(p))
	}
	b.log.Debug("listed postings", zap.Int("postings", len(out)), zap.Duration("took", b.now().Sub(start)))
	return out, nil
}

// Find returns the owned postings that carry key's tag (GET /postings?tag=).
func (b *Board) Find(ctx context.Context, key string) ([]ats.Remote, error) {
	ps, err := b.list(ctx, url.Values{"tag": {keyTag(key)}})
	if err != nil {
		return nil, fmt.Errorf("lever: find %s: %w", key, err)
	}
	var out []ats.Remote
	for _, p := range ps {
		if r := b.remote(p); r.Owned && r.Key == key {
			out = append(out, r)
		}
	}
	return out, nil
}

// list pages through GET /postings with filter, following next while
// hasNext, and stopping should a next token be missing or come back twice.
func (b *Board) list(ctx context.Context, filter url.Values) ([]apiPosting, error) {
	var all []apiPosting
	seen := map[string]bool{}
	offset := ""
	for {
		q := url.Values{"limit": {strconv.Itoa(pageSize)}}
		for k, v := range filter {
			q[k] = v
		}
		if offset != "" {
			q.Set("offset", offset)
		}
		var page apiPage
		if err := b.c.do(ctx, read, http.MethodGet, "/postings", q, nil, &page); err != nil {
			return nil, err
		}
		all = append(all, page.Data...)
		if !page.HasNext {
			return all, nil
		}
		if page.Next == "" || seen[page.Next] {
			return nil, fmt.Errorf("GET /postings: hasNext without a new next token after %d postings: the list is incomplete", len(all))
		}
		seen[page.Next] = true
		offset = page.Next
	}
}

// Create publishes p as a new posting carrying its marker tags. It is sent
// once: after a failure whose outcome is unknown the engine uses Find.
func (b *Board) Create(ctx context.Context, p posting.Posting) (ats.Remote, error) {
	body, _, err := b.writeBody(p, nil)
	if err != nil {
		return ats.Remote{}, fmt.Errorf("lever: create %s: %w", p.Key, err)
	}
	var out apiOne
	q := url.Values{"perform_as": {b.c.performAs}}
	if err := b.c.do(ctx, create, http.MethodPost, "/postings", q, body, &out); err != nil {
		return ats.Remote{}, fmt.Errorf("lever: create %s: %w", p.Key, err)
	}
	return b.remote(out.Data), nil
}

// Update rewrites the owned posting id with p: the full body, state
// published (which reopens a closed posting), jobsync's tags replaced and
// every other tag kept. It reads the posting first, to keep a person's tags
// and to refuse a posting that is no longer jobsync's.
func (b *Board) Update(ctx context.Context, id string, p posting.Posting) (ats.Remote, error) {
	cur, err := b.owned(ctx, id)
	if err != nil {
		return ats.Remote{}, fmt.Errorf("lever: update %s: %w", p.Key, err)
	}
	if k := readTags(cur.Tags).Marker.Key; k != p.Key {
		return ats.Remote{}, fmt.Errorf("lever: update %s: posting %s carries the tag of %s", p.Key, id, k)
	}
	body, _, err := b.writeBody(p, otherTags(cur.Tags))
	if err != nil {
		return ats.Remote{}, fmt.Errorf("lever: update %s: %w", p.Key, err)
	}
	var out apiOne
	q := url.Values{"perform_as": {b.c.performAs}}
	if err := b.c.do(ctx, idempotent, http.MethodPost, "/postings/"+url.PathEscape(id), q, body, &out); err != nil {
		return ats.Remote{}, fmt.Errorf("lever: update %s: %w", p.Key, err)
	}
	return b.remote(out.Data), nil
}

// Close sets the owned posting id to state closed, keeping its tags (Lever
// has no delete; a closed posting can be published again). Closing a closed
// posting makes no write.
func (b *Board) Close(ctx context.Context, id string) error {
	cur, err := b.owned(ctx, id)
	if err != nil {
		return fmt.Errorf("lever: close %s: %w", id, err)
	}
	if cur.State == stateClosed {
		return nil
	}
	q := url.Values{"perform_as": {b.c.performAs}}
	if err := b.c.do(ctx, idempotent, http.MethodPost, "/postings/"+url.PathEscape(id), q, apiWrite{State: stateClosed}, nil); err != nil {
		return fmt.Errorf("lever: close %s: %w", id, err)
	}
	return nil
}

// ErrNotOwned is returned by Update and Close for a posting that does not
// carry jobsync's key tag (a person removed it, or never had it).
var ErrNotOwned = errors.New("posting does not carry jobsync's tag; not touching it")

// owned reads posting id and checks it is jobsync's.
func (b *Board) owned(ctx context.Context, id string) (apiPosting, error) {
	var out apiOne
	if err := b.c.do(ctx, read, http.MethodGet, "/postings/"+url.PathEscape(id), nil, nil, &out); err != nil {
		return apiPosting{}, err
	}
	if !readTags(out.Data.Tags).Owned {
		return apiPosting{}, fmt.Errorf("posting %s: %w", id, ErrNotOwned)
	}
	return out.Data, nil
}

// remote turns a Lever posting into an ats.Remote, with ownership from its
// tags and drift from the fingerprint of its text. The creating user is not
// part of ownership: a changed service user would otherwise orphan every
// posting and lead to duplicates; it is only logged when it differs.
func (b *Board) remote(p apiPosting) ats.Remote {
	r := ats.Remote{
		ID:         p.ID,
		Title:      p.Text,
		Locations:  p.Categories.AllLocations,
		Department: p.Categories.Department,
		Body:       bodyText(p),
		Open:       p.State == statePublished,
	}
	if len(r.Locations) == 0 && p.Categories.Location != "" {
		r.Locations = []string{p.Categories.Location}
	}
	if r.Department == "" {
		r.Department = p.Categories.Team
	}
	if p.URLs != nil {
		r.URL = p.URLs.Show
	}
	own := readTags(p.Tags)
	if !own.Owned {
		return r
	}
	r.Owned, r.Key, r.Hash = true, own.Marker.Key, own.Marker.Hash
	fp := fingerprint(p.Text, p.Content.DescriptionHTML, p.Content.Lists, p.Content.ClosingHTML)
	r.Drifted = !own.Intact || own.Marker.Fingerprint != fp
	if p.User != "" && p.User != b.c.performAs {
		b.log.Debug("owned posting was created by another user", zap.String("id", p.ID), zap.String("user", p.User))
	}
	return r
}

// bodyText is a posting's visible text, for diffs: description, each list
// under its heading, closing, one line per block (as ats.HTMLText gives).
func bodyText(p apiPosting) string {
	return joinText(p.Content.DescriptionHTML, p.Content.Lists, p.Content.ClosingHTML)
}

func joinText(description string, lists []apiList, closing string) string {
	var parts []string
	add := func(s string) {
		if s = strings.TrimSpace(s); s != "" {
			parts = append(parts, s)
		}
	}
	add(ats.HTMLText(description))
	for _, l := range lists {
		add(l.Text)
		add(ats.HTMLText(l.Content))
	}
	add(ats.HTMLText(closing))
	return strings.Join(parts, "\n")
}

// Body returns the text List reports as Remote.Body for p once jobsync has
// written it: the body laid out as Lever holds it (description, lists,
// closing), so a diff against a Lever posting's Body shows only real edits.
func (b *Board) Body(p posting.Posting) string {
	c := layout(p)
	return joinText(c.Description, c.Lists, c.Closing)
}
