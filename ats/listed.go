package ats

import "sync"

// Listed is what a board's List (or Find) read of jobsync's postings, kept
// for the writes that follow moments later, so that their ownership check
// need not read the same again (an update at the API's floor). A write
// forgets its posting: what List read of it is stale then. The zero Listed
// is empty and ready for use; it is safe for concurrent use.
type Listed[K comparable, V any] struct {
	mu sync.Mutex
	m  map[K]V
}

// Remember keeps vs; fresh forgets what was kept before (a List), while a
// Find adds to it.
func (l *Listed[K, V]) Remember(fresh bool, vs map[K]V) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if fresh || l.m == nil {
		l.m = make(map[K]V, len(vs))
	}
	for k, v := range vs {
		l.m[k] = v
	}
}

// Get returns what was kept of k, if it was and has not been forgotten.
func (l *Listed[K, V]) Get(k K) (V, bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	v, ok := l.m[k]
	return v, ok
}

// Forget drops k, after a write to it.
func (l *Listed[K, V]) Forget(k K) {
	l.mu.Lock()
	defer l.mu.Unlock()
	delete(l.m, k)
}
