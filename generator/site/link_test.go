package site_test

import (
	"slices"
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
		"content/site.toml":    {Data: []byte("title = \"T\"\n")},
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

func TestNATOAndEUStatus(t *testing.T) {
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
		if got := role(country.NATO); got != c.nato {
			t.Errorf("%s NATO = %q, want %q", c.code, got, c.nato)
		}
		if got := role(country.EU); got != c.eu {
			t.Errorf("%s EU = %q, want %q", c.code, got, c.eu)
		}
	}
	if s.NATO == nil || s.EU == nil {
		t.Fatal("NATO and EU formats not found")
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
