package ashby

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"sync"

	"go.uber.org/zap"
	"golang.org/x/sync/errgroup"
	"golang.org/x/time/rate"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/ats/atshttp"
)

// APIVersion is the Ashby API version jobsync is written against, sent as
// the Ashby-Version header of every request: Ashby dates its versions and
// serves a new key the newest one, so an unpinned client would change
// behaviour when Ashby releases one.
const APIVersion = "2026-01-01"

// Ashby documents no per-key rate limit; its answers carry
// X-RateLimit-Limit: 1000 (recorded), read as 1000 requests a minute.
// The client keeps to paceShare of it with a burst small enough that no
// minute, however it falls, holds more than the limit: burst + 60 s × rate
// ≤ limit. The gate in atshttp also stops every worker at an exhausted
// X-RateLimit-Remaining until X-RateLimit-Reset.
const (
	defaultRatePerMinute = 1000
	paceShare            = 0.95
	burst                = 40
	maxConcurrency       = 4 // writers at once, and reads of postings at once
)

// pace is the limiter for perMinute requests a minute.
func pace(perMinute int) *rate.Limiter {
	b := min(burst, max(perMinute/20, 1))
	perSecond := (paceShare*float64(perMinute) - float64(b)) / 60
	if perSecond <= 0 {
		perSecond = float64(perMinute) / 120
	}
	return rate.NewLimiter(rate.Limit(perSecond), b)
}

// versioned pins the API version on every request.
type versioned struct{ next http.RoundTripper }

func (v versioned) RoundTrip(r *http.Request) (*http.Response, error) {
	r = r.Clone(r.Context())
	r.Header.Set("Ashby-Version", APIVersion)
	return v.next.RoundTrip(r)
}

// httpOptions fills the client options: the pace, and the version header
// under the retries.
func httpOptions(o atshttp.Options, perMinute int) atshttp.Options {
	if o.Limiter == nil {
		o.Limiter = pace(perMinute)
	}
	if o.Transport == nil {
		o.Transport = http.DefaultTransport.(*http.Transport).Clone()
	}
	o.Transport = versioned{o.Transport}
	return o
}

// client sends Ashby RPC calls over atshttp: every call a POST of a JSON
// body to /<category.method>, declared a read or a write.
type client struct {
	api    *atshttp.Client
	keyVar string // the variable holding the key, named when Ashby refuses it
	log    *zap.Logger

	versionOnce sync.Once
}

// call sends method with body in, of the given kind, and decodes the
// envelope's results into out.
func call[T any](ctx context.Context, c *client, kind atshttp.Kind, method string, in any) (envelope[T], error) {
	var out envelope[T]
	h, err := c.api.Do(ctx, atshttp.Request{Kind: kind, Method: http.MethodPost, Path: "/" + method, Body: in}, &out)
	if h != nil {
		c.noteVersion(h)
	}
	return out, c.explain(err)
}

// noteVersion logs, once, the version Ashby served and its status, with a
// warning when the pinned version is deprecated or no longer supported.
func (c *client) noteVersion(h http.Header) {
	v, status := h.Get("Ashby-Version"), h.Get("Ashby-Version-Status")
	if v == "" && status == "" {
		return
	}
	c.versionOnce.Do(func() {
		fields := []zap.Field{zap.String("pinned", APIVersion), zap.String("served", v), zap.String("status", status)}
		if status != "" && status != "active" {
			c.log.Warn("Ashby reports the API version jobsync uses as "+status+": update jobsync", fields...)
			return
		}
		c.log.Debug("Ashby API version", fields...)
	})
}

// explain adds to a refused key which variable to fix: Ashby answers 401
// without a key, 403 with a wrong or deactivated one, and 403
// missing_endpoint_permission when the key lacks a permission.
func (c *client) explain(err error) error {
	var e *atshttp.Error
	if !errors.As(err, &e) {
		return err
	}
	switch {
	case e.Code == "missing_endpoint_permission":
		return fmt.Errorf("%w (the API key lacks a permission: give the key in %s jobsRead and jobsWrite)", err, c.keyVar)
	case e.StatusCode == http.StatusUnauthorized, e.StatusCode == http.StatusForbidden:
		return fmt.Errorf("%w (the API key was refused: check %s)", err, c.keyVar)
	}
	return err
}

