package matrix

import (
	"fmt"
	"strings"
	"testing"

	"formatlas/generator/load"
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

// TestCell: a cell names its role for screen readers, in a link to the
// membership's row; the symbol and letter are left to the roles' stylesheet.
func TestCell(t *testing.T) {
	var b strings.Builder
	writeCell(&b, cellRoles(&site.Site{Roles: load.DefaultRoles}), [2]string{"member"}, "countries/fin.html#in-nato")
	if got, want := b.String(), `<td class="r-member"><a href="countries/fin.html#in-nato"><span class="vh">Member</span></a></td>`; got != want {
		t.Errorf("writeCell: got %s, want %s", got, want)
	}
	// a site's own role, whose label needs escaping
	b.Reset()
	roles := cellRoles(&site.Site{Roles: []load.Role{{ID: "assoc", Label: "Associate <& partner>", Symbol: "◆", Letter: "A"}}})
	writeCell(&b, roles, [2]string{"assoc"}, "x.html#in-y")
	if got, want := b.String(), `<td class="r-assoc"><a href="x.html#in-y"><span class="vh">Associate &lt;&amp; partner&gt;</span></a></td>`; got != want {
		t.Errorf("writeCell of a declared role: got %s, want %s", got, want)
	}
}

// TestTwoRolesInACell: a cell of two roles held at once names both for
// screen readers and shows the second's symbol and letter beside the first.
func TestTwoRolesInACell(t *testing.T) {
	var b strings.Builder
	writeCell(&b, cellRoles(&site.Site{Roles: load.DefaultRoles}), [2]string{"member", "partner"}, "countries/fin.html#in-nato")
	if got, want := b.String(), `<td class="r-member" data-role2="partner"><a href="countries/fin.html#in-nato"><span class="vh">Member and Partner</span></a><span class="r2" aria-hidden="true">◐ P</span></td>`; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}
