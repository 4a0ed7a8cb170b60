package site_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"formatlas/generator/load"
	"formatlas/generator/site"
)

// linkFS loads and links a site made of the given format records over a fixed
// set of countries and sources.
func linkFS(t *testing.T, formats map[string]string) *site.Site {
	t.Helper()
	m := fstest.MapFS{
		"content/site.toml":    {Data: []byte("title = \"T\"\n" + statuses)},
		"content/sources.toml": {Data: []byte("[[source]]\nid = \"s\"\ntitle = \"S\"\nlocators = { p1 = \"Part 1\" }\n")},
		"content/countries.toml": {Data: []byte(`
[[country]]
code = "AAA"
name = "Aland"
[[country]]
code = "BBB"
name = "Bland"
[[country]]
code = "CCC"
name = "Cland"
[[country]]
code = "DDD"
name = "Dland"
`)},
	}
	for id, src := range formats {
		m["content/formats/"+id+".toml"] = &fstest.MapFile{Data: []byte(src)}
	}
	c, err := load.Load(m)
	if err != nil {
		t.Fatal(err)
	}
	s, err := site.Link(c)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

const head = "category = \"flexible\"\nstatus = \"active\"\nsources = [\"s#p1\"]\n"

func TestInverseRelationsAndRoles(t *testing.T) {
	s := linkFS(t, map[string]string{
		"umbrella": "name = \"Umbrella\"\n" + head + "[members]\nlead = [\"AAA\"]\n",
		"child-b":  "name = \"B child\"\nparent = \"umbrella\"\n" + head + "[members]\nlead = [\"AAA\"]\nmember = [\"CCC\", \"BBB\"]\n",
		"child-a":  "name = \"A child\"\nparent = \"umbrella\"\n" + head + "[members]\npartner = [\"BBB\"]\n",
	})
	u := s.Format("umbrella")
	if len(u.Children) != 2 || u.Children[0].ID != "child-a" || u.Children[1].ID != "child-b" {
		t.Fatalf("children of umbrella = %v, want child-a then child-b (by name)", ids(u.Children))
	}
	if s.Format("child-b").Parent != u {
		t.Error("child-b's parent is not umbrella")
	}
	b := s.Format("child-b")
	var got []string
	for _, m := range b.Members {
		got = append(got, m.Role+":"+m.Country.Code)
	}
	want := []string{"lead:AAA", "member:BBB", "member:CCC"} // role order, then country name
	if !slices.Equal(got, want) {
		t.Errorf("members of child-b = %v, want %v", got, want)
	}
	bbb := s.Country("BBB")
	var roles []string
	for _, m := range bbb.Memberships {
		roles = append(roles, m.Format.ID+":"+m.Role)
	}
	if !slices.Equal(roles, []string{"child-a:partner", "child-b:member"}) {
		t.Errorf("memberships of BBB = %v", roles)
	}
	if b.Role(bbb) != "member" || u.Role(bbb) != "" {
		t.Errorf("Role: child-b %q, umbrella %q", b.Role(bbb), u.Role(bbb))
	}
	if c := b.Sources[0]; c.Source.ID != "s" || c.Locator != "p1" {
		t.Errorf("citation = %+v, want source s at p1", c)
	}
}

// statuses declares NATO and the EU as the formats that give countries a
// status, when the site has them.
var statuses = ""

// TestCountryStatuses: the formats site.toml declares as country statuses
// give each country its role in them, in the declared order; none is
// declared, none is given.
func TestCountryStatuses(t *testing.T) {
	statuses = "[[country_status]]\nformat = \"nato\"\nlabel = \"NATO\"\n[[country_status]]\nformat = \"eu\"\nlabel = \"EU\"\n"
	defer func() { statuses = "" }()
	s := linkFS(t, map[string]string{
		"nato": "name = \"NATO\"\n" + head + "[members]\nmember = [\"AAA\", \"BBB\"]\naspirant = [\"CCC\"]\n",
		"eu":   "name = \"EU\"\n" + head + "[members]\nmember = [\"BBB\", \"DDD\"]\n",
	})
	cases := []struct {
		code, nato, eu string
	}{
		{"AAA", "member", ""},
		{"BBB", "member", "member"},
		{"CCC", "aspirant", ""},
		{"DDD", "", "member"},
	}
	for _, c := range cases {
		country := s.Country(c.code)
		if got := role(country.Statuses[0]); got != c.nato {
			t.Errorf("%s NATO = %q, want %q", c.code, got, c.nato)
		}
		if got := role(country.Statuses[1]); got != c.eu {
			t.Errorf("%s EU = %q, want %q", c.code, got, c.eu)
		}
	}
	if len(s.Statuses) != 2 || s.Statuses[0].Format.ID != "nato" || s.Statuses[1].Label != "EU" {
		t.Fatalf("statuses %+v", s.Statuses)
	}
	statuses = ""
	if s := linkFS(t, map[string]string{"nato": "name = \"NATO\"\n" + head + "[members]\nmember = [\"AAA\"]\n"}); len(s.Statuses) != 0 || len(s.Country("AAA").Statuses) != 0 {
		t.Errorf("a site that declares no status has %d", len(s.Statuses))
	}
}

func TestSharedMemberRanking(t *testing.T) {
	s := linkFS(t, map[string]string{
		"x":    "name = \"X\"\n" + head + "[members]\nmember = [\"AAA\", \"BBB\", \"CCC\"]\n",
		"same": "name = \"Same\"\n" + head + "[members]\nmember = [\"AAA\", \"BBB\", \"CCC\"]\n",
		"big":  "name = \"Big\"\n" + head + "[members]\nmember = [\"AAA\", \"BBB\", \"CCC\", \"DDD\"]\n",
		"two":  "name = \"Two\"\n" + head + "[members]\nmember = [\"AAA\", \"BBB\"]\n",
		"none": "name = \"None\"\n" + head + "[members]\nmember = [\"DDD\"]\n",
	})
	x := s.Format("x")
	var got []string
	for _, o := range x.Shared {
		got = append(got, o.Format.ID)
	}
	// same and big share 3; same is a closer match (Jaccard 1 > 0.75); two shares 2; none shares nothing.
	if !slices.Equal(got, []string{"same", "big", "two"}) {
		t.Errorf("shared with x = %v, want [same big two]", got)
	}
	if o := x.Shared[1]; o.Shared != 3 || o.Jaccard != 0.75 {
		t.Errorf("x~big = %d shared, Jaccard %v; want 3 and 0.75", o.Shared, o.Jaccard)
	}
}

func TestSharedMemberLimit(t *testing.T) {
	formats := map[string]string{}
	for _, id := range []string{"a", "b", "c", "d", "e", "f", "g", "h"} {
		formats[id] = "name = \"" + id + "\"\n" + head + "[members]\nmember = [\"AAA\"]\n"
	}
	s := linkFS(t, formats)
	if got := len(s.Format("a").Shared); got != site.MaxShared {
		t.Errorf("a lists %d shared formats, want %d", got, site.MaxShared)
	}
	if first := s.Format("h").Shared[0].Format.ID; first != "a" {
		t.Errorf("ties broken to %q, want the smallest id a", first)
	}
}

func role(m *site.Membership) string {
	if m == nil {
		return ""
	}
	return m.Role
}

func ids(fs []*site.Format) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.ID)
	}
	return out
}

