package lever

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/jobsync/jobsync/ats"
)

// Lever documents 301 "moved; follow Location". Go's http.Client would follow
// a 301/302/303 of a POST as a GET without the body, and a Close (or Update)
// would read the posting and report success without writing. The shared
// client hands a write's redirect back instead, and it is an error.
func TestRedirectedWriteIsNotSuccess(t *testing.T) {
	posted := 0
	posting := `{"data":{"id":"abc","text":"PM","state":"published","tags":["jobsync:pm/pm/x"]}}`
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.Method == http.MethodPost && r.URL.Path == "/v1/postings/abc":
			http.Redirect(w, r, "/v1/moved/postings/abc", http.StatusMovedPermanently)
		case r.Method == http.MethodPost:
			posted++
			w.Write([]byte(posting))
		default:
			w.Header().Set("Content-Type", "application/json")
			w.Write([]byte(posting))
		}
	}))
	defer srv.Close()
	b, err := New(Options{BaseURL: srv.URL + "/v1", APIKey: ats.NewSecret("k"), PerformAs: "u"})
	if err != nil {
		t.Fatal(err)
	}
	err = b.Close(context.Background(), "abc")
	if err == nil && posted == 0 {
		t.Errorf("Close returned success, but no write reached Lever (the POST was redirected and replayed as a GET)")
	}
}
