package simkit

import (
	"net/http"
	"strconv"
	"sync"
	"time"
)

// ConcurrencyOptions configure a ConcurrencyLimit.
type ConcurrencyOptions struct {
	Max    int // requests served at once; must be positive
	Status int // the refusal's status; default 429
	// RetryAfter, when positive, is sent as Retry-After (whole seconds,
	// rounded up) on a refusal.
	RetryAfter time.Duration
	Now        func() time.Time // stamps RetryAt in the record; default time.Now
	Error      ErrorBody        // writes the refusal's body; default plain text
	// Headers, when set, name the headers every answer carries: the limit
	// and how many more requests could be in flight now
	// (SmartRecruiters' X-RateLimit-Concurrent-Limit and -Remaining).
	Headers ConcurrencyHeaders
}

// ConcurrencyHeaders are the names of a concurrency limit's headers; ""
// sends none.
type ConcurrencyHeaders struct {
	Limit     string
	Remaining string
}

// XRateLimitConcurrent are SmartRecruiters' names:
// X-RateLimit-Concurrent-Limit and X-RateLimit-Concurrent-Remaining.
var XRateLimitConcurrent = ConcurrencyHeaders{Limit: "X-RateLimit-Concurrent-Limit", Remaining: "X-RateLimit-Concurrent-Remaining"}

// ConcurrencyLimit is a Layer serving at most Max requests at once: a
// request arriving while Max are in flight is refused at once, not queued.
// With Headers, every answer says the limit and the room left beside the
// request itself.
type ConcurrencyLimit struct {
	o ConcurrencyOptions

	mu       sync.Mutex
	inFlight int
	peak     int
	refused  int
}

// NewConcurrencyLimit returns a limit with nothing in flight.
func NewConcurrencyLimit(o ConcurrencyOptions) *ConcurrencyLimit {
	if o.Status == 0 {
		o.Status = http.StatusTooManyRequests
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	o.Error = orPlain(o.Error)
	return &ConcurrencyLimit{o: o}
}

// Wrap serves a request with next if fewer than Max are in flight.
func (c *ConcurrencyLimit) Wrap(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ok, inFlight := c.enter()
		c.headers(w, inFlight)
		if !ok {
			c.refuse(w, r)
			return
		}
		defer c.leave()
		next.ServeHTTP(w, r)
	})
}

// enter admits a request if there is room, and returns the requests in
// flight with it.
func (c *ConcurrencyLimit) enter() (bool, int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.inFlight >= c.o.Max {
		c.refused++
		return false, c.inFlight
	}
	c.inFlight++
	c.peak = max(c.peak, c.inFlight)
	return true, c.inFlight
}

// headers sets the limit's headers, if it has any, for an answer given
// with inFlight requests in flight.
func (c *ConcurrencyLimit) headers(w http.ResponseWriter, inFlight int) {
	if n := c.o.Headers.Limit; n != "" {
		w.Header().Set(n, strconv.Itoa(c.o.Max))
	}
	if n := c.o.Headers.Remaining; n != "" {
		w.Header().Set(n, strconv.Itoa(max(c.o.Max-inFlight, 0)))
	}
}

func (c *ConcurrencyLimit) leave() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.inFlight--
}

func (c *ConcurrencyLimit) refuse(w http.ResponseWriter, r *http.Request) {
	var retryAt time.Time
	if c.o.RetryAfter > 0 {
		s := ceilSeconds(c.o.RetryAfter)
		w.Header().Set("Retry-After", strconv.FormatInt(s, 10))
		retryAt = c.o.Now().Add(time.Duration(s) * time.Second)
	}
	note(r, func(e *Request) { e.Limited, e.RetryAt = true, retryAt })
	c.o.Error(w, c.o.Status)
}

// InFlight returns how many requests are being served now.
func (c *ConcurrencyLimit) InFlight() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.inFlight
}

// Peak returns the most requests served at once.
func (c *ConcurrencyLimit) Peak() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.peak
}

// Refused returns how many requests were refused.
func (c *ConcurrencyLimit) Refused() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.refused
}

// ResetStats forgets the peak and the refusals, not what is in flight.
func (c *ConcurrencyLimit) ResetStats() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.peak, c.refused = c.inFlight, 0
}
