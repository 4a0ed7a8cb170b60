package generator_test

import (
	"fmt"
	"io/fs"
	"os"
	"path"
	"regexp"
	"sort"
	"strings"
	"testing"
	"unicode"

	"formatlas/generator/load"
)

// paperPath is the source paper, beside the repository in shared/.
const paperPath = "../../shared/source/000_5edd3fe6abe30e57.txt"

// runLength is the longest run of consecutive words our prose may share with
// the paper outside quotation marks, plus one.
const runLength = 8

// TestProseIsOurOwn fails on any run of 8 or more consecutive words that the
// commentary or a prose field shares with the paper outside quotation marks,
// unless the run is made only of proper names ("the Mediterranean Dialogue
// and the Istanbul Cooperation Initiative"). Bibliographic titles are data
// and are not checked.
func TestProseIsOurOwn(t *testing.T) {
	paper, err := os.ReadFile(paperPath)
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("the paper is missing under CI: %v", err)
		}
		t.Skipf("the paper is not beside the repository (%v): skipping the overlap check", err)
	}
	shingles := map[string]bool{}
	for _, s := range ngrams(words(string(paper))) {
		shingles[s] = true
	}
	texts := prose(t)
	if len(texts) < 20 {
		t.Fatalf("only %d prose texts found: the check would prove little", len(texts))
	}
	for _, where := range sortedKeys(texts) {
		for _, s := range copiedRuns(shingles, texts[where]) {
			t.Errorf("%s shares %d words with the paper outside quotation marks: %q", where, runLength, s)
		}
	}
}

// copiedRuns are the runs of runLength words of text, outside quotation
// marks, that are among the paper's shingles and are not made only of
// proper names.
func copiedRuns(shingles map[string]bool, text string) []string {
	plain := unquote(text)
	runs, names := ngrams(words(plain)), ngrams(nameMarks(plain))
	var out []string
	for i, s := range runs {
		if shingles[s] && strings.Contains(names[i], "w") {
			out = append(out, s)
		}
	}
	return out
}

// nameMarks marks each word of text, as words splits it, "N" when it may
// be part of a proper name (it starts with a capital, or is a short word
// that joins names: "the", "of", "and"...) and "w" otherwise.
func nameMarks(text string) []string {
	var out []string
	for _, w := range tokens(text) {
		if first := []rune(w)[0]; unicode.IsUpper(first) || nameJoiners[w] {
			out = append(out, "N")
		} else {
			out = append(out, "w")
		}
	}
	return out
}

// nameJoiners are the lower-case words found inside proper names.
var nameJoiners = map[string]bool{"the": true, "of": true, "and": true, "for": true, "on": true, "in": true, "to": true, "de": true}

// TestOverlapCheckCatchesCopying shows the check is not vacuous: a sentence
// from the paper is caught, and the same sentence in quotation marks is not.
func TestOverlapCheckCatchesCopying(t *testing.T) {
	copied := "Some of these groupings address a specific problem within or in connection with NATO structures."
	paper := words("Intro. " + copied + " More.")
	shingles := map[string]bool{}
	for _, s := range ngrams(paper) {
		shingles[s] = true
	}
	hits := func(text string) int { return len(copiedRuns(shingles, text)) }
	if hits("We write: "+copied) == 0 {
		t.Error("a copied sentence was not caught")
	}
	if hits(`As they put it, "`+copied+`"`) != 0 || hits("As they put it, “"+copied+"”") != 0 {
		t.Error("a quoted sentence was flagged")
	}
	if hits("See [NATO](format:nato) structures and more words here that are ours alone today.") != 0 {
		t.Error("our own words were flagged")
	}
	// Eight words of names are no copying; eight words of prose are.
	names := words("Members are Denmark, Estonia, Finland, Iceland, Latvia, Lithuania, Norway and Sweden.")
	for _, s := range ngrams(names) {
		shingles[s] = true
	}
	if hits("The group: Denmark, Estonia, Finland, Iceland, Latvia, Lithuania, Norway and Sweden.") != 0 {
		t.Error("a run of proper names was flagged")
	}
	if hits("Some of these groupings address a specific problem, we write.") == 0 {
		t.Error("a copied run of eight words was not caught")
	}
}

// prose collects every text of ours in the real content, keyed by where it is.
func prose(t *testing.T) map[string]string {
	t.Helper()
	fsys := realFS(t)
	c, err := load.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	add := func(where, text string) {
		if strings.TrimSpace(text) != "" {
			out[where] = text
		}
	}
	for _, f := range c.Formats {
		p := path.Join(load.FormatsDir, f.ID)
		add(p+".md", commentaryText(t, fsys, f.CommentaryPath))
		add(p+".toml summary", f.Summary)
		add(p+".toml member_list_note", f.MemberListNote)
		for i, e := range f.Events {
			add(fmt.Sprintf("%s.toml event %d note", p, i+1), e.Note)
		}
	}
	for _, l := range c.Lessons {
		p := path.Join(load.LessonsDir, l.ID)
		add(p+".md", commentaryText(t, fsys, l.CommentaryPath))
		add(p+".toml summary", l.Summary)
		for i, e := range l.Evidence {
			add(fmt.Sprintf("%s.toml evidence %d note", p, i+1), e.Note)
		}
	}
	for _, pg := range c.Pages {
		add(pg.Path, string(pg.Body))
	}
	for _, s := range c.Sources {
		add("content/sources.toml "+s.ID+" note", s.Note)
	}
	add("content/site.toml description", c.Site.Description)
	add("content/site.toml intro", c.Site.Intro)
	add("content/site.toml licence_statement", c.Site.LicenceStatement)
	for _, k := range c.Site.LessonKinds {
		add("content/site.toml lesson_kind "+k.ID, k.Description)
	}
	return out
}

var (
	quotedRE   = regexp.MustCompile(`"[^"]*"|“[^”]*”`)
	linkDestRE = regexp.MustCompile(`\]\([^)]*\)|\[\^[^\]]*\]`)
)

// unquote drops quoted passages, link destinations and footnote markers, which
// are not our running prose.
func unquote(text string) string {
	return quotedRE.ReplaceAllString(linkDestRE.ReplaceAllString(text, "]"), " ")
}

// words splits text into runs of letters and digits, lowercased.
func words(text string) []string {
	out := tokens(text)
	for i, w := range out {
		out[i] = strings.ToLower(w)
	}
	return out
}

// tokens splits text into runs of letters and digits, as written. words and
// nameMarks split alike, so that their runs line up.
func tokens(text string) []string {
	return strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

func ngrams(ws []string) []string {
	var out []string
	for i := 0; i+runLength <= len(ws); i++ {
		out = append(out, strings.Join(ws[i:i+runLength], " "))
	}
	return out
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// commentaryText is the commentary at path, "" when path is.
func commentaryText(t *testing.T, fsys fs.FS, path string) string {
	t.Helper()
	if path == "" {
		return ""
	}
	data, err := fs.ReadFile(fsys, path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}