// linkAt is linkFS with as_of, shown at shown ("" for as_of).
func linkAt(t *testing.T, asOf, shown string, formats map[string]string) *site.Site {
	t.Helper()
	m := fstest.MapFS{
		"content/site.toml":      {Data: []byte("title = \"T\"\nas_of = " + asOf + "\n")},
		"content/sources.toml":   {Data: []byte("[[source]]\nid = \"s\"\ntitle = \"S\"\nlocators = { p1 = \"Part 1\" }\n[[source]]\nid = \"own\"\ntitle = \"Own\"\n")},
		"content/countries.toml": {Data: []byte("[[country]]\ncode = \"AAA\"\nname = \"Aland\"\n[[country]]\ncode = \"SWE\"\nname = \"Sweden\"\n")},
	}
	for id, src := range formats {
		m["content/formats/"+id+".toml"] = &fstest.MapFile{Data: []byte(src)}
	}
	c, err := load.Load(m)
	if err != nil {
		t.Fatal(err)
	}
	var opts site.Options
	if shown != "" {
		if opts.AsOf, err = load.ParseDate(shown); err != nil {
			t.Fatal(err)
		}
	}
	s, err := site.LinkWith(c, opts)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestEpisodes: Sweden in NATO, aspirant from May 2022, member from 7 March
// 2024. The later role does not erase the earlier: both are spans, each with
// its own sources, and each date shows the role then held.
func TestEpisodes(t *testing.T) {
	nato := "name = \"NATO\"\n" + head + `[members]
member = ["AAA"]

[[member]]
country = "SWE"
role = "aspirant"
since = 2022-05-18
until = 2024-03-07
sources = ["own"]

[[member]]
country = "SWE"
role = "member"
since = 2024-03-07
`
	for _, c := range []struct{ shown, want string }{
		{"", "AAA member, SWE member"},
		{"2023-01-01", "AAA member?, SWE aspirant"}, // AAA's start is not known: held by as_of
		{"2024-03-07", "AAA member?, SWE member"},
		{"2022", "AAA member?, SWE aspirant?"}, // the year holds days before and after 18 May
		{"2021", "AAA member?"},
	} {
		s := linkAt(t, "2026-12-01", c.shown, map[string]string{"nato": nato})
		var got []string
		for _, m := range s.Format("nato").Members {
			r := m.Country.Code + " " + m.Role
			if m.Uncertain {
				r += "?"
			}
			got = append(got, r)
		}
		if g := strings.Join(got, ", "); g != c.want {
			t.Errorf("at %q: %s, want %s", c.shown, g, c.want)
		}
	}
	s := linkAt(t, "2026-12-01", "", map[string]string{"nato": nato})
	var spans []string
	for _, sp := range s.Country("SWE").Spans {
		var ids []string
		for _, c := range sp.Sources {
			ids = append(ids, c.Source.ID)
		}
		spans = append(spans, fmt.Sprintf("%s %s–%s %s own=%v", sp.Role, sp.Since, sp.Until, strings.Join(ids, " "), sp.Own))
	}
	want := "aspirant 2022-05-18–2024-03-07 own own=true; member 2024-03-07– s own=false"
	if g := strings.Join(spans, "; "); g != want {
		t.Errorf("spans %s, want %s", g, want)
	}
}

// A format's label for tight places is its short label, else its
// abbreviation, else its name.
func TestFormatLabel(t *testing.T) {
	const rest = "category = \"alliance\"\nstatus = \"active\"\nsources = [\"s\"]\n"
	s := linkFS(t, map[string]string{
		"a": "name = \"Alpha Beta Gamma\"\nshort = \"Alpha\"\nabbr = \"ABG\"\n" + rest,
		"b": "name = \"Beta Council\"\nabbr = \"BC\"\n" + rest,
		"c": "name = \"Gamma\"\n" + rest,
	})
	for id, want := range map[string]string{"a": "Alpha", "b": "BC", "c": "Gamma"} {
		if got := s.Format(id).Label(); got != want {
			t.Errorf("format %s: Label() = %q, want %q", id, got, want)
		}
	}
}
