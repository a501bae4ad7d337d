package greenhouse

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/ats/atshttp"
)

// refreshEarly is how long before its expiry a token is replaced; for
// short-lived tokens, a fifth of their life.
const refreshEarly = 60 * time.Second

// tokenSource gets OAuth 2.0 client-credentials tokens and keeps the current
// one until shortly before it expires. Concurrent callers share one refresh.
// It is the atshttp.TokenSource of the board's bearer auth.
type tokenSource struct {
	api      *atshttp.Client // the token endpoint, with Basic client id and secret
	board    string          // the board's name, for the variables an error names
	clientID string
	secret   ats.Secret
	sub      int64
	now      func() time.Time

	mu        sync.Mutex
	tok       string
	refreshAt time.Time
	wait      chan struct{} // closed when the refresh under way ends; nil when none
	err       error         // the last refresh's error, for those who waited on it
	seen      []string      // tokens issued so far (the last few), to scrub from errors
}

// Token returns a valid access token, fetching one when none is cached or
// the cached one is about to expire.
func (s *tokenSource) Token(ctx context.Context) (string, error) {
	for {
		s.mu.Lock()
		if s.tok != "" && s.now().Before(s.refreshAt) {
			tok := s.tok
			s.mu.Unlock()
			return tok, nil
		}
		if w := s.wait; w != nil {
			s.mu.Unlock()
			select {
			case <-w:
				s.mu.Lock()
				err, got := s.err, s.tok != "" && s.now().Before(s.refreshAt)
				s.mu.Unlock()
				if err != nil && !got {
					if ctx.Err() == nil && (errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded)) {
						continue // that caller gave up; this one still wants a token
					}
					return "", err
				}
				continue
			case <-ctx.Done():
				return "", ctx.Err()
			}
		}
		w := make(chan struct{})
		s.wait = w
		s.mu.Unlock()

		tok, exp, err := s.fetch(ctx)
		s.mu.Lock()
		s.err = err
		if err == nil {
			now := s.now()
			s.tok = tok
			s.refreshAt = exp.Add(-min(refreshEarly, exp.Sub(now)/5))
			s.seen = append(s.seen, tok)
			if len(s.seen) > 8 {
				s.seen = s.seen[1:]
			}
		}
		s.wait = nil
		close(w)
		s.mu.Unlock()
		if err != nil {
			return "", err
		}
		return tok, nil
	}
}

// Invalidate drops tok if it is still the cached token (a 401 said it is no
// longer good), so the next caller fetches a new one.
func (s *tokenSource) Invalidate(tok string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.tok == tok {
		s.tok = ""
	}
}

// fetch asks the token endpoint for a token: Basic client id and secret, a
// form with grant_type=client_credentials and sub=<user id>. Asking twice
// is harmless, so the shared client retries it like a read.
func (s *tokenSource) fetch(ctx context.Context) (string, time.Time, error) {
	form := url.Values{"grant_type": {"client_credentials"}, "sub": {strconv.FormatInt(s.sub, 10)}}
	var tr tokenResponse
	if _, err := s.api.Do(ctx, atshttp.Request{Kind: atshttp.Idempotent, Method: http.MethodPost, Form: form}, &tr); err != nil {
		var he *atshttp.Error
		if errors.As(err, &he) && (he.StatusCode == http.StatusUnauthorized || he.Code == "invalid_client") {
			return "", time.Time{}, fmt.Errorf("token: %w: check %s and %s", err,
				ats.EnvVar(s.board, "CLIENT_ID"), ats.EnvVar(s.board, "CLIENT_SECRET"))
		}
		if errors.As(err, &he) && he.StatusCode == http.StatusBadRequest {
			// The one value of the form that is the user's to get wrong.
			return "", time.Time{}, fmt.Errorf("token: %w: check %s, the Greenhouse user jobsync acts as", err, ats.EnvVar(s.board, "USER_ID"))
		}
		return "", time.Time{}, fmt.Errorf("token: %w", err)
	}
	exp, err := tokenExpiry(tr, s.now())
	if err != nil {
		return "", time.Time{}, fmt.Errorf("token: %w", err)
	}
	if tr.AccessToken == "" {
		return "", time.Time{}, errors.New("token: the answer holds no access_token")
	}
	if tr.TokenType != "" && !strings.EqualFold(tr.TokenType, "bearer") {
		return "", time.Time{}, fmt.Errorf("token: token_type %q, want Bearer", tr.TokenType)
	}
	return tr.AccessToken, exp, nil
}

// tokenExpiry reads when a token expires: expires_at (RFC 3339), else
// expires_in (seconds, a number or a numeric string).
func tokenExpiry(tr tokenResponse, now time.Time) (time.Time, error) {
	if tr.ExpiresAt != "" {
		t, err := time.Parse(time.RFC3339, tr.ExpiresAt)
		if err != nil {
			return time.Time{}, fmt.Errorf("expires_at %q is not an RFC 3339 time", tr.ExpiresAt)
		}
		return t, nil
	}
	if len(tr.ExpiresIn) > 0 {
		raw := strings.Trim(string(tr.ExpiresIn), `"`)
		n, err := strconv.ParseFloat(raw, 64)
		if err != nil || n <= 0 {
			return time.Time{}, fmt.Errorf("expires_in %s is not a number of seconds", tr.ExpiresIn)
		}
		return now.Add(time.Duration(n * float64(time.Second))), nil
	}
	return time.Time{}, errors.New("the answer says neither expires_at nor expires_in")
}

// secrets are the values no error may show: the client secret and the
// tokens issued so far.
func (s *tokenSource) secrets() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string{s.secret.Reveal()}, s.seen...)
}
