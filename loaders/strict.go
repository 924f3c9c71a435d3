package loaders

import (
	"bytes"
	"fmt"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// The rules of what a seed file may hold as bytes and as YAML, beyond its
// syntax.
const (
	// RuleTooLarge: a seed or text file larger than Options.MaxFileBytes.
	RuleTooLarge = "too-large"
	// RuleControlCharacter: a control character (NUL, ESC, ...) in a
	// value or a stored text, where only tabs and line breaks belong.
	RuleControlCharacter = "control-character"
	// RuleTag: an explicit YAML tag other than the core schema's
	// (!!binary, !!timestamp, !custom): the format has plain values only,
	// and yaml.v3 would quietly drop what a tag means.
	RuleTag = "tag"
)

// DefaultMaxFileBytes is the default of Options.MaxFileBytes: more than a
// hundred times the largest seed file and far above any article, and
// small enough that parsing a file (about 60 bytes of memory per byte of
// YAML, the parser's nodes) costs no more than half a gigabyte.
const DefaultMaxFileBytes = 8 << 20

// Options bound a reading of a seed directory; a zero field takes its
// default. Digest hashes each of them, since each can change what a read
// gives: a new field belongs there too.
type Options struct {
	// MaxFileBytes caps each seed file and stored text.
	MaxFileBytes int64
}

func (o Options) withDefaults() Options {
	if o.MaxFileBytes <= 0 {
		o.MaxFileBytes = DefaultMaxFileBytes
	}
	return o
}

// coreTags are the tags of YAML's core schema, which plain values resolve
// to anyway; any other explicit tag is refused.
var coreTags = map[string]bool{
	"!!str": true, "!!int": true, "!!float": true, "!!bool": true, "!!null": true, "!!seq": true, "!!map": true,
}

// invalidUTF8 returns the 1-based line and the byte of data's first
// invalid UTF-8 sequence, or 0.
func invalidUTF8(data []byte) (line int, b byte) {
	if utf8.Valid(data) {
		// The common case, at the speed of the standard library's scan.
		return 0, 0
	}
	for off := 0; off < len(data); {
		r, size := utf8.DecodeRune(data[off:])
		if r == utf8.RuneError && size <= 1 {
			return 1 + bytes.Count(data[:off], []byte("\n")), data[off]
		}
		off += size
	}
	return 0, 0
}

// controlCharacter returns the first control character of s other than
// tab, line feed and carriage return, and whether there is one: C0
// controls, DEL and the C1 controls.
func controlCharacter(s string) (rune, bool) {
	for _, r := range s {
		switch {
		case r == '\t' || r == '\n' || r == '\r':
		case r < 0x20, r == 0x7f, r >= 0x80 && r <= 0x9f:
			return r, true
		}
	}
	return 0, false
}

// strictness checks a parsed document for what the format does not allow
// although YAML does: explicit tags outside the core schema, and control
// characters in keys and values. Each node is visited once (an alias is
// not followed: its anchor is visited where it is written).
func strictness(file string, doc *yaml.Node) []Error {
	var out []Error
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		if n == nil || n.Kind == yaml.AliasNode {
			return
		}
		if n.Style&yaml.TaggedStyle != 0 && !coreTags[n.Tag] {
			out = append(out, Error{File: file, Line: n.Line, Rule: RuleTag,
				Message: fmt.Sprintf("the YAML tag %s is not part of the seed format: write the value plainly", n.Tag)})
		}
		if n.Kind == yaml.ScalarNode {
			if r, ok := controlCharacter(n.Value); ok {
				out = append(out, Error{File: file, Line: n.Line, Rule: RuleControlCharacter,
					Message: fmt.Sprintf("control character %U in %q: only tabs and line breaks may be written", r, shorten(n.Value))})
			}
		}
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(doc)
	return out
}

// shorten keeps a value short enough to quote in a problem.
func shorten(s string) string {
	const most = 40
	if utf8.RuneCountInString(s) <= most {
		return s
	}
	return string([]rune(s)[:most]) + "…"
}
