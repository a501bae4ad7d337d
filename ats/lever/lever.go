package lever

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"sync"
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
	Name      string     // the board's configured name; default "lever"
	BaseURL   string     // default DefaultBaseURL; a simulator's URL in tests
	APIKey    ats.Secret // never logged or printed
	PerformAs string     // the Lever user id every write is made as
	// DistributionChannels are the job sites a published posting appears on
	// ("public", "internal"); default both, which is also Lever's default.
	DistributionChannels []string
	Logger               *zap.Logger // default: no logging
	// HTTP tunes the client the board builds with atshttp.NewHTTPClient
	// (tests set a Transport and short retry waits). Its Limiter defaults
	// to Lever's documented bucket, rate.NewLimiter(10, 20); its Logger to
	// Logger.
	HTTP atshttp.Options
	Now  func() time.Time // times List for its debug log; default time.Now
}

// Board is a Lever account's postings as a jobsync board.
type Board struct {
	name     string
	c        *client
	channels []string
	log      *zap.Logger
	now      func() time.Time

	seenMu sync.Mutex
	seen   map[string]seenPosting // each posting as the last List or Find returned it, until written
}

// seenPosting is what a write needs of a posting it does not re-read: its
// tags (jobsync's marker and a person's) and its state.
type seenPosting struct {
	tags  []string
	state string
}

// remember notes the tags and state of ps; with fresh, it forgets every
// posting seen before (a List sees them all).
func (b *Board) remember(fresh bool, ps ...apiPosting) {
	b.seenMu.Lock()
	defer b.seenMu.Unlock()
	if fresh || b.seen == nil {
		b.seen = make(map[string]seenPosting, len(ps))
	}
	for _, p := range ps {
		b.seen[p.ID] = seenPosting{tags: p.Tags, state: p.State}
	}
}

// forget drops posting id after a write: what List saw of it is stale.
func (b *Board) forget(id string) {
	b.seenMu.Lock()
	defer b.seenMu.Unlock()
	delete(b.seen, id)
}

// lastSeen returns posting id as List or Find last returned it.
func (b *Board) lastSeen(id string) (seenPosting, bool) {
	b.seenMu.Lock()
	defer b.seenMu.Unlock()
	p, ok := b.seen[id]
	return p, ok
}

var (
	_ ats.Board      = (*Board)(nil)
	_ ats.Finder     = (*Board)(nil)
	_ ats.Concurrent = (*Board)(nil)
	_ ats.BodyLayout = (*Board)(nil)
)

// New checks o and returns the board. Every missing setting is reported,
// naming the environment variable that supplies it (never its value).
func New(o Options) (*Board, error) {
	if o.Name == "" {
		o.Name = "lever"
	}
	var errs []error
	if !o.APIKey.IsSet() {
		errs = append(errs, ats.MissingEnv(o.Name, "API_KEY", "API key"))
	}
	if strings.TrimSpace(o.PerformAs) == "" {
		errs = append(errs, ats.MissingEnv(o.Name, "PERFORM_AS", "user to write as (a Lever user id)"))
	}
	base, err := atshttp.ParseBase(cmp.Or(o.BaseURL, DefaultBaseURL))
	if err != nil {
		errs = append(errs, fmt.Errorf("%s: %w", ats.EnvVar(o.Name, "BASE_URL"), err))
	}
	channels := o.DistributionChannels
	if len(channels) == 0 {
		channels = []string{"public", "internal"}
	}
	for _, ch := range channels {
		if ch != "public" && ch != "internal" {
			errs = append(errs, fmt.Errorf("distribution channel %q: want public or internal", ch))
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	if o.Logger == nil {
		o.Logger = zap.NewNop()
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	log := o.Logger.Named("lever").With(zap.String("board", o.Name))
	if o.HTTP.Logger == nil {
		o.HTTP.Logger = log
	}
	if o.HTTP.Limiter == nil {
		o.HTTP.Limiter = rate.NewLimiter(10, 20)
	}
	api := &atshttp.Client{
		HTTP: atshttp.NewHTTPClient(o.HTTP), Base: base,
		Auth:        atshttp.Basic(o.APIKey, ats.Secret{}), // DOC § Authentication: the key as user, no password
		DecodeError: decodeError,
		Secrets:     func() []string { return []string{o.APIKey.Reveal()} },
		Logger:      log,
	}
	return &Board{
		name:     o.Name,
		channels: channels,
		log:      log,
		now:      o.Now,
		c:        &client{api: api, performAs: o.PerformAs, keyVar: ats.EnvVar(o.Name, "API_KEY")},
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
	ps, err := b.c.list(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("list: %w", err)
	}
	b.remember(true, ps...)
	out := make([]ats.Remote, 0, len(ps))
	for _, p := range ps {
		out = append(out, b.remote(p))
	}
	b.log.Debug("listed postings", zap.Int("postings", len(out)), zap.Duration("took", b.now().Sub(start)))
	return out, nil
}

// Find returns the owned postings that carry key's tag (GET /postings?tag=).
func (b *Board) Find(ctx context.Context, key string) ([]ats.Remote, error) {
	ps, err := b.c.list(ctx, url.Values{"tag": {keyTag(key)}})
	if err != nil {
		return nil, fmt.Errorf("find %s: %w", key, err)
	}
	b.remember(false, ps...)
	var out []ats.Remote
	for _, p := range ps {
		if r := b.remote(p); r.Owned && r.Key == key {
			out = append(out, r)
		}
	}
	return out, nil
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
	m := readTags(p.Tags)
	r.SetOwner(m, func() string {
		return fingerprint(p.Text, p.Content.DescriptionHTML, p.Content.Lists, p.Content.ClosingHTML)
	})
	if r.Owned && p.User != "" && p.User != b.c.performAs {
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
