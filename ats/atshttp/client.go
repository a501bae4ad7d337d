package atshttp

import (
	"context"
	"errors"
	"math/rand/v2"
	"net"
	"net/http"
	"slices"
	"strconv"
	"sync/atomic"
	"time"

	"github.com/hashicorp/go-retryablehttp"
	"go.uber.org/zap"
	"golang.org/x/time/rate"
)

// Options configures NewHTTPClient. The zero value is usable.
type Options struct {
	Logger       *zap.Logger   // retry and wait messages, at debug; nil logs nothing
	Limiter      *rate.Limiter // client-side pace for boards that send no rate-limit headers (Lever)
	Timeout      time.Duration // per attempt; default 30s
	RetryMax     int           // default 4
	RetryWaitMin time.Duration // default 500ms
	RetryWaitMax time.Duration // default 30s
	Transport    http.RoundTripper

	// Limits pace some requests further, beside Limiter, which paces them
	// all: a board with a lower limit on some routes (SmartRecruiters: 2
	// requests/s on publication calls, 10/s on the rest).
	Limits []Limit
	// MaxInFlight bounds the requests on the wire at once, retries
	// included, for a board that refuses more (SmartRecruiters: 8); 0 is no
	// bound.
	MaxInFlight int
	// RetryStatuses are statuses, beyond 429 and 5xx, after which a Read or
	// an Idempotent write is sent again with backoff (SmartRecruiters' 409:
	// "the request conflicts with a different request"). A Create never is.
	RetryStatuses []int
	// BudgetHeaders says the board reports what is left of its rate limit
	// on every answer of its API (X-RateLimit-Remaining and -Reset,
	// Greenhouse): while the client does not know it, at the start of a run
	// and of each window, it sends one request at a time, as a run just
	// before may have spent it.
	BudgetHeaders bool
	// MaxWait caps a wait the board asks for (Retry-After, or
	// X-RateLimit-Reset with none left): a board asking for an hour would
	// otherwise hold the run an hour per retry. Default DefaultMaxWait.
	MaxWait time.Duration
}

// DefaultMaxWait is the longest a run waits when a board asks it to.
const DefaultMaxWait = time.Minute

