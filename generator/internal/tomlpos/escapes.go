package tomlpos

import (
	"strconv"
	"strings"

	"formatlas/generator/diag"
)

// ControlEscapes reports each escape in a basic TOML string of f that
// stands for a C0 control character other than tab and newline ("\u0007",
// "\e", "\b"): decoded, it is the same mistake as the raw byte, which
// package load's checkText reports.
func (f *File) ControlEscapes() diag.List {
	var errs diag.List
	for _, s := range f.strs {
		text := f.src[s.start:s.end]
		if !strings.HasPrefix(text, `"`) || !strings.Contains(text, `\`) {
			continue // a literal string has no escapes
		}
		for i := 0; i < len(text)-1; i++ {
			if text[i] != '\\' {
				continue
			}
			if r, ok := escaped(text[i+1:]); ok && isControl(r) {
				errs.Add(f.Position(s.start+i), "an escape for the control character U+%04X in the text; remove it", r)
			}
			i++ // the escaped character, a backslash among them
		}
	}
	return errs
}

// escaped is the character that the escape after a backslash stands for.
func escaped(s string) (rune, bool) {
	switch s[0] {
	case 'b':
		return '\b', true
	case 'f':
		return '\f', true
	case 'e':
		return 0x1b, true
	case 'r':
		return '\r', true
	case 'x', 'u', 'U':
		n := map[byte]int{'x': 2, 'u': 4, 'U': 8}[s[0]]
		if len(s) < n+1 {
			return 0, false
		}
		v, err := strconv.ParseUint(s[1:n+1], 16, 32)
		return rune(v), err == nil
	}
	return 0, false
}

// isControl reports whether r is a C0 control character but tab and
// newline.
func isControl(r rune) bool { return r != '\t' && r != '\n' && r < 0x20 }
