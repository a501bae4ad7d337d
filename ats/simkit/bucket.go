package simkit

import (
	"net/http"
	"sync"
	"time"
)

// BucketOptions configure a TokenBucket.
type BucketOptions struct {
	Rate  float64          // tokens added per second; must be positive
	Burst int              // the bucket's size, and its tokens at the start
	Now   func() time.Time // default time.Now
	Error ErrorBody        // writes the 429's body; default plain text
}

// TokenBucket is a Layer admitting a request for each token in a bucket
// that refills at Rate per second up to Burst. Past it the answer is a bare
// 429: no Retry-After and no rate-limit header (Lever).
type TokenBucket struct {
	o BucketOptions

	mu      sync.Mutex
	tokens  float64
	last    time.Time
	refused int
}

// NewTokenBucket returns a full bucket.
func NewTokenBucket(o BucketOptions) *TokenBucket {
	if o.Now == nil {
		o.Now = time.Now
	}
	o.Error = orPlain(o.Error)
	return &TokenBucket{o: o, tokens: float64(o.Burst), last: o.Now()}
}

// Wrap takes a token for each request it serves with next.
func (b *TokenBucket) Wrap(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if b.take() {
			next.ServeHTTP(w, r)
			return
		}
		note(r, func(e *Request) { e.Limited = true })
		b.o.Error(w, http.StatusTooManyRequests)
	})
}

// take refills the bucket for the time since the last call and takes one
// token, reporting whether there was one.
func (b *TokenBucket) take() bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	now := b.o.Now()
	if el := now.Sub(b.last).Seconds(); el > 0 {
		b.tokens = min(float64(b.o.Burst), b.tokens+el*b.o.Rate)
		b.last = now
	}
	if b.tokens < 1 {
		b.refused++
		return false
	}
	b.tokens--
	return true
}

// Refused returns how many requests were answered 429.
func (b *TokenBucket) Refused() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.refused
}

// ResetStats forgets the refusals counted, not the tokens.
func (b *TokenBucket) ResetStats() {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.refused = 0
}
