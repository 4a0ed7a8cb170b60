package markdown

import (
	"bytes"
	"slices"

	"github.com/yuin/goldmark/ast"
)

// checkFootnotes reports each footnote reference whose label has no
// definition: goldmark leaves such a reference as plain "[^label]" text. One
// pass over the lines finds definitions ("[^label]:" at a line's start) and
// references, but those in code, where brackets are code: fenced and
// indented code blocks and code spans, as the parsed tree has them.
func (s *convertState) checkFootnotes(tree ast.Node) {
	src := s.doc.Source
	if !bytes.Contains(src, []byte("[^")) {
		return
	}
	code := codeRanges(tree)
	type ref struct {
		label  string
		offset int
	}
	defined := map[string]bool{}
	var refs []ref
	for offset := 0; offset < len(src); {
		end := bytes.IndexByte(src[offset:], '\n')
		if end < 0 {
			end = len(src) - offset
		}
		line := src[offset : offset+end]
		indent := len(line) - len(bytes.TrimLeft(line, " "))
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
			if inRanges(code, offset+start) {
				continue // brackets in code are code
			}
			if start == indent && indent <= 3 && at < len(line) && line[at] == ':' {
				defined[string(label)] = true
				continue
			}
			refs = append(refs, ref{string(label), offset + start})
		}
		offset += end + 1
	}
	for _, r := range refs {
		if !defined[r.label] {
			s.errs.Add(s.position(r.offset), "footnote [^%s] has no definition", r.label)
		}
	}
}

// codeRanges are the source byte ranges of the tree's code: the lines of
// code blocks and the text of code spans, in source order.
func codeRanges(tree ast.Node) [][2]int {
	var out [][2]int
	_ = ast.Walk(tree, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.FencedCodeBlock, *ast.CodeBlock:
			lines := n.Lines()
			for i := range lines.Len() {
				out = append(out, [2]int{lines.At(i).Start, lines.At(i).Stop})
			}
			return ast.WalkSkipChildren, nil
		case *ast.CodeSpan:
			for c := n.FirstChild(); c != nil; c = c.NextSibling() {
				if t, ok := c.(*ast.Text); ok {
					out = append(out, [2]int{t.Segment.Start, t.Segment.Stop})
				}
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	slices.SortFunc(out, func(a, b [2]int) int { return a[0] - b[0] })
	return out
}

// inRanges reports whether offset lies in one of the sorted ranges.
func inRanges(ranges [][2]int, offset int) bool {
	i, _ := slices.BinarySearchFunc(ranges, offset, func(r [2]int, o int) int { return r[0] - o })
	// ranges[i-1] is the last that starts at or before offset, or i itself starts there
	for _, j := range []int{i - 1, i} {
		if j >= 0 && j < len(ranges) && ranges[j][0] <= offset && offset < ranges[j][1] {
			return true
		}
	}
	return false
}
