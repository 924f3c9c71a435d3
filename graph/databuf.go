package graph

import (
	"bytes"
	"sync"
)

// The generated code writes an operation's data, as JSON, into a buffer
// that gqlgen grows from nothing by doubling: a page of 50 claims with
// their citations (about 22 KB) allocated some 64 KB of buffers on the
// way, a fifth of all it allocated, and a garbage collector that must
// mark a large graph on the embedded store pays for every byte. Instead
// the generator (graph/internal/codegen) has it take a buffer from
// dataBuffers, and the POST transport, once it has written the data out,
// gives the buffer back (releaseData). A response written some other way
// leaves its buffer to the garbage collector, as before.
var dataBuffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// The buffers kept: not the tiny ones of short answers, which cost less
// than keeping them, nor the rare huge ones, which would hold memory.
const (
	minPooledData = 4 << 10
	maxPooledData = 1 << 20
)

// dataBuffer returns an empty buffer for an operation's data.
func dataBuffer() *bytes.Buffer {
	b := dataBuffers.Get().(*bytes.Buffer)
	b.Reset()
	return b
}

// releaseData gives back the buffer that holds data, once nothing reads
// data any more.
func releaseData(data []byte) {
	if c := cap(data); c >= minPooledData && c <= maxPooledData {
		dataBuffers.Put(bytes.NewBuffer(data[:0]))
	}
}
