package lever

import (
	"fmt"
	"strings"

	"golang.org/x/net/html"
)

// Lever's HTML rules (DOC § HTML support), checked with a real HTML
// tokenizer, independent of the simulator's own.
var (
	descTags  = map[string]bool{"div": true, "p": true, "span": true, "br": true, "b": true, "i": true, "s": true, "u": true, "a": true}
	descAttrs = map[string]bool{"class": true, "href": true, "style": true}
	listTags  = map[string]bool{"li": true, "b": true, "i": true, "s": true, "u": true, "a": true}
	listAttrs = map[string]bool{"class": true, "href": true}
	fontSizes = map[string]bool{"10px": true, "14px": true, "18px": true, "24px": true, "32px": true}
)

// checkLeverHTML returns an error for any tag, attribute, class, style or
// link that Lever's rules do not allow.
func checkLeverHTML(s string, list bool) error {
	tags, attrs := descTags, descAttrs
	if list {
		tags, attrs = listTags, listAttrs
	}
	z := html.NewTokenizer(strings.NewReader(s))
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return nil
		case html.CommentToken, html.DoctypeToken:
			return fmt.Errorf("comment or doctype in %q", s)
		case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			if !tags[tok.Data] {
				return fmt.Errorf("tag <%s> not allowed in %q", tok.Data, s)
			}
			for _, a := range tok.Attr {
				if !attrs[a.Key] {
					return fmt.Errorf("attribute %s on <%s> not allowed in %q", a.Key, tok.Data, s)
				}
				switch a.Key {
				case "class":
					if a.Val != "postings-link" {
						return fmt.Errorf("class %q not allowed", a.Val)
					}
				case "style":
					prop, val, _ := strings.Cut(a.Val, ":")
					if strings.TrimSpace(prop) != "font-size" || !fontSizes[strings.TrimSpace(strings.TrimSuffix(val, ";"))] {
						return fmt.Errorf("style %q not allowed", a.Val)
					}
				case "href":
					if !strings.HasPrefix(a.Val, "http://") && !strings.HasPrefix(a.Val, "https://") {
						return fmt.Errorf("href %q is not http(s)", a.Val)
					}
				}
			}
		}
	}
}

// checkWriteHTML checks every HTML string of a write body.
func checkWriteHTML(w apiWrite) error {
	if w.Content == nil {
		return nil
	}
	if err := checkLeverHTML(w.Content.DescriptionHTML, false); err != nil {
		return fmt.Errorf("descriptionHtml: %w", err)
	}
	if err := checkLeverHTML(w.Content.ClosingPostingHTML, false); err != nil {
		return fmt.Errorf("closingPostingHtml: %w", err)
	}
	for i, l := range w.Content.Lists {
		if err := checkLeverHTML(l.Content, true); err != nil {
			return fmt.Errorf("lists[%d]: %w", i, err)
		}
		if strings.ContainsAny(l.Text, "<>") {
			return fmt.Errorf("lists[%d].text holds markup: %q", i, l.Text)
		}
	}
	return nil
}
