package matrix

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"formatlas/generator/load"
	"formatlas/generator/page/view"
	"formatlas/generator/site"
)

// TestMatrixParts splits 250 formats of two categories into parts of at most
// partSize formats, never mixing categories, in order.
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
	for _, p := range parts(formats) {
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
	if parts := parts(formats[:partSize]); parts != nil {
		t.Errorf("%d formats fit one page, got %d parts", partSize, len(parts))
	}
}

// TestCellSymbolsInStylesheet holds the stylesheet's drawing of each role's
// cell in the matrix (writeCell leaves it to CSS) to the role table: the
// symbol and letter the legend shows, hidden from screen readers.
func TestCellSymbolsInStylesheet(t *testing.T) {
	css, err := os.ReadFile(filepath.Join("..", "..", "..", "static", "style.css"))
	if err != nil {
		t.Fatal(err)
	}
	for _, role := range load.Roles {
		r := view.Role(role)
		sym := []rune(r.Symbol)
		if len(sym) != 1 {
			t.Fatalf("role %s: symbol %q is not one character", role, r.Symbol)
		}
		text := fmt.Sprintf(`"\%x  %s"`, sym[0], r.Short)
		rule := fmt.Sprintf(`table.matrix td.r-%s::before { content: %s; content: %s / ""; }`, role, text, text)
		if !strings.Contains(string(css), rule+"\n") {
			t.Errorf("static/style.css lacks the rule for %s cells:\n%s", role, rule)
		}
	}
	var b strings.Builder
	writeCell(&b, [2]string{"member"}, "countries/fin.html#in-nato")
	if got, want := b.String(), `<td class="r-member"><a href="countries/fin.html#in-nato"><span class="vh">Member</span></a></td>`; got != want {
		t.Errorf("writeCell: got %s, want %s", got, want)
	}
}

// TestTwoRolesInACell: a cell of two roles held at once names both for
// screen readers and shows the second's symbol and letter beside the first.
func TestTwoRolesInACell(t *testing.T) {
	var b strings.Builder
	writeCell(&b, [2]string{"member", "partner"}, "countries/fin.html#in-nato")
	if got, want := b.String(), `<td class="r-member"><a href="countries/fin.html#in-nato"><span class="vh">Member and Partner</span></a><span class="r2" aria-hidden="true">◐ P</span></td>`; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}
