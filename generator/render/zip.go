package render

import (
	"archive/zip"
	"bytes"
	"cmp"
	"hash/crc32"
	"sync"
	"time"

	"formatlas/generator/internal/par"

	"github.com/klauspost/compress/flate"
)

// OfflinePath is the whole site as one archive, for reading offline.
const OfflinePath = "formatlas-offline.zip"

// offlineRoot is the folder the archive unpacks into.
const offlineRoot = "formatlas/"

// zipTime is every entry's modification time: fixed, so that the same site
// gives the same archive, byte for byte.
var zipTime = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)

// zipPart is one file of the archive, compressed ahead of time: a build
// compresses each file on the core that made it, and the archive is only
// these parts written in a fixed order with zip.CreateRaw, so it never
// depends on timing.
type zipPart struct {
	path string
	data []byte
	crc  uint32
	size int
}

// flateWriters are reused: each holds several hundred kilobytes of state.
// klauspost/compress's level 1 takes half the time of compress/flate's
// BestSpeed on this site's HTML and gives a slightly smaller archive.
var flateWriters = sync.Pool{New: func() any {
	w, _ := flate.NewWriter(nil, flate.BestSpeed)
	return w
}}

// compressPart deflates the file f for the archive.
func compressPart(f File) (zipPart, error) {
	var buf bytes.Buffer
	buf.Grow(len(f.Data)/4 + 64)
	w := flateWriters.Get().(*flate.Writer)
	defer flateWriters.Put(w)
	w.Reset(&buf)
	_, err := w.Write(f.Data)
	if err == nil {
		err = w.Close()
	}
	return zipPart{path: f.Path, data: buf.Bytes(), crc: crc32.ChecksumIEEE(f.Data), size: len(f.Data)}, err
}

// addPart writes a compressed part into the archive.
func addPart(zw *zip.Writer, p zipPart) error {
	h := &zip.FileHeader{Name: offlineRoot + p.path, Method: zip.Deflate, Modified: zipTime,
		CRC32: p.crc, CompressedSize64: uint64(len(p.data)), UncompressedSize64: uint64(p.size)}
	w, err := zw.CreateRaw(h)
	if err == nil {
		_, err = w.Write(p.data)
	}
	return err
}

// OfflineZip packs files, in their order, into one archive, each compressed
// on its own core.
func OfflineZip(files []File) (File, error) {
	parts := make([]zipPart, len(files))
	errs := make([]error, len(files))
	par.Do(len(files), func(i int) { parts[i], errs[i] = compressPart(files[i]) })
	var archive bytes.Buffer
	zw := zip.NewWriter(&archive)
	for i := range parts {
		if err := cmp.Or(errs[i], addPart(zw, parts[i])); err != nil {
			return File{}, err
		}
	}
	if err := zw.Close(); err != nil {
		return File{}, err
	}
	return File{Path: OfflinePath, Data: archive.Bytes()}, nil
}
