package atshttp

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
)

// ErrIncomplete is wrapped by the error of a list whose pages do not add up:
// a plan from a partial list would create again the postings it did not see.
var ErrIncomplete = errors.New("the list is incomplete")

// Fetch reads the page at cursor and returns its items and the cursor of
// the next page (a URL, a token, an offset), with more set when the board
// says there is one.
type Fetch[T any] func(ctx context.Context, cursor string) (items []T, next string, more bool, err error)

// Pages reads every page of a list, from the page at first ("" for a board
// whose first page has no cursor). A page that says there is more but gives
// no next cursor, or a next cursor seen before, is an error wrapping
// ErrIncomplete, never a short list or a loop.
func Pages[T any](ctx context.Context, first string, fetch Fetch[T]) ([]T, error) {
	var all []T
	seen := map[string]bool{first: true}
	for cursor, page := first, 1; ; page++ {
		items, next, more, err := fetch(ctx, cursor)
		if err != nil {
			return nil, err
		}
		all = append(all, items...)
		switch {
		case !more:
			return all, nil
		case next == "":
			return nil, fmt.Errorf("page %d (%d items so far) says there is more but names no next page: %w", page, len(all), ErrIncomplete)
		case seen[next]:
			return nil, fmt.Errorf("page %d (%d items so far) names an earlier page as the next: %w", page, len(all), ErrIncomplete)
		}
		seen[next] = true
		cursor = next
	}
}

// NextLink returns the rel="next" URL of an answer's Link header (RFC 8288,
// as Greenhouse pages), or nil when there is none. A next URL outside Base
// is an error: the Client's credentials go nowhere else.
func (c *Client) NextLink(h http.Header) (*url.URL, error) {
	for _, link := range h.Values("Link") {
		for part := range strings.SplitSeq(link, ",") {
			target, params, ok := strings.Cut(strings.TrimSpace(part), ";")
			if !ok || !strings.HasPrefix(target, "<") || !strings.HasSuffix(target, ">") || !relNext(params) {
				continue
			}
			u, err := c.Base.Parse(strings.TrimSuffix(strings.TrimPrefix(target, "<"), ">"))
			if err != nil {
				return nil, fmt.Errorf("bad next page link: %w", unquote(err))
			}
			if !c.under(u) {
				return nil, fmt.Errorf("next page link %s leaves the API at %s", u.Redacted(), c.Base.Redacted())
			}
			return u, nil
		}
	}
	return nil, nil
}

// relNext reports whether a link's parameters say rel="next".
func relNext(params string) bool {
	for p := range strings.SplitSeq(params, ";") {
		k, v, _ := strings.Cut(strings.TrimSpace(p), "=")
		if strings.EqualFold(k, "rel") && strings.EqualFold(strings.Trim(v, `"`), "next") {
			return true
		}
	}
	return false
}
