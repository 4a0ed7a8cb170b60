package render

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var (
	attrValueRE = regexp.MustCompile(`\b(href|src|id)="((?:\{\{.*?\}\}|[^"{])*)"`)
	actionsRE   = regexp.MustCompile(`^(\{\{[^}]*\}\})+$`)
	fragmentRE  = regexp.MustCompile(`^#[a-z][a-z0-9-]*$`)
)

// TestTemplatesSpellNoPaths holds the default theme to one source of truth
// for paths and anchors: a link's href or src is made of template actions
// only (the views carry every path), or is a fixed #fragment of the same
// page, and an id is either fixed or wholly given by the view, never a
// prefix spelled in the template around a value ("c-{{.Code}}").
func TestTemplatesSpellNoPaths(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "..", "templates", "*.html"))
	if err != nil {
		t.Fatal(err)
	}
	partials, _ := filepath.Glob(filepath.Join("..", "..", "templates", "partials", "*.html"))
	files = append(files, partials...)
	if len(files) < 20 {
		t.Fatalf("%d template files", len(files))
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range attrValueRE.FindAllStringSubmatch(string(data), -1) {
			attr, v := m[1], m[2]
			switch {
			case actionsRE.MatchString(v):
			case attr == "id" && !strings.Contains(v, "{{"):
			case attr != "id" && fragmentRE.MatchString(v):
			default:
				t.Errorf("%s: %s=%q spells a path or an anchor; let the view carry it", filepath.Base(f), attr, v)
			}
		}
	}
}
