package ats

import "testing"

// A List (fresh) replaces what was kept, a Find adds to it, and a write's
// Forget drops its posting.
func TestListed(t *testing.T) {
	var l Listed[string, int]
	if _, ok := l.Get("a"); ok {
		t.Fatal("the zero Listed holds something")
	}
	l.Remember(true, map[string]int{"a": 1, "b": 2})
	l.Remember(false, map[string]int{"c": 3})
	l.Forget("b")
	for k, want := range map[string]bool{"a": true, "b": false, "c": true} {
		if _, ok := l.Get(k); ok != want {
			t.Errorf("after a List, a Find and a write to b: %s kept %v, want %v", k, ok, want)
		}
	}
	l.Remember(true, map[string]int{"d": 4})
	if _, ok := l.Get("a"); ok {
		t.Error("a fresh List kept what an earlier one read")
	}
}
