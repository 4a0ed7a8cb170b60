package render

import (
	"archive/zip"
	"bytes"
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
// these parts written in path order with zip.CreateRaw, so it never depends
// on timing.
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

// zipArchive writes the parts, sorted by path, as the offline archive.
func zipArchive(parts []zipPart) (File, error) {
	size := 22
	for _, p := range parts {
		size += len(p.data) + 2*(46+len(offlineRoot)+len(p.path)) // data, local and central headers
	}
	archive := bytes.NewBuffer(make([]byte, 0, size))
	zw := zip.NewWriter(archive)
	for _, p := range parts {
		h := &zip.FileHeader{Name: offlineRoot + p.path, Method: zip.Deflate, Modified: zipTime,
			CRC32: p.crc, CompressedSize64: uint64(len(p.data)), UncompressedSize64: uint64(p.size)}
		w, err := zw.CreateRaw(h)
		if err != nil {
			return File{}, err
		}
		if _, err := w.Write(p.data); err != nil {
			return File{}, err
		}
	}
	if err := zw.Close(); err != nil {
		return File{}, err
	}
	return File{Path: OfflinePath, Data: archive.Bytes()}, nil
}

// OfflineZip packs files, sorted by path, into one archive, each compressed
// on its own core.
func OfflineZip(files []File) (File, error) {
	parts := make([]zipPart, len(files))
	errs := make([]error, len(files))
	par.Do(len(files), func(i int) { parts[i], errs[i] = compressPart(files[i]) })
	for _, err := range errs {
		if err != nil {
			return File{}, err
		}
	}
	return zipArchive(parts)
}
