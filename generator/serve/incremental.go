package serve

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"
)

// contentEdits says whether every changed file is a record or a commentary
// of a format or lesson that the last good build has (see
// generator.Session.IsRecord), which, as paths of the site directory, and
// whether they are all commentaries. Anything else (site.toml, a template,
// a new or removed file) needs a full rebuild.
func (s *Server) contentEdits(changed []string) (edits []string, commentary, ok bool) {
	s.mu.RLock()
	broken := s.problems != ""
	s.mu.RUnlock()
	if broken || s.session == nil || len(changed) == 0 {
		return nil, false, false // after a failed build only a full one can tell it is mended
	}
	seen := map[string]bool{}
	commentary = true
	for _, abs := range changed {
		rel, err := filepath.Rel(s.opts.SiteDir, abs)
		if err != nil {
			return nil, false, false
		}
		rel = filepath.ToSlash(rel)
		if seen[rel] {
			continue
		}
		seen[rel] = true
		if _, err := os.Stat(abs); err != nil {
			return nil, false, false // removed or renamed
		}
		switch {
		case s.session.IsCommentary(rel):
		case s.session.IsRecord(rel):
			commentary = false
		default:
			return nil, false, false
		}
		edits = append(edits, rel)
	}
	return edits, commentary, true
}

// applyCommentary re-renders only the pages of the edited commentaries and
// serves them at once, reading only those files; the model is left as it
// was, for the full build that follows (see rebuild). On a problem it
// serves nothing and returns false: the problem may be a false one (a link
// of one edited page to a new heading of another edited at the same time,
// which the last build's link index does not know yet), so only a full
// build can tell.
func (s *Server) applyCommentary(edits []string, fsys fs.FS) bool {
	start := time.Now()
	pages, err := s.session.RenderCommentary(fsys, edits)
	if err != nil {
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

// applyEdit makes a draft of the site after an edit of records, and of
// commentaries with them, and serves it: the pages of the edited formats and
// lessons are rendered at once, every other page when it is first asked
// for, from the new model, so that whatever an open page reloads agrees
// with the edit. What only a full build makes (the home page, which states
// the size of the offline archive, the whole-site outputs, the data files)
// waits for the full build that follows (see rebuild). On a problem it
// serves nothing and returns false, for a full build to report it.
func (s *Server) applyEdit(edits []string) bool {
	start := time.Now()
	root, err := os.OpenRoot(s.opts.SiteDir) // kept open for the draft's pages
	if err != nil {
		return false
	}
	draft, err := s.session.Edit(root.FS(), edits)
	if err != nil {
		root.Close()
		return false
	}
	s.mu.Lock()
	old := s.draftRoot
	s.draft, s.draftRoot = draft, root
	s.problems = ""
	s.version++
	s.mu.Unlock()
	if old != nil {
		old.Close()
	}
	fmt.Fprintf(s.opts.Log, "formatlas serve: re-linked the site and rendered the edited page(s) in %v; the others are rendered when asked for\n", time.Since(start).Round(time.Microsecond))
	s.clients.send(event{name: "reload"})
	return true
}
