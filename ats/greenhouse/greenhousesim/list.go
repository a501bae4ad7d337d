package greenhousesim

import (
	"cmp"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
)

// maxIDs is the most ids one ids= or parent-ids filter may name.
const maxIDs = 50

// listQuery is a list request's filters and page, from its first request's
// parameters or from its cursor.
type listQuery struct {
	filters url.Values
	perPage int
	after   int64 // ids below this one (lists run by id, descending); 0 for the first page
}

// cursorState is what a cursor encodes: the first request's filters and
// page size, and where the next page starts.
type cursorState struct {
	Q string `json:"q"`
	N int    `json:"n"`
	A int64  `json:"a"`
}

// parseList reads a list request. A cursor must be the only parameter (422
// otherwise, as Harvest v3 documents); filters outside allowed are refused.
func (s *Server) parseList(w http.ResponseWriter, r *http.Request, allowed ...string) (listQuery, bool) {
	q, err := url.ParseQuery(r.URL.RawQuery)
	if err != nil {
		unprocessable(w, "query", "malformed query string")
		return listQuery{}, false
	}
	if c := q.Get("cursor"); c != "" || q.Has("cursor") {
		if len(q) > 1 {
			unprocessable(w, "cursor", "cursor must be the only query parameter")
			return listQuery{}, false
		}
		raw, err := base64.RawURLEncoding.DecodeString(c)
		var st cursorState
		if err == nil {
			err = json.Unmarshal(raw, &st)
		}
		f, perr := url.ParseQuery(st.Q)
		if err != nil || perr != nil || st.N < 1 || st.A <= 0 {
			unprocessable(w, "cursor", "invalid cursor")
			return listQuery{}, false
		}
		return listQuery{filters: f, perPage: st.N, after: st.A}, true
	}
	lq := listQuery{filters: url.Values{}, perPage: s.o.PageSize}
	for k, v := range q {
		switch {
		case k == "per_page":
			n, err := strconv.Atoi(q.Get(k))
			if err != nil || n < 1 || n > 500 {
				unprocessable(w, "per_page", "must be an integer from 1 to 500")
				return listQuery{}, false
			}
			lq.perPage = n
		case slices.Contains(allowed, k):
			lq.filters[k] = v
		default:
			unprocessable(w, k, "unknown parameter")
			return listQuery{}, false
		}
	}
	for _, k := range []string{"ids", "job_ids", "job_post_ids"} {
		v := lq.filters.Get(k)
		if _, ok := idSet(v); !ok || strings.Count(v, ",") >= maxIDs {
			unprocessable(w, k, fmt.Sprintf("must be a comma-separated list of at most %d ids", maxIDs))
			return listQuery{}, false
		}
	}
	return lq, true
}

// idSet parses "1,2,3"; an empty string is an empty set.
func idSet(s string) (map[int64]bool, bool) {
	out := map[int64]bool{}
	if s == "" {
		return out, true
	}
	for _, p := range strings.Split(s, ",") {
		n, err := strconv.ParseInt(strings.TrimSpace(p), 10, 64)
		if err != nil {
			return nil, false
		}
		out[n] = true
	}
	return out, true
}

// matchIDs reports whether id passes the ids-style filter key, if set.
func (lq listQuery) matchIDs(key string, id int64) bool {
	v := lq.filters.Get(key)
	if v == "" {
		return true
	}
	ids, _ := idSet(v)
	return ids[id]
}

// matchBool reports whether b passes the boolean filter key, if set.
func (lq listQuery) matchBool(key string, b bool) bool {
	v := lq.filters.Get(key)
	return v == "" || v == strconv.FormatBool(b)
}

// writePage answers one page of items (all matching the filters), ordered
// by id descending, with a Link rel="next" header when more remain.
func writePage[T any](s *Server, w http.ResponseWriter, r *http.Request, lq listQuery, items []T, id func(T) int64) {
	slices.SortFunc(items, func(a, b T) int { return cmp.Compare(id(b), id(a)) })
	if lq.after > 0 {
		i, _ := slices.BinarySearchFunc(items, lq.after, func(t T, a int64) int { return cmp.Compare(a, id(t)) })
		for i < len(items) && id(items[i]) >= lq.after {
			i++
		}
		items = items[i:]
	}
	n := min(lq.perPage, s.o.PageSize)
	page := items
	if len(items) > n {
		page = items[:n]
		st, _ := json.Marshal(cursorState{Q: lq.filters.Encode(), N: lq.perPage, A: id(page[n-1])})
		scheme := "http"
		if r.TLS != nil {
			scheme = "https"
		}
		next := url.URL{Scheme: scheme, Host: r.Host, Path: r.URL.Path,
			RawQuery: "cursor=" + base64.RawURLEncoding.EncodeToString(st)}
		w.Header().Set("Link", "<"+next.String()+`>; rel="next"`)
	}
	if page == nil {
		page = []T{}
	}
	writeJSON(w, http.StatusOK, page)
}
