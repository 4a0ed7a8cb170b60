package render

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"hash/crc32"
	"sync"
	"time"

	"formatlas/generator/internal/par"
)

// OfflinePath is the whole site as one archive, for reading offline.
const OfflinePath = "formatlas-offline.zip"

// offlineRoot is the folder the archive unpacks into.
const offlineRoot = "formatlas/"

// zipTime is every entry's modification time: fixed, so that the same site
// gives the same archive, byte for byte.
var zipTime = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)

// OfflineZip packs files into one archive. Each file is compressed on its own
// core and the results are written in path order with zip.CreateRaw, so the
// archive costs about 1/GOMAXPROCS of a serial one and never depends on timing.
func OfflineZip(files []File) (File, error) {
	type packed struct {
		data []byte
		crc  uint32
	}
	out := make([]packed, len(files))
	errs := make([]error, len(files))
	// A flate.Writer holds about a megabyte of state: reuse them.
	writers := sync.Pool{New: func() any {
		w, _ := flate.NewWriter(nil, flate.BestSpeed) // a third of the default level's time, a few per cent larger
		return w
	}}
	par.Do(len(files), func(i int) {
		var buf bytes.Buffer
		buf.Grow(len(files[i].Data) / 3)
		w := writers.Get().(*flate.Writer)
		defer writers.Put(w)
		w.Reset(&buf)
		_, err := w.Write(files[i].Data)
		if err == nil {
			err = w.Close()
		}
		out[i], errs[i] = packed{buf.Bytes(), crc32.ChecksumIEEE(files[i].Data)}, err
	})
	var archive bytes.Buffer
	zw := zip.NewWriter(&archive)
	for i, f := range files {
		if errs[i] != nil {
			return File{}, errs[i]
		}
		h := &zip.FileHeader{Name: offlineRoot + f.Path, Method: zip.Deflate, Modified: zipTime,
			CRC32: out[i].crc, CompressedSize64: uint64(len(out[i].data)), UncompressedSize64: uint64(len(f.Data))}
		w, err := zw.CreateRaw(h)
		if err != nil {
			return File{}, err
		}
		if _, err := w.Write(out[i].data); err != nil {
			return File{}, err
		}
	}
	if err := zw.Close(); err != nil {
		return File{}, err
	}
	return File{Path: OfflinePath, Data: archive.Bytes()}, nil
}
