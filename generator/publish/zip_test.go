package publish

import (
	"fmt"
	"strings"
	"testing"
)

// TestChunks writes more than two chunks in uneven pieces and reads back the
// same bytes, no chunk over chunkSize.
func TestChunks(t *testing.T) {
	var want []byte
	var c chunks
	for i := 0; len(want) < 2*chunkSize+12345; i++ {
		piece := []byte(strings.Repeat(fmt.Sprint(i%10), 1+i%70000))
		c.Write(piece)
		want = append(want, piece...)
	}
	var got []byte
	for _, b := range c {
		if len(b) > chunkSize {
			t.Fatalf("a chunk of %d bytes", len(b))
		}
		got = append(got, b...)
	}
	if string(got) != string(want) || c.len() != len(want) || len(c) != 3 {
		t.Errorf("%d bytes in %d chunks, want %d bytes in 3", c.len(), len(c), len(want))
	}
}