// NewHTTPClient returns the retrying HTTP client one board uses for all its
// calls:
//
//   - a request is retried after a failure according to its Kind (WithKind;
//     undeclared, POST is a Create and every other method Idempotent): a
//     Read or an Idempotent write with backoff on 429, 5xx and network
//     errors, honouring Retry-After; a Create only when it surely did not
//     run: a 429, a failure to connect, or a wait in the gate that ended
//     before it was sent. After a timeout, a reset or a 5xx the outcome of a
//     create is unknown, and the engine looks the key up instead of
//     re-sending;
//   - after a 429 no request goes out before its Retry-After has passed, and
//     when X-RateLimit-Remaining reaches 1 none goes out before
//     X-RateLimit-Reset (the last one is left for the run after): one gate
//     for all of the board's workers;
//   - a run starts cautiously, as a run just before may have spent the
//     budget: with BudgetHeaders, one request at a time until an answer's
//     X-RateLimit-Remaining says what is left; a Limiter (and each of
//     Limits) starts without its burst, at its rate;
//   - a redirect of anything but a GET or HEAD is handed back as is (Go would
//     replay it as a bodiless GET);
//   - the last response is returned as is after the final attempt, so the
//     caller can read the board's error body.
func NewHTTPClient(o Options) *http.Client {
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
	// A slow start: without its burst, the limiter lets the first requests
	// go at the board's rate, into a bucket a run just before may have
	// drained (Lever's: 20 requests at once met 12 responses 429).
	for _, l := range append([]Limit{{Limiter: o.Limiter}}, o.Limits...) {
		if l.Limiter != nil {
			l.Limiter.ReserveN(time.Now(), l.Limiter.Burst())
		}
	}
	if o.MaxWait <= 0 {
		o.MaxWait = DefaultMaxWait
	}
	g := &gate{next: o.Transport, limiter: o.Limiter, limits: o.Limits, probe: o.BudgetHeaders, now: time.Now, maxWait: o.MaxWait, log: o.Logger}
	if o.MaxInFlight > 0 {
		g.slots = make(chan struct{}, o.MaxInFlight)
	}
	rc := &retryablehttp.Client{
		HTTPClient:   &http.Client{Transport: g, Timeout: o.Timeout, CheckRedirect: noWriteRedirect},
		Logger:       leveledLogger{o.Logger.Sugar()},
		RetryWaitMin: o.RetryWaitMin,
		RetryWaitMax: o.RetryWaitMax,
		RetryMax:     o.RetryMax,
		CheckRetry:   retryPolicy(o.RetryStatuses),
		Backoff:      g.backoff,
		ErrorHandler: retryablehttp.PassthroughErrorHandler,
	}
	return &http.Client{Transport: declare{&retryablehttp.RoundTripper{Client: rc}}, CheckRedirect: noWriteRedirect}
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

// Kind is what a request does on the board. It decides whether the request
// may be sent again after a failure whose outcome is unknown, whatever its
// HTTP method.
type Kind int

const (
	// ByMethod is an undeclared kind: POST is a Create, every other method
	// Idempotent.
	ByMethod Kind = iota
	// Read changes nothing on the board: retried like a GET, whatever its
	// method (Ashby's API reads with POST).
	Read
	// Idempotent is a write whose repeat has the same effect as one (a PUT,
	// a PATCH, Lever's update POST carrying the whole posting): retried like
	// a read.
	Idempotent
	// Create makes something new: sent again only when it surely did not
	// run, so that a retried create never makes a duplicate.
	Create
)

// String names the kind, for errors and logs.
func (k Kind) String() string {
	switch k {
	case Read:
		return "read"
	case Idempotent:
		return "idempotent write"
	case Create:
		return "create"
	}
	return "by method"
}

type kindKey struct{}

// WithKind declares the kind of the requests made with ctx, for the client
// of NewHTTPClient. Client.Do declares each request's kind itself.
func WithKind(ctx context.Context, k Kind) context.Context {
	return context.WithValue(ctx, kindKey{}, k)
}

// kindOf is the kind a request is retried as: the declared one, else the
// method's.
func kindOf(ctx context.Context, method string) Kind {
	if k, _ := ctx.Value(kindKey{}).(Kind); k != ByMethod {
		return k
	}
	if method == http.MethodPost {
		return Create
	}
	return Idempotent
}

// attemptKey holds, for a create, an *atomic.Bool that the gate sets when
// an attempt leaves it for the network.
type attemptKey struct{}

// declare resolves each request's kind into its context, which is all that
// retryablehttp hands its retry policy.
type declare struct{ next http.RoundTripper }

func (d declare) RoundTrip(req *http.Request) (*http.Response, error) {
	ctx := req.Context()
	k := kindOf(ctx, req.Method)
	ctx = WithKind(ctx, k)
	if k == Create {
		ctx = context.WithValue(ctx, attemptKey{}, new(atomic.Bool))
	}
	return d.next.RoundTrip(req.WithContext(ctx))
}

// retryPolicy is checkRetry that also retries a Read or an Idempotent write
// answered with one of statuses.
func retryPolicy(statuses []int) retryablehttp.CheckRetry {
	return func(ctx context.Context, resp *http.Response, err error) (bool, error) {
		if err == nil && ctx.Err() == nil && slices.Contains(statuses, resp.StatusCode) {
			return ctx.Value(kindKey{}) != Create, nil
		}
		return checkRetry(ctx, resp, err)
	}
}

func checkRetry(ctx context.Context, resp *http.Response, err error) (bool, error) {
	if ctx.Err() != nil {
		return false, ctx.Err()
	}
	create := ctx.Value(kindKey{}) == Create
	if err != nil {
		if create {
			// Held in the gate until the attempt's timeout: never sent.
			sent, _ := ctx.Value(attemptKey{}).(*atomic.Bool)
			return isDialError(err) || sent != nil && !sent.Load(), nil
		}
		return retryablehttp.DefaultRetryPolicy(ctx, resp, err)
	}
	if resp.StatusCode == http.StatusTooManyRequests {
		return true, nil
	}
	if create {
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
// reset when none is left) up to MaxWait, else exponentially with jitter.
func (g *gate) backoff(min, max time.Duration, attempt int, resp *http.Response) time.Duration {
	if resp != nil {
		now := g.now()
		if asked, ok := serverWait(resp, now); ok {
			d := g.capWait(asked)
			g.mu.Lock()
			g.announce(now, d, asked)
			g.mu.Unlock()
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
