package config

import (
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/jobsync/jobsync/ats"
)

// sampleOptions holds a key of every kind config decodes.
type sampleOptions struct {
	Text    string   `yaml:"text" enum:"a,b" doc:"a string"`
	Flag    bool     `yaml:"flag" doc:"a bool"`
	Count   int      `yaml:"count" required:"true" doc:"an int"`
	Big     int64    `yaml:"big" doc:"an int64"`
	Ratio   float64  `yaml:"ratio" doc:"a float64"`
	Tags    []string `yaml:"tags" enum:"x,y" doc:"a list"`
	Where   ats.Path `yaml:"where" doc:"a path"`
	Skipped string   // no tag: not a key
}

func (o *sampleOptions) Check() []ats.OptionError {
	var errs []ats.OptionError
	if o.Ratio > 1 {
		errs = append(errs, ats.OptionError{Key: "ratio", Message: "want at most 1"})
	}
	if o.Text == "b" && !o.Flag {
		errs = append(errs, ats.OptionError{Key: "flag", Message: "text b needs flag"})
	}
	return errs
}

// bareEnv would read a bare ITEM when JOBSYNC_<BOARD>_ITEM is unset.
type bareEnv struct {
	Item string `envconfig:"ITEM"`
}

func init() {
	open := func(ats.OpenArgs) (ats.Board, error) { return nil, errors.New("not a real board") }
	ats.Register(ats.Kind{Name: "sample", Options: func() any { return new(sampleOptions) }, Open: open})
	ats.Register(ats.Kind{Name: "bare-env", Env: func() any { return new(bareEnv) }, Open: open})
}

