package publish

import (
	"archive/zip"
	"bufio"
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"hash/crc32"
	"io"
	"slices"
	"strings"
	"sync"

	"formatlas/generator/diag"
	"formatlas/generator/internal/inorder"
	"formatlas/generator/internal/par"
	"formatlas/generator/linkcheck"

	"github.com/klauspost/compress/flate"
)

// File is one output file, its path slash-separated and relative to the output root.
type File struct {
	Path string
	Data []byte
}

// Sink takes each output file once its bytes are final, whole (Put) or as a
// stream (Create), for the few files too large to hold. Both are called from
// several goroutines at once, in no fixed order. Put must not keep f.Data
// after it returns: the caller writes its next page there.
type Sink interface {
	Put(f File) error
	Create(path string) (io.WriteCloser, error)
}

// Memory is a Sink that keeps every file, for a build in memory.
type Memory struct {
	mu    sync.Mutex
	files []File
}

func (m *Memory) Put(f File) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.files = append(m.files, File{Path: f.Path, Data: bytes.Clone(f.Data)})
	return nil
}

func (m *Memory) Create(path string) (io.WriteCloser, error) {
	return &memoryFile{sink: m, path: path}, nil
}

// Files are the files put so far, sorted by path.
func (m *Memory) Files() []File {
	m.mu.Lock()
	defer m.mu.Unlock()
	slices.SortFunc(m.files, func(a, b File) int { return strings.Compare(a.Path, b.Path) })
	return m.files
}

// memoryFile is a file of a Memory, put when it is closed.
type memoryFile struct {
	bytes.Buffer
	sink *Memory
	path string
}

func (f *memoryFile) Close() error { return f.sink.Put(File{Path: f.path, Data: f.Bytes()}) }

// Emitter finishes each file as soon as it is made, on the core that made
// it: it scans the file's links, hashes it for the manifest and compresses
// it for the offline zip, hands it to the sink and keeps only the digest.
// The zip is streamed as the files arrive, each at its sequence number, a
// place in a fixed order that the caller gives. So a build holds a page per
// core of the output, and the compressed files, print articles and search
// entries that arrive ahead of their turn (pages are rendered about in that
// order, so few); and writing to disk overlaps rendering.
type Emitter struct {
	sink  Sink
	mu    sync.Mutex
	done  []digest
	errs  []error
	parts *inorder.Queue[*zipPart] // by sequence number; nil for a file that failed
	zip   sync.WaitGroup
	links linkcheck.Scanner
	// zipSize is the archive's size once it is closed (CloseZip).
	zipSize int
}

// digest is what the site-wide outputs need of one file.
type digest struct {
	path  string
	size  int
	sum   [sha256.Size]byte
	links linkcheck.Page
}

// NewEmitter starts streaming the offline zip into sink.
func NewEmitter(sink Sink) *Emitter {
	e := &Emitter{sink: sink, parts: inorder.New[*zipPart]()}
	e.zip.Go(func() {
		e.Stream(OfflinePath, -1, func(w io.Writer) (linkcheck.Page, error) {
			size := &counter{}
			err := e.writeZip(io.MultiWriter(w, size))
			e.zipSize = size.n
			return linkcheck.Page{Path: OfflinePath}, err
		})
	})
	return e
}

// writeZip writes the parts as they arrive, in sequence, until the nil part
// that close puts after the last, then the archive's own manifest: of the
// files in it, which are not quite the site's (the home page is its own).
func (e *Emitter) writeZip(w io.Writer) error {
	zw := zip.NewWriter(w)
	var err error
	var held []digest
	for k := 0; ; k++ {
		part, ok := e.parts.Take(k)
		if !ok {
			break
		}
		if part != nil && err == nil {
			err = addPart(zw, *part)
			held = append(held, digest{path: part.path, size: part.size, sum: part.sum})
		}
	}
	if err == nil {
		slices.SortFunc(held, func(a, b digest) int { return strings.Compare(a.path, b.path) })
		var m zipPart
		mf := manifest(held)
		if m, err = compressPart(mf, sha256.Sum256(mf.Data)); err == nil {
			err = addPart(zw, m)
		}
	}
	return cmp.Or(err, zw.Close())
}

