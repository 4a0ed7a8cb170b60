// Package bitset is a set of small integers, such as the countries of a
// format, as bits: counting what two sets share costs a few word ANDs. The
// linker ranks overlaps with it and the pictures cluster and draw with it.
package bitset

import "math/bits"

// Set is a set of small integers.
type Set []uint64

// New makes a set that can hold 0..n-1.
func New(n int) Set { return make(Set, Words(n)) }

// Words is how many words a set of 0..n-1 takes, for carving many sets from
// one allocation.
func Words(n int) int { return (n + 63) / 64 }

// Add puts i in the set.
func (s Set) Add(i int) { s[i/64] |= 1 << (i % 64) }

// Has reports whether i is in the set.
func (s Set) Has(i int) bool { return s[i/64]&(1<<(i%64)) != 0 }

// Len is the number of members.
func (s Set) Len() int {
	n := 0
	for _, w := range s {
		n += bits.OnesCount64(w)
	}
	return n
}

// Shared is the number of members two sets of one size have in common.
func Shared(a, b Set) int {
	n := 0
	for i := range a {
		n += bits.OnesCount64(a[i] & b[i])
	}
	return n
}
