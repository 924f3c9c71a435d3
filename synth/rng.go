package synth

// rng is splitmix64: a tiny generator whose every output is fixed by its
// seed. The standard library's generators are deterministic too, but the
// algorithms behind their helper methods may change between Go releases,
// and a set must come out byte for byte the same wherever it is made.
type rng struct{ state uint64 }

// newRNG derives an independent stream from the set's seed and a stream
// number (a replica, an article), so that each part of a set can be made
// alone and in any order.
func newRNG(seed int64, stream uint64) *rng {
	r := &rng{state: uint64(seed) ^ 0x9e3779b97f4a7c15*(stream+1)}
	r.next()
	return r
}

func (r *rng) next() uint64 {
	r.state += 0x9e3779b97f4a7c15
	z := r.state
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// intn returns a number in [0, n); n must be positive. The modulo bias is
// below 2^-40 for the small n used here.
func (r *rng) intn(n int) int { return int(r.next() % uint64(n)) }

// between returns a number in [lo, hi].
func (r *rng) between(lo, hi int) int { return lo + r.intn(hi-lo+1) }

// chance is true with probability pct/100.
func (r *rng) chance(pct int) bool { return r.intn(100) < pct }

// pick returns one element of xs.
func pick[T any](r *rng, xs []T) T { return xs[r.intn(len(xs))] }

// sample returns k distinct elements of xs in a random order (all of them
// when k >= len(xs)).
func sample[T any](r *rng, xs []T, k int) []T {
	idx := make([]int, len(xs))
	for i := range idx {
		idx[i] = i
	}
	if k > len(xs) {
		k = len(xs)
	}
	out := make([]T, k)
	for i := 0; i < k; i++ {
		j := i + r.intn(len(idx)-i)
		idx[i], idx[j] = idx[j], idx[i]
		out[i] = xs[idx[i]]
	}
	return out
}
