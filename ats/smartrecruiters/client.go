package smartrecruiters

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"golang.org/x/sync/errgroup"
	"golang.org/x/time/rate"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/ats/atshttp"
)

// patchContentType is the media type of every PATCH /jobs/{id}, and the one
// place jobsync settles the documented contradiction: the reference page
// says the endpoint takes a JSON Merge Patch (RFC 7396), yet every example
// on it is a JSON Patch (RFC 6902) array of operations (add /properties/-,
// add /compensation, remove /compensation/min), and the API's own 2017
// OpenAPI spec, as the client generated from it shows, declares
// application/json-patch+json with a JSONPatch body. An array is what the
// examples show to work, and a merge patch of an array body would be
// meaningless, so jobsync sends operations (see patch.go) as
// application/json-patch+json.
const patchContentType = "application/json-patch+json"

// The documented limits (developers.smartrecruiters.com/docs/rate-limiting):
// 10 requests per second for most endpoints, 2 per second for POST and
// DELETE /jobs/{id}/publication, 8 requests at once. The client keeps to
// paceShare of each rate, so that the i-th and the (n+i)-th request are
// always more than a second apart and jitter on the way cannot put one
// request too many into a second; no answer has to say "slow down" first.
const (
	defaultRate            = 10 // requests per second
	defaultPublicationRate = 2  // requests per second on the publication calls
	paceShare              = 0.95
	maxInFlight            = 8
)

// pace is a limiter at paceShare of perSecond, one request at a time.
func pace(perSecond int) *rate.Limiter {
	return rate.NewLimiter(rate.Every(time.Duration(float64(time.Second)/(paceShare*float64(perSecond)))), 1)
}

// pageSize is the largest page GET /jobs gives.
const pageSize = 100

// httpOptions fills the client options the board builds its HTTP client
// with: the two paces (for limits of perSecond and publicationsPerSecond),
// the bound on requests at once, and 409 (a request that conflicts with
// another, still running, on the same job) retried like a 5xx for reads
// and idempotent writes.
func httpOptions(o atshttp.Options, perSecond, publicationsPerSecond int) atshttp.Options {
	if o.Limiter == nil {
		o.Limiter = pace(perSecond)
	}
	if o.Limits == nil {
		o.Limits = []atshttp.Limit{{Match: isPublication, Limiter: pace(publicationsPerSecond)}}
	}
	if o.MaxInFlight == 0 {
		o.MaxInFlight = maxInFlight
	}
	if o.RetryStatuses == nil {
		o.RetryStatuses = []int{http.StatusConflict}
	}
	return o
}

// isPublication reports whether r is one of the calls limited to 2 per
// second: POST or DELETE /jobs/{id}/publication.
func isPublication(r *http.Request) bool {
	return (r.Method == http.MethodPost || r.Method == http.MethodDelete) && strings.HasSuffix(r.URL.Path, "/publication")
}

// client sends Job API requests over atshttp: the X-SmartToken key,
// SmartRecruiters' error bodies, the paces and retries of httpOptions.
type client struct {
	api    *atshttp.Client
	keyVar string // the variable holding the key, named when the API refuses it
}

// call sends r, decodes a 2xx answer into out, and says which variable to
// fix when the API refuses the key.
func (c *client) call(ctx context.Context, r atshttp.Request, out any) error {
	_, err := c.api.Do(ctx, r, out)
	var e *atshttp.Error
	if errors.As(err, &e) {
		switch e.StatusCode {
		case http.StatusUnauthorized:
			return fmt.Errorf("%w (the API key was refused: check %s)", err, c.keyVar)
		case http.StatusForbidden:
			return fmt.Errorf("%w (the API key's user may not do this: check %s's access)", err, c.keyVar)
		}
	}
	return err
}

// jobPath is the path of job id, escaped so that an id never reaches
// another route.
func jobPath(id string) string { return "/jobs/" + url.PathEscape(id) }

// do sends one request and decodes a 2xx JSON answer into out (when not
// nil).
func (c *client) do(ctx context.Context, kind atshttp.Kind, method, path string, in, out any) error {
	return c.call(ctx, atshttp.Request{Kind: kind, Method: method, Path: path, Body: in}, out)
}

// job reads one job with its ad and properties.
func (c *client) job(ctx context.Context, id string) (apiJob, error) {
	var j apiJob
	err := c.do(ctx, atshttp.Read, http.MethodGet, jobPath(id), nil, &j)
	return j, err
}

// patch applies ops to job id and returns the job as the answer has it.
// Patching is idempotent: every op sets a value (patch.go).
func (c *client) patch(ctx context.Context, id string, ops []apiPatchOp) (apiJob, error) {
	var j apiJob
	err := c.call(ctx, atshttp.Request{Kind: atshttp.Idempotent, Method: http.MethodPatch, Path: jobPath(id), Body: ops, ContentType: patchContentType}, &j)
	return j, err
}

// summaries pages through GET /jobs, 100 at a time, following nextPageId
// while a page has jobs and names a next one; a repeated page id is an
// error, never a short list.
func (c *client) summaries(ctx context.Context) ([]apiSummary, error) {
	return atshttp.Pages(ctx, "", func(ctx context.Context, cursor string) ([]apiSummary, string, bool, error) {
		q := url.Values{"limit": {strconv.Itoa(pageSize)}}
		if cursor != "" {
			q.Set("pageId", cursor)
		}
		var page apiPage
		if err := c.call(ctx, atshttp.Request{Kind: atshttp.Read, Method: http.MethodGet, Path: "/jobs", Query: q}, &page); err != nil {
			return nil, "", false, err
		}
		return page.Content, page.NextPageID, page.NextPageID != "" && len(page.Content) > 0, nil
	})
}

// jobs reads the jobs ids name, at most maxInFlight at once, in the order
// of ids; a job deleted meanwhile is left zero.
func (c *client) jobs(ctx context.Context, ids []string) ([]apiJob, error) {
	out := make([]apiJob, len(ids))
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(maxInFlight)
	for i, id := range ids {
		g.Go(func() error {
			j, err := c.job(ctx, id)
			if errors.Is(err, ats.ErrNotFound) {
				return nil // deleted since the page was read: not on the board
			}
			out[i] = j
			return err
		})
	}
	return out, g.Wait()
}

// decodeError reads SmartRecruiters' error body, {"message", "errors":
// [{"code", "message"}]}; it reports false for a body that is not one.
func decodeError(e *atshttp.Error, data []byte) bool {
	var body apiErrorBody
	if json.Unmarshal(data, &body) != nil || body.Message == "" && len(body.Errors) == 0 {
		return false
	}
	e.Message = body.Message
	for i, d := range body.Errors {
		if i == 0 {
			e.Code = d.Code
		}
		if d.Message != "" && d.Message != body.Message {
			e.Fields = append(e.Fields, atshttp.FieldError{Message: d.Message})
		}
	}
	return true
}
