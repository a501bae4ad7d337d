package atshttp

import (
	"context"
	"net/http"
	"strings"

	"github.com/jobsync/jobsync/ats"
)

// Auth puts a board's credentials on a request.
type Auth interface {
	Authorize(ctx context.Context, req *http.Request) error
}

// Refresher is an Auth whose credential can go stale before its time: after
// a 401, Client.Do calls Refresh with the refused request and sends it once
// more with a fresh credential.
type Refresher interface {
	Auth
	Refresh(refused *http.Request)
}

// Basic is HTTP Basic auth; either part may be the secret (Lever sends its
// key as the user, with no password).
func Basic(user, password ats.Secret) Auth { return &basic{user: user, password: password} }

// basic is behind a pointer, so that no print of a Client shows its fields.
type basic struct{ user, password ats.Secret }

func (b *basic) Authorize(_ context.Context, req *http.Request) error {
	req.SetBasicAuth(b.user.Reveal(), b.password.Reveal())
	return nil
}

// Header sends the secret as the value of the request header name
// (SmartRecruiters' X-SmartToken API key).
func Header(name string, value ats.Secret) Auth { return &header{name: name, value: value} }

// header is behind a pointer, so that no print of a Client shows its fields.
type header struct {
	name  string
	value ats.Secret
}

func (h *header) Authorize(_ context.Context, req *http.Request) error {
	req.Header.Set(h.name, h.value.Reveal())
	return nil
}

// TokenSource hands out bearer tokens (an OAuth client-credentials flow).
type TokenSource interface {
	// Token returns a valid token, fetching one when needed.
	Token(ctx context.Context) (string, error)
	// Invalidate drops token if it is still the one handed out: the board
	// refused it, so the next Token fetches another.
	Invalidate(token string)
}

// Bearer sends tokens from src, and after a 401 drops the refused token so
// that the one retry goes with a fresh one (Greenhouse may forget a token
// before its expiry).
func Bearer(src TokenSource) Refresher { return &bearer{src} }

type bearer struct{ src TokenSource }

func (b *bearer) Authorize(ctx context.Context, req *http.Request) error {
	tok, err := b.src.Token(ctx)
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+tok)
	return nil
}

func (b *bearer) Refresh(refused *http.Request) {
	if tok, ok := strings.CutPrefix(refused.Header.Get("Authorization"), "Bearer "); ok {
		b.src.Invalidate(tok)
	}
}
