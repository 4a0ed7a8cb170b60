package generator_test

import (
	"bytes"
	"testing"

	"formatlas/generator"
)

// TestSessionPagesEqualBuild re-renders every commentary's page of the real
// site page by page, as serve does after an edit, and holds each equal to
// the page of the whole build.
func TestSessionPagesEqualBuild(t *testing.T) {
	fsys := realFS(t)
	s, err := generator.NewSession(fsys, generator.Options{})
	if err != nil {
		t.Fatal(err)
	}
	built := map[string][]byte{}
	for _, f := range s.Files {
		built[f.Path] = f.Data
	}
	var paths []string
	for _, f := range s.Site.Formats {
		if f.CommentaryPath != "" {
			paths = append(paths, f.CommentaryPath)
		}
	}
	for _, l := range s.Site.Lessons {
		if l.CommentaryPath != "" {
			paths = append(paths, l.CommentaryPath)
		}
	}
	if len(paths) < 20 {
		t.Fatalf("only %d commentaries", len(paths))
	}
	pages, err := s.RenderCommentary(fsys, paths)
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) != len(paths) {
		t.Fatalf("%d pages for %d commentaries", len(pages), len(paths))
	}
	for _, p := range pages {
		if !bytes.Equal(p.Data, built[p.Path]) {
			t.Errorf("%s re-rendered differs from the build's", p.Path)
		}
	}
	if _, err := s.RenderCommentary(fsys, []string{"content/formats/jef.toml"}); err == nil {
		t.Error("a record taken for a commentary")
	}
}
