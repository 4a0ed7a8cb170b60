package synth

import (
	"fmt"
	"strings"
)

// The word lists below are copied verbatim from gen.py; their order matters,
// because a draw picks an element by index.

const letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"

// syllables make up synthetic country names (gen.py's SYLL).
var syllables = []string{"ar", "bel", "cor", "dan", "el", "fin", "gar", "hal", "is", "jor", "kan", "lum",
	"mor", "nav", "or", "pel", "quin", "ros", "sal", "tor", "ul", "var", "wen", "zan"}

// regions are given to countries by position, not by a draw.
var regions = []string{"Northern Europe", "Western Europe", "Central and Eastern Europe", "South-eastern Europe",
	"Middle East and North Africa", "Asia-Pacific", "Americas", "Caucasus and Central Asia"}

// categories are the formatlas categories that kinds map onto by index.
var categories = []string{"alliance", "partnership-framework", "flexible", "minilateral", "eu"}

var kinds = []string{"alliance", "coalition", "minilateral", "dialogue", "exercise", "initiative",
	"partnership", "task-force"}

var adjectives = []string{"Northern", "Southern", "Atlantic", "Pacific", "Joint", "Combined", "Maritime",
	"Continental", "Strategic", "Regional", "Eastern", "Western", "Arctic", "Central"}

var nouns = []string{"Compact", "Group", "Council", "Framework", "Force", "Forum", "Accord", "Union",
	"Contact Group", "Quad", "Pact", "Command"}

// words is the vocabulary of the body prose (gen.py's WORDS, split on spaces).
var words = strings.Fields("defence security alliance member state treaty article obligation collective " +
	"deterrence posture force command exercise interoperability doctrine capability " +
	"procurement budget ministerial summit declaration communique maritime air land " +
	"cyber space intelligence sharing headquarters rotation deployment brigade " +
	"battalion squadron frigate readiness mobility logistics corridor border " +
	"partnership dialogue consultation framework format minilateral coalition " +
	"secretariat chair presidency consensus veto quorum accession enlargement " +
	"observer status regional stability crisis response mission mandate operation " +
	"training advisory assistance reform governance oversight parliament ratification " +
	"sanctions arms control verification inspection nuclear conventional hybrid " +
	"threat resilience infrastructure energy supply chain technology innovation " +
	"industrial base standardisation the of and to in a for with on by as at from " +
	"that which is was were has have been under between among against within")

// capitalize mirrors Python's str.capitalize on ASCII text: the first letter
// upper case and, unlike a plain title-casing, every other letter lower case.
func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + strings.ToLower(s[1:])
}

// sentence draws n words and returns them as a capitalised sentence.
func sentence(r *splitMix64, n int) string {
	ws := make([]string, n)
	for i := range ws {
		ws[i] = choice(r, words)
	}
	ws[0] = capitalize(ws[0])
	return strings.Join(ws, " ") + "."
}

// paragraph returns sentences of 8 to 18 words until n words are used up;
// each sentence length is drawn before its words.
func paragraph(r *splitMix64, n int) string {
	var out []string
	for left := n; left > 0; {
		k := min(left, r.randint(8, 18))
		out = append(out, sentence(r, k))
		left -= k
	}
	return strings.Join(out, " ")
}

// body returns the Markdown of format i: about 600 words of prose with a list,
// a table, links, a footnote and fenced Go code. The draws happen in the
// order gen.py's body() makes them (Python evaluates f-strings and
// concatenations left to right), so the statements below must stay in order.
func body(r *splitMix64, i int, members []string, names map[string]string) string {
	m0 := members[0]
	var parts []string
	add := func(s string) { parts = append(parts, s) }

	add(paragraph(r, 70) + fmt.Sprintf(" See the [founding charter](https://example.org/charters/f%04d) "+
		"and the page of [%s](%s)[^1].", i, names[m0], countryLink(m0)))
	add("## Background")
	add(paragraph(r, 70))
	add(paragraph(r, 70))
	add("## Members and obligations")
	add(memberList(r, members, names))
	add(eventTable(r, len(members)))
	add("## Activities")
	add(paragraph(r, 80))
	add(quorumCode(i, r.randint(2, 9), len(members)))
	add("## Assessment")
	add(paragraph(r, 70))
	add(paragraph(r, 70))
	add("### Outlook")
	add(paragraph(r, 60))
	add("[^1]: " + paragraph(r, 15))
	return strings.Join(parts, "\n\n") + "\n"
}

// countryLink is the link gen.py --formatlas writes to a country's page.
func countryLink(code string) string { return "country:" + code }

// memberList is a bullet per member, for the first five members at most.
func memberList(r *splitMix64, members []string, names map[string]string) string {
	lines := make([]string, 0, 5)
	for _, m := range members[:min(5, len(members))] {
		lines = append(lines, fmt.Sprintf("- **%s**: %s", names[m], paragraph(r, 8)))
	}
	return strings.Join(lines, "\n")
}

// eventTable is a four-row table; each row draws year, event, participants.
func eventTable(r *splitMix64, nMembers int) string {
	rows := []string{"| Year | Event | Participants |", "|---:|---|---:|"}
	for range 4 {
		year := r.randint(1950, 2024)
		event := sentence(r, 5)
		participants := r.randint(2, nMembers)
		rows = append(rows, fmt.Sprintf("| %d | %s | %d |", year, event, participants))
	}
	return strings.Join(rows, "\n")
}

// quorumCode is the fenced Go block; q was drawn by the caller.
func quorumCode(i, q, nMembers int) string {
	return "```go\n" +
		fmt.Sprintf("package f%04d\n\n", i) +
		fmt.Sprintf("// Quorum returns the number of votes format f%04d needs.\n", i) +
		"func Quorum(members int) int {\n" +
		fmt.Sprintf("\tif members < %d {\n", q) +
		"\t\treturn members\n" +
		"\t}\n" +
		fmt.Sprintf("\treturn members*%d/%d + 1 // %d founding members\n", q-1, q, nMembers) +
		"}\n" +
		"```"
}
