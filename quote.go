package peacegraph

import (
	"strings"
	"unicode"
)

// LocateQuote finds quote in text, treating every run of white space in
// either as one space and ignoring white space at the quote's ends, so a
// quote copied across a line break still matches. Nothing else is
// forgiven: a changed letter, apostrophe or dash is a different quote.
// It returns the code-point offsets [start, end) of the match in text.
func LocateQuote(text, quote string) (start, end int, ok bool) {
	return foldText(text).locate(quote)
}

// foldedText is a text folded once, to locate many quotes in it.
type foldedText struct {
	runes []rune
	pos   []int
}

func foldText(text string) *foldedText {
	t, pos := foldSpace(text)
	return &foldedText{t, pos}
}

// locate is LocateQuote on the folded text.
func (f *foldedText) locate(quote string) (start, end int, ok bool) {
	q, _ := foldSpace(strings.TrimSpace(quote))
	if len(q) == 0 {
		return 0, 0, false
	}
	i := runeIndex(f.runes, q)
	if i < 0 {
		return 0, 0, false
	}
	return f.pos[i], f.pos[i+len(q)-1] + 1, true
}

// foldSpace returns s as runes with each run of white space replaced by one
// space, and for each rune kept, its code-point offset in s.
func foldSpace(s string) ([]rune, []int) {
	out := make([]rune, 0, len(s))
	pos := make([]int, 0, len(s))
	i := 0
	inSpace := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			if !inSpace {
				out = append(out, ' ')
				pos = append(pos, i)
			}
			inSpace = true
		} else {
			out = append(out, r)
			pos = append(pos, i)
			inSpace = false
		}
		i++
	}
	return out, pos
}

func runeIndex(hay, needle []rune) int {
	n := len(needle)
	for i := 0; i+n <= len(hay); i++ {
		if hay[i] == needle[0] && equalRunes(hay[i:i+n], needle) {
			return i
		}
	}
	return -1
}

func equalRunes(a, b []rune) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// Substring returns the code points [start, end) of s.
func Substring(s string, start, end int) string {
	r := []rune(s)
	if start < 0 || end > len(r) || start > end {
		return ""
	}
	return string(r[start:end])
}
