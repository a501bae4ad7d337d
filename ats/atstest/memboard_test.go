package atstest_test

import (
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/ats/atstest"
)

func TestMemBoardConformance(t *testing.T) {
	t.Parallel()
	atstest.Run(t, func(*testing.T) *atstest.Harness {
		return atstest.NewMemBoard("mem").Harness()
	})
}

// bare hides the board's optional capabilities (Finder, Concurrent), so that
// the engine looks keys up with List and writes one at a time.
type bare struct{ ats.Board }

func TestMemBoardConformanceWithoutCapabilities(t *testing.T) {
	t.Parallel()
	atstest.Run(t, func(*testing.T) *atstest.Harness {
		h := atstest.NewMemBoard("mem").Harness()
		h.Board = bare{h.Board}
		return h
	})
}

func TestMemBoardCopiesAndCalls(t *testing.T) {
	t.Parallel()
	ctx := t.Context()
	m := atstest.NewMemBoard("mem")
	p := atstest.SamplePosting(0, 0)
	r, err := m.Create(ctx, p)
	if err != nil {
		t.Fatal(err)
	}
	r.Locations[0] = "Mars"
	p.Locations[0] = "Venus"
	rs, err := m.List(ctx)
	if err != nil {
		t.Fatal(err)
	}
	rs[0].Locations[0], rs[0].Title = "Moon", "changed"
	again, _ := m.List(ctx)
	if got := again[0]; got.Locations[0] != "Remote, EMEA" || got.Title == "changed" {
		t.Errorf("the board's data is aliased: %+v", got)
	}
	if got := again[0]; got.Body != ats.HTMLText(atstest.SamplePosting(0, 0).HTML) || got.Drifted || !got.Owned {
		t.Errorf("listed %+v", got)
	}
	found, err := m.Find(ctx, p.Key)
	if err != nil || len(found) != 1 || found[0].ID != r.ID {
		t.Errorf("Find = %+v, %v", found, err)
	}
	if found, _ := m.Find(ctx, "no/such/key"); len(found) != 0 {
		t.Errorf("Find of an unknown key = %+v", found)
	}
	if err := m.Close(ctx, r.ID); err != nil {
		t.Fatal(err)
	}
	id := m.AddUnowned("Chef")
	if _, err := m.Update(ctx, id, p); err == nil || errors.Is(err, ats.ErrNotFound) {
		t.Errorf("update of an unowned posting: %v, want a refusal", err)
	}
	want := []atstest.Call{
		{Method: "Create", ID: r.ID, Key: p.Key}, {Method: "List"}, {Method: "List"},
		{Method: "Find", Key: p.Key}, {Method: "Find", Key: "no/such/key"},
		{Method: "Close", ID: r.ID}, {Method: "Update", ID: id, Key: p.Key},
	}
	if got := m.Calls(); !slices.Equal(got, want) {
		t.Errorf("calls %+v\nwant %+v", got, want)
	}
	if n := m.WriteCalls(); n != 3 {
		t.Errorf("WriteCalls = %d, want 3", n)
	}
}

func TestMemBoardWriteHook(t *testing.T) {
	t.Parallel()
	ctx := t.Context()
	m := atstest.NewMemBoard("mem")
	s := atstest.SamplePostings(2)
	boom := errors.New("boom")
	m.SetWriteHook(func(c atstest.Call) error {
		if c.Key == s[1].Key {
			return boom
		}
		return nil
	})
	if _, err := m.Create(ctx, s[0]); err != nil {
		t.Fatal(err)
	}
	if _, err := m.Create(ctx, s[1]); !errors.Is(err, boom) {
		t.Errorf("hooked create: %v", err)
	}
	if rs, _ := m.List(ctx); len(rs) != 1 {
		t.Errorf("a write failed by the hook happened: %+v", rs)
	}
}

func TestMemBoardFaults(t *testing.T) {
	t.Parallel()
	ctx := t.Context()
	m := atstest.NewMemBoard("mem")
	count := func() int {
		m.SetFaults(0, 0)
		rs, err := m.List(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return len(rs)
	}
	var timeouts, lost, before int
	for i := range 60 {
		n := count()
		m.SetFaults(1, int64(i)) // every call fails
		_, err := m.Create(ctx, atstest.SamplePosting(i, 0))
		var te interface{ Timeout() bool }
		switch {
		case !errors.Is(err, atstest.ErrInjected):
			t.Fatalf("create: %v, want an injected fault", err)
		case errors.As(err, &te) && te.Timeout():
			timeouts++
			if count() != n {
				t.Errorf("a create that timed out wrote")
			}
		case count() > n:
			lost++
		default:
			before++
		}
	}
	if timeouts == 0 || lost == 0 || before == 0 {
		t.Errorf("fault modes seen: %d timeouts, %d lost responses, %d errors before the write; want each", timeouts, lost, before)
	}
	m.SetFaults(1, 1)
	if _, err := m.List(ctx); !errors.Is(err, atstest.ErrInjected) {
		t.Errorf("list with faults: %v", err)
	}
	m.SetFaults(0, 0)
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := m.Create(cancelled, atstest.SamplePosting(99, 0)); !errors.Is(err, context.Canceled) {
		t.Errorf("create with a cancelled context: %v", err)
	}
}
