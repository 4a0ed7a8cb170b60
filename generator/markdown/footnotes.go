package markdown

import (
	"bytes"
	"regexp"
)

var (
	footnoteRefRE = regexp.MustCompile(`\[\^([^\]\s]+)\]`)
	footnoteDefRE = regexp.MustCompile(`(?m)^ {0,3}\[\^([^\]\s]+)\]:`)
	fenceRE       = regexp.MustCompile("(?m)^ {0,3}(```|~~~)")
)

// checkFootnotes reports each footnote reference whose label has no
// definition: goldmark leaves such a reference as plain "[^label]" text.
// Fenced code is skipped, since brackets there are code.
func (s *convertState) checkFootnotes() {
	src := s.doc.Source
	defined := map[string]bool{}
	for _, m := range footnoteDefRE.FindAllSubmatch(src, -1) {
		defined[string(m[1])] = true
	}
	inCode := codeRanges(src)
	for _, m := range footnoteRefRE.FindAllSubmatchIndex(src, -1) {
		label := string(src[m[2]:m[3]])
		if defined[label] || inCode(m[0]) || bytes.HasPrefix(src[m[1]:], []byte(":")) {
			continue
		}
		s.errs.Add(s.position(m[0]), "footnote [^%s] has no definition", label)
	}
}

// codeRanges returns a test of whether an offset lies inside fenced code.
func codeRanges(src []byte) func(int) bool {
	fences := fenceRE.FindAllIndex(src, -1)
	return func(off int) bool {
		inside := false
		for _, f := range fences {
			if f[0] > off {
				break
			}
			inside = !inside
		}
		return inside
	}
}
