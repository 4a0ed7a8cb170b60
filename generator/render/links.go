package render

import (
	"fmt"

	"formatlas/generator/diag"
	"formatlas/generator/linkcheck"
	"formatlas/generator/page"
	"formatlas/generator/page/view"
)

// checkLinks checks every internal href and src of the output: the files at
// paths, with the ids and links scanned of each. A broken link that some
// page's Markdown wrote is reported where the Markdown wrote it; any other
// came from the page's template.
func checkLinks(base string, paths []string, scanned []linkcheck.Page, pages []page.Page) diag.List {
	byPath := map[string]*page.Page{}
	for i := range pages {
		byPath[pages[i].Path] = &pages[i]
	}
	var errs, printed diag.List
	for _, prob := range linkcheck.CheckPages(base, paths, scanned) {
		pg := byPath[prob.Page]
		switch {
		case pg == nil:
			errs.Add(diag.Position{Path: "static/" + prob.Page}, "link %q: %s", prob.Link, prob.Msg)
		case prob.Page == view.PrintPath:
			printed = append(printed, placeProblem(prob, pg)...)
		default:
			errs = append(errs, placeProblem(prob, pg)...)
		}
	}
	return append(errs, onceEach(printed, errs)...)
}

// onceEach is the problems of the print edition but those of a Markdown
// link that is broken on its own page too: one mistake, reported once.
func onceEach(printed, pages diag.List) diag.List {
	seen := map[diag.Position]bool{}
	for _, e := range pages {
		seen[e.Pos] = e.Pos.Line > 0
	}
	var out diag.List
	for _, e := range printed {
		if !seen[e.Pos] {
			out = append(out, e)
		}
	}
	return out
}

// placeProblem reports a broken link where the page's Markdown wrote it, or
// else at the page's template.
// Every link of the Markdown with that href is reported: each is broken.
func placeProblem(prob linkcheck.Problem, pg *page.Page) diag.List {
	var errs diag.List
	for _, l := range pg.Links {
		if l.Href == prob.Link && prob.Link != "" {
			errs.Add(l.Pos, "link %s: %s", l.Dest, prob.Msg)
		}
	}
	if len(errs) > 0 {
		return errs
	}
	pos := diag.Position{Path: "templates/" + pg.Template + ".html"}
	if prob.Link == "" {
		return diag.List{{Pos: pos, Msg: fmt.Sprintf("on %s, %s", prob.Page, prob.Msg)}}
	}
	return diag.List{{Pos: pos, Msg: fmt.Sprintf("on %s, link %q: %s", prob.Page, prob.Link, prob.Msg)}}
}
