package simkit

import (
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"reflect"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"
)

func TestFaultKind(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		f    Fault
		want string
	}{
		{Fault{}, ""},
		{Fault{Status: 503}, "503"},
		{Fault{Status: 500, Delay: time.Millisecond}, "500"},
		{Fault{Loss: Lost504}, "lost-504"},
		{Fault{Loss: Dropped, Delay: time.Millisecond}, "dropped"},
		{Fault{Delay: time.Millisecond}, "slow"},
	} {
		if got := tt.f.Kind(); got != tt.want {
			t.Errorf("%+v: %q, want %q", tt.f, got, tt.want)
		}
	}
}

// fixed is a Policy giving every request f.
func fixed(f Fault) Policy {
	return func(*rand.Rand, float64, *http.Request) Fault { return f }
}

// Each kind of fault answers as it should, and runs the route only when
// the answer is lost after it.
func TestFaultsServe(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		name   string
		fault  Fault
		code   int
		body   string
		ran    bool
		status int // recorded
	}{
		{"none", Fault{}, 201, "route POST /v1/items", true, 201},
		{"500", Fault{Status: 500}, 500, `{"error":500}`, false, 500},
		{"502", Fault{Status: 502}, 502, `{"error":502}`, false, 502},
		{"503 late", Fault{Status: 503, Delay: time.Millisecond}, 503, `{"error":503}`, false, 503},
		{"slow", Fault{Delay: time.Millisecond}, 201, "route POST /v1/items", true, 201},
		{"lost-504", Fault{Loss: Lost504}, 504, `{"error":504}`, true, 504},
		// An httptest.ResponseRecorder cannot be hijacked: a 504 instead.
		{"dropped, no connection to drop", Fault{Loss: Dropped}, 504, `{"error":504}`, true, 504},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var ran atomic.Bool
			route := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				ran.Store(true)
				w.Header().Set("Location", "/v1/items/1") // lost with the answer
				status(201).ServeHTTP(w, r)
			})
			rec := NewRecorder(nil)
			f := NewFaults(FaultOptions{Policy: fixed(tt.fault), Error: jsonError})
			f.Set(1, 1)
			w := serve(t, Chain(route, rec, f), "POST", "/v1/items")
			if w.Code != tt.code || body(w) != tt.body || ran.Load() != tt.ran {
				t.Errorf("answer %d %q, route ran %v; want %d %q, ran %v", w.Code, body(w), ran.Load(), tt.code, tt.body, tt.ran)
			}
			if routes := w.Code == 201; routes != (w.Header().Get("Location") != "") {
				t.Errorf("the route's answer %v, its headers: %v", routes, w.Header())
			}
			r := rec.Requests()[0]
			if r.Status != tt.status || r.Fault != tt.fault.Kind() {
				t.Errorf("recorded %+v, want status %d, fault %q", r, tt.status, tt.fault.Kind())
			}
			want := map[string]int{}
			if k := tt.fault.Kind(); k != "" {
				want[k] = 1
			}
			if got := f.Counts(); !reflect.DeepEqual(got, want) {
				t.Errorf("Counts %v, want %v", got, want)
			}
		})
	}
}

// A dropped answer closes the connection after the route ran: the client
// gets an error, the change is made, the recorder keeps status 0.
func TestFaultsDropTheConnection(t *testing.T) {
	t.Parallel()
	var ran atomic.Int32
	rec := NewRecorder(nil)
	f := NewFaults(FaultOptions{})
	srv := httptest.NewServer(Chain(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ran.Add(1)
		w.WriteHeader(201)
	}), rec, f))
	defer srv.Close()
	f.LoseNext("POST", "/v1/items", true)
	client := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}} // no retry on a fresh connection
	resp, err := client.Post(srv.URL+"/v1/items", "application/json", nil)
	if err == nil {
		resp.Body.Close()
		t.Fatalf("answer %d, want a dropped connection", resp.StatusCode)
	}
	if ran.Load() != 1 {
		t.Errorf("the route ran %d times, want 1", ran.Load())
	}
	if rs := rec.Requests(); len(rs) != 1 || rs[0].Status != 0 || rs[0].Fault != "dropped" {
		t.Errorf("recorded %+v", rs)
	}
	if got := f.Lost(); !reflect.DeepEqual(got, map[string]int{"POST /v1/items": 1}) {
		t.Errorf("Lost %v", got)
	}
}

