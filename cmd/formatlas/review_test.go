package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// gitRepo makes a temporary git repository holding the fixture site, commits
// it, then applies change and commits again. It returns the repository.
func gitRepo(t *testing.T, change func(dir string)) string {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is missing")
	}
	dir := filepath.Join(t.TempDir(), "repo")
	layFixture(t, dir)
	git := func(args ...string) {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-C", dir, "-c", "user.name=t", "-c", "user.email=t@example.org"}, args...)...)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	git("init", "-q")
	git("add", "-A")
	git("commit", "-q", "-m", "first")
	change(dir)
	git("add", "-A")
	git("commit", "-q", "-m", "second")
	return dir
}

// renameAndJoin renames the Nordic Group's file without an alias and adds
// Germany to the JEF.
func renameAndJoin(dir string) {
	formats := filepath.Join(dir, "content", "formats")
	os.Rename(filepath.Join(formats, "nb.toml"), filepath.Join(formats, "nordic-group.toml"))
	lesson := filepath.Join(dir, "content", "lessons", "speed.toml")
	data, _ := os.ReadFile(lesson)
	os.WriteFile(lesson, []byte(strings.Replace(string(data), `format = "nb"`, `format = "nordic-group"`, 1)), 0o644)
	jef := filepath.Join(formats, "jef.toml")
	data, _ = os.ReadFile(jef)
	os.WriteFile(jef, []byte(strings.Replace(string(data), `member = ["SWE", "FIN", "NOR"]`, `member = ["SWE", "FIN", "NOR", "DEU"]`, 1)), 0o644)
}

// TestDiffGitRevisions diffs two commits of a temporary repository, and a
// commit against the working tree, which must be left as it is.
func TestDiffGitRevisions(t *testing.T) {
	repo := gitRepo(t, renameAndJoin)
	code, out, errOut := formatlas(t, "diff", "--site", repo, "HEAD~1", "HEAD")
	if code != 0 {
		t.Fatalf("diff: exit %d: %s", code, errOut)
	}
	for _, want := range []string{"## formatlas diff: HEAD~1 → HEAD", "renamed `nb` → `nordic-group` (Nordic Group), without an alias",
		"- jef: DEU joined as member", "`formats/nb.html`"} {
		if !strings.Contains(out, want) {
			t.Errorf("diff lacks %q:\n%s", want, out)
		}
	}
	// HEAD against the working tree: nothing changed yet, then one edit.
	code, out, _ = formatlas(t, "diff", "--site", repo, "HEAD")
	if code != 0 || !strings.Contains(out, "No change in meaning.") || !strings.Contains(out, "No output file changes.") {
		t.Errorf("HEAD against a clean working tree: exit %d\n%s", code, out)
	}
	status := func() string {
		s, _ := exec.Command("git", "-C", repo, "status", "--porcelain").Output()
		return string(s)
	}
	if s := status(); s != "" {
		t.Errorf("diff touched the working tree:\n%s", s)
	}
	code, out, _ = formatlas(t, "diff", "HEAD~1", "--site", repo, "--format", "json")
	if code != 0 || !strings.Contains(out, `"renamed": [`) || !strings.Contains(out, `"country": "DEU"`) {
		t.Errorf("diff HEAD~1 --format json: exit %d\n%s", code, out)
	}
	code, out, _ = formatlas(t, "diff", "HEAD", "--site", repo, "--format", "json")
	if code != 0 || strings.Contains(out, "null") || !strings.Contains(out, `"memberships": []`) {
		t.Errorf("diff HEAD --format json, no change: exit %d, want 0 and [] for every list\n%s", code, out)
	}
	code, _, errOut = formatlas(t, "diff", "--site", repo, "no-such-revision")
	if want := "formatlas diff: \"no-such-revision\" is neither a site directory nor a git revision\nusage: formatlas diff"; code != 2 || !strings.HasPrefix(errOut, want) {
		t.Errorf("an unknown revision: exit %d, stderr %q; want 2 and %q first", code, errOut, want)
	}
}

// TestReviewScript runs .ci/review, the pull-request workflow's one step, on
// a temporary repository with two commits.
func TestReviewScript(t *testing.T) {
	repo := gitRepo(t, renameAndJoin)
	bin := filepath.Join(t.TempDir(), "formatlas")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	summary := filepath.Join(t.TempDir(), "summary.md")
	script, _ := filepath.Abs(filepath.Join(repoRoot, ".ci", "review"))
	cmd := exec.Command(script, "HEAD~1", repo)
	cmd.Env = append(os.Environ(), "FORMATLAS="+bin, "GITHUB_STEP_SUMMARY="+summary)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("review: %v\n%s", err, out)
	}
	for _, want := range []string{"== check", "formatlas check: no problems", "== build", "== diff HEAD~1"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("review output lacks %q:\n%s", want, out)
		}
	}
	report, err := os.ReadFile(summary)
	if err != nil || !strings.Contains(string(report), "- jef: DEU joined as member") {
		t.Errorf("the job summary lacks the diff (%v):\n%s", err, report)
	}

	// A broken record: the annotation names its line, and the step fails.
	os.WriteFile(filepath.Join(repo, "content", "formats", "jef.toml"), []byte("name = \"JEF\"\ncategory = \"nope\"\nstatus = \"active\"\nsources = [\"fixture\"]\n"), 0o644)
	cmd = exec.Command(script, "HEAD~1", repo)
	cmd.Env = append(os.Environ(), "FORMATLAS="+bin, "GITHUB_STEP_SUMMARY="+summary)
	out, err = cmd.CombinedOutput()
	if err == nil || !strings.Contains(string(out), "::error file=content/formats/jef.toml,line=2,col=12::") {
		t.Errorf("review of a broken record: %v\n%s", err, out)
	}
}
