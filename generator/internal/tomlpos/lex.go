package tomlpos

import "strings"

// tomlLine is one line of a TOML text as lexTOML sees it.
type tomlLine struct {
	start   int    // byte offset of the line in the text
	code    string // the line without its comment and line ending
	eq      int    // offset in code of the first = outside strings, or -1
	inValue bool   // the line begins inside a multi-line string, an array or an inline table
}

// span is a byte range [start, end) of the text.
type span struct{ start, end int }

// lexState is what the lexer is inside of.
type lexState int

const (
	lexPlain        lexState = iota
	lexBasic                 // "..."
	lexLiteral               // '...'
	lexMultiBasic            // """..."""
	lexMultiLiteral          // '''...'''
)

// lexTOML splits src into lines and finds its string tokens, telling strings,
// comments and the brackets of values apart. It knows only as much of TOML as
// placing keys and values needs: BurntSushi/toml does the parsing. The text
// may be invalid (the parser places a syntax error, not this); an unclosed
// one-line string then ends at its line.
func lexTOML(src string) ([]tomlLine, []span) {
	l := &lexer{src: src, comment: -1, cur: tomlLine{eq: -1}}
	for l.i < len(src) {
		switch {
		case src[l.i] == '\n':
			l.newline()
		case l.comment >= 0:
			l.i++
		case l.state == lexPlain:
			l.plain()
		default:
			l.inString()
		}
	}
	l.endLine(len(src))
	return l.lines, l.strs
}

type lexer struct {
	src     string
	i       int // the next byte
	state   lexState
	depth   int // [ and { of values open
	strAt   int // where the open string began
	comment int // where the current line's comment began, or -1
	cur     tomlLine
	lines   []tomlLine
	strs    []span
}

// endLine ends the current line at end, its newline.
func (l *lexer) endLine(end int) {
	if l.comment >= 0 {
		end = l.comment
	}
	l.cur.code = strings.TrimSuffix(l.src[l.cur.start:end], "\r")
	l.lines = append(l.lines, l.cur)
}

func (l *lexer) newline() {
	l.endLine(l.i)
	if l.state == lexBasic || l.state == lexLiteral {
		l.state = lexPlain
	}
	l.comment = -1
	l.i++
	l.cur = tomlLine{start: l.i, eq: -1, inValue: l.state != lexPlain || l.depth > 0}
}

func (l *lexer) plain() {
	c, rest := l.src[l.i], l.src[l.i:]
	switch {
	case c == '#':
		l.comment = l.i
	case strings.HasPrefix(rest, `"""`):
		l.open(lexMultiBasic, 3)
		return
	case strings.HasPrefix(rest, `'''`):
		l.open(lexMultiLiteral, 3)
		return
	case c == '"':
		l.open(lexBasic, 1)
		return
	case c == '\'':
		l.open(lexLiteral, 1)
		return
	case c == '[' || c == '{':
		l.depth++
	case c == ']' || c == '}':
		l.depth = max(l.depth-1, 0)
	case c == '=' && l.cur.eq < 0:
		l.cur.eq = l.i - l.cur.start
	}
	l.i++
}

func (l *lexer) open(s lexState, quotes int) {
	l.state, l.strAt = s, l.i
	l.i += quotes
}

func (l *lexer) inString() {
	rest := l.src[l.i:]
	basic := l.state == lexBasic || l.state == lexMultiBasic
	if basic && rest[0] == '\\' && len(rest) > 1 && rest[1] != '\n' {
		l.i += 2 // an escape; a backslash that ends a line is left to the newline
		return
	}
	quote := byte('\'')
	if basic {
		quote = '"'
	}
	if n := closing(rest, quote, l.state == lexMultiBasic || l.state == lexMultiLiteral); n > 0 {
		l.i += n
		l.strs = append(l.strs, span{l.strAt, l.i})
		l.state = lexPlain
		return
	}
	l.i++
}

// closing is the length of the delimiter that closes a string at the start of
// s, or 0. A multi-line string ends at three quotes, and takes up to two more
// just before them as its own: """a""""" holds a"".
func closing(s string, quote byte, multi bool) int {
	if !multi {
		if s[0] == quote {
			return 1
		}
		return 0
	}
	n := 0
	for n < len(s) && n < 5 && s[n] == quote {
		n++
	}
	if n < 3 {
		return 0
	}
	return n
}
