package atstest

import (
	"context"
	"fmt"

	"github.com/jobsync/jobsync/ats"
	"github.com/jobsync/jobsync/posting"
)

// Requests is what a board's syncs cost, in requests its simulator
// answered: the time a user waits on a rate-limited board.
type Requests struct {
	Noop   int     // a sync with nothing to do (List alone)
	Create float64 // per posting created, the sync's List left out
	Update float64 // per posting updated, the sync's List left out
}

// CountRequests syncs n sample postings to the empty board b (n creates),
// the same again (nothing to do), then a revision of each (n updates), and
// counts each sync's requests (the List of the empty board once more
// first, to leave it out of the creates); seen returns how many requests b's simulator
// has answered so far. A create's one-off requests (a token, a field looked
// up once) are spread over the n.
func CountRequests(ctx context.Context, b ats.Board, seen func() int, n int) (Requests, error) {
	revised := make([]posting.Posting, n)
	for i := range revised {
		revised[i] = SamplePosting(i, 1)
	}
	before := seen()
	if _, err := b.List(ctx); err != nil {
		return Requests{}, fmt.Errorf("list the empty board: %w", err)
	}
	emptyList := seen() - before
	var counts [3]int
	for i, desired := range [][]posting.Posting{SamplePostings(n), SamplePostings(n), revised} {
		before = seen()
		plans, err := ats.Sync(ctx, ats.Targets(b), desired, ats.RunOptions{Guards: ats.DefaultGuards()}, ats.ApplyOptions{})
		if err != nil {
			return Requests{}, fmt.Errorf("sync %d of 3: %w", i+1, err)
		}
		s := plans[0].Summary()
		if want := [3]int{n, 0, n}[i]; s.Create+s.Update != want {
			return Requests{}, fmt.Errorf("sync %d of 3 planned %+v, want %d writes", i+1, s, want)
		}
		counts[i] = seen() - before
	}
	noop := counts[1]
	return Requests{
		Noop:   noop,
		Create: float64(counts[0]-emptyList) / float64(n),
		Update: float64(counts[2]-noop) / float64(n),
	}, nil
}
