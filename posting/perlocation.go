package posting

import "slices"

// variant is one of the postings a target yields: the whole opening
// (location -1) or one of its locations, for the boards given (nil: every
// board).
type variant struct {
	location int
	boards   []string
}

// variants splits a target into the postings its opening is published as.
// An opening with several locations is published once per location on the
// boards that want that: all of them when the opening says
// one_posting_per_location: true, none when it says false, and otherwise
// the boards in ComposeOptions.PerLocationBoards. Each per-location posting
// has its own key (the opening's key and the location's), so that adding a
// location creates one posting and removing one closes one.
func (c *composer) variants(t target) []variant {
	o := t.opening
	if o == nil || len(o.Locations) == 0 {
		var boards []string
		if o != nil {
			boards = dedupeBoards(o.Boards)
		}
		return []variant{{location: -1, boards: boards}}
	}
	named := dedupeBoards(o.Boards)
	perLocation := func(board string) bool {
		if o.PerLocation != nil {
			return *o.PerLocation
		}
		return slices.Contains(c.opts.PerLocationBoards, board)
	}
	boards := named
	if len(boards) == 0 {
		boards = dedupeBoards(c.opts.Boards)
	}
	var whole, each []string
	for _, b := range boards {
		if perLocation(b) {
			each = append(each, b)
		} else {
			whole = append(whole, b)
		}
	}
	switch {
	case len(boards) == 0 && o.PerLocation != nil && *o.PerLocation:
		each = nil // every board, per location
	case len(each) == 0:
		return []variant{{location: -1, boards: named}}
	case len(whole) == 0:
		each = named
	}
	var out []variant
	if len(whole) > 0 {
		out = append(out, variant{location: -1, boards: whole})
	}
	for i := range o.Locations {
		out = append(out, variant{location: i, boards: each})
	}
	return out
}

// locationKey is the last part of a per-location posting's key:
// "Denver, CO" → "denver-co".
func locationKey(loc string) string {
	if k := Slug(loc); k != "" {
		return k
	}
	return "location"
}
