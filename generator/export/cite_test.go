package export

import (
	"strings"
	"testing"

	"formatlas/generator/load"
)

// The citation names its editors, or puts the title in their place, and
// BibTeX's special characters are escaped.
func TestCitation(t *testing.T) {
	day := load.Date{Year: 2026, Month: 12, Day: 1, Prec: load.Day}
	for _, c := range []struct {
		cite      Citation
		text, bib string
	}{
		{Citation{Author: "Atlas & Co", Title: "Atlas & Co", AsOf: day, URL: "https://example.org/"},
			"Atlas & Co. As of 1 December 2026. https://example.org/", `author = {{Atlas \& Co}}`},
		{Citation{Editors: []string{"Jane Doe"}, Title: "100% Atlas", AsOf: day},
			"Jane Doe (ed.). 100% Atlas. As of 1 December 2026.", `editor = {Jane Doe}`},
		{Citation{Editors: []string{"A B", "C D", "E F"}, Title: "Atlas", AsOf: day},
			"A B, C D and E F (eds.). Atlas. As of 1 December 2026.", `editor = {A B and C D and E F}`},
	} {
		if got := c.cite.Text(); got != c.text {
			t.Errorf("Text() = %q, want %q", got, c.text)
		}
		if got := c.cite.BibTeX(); !strings.Contains(got, c.bib) || strings.Contains(got, "url") != (c.cite.URL != "") {
			t.Errorf("BibTeX() = %s, want %s and a url only if there is one", got, c.bib)
		}
	}
	if got := (Citation{Title: "100% Atlas", AsOf: day}).BibTeX(); !strings.Contains(got, `title = {{100\% Atlas}}`) {
		t.Errorf("the title's %% is not escaped: %s", got)
	}
}
