package render

import (
	"fmt"
	"html/template"
	"slices"
	"strconv"
	"strings"
	"text/template/parse"

	"formatlas/generator/diag"
)

// memoFuncs are the functions that render a partial by name in a template
// execution of their own, which text/template's depth limit does not see:
// a partial that reaches itself through them recurses until the stack
// overflows and the process dies, so such a cycle is refused when parsing.
var memoFuncs = []string{"memo", "memoEach", "memoJoin"}

// call is one place where a template renders another.
type call struct {
	to   string
	memo bool       // through a memo function, not {{template}}
	node parse.Node // where, for the error
}

// checkMemo reports, in the template set, every memo call whose partial is
// not named by a quoted string, and every one whose partial renders, through
// any chain of {{template}} and memo calls, the template that calls it.
func checkMemo(set *template.Template) diag.List {
	calls := map[string][]call{}
	trees := map[string]*parse.Tree{}
	var errs diag.List
	for _, t := range set.Templates() {
		if t.Tree == nil || t.Tree.Root == nil {
			continue
		}
		trees[t.Name()] = t.Tree
		walkCalls(t.Tree.Root, func(c call, bad string) {
			if bad != "" {
				errs = append(errs, nodeError(t.Tree, c.node, bad))
				return
			}
			calls[t.Name()] = append(calls[t.Name()], c)
		})
	}
	names := make([]string, 0, len(calls))
	for name := range calls {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, from := range names {
		for _, c := range calls[from] {
			if !c.memo {
				continue
			}
			if chain := reach(calls, c.to, from); chain != nil {
				errs = append(errs, nodeError(trees[from], c.node, fmt.Sprintf(
					"%s %q leads back to %q (%s): a partial rendered with memo, memoEach or memoJoin may not render the template that calls it",
					memoName(c.node), c.to, from, strings.Join(append([]string{from}, chain...), " → "))))
			}
		}
	}
	return errs
}

// reach is a chain of templates by which from renders to, or nil.
func reach(calls map[string][]call, from, to string) []string {
	prev := map[string]string{from: ""}
	queue := []string{from}
	for len(queue) > 0 {
		name := queue[0]
		queue = queue[1:]
		if name == to {
			var chain []string
			for n := name; n != ""; n = prev[n] {
				chain = append(chain, n)
			}
			slices.Reverse(chain)
			return chain
		}
		for _, c := range calls[name] {
			if _, seen := prev[c.to]; !seen {
				prev[c.to] = name
				queue = append(queue, c.to)
			}
		}
	}
	return nil
}

// walkCalls calls found for each {{template}} and memo call under n, with a
// message in bad for a memo call whose partial is not a quoted name.
func walkCalls(n parse.Node, found func(c call, bad string)) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return
		}
		for _, c := range n.Nodes {
			walkCalls(c, found)
		}
	case *parse.ActionNode:
		walkCalls(n.Pipe, found)
	case *parse.IfNode:
		walkBranch(&n.BranchNode, found)
	case *parse.RangeNode:
		walkBranch(&n.BranchNode, found)
	case *parse.WithNode:
		walkBranch(&n.BranchNode, found)
	case *parse.TemplateNode:
		found(call{to: n.Name, node: n}, "")
		walkCalls(n.Pipe, found)
	case *parse.PipeNode:
		if n == nil {
			return
		}
		for _, c := range n.Cmds {
			walkCalls(c, found)
		}
	case *parse.ChainNode:
		walkCalls(n.Node, found)
	case *parse.CommandNode:
		walkCommand(n, found)
	}
}

func walkBranch(b *parse.BranchNode, found func(c call, bad string)) {
	walkCalls(b.Pipe, found)
	walkCalls(b.List, found)
	walkCalls(b.ElseList, found)
}

func walkCommand(n *parse.CommandNode, found func(c call, bad string)) {
	for _, arg := range n.Args {
		walkCalls(arg, found)
	}
	if len(n.Args) == 0 {
		return
	}
	id, ok := n.Args[0].(*parse.IdentifierNode)
	if !ok || !slices.Contains(memoFuncs, id.Ident) {
		return
	}
	if len(n.Args) < 2 {
		found(call{node: n}, id.Ident+" needs the name of a partial as a quoted string first")
		return
	}
	name, ok := n.Args[1].(*parse.StringNode)
	if !ok {
		found(call{node: n}, id.Ident+" needs the name of a partial as a quoted string, not "+n.Args[1].String())
		return
	}
	found(call{to: name.Text, memo: true, node: n}, "")
}

// memoName is the memo function a call node uses.
func memoName(n parse.Node) string {
	if c, ok := n.(*parse.CommandNode); ok {
		return c.Args[0].String()
	}
	return "memo"
}

// nodeError places msg at the node's file, line and column.
func nodeError(tree *parse.Tree, n parse.Node, msg string) *diag.Error {
	loc, _ := tree.ErrorContext(n) // "rows.html:3:12"
	file, rest, _ := strings.Cut(loc, ":")
	lineText, colText, _ := strings.Cut(rest, ":")
	line, _ := strconv.Atoi(lineText)
	col, _ := strconv.Atoi(colText)
	return &diag.Error{Pos: diag.Position{Path: templateFile(file), Line: line, Col: col}, Msg: msg}
}
