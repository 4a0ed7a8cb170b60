package serve

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"
)

// commentaryEdits says whether every changed file is the commentary of a
// format or lesson that the last good build has, and which, as paths of the
// site directory. Anything else (a record, a template, a new or removed
// file) needs a full rebuild.
func (s *Server) commentaryEdits(changed []string) ([]string, bool) {
	s.mu.RLock()
	broken := s.problems != ""
	s.mu.RUnlock()
	if broken || s.session == nil || len(changed) == 0 {
		return nil, false // after a failed build only a full one can tell it is mended
	}
	seen := map[string]bool{}
	var edits []string
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
		if !s.session.IsCommentary(rel) {
			return nil, false
		}
		edits = append(edits, rel)
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
