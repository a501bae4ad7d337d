package lever

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"

	"github.com/jobsync/jobsync/ats/atshttp"
)

// client sends Lever requests over atshttp: Basic auth with the key,
// Lever's {code, message} error bodies, and the board's pacing, retries and
// 429 gate (atshttp.NewHTTPClient).
type client struct {
	api       *atshttp.Client
	performAs string
	keyVar    string // the variable holding the key, named when the API refuses it
}

// do sends one request and decodes a 2xx JSON answer into out (when not
// nil). path is below the base URL and already escaped ("/postings/" +
// url.PathEscape(id)), so an id can never reach another route.
func (c *client) do(ctx context.Context, kind atshttp.Kind, method, path string, query url.Values, in, out any) error {
	_, err := c.api.Do(ctx, atshttp.Request{Kind: kind, Method: method, Path: path, Query: query, Body: in}, out)
	var e *atshttp.Error
	if errors.As(err, &e) && e.StatusCode == http.StatusUnauthorized {
		return fmt.Errorf("%w (the API key was refused: check %s)", err, c.keyVar)
	}
	return err
}

// write sends a write made as the acting user (perform_as).
func (c *client) write(ctx context.Context, kind atshttp.Kind, path string, in, out any) error {
	return c.do(ctx, kind, http.MethodPost, path, url.Values{"perform_as": {c.performAs}}, in, out)
}

// list pages through GET /postings with filter in pages of 100, following
// next while hasNext; a missing or repeated next token is an error, never a
// short list.
func (c *client) list(ctx context.Context, filter url.Values) ([]apiPosting, error) {
	return atshttp.Pages(ctx, "", func(ctx context.Context, offset string) ([]apiPosting, string, bool, error) {
		q := url.Values{"limit": {strconv.Itoa(pageSize)}}
		for k, v := range filter {
			q[k] = v
		}
		if offset != "" {
			q.Set("offset", offset)
		}
		var page apiPage
		if err := c.do(ctx, atshttp.Read, http.MethodGet, "/postings", q, nil, &page); err != nil {
			return nil, "", false, err
		}
		return page.Data, page.Next, page.HasNext, nil
	})
}

// decodeError reads Lever's error body, {"code", "message"}; it reports
// false for a body that is not JSON.
func decodeError(e *atshttp.Error, data []byte) bool {
	var body apiErrorBody
	if json.Unmarshal(data, &body) != nil {
		return false
	}
	e.Code, e.Message = body.Code, body.Message
	return true
}
