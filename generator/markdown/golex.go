package markdown

import (
	"go/scanner"
	"go/token"
	"regexp"
	"strings"

	"github.com/alecthomas/chroma/v2"
)

// goTokens tokenises Go source with the standard library's go/scanner and
// classes each token as chroma's Go lexer would. Chroma's lexer tries its
// rules as regular expressions one after another at every position, about
// 200 µs for a ten-line block; the scanner takes a few microseconds.
//
// ok is false wherever the two might disagree, and chroma then lexes the
// block itself: non-ASCII text or carriage returns, template actions in raw
// strings, anything the scanner reports as an error, and any literal or
// operator that chroma's own patterns would cut differently. A fuzz test
// holds the result to chroma's, token for token.
func goTokens(code string) (tokens []chroma.Token, ok bool) {
	for i := range len(code) {
		if c := code[i]; c >= 0x80 || c == '\r' {
			return nil, false
		}
	}
	if strings.Contains(code, "{{") {
		return nil, false
	}
	src := []byte(code)
	file := token.NewFileSet().AddFile("", -1, len(src))
	failed := false
	var s scanner.Scanner
	s.Init(file, src, func(token.Position, string) { failed = true }, scanner.ScanComments)
	var out goTokenList
	at := 0 // where the last token ended
	for {
		pos, tok, lit := s.Scan()
		if tok == token.EOF {
			break
		}
		if tok == token.SEMICOLON && lit == "\n" {
			continue // inserted by the scanner, not in the source
		}
		off := file.Offset(pos)
		text := tok.String()
		if tok.IsLiteral() || tok == token.COMMENT || tok == token.SEMICOLON {
			text = lit
		}
		end := off + len(text)
		if off < at || end > len(code) || code[off:end] != text || strings.Trim(code[at:off], " \t\n") != "" {
			return nil, false
		}
		out.add(code, at, off, chroma.TextWhitespace)
		if !classGo(&out, code, off, end, tok) {
			return nil, false
		}
		at = end
	}
	if failed || strings.Trim(code[at:], " \t\n") != "" {
		return nil, false
	}
	out.add(code, at, len(code), chroma.TextWhitespace)
	return out.tokens, true
}

// goTokenList gathers tokens as chroma's coalescer does: a token of the type
// before it joins that token while it is shorter than 8,192 bytes. Tokens
// are consecutive slices of the code, so the last one ends at from, and
// joining extends it.
type goTokenList struct {
	tokens []chroma.Token
}

func (l *goTokenList) add(code string, from, to int, t chroma.TokenType) {
	if from == to {
		return
	}
	if n := len(l.tokens); n > 0 && l.tokens[n-1].Type == t && len(l.tokens[n-1].Value) < 8192 {
		l.tokens[n-1].Value = code[from-len(l.tokens[n-1].Value) : to]
		return
	}
	l.tokens = append(l.tokens, chroma.Token{Type: t, Value: code[from:to]})
}

// The sets and patterns of chroma's Go lexer (lexers/go.go), in its order.
var (
	goNamespace   = words("import package")
	goDeclaration = words("var func struct map chan type interface const")
	goConstant    = words("true false iota nil")
	goBuiltinCall = words("uint uint8 uint16 uint32 uint64 int int8 int16 int32 int64 float float32 float64 complex64 complex128 byte rune string bool error uintptr print println panic recover close complex real imag len cap append copy delete new make clear min max")
	goType        = words("uint uint8 uint16 uint32 uint64 int int8 int16 int32 int64 float float32 float64 complex64 complex128 byte rune string bool error uintptr any")

	goNumbers = []struct {
		re *regexp.Regexp
		t  chroma.TokenType
	}{
		{regexp.MustCompile(`^\d+i`), chroma.LiteralNumber},
		{regexp.MustCompile(`^\d+\.\d*([Ee][-+]\d+)?i`), chroma.LiteralNumber},
		{regexp.MustCompile(`^\.\d+([Ee][-+]\d+)?i`), chroma.LiteralNumber},
		{regexp.MustCompile(`^\d+[Ee][-+]\d+i`), chroma.LiteralNumber},
		{regexp.MustCompile(`^\d+(\.\d+[eE][+\-]?\d+|\.\d*|[eE][+\-]?\d+)`), chroma.LiteralNumberFloat},
		{regexp.MustCompile(`^\.\d+([eE][+\-]?\d+)?`), chroma.LiteralNumberFloat},
		{regexp.MustCompile(`^0[0-7]+`), chroma.LiteralNumberOct},
		{regexp.MustCompile(`^0[xX][0-9a-fA-F_]+`), chroma.LiteralNumberHex},
		{regexp.MustCompile(`^0b[01_]+`), chroma.LiteralNumberBin},
		{regexp.MustCompile(`^(0|[1-9][0-9_]*)`), chroma.LiteralNumberInteger},
	}
	goChar     = regexp.MustCompile(`^'(\\['"\\abfnrtv]|\\x[0-9a-fA-F]{2}|\\[0-7]{1,3}|\\u[0-9a-fA-F]{4}|\\U[0-9a-fA-F]{8}|[^\\])'`)
	goString   = regexp.MustCompile(`^"(\\\\|\\"|[^"])*"`)
	goOperator = regexp.MustCompile(`^(<<=|>>=|<<|>>|<=|>=|&\^=|&\^|\+=|-=|\*=|/=|%=|&=|\|=|&&|\|\||<-|\+\+|--|==|!=|:=|\.\.\.|[+\-*/%&])`)
)

