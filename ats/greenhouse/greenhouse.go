package greenhouse

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"go.uber.org/zap"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/ats/atshttp"
)

// Options configures a Board. Secrets come from the environment (see
// ats.EnvVar): JOBSYNC_<BOARD>_CLIENT_SECRET and the others.
type Options struct {
	Name          string // the board's configured name; default "greenhouse"
	BaseURL       string // default https://harvest.greenhouse.io/v3
	TokenURL      string // default https://auth.greenhouse.io/token, or BaseURL's origin + "/token" when only BaseURL is set
	ClientID      string
	ClientSecret  ats.Secret
	UserID        int64 // the Greenhouse user the token acts as (its sub)
	TemplateJobID int64 // new jobs are copied from this job
	CloseOpenings bool  // Close also closes the job's openings (which closes the job); Update reopens one
	Logger        *zap.Logger
	// HTTP tunes the client the board builds with atshttp.NewHTTPClient
	// (tests set a Transport and short retry waits); its Logger defaults to
	// Logger.
	HTTP atshttp.Options
	Now  func() time.Time // when tokens expire; default time.Now
}

// Board is a Greenhouse account reached through Harvest v3.
type Board struct {
	name       string
	templateID int64
	closeOpen  bool
	c          *client
	log        *zap.Logger

	fieldMu  sync.Mutex
	fieldKey string // the marker field's name_key, once known
	// fieldAbsent is whether a look found no marker field, so that the
	// write that creates it need not look again.
	fieldAbsent bool
	templateOK  bool // the template job has a post to copy
	// templateSeen is whether the last List saw the template job, once
	// listed: Preflight needs no request of its own then.
	templateSeen, listed bool

	postsMu sync.Mutex
	postJob map[int64]int64               // post id → its job's id, as List saw them
	owned   ats.Listed[int64, listedPost] // post id → jobsync's post as List saw it, until written
}

// listedPost is one of jobsync's posts as List saw it, with its job and the
// job's marker: all an update or a close needs to know, so they need not
// read it again moments later.
type listedPost struct {
	post   jobPost
	job    job
	marker ats.Marker
	field  string // the name_key of the custom field that holds the marker
	// rows are the post's location rows, when rowsRead.
	rows     []jobPostLocation
	rowsRead bool
}

// rememberOwned notes the posts List (or Find) saw as jobsync's; with
// fresh, it forgets the posts seen before.
func (b *Board) rememberOwned(fresh bool, posts []listedPost) {
	byID := make(map[int64]listedPost, len(posts))
	for _, lp := range posts {
		byID[lp.post.ID] = lp
	}
	b.owned.Remember(fresh, byID)
}

// rememberJob notes the job of a post.
func (b *Board) rememberJob(postID, jobID int64) {
	b.postsMu.Lock()
	defer b.postsMu.Unlock()
	if b.postJob == nil {
		b.postJob = map[int64]int64{}
	}
	b.postJob[postID] = jobID
}

// jobOf returns the job of a post, if List has seen it.
func (b *Board) jobOf(postID int64) (int64, bool) {
	b.postsMu.Lock()
	defer b.postsMu.Unlock()
	id, ok := b.postJob[postID]
	return id, ok
}

var (
	_ ats.Board       = (*Board)(nil)
	_ ats.Finder      = (*Board)(nil)
	_ ats.Concurrent  = (*Board)(nil)
	_ ats.FieldReader = (*Board)(nil)
)

