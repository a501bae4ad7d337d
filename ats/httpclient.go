package ats

import (
	"context"
	"errors"
	"math/rand/v2"
	"net"
	"net/http"
	"strconv"
	"sync/atomic"
	"time"

	"github.com/hashicorp/go-retryablehttp"
	"go.uber.org/zap"
	"golang.org/x/time/rate"
)

// HTTPOptions configures NewHTTPClient. The zero value is usable.
type HTTPOptions struct {
	Logger       *zap.Logger   // retry and wait messages, at debug; nil logs nothing
	Limiter      *rate.Limiter // client-side pace for boards that send no rate-limit headers (Lever)
	Timeout      time.Duration // per attempt; default 30s
	RetryMax     int           // default 4
	RetryWaitMin time.Duration // default 500ms
	RetryWaitMax time.Duration // default 30s
	Transport    http.RoundTripper
}

// NewHTTPClient returns the HTTP client adapters share, built once per board:
//
//   - GET, PUT, PATCH and DELETE are retried with backoff on 429, 5xx and
//     network errors, honouring Retry-After;
//   - POST (a create) is retried only when the request surely did not run: a
//     429, or a failure to connect. After a timeout, a reset or a 5xx the
//     outcome is unknown, and the engine looks the key up instead of re-sending.
//     An adapter marks a POST that is safe to repeat with Idempotent;
//   - after a 429 no request goes out before its Retry-After has passed, and
//     when X-RateLimit-Remaining reaches 0 none goes out before
//     X-RateLimit-Reset: one gate for all of the board's workers;
//   - the last response is returned as is after the final attempt, so the
//     adapter can read the board's error body.
func NewHTTPClient(o HTTPOptions) *http.Client {
	if o.Timeout == 0 {
		o.Timeout = 30 * time.Second
	}
	if o.RetryMax == 0 {
		o.RetryMax = 4
	}
	if o.RetryWaitMin == 0 {
		o.RetryWaitMin = 500 * time.Millisecond
	}
	if o.RetryWaitMax == 0 {
		o.RetryWaitMax = 30 * time.Second
	}
	if o.Transport == nil {
		o.Transport = http.DefaultTransport.(*http.Transport).Clone()
	}
	if o.Logger == nil {
		o.Logger = zap.NewNop()
	}
	g := &gate{next: o.Transport, limiter: o.Limiter, now: time.Now}
	rc := &retryablehttp.Client{
		HTTPClient:   &http.Client{Transport: g, Timeout: o.Timeout, CheckRedirect: noWriteRedirect},
		Logger:       leveledLogger{o.Logger.Sugar()},
		RetryWaitMin: o.RetryWaitMin,
		RetryWaitMax: o.RetryWaitMax,
		RetryMax:     o.RetryMax,
		CheckRetry:   checkRetry,
		Backoff:      backoff,
		ErrorHandler: retryablehttp.PassthroughErrorHandler,
	}
	return &http.Client{Transport: markUnsafe{&retryablehttp.RoundTripper{Client: rc}}, CheckRedirect: noWriteRedirect}
}

// noWriteRedirect hands a redirect of a write back to the caller as is: Go
// would replay a redirected POST/PATCH/DELETE as a bodiless GET.
func noWriteRedirect(req *http.Request, via []*http.Request) error {
	if m := via[0].Method; m != http.MethodGet && m != http.MethodHead {
		return http.ErrUseLastResponse
	}
	if len(via) >= 10 {
		return errors.New("stopped after 10 redirects")
	}
	return nil
}

type unsafeKey struct{}

// sentKey holds, for an unsafe request, an *atomic.Bool that the gate sets
// when an attempt leaves it for the network.
type sentKey struct{}
type idempotentKey struct{}

// Idempotent marks requests made with ctx as safe to repeat even when their
// method is POST (Lever updates a posting with POST).
func Idempotent(ctx context.Context) context.Context {
	return context.WithValue(ctx, idempotentKey{}, true)
}

