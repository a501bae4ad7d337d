package posting

import (
	"errors"
	"fmt"
)

// ComposeOptions holds what every posting says about the company.
type ComposeOptions struct {
	Company    string // shown in each posting's details when set
	CompanyURL string // links the company name when it is an http(s) URL
	// ApplyURL and ApplyEmail are where to apply for openings that say
	// neither.
	ApplyURL   string
	ApplyEmail string
	// PerLocationBoards are the boards that publish an opening once per
	// location unless the opening says otherwise; Boards names every
	// board, for openings that name none.
	PerLocationBoards []string
	Boards            []string
}

// Errors that Compose wraps, for errors.Is.
var (
	ErrUnknownFamily    = errors.New("unknown family")
	ErrUnknownLevel     = errors.New("unknown level")
	ErrUnknownSpecialty = errors.New("unknown specialty")
	ErrConflict         = errors.New("conflicting openings")
	ErrDuplicateFamily  = errors.New("duplicate family key")
	ErrTooLarge         = errors.New("too large")
)

// Limits that keep a hostile page or config from making gigabytes: the
// largest real posting is 20 KB, and a company's openings are hundreds.
const (
	// MaxPostingBytes bounds a posting's HTML body.
	MaxPostingBytes = 256 << 10
	// MaxPostings bounds how many postings one Compose makes, before
	// openings that give one key are merged.
	MaxPostings = 10_000
)

// OpeningError is a problem with one opening. Index is its position in the
// openings Compose was given (so a config can name the line), or -1 for the
// preview Compose makes without openings.
type OpeningError struct {
	Index   int
	Opening Opening
	Err     error
}

// Error names the opening: "openings[2] (product-manager / Staff / *): …".
func (e *OpeningError) Error() string {
	if e.Index < 0 {
		return fmt.Sprintf("preview of family %s: %v", e.Opening.Family, e.Err)
	}
	return fmt.Sprintf("openings[%d] (%s): %v", e.Index, describeOpening(&e.Opening), e.Err)
}

// Unwrap returns the underlying error.
func (e *OpeningError) Unwrap() error { return e.Err }

func describeOpening(o *Opening) string {
	s := o.Family + " / " + o.Level
	if o.Specialty != "" {
		s += " / " + o.Specialty
	}
	return s
}

