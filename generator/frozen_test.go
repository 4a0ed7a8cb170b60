package generator_test

import (
	"crypto/sha256"
	"fmt"
	"hash"
	"reflect"
	"slices"
	"testing"

	"formatlas/generator/load"
	"formatlas/generator/markdown"
	"formatlas/generator/render"
	"formatlas/generator/site"
)

// TestRenderLeavesModelAlone links the real site, hashes the whole model,
// renders it in memory as check and serve do, and hashes it again: once
// linked, the model is read-only. A build renders the same way, into the
// output directory: the commentaries are read where they are rendered, and
// the model holds none of them.
func TestRenderLeavesModelAlone(t *testing.T) {
	fsys := realFS(t)
	c, err := load.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	s, err := site.LinkWith(c, site.Options{AsOf: mustDate(t, "2019"), BaseURL: "https://example.org/preview/"})
	if err != nil {
		t.Fatal(err)
	}
	before := modelHash(s)
	if _, err := render.Render(s, fsys, render.Options{Markdown: markdown.New(markdown.Options{})}); err != nil {
		t.Fatal(err)
	}
	if after := modelHash(s); after != before {
		t.Error("rendering changed the model")
	}
	s.Formats[0].Summary += "." // the hash sees a change
	if modelHash(s) == before {
		t.Error("the hash does not see a changed summary")
	}
}

// modelHash is a hash of everything reachable from v, unexported fields
// too, with each pointer written as the order in which the walk first met
// it, so that two walks of one unchanged graph agree.
func modelHash(v any) string {
	w := &walker{h: sha256.New(), seen: map[uintptr]int{}}
	w.walk(reflect.ValueOf(v))
	return fmt.Sprintf("%x", w.h.Sum(nil))
}

type walker struct {
	h    hash.Hash
	seen map[uintptr]int
}

func (w *walker) walk(v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Map, reflect.Slice:
		if v.IsNil() {
			fmt.Fprint(w.h, "nil;")
			return
		}
	}
	switch v.Kind() {
	case reflect.Pointer:
		if id, ok := w.seen[v.Pointer()]; ok {
			fmt.Fprintf(w.h, "@%d;", id)
			return
		}
		w.seen[v.Pointer()] = len(w.seen)
		w.walk(v.Elem())
	case reflect.Interface:
		if v.IsNil() {
			fmt.Fprint(w.h, "nil;")
			return
		}
		w.walk(v.Elem())
	case reflect.Struct:
		for i := range v.NumField() {
			fmt.Fprintf(w.h, "%s:", v.Type().Field(i).Name)
			w.walk(v.Field(i))
		}
	case reflect.Slice, reflect.Array:
		fmt.Fprintf(w.h, "[%d", v.Len())
		for i := range v.Len() {
			w.walk(v.Index(i))
		}
		fmt.Fprint(w.h, "]")
	case reflect.Map:
		keys := v.MapKeys()
		slices.SortFunc(keys, func(a, b reflect.Value) int { return cmpString(fmt.Sprint(a), fmt.Sprint(b)) })
		fmt.Fprintf(w.h, "{%d", len(keys))
		for _, k := range keys {
			fmt.Fprintf(w.h, "%v=", k)
			w.walk(v.MapIndex(k))
		}
		fmt.Fprint(w.h, "}")
	case reflect.Func, reflect.Chan, reflect.UnsafePointer:
		fmt.Fprintf(w.h, "%s;", v.Kind())
	case reflect.String:
		fmt.Fprintf(w.h, "%q;", v.String())
	default:
		fmt.Fprintf(w.h, "%v;", v)
	}
}

func cmpString(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
