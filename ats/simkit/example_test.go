package simkit_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"time"

	"github.com/jobsync/jobsync/ats/simkit"
)

// A board simulator in a few lines: its routes, then the kit's layers in
// the order the service applies them.
func Example() {
	now := time.Unix(1_700_000_000, 0)
	clock := func() time.Time { return now }
	apiError := func(w http.ResponseWriter, status int) { // the service's own error JSON
		simkit.WriteJSON(w, status, map[string]string{"error": http.StatusText(status)})
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /v1/jobs", func(w http.ResponseWriter, r *http.Request) {
		simkit.WriteJSON(w, http.StatusOK, []string{})
	})
	rec := simkit.NewRecorder(clock)
	limit := simkit.NewFixedWindow(simkit.WindowOptions{Limit: 3, Window: time.Minute, Now: clock, Error: apiError})
	faults := simkit.NewFaults(simkit.FaultOptions{Route: simkit.MuxRoute(mux), Error: apiError})
	keyed := simkit.Guard(func(w http.ResponseWriter, r *http.Request) bool {
		if r.Header.Get("Authorization") != "Token k" {
			apiError(w, http.StatusUnauthorized)
			return false
		}
		return true
	})
	h := simkit.Chain(mux, rec, limit, keyed, faults)

	faults.LoseNext("GET", "/v1/jobs", false)
	for range 4 {
		r := httptest.NewRequest("GET", "/v1/jobs", nil)
		r.Header.Set("Authorization", "Token k")
		h.ServeHTTP(httptest.NewRecorder(), r)
	}
	for _, r := range rec.Requests() {
		fmt.Println(r.Method, r.Path, r.Status, r.Fault, r.Limited)
	}
	fmt.Println("429s:", rec.Count(simkit.Status(429)), "lost:", faults.Lost())
	fmt.Println(simkit.Env("JOBSYNC_DEMO", simkit.Var{Name: "BASE_URL", Value: simkit.BaseURL("http://127.0.0.1:8081", "/v1")}))
	// Output:
	// GET /v1/jobs 504 lost-504 false
	// GET /v1/jobs 200  false
	// GET /v1/jobs 200  false
	// GET /v1/jobs 429  true
	// 429s: 1 lost: map[GET /v1/jobs:1]
	// [JOBSYNC_DEMO_BASE_URL=http://127.0.0.1:8081/v1]
}
