package atstest

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
)

// InMemory is a transport that serves each request with h in the caller's
// goroutine, with no socket: inside a testing/synctest bubble the clock
// then moves only when every goroutine waits on it, so a test of waits and
// rate limits runs in no real time and never races the clock.
//
// A handler that drops the connection (hijacks it, or panics with
// http.ErrAbortHandler) makes the request fail as a dropped connection
// does: after the server saw it, with no answer.
func InMemory(h http.Handler) http.RoundTripper { return inMemory{h} }

type inMemory struct{ h http.Handler }

// errDropped is what a request meets when the handler drops the connection.
var errDropped = fmt.Errorf("connection closed before an answer: %w", io.ErrUnexpectedEOF)

func (m inMemory) RoundTrip(r *http.Request) (resp *http.Response, err error) {
	if err := r.Context().Err(); err != nil {
		return nil, err
	}
	rec := &recorder{ResponseRecorder: httptest.NewRecorder()}
	defer func() {
		if v := recover(); v != nil {
			if v != http.ErrAbortHandler {
				panic(v)
			}
			resp, err = nil, errDropped
		}
	}()
	m.h.ServeHTTP(rec, serverRequest(r))
	if rec.hijacked {
		return nil, errDropped
	}
	resp = rec.Result()
	resp.Request = r
	return resp, nil
}

// serverRequest is r as a server hands it to its handler.
func serverRequest(r *http.Request) *http.Request {
	sr := r.Clone(r.Context())
	if sr.Body == nil {
		sr.Body = http.NoBody
	}
	sr.RequestURI = r.URL.RequestURI()
	if sr.Host == "" {
		sr.Host = r.URL.Host
	}
	return sr
}

// recorder is a ResponseRecorder whose connection can be hijacked.
type recorder struct {
	*httptest.ResponseRecorder
	hijacked bool
}

func (r *recorder) Hijack() (net.Conn, *bufio.ReadWriter, error) {
	if r.hijacked {
		return nil, nil, errors.New("hijacked twice")
	}
	r.hijacked = true
	conn, peer := net.Pipe()
	peer.Close()
	return conn, bufio.NewReadWriter(bufio.NewReader(conn), bufio.NewWriter(conn)), nil
}