func words(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// classGo adds the token code[off:end] that the scanner found as tok, with
// the type chroma's first matching rule gives it. It reports false where
// chroma's patterns would not cut the same token.
func classGo(out *goTokenList, code string, off, end int, tok token.Token) bool {
	text := code[off:end]
	// whole reports whether re matches exactly the token at off.
	whole := func(re *regexp.Regexp) bool { return len(re.FindString(code[off:])) == end-off }
	switch {
	case tok == token.COMMENT && strings.HasPrefix(text, "//"):
		if len(text) > 2 && !strings.ContainsRune(" \t\v\f", rune(text[2])) {
			out.add(code, off, end, chroma.CommentPreproc)
		} else {
			out.add(code, off, end, chroma.CommentSingle)
		}
	case tok == token.COMMENT:
		out.add(code, off, end, chroma.CommentMultiline)
	case tok.IsKeyword():
		switch {
		case goNamespace[text]:
			out.add(code, off, end, chroma.KeywordNamespace)
		case goDeclaration[text]:
			out.add(code, off, end, chroma.KeywordDeclaration)
		default:
			out.add(code, off, end, chroma.Keyword)
		}
	case tok == token.IDENT:
		rest := strings.TrimLeft(code[end:], " \t\n\v\f")
		switch {
		case goConstant[text]:
			out.add(code, off, end, chroma.KeywordConstant)
		case goBuiltinCall[text] && strings.HasPrefix(code[end:], "("):
			out.add(code, off, end, chroma.NameBuiltin)
		case goType[text]:
			out.add(code, off, end, chroma.KeywordType)
		case strings.HasPrefix(rest, "("):
			out.add(code, off, end, chroma.NameFunction)
		default:
			out.add(code, off, end, chroma.NameOther)
		}
	case tok == token.INT || tok == token.FLOAT || tok == token.IMAG:
		for _, n := range goNumbers {
			if m := n.re.FindString(code[off:]); m != "" {
				if len(m) != end-off {
					return false
				}
				out.add(code, off, end, n.t)
				return true
			}
		}
		return false
	case tok == token.CHAR:
		if !whole(goChar) {
			return false
		}
		out.add(code, off, end, chroma.LiteralStringChar)
	case tok == token.STRING:
		if text[0] == '"' && !whole(goString) {
			return false
		}
		out.add(code, off, end, chroma.LiteralString)
	case tok.IsOperator():
		// Chroma cuts operators by its own list, the rest of the marks one
		// at a time as punctuation: "^=" is two punctuation marks there.
		for p := off; p < end; {
			if m := goOperator.FindString(code[p:]); m != "" {
				if p+len(m) > end {
					return false
				}
				out.add(code, p, p+len(m), chroma.Operator)
				p += len(m)
				continue
			}
			if !strings.ContainsRune(`|^<>=!()[]{}.,;:~`, rune(code[p])) {
				return false
			}
			out.add(code, p, p+1, chroma.Punctuation)
			p++
		}
	default:
		return false
	}
	return true
}
