package serve

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/fsnotify/fsnotify"

	"formatlas/generator"
)

// watchedDirs are the parts of a site directory a rebuild depends on.
var watchedDirs = []string{"content", "templates", "static"}

// watch rebuilds after changes under watchedDirs, once the files have been
// quiet for the debounce time, so one editor save is one rebuild. New
// directories are watched as they appear. It closes watching once the
// watches are in place.
func (s *Server) watch(ctx context.Context, watching chan<- struct{}) error {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return err
	}
	defer w.Close()
	for _, d := range watchedDirs {
		if err := addTree(w, filepath.Join(s.opts.SiteDir, d)); err != nil {
			return err
		}
	}
	// the site directory itself, for a content/ or templates/ replaced by a
	// new folder, whose files the old watches do not see
	if err := w.Add(s.opts.SiteDir); err != nil {
		return err
	}
	close(watching)
	var pending []string
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	defer timer.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case ev, ok := <-w.Events:
			if !ok {
				return nil
			}
			if filepath.Dir(ev.Name) == filepath.Clean(s.opts.SiteDir) && !slices.Contains(watchedDirs, filepath.Base(ev.Name)) {
				continue // public/, .git and the like, beside what a build reads
			}
			if ev.Has(fsnotify.Create) {
				if info, err := os.Stat(ev.Name); err == nil && info.IsDir() {
					addTree(w, ev.Name)
				}
			}
			if generator.IsEditorFile(filepath.Base(ev.Name)) { // a backup or swap file: no build reads it
				continue
			}
			pending = append(pending, ev.Name)
			timer.Reset(s.opts.Debounce)
		case err, ok := <-w.Errors:
			if !ok {
				return nil
			}
			fmt.Fprintf(s.opts.Log, "formatlas serve: watching: %v\n", err)
		case <-timer.C:
			if s.rebuild(pending) {
				s.refresh()
			}
			pending = nil
		}
	}
}

// addTree watches dir and every directory below it; a missing dir is fine.
func addTree(w *fsnotify.Watcher, dir string) error {
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return w.Add(p)
		}
		return nil
	})
	if os.IsNotExist(err) {
		return nil
	}
	return err
}
