package graph

import (
	"bytes"
	"testing"

	"github.com/99designs/gqlgen/graphql"
)

// TestWriteStringWritesWhatGQLGenWrites compares writeString with
// gqlgen's string marshaller on every ASCII byte, multi-byte and invalid
// UTF-8, and the quotes and dashes of the seeds' texts.
func TestWriteStringWritesWhatGQLGenWrites(t *testing.T) {
	var ascii []byte
	for c := range 0x80 {
		ascii = append(ascii, byte(c))
	}
	for _, s := range []string{
		"", "plain", string(ascii), "\"quoted\" and \\escaped\\", "tab\there\r\nnew line",
		"Зеленський — «мирний план»", "emoji 🕊️ and é", "invalid \xff\xfe bytes \xc3", "\x00\x1f\x7f",
	} {
		var want, got bytes.Buffer
		graphql.MarshalString(s).MarshalGQL(&want)
		writeString(&got, s)
		if got.String() != want.String() {
			t.Errorf("writeString(%q) = %s, gqlgen writes %s", s, got.String(), want.String())
		}
	}
}
