package render

import (
	"fmt"
	"strings"
	"testing"

	"formatlas/generator/site"
)

// TestMatrixParts splits 250 formats of two categories into parts of at most
// matrixPartSize formats, never mixing categories, in order.
func TestMatrixParts(t *testing.T) {
	var formats []*site.Format
	for i := range 250 {
		cat := "flexible"
		if i >= 130 {
			cat = "minilateral"
		}
		formats = append(formats, &site.Format{ID: fmt.Sprintf("f%03d", i), Category: cat})
	}
	var got []string
	seen := 0
	for _, p := range matrixParts(formats) {
		got = append(got, fmt.Sprintf("%s %s %d", p.path, p.label, len(p.formats)))
		for _, f := range p.formats {
			if f != formats[seen] || f.Category != p.category {
				t.Fatalf("%s holds %s out of order or of another category", p.path, f.ID)
			}
			seen++
		}
	}
	want := []string{
		"matrix/flexible-1.html 1–100 100",
		"matrix/flexible-2.html 101–130 30",
		"matrix/minilateral-1.html 1–100 100",
		"matrix/minilateral-2.html 101–120 20",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") || seen != len(formats) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if parts := matrixParts(formats[:matrixPartSize]); parts != nil {
		t.Errorf("%d formats fit one page, got %d parts", matrixPartSize, len(parts))
	}
}