// New checks o and returns the board. Every missing setting is reported,
// naming the environment variable that supplies it.
func New(o Options) (*Board, error) {
	if o.Name == "" {
		o.Name = "greenhouse"
	}
	var errs []error
	if o.ClientID == "" {
		errs = append(errs, ats.MissingEnv(o.Name, "CLIENT_ID", "client id"))
	}
	if !o.ClientSecret.IsSet() {
		errs = append(errs, ats.MissingEnv(o.Name, "CLIENT_SECRET", "client secret"))
	}
	if o.UserID <= 0 {
		errs = append(errs, ats.MissingEnv(o.Name, "USER_ID", "user id (the Greenhouse user jobsync acts as)"))
	}
	if o.TemplateJobID <= 0 {
		errs = append(errs, ats.MissingEnv(o.Name, "TEMPLATE_JOB_ID", "template job id (new jobs are copied from it)"))
	}
	base, err := atshttp.ParseBase(cmp.Or(o.BaseURL, defaultBaseURL))
	if err != nil {
		errs = append(errs, fmt.Errorf("%s: %w", ats.EnvVar(o.Name, "BASE_URL"), err))
	}
	tokenURL := o.TokenURL
	if tokenURL == "" {
		tokenURL = defaultTokenURL
		if o.BaseURL != "" && base != nil && base.Host != realAPIHost {
			tokenURL = (&url.URL{Scheme: base.Scheme, Host: base.Host, Path: "/token"}).String()
		}
	}
	tokenBase, err := atshttp.ParseBase(tokenURL)
	if err != nil {
		errs = append(errs, fmt.Errorf("%s: %w", ats.EnvVar(o.Name, "TOKEN_URL"), err))
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	if o.Logger == nil {
		o.Logger = zap.NewNop()
	}
	if o.HTTP.Logger == nil {
		o.HTTP.Logger = o.Logger.Named("http")
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	// Harvest reports the window's budget on every answer: the client learns
	// it before it sends more than one request (a cautious start).
	o.HTTP.BudgetHeaders = true
	hc := atshttp.NewHTTPClient(o.HTTP)
	ts := &tokenSource{board: o.Name, clientID: o.ClientID, secret: o.ClientSecret, sub: o.UserID, now: o.Now}
	ts.api = &atshttp.Client{HTTP: hc, Base: tokenBase, Auth: atshttp.Basic(ats.NewSecret(o.ClientID), o.ClientSecret),
		DecodeError: decodeError, Secrets: ts.secrets}
	return &Board{
		name:       o.Name,
		templateID: o.TemplateJobID,
		closeOpen:  o.CloseOpenings,
		c: &client{tokens: ts, api: &atshttp.Client{HTTP: hc, Base: base, Auth: atshttp.Bearer(ts),
			DecodeError: decodeError, Secrets: ts.secrets, Logger: o.HTTP.Logger}},
		log: o.Logger.Named("greenhouse").With(zap.String("board", o.Name)),
	}, nil
}

// Name returns the board's configured name.
func (b *Board) Name() string { return b.name }

// MaxConcurrency lets four writes run at once; the shared HTTP client's
// rate-limit gate keeps them within Greenhouse's window.
func (b *Board) MaxConcurrency() int { return 4 }

// List returns one Remote per active job post: every page of GET /jobs and
// of GET /job_posts, matched by job id. A post is owned when its job carries
// a marker (or is an orphan of a create of ours); of a job with several
// posts, only its primary post is the owned posting. Locations are not read
// (see the package doc).
func (b *Board) List(ctx context.Context) ([]ats.Remote, error) {
	type postsResult struct {
		posts []jobPost
		err   error
	}
	ch := make(chan postsResult, 1)
	go func() {
		ps, err := listAll[jobPost](ctx, b.c, routeJobPosts, nil)
		ch <- postsResult{ps, err}
	}()
	jobs, jerr := listAll[job](ctx, b.c, routeJobs, nil)
	pr := <-ch
	// Both lists share a token and a board: report the first failure only,
	// as both usually fail for one cause.
	if err := cmp.Or(jerr, pr.err); err != nil {
		return nil, fmt.Errorf("list: %w", err)
	}
	b.noteTemplate(slices.ContainsFunc(jobs, func(j job) bool { return j.ID == b.templateID }))
	own := owners(jobs, b.templateID)
	rows, err := b.ownedRows(ctx, jobs, own, pr.posts)
	if err != nil {
		return nil, fmt.Errorf("list: %w", err)
	}
	return b.remotes(jobs, own, pr.posts, rows, "", true), nil
}

// ownedRows reads the location rows of jobsync's posts (the primary posts
// of the owned jobs), 50 posts a request: Harvest lists a post's locations
// apart from it, and they are compared with what jobsync wrote (drift).
func (b *Board) ownedRows(ctx context.Context, jobs []job, own map[int64]ats.Marker, posts []jobPost) (map[int64][]jobPostLocation, error) {
	byJob := map[int64][]jobPost{}
	for _, p := range posts {
		byJob[p.JobID] = append(byJob[p.JobID], p)
	}
	var ids []int64
	for _, j := range jobs {
		if primary, ok := primaryPost(byJob[j.ID]); ok && ats.Owns(own[j.ID]) {
			ids = append(ids, primary.ID)
		}
	}
	if len(ids) == 0 {
		return nil, nil
	}
	slices.Sort(ids)
	all, err := listByIDs[jobPostLocation](ctx, b.c, routeLocations, "job_post_ids", ids)
	if err != nil {
		return nil, fmt.Errorf("locations of jobsync's posts: %w", err)
	}
	rows := make(map[int64][]jobPostLocation, len(ids))
	for _, id := range ids {
		rows[id] = nil // read: no rows
	}
	for _, l := range all {
		rows[l.JobPostID] = append(rows[l.JobPostID], l)
	}
	return rows, nil
}

// ReadsFields says what List reads back: not the department, which
// jobsync does not write (see the package doc).
func (b *Board) ReadsFields() []string {
	return []string{ats.FieldTitle, ats.FieldLocations, ats.FieldBody}
}

// Find returns the owned postings with key: every page of GET /jobs, then
// the posts of the matching jobs only.
func (b *Board) Find(ctx context.Context, key string) ([]ats.Remote, error) {
	jobs, err := listAll[job](ctx, b.c, routeJobs, nil)
	if err != nil {
		return nil, fmt.Errorf("find %s: %w", key, err)
	}
	own := owners(jobs, b.templateID)
	var mine []job
	var ids []int64
	for _, j := range jobs {
		if m := own[j.ID]; ats.Owns(m) && m.Key == key {
			mine = append(mine, j)
			ids = append(ids, j.ID)
		}
	}
	if len(mine) == 0 {
		return nil, nil
	}
	posts, err := listByIDs[jobPost](ctx, b.c, routeJobPosts, "job_ids", ids)
	if err != nil {
		return nil, fmt.Errorf("find %s: %w", key, err)
	}
	// No location rows: Find's callers (the engine's look-up after a failed
	// create, and the settling of duplicates) judge claims, not drift, and
	// an adopted posting's update reads its rows itself.
	return b.remotes(mine, own, posts, nil, key, false), nil
}

// remotes pairs jobs and posts into Remotes, sorted by id; with onlyKey set,
// only owned postings with that key. rows are the owned posts' locations
// (see ownedRows); nil when they were not read, and then the locations are
// not judged for drift. The owned posts are remembered for the writes that
// follow (fresh: in place of those seen before).
func (b *Board) remotes(jobs []job, own map[int64]ats.Marker, posts []jobPost, rows map[int64][]jobPostLocation, onlyKey string, fresh bool) []ats.Remote {
	byJob := map[int64][]jobPost{}
	for _, p := range posts {
		byJob[p.JobID] = append(byJob[p.JobID], p)
		b.rememberJob(p.ID, p.JobID)
	}
	var out []ats.Remote
	var mine []listedPost
	for _, j := range jobs {
		m := own[j.ID]
		primary, hasPrimary := primaryPost(byJob[j.ID])
		for _, p := range byJob[j.ID] {
			if !p.Active {
				continue
			}
			isOwned := ats.Owns(m) && hasPrimary && p.ID == primary.ID
			if !isOwned && (onlyKey != "" || ats.Owns(m)) {
				// The other posts of a job of ours (the template's internal
				// copy) are neither ours to write nor someone else's posting:
				// they are left as the template made them, and not counted.
				continue
			}
			r := remoteOf(p)
			if isOwned {
				ls, read := rows[p.ID]
				r.Locations = locationLabels(ls)
				judged := m
				if !read {
					judged.Attrs = ""
				}
				// r.Body is the content's text already: don't parse it twice.
				r.SetOwner(judged, func() string { return ats.TextFingerprint(ats.HTMLText(p.Title), r.Body) })
				p.Content = "" // not needed by a write, and the largest field
				field, _, _ := markerText(j)
				mine = append(mine, listedPost{post: p, job: j, marker: m, field: field, rows: ls, rowsRead: read})
			}
			out = append(out, r)
		}
	}
	b.rememberOwned(fresh, mine)
	slices.SortFunc(out, func(a, c ats.Remote) int { return compareIDs(a.ID, c.ID) })
	return out
}

// remoteOf is a post as jobsync shows it, ownership aside.
func remoteOf(p jobPost) ats.Remote {
	r := ats.Remote{ID: strconv.FormatInt(p.ID, 10), Title: p.Title, Body: ats.HTMLText(p.Content), Open: p.Live}
	if p.PublicURL != nil {
		r.URL = *p.PublicURL
	}
	return r
}

func compareIDs(a, b string) int {
	if len(a) != len(b) {
		return len(a) - len(b)
	}
	return strings.Compare(a, b)
}
