package render

import (
	"archive/zip"
	"bufio"
	"bytes"
	"cmp"
	"crypto/sha256"
	"hash/crc32"
	"io"
	"slices"
	"strings"
	"sync"

	"formatlas/generator/diag"
	"formatlas/generator/internal/par"
	"formatlas/generator/linkcheck"

	"github.com/klauspost/compress/flate"
)

// Sink takes each output file once its bytes are final, whole (Put) or as a
// stream (Create), for the few files too large to hold. Both are called from
// several goroutines at once, in no fixed order. Put must not keep f.Data
// after it returns: the caller writes its next page there.
type Sink interface {
	Put(f File) error
	Create(path string) (io.WriteCloser, error)
}

// memorySink keeps every file, for Render.
type memorySink struct {
	mu    sync.Mutex
	files []File
}

func (m *memorySink) Put(f File) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.files = append(m.files, File{Path: f.Path, Data: bytes.Clone(f.Data)})
	return nil
}

func (m *memorySink) Create(path string) (io.WriteCloser, error) {
	return &memoryFile{sink: m, path: path}, nil
}

// memoryFile is a file of a memorySink, put when it is closed.
type memoryFile struct {
	bytes.Buffer
	sink *memorySink
	path string
}

func (f *memoryFile) Close() error { return f.sink.Put(File{Path: f.path, Data: f.Bytes()}) }

// emitter finishes each file as soon as it is made, on the core that made
// it: it scans the file's links, hashes it for the manifest and compresses
// it for the offline zip, hands it to the sink and keeps only the digest.
// The zip is streamed as the files arrive, each at its sequence number, a
// place in a fixed order that the caller gives. So a build holds a page per
// core of the output, and the compressed files, print articles and search
// entries that arrive ahead of their turn (pages are rendered about in that
// order, so few); and writing to disk overlaps rendering.
type emitter struct {
	sink  Sink
	mu    sync.Mutex
	done  []digest
	errs  []error
	parts *inOrder[*zipPart] // by sequence number; nil for a file that failed
	zip   sync.WaitGroup
	links linkcheck.Scanner
}

// digest is what the site-wide outputs need of one file.
type digest struct {
	path  string
	size  int
	sum   [sha256.Size]byte
	links linkcheck.Page
}

// newEmitter starts streaming the offline zip into sink.
func newEmitter(sink Sink) *emitter {
	e := &emitter{sink: sink, parts: newInOrder[*zipPart]()}
	e.zip.Go(func() {
		e.stream(OfflinePath, -1, func(w io.Writer) (linkcheck.Page, error) {
			return linkcheck.Page{Path: OfflinePath}, e.writeZip(w)
		})
	})
	return e
}

// writeZip writes the parts as they arrive, in sequence, until the nil part
// that close puts after the last.
func (e *emitter) writeZip(w io.Writer) error {
	zw := zip.NewWriter(w)
	var err error
	for k := 0; ; k++ {
		part, ok := e.parts.take(k)
		if !ok {
			break
		}
		if part != nil && err == nil {
			err = addPart(zw, *part)
		}
	}
	return cmp.Or(err, zw.Close())
}

// put finishes f, whose place in the archive is seq.
func (e *emitter) put(f File, seq int) {
	part, err := compressPart(f)
	d := digest{path: f.Path, size: len(f.Data), sum: sha256.Sum256(f.Data), links: e.links.Scan(f.Path, f.Data)}
	if err == nil {
		err = e.sink.Put(f)
	}
	e.record(d, err)
	e.parts.put(seq, &part, true)
}

// skip gives up the place seq of a file that was not made.
func (e *emitter) skip(seq int) { e.parts.put(seq, nil, true) }

// putAll finishes files on every core, at the places from seq on.
func (e *emitter) putAll(files []File, seq int) {
	par.Do(len(files), func(i int) { e.put(files[i], seq+i) })
}

// stream writes the file at path with write, and finishes it on the way:
// the file is never held whole. write returns the ids and links of what it
// wrote, scanned in parts (linkcheck.Join). A negative seq keeps the file
// out of the archive.
func (e *emitter) stream(path string, seq int, write func(w io.Writer) (linkcheck.Page, error)) {
	dst, err := e.sink.Create(path)
	if err != nil {
		e.record(digest{path: path}, err)
		if seq >= 0 {
			e.skip(seq)
		}
		return
	}
	sum, crc, size := sha256.New(), crc32.NewIEEE(), &counter{}
	var packed chunks
	tee := []io.Writer{dst, sum, crc, size}
	var fw *flate.Writer
	if seq >= 0 {
		fw = flateWriters.Get().(*flate.Writer)
		defer flateWriters.Put(fw)
		fw.Reset(&packed)
		tee = append(tee, fw)
	}
	buf := bufio.NewWriterSize(io.MultiWriter(tee...), 256<<10)
	links, err := write(buf)
	err = cmp.Or(err, buf.Flush())
	if fw != nil {
		err = cmp.Or(err, fw.Close())
	}
	d := digest{path: path, size: size.n, links: links}
	sum.Sum(d.sum[:0])
	e.record(d, cmp.Or(err, dst.Close()))
	if seq >= 0 {
		e.parts.put(seq, &zipPart{path: path, data: packed, crc: crc.Sum32(), size: size.n}, true)
	}
}

// counter counts the bytes written to it.
type counter struct{ n int }

func (c *counter) Write(p []byte) (int, error) {
	c.n += len(p)
	return len(p), nil
}

// record keeps the digest of a finished file and any error of finishing it.
func (e *emitter) record(d digest, err error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.done = append(e.done, d)
	if err != nil {
		e.errs = append(e.errs, err)
	}
}

// close ends the offline zip after the files at places before seqs, writes
// the manifest of every file, and reports files at one path, write errors
// and, if asked, broken links.
func (e *emitter) close(seqs int, pages []page, links bool) diag.List {
	e.parts.put(seqs, nil, false)
	e.zip.Wait()
	var errs diag.List
	done := e.sorted()
	for i := 1; i < len(done); i++ {
		if done[i].path == done[i-1].path {
			errs.Add(diag.Position{Path: "static/" + done[i].path}, "static file would overwrite the generated %s", done[i].path)
		}
	}
	m := manifest(done)
	e.record(digest{path: m.Path, size: len(m.Data), links: e.links.Scan(m.Path, m.Data)}, e.sink.Put(m))
	for _, err := range e.errs {
		errs.Append(err)
	}
	if links && len(errs) == 0 { // two files at one path would confuse the check
		errs = append(errs, e.checkLinks(pages)...)
	}
	return errs
}

// sorted is the digests in path order.
func (e *emitter) sorted() []digest {
	slices.SortFunc(e.done, func(a, b digest) int { return strings.Compare(a.path, b.path) })
	return e.done
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
	var errs, printed diag.List
	for _, prob := range linkcheck.CheckPages(paths, scanned) {
		pg := byPath[prob.Page]
		switch {
		case pg == nil:
			errs.Add(diag.Position{Path: "static/" + prob.Page}, "link %q: %s", prob.Link, prob.Msg)
		case prob.Page == PrintPath:
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
