package posting_test

import (
	"strings"
	"testing"

	"github.com/jobsync/jobsync/posting"
)

func TestDidYouMean(t *testing.T) {
	t.Parallel()
	names := []string{"Verify (CI)", "verify-ci", "Govern", "govern", "ModelOps (MLOps)", "modelops-mlops", "Senior Product Manager"}
	for _, tc := range []struct{ in, want string }{
		{"Verfy (CI)", "Verify (CI)"},
		{"verify", "Verify (CI)"}, // a prefix
		{"govrn", "Govern"},
		{"Verfy", "Verify (CI)"}, // a word of the name
		{"Mlops", "ModelOps (MLOps)"},
		{"Senior Product Manger", "Senior Product Manager"},
		{"modelops", "ModelOps (MLOps)"},
		{"Create", ""}, // nothing close
		{"", ""},
		{"xy", ""},
	} {
		if got := posting.DidYouMean(tc.in, names); got != tc.want {
			t.Errorf("DidYouMean(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestShortList(t *testing.T) {
	t.Parallel()
	if got := posting.ShortList([]string{"a", "b"}); got != "a, b" {
		t.Errorf("got %q", got)
	}
	long := strings.Split("a b c d e f g h i j k l", " ")
	if got, want := posting.ShortList(long), "a, b, c, d, e, f, g, h, … and 4 more"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// An unknown specialty says what it likely misspells, first, and lists the
// page's 28 specialties cut to a few with a count (it was 1,300 characters
// on one line).
func TestUnknownSpecialtyErrorIsShort(t *testing.T) {
	t.Parallel()
	fam := parsePage(t, readPage(t))
	_, err := posting.Compose([]posting.Family{fam}, []posting.Opening{{Family: "product-manager", Level: "*", Specialty: "Verfy (CI)"}}, posting.ComposeOptions{})
	if err == nil {
		t.Fatal("no error")
	}
	msg := err.Error()
	for _, want := range []string{`unknown specialty "Verfy (CI)"`, `(did you mean "Verify (CI)"?)`, "… and 20 more", `or "*" for every one`} {
		if !strings.Contains(msg, want) {
			t.Errorf("error lacks %q: %s", want, msg)
		}
	}
	if strings.Index(msg, "did you mean") > strings.Index(msg, "choose one of") || len(msg) > 500 {
		t.Errorf("%d characters, the hint after the list: %s", len(msg), msg)
	}
}
