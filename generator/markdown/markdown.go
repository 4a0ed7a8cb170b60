// Package markdown turns commentary into HTML. goldmark is configured once —
// GFM tables, footnotes, typographer, heading ids, chroma highlighting with CSS
// classes — and customised by a small AST transformer that resolves the site's
// cross-reference links (format:jef, country:FIN, source:kaim-2017).
package markdown

import (
	"bytes"
	"html"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"formatlas/generator/diag"
	"formatlas/generator/internal/bufpool"
)

// Resolver turns a cross-reference into a URL relative to the page being
// rendered. scheme is "format", "country", "source", ...; target is the rest of
// the destination, with any #anchor. On failure it returns a message that says
// what is wrong, with a suggestion if one is close.
type Resolver interface {
	Resolve(scheme, target string) (href string, problem string)
}

// Rebaser is a Resolver that also moves the document's plain links, a path
// relative to its page or a #fragment of its own, to where the document is
// rendered (another page, its ids with a prefix).
type Rebaser interface {
	Rebase(href string) string
}

// rebase is href rebased by r, if r is a Rebaser.
func rebase(r Resolver, href string) string {
	if rb, ok := r.(Rebaser); ok {
		return rb.Rebase(href)
	}
	return href
}

// Schemes are the cross-reference schemes a link destination may use.
var Schemes = []string{"format", "country", "source", "lesson", "page", "static"}

// Converter renders Markdown. It is safe for concurrent use.
type Converter struct {
	md goldmark.Markdown
	hl *highlighter
}

// Options configures a Converter.
type Options struct {
	// ChromaStyle names the chroma style whose CSS goes with the highlighted
	// code (default "github").
	ChromaStyle string
}

// New builds the one goldmark instance the site uses.
func New(opts Options) *Converter {
	hl := newHighlighter(opts.ChromaStyle)
	md := goldmark.New(
		goldmark.WithExtensions(extension.GFM, extension.Typographer,
			extension.NewFootnote(extension.WithFootnoteIDPrefixFunction(footnotePrefix))),
		goldmark.WithParserOptions(
			parser.WithAutoHeadingID(),
			parser.WithASTTransformers(util.Prioritized(xrefTransformer{}, 100)),
		),
		goldmark.WithRendererOptions(
			renderer.WithNodeRenderers(util.Prioritized(hl, 100)),
		),
	)
	return &Converter{md: md, hl: hl}
}

// Doc is one Markdown document to convert.
type Doc struct {
	Path     string   // relative to the site directory, for error positions
	Source   []byte   // the Markdown
	Resolver Resolver // resolves cross-references relative to the output page
	Reserved []string // element ids the page template already uses
	// HeadingShift demotes every heading by this many levels, so that a
	// commentary's "##" sits below the page's own section heading.
	HeadingShift int
	// IDPrefix starts every element id the document makes (headings,
	// footnotes), for pages that hold several documents.
	IDPrefix string
}

// Result is a converted document.
type Result struct {
	HTML []byte
	// Links are the document's links to other files or anchors of the site,
	// with where each stands in the source, so that a link found broken in the
	// rendered site can be reported at its line and column.
	Links []Link
	Errs  diag.List
	// Text is the document's prose as plain text, white space folded, for
	// a search index: its text nodes but those of code blocks and raw HTML.
	Text string
	// Lead is the text of its first paragraph, the same way: a page's
	// description.
	Lead string
	// Code is whether it has a fenced code block, highlighted with the
	// classes of the chroma stylesheet (CSS).
	Code bool
	// Headings are its headings at the top level, at their levels as
	// rendered, for a table of contents.
	Headings []Heading
}

// Heading is a heading of a document: its level, its id and its text.
type Heading struct {
	Level    int
	ID, Text string
}

// Link is one internal link of a document.
type Link struct {
	Pos  diag.Position
	Dest string // as written, such as "format:jef#history"
	Href string // as rendered
}

// Convert renders doc to HTML and reports every unresolved reference and every
// footnote reference without a definition.
func (c *Converter) Convert(doc Doc) Result {
	r, _ := c.ConvertVariants(doc)
	return r
}

// Variant is another rendering of a document: its cross-references resolved
// by another Resolver and its ids with another prefix, for a page that holds
// many documents, such as a print edition.
type Variant struct {
	Resolver Resolver
	IDPrefix string
}

