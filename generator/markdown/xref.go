package markdown

import (
	"bytes"
	"fmt"
	"path"
	"slices"
	"strings"

	"formatlas/generator/diag"

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
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			n.Level = min(n.Level+state.doc.HeadingShift, 6)
		case *ast.Link:
			state.link(n, &n.Destination, reader.Source(), false)
		case *ast.Image:
			state.link(n, &n.Destination, reader.Source(), true)
		case *ast.AutoLink:
			state.autoLink(n, reader.Source())
		}
		return ast.WalkContinue, nil
	})
}

// ExternalSchemes are the schemes by which a link may leave the site.
var ExternalSchemes = []string{"http", "https", "mailto", "tel"}

// link checks the destination dest of a link or an image n, resolves a
// cross-reference, and records the link. An image must be a file of
// static/ (static:img/map.svg): one from the network breaks the promise
// that pages load nothing from it, and a relative path cannot work both on
// a commentary's page and in the print edition. A problem leaves no
// destination, so no dangling link is written, even in a failed build.
func (s *convertState) link(n ast.Node, dest *[]byte, src []byte, image bool) {
	d := string(*dest)
	// where the destination stands, found only for a link that needs it: an
	// external one needs none, and the search costs a read of its block
	pos := func() diag.Position { return s.position(destOffset(n, *dest, src)) }
	scheme, target, isXref := splitScheme(*dest)
	problem := ""
	switch {
	case image && scheme != "static":
		problem = imageProblem(d, scheme)
	case isXref:
		at := pos()
		s.xrefs = append(s.xrefs, xref{dest: dest, scheme: scheme, target: target, pos: at})
		href, p := s.doc.Resolver.Resolve(scheme, target)
		if problem = p; problem == "" {
			*dest = []byte(href)
			s.links = append(s.links, Link{Pos: at, Dest: d, Href: rendered(href)})
		} else {
			s.errs.Add(at, "%s", problem)
			*dest = nil
		}
		return
	case uriScheme(d) != "":
		problem = schemeProblem(uriScheme(d), d)
	case isInternal(d):
		l := Link{Pos: pos(), Dest: d} // before the destination is rebased
		href := rebase(s.doc.Resolver, d)
		*dest, l.Href = []byte(href), rendered(href)
		s.links = append(s.links, l)
		s.plain = append(s.plain, plainLink{Link: l, dest: dest})
	}
	if problem != "" {
		s.errs.Add(pos(), "%s", problem)
		*dest = nil
	}
}

// autoLink checks an autolink, <https://…>: it may not be a cross-reference,
// which needs link text, nor have a scheme the site does not know.
func (s *convertState) autoLink(n *ast.AutoLink, src []byte) {
	if n.AutoLinkType != ast.AutoLinkURL {
		return
	}
	url := string(n.URL(src))
	scheme := uriScheme(url)
	problem := ""
	switch {
	case slices.Contains(Schemes, scheme):
		problem = fmt.Sprintf("a cross-reference needs link text: write [text](%s), not <%s>", url, url)
	case scheme != "":
		problem = schemeProblem(scheme, url)
	}
	if problem == "" {
		return
	}
	from := startOffset(n)
	if i := bytes.Index(src[from:], []byte("<"+url)); i >= 0 {
		from += i + 1
	}
	s.errs.Add(s.position(from), "%s", problem)
}

// schemeProblem is what is wrong with a link whose scheme is neither a
// cross-reference nor one of ExternalSchemes, or "" if nothing is.
func schemeProblem(scheme, dest string) string {
	lower := strings.ToLower(scheme)
	if slices.Contains(ExternalSchemes, lower) {
		return ""
	}
	if near := diag.Closest(lower, Schemes); near != "" {
		return fmt.Sprintf("unknown link scheme %q in %q (did you mean %s:?)", scheme, dest, near)
	}
	return fmt.Sprintf("unknown link scheme %q in %q: a link is a cross-reference (%s:), a path in the site or an %s: URL",
		scheme, dest, strings.Join(Schemes, ":, "), strings.Join(ExternalSchemes, ":, "))
}

// imageProblem says why an image whose source is dest is not a file of
// static/.
func imageProblem(dest, scheme string) string {
	switch {
	case scheme != "":
		return fmt.Sprintf("image %q: an image is a file of static/: write ![…](static:<its path in static/>)", dest)
	case uriScheme(dest) != "" || strings.HasPrefix(dest, "//"):
		return fmt.Sprintf("image %q is not a file of the site: the site loads nothing from the network; put it in static/ and write ![…](static:<its path in static/>)", dest)
	case dest == "":
		return "image without a source: write ![…](static:<its path in static/>)"
	}
	p := path.Clean(dest)
	for strings.HasPrefix(p, "../") {
		p = p[len("../"):]
	}
	p = strings.TrimPrefix(strings.TrimPrefix(p, "/"), "static/")
	return fmt.Sprintf("image %q: write static:%s, its path in static/ (a relative path cannot work both on its page and in the print edition)", dest, p)
}

// uriScheme is the scheme of dest (RFC 3986: a letter, then letters, digits,
// "+", "-" or "."), or "" when dest has none.
func uriScheme(dest string) string {
	for i := 0; i < len(dest); i++ {
		switch c := dest[i]; {
		case c == ':' && i > 0:
			return dest[:i]
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z':
		case i > 0 && ('0' <= c && c <= '9' || c == '+' || c == '-' || c == '.'):
		default:
			return ""
		}
	}
	return ""
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

// destOffset finds where a link's or an image's destination dest stands in
// the source. goldmark keeps no position for inline links, so search from
// the link text (or the enclosing block) for "(" followed by the destination.
func destOffset(n ast.Node, dest, src []byte) int {
	from := startOffset(n)
	needle := append([]byte("("), dest...)
	if i := bytes.Index(src[from:blockEnd(n, len(src))], needle); i >= 0 {
		return from + i + 1
	}
	return from
}

// blockEnd is where the text of n's nearest block with lines ends, or def:
// the search for a destination stays in its paragraph, so that a document
// of reference links (whose destinations stand elsewhere) costs a read of
// each paragraph, not of the rest of the document, per link.
func blockEnd(n ast.Node, def int) int {
	for p := n.Parent(); p != nil; p = p.Parent() {
		if p.Type() == ast.TypeBlock && p.Lines().Len() > 0 {
			return max(p.Lines().At(p.Lines().Len()-1).Stop, 0)
		}
	}
	return def
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
