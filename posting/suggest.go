package posting

import (
	"strconv"
	"strings"

	"github.com/agnivade/levenshtein"
)

// DidYouMean returns the name among names that s most likely misspells, for
// a "did you mean" hint, or "" when none is close: one that starts with s,
// or is (or has a word that is) within an edit distance of a third of its
// length (at least 1), case and punctuation aside.
func DidYouMean(s string, names []string) string {
	key := Slug(s)
	if key == "" {
		return ""
	}
	best, bestDist := "", max(1, len(key)/3)+1
	for _, n := range names {
		nk := Slug(n)
		if nk == "" {
			continue
		}
		d := levenshtein.ComputeDistance(key, nk)
		if len(key) >= 3 && strings.HasPrefix(nk, key) {
			d = min(d, 1) // "verify" for "verify-ci"
		}
		if len(key) >= 4 && !strings.Contains(key, "-") {
			for _, word := range strings.Split(nk, "-") {
				// "verfy" for "verify-ci": a misspelt word of the name,
				// never closer than the name itself.
				d = min(d, max(1, levenshtein.ComputeDistance(key, word)))
			}
		}
		if d < bestDist {
			best, bestDist = n, d
		}
	}
	return best
}

// ListShown is how many choices an error lists before it counts the rest.
const ListShown = 8

// ShortList joins items with ", ", cut after ListShown with a count of the
// rest, so that an error stays readable with a long list of choices.
func ShortList(items []string) string {
	if len(items) <= ListShown {
		return strings.Join(items, ", ")
	}
	return strings.Join(items[:ListShown], ", ") + ", … and " + strconv.Itoa(len(items)-ListShown) + " more"
}
