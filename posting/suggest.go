package posting

import (
	"strconv"
	"strings"
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
		d := editDistance(key, nk)
		if len(key) >= 3 && strings.HasPrefix(nk, key) {
			d = min(d, 1) // "verify" for "verify-ci"
		}
		if len(key) >= 4 && !strings.Contains(key, "-") {
			for _, word := range strings.Split(nk, "-") {
				// "verfy" for "verify-ci": a misspelt word of the name,
				// never closer than the name itself.
				d = min(d, max(1, editDistance(key, word)))
			}
		}
		if d < bestDist {
			best, bestDist = n, d
		}
	}
	return best
}

// editDistance is the Levenshtein distance between a and b, in bytes.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
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
