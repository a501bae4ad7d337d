package posting

import (
	"errors"
	"strings"
	"testing"
)

// A posting whose body passes MaxPostingBytes is refused, naming its key,
// before the rest are composed: one 4 MB paragraph was copied into all 112
// postings of a page (2.8 GB at sync).
func TestComposeRefusesHugePostings(t *testing.T) {
	t.Parallel()
	f := widgetFamily()
	f.Role = strings.Repeat("A long role. ", MaxPostingBytes/10)
	_, err := Compose([]Family{f}, nil, ComposeOptions{})
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "widget-engineer/") {
		t.Fatalf("error = %v, want ErrTooLarge naming a key", err)
	}
}

// Openings that name more than MaxPostings postings ("*" × "*" × many
// openings, or YAML aliases repeating one) are refused before any is
// composed.
func TestComposeRefusesTooManyPostings(t *testing.T) {
	t.Parallel()
	f := widgetFamily() // 3 levels × 2 specialties
	o := Opening{Family: f.Key, Level: "*", Specialty: "*"}
	openings := make([]Opening, MaxPostings/6+1)
	for i := range openings {
		openings[i] = o
	}
	_, err := Compose([]Family{f}, openings, ComposeOptions{})
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "the limit is") {
		t.Fatalf("error = %v, want ErrTooLarge saying the limit", err)
	}
	if _, err := Compose([]Family{f}, openings[:10], ComposeOptions{}); err != nil {
		t.Errorf("10 openings: %v", err)
	}
}
