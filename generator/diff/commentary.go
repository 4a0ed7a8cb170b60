package diff

import (
	"slices"
	"strings"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// excerptContext is how many unchanged words an excerpt shows around a change.
const excerptContext = 4

// compareCommentary reports each commentary whose words changed. Only words
// count: a rewrap or a change of spacing is no change in meaning.
func compareCommentary(oldSide, newSide Side, r *Report) []CommentaryChange {
	old, new := oldSide.Site, newSide.Site
	var out []CommentaryChange
	add := func(kind, id string, o, n []byte) {
		if ex := wordDiff(string(o), string(n)); ex != "" {
			out = append(out, CommentaryChange{Kind: kind, ID: id, Excerpt: ex})
		}
	}
	renamed := map[string]string{} // new id -> old id
	for _, rn := range r.Formats.Renamed {
		renamed[rn.To] = rn.From
	}
	for _, n := range new.Formats {
		o := old.Format(n.ID)
		if o == nil && renamed[n.ID] != "" {
			o = old.Format(renamed[n.ID])
		}
		if o != nil {
			add("format", n.ID, oldSide.Commentary[o.CommentaryPath], newSide.Commentary[n.CommentaryPath])
		}
	}
	for _, n := range new.Lessons {
		if o := old.Lesson(n.ID); o != nil {
			add("lesson", n.ID, oldSide.Commentary[o.CommentaryPath], newSide.Commentary[n.CommentaryPath])
		}
	}
	for _, n := range new.Pages {
		if o := old.Page(n.Slug); o != nil {
			add("page", n.Slug, o.Body, n.Body)
		}
	}
	return out
}

// wordDiff compares two texts word by word with diffmatchpatch (each distinct
// word mapped to one rune, as its line mode does for lines) and returns an
// excerpt of the changes, ~~removed~~ and **added**, with a little context;
// "" when the words are the same.
func wordDiff(old, new string) string {
	ow, nw := strings.Fields(old), strings.Fields(new)
	if slices.Equal(ow, nw) {
		return ""
	}
	dmp := diffmatchpatch.New()
	a, b, words := dmp.DiffLinesToRunes(strings.Join(ow, "\n")+"\n", strings.Join(nw, "\n")+"\n")
	diffs := dmp.DiffCharsToLines(dmp.DiffMainRunes(a, b, false), words)
	var parts []string
	for i, d := range diffs {
		ws := strings.Fields(d.Text)
		switch d.Type {
		case diffmatchpatch.DiffDelete:
			parts = append(parts, "~~"+strings.Join(ws, " ")+"~~")
		case diffmatchpatch.DiffInsert:
			parts = append(parts, "**"+strings.Join(ws, " ")+"**")
		case diffmatchpatch.DiffEqual:
			parts = append(parts, shorten(ws, i == 0, i == len(diffs)-1))
		}
	}
	return strings.TrimSpace(strings.Join(parts, " "))
}

// shorten cuts an unchanged run down to the words next to the changes.
func shorten(ws []string, first, last bool) string {
	n := excerptContext
	switch {
	case first && len(ws) > n:
		return "… " + strings.Join(ws[len(ws)-n:], " ")
	case last && len(ws) > n:
		return strings.Join(ws[:n], " ") + " …"
	case !first && !last && len(ws) > 2*n:
		return strings.Join(ws[:n], " ") + " … " + strings.Join(ws[len(ws)-n:], " ")
	}
	return strings.Join(ws, " ")
}
