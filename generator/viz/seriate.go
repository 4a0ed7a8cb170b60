// Package viz draws the site's pictures: pure functions from plain data to
// SVG (no fonts to fetch, a title and description for screen readers) and the
// orders they are drawn in. It knows nothing of the model or of HTML pages.
package viz

import (
	"formatlas/generator/internal/bitset"
)

// Set is a set of small integers (countries, or formats).
type Set = bitset.Set

// NewSet makes a set that can hold 0..n-1.
func NewSet(n int) Set { return bitset.New(n) }

// Shared is the number of members two sets have in common.
func Shared(a, b Set) int { return bitset.Shared(a, b) }

// Jaccard is 1 - |a∩b|/|a∪b|: 0 for equal sets, 1 for disjoint ones (and for
// two empty sets, which share nothing to cluster on).
func Jaccard(a, b Set) float64 {
	inter := Shared(a, b)
	union := a.Len() + b.Len() - inter
	if union == 0 {
		return 1
	}
	return 1 - float64(inter)/float64(union)
}

// PathLength is the summed distance between neighbours in order.
func PathLength(sets []Set, order []int) float64 {
	total := 0.0
	for i := 1; i < len(order); i++ {
		total += Jaccard(sets[order[i-1]], sets[order[i]])
	}
	return total
}

// Seriate orders sets so that similar ones are neighbours, after Bertin's
// reorderable matrix and the R seriation package: a nearest-neighbour path
// under Jaccard distance, from every start, keeping the shortest, then
// improved by 2-opt until no reversal shortens it. Ties go to the lower
// index, so the order is deterministic.
func Seriate(sets []Set) []int {
	n := len(sets)
	if n < 3 {
		return identity(n)
	}
	dist := make([][]float64, n)
	for i := range dist {
		dist[i] = make([]float64, n)
		for j := range dist[i] {
			dist[i][j] = Jaccard(sets[i], sets[j])
		}
	}
	var best []int
	bestLen := 0.0
	for start := range n {
		path := nearestNeighbour(dist, start)
		if l := length(dist, path); best == nil || l < bestLen-1e-12 {
			best, bestLen = path, l
		}
	}
	twoOpt(dist, best)
	return best
}

func identity(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i
	}
	return out
}

func nearestNeighbour(dist [][]float64, start int) []int {
	n := len(dist)
	used := make([]bool, n)
	path := []int{start}
	used[start] = true
	for len(path) < n {
		last, next := path[len(path)-1], -1
		for j := range n {
			if !used[j] && (next < 0 || dist[last][j] < dist[last][next]-1e-12) {
				next = j
			}
		}
		used[next] = true
		path = append(path, next)
	}
	return path
}

func length(dist [][]float64, path []int) float64 {
	l := 0.0
	for i := 1; i < len(path); i++ {
		l += dist[path[i-1]][path[i]]
	}
	return l
}

// twoOpt reverses stretches of the open path while that shortens it.
func twoOpt(dist [][]float64, path []int) {
	n := len(path)
	for improved := true; improved; {
		improved = false
		for i := 0; i < n-1; i++ {
			for j := i + 1; j < n; j++ {
				// reversing path[i..j] changes the edges (i-1,i) and (j,j+1)
				before, after := 0.0, 0.0
				if i > 0 {
					before += dist[path[i-1]][path[i]]
					after += dist[path[i-1]][path[j]]
				}
				if j < n-1 {
					before += dist[path[j]][path[j+1]]
					after += dist[path[i]][path[j+1]]
				}
				if after < before-1e-12 {
					for a, b := i, j; a < b; a, b = a+1, b-1 {
						path[a], path[b] = path[b], path[a]
					}
					improved = true
				}
			}
		}
	}
}
