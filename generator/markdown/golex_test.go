package markdown

import (
	"io"
	"slices"
	"strings"
	"testing"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/lexers"

	"formatlas/generator/internal/synth"
)

// chromaGo is what chroma's own Go lexer makes of code, coalesced.
func chromaGo(t testing.TB, code string) []chroma.Token {
	t.Helper()
	it, err := chroma.Coalesce(lexers.Get("go")).Tokenise(nil, code)
	if err != nil {
		t.Fatal(err)
	}
	return it.Tokens()
}

// goSamples are Go snippets that use every kind of token the scanner path
// classes, and a few it must hand back to chroma.
var goSamples = map[string]bool{ // code -> whether the scanner path takes it
	"package f0001\n\n// Quorum returns the votes.\nfunc Quorum(members int) int {\n\tif members < 7 {\n\t\treturn members\n\t}\n\treturn members*6/7 + 1 // 20 founding\n}\n":                                                                   true,
	"import (\n\t\"fmt\"\n\tstr \"strings\"\n)\n\nvar x, y = 1.5e3, 0x1F\nconst c = 'a' + '\\n' + '\\x41'\n":                                                                                                                                     true,
	"type T[K comparable, V any] struct {\n\tm map[K]V `json:\"m\"`\n\tch chan<- int\n}\n":                                                                                                                                                       true,
	"func (t *T) f(a ...int) (n int, err error) {\n\tn = len(a); n += cap (a)\n\tx := make([]byte, 0, 8)\n\tx = append(x, 'b')\n\tdefer close(nil)\n\tgo t.f ()\n\tfor i := range 10 { n &^= i; n <<= 1; n ^= i; n |= 2 }\n\treturn n, nil\n}\n": true,
	"//go:build linux\n/* block\n   comment */\nvar s = \"a\\\"b\\\\\" + `raw\nstring`\nvar b = true && !false || x != y\nvar f = float64(1) + int (2) + .5 + 1. + 2i + 0.5i + 0755 + 0b101 + 1_000\nlabel:\n\tgoto label\n":                     true,
	"var t = `{{ .Name }}`\n":            false, // chroma lexes template actions inside raw strings
	"var s = \"naïve\"\n":                false, // non-ASCII
	"x := 1\r\n":                         false, // carriage return
	"var h = 0x1p-2\n":                   false, // chroma cuts a hex float in two
	"var o = 0o17\n":                     false, // and an 0o octal
	"s := \"unterminated\n":              false, // a scan error
	"a := b @ c\n":                       false,
	"fmt.Println(\"x\") // trailing\n\n": true,
	"":                                   true,
	"   \n\t\n":                          true,
}

func TestGoTokensMatchChroma(t *testing.T) {
	for code, fast := range goSamples {
		got, ok := goTokens(code)
		if ok != fast {
			t.Errorf("%q: scanner path taken = %v, want %v", code, ok, fast)
		}
		if ok && !slices.Equal(got, chromaGo(t, code)) {
			t.Errorf("%q:\n got %v\nwant %v", code, got, chromaGo(t, code))
		}
	}
}

// TestGoTokensSynthetic holds the scanner path to chroma on the code blocks
// of the benchmark's synthetic site, and checks it takes every one of them.
func TestGoTokensSynthetic(t *testing.T) {
	blocks := 0
	for p, data := range synth.Site(synth.Options{N: 200, C: 60}) {
		if !strings.HasSuffix(p, ".md") {
			continue
		}
		for _, part := range strings.Split(string(data), "```go\n")[1:] {
			code, _, found := strings.Cut(part, "```")
			if !found {
				t.Fatalf("%s: unclosed code block", p)
			}
			blocks++
			got, ok := goTokens(code)
			if !ok {
				t.Fatalf("%s: the scanner path refused %q", p, code)
			}
			if want := chromaGo(t, code); !slices.Equal(got, want) {
				t.Fatalf("%s:\n got %v\nwant %v", p, got, want)
			}
		}
	}
	if blocks < 100 {
		t.Fatalf("only %d Go blocks in the synthetic site", blocks)
	}
}

// FuzzGoTokens holds the scanner path to chroma's Go lexer on any input it
// takes.
func FuzzGoTokens(f *testing.F) {
	for code := range goSamples {
		f.Add(code)
	}
	f.Fuzz(func(t *testing.T, code string) {
		if got, ok := goTokens(code); ok {
			if want := chromaGo(t, code); !slices.Equal(got, want) {
				t.Fatalf("%q:\n got %v\nwant %v", code, got, want)
			}
		}
	})
}

// BenchmarkHighlightGo highlights one of the synthetic site's Go blocks,
// through the scanner path and through chroma's own lexer.
func BenchmarkHighlightGo(b *testing.B) {
	code := ""
	for code == "" {
		for p, data := range synth.Site(synth.Options{N: 1, C: 60}) {
			if _, rest, ok := strings.Cut(string(data), "```go\n"); ok && strings.HasSuffix(p, ".md") {
				code, _, _ = strings.Cut(rest, "```")
			}
		}
	}
	h := newHighlighter("")
	b.Run("scanner", func(b *testing.B) {
		for b.Loop() {
			if _, err := h.highlight("go", code); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("chroma", func(b *testing.B) {
		for b.Loop() {
			it, err := chroma.Coalesce(lexers.Get("go")).Tokenise(nil, code)
			if err != nil {
				b.Fatal(err)
			}
			if err := h.formatter.Format(io.Discard, h.style, it); err != nil {
				b.Fatal(err)
			}
		}
	})
}
