package memory

import "sync/atomic"

// work counts the items reads look at: every item a read filters, scores,
// walks or copies, though not the probes of a binary search or a map
// lookup. It is how the tests show that what a read does depends on its
// answer and not on the size of the data, which timings cannot show
// reliably. A store in use has none (nil), and counting costs it a nil
// check.
type work struct{ n atomic.Int64 }

// add counts n items looked at.
func (w *work) add(n int) {
	if w != nil {
		w.n.Add(int64(n))
	}
}

// count returns the items counted so far.
func (w *work) count() int64 {
	if w == nil {
		return 0
	}
	return w.n.Load()
}
