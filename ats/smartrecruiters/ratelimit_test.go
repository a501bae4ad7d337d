package smartrecruiters_test

import (
	"context"
	"testing"
	"testing/synctest"
	"time"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/ats/atstest"
	"github.com/jobsync/jobsync/ats/simkit"
	"github.com/jobsync/jobsync/ats/smartrecruiters"
	"github.com/jobsync/jobsync/ats/smartrecruiters/smartrecruiterssim"
	"github.com/jobsync/jobsync/posting"
)

// rates measures a phase of requests: how many, over how long, and the
// rate of all of them and of the publication calls.
type rates struct {
	requests, publications int
	took                   time.Duration
	perSecond, pubPerSec   float64
}

func measure(rs []simkit.Request) rates {
	var m rates
	var first, last, pubFirst, pubLast time.Time
	for i, r := range rs {
		if i == 0 {
			first = r.At
		}
		last = r.At
		if r.Method != "GET" && len(r.Path) > len("/publication") && r.Path[len(r.Path)-len("/publication"):] == "/publication" {
			if m.publications == 0 {
				pubFirst = r.At
			}
			pubLast = r.At
			m.publications++
		}
	}
	m.requests, m.took = len(rs), last.Sub(first)
	if m.requests > 1 {
		m.perSecond = float64(m.requests-1) / m.took.Seconds()
	}
	if m.publications > 1 {
		m.pubPerSec = float64(m.publications-1) / pubLast.Sub(pubFirst).Seconds()
	}
	return m
}

// A sync of 60 postings against the simulator's real limits (10
// requests/s, 2/s on publication calls, 8 at once), on synctest's clock:
// creating them is bound by the publication limit, updating them by the
// 10/s, closing them by the publication limit again. Not one answer is a
// 429, and each phase runs at more than 90% of the limit that binds it.
// Every answer takes 250 ms, so that requests overlap.
func TestSixtyPostingsKeepUnderTheLimits(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		sim := smartrecruiterssim.New(smartrecruiterssim.Options{Latency: 250 * time.Millisecond})
		b := newBoard(t, sim, false, smartrecruiters.Options{})
		first := atstest.SamplePostings(60)
		second := make([]posting.Posting, len(first))
		for i := range second {
			second[i] = atstest.SamplePosting(i, 1)
		}
		for _, phase := range []struct {
			name    string
			desired []posting.Posting
			binding string  // the limit that binds the phase
			limit   float64 // its requests per second
		}{
			{"create 60", first, "publication", 2},
			{"update 60", second, "rate", 10},
			{"close 60", nil, "publication", 2},
		} {
			time.Sleep(2 * time.Second) // a fresh window for each phase
			sim.ResetStats()
			syncTo(t, b, phase.desired)
			rs := sim.Requests()
			m := measure(rs)
			lim := sim.Limits()
			got := m.perSecond
			if phase.binding == "publication" {
				got = m.pubPerSec
			}
			t.Logf("%s: %d requests (%d publication calls) in %v: %.2f requests/s, %.2f publication calls/s; most in one second: %d of 10, %d of 2 publication; at once %d of 8; 429s: %d (publication limit %d)",
				phase.name, m.requests, m.publications, m.took.Round(time.Millisecond), m.perSecond, m.pubPerSec,
				lim.Rate.MaxAdmitted(), lim.Publication.MaxAdmitted(), lim.Concurrency.Peak(), sim.Count429(), lim.Publication.Refused())
			if n := sim.Count429(); n != 0 {
				t.Errorf("%s: %d answers were 429 (publication limit %d, rate %d, concurrency %d)", phase.name, n,
					lim.Publication.Refused(), lim.Rate.Refused(), lim.Concurrency.Refused())
			}
			if got < 0.9*phase.limit {
				t.Errorf("%s: %.2f requests/s against the %s limit of %v/s, want at least 90%%", phase.name, got, phase.binding, phase.limit)
			}
			if got > phase.limit {
				t.Errorf("%s: %.2f requests/s, above the %s limit of %v/s", phase.name, got, phase.binding, phase.limit)
			}
		}
	})
}

// However many writers the config asks for, no more than 8 requests are
// on the wire at once: a sync at concurrency 20 against answers that take
// a second meets no concurrency 429.
func TestEightAtOnce(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		sim := smartrecruiterssim.New(smartrecruiterssim.Options{Latency: time.Second, Empty: true})
		b := newBoard(t, sim, false, smartrecruiters.Options{})
		targets := []ats.Target{{Board: b, Concurrency: 20}}
		if _, err := ats.Sync(context.Background(), targets, atstest.SamplePostings(30), ats.RunOptions{}, ats.ApplyOptions{}); err != nil {
			t.Fatal(err)
		}
		lim := sim.Limits()
		if lim.Concurrency.Refused() != 0 || lim.Concurrency.Peak() != 8 || sim.Count429() != 0 {
			t.Errorf("peak %d at once, %d refused, %d 429s: want 8, 0, 0", lim.Concurrency.Peak(), lim.Concurrency.Refused(), sim.Count429())
		}
	})
}