func TestBoardOptions(t *testing.T) {
	t.Parallel()
	const head = "sources: [{path: p.md}]\nboards:\n"
	for _, tc := range []struct {
		name  string
		board string // the board's mapping, on line 3
		want  *sampleOptions
		errs  []string // every problem, in order; "" for none
	}{
		{
			name:  "every kind",
			board: "{name: s, type: sample, text: a, flag: true, count: 3, big: 5000000000, ratio: 0.5, tags: [x, y], where: out}",
			want:  &sampleOptions{Text: "a", Flag: true, Count: 3, Big: 5000000000, Ratio: 0.5, Tags: []string{"x", "y"}, Where: ats.Path(filepath.Join("/cfg", "out"))},
		},
		{
			name:  "type after its keys, one tag as a list, an absolute path",
			board: "{name: s, count: 1, tags: y, where: /abs, type: sample}",
			want:  &sampleOptions{Count: 1, Tags: []string{"y"}, Where: "/abs"},
		},
		{
			name:  "required key missing",
			board: "{name: s, type: sample}",
			errs:  []string{`j.yaml:3: board "s": a sample board needs a count`},
		},
		{
			name:  "required key null",
			board: "{name: s, type: sample, count: }",
			errs:  []string{`j.yaml:3: count: want a whole number, got nothing`, `j.yaml:3: board "s": a sample board needs a count`},
		},
		{
			name:  "values of the wrong kind",
			board: "\n  - name: s\n    type: sample\n    count: many\n    flag: 'yes'\n    ratio: [1]\n    big: 1.5\n    text: {a: 1}",
			errs: []string{
				`j.yaml:3: board "s": a sample board needs a count`, // a value that failed is none
				`j.yaml:5: count: want a whole number, got "many"`,
				`j.yaml:6: flag: want true or false, got "yes"`,
				`j.yaml:7: ratio: want a number, got a list`,
				`j.yaml:8: big: want a whole number, got "1.5"`,
				`j.yaml:9: text: want a string, got a mapping`,
			},
		},
		{
			name:  "out of range",
			board: "{name: s, type: sample, count: 9999999999}",
			errs:  []string{"j.yaml:3: count: 9999999999 is out of range", `board "s": a sample board needs a count`},
		},
		{
			name:  "enums",
			board: "{name: s, type: sample, count: 1, text: c, tags: [x, z]}",
			errs:  []string{`j.yaml:3: text "c": want one of a, b`, `j.yaml:3: tag "z": want one of x, y`},
		},
		{
			name:  "unknown key lists the type's keys",
			board: "{name: s, type: sample, count: 1, colour: red}",
			errs:  []string{`j.yaml:3: unknown key "colour" in board; known keys: big, concurrency, count, flag, name, ratio, tags, text, type, where`},
		},
		{
			name:  "a key of another type",
			board: "{name: s, type: sample, count: 1, dir: out, distribution_channels: [public]}",
			errs: []string{
				`j.yaml:3: board "s": dir is a local setting, not for a sample board`,
				`j.yaml:3: board "s": distribution_channels is a lever setting, not for a sample board`,
			},
		},
		{
			name:  "repeated key",
			board: "\n  - name: s\n    type: sample\n    count: 1\n    count: 2",
			errs:  []string{`j.yaml:6: board: key "count" repeated (first on line 5)`},
		},
		{
			name:  "Check, at its key's line or the board's",
			board: "\n  - name: s\n    type: sample\n    count: 1\n    text: b\n    ratio: 2",
			errs:  []string{`j.yaml:3: board "s": flag: text b needs flag`, `j.yaml:7: board "s": ratio: want at most 1`},
		},
		{
			name:  "no Check after a bad value",
			board: "{name: s, type: sample, count: 1, ratio: 2, big: x}",
			errs:  []string{`j.yaml:3: big: want a whole number, got "x"`},
		},
		{
			name:  "unknown type: its keys are not judged",
			board: "{name: s, type: workday, count: 1, dir: out, colour: red}",
			errs:  []string{`j.yaml:3: board type "workday": want one of ` + strings.Join(ats.KindNames(), ", "), `j.yaml:3: unknown key "colour" in board; known keys: concurrency, name, type`},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			board := "  - " + tc.board + "\n"
			if strings.HasPrefix(tc.board, "\n") {
				board = tc.board[1:] + "\n"
			}
			c, err := Parse("j.yaml", "/cfg", []byte(head+board))
			if tc.errs != nil {
				var ce *Error
				if !errors.As(err, &ce) {
					t.Fatalf("Parse = %v, want problems", err)
				}
				got := strings.Split(err.Error(), "\n")
				if len(got) != len(tc.errs) {
					t.Errorf("got %d problems, want %d:\n%v", len(got), len(tc.errs), err)
				}
				for i, want := range tc.errs {
					if i < len(got) && !strings.Contains(got[i], want) {
						t.Errorf("problem %d = %s\nwant …%s…", i, got[i], want)
					}
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			got, ok := c.Boards[0].Options.(*sampleOptions)
			if !ok || got.Text != tc.want.Text || got.Flag != tc.want.Flag || got.Count != tc.want.Count || got.Big != tc.want.Big ||
				got.Ratio != tc.want.Ratio || !slices.Equal(got.Tags, tc.want.Tags) || got.Where != tc.want.Where {
				t.Errorf("Options = %+v, want %+v", c.Boards[0].Options, tc.want)
			}
		})
	}
}

// A board type without options takes none, and a board's Options stays nil.
func TestBoardWithoutOptions(t *testing.T) {
	t.Parallel()
	c, err := Parse("j.yaml", "/cfg", []byte("sources: [{path: p.md}]\nboards: [{name: b, type: bare-env}]\n"))
	if err != nil {
		t.Fatal(err)
	}
	if c.Boards[0].Options != nil {
		t.Errorf("Options = %+v, want nil", c.Boards[0].Options)
	}
	_, err = Parse("j.yaml", "/cfg", []byte("sources: [{path: p.md}]\nboards: [{name: b, type: bare-env, dir: out}]\n"))
	if err == nil || !strings.Contains(err.Error(), `board "b": dir is a local setting, not for a bare-env board`) {
		t.Errorf("a local key on a board without options: %v", err)
	}
}
