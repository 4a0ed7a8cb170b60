package render

import (
	"strings"
	"testing"

	"formatlas/generator/load"
	"formatlas/generator/site"
)

// TestRolesCSS: the roles' stylesheet draws each role's symbol and letter,
// as CSS escapes, hidden from screen readers; the built-in roles' rules are
// those the theme's stylesheet had, and a declared role's text cannot end
// its rule.
func TestRolesCSS(t *testing.T) {
	css := string(rolesCSS(&site.Site{Roles: load.DefaultRoles}))
	for _, rule := range []string{
		`table.matrix td.r-lead::before { content: "\2605  L"; content: "\2605  L" / ""; }`,
		`table.matrix td.r-partner::before { content: "\25d0  P"; content: "\25d0  P" / ""; }`,
		`table.matrix td.r-aspirant::before { content: "\25b3  A"; content: "\25b3  A" / ""; }`,
	} {
		if !strings.Contains(css, rule+"\n") {
			t.Errorf("the roles' stylesheet lacks\n%s\nin\n%s", rule, css)
		}
	}
	if n := strings.Count(css, "::before"); n != len(load.DefaultRoles) {
		t.Errorf("%d rules for %d roles", n, len(load.DefaultRoles))
	}
	declared := string(rolesCSS(&site.Site{Roles: []load.Role{{ID: "assoc", Symbol: `"`, Letter: "}"}, {ID: "Bad Id", Symbol: "x", Letter: "y"}}}))
	if want := `table.matrix td.r-assoc::before { content: "\22  \7d "; content: "\22  \7d " / ""; }`; !strings.Contains(declared, want) {
		t.Errorf("a declared role: %s, want %s", declared, want)
	}
	if strings.Contains(declared, "Bad Id") {
		t.Error("a role whose id is no slug got a selector")
	}
}
