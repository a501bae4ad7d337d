package simkit

import (
	"io"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestRecorderRecordsEveryRequest(t *testing.T) {
	t.Parallel()
	c := newClock(time.Unix(1_700_000_000, 0))
	rec := NewRecorder(c.Now)
	mux := http.NewServeMux()
	mux.Handle("GET /v1/items", status(200))
	mux.Handle("POST /v1/items", status(201))
	mux.HandleFunc("GET /v1/items/{id}", func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.WriteString(w, "no WriteHeader: 200") // the implicit status is recorded too
	})
	h := Chain(mux, rec)
	for _, target := range []string{"GET /v1/items?limit=2", "POST /v1/items", "GET /v1/items/7", "GET /v1/nothing", "GET /v1/items?offset=x"} {
		method, path, _ := strings.Cut(target, " ")
		serve(t, h, method, path)
		c.Add(time.Second)
	}
	at := func(i int) time.Time { return time.Unix(1_700_000_000+int64(i), 0) }
	want := []Request{
		{At: at(0), Method: "GET", Path: "/v1/items", Query: "limit=2", Status: 200},
		{At: at(1), Method: "POST", Path: "/v1/items", Status: 201},
		{At: at(2), Method: "GET", Path: "/v1/items/7", Status: 200},
		{At: at(3), Method: "GET", Path: "/v1/nothing", Status: 404},
		{At: at(4), Method: "GET", Path: "/v1/items", Query: "offset=x", Status: 200},
	}
	if got := rec.Requests(); !reflect.DeepEqual(got, want) {
		t.Fatalf("requests\n got %+v\nwant %+v", got, want)
	}
	for _, tt := range []struct {
		name  string
		match func(Request) bool
		count int
		run   int
	}{
		{"all", func(Request) bool { return true }, 5, 5},
		{"GETs", Route("GET", ""), 4, 3},
		{"any method under /v1/items", Route("", "/v1/items"), 4, 3},
		{"POSTs", Route("POST", "/v1/items"), 1, 1},
		{"200s", Status(200), 3, 1},
		{"404s", Status(404), 1, 1},
		{"none", Route("DELETE", "/"), 0, 0},
	} {
		if n := rec.Count(tt.match); n != tt.count {
			t.Errorf("Count(%s) = %d, want %d", tt.name, n, tt.count)
		}
		if n := rec.MaxRun(tt.match); n != tt.run {
			t.Errorf("MaxRun(%s) = %d, want %d", tt.name, n, tt.run)
		}
	}
	if n := rec.Count(nil); n != 5 || rec.Len() != 5 {
		t.Errorf("Count(nil) %d, Len %d, want 5", n, rec.Len())
	}
	wantRoutes := map[string]int{"GET /v1/items": 2, "POST /v1/items": 1, "GET /v1/items/7": 1, "GET /v1/nothing": 1}
	if got := rec.ByRoute(); !reflect.DeepEqual(got, wantRoutes) {
		t.Errorf("ByRoute %v, want %v", got, wantRoutes)
	}
	rec.Reset()
	if rec.Len() != 0 || len(rec.Requests()) != 0 {
		t.Errorf("after Reset: %d requests", rec.Len())
	}
	serve(t, h, "GET", "/v1/items")
	if rec.Len() != 1 {
		t.Errorf("after Reset and one request: %d requests", rec.Len())
	}
}

// The status is recorded when the header is written, before the client can
// read it: a test that saw an answer finds its status in the recorder, even
// while the handler is still running.
func TestRecorderStatusBeforeTheHandlerReturns(t *testing.T) {
	t.Parallel()
	rec := NewRecorder(nil)
	release := make(chan struct{})
	srv := httptest.NewServer(rec.Wrap(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusCreated)
		_ = http.NewResponseController(w).Flush() // through the recorder's writer
		<-release
	})))
	defer srv.Close()
	resp, err := http.Post(srv.URL+"/x", "text/plain", nil)
	if err != nil {
		t.Fatal(err)
	}
	rs := rec.Requests()
	close(release)
	_, _ = io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 201 || len(rs) != 1 || rs[0].Status != 201 {
		t.Errorf("answer %d, recorded %+v while the handler ran", resp.StatusCode, rs)
	}
}

func TestChainOrderAndGuard(t *testing.T) {
	t.Parallel()
	var trail []string
	layer := func(name string) Layer {
		return LayerFunc(func(next http.Handler) http.Handler {
			return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				trail = append(trail, name)
				next.ServeHTTP(w, r)
			})
		})
	}
	keyed := Guard(func(w http.ResponseWriter, r *http.Request) bool {
		if r.Header.Get("Key") != "k" {
			jsonError(w, http.StatusUnauthorized)
			return false
		}
		return true
	})
	h := Chain(status(200), layer("outer"), nil, keyed, layer("inner"))

	w := serve(t, h, "GET", "/")
	if w.Code != 401 || body(w) != `{"error":401}` || !reflect.DeepEqual(trail, []string{"outer"}) {
		t.Errorf("without the key: %d %s, layers run %v", w.Code, body(w), trail)
	}
	trail = nil
	req := httptest.NewRequest("GET", "/", nil)
	req.Header.Set("Key", "k")
	w = httptest.NewRecorder()
	h.ServeHTTP(w, req)
	if w.Code != 200 || !reflect.DeepEqual(trail, []string{"outer", "inner"}) {
		t.Errorf("with the key: %d, layers run %v", w.Code, trail)
	}
}

func TestMuxRoute(t *testing.T) {
	t.Parallel()
	m := http.NewServeMux()
	m.Handle("PATCH /v3/job_posts/{id}", status(200))
	route := MuxRoute(m)
	for _, tt := range []struct{ method, path, want string }{
		{"PATCH", "/v3/job_posts/12", "PATCH /v3/job_posts/{id}"},
		{"PATCH", "/v3/job_posts/13", "PATCH /v3/job_posts/{id}"},
		{"GET", "/v3/nothing", "GET /v3/nothing"},
	} {
		if got := route(httptest.NewRequest(tt.method, tt.path, nil)); got != tt.want {
			t.Errorf("%s %s: %q, want %q", tt.method, tt.path, got, tt.want)
		}
	}
}
