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
	var code bytes.Buffer
	for i := 0; i < block.Lines().Len(); i++ {
		seg := block.Lines().At(i)
		code.Write(seg.Value(source))
	}
	lexer := lexers.Get(string(block.Language(source)))
	if lexer == nil {
		lexer = lexers.Fallback
	}
	it, err := chroma.Coalesce(lexer).Tokenise(nil, code.String())
	if err != nil {
		return ast.WalkStop, err
	}
	return ast.WalkSkipChildren, h.formatter.Format(w, h.style, it)
}

func (h *highlighter) css() ([]byte, error) {
	var buf bytes.Buffer
	err := h.formatter.WriteCSS(&buf, h.style)
	return buf.Bytes(), err
}
