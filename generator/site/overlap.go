package site

import (
	"math/bits"
	"slices"
	"strings"

	"formatlas/generator/internal/bitset"
	"formatlas/generator/internal/par"
)

// MaxShared is how many overlapping formats each format lists.
const MaxShared = 5

// computeOverlaps fills Format.Shared: for each format, the MaxShared formats
// sharing most members. Member sets are bitsets over countries, so each pair
// costs a few word ANDs and the whole pass is O(F² · C/64) — about 10⁸ word
// operations at 10,000 formats by 60 countries — spread over every core.
func computeOverlaps(formats []*Format, nCountries int, index map[*Country]int) {
	words := bitset.Words(nCountries)
	sets := make([]bitset.Set, len(formats))
	sizes := make([]int, len(formats))
	backing := make(bitset.Set, words*len(formats))
	for i, f := range formats {
		sets[i] = backing[i*words : (i+1)*words]
		for _, m := range f.Members {
			sets[i].Add(index[m.Country])
		}
		sizes[i] = len(f.Members)
	}
	par.Do(len(formats), func(i int) {
		if sizes[i] == 0 {
			return
		}
		var top []Overlap
		// Once top is full, a format sharing fewer members than its last
		// cannot enter: most pairs stop at that comparison.
		floor := 1
		for j := range formats {
			var n int
			if words == 1 { // up to 64 countries: one word a set, read in turn
				n = bits.OnesCount64(backing[i] & backing[j])
			} else {
				n = bitset.Shared(sets[i], sets[j])
			}
			if n < floor || j == i { // an empty set shares nothing
				continue
			}
			o := Overlap{Format: formats[j], Shared: n, Jaccard: float64(n) / float64(sizes[i]+sizes[j]-n)}
			if top = insertTop(top, o); len(top) == MaxShared {
				floor = top[MaxShared-1].Shared
			}
		}
		formats[i].Shared = top
	})
}

// insertTop keeps top sorted best first and at most MaxShared long.
func insertTop(top []Overlap, o Overlap) []Overlap {
	if len(top) == MaxShared && !better(o, top[MaxShared-1]) {
		return top
	}
	i, _ := slices.BinarySearchFunc(top, o, func(a, b Overlap) int {
		if better(a, b) {
			return -1
		}
		return 1
	})
	top = slices.Insert(top, i, o)
	if len(top) > MaxShared {
		top = top[:MaxShared]
	}
	return top
}

// better orders overlaps: more shared members, then higher Jaccard index (a
// closer match in size), then id, so the ranking is total and deterministic.
func better(a, b Overlap) bool {
	if a.Shared != b.Shared {
		return a.Shared > b.Shared
	}
	if a.Jaccard != b.Jaccard {
		return a.Jaccard > b.Jaccard
	}
	return strings.Compare(a.Format.ID, b.Format.ID) < 0
}