// Put finishes f, whose place in the archive is seq; a negative seq keeps
// it out of the archive.
func (e *Emitter) Put(f File, seq int) {
	d := digest{path: f.Path, size: len(f.Data), sum: sha256.Sum256(f.Data), links: e.links.Scan(f.Path, f.Data)}
	if seq < 0 {
		e.record(d, e.sink.Put(f))
		return
	}
	part, err := compressPart(f, d.sum)
	if err == nil {
		err = e.sink.Put(f)
	}
	e.record(d, err)
	e.parts.Put(seq, &part, true)
}

// PutOffline puts f in the archive alone, at seq: the offline copy's own
// version of a page that the site has in another (Put with a negative seq).
func (e *Emitter) PutOffline(f File, seq int) {
	part, err := compressPart(f, sha256.Sum256(f.Data))
	if err != nil { // an error, but no file of the site's: the site has its own at this path
		e.mu.Lock()
		e.errs = append(e.errs, err)
		e.mu.Unlock()
		e.Skip(seq)
		return
	}
	e.parts.Put(seq, &part, true)
}

// Skip gives up the place seq of a file that was not made.
func (e *Emitter) Skip(seq int) { e.parts.Put(seq, nil, true) }

// PutAll finishes files on every core, at the places from seq on.
func (e *Emitter) PutAll(files []File, seq int) {
	par.Do(len(files), func(i int) { e.Put(files[i], seq+i) })
}

// Stream writes the file at path with write, and finishes it on the way:
// the file is never held whole. write returns the ids and links of what it
// wrote, scanned in parts (linkcheck.Join). A negative seq keeps the file
// out of the archive.
func (e *Emitter) Stream(path string, seq int, write func(w io.Writer) (linkcheck.Page, error)) {
	dst, err := e.sink.Create(path)
	if err != nil {
		e.record(digest{path: path}, err)
		if seq >= 0 {
			e.Skip(seq)
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
		e.parts.Put(seq, &zipPart{path: path, data: packed, crc: crc.Sum32(), size: size.n, sum: d.sum}, true)
	}
}

// Expect names the files the output will hold, for the link check (see
// linkcheck.Scanner.Expect); it comes before the first file.
func (e *Emitter) Expect(paths []string) { e.links.Expect(paths) }

// Scan scans the ids and links of a file made in parts, to join them
// (linkcheck.Join) for Stream.
func (e *Emitter) Scan(path string, data []byte) linkcheck.Page { return e.links.Scan(path, data) }

// counter counts the bytes written to it.
type counter struct{ n int }

func (c *counter) Write(p []byte) (int, error) {
	c.n += len(p)
	return len(p), nil
}

// record keeps the digest of a finished file and any error of finishing it.
func (e *Emitter) record(d digest, err error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.done = append(e.done, d)
	if err != nil {
		e.errs = append(e.errs, err)
	}
}

// CloseZip ends the offline zip after the files at places before seqs and
// returns its size, for the pages that state it, which are then Put with a
// negative seq.
func (e *Emitter) CloseZip(seqs int) int {
	e.parts.Put(seqs, nil, false)
	e.zip.Wait()
	return e.zipSize
}

// Close writes the manifest of every file, once CloseZip has ended the
// archive, and reports files at one path and write errors. It returns
// every file's path, in order, with its ids and links.
func (e *Emitter) Close() ([]string, []linkcheck.Page, diag.List) {
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
	paths := make([]string, len(e.done))
	scanned := make([]linkcheck.Page, len(e.done))
	for i, d := range e.done {
		paths[i], scanned[i] = d.path, d.links
	}
	return paths, scanned, errs
}

// sorted is the digests in path order.
func (e *Emitter) sorted() []digest {
	slices.SortFunc(e.done, func(a, b digest) int { return strings.Compare(a.path, b.path) })
	return e.done
}

// manifest maps every file of the build to the SHA-256 of its bytes, so two
// builds can be compared without reading them. files must be sorted.
func manifest(files []digest) File {
	type entry struct {
		Path   string `json:"path"`
		SHA256 string `json:"sha256"`
		Size   int    `json:"size"`
	}
	entries := make([]entry, len(files))
	for i, f := range files {
		entries[i] = entry{f.path, hex.EncodeToString(f.sum[:]), f.size}
	}
	data, _ := json.MarshalIndent(struct {
		Files []entry `json:"files"`
	}{entries}, "", " ")
	return File{Path: ManifestPath, Data: append(data, '\n')}
}
