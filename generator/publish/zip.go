package publish

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"hash/crc32"
	"sync"
	"time"

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
	data chunks // compressed
	crc  uint32
	size int
	sum  [sha256.Size]byte // for the archive's own manifest
}

// flateWriters are reused: each holds several hundred kilobytes of state.
// klauspost/compress's level 1 takes half the time of compress/flate's
// BestSpeed on this site's HTML and gives a slightly smaller archive.
var flateWriters = sync.Pool{New: func() any {
	w, _ := flate.NewWriter(nil, flate.BestSpeed)
	return w
}}

// compressPart deflates the file f, whose SHA-256 is sum, for the archive.
func compressPart(f File, sum [sha256.Size]byte) (zipPart, error) {
	var buf bytes.Buffer
	buf.Grow(len(f.Data)/4 + 64)
	w := flateWriters.Get().(*flate.Writer)
	defer flateWriters.Put(w)
	w.Reset(&buf)
	_, err := w.Write(f.Data)
	if err == nil {
		err = w.Close()
	}
	return zipPart{path: f.Path, data: chunks{buf.Bytes()}, crc: crc32.ChecksumIEEE(f.Data), size: len(f.Data), sum: sum}, err
}

// addPart writes a compressed part into the archive.
func addPart(zw *zip.Writer, p zipPart) error {
	h := &zip.FileHeader{Name: offlineRoot + p.path, Method: zip.Deflate, Modified: zipTime,
		CRC32: p.crc, CompressedSize64: uint64(p.data.len()), UncompressedSize64: uint64(p.size)}
	w, err := zw.CreateRaw(h)
	if err == nil {
		for _, c := range p.data {
			if _, err = w.Write(c); err != nil {
				break
			}
		}
	}
	return err
}

// chunks holds bytes in pieces of at most chunkSize: a stream's compressed
// part grows without being copied at each doubling or keeping the slack.
type chunks [][]byte

const chunkSize = 1 << 20

func (c *chunks) Write(p []byte) (int, error) {
	n := len(p)
	for len(p) > 0 {
		if len(*c) == 0 || len((*c)[len(*c)-1]) == chunkSize {
			*c = append(*c, make([]byte, 0, chunkSize))
		}
		last := &(*c)[len(*c)-1]
		k := min(len(p), chunkSize-len(*last))
		*last = append(*last, p[:k]...)
		p = p[k:]
	}
	return n, nil
}

func (c chunks) len() int {
	n := 0
	for _, b := range c {
		n += len(b)
	}
	return n
}