// LoseNext rules match a method and a path prefix, each once, in order,
// before any random fault; counts go by route.
func TestLoseNext(t *testing.T) {
	t.Parallel()
	m := http.NewServeMux()
	m.Handle("/", status(200))
	m.Handle("PATCH /v3/job_posts/{id}", status(200))
	f := NewFaults(FaultOptions{Route: MuxRoute(m), Error: jsonError})
	h := f.Wrap(m)
	f.LoseNext("PATCH", "/v3/job_posts/", false)
	f.LoseNext("PATCH", "/v3/job_posts/", true)
	for _, tt := range []struct {
		method, path string
		code         int
	}{
		{"GET", "/v3/job_posts/1", 200},   // another method
		{"PATCH", "/v3/jobs/1", 200},      // another path
		{"PATCH", "/v3/job_posts/1", 504}, // the first rule
		{"PATCH", "/v3/job_posts/2", 504}, // the second: no connection to drop here
		{"PATCH", "/v3/job_posts/3", 200}, // both used
	} {
		if w := serve(t, h, tt.method, tt.path); w.Code != tt.code {
			t.Errorf("%s %s: %d, want %d", tt.method, tt.path, w.Code, tt.code)
		}
	}
	if got, want := f.Counts(), map[string]int{"lost-504": 1, "dropped": 1}; !reflect.DeepEqual(got, want) {
		t.Errorf("Counts %v, want %v", got, want)
	}
	if got, want := f.Lost(), map[string]int{"PATCH /v3/job_posts/{id}": 2}; !reflect.DeepEqual(got, want) {
		t.Errorf("Lost %v, want %v", got, want)
	}
	want := map[string]map[string]int{"PATCH /v3/job_posts/{id}": {"lost-504": 1, "dropped": 1}}
	if got := f.ByRoute(); !reflect.DeepEqual(got, want) {
		t.Errorf("ByRoute %v, want %v", got, want)
	}
}

// Random faults are off until Set, reproducible for a seed, and the even
// policy draws every kind at about the rate asked.
func TestFaultsSeeded(t *testing.T) {
	t.Parallel()
	const n, rate = 3000, 0.3
	run := func(f *Faults) []string {
		var kinds []string
		for range n {
			kinds = append(kinds, f.draw(httptest.NewRequest("GET", "/", nil)).Kind())
		}
		return kinds
	}
	f := NewFaults(FaultOptions{})
	for _, k := range run(f) {
		if k != "" {
			t.Fatalf("a fault (%s) before Set", k)
		}
	}
	f.Set(rate, 42)
	first := run(f)
	f.Set(rate, 42)
	if second := run(f); !reflect.DeepEqual(first, second) {
		t.Errorf("the same seed drew other faults")
	}
	f.Set(rate, 43)
	if other := run(f); reflect.DeepEqual(first, other) {
		t.Errorf("another seed drew the same faults")
	}
	per := map[string]int{}
	for _, k := range first {
		per[k]++
	}
	faulted := n - per[""]
	if faulted < n*rate*0.8 || faulted > n*rate*1.2 {
		t.Errorf("%d of %d faulted at rate %.1f", faulted, n, rate)
	}
	for _, k := range []string{"500", "502", "503", "slow", "lost-504", "dropped"} {
		if per[k] < faulted/6/2 {
			t.Errorf("%s drawn %d times of %d faults: %v", k, per[k], faulted, per)
		}
	}
	f.Set(0, 42)
	for _, k := range run(f) {
		if k != "" {
			t.Fatalf("a fault (%s) at rate 0", k)
		}
	}
}

// Latency is added to every request, a slow fault's delay on top; the
// route runs after the wait. Fake time, so no wait is real.
func TestFaultsLatency(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		var ranAt time.Time
		route := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			ranAt = time.Now()
			_, _ = io.WriteString(w, "ok")
		})
		f := NewFaults(FaultOptions{Latency: 40 * time.Millisecond, Policy: func(_ *rand.Rand, _ float64, r *http.Request) Fault {
			if r.URL.Path == "/slow" {
				return Fault{Delay: 7 * time.Millisecond}
			}
			return Fault{}
		}})
		h := f.Wrap(route)
		for _, tt := range []struct {
			rate float64
			path string
			want time.Duration
		}{
			{0, "/", 40 * time.Millisecond},
			{0, "/slow", 40 * time.Millisecond}, // faults off
			{1, "/", 40 * time.Millisecond},
			{1, "/slow", 47 * time.Millisecond},
		} {
			f.Set(tt.rate, 1)
			start := time.Now()
			if w := serve(t, h, "GET", tt.path); w.Code != 200 {
				t.Errorf("%s: %d", tt.path, w.Code)
			}
			if got := ranAt.Sub(start); got != tt.want {
				t.Errorf("rate %v, %s ran after %v, want %v", tt.rate, tt.path, got, tt.want)
			}
		}
	})
}
