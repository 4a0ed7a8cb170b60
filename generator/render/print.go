package render

import (
	"bytes"
	"fmt"
	"html/template"

	"formatlas/generator/diag"
	"formatlas/generator/internal/bufpool"
	"formatlas/generator/page"
	"formatlas/generator/page/view"
)

// articlesMark stands for the format articles in the rendered frame of the
// print edition: no page holds a NUL byte.
const articlesMark = "\x00articles\x00"

// printFrame renders the print edition around its format articles: the
// bytes before them and the bytes after.
func (t templates) printFrame(v page.PrintView) (before, after []byte, err error) {
	v.FormatHTML = []template.HTML{articlesMark}
	var buf bytes.Buffer
	err = t.execute(&buf, "print", v)
	if n := bytes.Count(buf.Bytes(), []byte(articlesMark)); n != 1 && err == nil {
		err = &diag.Error{Pos: diag.Position{Path: "templates/print.html"},
			Msg: fmt.Sprintf("the print edition shows .FormatHTML %d times; it must show it once, in a range", n)}
	}
	before, after, _ = bytes.Cut(buf.Bytes(), []byte(articlesMark))
	return before, after, err
}

// article renders a format's article of the print edition.
func (t templates) article(v view.FormatView) ([]byte, error) {
	return bufpool.Render(func(buf *bytes.Buffer) error {
		return t["print"].ExecuteTemplate(buf, "printformat", v)
	})
}
