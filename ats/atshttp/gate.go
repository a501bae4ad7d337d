package atshttp

import (
	"context"
	"net/http"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"go.uber.org/zap"
	"golang.org/x/time/rate"
)

// noHeaderPause is how long the gate holds every request after a 429 that
// names no wait (Lever sends bare 429s): long enough for a token bucket to
// refill a little, short next to a retry's own backoff.
const noHeaderPause = 500 * time.Millisecond

// reserve is the part of each window's budget (X-RateLimit-Remaining) a run
// leaves unspent: the request with which a run started right after this one
// learns the budget (see probing), so that it meets no 429 either.
const reserve = 1

// gate is the transport under every retry attempt. It keeps one view of the
// board's rate limit for all of a board's workers: it holds requests while a
// 429's Retry-After runs, and spends the window's remaining budget without
// overshooting it, counting requests in flight against what the last response
// said was left.
//
// It starts cautiously, since a run just before may have spent the board's
// budget: on a board that reports its budget in headers (probe), one
// request at a time until an answer says what is left of the window; a
// board paced by the client gets its Limiter without the burst (see
// NewHTTPClient), so that its first requests go at the board's rate.
type gate struct {
	next    http.RoundTripper
	limiter *rate.Limiter
	limits  []Limit
	probe   bool          // the board reports its budget on every answer (Options.BudgetHeaders)
	slots   chan struct{} // one per request on the wire; nil: no bound
	now     func() time.Time
	maxWait time.Duration // the longest wait a board may impose
	log     *zap.Logger

	mu        sync.Mutex
	until     time.Time // no request before this
	remaining int       // budget left in the window, when known
	known     bool
	reset     time.Time // when the window's budget refills, or MaxWait from its start
	window    time.Time // the reset the board said, which tells windows apart
	inFlight  int
	answered  chan struct{} // closed when a request ends; nil while no one waits
	announced time.Time     // the end of the last wait told at info level
}

// longWait is a wait worth an info line: a run that stops for longer looks
// stuck.
const longWait = 5 * time.Second

// capWait is the wait the board asked for, at most MaxWait.
func (g *gate) capWait(asked time.Duration) time.Duration {
	if g.maxWait <= 0 {
		return min(asked, DefaultMaxWait)
	}
	return min(asked, g.maxWait)
}

// announce tells at info level of a long wait, once for all the workers
// that meet it. Called with g.mu held.
func (g *gate) announce(now time.Time, d, asked time.Duration) {
	if d < longWait || now.Before(g.announced) || g.log == nil {
		return
	}
	g.announced = now.Add(d)
	g.log.Info("waiting for the board's rate limit: the board asked for a pause before the next request",
		zap.Duration("wait", d), zap.Duration("asked", asked), zap.Duration("max_wait", g.maxWait))
}

func (g *gate) RoundTrip(req *http.Request) (*http.Response, error) {
	ctx := req.Context()
	sent, _ := ctx.Value(attemptKey{}).(*atomic.Bool)
	if sent != nil {
		sent.Store(false) // a new attempt
	}
	// A place on the wire first, then the tokens: a token taken while
	// waiting for a place would be spent later, in a burst with others.
	if g.slots != nil {
		select {
		case g.slots <- struct{}{}:
			defer func() { <-g.slots }()
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	for {
		if err := g.wait(ctx); err != nil {
			return nil, err
		}
		paced, err := g.pace(ctx, req)
		if err != nil {
			g.done(nil)
			return nil, err
		}
		if !paced {
			break
		}
		// A 429 may have closed the gate while this request waited for a
		// token: wait again, and take a fresh token after the pause.
		g.mu.Lock()
		closed := g.now().Before(g.until)
		g.mu.Unlock()
		if !closed {
			break
		}
		g.done(nil)
	}
	if sent != nil {
		sent.Store(true) // from here on the server may see it
	}
	resp, err := g.next.RoundTrip(req)
	g.done(resp)
	return resp, err
}

// Limit paces the requests its Match accepts with its Limiter (see
// Options.Limits).
type Limit struct {
	Match   func(*http.Request) bool
	Limiter *rate.Limiter
}

// pace waits for a token of the gate's limiter and of every limit matching
// req, and reports whether there was any to wait for.
func (g *gate) pace(ctx context.Context, req *http.Request) (bool, error) {
	paced := false
	if g.limiter != nil {
		if err := g.limiter.Wait(ctx); err != nil {
			return paced, err
		}
		paced = true
	}
	for _, l := range g.limits {
		if l.Limiter != nil && l.Match(req) {
			if err := l.Limiter.Wait(ctx); err != nil {
				return paced, err
			}
			paced = true
		}
	}
	return paced, nil
}

// wait blocks until a request may go out, then counts it in flight.
func (g *gate) wait(ctx context.Context) error {
	for {
		g.mu.Lock()
		now := g.now()
		var d time.Duration
		switch {
		case now.Before(g.until):
			d = g.until.Sub(now)
		case g.known && now.Before(g.reset) && g.remaining-g.inFlight <= reserve:
			d = g.reset.Sub(now) + 50*time.Millisecond // the reset is whole seconds; don't race it
		case g.probing(now) && g.inFlight > 0:
			// The budget is unknown: wait for the answer of the request
			// that went to learn it.
			if g.answered == nil {
				g.answered = make(chan struct{})
			}
			answered := g.answered
			g.mu.Unlock()
			select {
			case <-ctx.Done():
				return ctx.Err()
			case <-answered:
			}
			continue
		default:
			if g.known && !now.Before(g.reset) {
				g.known = false // a new window: the next response tells its budget
			}
			g.inFlight++
			g.mu.Unlock()
			return nil
		}
		g.mu.Unlock()
		t := time.NewTimer(d)
		select {
		case <-ctx.Done():
			t.Stop()
			return ctx.Err()
		case <-t.C:
		}
	}
}

// probing reports whether the gate knows nothing of the window's budget
// yet, on a board that reports it in headers: until an answer says,
// requests go one at a time.
func (g *gate) probing(now time.Time) bool {
	return g.probe && !(g.known && now.Before(g.reset))
}

// done records a finished request and what its response says of the limit.
func (g *gate) done(resp *http.Response) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.inFlight--
	if g.answered != nil {
		close(g.answered)
		g.answered = nil
	}
	if resp == nil {
		return
	}
	now := g.now()
	if rem, err := strconv.Atoi(resp.Header.Get("X-RateLimit-Remaining")); err == nil {
		if reset, ok := rateLimitReset(resp); ok {
			// The response counted the requests sent before it; those still in
			// flight may or may not be in it, so count them again: it errs on
			// the side of a 429 never happening. Answers come back out of
			// order, so within one window the lowest count is the true one.
			if g.known && reset.Equal(g.window) {
				g.remaining = min(g.remaining, rem)
			} else {
				g.remaining, g.window, g.known = rem, reset, true
				g.reset = now.Add(g.capWait(reset.Sub(now)))
				if rem <= 0 {
					g.announce(now, g.reset.Sub(now), reset.Sub(now))
				}
			}
		}
	}
	if resp.StatusCode == http.StatusTooManyRequests {
		asked, ok := serverWait(resp, now)
		d := g.capWait(asked)
		if !ok {
			d = noHeaderPause
		}
		g.announce(now, d, asked)
		if until := now.Add(d); until.After(g.until) {
			g.until = until
		}
	}
}
