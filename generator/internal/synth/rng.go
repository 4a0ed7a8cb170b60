package synth

// splitMix64 is the one random stream gen.py draws everything from. Its
// methods mirror SplitMix64 in gen.py draw for draw: any extra or missing call
// shifts every later value, so callers must keep gen.py's order of draws.
type splitMix64 struct{ s uint64 }

// next returns the next 64-bit value (gen.py's next_u64). Go's uint64
// arithmetic wraps, which is what gen.py's "& MASK" emulates.
func (r *splitMix64) next() uint64 {
	r.s += 0x9E3779B97F4A7C15
	z := r.s
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9
	z = (z ^ (z >> 27)) * 0x94D049BB133111EB
	return z ^ (z >> 31)
}

// randint returns lo + next() % (hi-lo+1), inclusive of both ends. Python's %
// on non-negative ints equals Go's on uint64, so for hi >= lo the values
// agree; hi < lo is an error in gen.py too (a zero or negative modulus).
func (r *splitMix64) randint(lo, hi int) int {
	if hi < lo {
		panic("synth: randint with empty range")
	}
	return lo + int(r.next()%uint64(hi-lo+1))
}

// choice returns a uniformly drawn element of seq (one draw).
func choice[T any](r *splitMix64, seq []T) T {
	return seq[r.randint(0, len(seq)-1)]
}

// sample returns k elements of seq by a partial Fisher-Yates shuffle of a copy
// (k draws), exactly as gen.py's SplitMix64.sample; seq is left unchanged.
func sample[T any](r *splitMix64, seq []T, k int) []T {
	a := append([]T(nil), seq...)
	for i := range k {
		j := r.randint(i, len(a)-1)
		a[i], a[j] = a[j], a[i]
	}
	return a[:k]
}
