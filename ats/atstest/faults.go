package atstest

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
)

// ErrInjected is wrapped by every error a MemBoard makes up.
var ErrInjected = errors.New("injected fault")

// faultMode is how an injected fault goes.
type faultMode int

const (
	noFault      faultMode = iota
	failBefore             // an error; nothing written
	timeoutFirst           // a timeout; nothing written
	lostResponse           // the write happens, the caller gets an error
)

// faults decides, call by call, whether a call fails and how. The caller
// holds the board's mutex.
type faults struct {
	rate float64
	rng  *rand.Rand
}

// SetFaults makes a share rate of the board's calls fail from now on, drawn
// from a generator seeded with seed: reads fail with an error or a timeout;
// writes fail before writing (an error or a timeout) or write and then lose
// the response. Rate 0 turns faults off.
func (m *MemBoard) SetFaults(rate float64, seed int64) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.faults = faults{rate: rate}
	if rate > 0 {
		m.faults.rng = rand.New(rand.NewPCG(uint64(seed), 0x6a6f6273796e63)) // "jobsync"
	}
}

// draw picks the fault for one call; writes may lose their response.
func (f *faults) draw(write bool) faultMode {
	if f.rate <= 0 || f.rng.Float64() >= f.rate {
		return noFault
	}
	n := 2
	if write {
		n = 3
	}
	return faultMode(1 + f.rng.IntN(n))
}

// readFault returns the error a read fails with, if any.
func (m *MemBoard) readFault(ctx context.Context, what string) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("memboard: %s: %w", what, err)
	}
	_, err := faultErr(m.faults.draw(false), what)
	return err
}

// writeFault returns the fault a write meets and its error; for
// lostResponse the write goes ahead and the error is returned after.
func (m *MemBoard) writeFault(ctx context.Context, what string) (faultMode, error) {
	if err := ctx.Err(); err != nil {
		return failBefore, fmt.Errorf("memboard: %s: %w", what, err)
	}
	return faultErr(m.faults.draw(true), what)
}

func faultErr(mode faultMode, what string) (faultMode, error) {
	switch mode {
	case failBefore:
		return mode, fmt.Errorf("memboard: %s: 503 service unavailable: %w", what, ErrInjected)
	case timeoutFirst:
		return mode, fmt.Errorf("memboard: %s: %w", what, &timeoutError{})
	case lostResponse:
		return mode, fmt.Errorf("memboard: %s: connection reset after the request was sent: %w", what, ErrInjected)
	}
	return noFault, nil
}

// timeoutError looks like a network timeout (net.Error) and wraps
// ErrInjected.
type timeoutError struct{}

func (*timeoutError) Error() string   { return "i/o timeout (" + ErrInjected.Error() + ")" }
func (*timeoutError) Timeout() bool   { return true }
func (*timeoutError) Temporary() bool { return true }
func (*timeoutError) Unwrap() error   { return ErrInjected }