// Compose makes the postings for openings from families: one per opening per
// level and specialty it names ("*" names every one). Without openings (nil)
// it previews every level × specialty of every family; an empty, non-nil
// slice composes nothing.
//
// A family without specialties gives one posting per level; one without
// levels gives one per specialty, titled by the family; one with neither
// gives one posting. Openings that give the same key are merged when their
// postings are identical and an error when they differ on a board they share.
// Every problem with every opening is reported, joined in one error.
//
// Compose is pure and deterministic: the same input gives the same postings,
// in the same order (opening by opening, levels and specialties in page
// order), with the same hashes.
func Compose(families []Family, openings []Opening, opts ComposeOptions) ([]Posting, error) {
	c := &composer{opts: opts}
	if err := c.prepare(families); err != nil {
		return nil, err
	}
	var targets []target
	var errs []error
	if openings == nil {
		for _, fp := range c.families {
			targets = preview(targets, fp)
		}
	} else {
		for i := range openings {
			o := &openings[i]
			t, err := c.resolve(targets, o, i)
			if err != nil {
				errs = append(errs, &OpeningError{Index: i, Opening: *o, Err: err})
				continue
			}
			targets = t
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	if len(targets) > MaxPostings {
		return nil, fmt.Errorf("%w: the openings name %d postings; the limit is %d: name levels and specialties instead of \"*\", or remove repeated openings", ErrTooLarge, len(targets), MaxPostings)
	}
	return c.compose(targets)
}

// composer holds the state of one Compose call.
type composer struct {
	opts     ComposeOptions
	families []*familyPrep
}

// target is one posting to make: a family, one of its levels and possibly a
// specialty, for an opening (nil in the preview).
type target struct {
	family    *familyPrep
	level     int
	specialty int // -1 for none
	opening   *Opening
	index     int // the opening's index, -1 in the preview
}

func (c *composer) prepare(families []Family) error {
	seen := make(map[string]int, len(families))
	var errs []error
	for i := range families {
		fp := prepareFamily(&families[i], i)
		if fp.key == "" {
			errs = append(errs, fmt.Errorf("families[%d] (source %q): %w: no title to make a key of", i, families[i].Source, ErrUnknownFamily))
			continue
		}
		if j, dup := seen[fp.key]; dup {
			errs = append(errs, fmt.Errorf("%w %q: families[%d] (%s) and families[%d] (%s)",
				ErrDuplicateFamily, fp.key, j, families[j].Source, i, families[i].Source))
			continue
		}
		seen[fp.key] = i
		c.families = append(c.families, fp)
	}
	return errors.Join(errs...)
}

// compose makes the targets' postings and merges those with one key.
func (c *composer) compose(targets []target) ([]Posting, error) {
	prerender(targets)
	out := make([]Posting, 0, len(targets))
	from := make([]target, 0, len(targets)) // the target each posting came from
	byKey := make(map[string][]int, len(targets))
	var errs []error
	for _, t := range targets {
		for _, v := range c.variants(t) {
			p := c.posting(t, v)
			if len(p.HTML) > MaxPostingBytes {
				// Stop here: the rest of the family's postings would copy
				// the same text.
				return nil, fmt.Errorf("posting %s: %w: its body is %d bytes of HTML; the limit is %d: shorten the page's sections", p.Key, ErrTooLarge, len(p.HTML), MaxPostingBytes)
			}
			merged, err := mergeInto(out, from, byKey[p.Key], &p, t)
			if err != nil {
				errs = append(errs, err)
				continue
			}
			if !merged {
				if len(out) == MaxPostings { // per-location postings, past the count of targets
					return nil, fmt.Errorf("%w: the openings name over %d postings, one per location; the limit is %d", ErrTooLarge, MaxPostings, MaxPostings)
				}
				byKey[p.Key] = append(byKey[p.Key], len(out))
				out = append(out, p)
				from = append(from, t)
			}
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return out, nil
}

// prerender renders, per family, the pieces the targets' postings share, in
// a few batches rather than one piece at a time.
func prerender(targets []target) {
	type use struct {
		levels, specialties map[int]bool
	}
	uses := map[*familyPrep]*use{}
	var order []*familyPrep
	for _, t := range targets {
		u := uses[t.family]
		if u == nil {
			u = &use{levels: map[int]bool{}, specialties: map[int]bool{}}
			uses[t.family] = u
			order = append(order, t.family)
		}
		u.levels[t.level] = true
		if t.specialty >= 0 {
			u.specialties[t.specialty] = true
		}
	}
	for _, fp := range order {
		u := uses[fp]
		blocks := []string{
			fp.role, fp.responsibilitiesText,
			headingMarkdown(HeadingAbout), headingMarkdown(HeadingResponsibilities),
			headingMarkdown(HeadingRequirements), headingMarkdown(HeadingLevel), headingMarkdown(HeadingDetails),
		}
		var items []string
		for i := range fp.levels {
			if l := &fp.levels[i]; u.levels[i] {
				blocks = append(blocks, l.description)
				items = append(items, l.expectations...)
				items = append(items, l.responsibilities...)
				items = append(items, l.requirements...)
			}
		}
		for i := range fp.specialties {
			if s := &fp.specialties[i]; u.specialties[i] {
				blocks = append(blocks, headingMarkdown(s.name), s.description)
				items = append(items, s.responsibilities...)
				items = append(items, s.requirements...)
			}
		}
		fp.frags.prerender(blocks, items)
	}
}

// posting makes the posting for one target, in variant v.
func (c *composer) posting(t target, v variant) Posting {
	fp := t.family
	lv := &fp.levels[t.level]
	var sp *specialtyPrep
	p := Posting{
		Key:       fp.key + "/" + lv.key,
		Title:     lv.title,
		Family:    fp.key,
		Level:     lv.key,
		Grade:     lv.grade,
		SourceURL: fp.sourceURL,

		FamilyTitle: fp.title,
		Opening:     t.index,
	}
	if t.specialty >= 0 {
		sp = &fp.specialties[t.specialty]
		p.Key += "/" + sp.key
		p.Title += ", " + sp.name
		p.Specialty = sp.key
	}
	o := t.opening
	if o == nil {
		o = &Opening{}
	}
	p.Requisition = p.Key
	if v.location >= 0 {
		one := *o
		one.Locations = o.Locations[v.location : v.location+1]
		o = &one
		p.Key += "/" + locationKey(o.Locations[0])
	}
	p.Locations = make([]string, len(o.Locations))
	for i, l := range o.Locations {
		p.Locations[i] = PlainText(l)
	}
	if len(p.Locations) == 0 {
		p.Locations = nil
	}
	p.Department = PlainText(o.Department)
	p.EmploymentType = PlainText(o.EmploymentType)
	p.Workplace = o.Workplace
	if o.Pay != nil {
		pay := *o.Pay
		p.Pay = &pay
	}
	p.Boards = v.boards
	p.Company, p.CompanyURL = PlainText(c.opts.Company), c.opts.CompanyURL
	p.Title, p.FamilyTitle = PlainText(p.Title), PlainText(p.FamilyTitle)
	p.ApplyURL, p.ApplyEmail = o.ApplyURL, o.ApplyEmail
	if p.ApplyURL == "" && p.ApplyEmail == "" {
		p.ApplyURL, p.ApplyEmail = c.opts.ApplyURL, c.opts.ApplyEmail
	}
	p.ValidThrough = o.ValidThrough
	p.Sections = layout(fp, lv, sp, detailItems(c.opts, lv, o))
	p.Markdown = renderMarkdown(p.Sections)
	p.HTML = renderHTML(p.Sections, fp.frags)
	p.composedHTML = p.HTML
	p.Hash = p.ContentHash()
	return p
}
