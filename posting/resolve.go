package posting

import (
	"fmt"
	"strconv"
	"strings"
)

// All is the opening value that names every level or every specialty.
const All = "*"

// resolve appends the targets opening o (at index i) names.
func (c *composer) resolve(targets []target, o *Opening, i int) ([]target, error) {
	fp, err := c.findFamily(o.Family)
	if err != nil {
		return nil, err
	}
	return expandChecked(targets, fp, o, i)
}

func (c *composer) findFamily(name string) (*familyPrep, error) {
	name = strings.TrimSpace(name)
	if name != "" {
		slug := Slug(name)
		for _, fp := range c.families {
			if fp.key == name || fp.key == slug || strings.EqualFold(fp.title, name) {
				return fp, nil
			}
		}
	}
	choices := make([]string, len(c.families))
	var names []string
	for i, fp := range c.families {
		choices[i] = choice(fp.title, fp.key)
		names = append(names, fp.title, fp.key)
	}
	if name == "" {
		return nil, fmt.Errorf("%w: no family named; choose one of %s", ErrUnknownFamily, listChoices(choices))
	}
	return nil, fmt.Errorf("%w %q%s; choose one of %s", ErrUnknownFamily, name, didYouMean(name, names), listChoices(choices))
}

// preview appends the targets of every level × specialty of fp.
func preview(targets []target, fp *familyPrep) []target {
	// "*" always resolves.
	t, _ := expandChecked(targets, fp, &Opening{Level: All, Specialty: All}, -1)
	return t
}

// expandChecked appends the targets opening o names in fp, or returns an
// error that lists the valid choices.
func expandChecked(targets []target, fp *familyPrep, o *Opening, i int) ([]target, error) {
	levels, err := fp.findLevels(strings.TrimSpace(o.Level))
	if err != nil {
		return nil, err
	}
	specialties, err := fp.findSpecialties(strings.TrimSpace(o.Specialty))
	if err != nil {
		return nil, err
	}
	var op *Opening
	if i >= 0 {
		op = o
	}
	for _, l := range levels {
		for _, s := range specialties {
			targets = append(targets, target{family: fp, level: l, specialty: s, opening: op, index: i})
		}
	}
	return targets, nil
}

// findLevels returns the indexes of the levels name stands for.
func (fp *familyPrep) findLevels(name string) ([]int, error) {
	if name == All || (name == "" && fp.synthetic) {
		return indexes(len(fp.levels)), nil
	}
	if name != "" {
		if fp.synthetic && (name == fp.key || Slug(name) == fp.key || strings.EqualFold(name, fp.title)) {
			return []int{0}, nil
		}
		slug := Slug(name)
		// Keys first, then titles, then headings: a title that is also
		// another level's heading names the level it is the title of.
		for _, match := range []func(l *levelPrep) bool{
			func(l *levelPrep) bool { return l.key == name || l.key == slug },
			func(l *levelPrep) bool { return strings.EqualFold(l.title, name) },
			func(l *levelPrep) bool {
				return l.heading != "" && strings.EqualFold(strings.TrimSpace(l.heading), name)
			},
		} {
			for j := range fp.levels {
				if !fp.synthetic && match(&fp.levels[j]) {
					return []int{j}, nil
				}
			}
		}
	}
	var choices, names []string
	if fp.synthetic {
		choices = append(choices, choice(fp.title, fp.key)+" (the family has no levels)")
	} else {
		for j := range fp.levels {
			l := &fp.levels[j]
			choices = append(choices, choice(l.title, l.key))
			names = append(names, l.title, l.key)
		}
	}
	if name == "" {
		return nil, fmt.Errorf("%w: no level named in family %s; choose one of %s%s", ErrUnknownLevel, fp.key, listChoices(choices), orAll)
	}
	return nil, fmt.Errorf("%w %q in family %s%s; choose one of %s%s", ErrUnknownLevel, name, fp.key, didYouMean(name, names), listChoices(choices), orAll)
}

// findSpecialties returns the indexes of the specialties name stands for;
// -1 stands for none.
func (fp *familyPrep) findSpecialties(name string) ([]int, error) {
	switch {
	case name == "":
		return []int{-1}, nil
	case name == All:
		if len(fp.specialties) == 0 {
			return []int{-1}, nil
		}
		return indexes(len(fp.specialties)), nil
	}
	slug := Slug(name)
	for j := range fp.specialties {
		if s := &fp.specialties[j]; s.key == name || s.key == slug || strings.EqualFold(s.name, name) {
			return []int{j}, nil
		}
	}
	choices := make([]string, 0, len(fp.specialties)+1)
	var names []string
	for j := range fp.specialties {
		s := &fp.specialties[j]
		choices = append(choices, choice(s.name, s.key))
		names = append(names, s.name, s.key)
	}
	if len(fp.specialties) == 0 {
		return nil, fmt.Errorf("%w %q: family %s has no specialties; leave it out or use %q", ErrUnknownSpecialty, name, fp.key, All)
	}
	return nil, fmt.Errorf("%w %q in family %s%s; choose one of %s%s", ErrUnknownSpecialty, name, fp.key, didYouMean(name, names), listChoices(choices), orAll)
}

func indexes(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i
	}
	return out
}

// choice formats a valid choice: its title, and its key when that differs.
func choice(title, key string) string {
	if title == "" || title == key {
		return strconv.Quote(key)
	}
	return strconv.Quote(title) + " (" + key + ")"
}

func listChoices(choices []string) string {
	if len(choices) == 0 {
		return "(none)"
	}
	return ShortList(choices)
}

// orAll ends a list of choices of levels or specialties.
const orAll = `, or "*" for every one`

// didYouMean is " (did you mean X?)" when one of names is close to name.
func didYouMean(name string, names []string) string {
	if m := DidYouMean(name, names); m != "" {
		return fmt.Sprintf(" (did you mean %q?)", m)
	}
	return ""
}
