package markdown

import (
	"bytes"

	"github.com/alecthomas/chroma/v2"
	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/alecthomas/chroma/v2/styles"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// highlighter renders fenced code blocks with chroma, emitting CSS classes
// rather than inline styles so the site can send a strict CSP. The formatter
// and style are built once and shared by every conversion.
type highlighter struct {
	formatter *chromahtml.Formatter
	style     *chroma.Style
}

// highlightedAttr keeps a code block's highlighted HTML on its node, for
// the document's variants: tokenising is the dear part of rendering.
const highlightedAttr = "formatlas-highlighted"

func newHighlighter(style string) *highlighter {
	if style == "" {
		style = "github"
	}
	return &highlighter{
		formatter: chromahtml.New(chromahtml.WithClasses(true), chromahtml.TabWidth(4)),
		style:     styles.Get(style),
	}
}

func (h *highlighter) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindFencedCodeBlock, h.render)
}

func (h *highlighter) render(w util.BufWriter, source []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkSkipChildren, nil
	}
	block := n.(*ast.FencedCodeBlock)
	if html, ok := block.AttributeString(highlightedAttr); ok {
		_, err := w.Write(html.([]byte))
		return ast.WalkSkipChildren, err
	}
	var code bytes.Buffer
	for i := 0; i < block.Lines().Len(); i++ {
		seg := block.Lines().At(i)
		code.Write(seg.Value(source))
	}
	html, err := h.highlight(string(block.Language(source)), code.String())
	if err != nil {
		return ast.WalkStop, err
	}
	block.SetAttributeString(highlightedAttr, html)
	_, err = w.Write(html)
	return ast.WalkSkipChildren, err
}

func (h *highlighter) highlight(lang, code string) ([]byte, error) {
	lexer := lexers.Get(lang)
	if lexer == nil {
		lexer = lexers.Fallback
	}
	it, err := tokenise(lexer, code)
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	err = h.formatter.Format(&out, h.style, it)
	return out.Bytes(), err
}

// tokenise lexes code with lexer, coalescing runs of one token type; Go
// goes through the standard library's scanner where that gives chroma's
// tokens.
func tokenise(lexer chroma.Lexer, code string) (chroma.Iterator, error) {
	if lexer.Config().Name == "Go" {
		if tokens, ok := goTokens(code); ok {
			return chroma.Literator(tokens...), nil
		}
	}
	return chroma.Coalesce(lexer).Tokenise(nil, code)
}

func (h *highlighter) css() ([]byte, error) {
	var buf bytes.Buffer
	err := h.formatter.WriteCSS(&buf, h.style)
	return buf.Bytes(), err
}
