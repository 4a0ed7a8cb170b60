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

// TestLoadThemed builds a content-only directory with the theme, and fails
// without one.
func TestLoadThemed(t *testing.T) {
	s, themed, err := Load(context.Background(), repoRoot, fixture, os.DirFS(repoRoot))
	if err != nil || !themed || len(s.Files) == 0 {
		t.Fatalf("Load with a theme: themed %v, %d files, error %v", themed, len(s.Files), err)
	}
	_, _, err = Load(context.Background(), repoRoot, fixture, nil)
	if want := fixture + " does not build:\n"; err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("Load without a theme: %v, want %q first", err, want)
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