// ConvertVariants converts doc as Convert does, then renders the same parse
// again for each variant: parsing is most of a conversion's cost. The
// variants report their own links; their problems are those of doc, which
// reports them.
func (c *Converter) ConvertVariants(doc Doc, variants ...Variant) (Result, []Result) {
	doc.Source = bytes.TrimPrefix(doc.Source, []byte("\ufeff"))
	if errs := checkNesting(doc.Path, doc.Source); len(errs) > 0 { // goldmark would take quadratic time
		return Result{Errs: errs}, make([]Result, len(variants))
	}
	ctx := parser.NewContext()
	if doc.IDPrefix != "" {
		ctx = parser.NewContext(parser.WithIDs(prefixIDs{prefix: doc.IDPrefix, IDs: ctx.IDs()}))
	}
	for _, id := range doc.Reserved {
		ctx.IDs().Put([]byte(id))
	}
	state := &convertState{doc: doc}
	ctx.Set(stateKey, state)
	tree := c.md.Parser().Parse(text.NewReader(doc.Source), parser.WithContext(ctx))
	result := Result{HTML: c.render(tree, state), Text: plainText(tree, doc.Source)}
	outline(tree, doc.Source, &result)
	state.checkFootnotes(tree)
	result.Links, result.Errs = state.links, state.errs
	var out []Result
	for _, v := range variants {
		links := state.retarget(tree, doc.IDPrefix, v)
		out = append(out, Result{HTML: c.render(tree, state), Links: links})
	}
	return result, out
}

// plainText is the text of the parsed document, white space folded: its
// text nodes, a space between blocks and at line breaks.
func plainText(tree ast.Node, source []byte) string {
	var b strings.Builder
	if tree.Kind() == ast.KindDocument { // a heading or a paragraph is a small part of it
		b.Grow(len(source))
	}
	_ = ast.Walk(tree, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		switch n := n.(type) {
		case *ast.FencedCodeBlock, *ast.CodeBlock, *ast.HTMLBlock, *ast.RawHTML:
			return ast.WalkSkipChildren, nil
		case *ast.Text:
			if entering {
				b.Write(util.UnescapePunctuations(n.Segment.Value(source)))
				if n.SoftLineBreak() || n.HardLineBreak() {
					b.WriteByte(' ')
				}
			}
		case *ast.String:
			if entering {
				b.Write(n.Value)
			}
		default:
			if n.Type() == ast.TypeBlock {
				b.WriteByte(' ')
			}
		}
		return ast.WalkContinue, nil
	})
	text := b.String()
	if strings.IndexByte(text, '&') >= 0 {
		text = html.UnescapeString(text)
	}
	return collapseSpace(text)
}

// outline finds the document's lead (the plain text of its first
// paragraph), its top-level headings and whether it has a fenced code block
// anywhere.
func outline(tree ast.Node, source []byte, r *Result) {
	for n := tree.FirstChild(); n != nil; n = n.NextSibling() {
		switch n := n.(type) {
		case *ast.Paragraph:
			if r.Lead == "" {
				r.Lead = plainText(n, source)
			}
		case *ast.Heading:
			id, _ := n.AttributeString("id")
			idb, _ := id.([]byte)
			r.Headings = append(r.Headings, Heading{Level: n.Level, ID: string(idb), Text: plainText(n, source)})
		}
	}
	// a fence anywhere, in a list, a quote or a footnote; only a source
	// with a fence's marks can have one
	if bytes.Contains(source, []byte("```")) || bytes.Contains(source, []byte("~~~")) {
		_ = ast.Walk(tree, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
			if _, ok := c.(*ast.FencedCodeBlock); ok {
				r.Code = true
				return ast.WalkStop, nil
			}
			return ast.WalkContinue, nil
		})
	}
}

// collapseSpace is strings.Join(strings.Fields(s), " ") in one pass and one
// allocation, copying a word at a time.
func collapseSpace(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	word := -1 // where the word being read starts; -1 between words
	flush := func(end int) {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(s[word:end])
		word = -1
	}
	for i := 0; i < len(s); {
		c, size := s[i], 1
		space := asciiSpace[c]
		if c >= utf8.RuneSelf {
			var r rune
			r, size = utf8.DecodeRuneInString(s[i:])
			space = unicode.IsSpace(r)
		}
		switch {
		case space && word >= 0:
			flush(i)
		case !space && word < 0:
			word = i
		}
		i += size
	}
	if word >= 0 {
		flush(len(s))
	}
	return b.String()
}

