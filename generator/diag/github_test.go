package diag

import "testing"

// TestGitHub writes problems as workflow commands, escaping what the syntax
// reserves: in the file property ":" and ",", in the message "%" and line breaks.
func TestGitHub(t *testing.T) {
	for _, c := range []struct {
		e    Error
		want string
	}{
		{Error{Pos: Position{Path: "content/formats/jef.toml", Line: 3, Col: 7}, Msg: "unknown key \"x\""},
			`::error file=content/formats/jef.toml,line=3,col=7::unknown key "x"`},
		{Error{Pos: Position{Path: "a:b,c.toml"}, Msg: "100% wrong\nsecond line\r"},
			"::error file=a%3Ab%2Cc.toml::100%25 wrong%0Asecond line%0D"},
		{Error{Msg: "no file"}, "::error ::no file"},
	} {
		if got := c.e.GitHub(); got != c.want {
			t.Errorf("got  %s\nwant %s", got, c.want)
		}
	}
}
