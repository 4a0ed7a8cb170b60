package bufpool

import (
	"bytes"
	"errors"
	"testing"
)

func TestRender(t *testing.T) {
	first, _ := Render(func(b *bytes.Buffer) error { b.WriteString("first page"); return nil })
	second, err := Render(func(b *bytes.Buffer) error { b.WriteString("2nd"); return errors.New("late") })
	if string(first) != "first page" || string(second) != "2nd" || err == nil || err.Error() != "late" {
		t.Errorf("got %q, %q, %v", first, second, err)
	}
}

func TestUse(t *testing.T) {
	var seen string
	err := Use(func(b *bytes.Buffer) error {
		if b.Len() != 0 {
			t.Errorf("lent a buffer holding %q", b.String())
		}
		b.WriteString("page")
		seen = b.String()
		return errors.New("late")
	})
	if seen != "page" || err == nil || err.Error() != "late" {
		t.Errorf("got %q, %v", seen, err)
	}
}
