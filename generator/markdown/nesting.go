package markdown

import (
	"bytes"

	"formatlas/generator/diag"
)

// MaxNesting is how deep lists and block quotes may nest on one line, and
// parentheses in one word. goldmark's parser takes time quadratic in both:
// at each level of a list opened on one line it reads the rest of the line
// again (to rule out a thematic break), and at each "](" of a word it reads
// the rest of the word for a link destination. 200,000 list markers on one
// line, 400 KB, took 80 s. Up to this depth the cost of a line stays within
// a small multiple of its length; CommonMark itself lets implementations
// limit nesting, and suggests 32 for parentheses.
const MaxNesting = 32

// checkNesting reports every line of src, outside fenced code, that nests
// deeper than MaxNesting, at the marker or parenthesis that goes too deep.
// It reads src once, so a document is refused in time linear in its size
// before goldmark reads it.
//
// It errs on the side of checking: only a fence that opens at the start of
// a line, outside any list or block quote, is taken for code (one inside a
// list item ends with the item, which this reader cannot tell), so deep
// nesting inside other code is refused too.
func checkNesting(path string, src []byte) diag.List {
	var errs diag.List
	var fence []byte // the open code fence's marker, nil outside fenced code
	for line, start := 1, 0; start < len(src); line++ {
		end := bytes.IndexByte(src[start:], '\n')
		if end < 0 {
			end = len(src) - start
		}
		text := src[start : start+end]
		start += end + 1
		switch {
		case fence == nil && openingFence(text) != nil:
			fence = openingFence(text)
			continue
		case fence != nil && closesFence(text, fence):
			fence = nil
			continue
		case fence != nil:
			continue
		}
		if col := tooDeepBlocks(text); col > 0 {
			errs.Add(diag.Position{Path: path, Line: line, Col: col},
				"lists and block quotes nest more than %d deep on this line; nest them less (formatlas allows %[1]d)", MaxNesting)
		}
		if bytes.Count(text, openParen) <= MaxNesting {
			continue // neither check below can fail: each needs more "(" than that
		}
		if col := tooDeepParens(text); col > 0 {
			errs.Add(diag.Position{Path: path, Line: line, Col: col},
				"parentheses nest more than %d deep in one word; add spaces or nest them less (formatlas allows %[1]d)", MaxNesting)
		}
		if col := tooManyOpenAngles(text); col > 0 {
			errs.Add(diag.Position{Path: path, Line: line, Col: col},
				"more than %d link destinations in <…> are open at once on this line; close them with > (formatlas allows %[1]d)", MaxNesting)
		}
	}
	return errs
}

var openParen = []byte("(")

// openingFence is the run of backticks or tildes that opens a code fence at
// the very start of line, or nil. After backticks, the info string may hold
// none (CommonMark).
func openingFence(line []byte) []byte {
	f := fenceRun(line)
	if len(f) < 3 || f[0] == '`' && bytes.IndexByte(line[len(f):], '`') >= 0 {
		return nil
	}
	return f
}

// closesFence reports whether line closes the fence opened by open: up to
// three spaces, a run of its character at least as long, and nothing else.
func closesFence(line, open []byte) bool {
	i := 0
	for i < len(line) && i < 3 && line[i] == ' ' {
		i++
	}
	f := fenceRun(line[i:])
	return len(f) >= len(open) && f[0] == open[0] && len(bytes.TrimRight(line[i+len(f):], " \t\r")) == 0
}

// fenceRun is the run of backticks or tildes that starts line.
func fenceRun(line []byte) []byte {
	j := 0
	for j < len(line) && (line[j] == '`' || line[j] == '~') && line[j] == line[0] {
		j++
	}
	return line[:j]
}

// tooDeepBlocks is the column of the list marker or ">" that opens level
// MaxNesting+1 at the start of line, or 0 if the line nests no deeper.
func tooDeepBlocks(line []byte) int {
	depth := 0
	for i := 0; i < len(line); {
		for i < len(line) && (line[i] == ' ' || line[i] == '\t') {
			i++
		}
		n := containerMarker(line[i:])
		if n == 0 {
			return 0
		}
		if depth++; depth > MaxNesting {
			if isThematicBreak(line) { // read whole only where it matters
				return 0
			}
			return i + 1
		}
		i += n
	}
	return 0
}

// containerMarker is the length of the block quote or list marker that
// starts s, with the space after it, or 0.
func containerMarker(s []byte) int {
	switch {
	case len(s) == 0:
		return 0
	case s[0] == '>':
		return 1
	case s[0] == '-' || s[0] == '+' || s[0] == '*':
		if len(s) == 1 || s[1] == ' ' || s[1] == '\t' {
			return min(2, len(s))
		}
		return 0
	}
	i := 0
	for i < len(s) && i < 9 && '0' <= s[i] && s[i] <= '9' {
		i++
	}
	if i == 0 || i == len(s) || s[i] != '.' && s[i] != ')' {
		return 0
	}
	if i+1 == len(s) || s[i+1] == ' ' || s[i+1] == '\t' {
		return min(i+2, len(s))
	}
	return 0
}

// isThematicBreak reports whether line is three or more of one of - * _,
// spaces between: a rule, not lists.
func isThematicBreak(line []byte) bool {
	var mark byte
	n := 0
	for _, c := range line {
		switch {
		case c == ' ' || c == '\t':
		case (c == '-' || c == '*' || c == '_') && (mark == 0 || c == mark):
			mark = c
			n++
		default:
			return false
		}
	}
	return n >= 3
}

// tooDeepParens is the column of the parenthesis that opens level
// MaxNesting+1 within one word of line, outside code spans, or 0.
func tooDeepParens(line []byte) int {
	depth := 0
	for i := 0; i < len(line); i++ {
		switch c := line[i]; c {
		case ' ', '\t':
			depth = 0
		case '\\':
			i++
		case '`':
			i = skipCodeSpan(line, i) - 1
		case '(':
			if depth++; depth > MaxNesting {
				return i + 1
			}
		case ')':
			depth = max(depth-1, 0)
		}
	}
	return 0
}

// tooManyOpenAngles is the column of the "](<" on line that opens the
// (MaxNesting+1)th link destination in <…> since the last ">", or 0.
// goldmark reads each such destination up to the next ">" on its line, so
// each one open at once costs a read of the rest of the line.
func tooManyOpenAngles(line []byte) int {
	open := 0
	for i := 0; i+2 < len(line); i++ {
		switch {
		case line[i] == '>':
			open = 0
		case line[i] == ']' && line[i+1] == '(' && line[i+2] == '<':
			if open++; open > MaxNesting {
				return i + 3
			}
		}
	}
	return 0
}

// skipCodeSpan is where the code span opened by the backticks at line[i]
// ends, or just past those backticks if no run of as many closes it.
func skipCodeSpan(line []byte, i int) int {
	j := i
	for j < len(line) && line[j] == '`' {
		j++
	}
	run := line[i:j]
	for k := j; k < len(line); {
		m := bytes.Index(line[k:], run)
		if m < 0 {
			break
		}
		k += m
		e := k + len(run)
		if e == len(line) || line[e] != '`' {
			return e
		}
		for e < len(line) && line[e] == '`' {
			e++
		}
		k = e
	}
	return j
}
