package greenhouse

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/ats/atshttp"
	"github.com/jobsync/jobsync/ats/greenhouse/greenhousesim"
)

func TestTokenIsCachedAndRefreshedBeforeExpiry(t *testing.T) {
	t.Parallel()
	clock := &fakeClock{t: time.Now()}
	e := setup(t, greenhousesim.Options{RateLimit: 100000, TokenTTL: 10 * time.Minute, Now: clock.Now},
		func(o *Options) { o.Now = clock.Now })
	for range 3 {
		e.mustList(t)
	}
	if n := e.sim.TokenCalls(); n != 1 {
		t.Errorf("%d token requests for three lists, want 1", n)
	}
	clock.Add(8 * time.Minute) // well inside the token's life
	e.mustList(t)
	if n := e.sim.TokenCalls(); n != 1 {
		t.Errorf("%d token requests 8 minutes in, want 1", n)
	}
	clock.Add(time.Minute + 5*time.Second) // within the last minute: refresh early
	e.mustList(t)
	if n := e.sim.TokenCalls(); n != 2 {
		t.Errorf("%d token requests in the token's last minute, want 2", n)
	}
	if n := e.sim.Count401(); n != 0 {
		t.Errorf("%d requests refused for their token, want 0", n)
	}
}

func TestTokenRefreshIsSharedByConcurrentCallers(t *testing.T) {
	t.Parallel()
	e := setup(t, greenhousesim.Options{RateLimit: 100000}, nil)
	var wg sync.WaitGroup
	errs := make(chan error, 16)
	for range 16 {
		wg.Go(func() {
			if _, err := e.board.List(context.Background()); err != nil {
				errs <- err
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if n := e.sim.TokenCalls(); n != 1 {
		t.Errorf("%d token requests from 16 concurrent lists, want 1", n)
	}
}

func TestUnauthorizedRefreshesOnceAndRetries(t *testing.T) {
	t.Parallel()
	e := setup(t, greenhousesim.Options{RateLimit: 100000}, nil)
	e.mustList(t)
	e.sim.ExpireTokens() // the server forgets the token before its expires_at
	e.mustList(t)
	if n := e.sim.TokenCalls(); n != 2 {
		t.Errorf("%d token requests, want 2", n)
	}
	if n := e.sim.Count401(); n != 2 { // the jobs and the posts pages, concurrently
		t.Logf("%d requests met a 401", n)
	}
	if n := e.sim.Count401(); n < 1 || n > 2 {
		t.Errorf("%d requests refused, want 1 or 2", n)
	}
}

func TestUnauthorizedTwiceIsAnError(t *testing.T) {
	t.Parallel()
	var tokens, api int
	var mu sync.Mutex
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		if r.URL.Path == "/token" {
			tokens++
			_ = json.NewEncoder(w).Encode(map[string]string{"token_type": "Bearer", "access_token": "tok-never-good", "expires_at": time.Now().Add(time.Hour).Format(time.RFC3339)})
			return
		}
		api++
		w.WriteHeader(http.StatusUnauthorized)
		_, _ = w.Write([]byte(`{"message":"Invalid or expired access token"}`))
	}))
	defer srv.Close()
	b, err := New(Options{BaseURL: srv.URL + "/v3", ClientID: "id", ClientSecret: ats.NewSecret("secret"), UserID: 1, TemplateJobID: 2, HTTP: fastHTTP(nil, nil)})
	if err != nil {
		t.Fatal(err)
	}
	_, err = b.getJob(context.Background(), 5)
	var ae *atshttp.Error
	if !errors.As(err, &ae) || ae.StatusCode != http.StatusUnauthorized {
		t.Fatalf("error %v, want a 401 *atshttp.Error", err)
	}
	if tokens != 2 || api != 2 {
		t.Errorf("%d token and %d API requests, want 2 and 2 (one refresh, one retry)", tokens, api)
	}
	if strings.Contains(err.Error(), "tok-never-good") {
		t.Errorf("error shows the token: %v", err)
	}
}

func TestTokenRequestErrors(t *testing.T) {
	t.Parallel()
	e := setup(t, greenhousesim.Options{}, func(o *Options) { o.ClientSecret = ats.NewSecret("wrong-secret-value") })
	_, err := e.board.List(context.Background())
	if err == nil || !strings.Contains(err.Error(), "401") || !strings.Contains(err.Error(), "invalid_client") {
		t.Errorf("list with a bad secret: %v, want a 401 invalid_client", err)
	}
	if strings.Contains(err.Error(), "wrong-secret-value") {
		t.Errorf("error shows the secret: %v", err)
	}
	if want := "check " + ats.EnvVar(e.board.Name(), "CLIENT_ID") + " and " + ats.EnvVar(e.board.Name(), "CLIENT_SECRET"); !strings.Contains(err.Error(), want) {
		t.Errorf("list with a bad secret: %v, want it to say %q", err, want)
	}
	e2 := setup(t, greenhousesim.Options{}, func(o *Options) { o.UserID = 999 })
	if _, err := e2.board.List(context.Background()); err == nil || !strings.Contains(err.Error(), "sub") {
		t.Errorf("list as an unknown user: %v, want the token endpoint's complaint about sub", err)
	}
}

func TestTokenExpiry(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 9, 1, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		body string
		want time.Time
		err  bool
	}{
		{"expires_at", `{"expires_at":"2026-09-01T13:00:00Z"}`, now.Add(time.Hour), false},
		{"expires_at with offset", `{"expires_at":"2026-09-01T14:00:00+01:00"}`, now.Add(time.Hour), false},
		{"expires_in number", `{"expires_in":3600}`, now.Add(time.Hour), false},
		{"expires_in string", `{"expires_in":"60"}`, now.Add(time.Minute), false},
		{"both: expires_at wins", `{"expires_at":"2026-09-01T12:30:00Z","expires_in":3600}`, now.Add(30 * time.Minute), false},
		{"neither", `{}`, time.Time{}, true},
		{"bad expires_at", `{"expires_at":"tomorrow"}`, time.Time{}, true},
		{"bad expires_in", `{"expires_in":-5}`, time.Time{}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var tr tokenResponse
			if err := json.Unmarshal([]byte(tt.body), &tr); err != nil {
				t.Fatal(err)
			}
			got, err := tokenExpiry(tr, now)
			if (err != nil) != tt.err {
				t.Fatalf("error %v, want error %t", err, tt.err)
			}
			if !got.Equal(tt.want) {
				t.Errorf("expiry %v, want %v", got, tt.want)
			}
		})
	}
}
