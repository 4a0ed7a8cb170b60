package render

import (
	"crypto/sha256"
	"slices"
	"strings"
	"sync"

	"formatlas/generator/diag"
	"formatlas/generator/internal/par"
	"formatlas/generator/linkcheck"
)

// Sink takes each output file once its bytes are final. Put is called from
// several goroutines at once, in no fixed order.
type Sink interface {
	Put(f File) error
}

// memorySink keeps every file, for Render.
type memorySink struct {
	mu    sync.Mutex
	files []File
}

func (m *memorySink) Put(f File) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.files = append(m.files, f)
	return nil
}

// emitter finishes each file as soon as it is made, on the core that made
// it: it scans the file's links, hashes it for the manifest and compresses
// it for the offline zip, hands it to the sink and keeps only those digests.
// So a build holds no more than a page per core of the output at a time,
// and writing to disk overlaps rendering.
type emitter struct {
	sink Sink
	mu   sync.Mutex
	done []digest
	errs []error
}

// digest is what the site-wide outputs need of one file.
type digest struct {
	path  string
	size  int
	sum   [sha256.Size]byte
	part  *zipPart // nil for the files the archive leaves out: itself and the manifest
	links linkcheck.Page
}

// put finishes f, a file of the archive.
func (e *emitter) put(f File) {
	part, err := compressPart(f)
	e.finish(f, &part, err)
}

// putAll finishes files on every core.
func (e *emitter) putAll(files []File) {
	par.Do(len(files), func(i int) { e.put(files[i]) })
}

func (e *emitter) finish(f File, part *zipPart, err error) {
	d := digest{path: f.Path, size: len(f.Data), sum: sha256.Sum256(f.Data), part: part,
		links: linkcheck.Scan(f.Path, f.Data)}
	if err == nil {
		err = e.sink.Put(f)
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	e.done = append(e.done, d)
	if err != nil {
		e.errs = append(e.errs, err)
	}
}

// close writes the offline zip of every file so far, then the manifest of
// every file, and reports files at one path, write errors and, if asked,
// broken links.
func (e *emitter) close(pages []page, links bool) diag.List {
	var errs diag.List
	slices.SortFunc(e.done, func(a, b digest) int { return strings.Compare(a.path, b.path) })
	for i := 1; i < len(e.done); i++ {
		if e.done[i].path == e.done[i-1].path {
			errs.Add(diag.Position{Path: "static/" + e.done[i].path}, "static file would overwrite the generated %s", e.done[i].path)
		}
	}
	parts := make([]zipPart, 0, len(e.done))
	for _, d := range e.done {
		parts = append(parts, *d.part)
	}
	zipped, err := zipArchive(parts)
	errs.Append(err)
	e.finish(zipped, nil, nil)
	e.finish(manifest(e.sorted()), nil, nil)
	for _, err := range e.errs {
		errs.Append(err)
	}
	if links && len(errs) == 0 { // two files at one path would confuse the check
		errs = append(errs, e.checkLinks(pages)...)
	}
	return errs
}

// checkLinks checks every internal href and src of the output. A broken link
// that some page's Markdown wrote is reported where the Markdown wrote it;
// any other came from the page's template.
func (e *emitter) checkLinks(pages []page) diag.List {
	paths := make([]string, len(e.done))
	scanned := make([]linkcheck.Page, len(e.done))
	for i, d := range e.done {
		paths[i], scanned[i] = d.path, d.links
	}
	byPath := map[string]*page{}
	for i := range pages {
		byPath[pages[i].path] = &pages[i]
	}
	var errs diag.List
	for _, prob := range linkcheck.CheckPages(paths, scanned) {
		pg := byPath[prob.Page]
		if pg == nil {
			errs.Add(diag.Position{Path: "static/" + prob.Page}, "link %q: %s", prob.Link, prob.Msg)
			continue
		}
		errs = append(errs, placeProblem(prob, pg))
	}
	return errs
}

// sorted is the digests in path order.
func (e *emitter) sorted() []digest {
	slices.SortFunc(e.done, func(a, b digest) int { return strings.Compare(a.path, b.path) })
	return e.done
}
