package atstest

import (
	"bytes"
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"
	"testing"

	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/posting"
)

// SyncTo runs one sync of b to desired as the CLI does, closes allowed,
// and returns its plan; an error fails t.
func SyncTo(t testing.TB, b ats.Board, desired []posting.Posting) ats.Plan {
	t.Helper()
	plans, err := ats.Sync(context.Background(), ats.Targets(b), desired, ats.RunOptions{Guards: ats.Guards{AllowMassClose: true}}, ats.ApplyOptions{})
	if err != nil {
		t.Fatalf("sync: %v", err)
	}
	return plans[0]
}

// ShowCounts prints request counts by route in a fixed order:
// "GET /jobs=1 PATCH /jobs/{id}=2".
func ShowCounts(m map[string]int) string {
	var b strings.Builder
	for _, k := range slices.Sorted(maps.Keys(m)) {
		fmt.Fprintf(&b, "%s=%d ", k, m[k])
	}
	return strings.TrimSpace(b.String())
}

// Logs holds what a logger wrote, from any number of goroutines.
type Logs struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *Logs) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

// Sync is a no-op: the logs are in memory.
func (l *Logs) Sync() error { return nil }

// String returns everything logged so far.
func (l *Logs) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// Logger returns a logger writing JSON lines at level and above (zap's
// development keys: "M" the message) to the Logs it returns.
func Logger(level zapcore.Level) (*zap.Logger, *Logs) {
	logs := &Logs{}
	return zap.New(zapcore.NewCore(zapcore.NewJSONEncoder(zap.NewDevelopmentEncoderConfig()), logs, level)), logs
}

// CheckLogsHoldNo fails t if logs hold any of secrets, or show no answer
// of the board (atshttp logs each at debug as "response"): logs of
// nothing prove nothing.
func CheckLogsHoldNo(t testing.TB, logs *Logs, secrets ...string) {
	t.Helper()
	out := logs.String()
	if !strings.Contains(out, `"M":"response"`) {
		t.Errorf("the debug logs (%d bytes) show no response: the check proves nothing", len(out))
	}
	for _, s := range secrets {
		if s != "" && strings.Contains(out, s) {
			t.Errorf("the logs hold a secret, %.6s…", s)
		}
	}
}

// PlanTo is one plan of b to desired as `jobsync plan` makes it (no lock
// taken); an error fails t.
func PlanTo(t testing.TB, b ats.Board, desired []posting.Posting) ats.Plan {
	t.Helper()
	p, _, err := planNow(context.Background(), b, desired)
	if err != nil {
		t.Fatalf("plan: %v", err)
	}
	return p
}

// BenchmarkRequests reports what syncs of 20 postings cost in requests
// (CountRequests) beside floor, the fewest an update can take, on a new
// empty board each iteration: open returns it and its simulator's count
// of requests answered.
func BenchmarkRequests(b *testing.B, floor float64, open func(testing.TB) (ats.Board, func() int)) {
	var got Requests
	for b.Loop() {
		board, seen := open(b)
		var err error
		if got, err = CountRequests(context.Background(), board, seen, 20); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(got.Noop), "noop-requests")
	b.ReportMetric(got.Create, "requests/create")
	b.ReportMetric(got.Update, "requests/update")
	b.ReportMetric(floor, "floor/update")
}
