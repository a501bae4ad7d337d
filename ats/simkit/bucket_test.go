package simkit

import (
	"testing"
	"time"
)

func TestTokenBucket(t *testing.T) {
	t.Parallel()
	c := newClock(time.UnixMilli(1_700_000_000_000))
	rec := NewRecorder(c.Now)
	b := NewTokenBucket(BucketOptions{Rate: 10, Burst: 3, Now: c.Now, Error: jsonError})
	h := Chain(status(200), rec, b)
	for i, tt := range []struct {
		advance time.Duration
		code    int
	}{
		{0, 200}, {0, 200}, {0, 200}, // the burst
		{0, 429},
		{50 * time.Millisecond, 429},  // half a token
		{50 * time.Millisecond, 200},  // one
		{250 * time.Millisecond, 200}, // 2.5 tokens
		{0, 200},
		{0, 429},                // 0.5 left
		{10 * time.Second, 200}, // full again, not more than the burst
		{0, 200},
		{0, 200},
		{0, 429},
	} {
		c.Add(tt.advance)
		w := serve(t, h, "GET", "/v1/postings")
		if w.Code != tt.code {
			t.Fatalf("request %d: %d, want %d", i, w.Code, tt.code)
		}
		if w.Code == 429 {
			for name := range w.Header() {
				if name != "Content-Type" {
					t.Errorf("request %d: a 429 with header %s, want a bare 429", i, name)
				}
			}
			if body(w) != `{"error":429}` {
				t.Errorf("request %d: body %s", i, body(w))
			}
		}
	}
	if b.Refused() != 4 || rec.Count(func(r Request) bool { return r.Limited && r.RetryAt.IsZero() }) != 4 {
		t.Errorf("Refused %d, recorded %+v", b.Refused(), rec.Requests())
	}
	if rec.MaxRun(Status(429)) != 2 {
		t.Errorf("MaxRun(429) %d, want 2", rec.MaxRun(Status(429)))
	}
	b.ResetStats()
	if b.Refused() != 0 {
		t.Errorf("after ResetStats: %d refused", b.Refused())
	}
}
