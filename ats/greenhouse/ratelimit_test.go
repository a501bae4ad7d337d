package greenhouse

import (
	"context"
	"net/http"
	"strconv"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/ats/atstest"
	"github.com/jobsync/jobsync/ats/greenhouse/greenhousesim"
)

// wire records, under the shared client's gate, when each request went out
// and when each answer came back.
type wire struct {
	next http.RoundTripper
	mu   sync.Mutex
	sent []time.Time
	got  []answer
}

type answer struct {
	at         time.Time
	status     int
	retryAfter time.Duration
}

func (w *wire) RoundTrip(r *http.Request) (*http.Response, error) {
	w.mu.Lock()
	w.sent = append(w.sent, time.Now())
	w.mu.Unlock()
	resp, err := w.next.RoundTrip(r)
	if err == nil {
		s, _ := strconv.Atoi(resp.Header.Get("Retry-After"))
		w.mu.Lock()
		w.got = append(w.got, answer{at: time.Now(), status: resp.StatusCode, retryAfter: time.Duration(s) * time.Second})
		w.mu.Unlock()
	}
	return resp, err
}

// TestNoRequestBeforeRetryAfter: another client spends the window's budget;
// the board, not knowing, meets a 429, and then sends nothing before its
// Retry-After has passed, from any of its workers. The simulator is served
// in memory inside a synctest bubble: its windows and the client's waits
// run on the bubble's clock, so the test never races the machine's.
func TestNoRequestBeforeRetryAfter(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		ctx := context.Background()
		const window = 2 * time.Second
		sim := greenhousesim.New(greenhousesim.Options{RateLimit: 4, Window: window})
		board := func(rt http.RoundTripper) *Board {
			b, err := New(Options{BaseURL: "http://greenhouse.test/v3", ClientID: sim.ClientID(), ClientSecret: ats.NewSecret(sim.ClientSecret()),
				UserID: sim.UserID(), TemplateJobID: sim.TemplateJobID(), HTTP: fastHTTP(nil, rt)})
			if err != nil {
				t.Fatal(err)
			}
			return b
		}
		w := &wire{next: atstest.InMemory(sim)}
		b, spender := board(w), board(atstest.InMemory(sim))
		tpl := sim.TemplateJobID()

		// Start just after a window opens, so that the budget is spent in it.
		time.Sleep(time.Until(time.Now().Truncate(window).Add(window + 20*time.Millisecond)))
		for range 4 {
			if _, err := spender.getJob(ctx, tpl); err != nil {
				t.Fatal(err)
			}
		}
		var wg sync.WaitGroup
		for i := range 4 {
			wg.Go(func() {
				// Staggered, so that workers start while another is paused.
				time.Sleep(time.Duration(i) * 300 * time.Millisecond)
				for range 2 {
					if _, err := b.getJob(ctx, tpl); err != nil {
						t.Error(err)
					}
				}
			})
		}
		wg.Wait()

		w.mu.Lock()
		defer w.mu.Unlock()
		n429 := 0
		for _, a := range w.got {
			if a.status != http.StatusTooManyRequests {
				continue
			}
			n429++
			if a.retryAfter <= 0 {
				t.Errorf("a 429 without Retry-After")
			}
			for _, s := range w.sent {
				// A request sent at the very instant of the 429 was past the
				// gate already.
				if s.After(a.at) && s.Before(a.at.Add(a.retryAfter)) {
					t.Errorf("a request went out %v after a 429 that asked for %v", s.Sub(a.at), a.retryAfter)
				}
			}
		}
		if n429 == 0 {
			t.Fatal("the board met no 429; the test proves nothing")
		}
		t.Logf("%d requests, %d answered 429", len(w.sent), n429)
	})
}
