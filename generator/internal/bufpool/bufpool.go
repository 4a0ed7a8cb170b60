// Package bufpool lends buffers for rendering: a page is written into a
// buffer that has grown before, then copied out at its exact size, so a
// build allocates each page's bytes once instead of at every doubling.
package bufpool

import (
	"bytes"
	"sync"
)

var pool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// Render writes with fn into a lent buffer and returns a copy of what it wrote.
func Render(fn func(*bytes.Buffer) error) ([]byte, error) {
	buf := pool.Get().(*bytes.Buffer)
	buf.Reset()
	defer func() {
		if buf.Cap() <= 64<<20 { // keep no giant buffer alive
			pool.Put(buf)
		}
	}()
	err := fn(buf)
	return bytes.Clone(buf.Bytes()), err
}
