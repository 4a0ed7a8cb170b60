package render

import (
	"errors"
	"fmt"
	"formatlas/generator/page/view"
	"html"
	"html/template"
	"io/fs"
	"reflect"
	"slices"
	"strings"
	"sync"
)

// funcMap is the one FuncMap every template gets. asset gives the
// fingerprinted path of a stylesheet or script of static/; memo renders a
// partial once per distinct data (see memoizer), and memoEach and memoJoin do
// so for each element of a slice.
func funcMap(names assets, m *memoizer) template.FuncMap {
	return template.FuncMap{
		"asset":    names.path,
		"hasAsset": names.has,
		"plural":   view.Plural,
		"join":     strings.Join,
		"lower":    strings.ToLower,
		"memo":     m.render,
		"memoEach": m.renderEach,
		"memoJoin": func(name, sep string, items any) (template.HTML, error) { return m.renderJoin(name, sep, items, false) },
	}
}

// memoizer renders a partial of templates/partials once for each distinct
// value of its data, for the rows that recur on many pages: a format's row
// is the same in the table of every country that takes part in it, a
// country's item the same in the member list of every format of one
// directory. The data must be comparable, and the partial's output depend
// on nothing else.
type memoizer struct {
	set  *template.Template // base.html and the partials, set once parsed
	done sync.Map           // memoKey -> template.HTML
}

type memoKey struct {
	name string
	data any
}

func (m *memoizer) render(name string, data any) (template.HTML, error) {
	if t := reflect.TypeOf(data); t == nil || !t.Comparable() {
		return "", fmt.Errorf("memo %q: data of type %v cannot be told apart", name, t)
	}
	key := memoKey{name, data}
	if html, ok := m.done.Load(key); ok {
		return html.(template.HTML), nil
	}
	var b strings.Builder
	if err := m.set.ExecuteTemplate(&b, name, data); err != nil {
		return "", err
	}
	html := template.HTML(b.String())
	m.done.Store(key, html)
	return html, nil
}

// renderEach renders the partial for each element of the slice items, as
// render does, each on a line of its own: a table of thousands of rows costs
// one call from the template instead of one a row.
func (m *memoizer) renderEach(name string, items any) (template.HTML, error) {
	return m.renderJoin(name, "\n", items, true)
}

// renderJoin renders the partial for each element of the slice items, as
// render does, with the text sep, HTML-escaped, between them (or, if first,
// before each): an inline list such as "A, B, C" in one call from the
// template.
func (m *memoizer) renderJoin(name, sep string, items any, first bool) (template.HTML, error) {
	v := reflect.ValueOf(items)
	if v.Kind() != reflect.Slice {
		return "", fmt.Errorf("memo %q: %T is not a slice", name, items)
	}
	sep = html.EscapeString(sep) // text, not html/template's stricter escaping: " + " stays as written
	parts := make([]template.HTML, v.Len())
	size := len(sep) * len(parts)
	for i := range parts {
		html, err := m.render(name, v.Index(i).Interface())
		if err != nil {
			return "", err
		}
		parts[i], size = html, size+len(html)
	}
	var b strings.Builder // a country's table is some hundred rows: grown once
	b.Grow(size)
	for i, html := range parts {
		if first || i > 0 {
			b.WriteString(sep)
		}
		b.WriteString(string(html))
	}
	return template.HTML(b.String()), nil
}

func contains(xs []string, x string) bool { return slices.Contains(xs, x) }

func errorsIsNotExist(err error) bool { return errors.Is(err, fs.ErrNotExist) }
