package serve

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"formatlas/generator/load"
	"formatlas/generator/render"
	"formatlas/generator/site"
)

// commentaryEdit is a changed commentary of an existing format or lesson.
type commentaryEdit struct {
	path   string // relative to the site directory, slash-separated
	format *site.Format
	lesson *site.Lesson
}

// commentaryEdits says whether every changed file is the commentary of a
// format or lesson that the last good build has, and which. Anything else (a
// record, a template, a new or removed file) needs a full rebuild.
func (s *Server) commentaryEdits(changed []string) ([]commentaryEdit, bool) {
	s.mu.RLock()
	broken := s.problems != ""
	s.mu.RUnlock()
	if broken || s.model == nil || s.session == nil || len(changed) == 0 {
		return nil, false // after a failed build only a full one can tell it is mended
	}
	seen := map[string]bool{}
	var edits []commentaryEdit
	for _, abs := range changed {
		rel, err := filepath.Rel(s.opts.SiteDir, abs)
		if err != nil {
			return nil, false
		}
		rel = filepath.ToSlash(rel)
		if seen[rel] {
			continue
		}
		seen[rel] = true
		if _, err := os.Stat(abs); err != nil {
			return nil, false // removed or renamed
		}
		dir, file := filepath.ToSlash(filepath.Dir(rel)), filepath.Base(rel)
		id, isMD := strings.CutSuffix(file, ".md")
		switch {
		case !isMD:
			return nil, false
		case dir == load.FormatsDir && s.model.Format(id) != nil && s.model.Format(id).CommentaryPath == rel:
			edits = append(edits, commentaryEdit{path: rel, format: s.model.Format(id)})
		case dir == load.LessonsDir && s.model.Lesson(id) != nil && s.model.Lesson(id).CommentaryPath == rel:
			edits = append(edits, commentaryEdit{path: rel, lesson: s.model.Lesson(id)})
		default:
			return nil, false
		}
	}
	return edits, true
}

// applyCommentary re-renders only the pages of the edited commentaries and
// serves them at once, reading only those files; the model is left as it
// was, for the full build that follows (see rebuild). On a problem it
// serves nothing and returns false: the problem may be a false one (a link
// of one edited page to a new heading of another edited at the same time,
// which the last build's link index does not know yet), so only a full
// build can tell.
func (s *Server) applyCommentary(edits []commentaryEdit, fsys fs.FS) bool {
	start := time.Now()
	var pages []render.File
	var problems []string
	for _, e := range edits {
		data, _, err := load.ReadMarkdown(fsys, e.path)
		if err != nil {
			problems = append(problems, err.Error())
			continue
		}
		var page render.File
		if e.format != nil {
			page, err = s.session.FormatPage(e.format, data)
		} else {
			page, err = s.session.LessonPage(e.lesson, data)
		}
		if err != nil {
			problems = append(problems, err.Error())
			continue
		}
		pages = append(pages, page)
	}
	if len(problems) > 0 {
		return false
	}
	s.mu.Lock()
	for _, p := range pages {
		s.files[p.Path] = p.Data
	}
	s.problems = ""
	s.version++
	s.mu.Unlock()
	fmt.Fprintf(s.opts.Log, "formatlas serve: re-rendered %d page(s) in %v\n", len(pages), time.Since(start).Round(time.Microsecond))
	s.clients.send(event{name: "reload"})
	return true
}

// wholeSite are the outputs that hold every commentary: after page-by-page
// edits they are rebuilt when asked for.
var wholeSite = map[string]bool{render.SearchIndexPath: true, render.PrintPath: true,
	render.OfflinePath: true, render.ManifestPath: true}
