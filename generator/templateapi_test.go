package generator_test

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/printer"
	"go/token"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"formatlas/generator"
	"formatlas/generator/load"
	"formatlas/generator/markdown"
	"formatlas/generator/page"
	"formatlas/generator/site"
)

// viewPackages are the packages whose types templates see, by the name
// reflection gives them.
var viewPackages = map[string]string{"view": "page/view", "matrix": "page/matrix", "pictures": "page/pictures", "page": "page"}

// TestTemplateAPI holds the README's reference of the template API to the
// code: the view type each page kind's template gets, and every field of
// the types it reaches, with its comment. go test ./generator -run
// TemplateAPI -update writes it between the README's markers.
func TestTemplateAPI(t *testing.T) {
	fsys := fixtureFS(t, "site-small")
	c, err := load.Load(generator.Themed(fsys))
	if err != nil {
		t.Fatal(err)
	}
	s, err := site.Link(c)
	if err != nil {
		t.Fatal(err)
	}
	planner := page.New(s, generator.Themed(fsys), markdown.New(markdown.Options{}), map[string]string{})
	pages, _ := planner.Plan()
	kinds := map[string]reflect.Type{}
	for _, pg := range pages {
		v := pg.View
		switch {
		case pg.Format != nil:
			v, _, _ = planner.FormatPage(pg.Format)
		case pg.Build != nil:
			v = pg.Build()
		}
		if v != nil && kinds[pg.Template] == nil {
			kinds[pg.Template] = reflect.TypeOf(v)
		}
	}
	pv, _ := planner.PrintEdition()
	kinds["print"] = reflect.TypeOf(pv)
	docs := parseDocs(t)
	var b strings.Builder
	b.WriteString("| template | its data |\n|---|---|\n")
	var queue []string
	keys := mapKeys(kinds)
	slices.Sort(keys)
	for _, k := range keys {
		name := typeName(kinds[k])
		fmt.Fprintf(&b, "| `%s.html` | `%s` |\n", k, name)
		queue = append(queue, name)
	}
	seen := map[string]bool{}
	var types []string
	for len(queue) > 0 {
		name := queue[0]
		queue = queue[1:]
		if seen[name] || docs[name] == nil {
			continue
		}
		seen[name] = true
		types = append(types, name)
		for _, f := range docs[name].fields {
			queue = append(queue, referenced(f.typ)...)
		}
	}
	slices.Sort(types)
	for _, name := range types {
		d := docs[name]
		fmt.Fprintf(&b, "\n**`%s`**: %s\n\n", name, d.doc)
		for _, f := range d.fields {
			line := "- `" + f.name + "` " + "`" + f.typ + "`"
			if f.doc != "" {
				line += ": " + f.doc
			}
			b.WriteString(line + "\n")
		}
	}
	readmePath := filepath.Join(repoRoot, "README.md")
	readme, err := os.ReadFile(readmePath)
	if err != nil {
		t.Fatal(err)
	}
	const start, end = "<!-- template-api:start -->\n", "<!-- template-api:end -->"
	i, j := strings.Index(string(readme), start), strings.Index(string(readme), end)
	if i < 0 || j < i {
		t.Fatalf("README.md lacks the markers %q and %q", start, end)
	}
	got := string(readme[:i+len(start)]) + b.String() + string(readme[j:])
	if *update {
		if err := os.WriteFile(readmePath, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if got != string(readme) {
		t.Errorf("README.md's template API is out of date (run with -update):\n%s", lineDiff(string(readme), got))
	}
	// every template function is shown there with an example
	for _, fn := range []string{"asset", "hasAsset", "plural", "join", "lower", "memo", "memoEach", "memoJoin"} {
		if !strings.Contains(string(readme), "`"+fn+"`") {
			t.Errorf("README.md does not show the template function %s", fn)
		}
	}
}

func mapKeys[V any](m map[string]V) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// typeName is t as Go code names it from outside its package: "view.FormatView".
func typeName(t reflect.Type) string {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return pkgName(t.PkgPath()) + "." + t.Name()
}

func pkgName(p string) string { return p[strings.LastIndex(p, "/")+1:] }

type typeDoc struct {
	doc    string
	fields []fieldDoc
}

type fieldDoc struct{ name, typ, doc string }

// parseDocs reads the struct types of the view packages with their fields
// and comments, by qualified name.
func parseDocs(t *testing.T) map[string]*typeDoc {
	t.Helper()
	out := map[string]*typeDoc{}
	for pkg, dir := range viewPackages {
		fset := token.NewFileSet()
		files, err := filepath.Glob(filepath.Join(repoRoot, "generator", dir, "*.go"))
		if err != nil {
			t.Fatal(err)
		}
		for _, name := range files {
			if strings.HasSuffix(name, "_test.go") {
				continue
			}
			f, err := parser.ParseFile(fset, name, nil, parser.ParseComments)
			if err != nil {
				t.Fatal(err)
			}
			for _, decl := range f.Decls {
				gd, ok := decl.(*ast.GenDecl)
				if !ok || gd.Tok != token.TYPE {
					continue
				}
				for _, spec := range gd.Specs {
					ts := spec.(*ast.TypeSpec)
					st, ok := ts.Type.(*ast.StructType)
					if !ok || !ts.Name.IsExported() {
						continue
					}
					doc := ts.Doc.Text()
					if doc == "" {
						doc = gd.Doc.Text()
					}
					d := &typeDoc{doc: oneLine(doc)}
					for _, fld := range st.Fields.List {
						typ := qualify(pkg, exprString(fset, fld.Type))
						comment := oneLine(fld.Doc.Text() + " " + fld.Comment.Text())
						if len(fld.Names) == 0 { // embedded
							d.fields = append(d.fields, fieldDoc{typ, typ, "its fields, embedded"})
						}
						for _, n := range fld.Names {
							if n.IsExported() {
								d.fields = append(d.fields, fieldDoc{n.Name, typ, comment})
							}
						}
					}
					out[pkg+"."+ts.Name.Name] = d
				}
			}
		}
	}
	return out
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func exprString(fset *token.FileSet, e ast.Expr) string {
	var b strings.Builder
	if err := formatNode(&b, fset, e); err != nil {
		return "?"
	}
	return b.String()
}

// qualify names the package of the types of pkg that a field names bare.
func qualify(pkg, typ string) string {
	var b strings.Builder
	word := ""
	flush := func() {
		if word != "" && ast.IsExported(word) && !strings.Contains(word, ".") {
			word = pkg + "." + word
		}
		b.WriteString(word)
		word = ""
	}
	for _, r := range typ {
		if r == '.' || r == '_' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' {
			word += string(r)
			continue
		}
		flush()
		b.WriteRune(r)
	}
	flush()
	return b.String()
}

// referenced are the qualified type names in a field's type.
func referenced(typ string) []string {
	return strings.FieldsFunc(typ, func(r rune) bool {
		return r == '[' || r == ']' || r == '*' || r == ' ' || r == '(' || r == ')' || r == ','
	})
}

func formatNode(b *strings.Builder, fset *token.FileSet, e ast.Expr) error {
	return printer.Fprint(b, fset, e)
}