// asciiSpace is the ASCII white space of unicode.IsSpace.
var asciiSpace = [256]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// render writes the parsed document as HTML; a failure is reported at the
// document's path.
func (c *Converter) render(tree ast.Node, state *convertState) []byte {
	html, err := bufpool.Render(func(buf *bytes.Buffer) error {
		return c.md.Renderer().Render(buf, state.doc.Source, tree)
	})
	if err != nil {
		state.errs.Add(diag.Position{Path: state.doc.Path}, "%v", err)
	}
	return html
}

// retarget points the cross-references of the parsed document at v's
// resolutions and swaps the id prefix from to v's, and returns the links.
func (s *convertState) retarget(tree ast.Node, from string, v Variant) []Link {
	var links []Link
	for _, x := range s.xrefs {
		href, problem := v.Resolver.Resolve(x.scheme, x.target)
		if problem != "" {
			*x.dest = nil
			continue
		}
		*x.dest = []byte(href)
		links = append(links, Link{Pos: x.pos, Dest: x.scheme + ":" + x.target, Href: rendered(href)})
	}
	for _, pl := range s.plain {
		href := rebase(v.Resolver, pl.Dest)
		*pl.dest = []byte(href)
		links = append(links, Link{Pos: pl.Pos, Dest: pl.Dest, Href: rendered(href)})
	}
	tree.OwnerDocument().SetAttributeString(idPrefixAttr, []byte(v.IDPrefix))
	_ = ast.Walk(tree, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if h, ok := n.(*ast.Heading); ok && entering {
			if id, ok := h.AttributeString("id"); ok {
				if id, ok := id.([]byte); ok {
					h.SetAttributeString("id", append([]byte(v.IDPrefix), bytes.TrimPrefix(id, []byte(from))...))
				}
			}
		}
		return ast.WalkContinue, nil
	})
	return links
}

// CSS returns the stylesheet for highlighted code.
func (c *Converter) CSS() ([]byte, error) { return c.hl.css() }

var stateKey = parser.NewContextKey()

// convertState is what one conversion's transformer needs and reports.
type convertState struct {
	doc        Doc
	errs       diag.List
	links      []Link
	xrefs      []xref // the cross-reference links, to resolve again for variants
	plain      []plainLink
	lineStarts []int // byte offset of each line's start, built on first use
}

// xref is a cross-reference link of the parsed document.
// plainLink is a link to a path or #fragment of the site, to rebase for
// variants.
type plainLink struct {
	Link
	dest *[]byte
}

// rendered is href as goldmark writes it into an href or src attribute,
// percent-escaped: what a link check of the page reads.
func rendered(href string) string { return string(util.URLEscape([]byte(href), true)) }

type xref struct {
	dest           *[]byte // the link's or image's destination
	scheme, target string
	pos            diag.Position
}

// position turns a byte offset in the source into a line and column. The
// line starts are indexed once per document, so a document with many links
// costs a binary search per link, not a scan from the top.
func (s *convertState) position(offset int) diag.Position {
	if s.lineStarts == nil {
		s.lineStarts = []int{0}
		for i, c := range s.doc.Source {
			if c == '\n' {
				s.lineStarts = append(s.lineStarts, i+1)
			}
		}
	}
	offset = min(offset, len(s.doc.Source))
	line, found := slices.BinarySearch(s.lineStarts, offset)
	if !found {
		line-- // offset is inside the line before the insertion point
	}
	return diag.Position{Path: s.doc.Path, Line: line + 1, Col: offset - s.lineStarts[line] + 1}
}

// prefixIDs puts a prefix before every generated id.
type prefixIDs struct {
	prefix string
	parser.IDs
}

func (p prefixIDs) Generate(value []byte, kind ast.NodeKind) []byte {
	return append([]byte(p.prefix), p.IDs.Generate(value, kind)...)
}

// idPrefixAttr carries Doc.IDPrefix on the document node to the footnote
// renderer, which is configured once for all documents.
const idPrefixAttr = "formatlas-id-prefix"

func footnotePrefix(n ast.Node) []byte {
	if doc := n.OwnerDocument(); doc != nil {
		if v, ok := doc.AttributeString(idPrefixAttr); ok {
			if b, ok := v.([]byte); ok {
				return b
			}
		}
	}
	return nil
}
