package greenhouse

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/jobsync/jobsync/ats/atshttp"
)

// client makes Harvest v3 requests over atshttp: bearer tokens (refreshed
// once on a 401), Harvest's error bodies, and Link-header pages.
type client struct {
	api    *atshttp.Client
	tokens *tokenSource
}

// do sends one request to route and decodes a JSON answer into out (when
// out is not nil and the answer has a body).
func (c *client) do(ctx context.Context, kind atshttp.Kind, method, route string, in, out any) error {
	_, err := c.api.Do(ctx, atshttp.Request{Kind: kind, Method: method, Path: route, Body: in}, out)
	return err
}

// listAll reads every page of a list route: the first request carries q and
// per_page=500, then it follows each Link rel="next" URL exactly as given.
func listAll[T any](ctx context.Context, c *client, route string, q url.Values) ([]T, error) {
	if q == nil {
		q = url.Values{}
	}
	q.Set("per_page", strconv.Itoa(perPage))
	first, err := c.api.URL(route, q)
	if err != nil {
		return nil, err
	}
	return atshttp.Pages(ctx, first.String(), func(ctx context.Context, page string) ([]T, string, bool, error) {
		var items []T
		h, err := c.api.Do(ctx, atshttp.Request{Kind: atshttp.Read, Method: http.MethodGet, Path: page}, &items)
		if err != nil {
			return nil, "", false, err
		}
		next, err := c.api.NextLink(h)
		if err != nil || next == nil {
			return items, "", false, err
		}
		return items, next.String(), true, nil
	})
}

// listByIDs lists route filtered by filter=<ids>, at most 50 ids a request.
func listByIDs[T any](ctx context.Context, c *client, route, filter string, ids []int64) ([]T, error) {
	var all []T
	for len(ids) > 0 {
		n := min(len(ids), maxIDsPerFilter)
		parts := make([]string, n)
		for i, id := range ids[:n] {
			parts[i] = strconv.FormatInt(id, 10)
		}
		page, err := listAll[T](ctx, c, route, url.Values{filter: {strings.Join(parts, ",")}})
		if err != nil {
			return nil, err
		}
		all = append(all, page...)
		ids = ids[n:]
	}
	return all, nil
}

// decodeError reads an error body into e: Harvest's message and errors[]
// (objects or strings), or the token endpoint's OAuth error and
// error_description. It reports false for a body that is not JSON.
func decodeError(e *atshttp.Error, data []byte) bool {
	var eb errorBody
	if json.Unmarshal(data, &eb) != nil {
		return false
	}
	e.Message = eb.Message
	if e.Message == "" {
		e.Code, e.Message = eb.Error, eb.ErrorDescription
	}
	for _, raw := range eb.Errors {
		var fe atshttp.FieldError
		var s string
		switch {
		case json.Unmarshal(raw, &fe) == nil:
		case json.Unmarshal(raw, &s) == nil:
			fe.Message = s
		default:
			fe.Message = string(raw)
		}
		e.Fields = append(e.Fields, fe)
	}
	return true
}
