package generator_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"formatlas/generator"
)

// TestSiteVocabulary: a site that declares its own categories gets their
// labels, descriptions and order on its pages, its UpSet plots one per
// category when it declares no groups, and none of the built-in labels; its
// own roles, one not among the defaults, get their labels, counts and the
// matrix's symbols and letters.
func TestSiteVocabulary(t *testing.T) {
	fsys := contentFS(t, "site-small")
	site := fsys["content/site.toml"]
	fsys["content/site.toml"] = &fstest.MapFile{Data: append(site.Data, []byte(`
[[category]]
id = "eu"
label = "Unions"
description = "Unions of states with common institutions."

[[category]]
id = "alliance"
label = "Treaty alliances"
description = "Mutual defence treaties."

[[category]]
id = "flexible"
label = "Coalitions"
description = "Groups of the willing."

[[category]]
id = "minilateral"
label = "Small groupings"
description = "A few states at a time."

[[role]]
id = "lead"
label = "Framework nation"

[[role]]
id = "member"
label = "Member"
symbol = "●"

[[role]]
id = "associate"
label = "Associate"
plural = "associated states"

[[role]]
id = "aspirant"
label = "Aspirant"
`)...)}
	nb := fsys["content/formats/nb.toml"]
	fsys["content/formats/nb.toml"] = &fstest.MapFile{Data: []byte(strings.Replace(string(nb.Data), "observer = ", "associate = ", 1))}
	out := filepath.Join(t.TempDir(), "public")
	if _, err := generator.Build(fsys, out, generator.Options{}); err != nil {
		t.Fatal(err)
	}
	read := func(p string) string {
		b, err := os.ReadFile(filepath.Join(out, p))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	formats := read("formats/index.html")
	for _, want := range []string{"Treaty alliances", "Mutual defence treaties.", "Coalitions", "Small groupings"} {
		if !strings.Contains(formats, want) {
			t.Errorf("formats/index.html lacks %q", want)
		}
	}
	if u, a := strings.Index(formats, "Unions"), strings.Index(formats, "Treaty alliances"); u < 0 || a < 0 || u > a {
		t.Errorf("the categories are not in the declared order: Unions at %d, Treaty alliances at %d", u, a)
	}
	nbPage := read("formats/nb.html")
	if !strings.Contains(nbPage, "(3; 1 associate)") || !strings.Contains(nbPage, "Associate <span") {
		t.Errorf("formats/nb.html does not show the declared role:\n%s", nbPage)
	}
	if !strings.Contains(read("formats/jef.html"), "Framework nation") {
		t.Error("the lead role's declared label is not shown")
	}
	css, _ := filepath.Glob(filepath.Join(out, "assets", "roles.*.css"))
	if len(css) != 1 {
		t.Fatalf("assets/roles.*.css: %v", css)
	}
	rules, _ := os.ReadFile(css[0])
	// lead and associate get the first spare symbols, ◆ and ■; the letter is the label's first
	if !strings.Contains(string(rules), `td.r-lead::before { content: "\25c6  F"`) || !strings.Contains(string(rules), `td.r-associate::before { content: "\25a0  A"`) ||
		strings.Contains(string(rules), "r-observer") {
		t.Errorf("the roles' stylesheet does not follow the declared roles:\n%s", rules)
	}
	if upset := read("upset.html"); !strings.Contains(upset, "Coalitions") || !strings.Contains(upset, "Small groupings") || strings.Contains(upset, "Flexible and minilateral formats") {
		t.Error("upset.html does not picture the declared categories one by one")
	}
	err := filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		b, _ := os.ReadFile(p)
		for _, builtIn := range []string{"Flexible formats within NATO", "Minilateral formats", "Collective defence organisations."} {
			if strings.Contains(string(b), builtIn) {
				t.Errorf("%s holds the built-in label %q", p, builtIn)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
