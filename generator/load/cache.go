package load

import (
	"bytes"
	"io/fs"
	"sync"
)

// Cache keeps the formats and lessons a Load decoded, by path, with the
// text they were decoded from, so that a load of the same site after an
// edit decodes again only the records whose files changed: the development
// server's loads after an edit of records. The records it hands out share
// their slices with the cache's, so nothing may write to them; no stage
// does. A Cache serves one load at a time, and keeps only the files the
// last one found.
type Cache struct {
	files map[string]decoded // what the last load decoded, read-only during a load
	// edited, during a Reload, are the files its caller says changed;
	// the others are taken from files without being read
	edited map[string]bool
	mu     sync.Mutex         // guards next
	next   map[string]decoded // what this load decodes or finds in files
}

// decoded is a record file's text and the record it decoded to, without
// errors: one with errors is decoded again, for its errors.
type decoded struct {
	src    []byte
	format Format
	lesson Lesson
}

// Load loads the site in fsys as the package's Load does, reading every
// file, and taking from the cache each format and lesson whose file has the
// text it had. A nil Cache keeps nothing.
func (c *Cache) Load(fsys fs.FS) (*Content, error) {
	if c == nil {
		return load(fsys, nil)
	}
	return c.load(fsys, nil)
}

// Reload loads the site in fsys again after an edit of the files at changed,
// paths of the site directory: it is Load, but a format or lesson that the
// cache holds and that is not among changed is taken as the last load
// decoded it, without being read. Reading a thousand records costs more
// than linking them; the caller, which is told by a file watcher what
// changed, vouches that they did not. A record the cache lacks is read, as
// is every other file of content/.
func (c *Cache) Reload(fsys fs.FS, changed []string) (*Content, error) {
	edited := make(map[string]bool, len(changed))
	for _, p := range changed {
		edited[p] = true
	}
	return c.load(fsys, edited)
}

func (c *Cache) load(fsys fs.FS, edited map[string]bool) (*Content, error) {
	c.edited, c.next = edited, map[string]decoded{}
	content, err := load(fsys, c)
	c.files, c.edited, c.next = c.next, nil, nil
	return content, err
}

// read is what the cache holds of the record file at name, when a Reload
// need not read it or its text is as it was; else it is nil, and src is
// the file's text. A nil Cache holds nothing.
func (c *Cache) read(fsys fs.FS, name string) (d *decoded, src []byte, err error) {
	if c != nil && c.edited != nil && !c.edited[name] {
		if d, ok := c.files[name]; ok {
			return c.keep(name, d), nil, nil
		}
	}
	src, err = fs.ReadFile(fsys, name)
	if err != nil {
		return nil, nil, ReadError(name, err)
	}
	if c != nil {
		if d, ok := c.files[name]; ok && bytes.Equal(d.src, src) {
			return c.keep(name, d), src, nil
		}
	}
	return nil, src, nil
}

// keep keeps d, what the file at name decoded to, for the next load.
func (c *Cache) keep(name string, d decoded) *decoded {
	if c == nil {
		return &d
	}
	c.mu.Lock()
	c.next[name] = d
	c.mu.Unlock()
	return &d
}
