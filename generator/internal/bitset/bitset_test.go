package bitset

import "testing"

func TestSet(t *testing.T) {
	a, b := New(130), New(130)
	for _, i := range []int{0, 63, 64, 129} {
		a.Add(i)
	}
	for _, i := range []int{63, 64, 100} {
		b.Add(i)
	}
	if a.Len() != 4 || b.Len() != 3 || Shared(a, b) != 2 || !a.Has(129) || a.Has(100) || len(a) != Words(130) {
		t.Errorf("a=%v (len %d) b=%v (len %d) shared %d", a, a.Len(), b, b.Len(), Shared(a, b))
	}
}
