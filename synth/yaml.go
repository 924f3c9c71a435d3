package synth

import (
	"fmt"
	"strconv"
	"strings"
)

// The seed files are written by hand rather than through a YAML library:
// the format is small and fixed, the output must be byte-stable, and at
// scale 1000 the writer emits a quarter of a gigabyte. Every value a
// person wrote (names, titles, quotes) is double-quoted with YAML's
// escapes, so no text can be read back as anything else; IDs, enums,
// dates and numbers are written plain, as in seeds/.

// emitter accumulates one YAML file.
type emitter struct{ b strings.Builder }

// field writes "key: value" at indent, value as a scalar; nothing when
// value is empty.
func (e *emitter) field(indent int, key, value string) {
	if value == "" {
		return
	}
	e.key(indent, key)
	e.b.WriteString(scalar(value))
	e.b.WriteByte('\n')
}

// text writes a field whose value is always quoted: text a person reads.
func (e *emitter) text(indent int, key, value string) {
	if value == "" {
		return
	}
	e.key(indent, key)
	e.b.WriteString(quoted(value))
	e.b.WriteByte('\n')
}

func (e *emitter) number(indent int, key string, n int) {
	e.key(indent, key)
	e.b.WriteString(strconv.Itoa(n))
	e.b.WriteByte('\n')
}

// list writes a flow list of IDs, "key: [a, b]"; nothing when empty.
func (e *emitter) list(indent int, key string, items []string, quote bool) {
	if len(items) == 0 {
		return
	}
	e.key(indent, key)
	e.b.WriteByte('[')
	for i, s := range items {
		if i > 0 {
			e.b.WriteString(", ")
		}
		if quote {
			e.b.WriteString(quoted(s))
		} else {
			e.b.WriteString(scalar(s))
		}
	}
	e.b.WriteString("]\n")
}

// key writes the indentation and key; an indent of -n starts a list
// entry ("- ") at n.
func (e *emitter) key(indent int, key string) {
	if indent < 0 {
		e.b.WriteString(strings.Repeat(" ", -indent))
		e.b.WriteString("- ")
	} else {
		e.b.WriteString(strings.Repeat(" ", indent))
	}
	e.b.WriteString(key)
	e.b.WriteString(": ")
}

// scalar writes an ID, enum, date or number plain when YAML reads it back
// as the same characters, else quoted.
func scalar(s string) string {
	if plain(s) {
		return s
	}
	return quoted(s)
}

// plain accepts the characters of IDs, enums and dates, and rejects the
// words YAML reads as null.
func plain(s string) bool {
	if s == "" || s[0] == '-' || strings.EqualFold(s, "null") {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

// quoted returns s as a YAML double-quoted scalar. Besides the quote and
// backslash, everything YAML does not print, or would read as a line
// break, is escaped.
func quoted(s string) string {
	if !needsEscape(s) {
		return `"` + s + `"`
	}
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\r':
			b.WriteString(`\r`)
		case r < 0x20 || r >= 0x7f && r <= 0x9f || r == 0x2028 || r == 0x2029 || r == 0xfeff || r == 0xfffe || r == 0xffff:
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// needsEscape reports whether quoted must look at s rune by rune: most
// text is plain ASCII with nothing to escape, and is written as it is.
func needsEscape(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c == '"' || c == '\\' || c >= 0x7f {
			return true
		}
	}
	return false
}