// markUnsafe tags POST requests in their context, which is all that
// retryablehttp hands its retry policy.
type markUnsafe struct{ next http.RoundTripper }

func (m markUnsafe) RoundTrip(req *http.Request) (*http.Response, error) {
	ctx := req.Context()
	if req.Method == http.MethodPost && ctx.Value(idempotentKey{}) == nil {
		ctx = context.WithValue(ctx, unsafeKey{}, true)
		req = req.WithContext(context.WithValue(ctx, sentKey{}, new(atomic.Bool)))
	}
	return m.next.RoundTrip(req)
}

func checkRetry(ctx context.Context, resp *http.Response, err error) (bool, error) {
	if ctx.Err() != nil {
		return false, ctx.Err()
	}
	unsafe := ctx.Value(unsafeKey{}) != nil
	if err != nil {
		if unsafe {
			// Held in the gate until the attempt's timeout: never sent.
			sent, _ := ctx.Value(sentKey{}).(*atomic.Bool)
			return isDialError(err) || sent != nil && !sent.Load(), nil
		}
		return retryablehttp.DefaultRetryPolicy(ctx, resp, err)
	}
	if resp.StatusCode == http.StatusTooManyRequests {
		return true, nil
	}
	if unsafe {
		return false, nil
	}
	return retryablehttp.DefaultRetryPolicy(ctx, resp, nil)
}

// isDialError reports whether the request failed before a connection was
// made, so the server cannot have seen it.
func isDialError(err error) bool {
	var op *net.OpError
	return errors.As(err, &op) && op.Op == "dial"
}

// backoff waits as long as the board says (Retry-After, or the rate-limit
// reset when none is left), else exponentially with jitter.
func backoff(min, max time.Duration, attempt int, resp *http.Response) time.Duration {
	if resp != nil {
		if d, ok := serverWait(resp, time.Now()); ok {
			return d
		}
	}
	d := min << attempt
	if d > max || d <= 0 {
		d = max
	}
	return d/2 + rand.N(d/2+1) // full jitter in the upper half
}

// serverWait reads how long the server asks the client to wait, if it does.
func serverWait(resp *http.Response, now time.Time) (time.Duration, bool) {
	if resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode == http.StatusServiceUnavailable {
		if v := resp.Header.Get("Retry-After"); v != "" {
			if s, err := strconv.Atoi(v); err == nil && s >= 0 {
				return time.Duration(s) * time.Second, true
			}
			if t, err := http.ParseTime(v); err == nil {
				return max(t.Sub(now), 0), true
			}
		}
	}
	if reset, ok := rateLimitReset(resp); ok && resp.Header.Get("X-RateLimit-Remaining") == "0" {
		return max(reset.Sub(now), 0), true
	}
	return 0, false
}

// rateLimitReset reads X-RateLimit-Reset, Unix seconds.
func rateLimitReset(resp *http.Response) (time.Time, bool) {
	v := resp.Header.Get("X-RateLimit-Reset")
	if v == "" {
		return time.Time{}, false
	}
	s, err := strconv.ParseInt(v, 10, 64)
	if err != nil {
		return time.Time{}, false
	}
	return time.Unix(s, 0), true
}

// leveledLogger lets retryablehttp log through zap, at debug for its
// per-request chatter, with secrets in URLs hidden (retryablehttp hides a
// URL's password, not its query).
type leveledLogger struct{ s *zap.SugaredLogger }

func (l leveledLogger) Error(msg string, kv ...any) { l.s.Warnw(msg, scrubValues(kv)...) }
func (l leveledLogger) Warn(msg string, kv ...any)  { l.s.Warnw(msg, scrubValues(kv)...) }
func (l leveledLogger) Info(msg string, kv ...any)  { l.s.Debugw(msg, scrubValues(kv)...) }
func (l leveledLogger) Debug(msg string, kv ...any) { l.s.Debugw(msg, scrubValues(kv)...) }
