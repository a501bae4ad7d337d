package simkit

import (
	"math/rand/v2"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Loss is what becomes of the answer to a request that ran.
type Loss int

const (
	// Answered: the client gets the answer.
	Answered Loss = iota
	// Lost504: the client gets a 504 instead; the change was made.
	Lost504
	// Dropped: the connection is closed without an answer (a 504 where it
	// cannot be, as over HTTP/2 or an httptest.ResponseRecorder).
	Dropped
)

// Fault is what goes wrong with one request. The zero Fault is none.
type Fault struct {
	Delay  time.Duration // wait this long first
	Status int           // answer this error (500, 502, 503…) instead of running the request; 0 runs it
	Loss   Loss          // when it runs: lose its answer
}

// Kind names the fault for counts: "500", "502", "503" for an error,
// "lost-504", "dropped", "slow" for a delay alone, "" for none.
func (f Fault) Kind() string {
	switch {
	case f.Status != 0:
		return strconv.Itoa(f.Status)
	case f.Loss == Lost504:
		return "lost-504"
	case f.Loss == Dropped:
		return "dropped"
	case f.Delay > 0:
		return "slow"
	}
	return ""
}

// Policy draws the fault of one request from rng, given the share of
// requests that should fail (0 < rate ≤ 1). It is called under the Faults'
// lock, one request at a time, so a seeded run is reproducible.
type Policy func(rng *rand.Rand, rate float64, r *http.Request) Fault

// Even is the default Policy: a share rate of requests fail, each evenly
// one of a 500, a 502 or a 503 before it runs, a delay of 5–25 ms, or an
// answer lost after it ran (a 504 or a dropped connection).
func Even(rng *rand.Rand, rate float64, _ *http.Request) Fault {
	if rng.Float64() >= rate {
		return Fault{}
	}
	kind := rng.IntN(6)
	delay := time.Duration(5+rng.IntN(20)) * time.Millisecond
	switch kind {
	case 0, 1, 2:
		return Fault{Status: [...]int{500, 502, 503}[kind]}
	case 3:
		return Fault{Delay: delay}
	case 4:
		return Fault{Loss: Lost504}
	}
	return Fault{Loss: Dropped}
}

// FaultOptions configure Faults. The zero value is usable.
type FaultOptions struct {
	Policy Policy // default Even
	// Stream is the PCG stream of the draws beside the seed: a simulator
	// that had its own keeps its seeded runs as they were. Default "fault".
	Stream  uint64
	Latency time.Duration              // added to every request
	Route   func(*http.Request) string // names a request's route in the counts; default "METHOD PATH"
	Error   ErrorBody                  // writes an injected error; default plain text
}

// Faults is a Layer that injects failures. Random faults are off until Set.
type Faults struct {
	o FaultOptions

	mu     sync.Mutex
	rate   float64
	rng    *rand.Rand
	lose   []loseRule
	counts map[string]map[string]int // route → kind → faults injected
}

// loseRule loses the answer of the next request with a method and a path
// prefix.
type loseRule struct {
	method, prefix string
	loss           Loss
}

// NewFaults returns a Faults layer with random faults off.
func NewFaults(o FaultOptions) *Faults {
	if o.Policy == nil {
		o.Policy = Even
	}
	if o.Stream == 0 {
		o.Stream = 0x6661756c74 // "fault"
	}
	if o.Route == nil {
		o.Route = func(r *http.Request) string { return r.Method + " " + r.URL.Path }
	}
	o.Error = orPlain(o.Error)
	return &Faults{o: o, counts: map[string]map[string]int{}}
}

// Set makes a share rate of requests fail from now on, drawn by the policy
// from a generator seeded with seed. Rate 0 turns random faults off.
func (f *Faults) Set(rate float64, seed int64) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.rate = rate
	f.rng = rand.New(rand.NewPCG(uint64(seed), f.o.Stream))
}

// LoseNext makes the next request with method whose path starts with
// pathPrefix run and then lose its answer: a 504, or with drop the
// connection closed. Rules are kept in the order given and each is used
// once, before any random draw.
func (f *Faults) LoseNext(method, pathPrefix string, drop bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	loss := Lost504
	if drop {
		loss = Dropped
	}
	f.lose = append(f.lose, loseRule{method: method, prefix: pathPrefix, loss: loss})
}

// Counts returns how many faults of each kind were injected ("500",
// "lost-504", …).
func (f *Faults) Counts() map[string]int {
	f.mu.Lock()
	defer f.mu.Unlock()
	out := map[string]int{}
	for _, kinds := range f.counts {
		for k, n := range kinds {
			out[k] += n
		}
	}
	return out
}

// Lost returns, per route, how many requests ran and then lost their
// answer.
func (f *Faults) Lost() map[string]int {
	f.mu.Lock()
	defer f.mu.Unlock()
	out := map[string]int{}
	for route, kinds := range f.counts {
		if n := kinds["lost-504"] + kinds["dropped"]; n > 0 {
			out[route] = n
		}
	}
	return out
}

// ByRoute returns the faults injected per route and kind.
func (f *Faults) ByRoute() map[string]map[string]int {
	f.mu.Lock()
	defer f.mu.Unlock()
	out := make(map[string]map[string]int, len(f.counts))
	for route, kinds := range f.counts {
		out[route] = make(map[string]int, len(kinds))
		for k, n := range kinds {
			out[route][k] = n
		}
	}
	return out
}

// draw picks the fault of r and counts it.
func (f *Faults) draw(r *http.Request) Fault {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out Fault
	ruled := false
	for i, l := range f.lose {
		if l.method == r.Method && strings.HasPrefix(r.URL.Path, l.prefix) {
			f.lose = append(f.lose[:i], f.lose[i+1:]...)
			out, ruled = Fault{Loss: l.loss}, true
			break
		}
	}
	if !ruled && f.rate > 0 && f.rng != nil {
		out = f.o.Policy(f.rng, f.rate, r)
	}
	if k := out.Kind(); k != "" {
		route := f.o.Route(r)
		if f.counts[route] == nil {
			f.counts[route] = map[string]int{}
		}
		f.counts[route][k]++
	}
	return out
}

// Wrap serves each request with next, unless a fault is drawn for it.
func (f *Faults) Wrap(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ft := f.draw(r)
		if k := ft.Kind(); k != "" {
			note(r, func(e *Request) { e.Fault = k })
		}
		if d := f.o.Latency + ft.Delay; d > 0 {
			time.Sleep(d)
		}
		switch {
		case ft.Status != 0:
			f.o.Error(w, ft.Status)
		case ft.Loss == Lost504:
			next.ServeHTTP(&discard{h: http.Header{}}, r)
			f.o.Error(w, http.StatusGatewayTimeout)
		case ft.Loss == Dropped:
			next.ServeHTTP(&discard{h: http.Header{}}, r)
			if conn, _, err := http.NewResponseController(w).Hijack(); err == nil {
				_ = conn.Close()
				return
			}
			f.o.Error(w, http.StatusGatewayTimeout)
		default:
			next.ServeHTTP(w, r)
		}
	})
}

// discard is a ResponseWriter that drops what the route answers.
type discard struct{ h http.Header }

func (d *discard) Header() http.Header         { return d.h }
func (d *discard) Write(b []byte) (int, error) { return len(b), nil }
func (d *discard) WriteHeader(int)             {}
