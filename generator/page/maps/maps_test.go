package maps

import (
	"slices"
	"testing"

	"formatlas/generator/site"
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

// A country is in the first class that takes it: one of the class's roles
// (any, when it names none) in one of its formats.
func TestMapClassFirstWins(t *testing.T) {
	a, b := &site.Format{ID: "a"}, &site.Format{ID: "b"}
	m := site.Map{Classes: []site.MapClass{
		{Label: "members of a", Formats: []*site.Format{a}, Roles: []string{"member"}},
		{Label: "in a or b", Formats: []*site.Format{a, b}},
	}}
	for _, c := range []struct {
		roles map[*site.Format]string
		want  int
	}{
		{map[*site.Format]string{a: "member"}, 0},
		{map[*site.Format]string{a: "partner"}, 1},
		{map[*site.Format]string{b: "observer", a: "member"}, 0},
		{map[*site.Format]string{b: "observer"}, 1},
		{nil, -1},
	} {
		if got := m.Class(c.roles); got != c.want {
			t.Errorf("Class(%v) = %d, want %d", c.roles, got, c.want)
		}
	}
}
