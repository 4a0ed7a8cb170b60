package diff

import (
	"context"
	"encoding/json"
	"os"
	"strings"
	"testing"
)

// repoRoot is the repository, whose templates/ and static/ the fixture
// content is built with.
const repoRoot = "../.."

const fixture = repoRoot + "/testdata/site-small"

// TestLoadThemed builds a content-only directory with the embedded theme,
// needing no other; a site whose own templates fail builds with the theme
// given, and fails without one.
func TestLoadThemed(t *testing.T) {
	s, themed, err := Load(context.Background(), repoRoot, fixture, nil)
	if err != nil || themed || len(s.Files) == 0 {
		t.Fatalf("Load of content only: themed %v, %d files, error %v", themed, len(s.Files), err)
	}
	broken := t.TempDir()
	if err := os.CopyFS(broken, os.DirFS(fixture)); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(broken+"/templates", 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(broken+"/templates/base.html", []byte(`{{template "nosuch" .}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if s, themed, err := Load(context.Background(), repoRoot, broken, os.DirFS(repoRoot)); err != nil || !themed || len(s.Files) == 0 {
		t.Errorf("Load of a broken theme, with a theme given: themed %v, %d files, error %v", themed, len(s.Files), err)
	}
	_, _, err = Load(context.Background(), repoRoot, broken, nil)
	if want := broken + " does not build:\n"; err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("Load of a broken theme, without a theme: %v, want %q first", err, want)
	}
}

// TestJSONNoChange holds that a report with nothing in it writes every list
// as [], never null.
func TestJSONNoChange(t *testing.T) {
	s, _, err := Load(context.Background(), repoRoot, fixture, os.DirFS(repoRoot))
	if err != nil {
		t.Fatal(err)
	}
	for name, r := range map[string]*Report{"Compare(s, s)": Compare(s, s), "Report{}": {}} {
		js, err := json.MarshalIndent(r, "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(js), "null") || !strings.Contains(string(js), `"broken_urls": []`) {
			t.Errorf("%s: the JSON holds null or lacks []:\n%s", name, js)
		}
	}
}
