package markdown

import (
	"bytes"
	"slices"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// xrefTransformer rewrites links whose destination has a cross-reference
// scheme to the resolved relative URL, and reports the ones that do not resolve.
// It also demotes headings by Doc.HeadingShift.
type xrefTransformer struct{}

func (xrefTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	state, _ := pc.Get(stateKey).(*convertState)
	if state == nil {
		return
	}
	if state.doc.IDPrefix != "" {
		doc.SetAttributeString(idPrefixAttr, []byte(state.doc.IDPrefix))
	}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if h, ok := n.(*ast.Heading); ok && entering {
			h.Level = min(h.Level+state.doc.HeadingShift, 6)
		}
		link, ok := n.(*ast.Link)
		if !entering || !ok {
			return ast.WalkContinue, nil
		}
		dest := string(link.Destination)
		scheme, target, ok := splitScheme(link.Destination)
		if !ok {
			if isInternal(dest) {
				state.links = append(state.links, Link{Pos: state.position(destOffset(link, reader.Source())), Dest: dest, Href: dest})
			}
			return ast.WalkContinue, nil
		}
		pos := state.position(destOffset(link, reader.Source()))
		state.xrefs = append(state.xrefs, xref{node: link, scheme: scheme, target: target, pos: pos})
		href, problem := state.doc.Resolver.Resolve(scheme, target)
		if problem != "" {
			state.errs.Add(pos, "%s", problem)
			link.Destination = nil // never a dangling scheme link, even in a failed build
			return ast.WalkContinue, nil
		}
		link.Destination = []byte(href)
		state.links = append(state.links, Link{Pos: pos, Dest: dest, Href: href})
		return ast.WalkContinue, nil
	})
}

// isInternal reports whether dest points into the site: a relative path or a
// fragment, not a URL with a scheme or a host.
func isInternal(dest string) bool {
	if dest == "" || strings.HasPrefix(dest, "//") {
		return false
	}
	if i := strings.IndexAny(dest, ":/?#"); i >= 0 && dest[i] == ':' {
		return false
	}
	return true
}

// splitScheme splits "format:jef#history" into "format" and "jef#history" when
// the scheme is one of Schemes.
func splitScheme(dest []byte) (scheme, target string, ok bool) {
	i := bytes.IndexByte(dest, ':')
	if i <= 0 || !slices.Contains(Schemes, string(dest[:i])) {
		return "", "", false
	}
	return string(dest[:i]), string(dest[i+1:]), true
}

// destOffset finds where a link's destination stands in the source. goldmark
// keeps no position for inline links, so search from the link text (or the
// enclosing block) for "(" followed by the destination.
func destOffset(link *ast.Link, src []byte) int {
	from := startOffset(link)
	needle := append([]byte("("), link.Destination...)
	if i := bytes.Index(src[from:], needle); i >= 0 {
		return from + i + 1
	}
	return from
}

// startOffset is the first source byte known for n: its first text segment,
// else the first line of its nearest block ancestor.
func startOffset(n ast.Node) int {
	for c := n.FirstChild(); c != nil; c = c.FirstChild() {
		if t, ok := c.(*ast.Text); ok {
			return max(t.Segment.Start-1, 0)
		}
	}
	for p := n.Parent(); p != nil; p = p.Parent() {
		if p.Type() == ast.TypeBlock && p.Lines().Len() > 0 {
			return p.Lines().At(0).Start
		}
	}
	return 0
}
