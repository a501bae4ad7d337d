package teamtailorsim

import (
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
)

// Paging (docs § Pagination): page[size] defaults to 10 and is at most 30;
// page[number] counts from 1.
const (
	defaultPageSize = 10
	maxPageSize     = 30
)

// query is a list's parsed query: JSONAPI::Resources refuses parameters
// it does not know, and so does the simulator.
type query struct {
	size, number int
	filters      map[string][]string
	include      []string
}

// parseQuery reads r's query for a list of resources that allows the given
// filters and includes, answering a 400 itself when it is bad.
func parseQuery(w http.ResponseWriter, r *http.Request, allowedFilters, allowedIncludes []string) (query, bool) {
	q := query{size: defaultPageSize, number: 1, filters: map[string][]string{}}
	for key, values := range r.URL.Query() {
		v := values[len(values)-1]
		switch {
		case key == "page[size]":
			n, err := strconv.Atoi(v)
			switch {
			case err != nil || n < 1:
				badRequest(w, "Invalid page value", v+" is not a valid value for size page parameter.")
				return q, false
			case n > maxPageSize:
				badRequest(w, "Invalid page value", fmt.Sprintf("size exceeds maximum page size of %d.", maxPageSize))
				return q, false
			}
			q.size = n
		case key == "page[number]":
			n, err := strconv.Atoi(v)
			if err != nil || n < 1 {
				badRequest(w, "Invalid page value", v+" is not a valid value for number page parameter.")
				return q, false
			}
			q.number = n
		case strings.HasPrefix(key, "page["):
			badRequest(w, "Page parameter not allowed", strings.TrimSuffix(strings.TrimPrefix(key, "page["), "]")+" is not an allowed page parameter.")
			return q, false
		case strings.HasPrefix(key, "filter[") && strings.HasSuffix(key, "]"):
			name := key[len("filter[") : len(key)-1]
			if !slices.Contains(allowedFilters, name) {
				badRequest(w, "Filter not allowed", name+" is not allowed.")
				return q, false
			}
			q.filters[name] = csv(v)
		case key == "include":
			for _, inc := range csv(v) {
				if !slices.Contains(allowedIncludes, inc) {
					badRequest(w, "Invalid include", inc+" is not a valid includable relationship of "+strings.TrimPrefix(r.URL.Path, "/v1/"))
					return q, false
				}
				q.include = append(q.include, inc)
			}
		case strings.HasPrefix(key, "fields["):
			// Sparse fieldsets: accepted, and every field served.
		default:
			badRequest(w, "Param not allowed", key+" is not allowed.")
			return q, false
		}
	}
	return q, true
}

// csv splits a filter or include value on commas, as JSONAPI::Resources
// does.
func csv(v string) []string {
	var out []string
	for part := range strings.SplitSeq(v, ",") {
		if part = strings.TrimSpace(part); part != "" {
			out = append(out, part)
		}
	}
	return out
}

// page returns the items of q's page, and the top-level meta and links of
// a list of total items: first, prev, next (absent on the last page) and
// last, each the request's own URL with its page parameters replaced.
func page[T any](r *http.Request, q query, items []T) ([]T, map[string]int, map[string]string) {
	total := len(items)
	pages := (total + q.size - 1) / q.size
	lo := min((q.number-1)*q.size, total)
	hi := min(lo+q.size, total)
	link := func(n int) string {
		v := r.URL.Query()
		v.Set("page[number]", strconv.Itoa(n))
		v.Set("page[size]", strconv.Itoa(q.size))
		u := url.URL{Scheme: "http", Host: r.Host, Path: r.URL.Path, RawQuery: v.Encode()}
		if r.TLS != nil {
			u.Scheme = "https"
		}
		return u.String()
	}
	links := map[string]string{"first": link(1), "last": link(max(pages, 1))}
	if q.number > 1 {
		links["prev"] = link(q.number - 1)
	}
	if q.number < pages {
		links["next"] = link(q.number + 1)
	}
	return items[lo:hi], map[string]int{"record-count": total, "page-count": pages}, links
}
