package source

import (
	"errors"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/jobsync/jobsync/posting"
)

// A folder read as one family, or as a folder of families.
//
// Hugo keeps a section's own page in _index.md and orders the pages beside
// it by their "weight". GitLab's newest handbook and other ladders use this
// for one level per file: _index.md says what the family is, each sibling
// page is one level. ParsePages reads such a folder as one family when the
// folder holds an _index.md and every other page in it (not in its
// sub-folders) has a weight and parses to exactly one level and no
// specialty. Anything else is a folder of families, one per page, as
// before: a folder of whole job-family pages (each with many levels) must
// never be merged, and a page that does not fit says it is not a level
// page. The rule asks for both signs, _index.md and weights, so that a
// folder never becomes one family by accident.

// ParsePages parses pages as Read returns them, reading each folder of
// level pages as one family (see above) and every other page on its own.
// The results keep the pages' order; a merged family stands where its
// _index.md was, its Path that _index.md.
func ParsePages(pages []Page, opts Options) []Loaded {
	type parsed struct {
		page Page
		fam  posting.Family
		err  error
	}
	all := make([]parsed, len(pages))
	byDir := map[string][]int{}
	for i, pg := range pages {
		f, err := parse(pg.Path, pg.Data, opts)
		all[i] = parsed{pg, f, err}
		if !isURL(pg.Path) {
			d := filepath.Dir(pg.Path)
			byDir[d] = append(byDir[d], i)
		}
	}
	merged := map[int]Loaded{} // by the index of the _index.md
	inFolder := map[int]bool{}
	for _, idx := range byDir {
		index, levels := -1, []int{}
		for _, i := range idx {
			if filepath.Base(all[i].page.Path) == "_index.md" {
				index = i
			} else {
				levels = append(levels, i)
			}
		}
		if index < 0 || len(levels) == 0 || !isErrNoPostingOrNil(all[index].err) {
			continue
		}
		ok := true
		for _, i := range levels {
			_, weighted := all[i].fam.FrontMatter["weight"]
			if all[i].err != nil || !weighted || len(all[i].fam.Levels) != 1 || len(all[i].fam.Specialties) > 0 {
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		sort.SliceStable(levels, func(a, b int) bool {
			wa, wb := weight(all[levels[a]].fam), weight(all[levels[b]].fam)
			if wa != wb {
				return wa < wb
			}
			return all[levels[a]].page.Path < all[levels[b]].page.Path
		})
		fam := all[index].fam
		fam.Levels = nil
		keys := map[string]bool{}
		for _, i := range levels {
			lv := levelOfPage(all[i].fam)
			for n := 2; keys[lv.Key]; n++ {
				lv.Key = posting.Slug(lv.Title) + "-" + strconv.Itoa(n)
			}
			keys[lv.Key] = true
			fam.Levels = append(fam.Levels, lv)
			for _, w := range all[i].fam.Warnings {
				w.File = all[i].page.Path
				fam.Warnings = append(fam.Warnings, w)
			}
			inFolder[i] = true
		}
		merged[index] = Loaded{Path: all[index].page.Path, Family: fam}
	}
	out := make([]Loaded, 0, len(pages))
	for i, pg := range all {
		if r, ok := merged[i]; ok {
			out = append(out, r)
			continue
		}
		if inFolder[i] {
			continue
		}
		r := Loaded{Path: pg.page.Path, Family: pg.fam, Err: pg.err}
		if r.Err != nil {
			r.Family = posting.Family{}
		}
		out = append(out, r)
	}
	return out
}

func isErrNoPostingOrNil(err error) bool { return err == nil || errors.Is(err, errNoPosting) }

// weight is a page's Hugo weight; pages without one sort last.
func weight(f posting.Family) float64 {
	switch v := f.FrontMatter["weight"].(type) {
	case int:
		return float64(v)
	case float64:
		return v
	case string:
		if w, err := strconv.ParseFloat(strings.TrimSpace(v), 64); err == nil {
			return w
		}
	}
	return 1e9
}

// levelOfPage is a level page's one level, with what the page says beside
// it: its role before the level's prose, its requirements and
// responsibilities before the level's own.
func levelOfPage(f posting.Family) posting.Level {
	lv := f.Levels[0]
	lv.Source = f.Source
	if f.Role != "" {
		lv.Description = strings.TrimSpace(f.Role + "\n\n" + lv.Description)
	}
	lv.Requirements = append(append([]string{}, f.BaseRequirements...), lv.Requirements...)
	lv.Responsibilities = append(append([]string{}, f.Responsibilities...), lv.Responsibilities...)
	return lv
}
