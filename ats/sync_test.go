package ats_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/synctest"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/ats/atstest"
	"github.com/jobsync/jobsync/posting"
)

// events is a log shared by the boards of one run, in the order things
// happened on any of them.
type events struct {
	mu  sync.Mutex
	log []string
}

func (e *events) add(s string) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.log = append(e.log, s)
}

func (e *events) all() []string {
	e.mu.Lock()
	defer e.mu.Unlock()
	return slices.Clone(e.log)
}

// logged is a MemBoard with a lock, whose lock, list and writes go to a
// shared log; listErr fails its List, lockErr its Lock.
type logged struct {
	*atstest.MemBoard
	ev      *events
	locked  bool
	listErr error
	lockErr error
	// gate and ungate, when set, run around each Create.
	gate, ungate func(name string)
}

func newLogged(name string, ev *events) *logged {
	return &logged{MemBoard: atstest.NewMemBoard(name), ev: ev}
}

func (l *logged) Lock(context.Context) (func() error, error) {
	if l.lockErr != nil {
		return nil, l.lockErr
	}
	l.ev.add("lock " + l.Name())
	l.locked = true
	return func() error {
		l.ev.add("unlock " + l.Name())
		l.locked = false
		return nil
	}, nil
}

func (l *logged) List(ctx context.Context) ([]ats.Remote, error) {
	l.ev.add("list " + l.Name())
	if l.listErr != nil {
		return nil, l.listErr
	}
	return l.MemBoard.List(ctx)
}

func (l *logged) Create(ctx context.Context, p posting.Posting) (ats.Remote, error) {
	l.ev.add("write " + l.Name())
	if l.gate != nil {
		l.gate(l.Name())
		defer l.ungate(l.Name())
	}
	return l.MemBoard.Create(ctx, p)
}

func (l *logged) Close(ctx context.Context, id string) error {
	l.ev.add("write " + l.Name())
	return l.MemBoard.Close(ctx, id)
}

// index is the position of the first event s in log, or -1.
func index(log []string, s string) int { return slices.Index(log, s) }

// last is the position of the last event s in log, or -1.
func last(log []string, s string) int {
	for i := len(log) - 1; i >= 0; i-- {
		if log[i] == s {
			return i
		}
	}
	return -1
}

// TestSyncLocksAroundListAndWrites: a writing run locks every board before
// any List, and unlocks each only after its last write.
func TestSyncLocksAroundListAndWrites(t *testing.T) {
	t.Parallel()
	ev := &events{}
	a, b := newLogged("a", ev), newLogged("b", ev)
	plans, err := ats.Sync(t.Context(), ats.Targets(a, b), atstest.SamplePostings(3), ats.RunOptions{Guards: ats.DefaultGuards()}, ats.ApplyOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(plans) != 2 || plans[0].Board != "a" || plans[1].Board != "b" || plans[0].Summary().Create != 3 {
		t.Fatalf("plans %+v", plans)
	}
	log := ev.all()
	for _, lock := range []string{"lock a", "lock b"} {
		for _, list := range []string{"list a", "list b"} {
			if index(log, lock) < 0 || index(log, lock) > index(log, list) {
				t.Errorf("%s after %s: %v", lock, list, log)
			}
		}
	}
	for _, name := range []string{"a", "b"} {
		if last(log, "write "+name) > index(log, "unlock "+name) {
			t.Errorf("board %s unlocked before its last write: %v", name, log)
		}
	}
	if a.locked || b.locked {
		t.Error("a lock is still held after Sync")
	}
	if n := a.WriteCalls() + b.WriteCalls(); n != 6 {
		t.Errorf("%d writes, want 6", n)
	}
}

// TestStartWithoutWriteTakesNoLock: a plan or dry run lists every board and
// takes no lock; its Apply writes nothing.
func TestStartWithoutWriteTakesNoLock(t *testing.T) {
	t.Parallel()
	ev := &events{}
	a, b := newLogged("a", ev), newLogged("b", ev)
	r, err := ats.Start(t.Context(), ats.Targets(a, b), atstest.SamplePostings(2), ats.RunOptions{Guards: ats.DefaultGuards()})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if got := ev.all(); len(got) != 2 || slices.ContainsFunc(got, func(s string) bool { return strings.HasPrefix(s, "lock") }) {
		t.Errorf("events %v, want the two lists only", got)
	}
	if s := r.Boards[1].Plan.Summary(); s.Create != 2 {
		t.Errorf("plan of b: %+v", s)
	}
	if _, err := r.Apply(t.Context(), ats.ApplyOptions{}); err == nil {
		t.Error("Apply of a run started without Write: no error")
	}
	if n := a.WriteCalls() + b.WriteCalls(); n != 0 {
		t.Errorf("%d writes, want none", n)
	}
}

// TestStartErrorsNameTheBoardOnce: a board that cannot be listed or locked
// fails the run with one "board NAME: " prefix, and no lock is left held.
func TestStartErrorsNameTheBoardOnce(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		fail func(*logged)
	}{
		{"list", func(l *logged) { l.listErr = errBoom }},
		{"lock", func(l *logged) { l.lockErr = errBoom }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			ev := &events{}
			a, b := newLogged("a", ev), newLogged("b", ev)
			tc.fail(b)
			_, err := ats.Start(t.Context(), ats.Targets(a, b), atstest.SamplePostings(2), ats.RunOptions{Write: true})
			if !errors.Is(err, errBoom) || err.Error() != "board b: boom" {
				t.Errorf("error %q, want \"board b: boom\"", err)
			}
			if a.locked || b.locked {
				t.Error("a lock is left held after a failed Start")
			}
		})
	}
}

