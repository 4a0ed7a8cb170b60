// Package bufpool lends buffers for rendering: a page is written into a
// buffer that has grown before, and either used there (Use) or copied out at
// its exact size (Render), so a build allocates each page's bytes at most
// once instead of at every doubling.
package bufpool

import (
	"bytes"
	"sync"
)

var pool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// Render writes with fn into a lent buffer and returns a copy of what it wrote.
func Render(fn func(*bytes.Buffer) error) ([]byte, error) {
	var out []byte
	err := Use(func(buf *bytes.Buffer) error {
		err := fn(buf)
		out = bytes.Clone(buf.Bytes())
		return err
	})
	return out, err
}

// Use lends fn a buffer for as long as it runs: what fn writes must not be
// kept after it returns.
func Use(fn func(*bytes.Buffer) error) error {
	buf := pool.Get().(*bytes.Buffer)
	buf.Reset()
	defer func() {
		if buf.Cap() <= 64<<20 { // keep no giant buffer alive
			pool.Put(buf)
		}
	}()
	return fn(buf)
}
