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
		b := board(w)
		tpl := sim.TemplateJobID()
		// The other client spends the whole budget (a board of jobsync's
		// would leave one request of it, see atshttp's reserve): answered
		// 401 without a token, but counted.
		spender := &http.Client{Transport: atstest.InMemory(sim)}

		// Start just after a window opens, so that the budget is spent in it.
		time.Sleep(time.Until(time.Now().Truncate(window).Add(window + 20*time.Millisecond)))
		for range 4 {
			resp, err := spender.Get("http://greenhouse.test/v3/jobs")
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
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

// TestBackToBackRunsMeetNo429: a run that spends a window's budget, a plan
// started right after it and a sync right after that, each a new run (a
// new board, as a new jobsync process), meet no 429: a run leaves one
// request of each window, with which the next run's first request learns
// what is left, and nothing else goes before that answer. On synctest's
// clock.
func TestBackToBackRunsMeetNo429(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		ctx := context.Background()
		const limit, window = 20, time.Second
		sim := greenhousesim.New(greenhousesim.Options{RateLimit: limit, Window: window, PageSize: 500})
		run := func() *Board {
			b, err := New(Options{BaseURL: "http://greenhouse.test/v3", ClientID: sim.ClientID(), ClientSecret: ats.NewSecret(sim.ClientSecret()),
				UserID: sim.UserID(), TemplateJobID: sim.TemplateJobID(), HTTP: fastHTTP(nil, atstest.InMemory(sim))})
			if err != nil {
				t.Fatal(err)
			}
			return b
		}
		desired := samples(12)
		if _, err := ats.Sync(ctx, ats.Targets(run()), desired, ats.RunOptions{Guards: ats.DefaultGuards()}, ats.ApplyOptions{}); err != nil {
			t.Fatal(err)
		}
		// At the start of a window, a run reads as much as the window
		// allows, and ends.
		time.Sleep(time.Until(time.Now().Truncate(window).Add(window)))
		spender := run()
		for range limit {
			if _, err := spender.getJob(ctx, sim.TemplateJobID()); err != nil {
				t.Fatal(err)
			}
		}
		skip := sim.Count429()
		// Right after it, in the same window: a plan, then a sync.
		for i := range desired {
			desired[i] = atstest.SamplePosting(i, 1)
		}
		r, err := ats.Start(ctx, ats.Targets(run()), desired, ats.RunOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if s := r.Boards[0].Plan.Summary(); s.Update != len(desired) {
			t.Fatalf("plan %+v, want %d updates", s, len(desired))
		}
		if err := r.Close(); err != nil {
			t.Fatal(err)
		}
		if _, err := ats.Sync(ctx, ats.Targets(run()), desired, ats.RunOptions{Guards: ats.DefaultGuards()}, ats.ApplyOptions{}); err != nil {
			t.Fatal(err)
		}
		if n := sim.Count429(); n != 0 || sim.MaxRatePerWindow() > limit {
			t.Errorf("%d responses 429 (%d of them before the plan); at most %d requests a window, limit %d", n, skip, sim.MaxRatePerWindow(), limit)
		}
	})
}