// decodeError reads Ashby's envelope from an answer that is not 2xx (401,
// 403, 429, 5xx); it reports false for a body that is not one.
func decodeError(e *atshttp.Error, data []byte) bool {
	var v envelope[json.RawMessage]
	if json.Unmarshal(data, &v) != nil || v.Success || (v.ErrorInfo == nil && len(v.Errors) == 0) {
		return false
	}
	fillError(e, v.ErrorInfo, v.Errors)
	return true
}

// postings reads every page of jobPosting.list: published postings, the
// drafts of open jobs (includeUnpublishedJobPostings), each with its
// custom fields and secondary locations.
func (c *client) postings(ctx context.Context) ([]apiListItem, error) {
	return atshttp.Pages(ctx, "", func(ctx context.Context, cursor string) ([]apiListItem, string, bool, error) {
		in := postingListRequest{IncludeUnpublishedJobPostings: true, Expand: []string{"customFields", "locationDetail"}, Cursor: cursor}
		v, err := call[[]apiListItem](ctx, c, atshttp.Read, "jobPosting.list", in)
		return v.Results, v.NextCursor, v.MoreDataAvailable, err
	})
}

// jobs reads every page of job.list for the given statuses, with the ids
// of each job's unpublished postings too.
func (c *client) jobs(ctx context.Context, statuses ...string) ([]apiJob, error) {
	return atshttp.Pages(ctx, "", func(ctx context.Context, cursor string) ([]apiJob, string, bool, error) {
		in := jobListRequest{Status: statuses, IncludeUnpublishedJobPostingsIDs: true, Limit: pageSize, Cursor: cursor}
		v, err := call[[]apiJob](ctx, c, atshttp.Read, "job.list", in)
		return v.Results, v.NextCursor, v.MoreDataAvailable, err
	})
}

// pageSize is the largest page Ashby's paged lists give.
const pageSize = 100

// listAll reads every page of a plain paged list (location.list,
// department.list, customField.list).
func listAll[T any](ctx context.Context, c *client, method string) ([]T, error) {
	return atshttp.Pages(ctx, "", func(ctx context.Context, cursor string) ([]T, string, bool, error) {
		v, err := call[[]T](ctx, c, atshttp.Read, method, listRequest{Limit: pageSize, Cursor: cursor})
		return v.Results, v.NextCursor, v.MoreDataAvailable, err
	})
}

// posting reads one posting, drafts included.
func (c *client) posting(ctx context.Context, id string) (apiPosting, error) {
	v, err := call[apiPosting](ctx, c, atshttp.Read, "jobPosting.info", postingInfoRequest{JobPostingID: id, IncludeUnpublishedJobPostings: true})
	return v.Results, err
}

// postingsByID reads the postings ids name, maxConcurrency at once, in
// their order; a posting deleted meanwhile is left zero.
func (c *client) postingsByID(ctx context.Context, ids []string) ([]apiPosting, error) {
	out := make([]apiPosting, len(ids))
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(maxConcurrency)
	for i, id := range ids {
		g.Go(func() error {
			p, err := c.posting(ctx, id)
			if errors.Is(err, ats.ErrNotFound) {
				return nil // gone since the list was read: not on the board
			}
			out[i] = p
			return err
		})
	}
	return out, g.Wait()
}

// job reads one job with all its postings' ids.
func (c *client) job(ctx context.Context, id string) (apiJob, error) {
	v, err := call[apiJob](ctx, c, atshttp.Read, "job.info", jobInfoRequest{ID: id, IncludeUnpublishedJobPostingsIDs: true})
	return v.Results, err
}

// write sends an idempotent write and returns the posting it answers with
// (for the jobPosting methods; zero otherwise).
func (c *client) write(ctx context.Context, method string, in any) (apiPosting, error) {
	v, err := call[apiPosting](ctx, c, atshttp.Idempotent, method, in)
	return v.Results, err
}

// setMarker writes the marker field of posting id.
func (c *client) setMarker(ctx context.Context, id, field string, m ats.Marker) error {
	_, err := call[json.RawMessage](ctx, c, atshttp.Idempotent, "jobPosting.setCustomFieldValue", setFieldRequest{JobPostingID: id, FieldID: field, Value: m.String()})
	return err
}
