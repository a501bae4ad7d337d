package teamtailor

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

	"golang.org/x/time/rate"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/ats/atshttp"
)

// mediaType is JSON:API's media type: every request accepts it and every
// write is sent as it.
const mediaType = "application/vnd.api+json"

// pageSize is the largest page the API gives (docs § Pagination: max 30).
const pageSize = 30

// ErrAPIVersion is wrapped by the error of a request the API refused for
// its X-Api-Version (406): a configuration error, fixed by api_version.
var ErrAPIVersion = errors.New("the API version was refused")

// headers puts on every request what Teamtailor requires of it:
// "Authorization: Token token=KEY", the dated X-Api-Version and JSON:API's
// media type in Accept (JSON:API servers answer a plain application/json
// with a 406). It is behind a pointer, so that no print of a client shows
// the key.
type headers struct {
	key     ats.Secret
	version string
}

func (h *headers) Authorize(_ context.Context, req *http.Request) error {
	req.Header.Set("Authorization", "Token token="+h.key.Reveal())
	req.Header.Set("X-Api-Version", h.version)
	req.Header.Set("Accept", mediaType)
	return nil
}

// client sends Teamtailor requests over atshttp: the key and version
// headers, JSON:API documents and error documents, and the rate limit
// the answers' X-Rate-Limit-* headers report.
type client struct {
	api        *atshttp.Client
	keyVar     string // the variable holding the key, named when the API refuses it
	version    string // the X-Api-Version sent
	versionKey string // where to change it: "api_version in board NAME's config"
}

// call sends r and decodes a 2xx answer into out, and says what to fix
// when the API refuses the key or the version.
func (c *client) call(ctx context.Context, r atshttp.Request, out any) error {
	if r.Body != nil {
		r.ContentType = mediaType
	}
	_, err := c.api.Do(ctx, r, out)
	var e *atshttp.Error
	if !errors.As(err, &e) {
		return err
	}
	switch e.StatusCode {
	case http.StatusUnauthorized:
		return fmt.Errorf("%w (the API key was refused: check %s)", err, c.keyVar)
	case http.StatusForbidden:
		return fmt.Errorf("%w (the API key may not do this: jobsync needs an Admin key with read and write access; check %s)", err, c.keyVar)
	case http.StatusNotAcceptable:
		return fmt.Errorf("%w: %w (X-Api-Version %s: set %s to a date, YYYYMMDD, that Teamtailor accepts)", err, ErrAPIVersion, c.version, c.versionKey)
	case http.StatusBadRequest:
		if strings.Contains(e.Message, "tags is not allowed") {
			return fmt.Errorf("%w (the API key may not write tags, where jobsync's marker lives: use an Admin key in %s)", err, c.keyVar)
		}
	}
	return err
}

// jobPath is the path of job id, escaped so that an id never reaches
// another route.
func jobPath(id string) string { return "/jobs/" + url.PathEscape(id) }

// included asks for the job's department and locations in the same
// answer, so that names come without further requests.
const included = "department,locations"

// jobs pages through every job the key sees: all statuses, public and
// internal, 30 a page, following links.next; a next link seen before is an
// error, never a short list.
func (c *client) jobs(ctx context.Context) ([]apiJob, []apiIncluded, error) {
	var inc []apiIncluded
	jobs, err := atshttp.Pages(ctx, "", func(ctx context.Context, next string) ([]apiJob, string, bool, error) {
		r := atshttp.Request{Kind: atshttp.Read, Method: http.MethodGet, Path: next}
		if next == "" {
			r.Path = "/jobs"
			r.Query = url.Values{
				"page[size]":     {strconv.Itoa(pageSize)},
				"filter[status]": {"all"},
				"filter[feed]":   {"public,internal"},
				"include":        {included},
			}
		}
		var page apiJobsPage
		if err := c.call(ctx, r, &page); err != nil {
			return nil, "", false, err
		}
		inc = append(inc, page.Included...)
		return page.Data, page.Links.Next, page.Links.Next != "" && len(page.Data) > 0, nil
	})
	return jobs, inc, err
}

