package greenhousesim

import (
	"crypto/subtle"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// token is POST /token: the OAuth 2.0 client-credentials grant. Basic auth
// with the client id and secret; form grant_type=client_credentials and
// optionally sub=<user id>. It answers {"token_type", "access_token",
// "expires_at"} (RFC 3339). Token requests do not count against the API's
// rate limit (Greenhouse limits them in a separate window) and send no
// X-RateLimit headers.
func (s *Server) token(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.tokenCalls++
	s.mu.Unlock()
	if r.Method != http.MethodPost {
		writeJSON(w, http.StatusMethodNotAllowed, map[string]string{"error": "invalid_request", "error_description": "use POST"})
		return
	}
	id, secret, ok := r.BasicAuth()
	if !ok || subtle.ConstantTimeCompare([]byte(id), []byte(s.o.ClientID)) != 1 ||
		subtle.ConstantTimeCompare([]byte(secret), []byte(s.o.ClientSecret)) != 1 {
		w.Header().Set("WWW-Authenticate", `Basic realm="greenhouse"`)
		writeJSON(w, http.StatusUnauthorized, map[string]string{"error": "invalid_client"})
		return
	}
	if !strings.HasPrefix(r.Header.Get("Content-Type"), "application/x-www-form-urlencoded") {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": "invalid_request", "error_description": "body must be application/x-www-form-urlencoded"})
		return
	}
	if err := r.ParseForm(); err != nil {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": "invalid_request", "error_description": "unreadable form"})
		return
	}
	if g := r.PostForm.Get("grant_type"); g != "client_credentials" {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": "unsupported_grant_type"})
		return
	}
	if sub := r.PostForm.Get("sub"); sub != "" {
		if n, err := strconv.ParseInt(sub, 10, 64); err != nil || n != s.o.UserID {
			writeJSON(w, http.StatusBadRequest, map[string]string{"error": "invalid_request", "error_description": "sub is not a user of this organization"})
			return
		}
	}
	s.mu.Lock()
	tok := fmt.Sprintf("ghsim.%016x%016x", s.tokenRNG.Uint64(), s.tokenRNG.Uint64())
	exp := s.o.Now().Add(s.o.TokenTTL)
	s.tokens[tok] = exp
	s.mu.Unlock()
	writeJSON(w, http.StatusOK, map[string]string{
		"token_type":   "Bearer",
		"access_token": tok,
		"expires_at":   exp.UTC().Format(time.RFC3339),
	})
}

// authorized checks the bearer token of an API request, answering 401 when
// it is missing, unknown or expired.
func (s *Server) authorized(w http.ResponseWriter, r *http.Request) bool {
	tok, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	s.mu.Lock()
	exp, known := s.tokens[tok]
	valid := ok && known && s.o.Now().Before(exp)
	if !valid {
		s.n401++
	}
	s.mu.Unlock()
	if !valid {
		w.Header().Set("WWW-Authenticate", `Bearer realm="harvest"`)
		writeJSON(w, http.StatusUnauthorized, apiError{Message: "Invalid or expired access token"})
	}
	return valid
}

// ExpireTokens makes every access token issued so far invalid, as their
// expiry would; the next API call with one gets a 401.
func (s *Server) ExpireTokens() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for t := range s.tokens {
		s.tokens[t] = time.Time{}
	}
}

// AccessTokens returns every access token issued so far (for tests that
// check tokens never leak into logs or errors).
func (s *Server) AccessTokens() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]string, 0, len(s.tokens))
	for t := range s.tokens {
		out = append(out, t)
	}
	return out
}

// TokenCalls returns how many requests reached the token endpoint.
func (s *Server) TokenCalls() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.tokenCalls
}

// Count401 returns how many API requests were refused for their token.
func (s *Server) Count401() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.n401
}
