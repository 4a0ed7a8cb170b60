package generator_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"formatlas/generator/load"
	"formatlas/generator/site"
)

// contentSnapshot is what the real content/ says, one fact a line.
var contentSnapshot = filepath.Join(repoRoot, "testdata", "content.golden")

// TestContentPinned pins what the content derives from the paper: the formats
// per category, each format's status, parent, list kind, members by role and
// dated events, each lesson's formats. Dropping or changing a record or a
// member fails it; go test ./generator -run ContentPinned -update accepts a
// deliberate change, which then shows in the diff of testdata/content.golden.
func TestContentPinned(t *testing.T) {
	pin(t, contentSnapshot, "the content", snapshot(linkReal(t)))
}

// linkReal is the real content, loaded and linked.
func linkReal(t *testing.T) *site.Site {
	t.Helper()
	c, err := load.Load(realFS(t))
	if err != nil {
		t.Fatal(err)
	}
	s, err := site.Link(c)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// pin compares got, which describes what, with the golden file golden, or
// with -update writes it there.
func pin(t *testing.T, golden, what, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("%s changed (run with -update if that is meant):\n%s", what, lineDiff(string(want), got))
	}
}

// paperView is the golden file of the paper's view: what each format's
// members held on the date of the paper, 16 February 2021.
var paperView = filepath.Join(repoRoot, "testdata", "paper-2021-02-16.golden")

// TestPaperViewPinned pins the paper's view of the real content: the roles
// each format's members held on 16 February 2021, as the spans tell ("?"
// when the start is not dated to that day). The content's later changes are
// dated episodes, so this view changes only by a deliberate correction; go
// test ./generator -run PaperView -update accepts one.
func TestPaperViewPinned(t *testing.T) {
	s := linkReal(t)
	d := mustDate(t, "2021-02-16")
	if !slices.ContainsFunc(s.Snapshots, func(sn site.Snapshot) bool { return sn.Date == d }) && s.AsOf != d {
		t.Errorf("the content neither describes %s nor has a snapshot of it", d)
	}
	var b strings.Builder
	held := s.HeldOn(d)
	for _, f := range s.Formats {
		hs := held[f]
		if !f.ExistsAt(d) {
			continue
		}
		fmt.Fprintf(&b, "format %s status=%s name=%q\n", f.ID, f.StatusAt(d), f.NameAt(d))
		for _, role := range s.RoleIDs() {
			var codes []string
			for _, h := range hs {
				if h.Role == role {
					code := h.Country.Code
					if h.Uncertain {
						code += "?"
					}
					codes = append(codes, code)
				}
			}
			if len(codes) > 0 {
				slices.Sort(codes)
				fmt.Fprintf(&b, "  %s (%d): %s\n", role, len(codes), strings.Join(codes, " "))
			}
		}
	}
	pin(t, paperView, "the paper's view", b.String())
}

func snapshot(s *site.Site) string {
	var b strings.Builder
	for _, cat := range s.Categories {
		var ids []string
		for _, f := range s.Formats {
			if f.Category == cat.ID {
				ids = append(ids, f.ID)
			}
		}
		fmt.Fprintf(&b, "category %s: %s\n", cat.ID, strings.Join(ids, " "))
	}
	for _, f := range s.Formats {
		parent := "-"
		if f.Parent != nil {
			parent = f.Parent.ID
		}
		fmt.Fprintf(&b, "\nformat %s %q status=%s parent=%s founded=%s list=%s\n", f.ID, f.Name, f.Status, parent, f.Founded, f.MemberList)
		for _, role := range s.RoleIDs() {
			var codes []string
			for _, m := range f.Members {
				if m.Role == role {
					codes = append(codes, m.Country.Code)
				}
			}
			if len(codes) > 0 {
				slices.Sort(codes)
				fmt.Fprintf(&b, "  %s (%d): %s\n", role, len(codes), strings.Join(codes, " "))
			}
		}
		for _, e := range f.Events {
			country := ""
			if e.Country != nil {
				country = " " + e.Country.Code
			}
			fmt.Fprintf(&b, "  event %s %s%s [%s]\n", e.Date, e.Change, country, citation(e.Source))
		}
		var cites []string
		for _, c := range f.Sources {
			cites = append(cites, citation(c))
		}
		fmt.Fprintf(&b, "  sources: %s\n", strings.Join(cites, " "))
	}
	b.WriteString("\n")
	for _, l := range s.Lessons {
		var formats []string
		for _, e := range l.Evidence {
			formats = append(formats, e.Format.ID)
		}
		fmt.Fprintf(&b, "lesson %s %s: %s\n", l.ID, l.Kind, strings.Join(formats, " "))
	}
	var codes []string
	for _, c := range s.Countries {
		codes = append(codes, c.Code)
	}
	fmt.Fprintf(&b, "\ncountries (%d): %s\n", len(codes), strings.Join(codes, " "))
	var sources []string
	for _, src := range s.Sources {
		sources = append(sources, src.ID)
	}
	fmt.Fprintf(&b, "sources (%d): %s\n", len(sources), strings.Join(sources, " "))
	return b.String()
}

func citation(c site.Citation) string {
	if c.Source == nil {
		return "-"
	}
	if c.Locator == "" {
		return c.Source.ID
	}
	return c.Source.ID + "#" + c.Locator
}