// job reads job id with its department and locations.
func (c *client) job(ctx context.Context, id string) (apiJobDocument, error) {
	var doc apiJobDocument
	err := c.call(ctx, atshttp.Request{Kind: atshttp.Read, Method: http.MethodGet, Path: jobPath(id), Query: url.Values{"include": {included}}}, &doc)
	return doc, err
}

// resources pages through a list of departments or locations (path).
func (c *client) resources(ctx context.Context, path string) ([]apiIncluded, error) {
	return atshttp.Pages(ctx, "", func(ctx context.Context, next string) ([]apiIncluded, string, bool, error) {
		r := atshttp.Request{Kind: atshttp.Read, Method: http.MethodGet, Path: next}
		if next == "" {
			r.Path, r.Query = path, url.Values{"page[size]": {strconv.Itoa(pageSize)}}
		}
		var page apiListPage
		if err := c.call(ctx, r, &page); err != nil {
			return nil, "", false, err
		}
		return page.Data, page.Links.Next, page.Links.Next != "" && len(page.Data) > 0, nil
	})
}

// decodeError reads a JSON:API error document: the first error's detail
// is the message (its title too, when neither the detail nor the status
// says it), the
// others' details are field errors named by their source pointer's last
// part. It reports false for a body that is not one.
func decodeError(e *atshttp.Error, data []byte) bool {
	var doc apiErrors
	if json.Unmarshal(data, &doc) != nil || len(doc.Errors) == 0 {
		return false
	}
	first := doc.Errors[0]
	e.Message = strings.TrimSpace(first.Detail)
	if first.Title != "" && first.Title != http.StatusText(e.StatusCode) && !strings.Contains(strings.ToLower(e.Message), strings.ToLower(first.Title)) {
		e.Code = first.Title
	}
	if e.Message == "" {
		e.Message, e.Code = first.Title, ""
	}
	for _, d := range doc.Errors[1:] {
		field := d.Source.Pointer[strings.LastIndexByte(d.Source.Pointer, '/')+1:]
		e.Fields = append(e.Fields, atshttp.FieldError{Field: field, Message: strings.TrimPrefix(d.Detail, field+" - ")})
	}
	return true
}

// maxReset bounds the wait a reset header can impose: the docs say the
// headers may hold static values, and a static reset must not stall a run.
const maxReset = time.Minute

// rateHeaders translates Teamtailor's rate-limit headers into the ones
// atshttp's gate reads, under it: X-Rate-Limit-Remaining becomes
// X-RateLimit-Remaining, and X-Rate-Limit-Reset, the seconds left in the
// period, becomes X-RateLimit-Reset, the Unix second it ends.
type rateHeaders struct {
	next http.RoundTripper
	now  func() time.Time
}

func (t rateHeaders) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := t.next.RoundTrip(req)
	if err != nil || resp == nil {
		return resp, err
	}
	h := resp.Header
	rem, reset := h.Get("X-Rate-Limit-Remaining"), h.Get("X-Rate-Limit-Reset")
	secs, perr := strconv.Atoi(reset)
	if _, rerr := strconv.Atoi(rem); rerr != nil || perr != nil || secs < 0 || h.Get("X-RateLimit-Remaining") != "" {
		return resp, nil // no (usable) numbers: the gate goes by 429s alone
	}
	wait := min(time.Duration(secs)*time.Second, maxReset)
	h.Set("X-RateLimit-Remaining", rem)
	h.Set("X-RateLimit-Reset", strconv.FormatInt(t.now().Add(wait).Unix(), 10))
	return resp, nil
}

// pace is a limiter at perSecond requests a second, one at a time.
func pace(perSecond int) *rate.Limiter {
	return rate.NewLimiter(rate.Limit(perSecond), 1)
}
