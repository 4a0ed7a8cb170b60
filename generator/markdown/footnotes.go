package markdown

import (
	"bytes"
)

// checkFootnotes reports each footnote reference whose label has no
// definition: goldmark leaves such a reference as plain "[^label]" text. One
// pass over the lines finds definitions ("[^label]:" at a line's start) and
// references, skipping fenced code, where brackets are code.
func (s *convertState) checkFootnotes() {
	src := s.doc.Source
	if !bytes.Contains(src, []byte("[^")) {
		return
	}
	type ref struct {
		label  string
		offset int
	}
	defined := map[string]bool{}
	var refs []ref
	inCode := false
	for offset := 0; offset < len(src); {
		end := bytes.IndexByte(src[offset:], '\n')
		if end < 0 {
			end = len(src) - offset
		}
		line := src[offset : offset+end]
		trimmed := bytes.TrimLeft(line, " ")
		indent := len(line) - len(trimmed)
		switch {
		case indent <= 3 && (bytes.HasPrefix(trimmed, []byte("```")) || bytes.HasPrefix(trimmed, []byte("~~~"))):
			inCode = !inCode
		case inCode:
		default:
			for at := 0; ; {
				i := bytes.Index(line[at:], []byte("[^"))
				if i < 0 {
					break
				}
				start := at + i
				close := bytes.IndexByte(line[start:], ']')
				if close < 0 {
					break
				}
				label := line[start+2 : start+close]
				at = start + close + 1
				if len(label) == 0 || bytes.ContainsAny(label, " \t") {
					continue
				}
				if start == indent && indent <= 3 && at < len(line) && line[at] == ':' {
					defined[string(label)] = true
					continue
				}
				refs = append(refs, ref{string(label), offset + start})
			}
		}
		offset += end + 1
	}
	for _, r := range refs {
		if !defined[r.label] {
			s.errs.Add(s.position(r.offset), "footnote [^%s] has no definition", r.label)
		}
	}
}