// TestApplyChecksEveryBoardFirst: a plan the guards refuse on one board
// stops every board before any write.
func TestApplyChecksEveryBoardFirst(t *testing.T) {
	t.Parallel()
	ev := &events{}
	a, b := newLogged("a", ev), newLogged("b", ev)
	for _, p := range atstest.SamplePostings(8) {
		if _, err := b.MemBoard.Create(t.Context(), p); err != nil {
			t.Fatal(err)
		}
	}
	// a gets 2 creates; b closes 6 of its 8.
	r, err := ats.Start(t.Context(), ats.Targets(a, b), atstest.SamplePostings(2), ats.RunOptions{Write: true, Guards: ats.DefaultGuards()})
	if err != nil {
		t.Fatal(err)
	}
	before := a.WriteCalls() + b.WriteCalls()
	check := r.Check()
	if !errors.Is(check, ats.ErrMassClose) || !strings.Contains(check.Error(), "board b") || strings.Contains(check.Error(), "board a") {
		t.Errorf("Check = %v, want board b refused", check)
	}
	results, err := r.Apply(t.Context(), ats.ApplyOptions{})
	if !errors.Is(err, ats.ErrMassClose) || results != nil {
		t.Errorf("Apply = %v, %v; want the guards' refusal", results, err)
	}
	if n := a.WriteCalls() + b.WriteCalls() - before; n != 0 {
		t.Errorf("%d writes after a refused check", n)
	}
	if err := r.Close(); err != nil || a.locked || b.locked {
		t.Errorf("Close: %v; locks held a %t, b %t", err, a.locked, b.locked)
	}
}

// TestSyncUsesBodyLayout: a run plans in the board's own body layout, so a
// board that lays bodies out its own way sees no change after a sync.
func TestSyncUsesBodyLayout(t *testing.T) {
	t.Parallel()
	b := &laidOut{MemBoard: atstest.NewMemBoard("lever")}
	desired := atstest.SamplePostings(2)
	if _, err := ats.Sync(t.Context(), ats.Targets(b), desired, ats.RunOptions{}, ats.ApplyOptions{}); err != nil {
		t.Fatal(err)
	}
	// Now the board holds a hand edit of the body: the diff is in the
	// board's layout, not in HTMLText's.
	rs, err := b.List(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	r, err := ats.Start(t.Context(), ats.Targets(b), []posting.Posting{atstest.SamplePosting(0, 1), desired[1]}, ats.RunOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if len(rs) != 2 {
		t.Fatalf("board holds %d", len(rs))
	}
	for _, a := range r.Boards[0].Plan.Actions {
		if a.Op != ats.OpUpdate {
			continue
		}
		for _, c := range a.Changes {
			if c.Field == "body" && !strings.Contains(c.Diff, "+LAYOUT ") {
				t.Errorf("body diff not in the board's layout:\n%s", c.Diff)
			}
		}
		return
	}
	t.Errorf("no update planned: %+v", r.Boards[0].Plan.Summary())
}

// laidOut is a board whose bodies read "LAYOUT " and the text.
type laidOut struct{ *atstest.MemBoard }

func (l *laidOut) Body(p posting.Posting) string { return "LAYOUT " + ats.HTMLText(p.HTML) }

// TestApplyAtEachBoardsConcurrency: each target's concurrency bounds its own
// board's writes, and the boards write at the same time. Board b's first
// creates wait until three are in flight and board a's until b's have
// started: a run that gave b fewer than three writers, or ran the boards one
// after the other, would block for good, which synctest reports.
func TestApplyAtEachBoardsConcurrency(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		ev := &events{}
		a, b := newLogged("a", ev), newLogged("b", ev)
		a.SetMaxConcurrency(8)
		b.SetMaxConcurrency(8)
		var mu sync.Mutex
		inFlight, most := map[string]int{}, map[string]int{}
		var startedB, threeB bool
		bStarted := make(chan struct{})
		threeInB := make(chan struct{})
		enter := func(name string) {
			mu.Lock()
			inFlight[name]++
			most[name] = max(most[name], inFlight[name])
			if name == "b" && inFlight[name] == 1 && !startedB {
				startedB = true
				close(bStarted)
			}
			if name == "b" && inFlight[name] == 3 && !threeB {
				threeB = true
				close(threeInB)
			}
			mu.Unlock()
			switch name {
			case "a":
				<-bStarted
			case "b":
				<-threeInB
			}
		}
		leave := func(name string) {
			mu.Lock()
			inFlight[name]--
			mu.Unlock()
		}
		a.gate, a.ungate = enter, leave
		b.gate, b.ungate = enter, leave
		targets := []ats.Target{{Board: a, Concurrency: 1}, {Board: b, Concurrency: 3}}
		if _, err := ats.Sync(t.Context(), targets, atstest.SamplePostings(12), ats.RunOptions{}, ats.ApplyOptions{Concurrency: 5}); err != nil {
			t.Fatal(err)
		}
		if most["a"] != 1 || most["b"] != 3 {
			t.Errorf("most writes in flight: a %d, b %d; want 1 and 3", most["a"], most["b"])
		}
	})
}
