package maps

import (
	"slices"
	"testing"
)

// The choropleth's classes are the counts' quintiles, each class an upper
// bound, none twice.
func TestClasses(t *testing.T) {
	for _, c := range []struct{ counts, want []int }{
		{[]int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, []int{2, 4, 6, 8, 10}},
		{[]int{3, 3, 3}, []int{3}},
		{[]int{1, 1, 1, 1, 9}, []int{1, 9}},
		{nil, nil},
	} {
		if got := classes(c.counts); !slices.Equal(got, c.want) {
			t.Errorf("classes(%v) = %v, want %v", c.counts, got, c.want)
		}
	}
}
