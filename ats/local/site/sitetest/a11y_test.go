package sitetest

import (
	"context"
	"fmt"
	"math"
	"regexp"
	"strconv"
	"testing"

	"github.com/chromedp/chromedp"
)

// pageShape is what a11yJS reads off a page: its landmarks and headings,
// the colours of its text, and whether it fits a phone's width.
type pageShape struct {
	Lang     string
	Mains    int
	H1s      int
	Headings []int // the levels, in order
	Colors   []colorPair
	Overflow bool // wider than the viewport
}

type colorPair struct {
	What, Fg, Bg string
}

const a11yJS = `(() => {
	const bg = el => {
		for (; el; el = el.parentElement) {
			const c = getComputedStyle(el).backgroundColor;
			if (c && c !== "rgba(0, 0, 0, 0)" && c !== "transparent") { return c; }
		}
		return "rgb(255, 255, 255)";
	};
	const pairs = [];
	for (const [what, sel] of [["text", "main p, main li"], ["link", "main a"], ["meta", ".meta"], ["facts", ".facts dd"], ["apply", ".apply a"], ["closed", ".closed"], ["footer", "footer p"]]) {
		const el = document.querySelector(sel);
		if (el) { pairs.push({What: what, Fg: getComputedStyle(el).color, Bg: bg(el)}); }
	}
	return {
		Lang: document.documentElement.lang,
		Mains: document.querySelectorAll("main").length,
		H1s: document.querySelectorAll("h1").length,
		Headings: Array.from(document.querySelectorAll("h1, h2, h3, h4, h5, h6")).map(h => +h.tagName[1]),
		Colors: pairs,
		Overflow: document.documentElement.scrollWidth > window.innerWidth,
	};
})()`

// checkShape checks a page read at a phone's width: a language, one main
// landmark and one h1, no heading level skipped on the way down, text
// contrast of at least 4.5:1 (WCAG AA), and nothing wider than the screen.
func checkShape(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(390, 844)); err != nil {
		t.Fatal(err)
	}
	s := evaluate[pageShape](t, ctx, a11yJS)
	if err := chromedp.Do(ctx, chromedp.ResetViewport()); err != nil {
		t.Fatal(err)
	}
	if s.Lang == "" || s.Mains != 1 || s.H1s != 1 {
		t.Errorf("%s: lang %q, %d main landmarks, %d h1: want a language, one of each", name, s.Lang, s.Mains, s.H1s)
	}
	for i := 1; i < len(s.Headings); i++ {
		if s.Headings[i] > s.Headings[i-1]+1 {
			t.Errorf("%s: an h%d follows an h%d", name, s.Headings[i], s.Headings[i-1])
			break
		}
	}
	if len(s.Colors) == 0 {
		t.Errorf("%s: no text found", name)
	}
	for _, c := range s.Colors {
		r, err := contrast(c.Fg, c.Bg)
		if err != nil {
			t.Errorf("%s %s: %v", name, c.What, err)
		} else if r < 4.5 {
			t.Errorf("%s %s: contrast %.2f:1 (%s on %s), want at least 4.5:1", name, c.What, r, c.Fg, c.Bg)
		}
	}
	if s.Overflow {
		t.Errorf("%s: wider than a 390 px phone screen", name)
	}
}

var rgbRE = regexp.MustCompile(`^rgba?\((\d+), (\d+), (\d+)`)

// contrast is the WCAG contrast ratio of two CSS rgb() colours.
func contrast(fg, bg string) (float64, error) {
	l1, err := luminance(fg)
	if err != nil {
		return 0, err
	}
	l2, err := luminance(bg)
	if err != nil {
		return 0, err
	}
	return (math.Max(l1, l2) + 0.05) / (math.Min(l1, l2) + 0.05), nil
}

func luminance(c string) (float64, error) {
	m := rgbRE.FindStringSubmatch(c)
	if m == nil {
		return 0, fmt.Errorf("colour %q is not rgb()", c)
	}
	var lin [3]float64
	for i := range lin {
		v, _ := strconv.Atoi(m[i+1])
		s := float64(v) / 255
		if s <= 0.04045 {
			lin[i] = s / 12.92
		} else {
			lin[i] = math.Pow((s+0.055)/1.055, 2.4)
		}
	}
	return 0.2126*lin[0] + 0.7152*lin[1] + 0.0722*lin[2], nil
}

func TestContrast(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		fg, bg string
		want   float64
	}{
		{"rgb(0, 0, 0)", "rgb(255, 255, 255)", 21},
		{"rgb(255, 255, 255)", "rgb(255, 255, 255)", 1},
		{"rgb(118, 118, 118)", "rgb(255, 255, 255)", 4.54},
	} {
		got, err := contrast(tc.fg, tc.bg)
		if err != nil || math.Abs(got-tc.want) > 0.01 {
			t.Errorf("contrast(%s, %s) = %.2f, %v; want %.2f", tc.fg, tc.bg, got, err, tc.want)
		}
	}
}
