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
const runLength = 12

// TestProseIsOurOwn fails on any run of 12 or more consecutive words that the
// commentary or a prose field shares with the paper outside quotation marks.
// Bibliographic titles are data and are not checked.
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
		for _, s := range ngrams(words(unquote(texts[where]))) {
			if shingles[s] {
				t.Errorf("%s shares %d words with the paper outside quotation marks: %q", where, runLength, s)
				break
			}
		}
	}
}

// TestOverlapCheckCatchesCopying shows the check is not vacuous: a sentence
// from the paper is caught, and the same sentence in quotation marks is not.
func TestOverlapCheckCatchesCopying(t *testing.T) {
	copied := "Some of these groupings address a specific problem within or in connection with NATO structures."
	paper := words("Intro. " + copied + " More.")
	shingles := map[string]bool{}
	for _, s := range ngrams(paper) {
		shingles[s] = true
	}
	hits := func(text string) int {
		n := 0
		for _, s := range ngrams(words(unquote(text))) {
			if shingles[s] {
				n++
			}
		}
		return n
	}
	if hits("We write: "+copied) == 0 {
		t.Error("a copied sentence was not caught")
	}
	if hits(`As they put it, "`+copied+`"`) != 0 || hits("As they put it, “"+copied+"”") != 0 {
		t.Error("a quoted sentence was flagged")
	}
	if hits("See [NATO](format:nato) structures and more words here that are ours alone today.") != 0 {
		t.Error("our own words were flagged")
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

// words lowercases text and splits it into runs of letters and digits.
func words(text string) []string {
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
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
