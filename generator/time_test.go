package generator_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"formatlas/generator"
	"formatlas/generator/page/view"
	"formatlas/generator/site"
)

// timeFixture checks testdata/site-time, shown at shown ("" for as_of).
func timeFixture(t *testing.T, shown string) *generator.Result {
	t.Helper()
	var opts generator.Options
	if shown != "" {
		opts.AsOf = mustDate(t, shown)
	}
	r, err := generator.Check(fixtureFS(t, "site-time"), opts)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// members lists a format's members as "FIN member", "NOR member?" (? when
// not certain on the date shown).
func members(f *site.Format) string {
	var out []string
	for _, m := range f.Members {
		s := m.Country.Code + " " + m.Role
		if m.Uncertain {
			s += "?"
		}
		out = append(out, s)
	}
	return strings.Join(out, ", ")
}

// TestTimeModel holds the model of the time fixture at its as_of, 1 December
// 2026, and at its snapshot, 16 February 2021: Sweden's two episodes in
// NATO, a suspended format, a format replaced by its successor, a format
// founded after the snapshot, and an episode without a date.
func TestTimeModel(t *testing.T) {
	now, then := timeFixture(t, "").Site, timeFixture(t, "2021-02-16").Site
	if len(now.Snapshots) != 1 || now.Snapshots[0].Label != "February 2021" || now.Snapshots[0].Date.String() != "2021-02-16" {
		t.Fatalf("snapshots %+v", now.Snapshots)
	}
	for _, c := range []struct {
		s          *site.Site
		format     string
		status     string
		members    string
		exists     bool
		stateOfSWE site.State
	}{
		{now, "nato", "active", "FIN member, NOR member, SWE member", true, site.Held},
		{then, "nato", "active", "NOR member", true, site.NotMember},
		{now, "council", "suspended", "UKR partner", true, site.NotKnown},
		{then, "council", "suspended", "UKR partner?", true, site.NotKnown},
		{now, "commission", "defunct", "", false, site.NotExisting},
		{then, "commission", "active", "UKR partner", true, site.NotMember}, // members_as_of: held on the snapshot for certain
		{now, "commission-council", "active", "UKR member", true, site.NotMember},
		{then, "commission-council", "active", "", false, site.NotExisting},
		{now, "late", "active", "FIN member, SWE member", true, site.Held},
		{then, "late", "active", "", false, site.NotExisting},
	} {
		f := c.s.Format(c.format)
		at := c.s.Shown
		status := f.ShownStatus // the record's status while it does not exist
		if status != c.status || members(f) != c.members || f.ExistsAt(at) != c.exists {
			t.Errorf("%s at %s: status %q, members %q, exists %v; want %q, %q, %v", c.format, at, status, members(f), f.ExistsAt(at), c.status, c.members, c.exists)
		}
		if got := f.StateOf(c.s.Country("SWE"), at, c.s.AsOf); got != c.stateOfSWE {
			t.Errorf("%s at %s: Sweden %s, want %s", c.format, at, got, c.stateOfSWE)
		}
	}
	council := now.Format("council") // renamed in June 2008, by an event that also gives a status; suspended by one that gives none
	if got := council.NameAt(mustDate(t, "2005")) + " / " + council.NameAt(mustDate(t, "2008-06")) + " / " + council.Name; got != "A Forum / A Council / A Council" {
		t.Errorf("council's names: %s", got)
	}
	if len(council.StatusHistory) != 2 || council.StatusHistory[1].Status != "suspended" || council.StatusAt(mustDate(t, "2013")) != "active" {
		t.Errorf("council's status history %+v, status in 2013 %q", council.StatusHistory, council.StatusAt(mustDate(t, "2013")))
	}
	if s := timeFixture(t, "2005").Site; s.Format("council").NameAt(s.Shown) != "A Forum" || s.Format("council").StatusAt(s.Shown) != "active" || s.Format("council").Status != "suspended" {
		t.Errorf("council shown in 2005: %q, %q; its record %q", s.Format("council").NameAt(s.Shown), s.Format("council").StatusAt(s.Shown), s.Format("council").Status)
	}
	old, successor := now.Format("commission"), now.Format("commission-council")
	if old.Successor != successor || len(successor.Predecessors) != 1 || successor.Predecessors[0] != old {
		t.Errorf("successor %v, predecessors %v", old.Successor, successor.Predecessors)
	}
	if d := old.Ended(); d.String() != "2023-07-12" {
		t.Errorf("commission ended %s, want 2023-07-12", d)
	}
	var changes []string
	for _, ch := range now.Changes(now.Snapshots[0].Date, now.AsOf) {
		s := fmt.Sprintf("%s %s %s", ch.Date, ch.Format.ID, ch.Kind)
		if ch.Country != nil {
			s += " " + ch.Country.Code + " " + ch.Role
		}
		if ch.Status != "" {
			s += " " + ch.Status
		}
		changes = append(changes, s)
	}
	want := []string{
		"2022-03 late founded",
		"2022-05-18 nato began SWE aspirant",
		"2023-04-04 nato began FIN member",
		"2023-07-12 commission status defunct",
		"2023-07-12 commission-council founded",
		"2023-07-12 commission-council began UKR member",
		"2024-03-07 nato ended SWE aspirant",
		"2024-03-07 nato began SWE member",
	}
	if strings.Join(changes, "\n") != strings.Join(want, "\n") {
		t.Errorf("changes since the snapshot:\n%s\nwant\n%s", strings.Join(changes, "\n"), strings.Join(want, "\n"))
	}
}

// TestTimeExports holds memberships.csv and formats.json of the time
// fixture: one row per episode with its own sources, the same on every date
// shown; the status on as_of, with the history and successor.
func TestTimeExports(t *testing.T) {
	file := func(r *generator.Result, path string) string {
		for _, f := range r.Files {
			if f.Path == path {
				return string(f.Data)
			}
		}
		t.Fatalf("no %s", path)
		return ""
	}
	now, then := timeFixture(t, ""), timeFixture(t, "2021-02-16")
	csv := file(now, view.MembershipsCSVPath)
	want := `country,format,role,since,until,sources,member_list
UKR,commission,partner,,,fixture,complete
UKR,commission-council,member,2023-07-12,,fixture,complete
UKR,council,partner,,,fixture,incomplete
FIN,late,member,,,fixture,complete
SWE,late,member,,,fixture,complete
FIN,nato,member,2023-04-04,,fixture,complete
NOR,nato,member,1949-04-04,,fixture,complete
SWE,nato,member,2024-03-07,,accession,complete
SWE,nato,aspirant,2022-05-18,2024-03-07,accession,complete
`
	if csv != want {
		t.Errorf("memberships.csv:\n%s\nwant\n%s", csv, want)
	}
	// Then and now: a role that held on both dates is no line, though its
	// start is dated now (Norway, since 1949); one that began between is.
	nato := file(now, "formats/nato.html")
	if !strings.Contains(nato, "Finland</a>: not a member; now member since 4 April 2023") || strings.Contains(nato, "Norway</a>: member") {
		t.Errorf("formats/nato.html's then and now:\n%s", nato[strings.Index(nato, `id="snapshots"`):][:600])
	}
	if file(then, view.MembershipsCSVPath) != csv {
		t.Error("memberships.csv differs at the snapshot: it lists every episode, whatever the date shown")
	}
	type record struct {
		ID            string `json:"id"`
		Status        string `json:"status"`
		Successor     string `json:"successor"`
		Predecessors  []string
		StatusHistory []struct{ Date, Status, Source string } `json:"status_history"`
	}
	read := func(r *generator.Result) map[string]record {
		var recs []record
		if err := json.Unmarshal([]byte(file(r, view.FormatsJSONPath)), &recs); err != nil {
			t.Fatal(err)
		}
		out := map[string]record{}
		for _, rec := range recs {
			out[rec.ID] = rec
		}
		return out
	}
	for _, c := range []struct {
		r                 *generator.Result
		status, successor string
	}{{now, "defunct", "commission-council"}, {then, "defunct", "commission-council"}} { // the status on as_of, whatever the date shown
		rec := read(c.r)["commission"]
		if rec.Status != c.status || rec.Successor != c.successor || len(rec.StatusHistory) != 1 ||
			rec.StatusHistory[0].Date != "2023-07-12" || rec.StatusHistory[0].Status != "defunct" || rec.StatusHistory[0].Source != "fixture" {
			t.Errorf("commission at %s: %+v", c.r.Site.Shown, rec)
		}
		if p := read(c.r)["commission-council"].Predecessors; len(p) != 1 || p[0] != "commission" {
			t.Errorf("commission-council's predecessors %v", p)
		}
	}
	if rec := read(now)["council"]; rec.Status != "suspended" || len(rec.StatusHistory) != 2 || rec.StatusHistory[0].Status != "active" {
		t.Errorf("council: %+v", rec)
	}
}

// TestSnapshotMatrixParts: on a site whose matrix comes in parts, each
// snapshot has its own overview and parts, and they hold the roles of the
// snapshot's date: none in a format founded after it.
func TestSnapshotMatrixParts(t *testing.T) {
	fsys := synthFS(t, 250)
	sitetoml := fsys["content/site.toml"]
	fsys["content/site.toml"] = &fstest.MapFile{Data: append(slices.Clone(sitetoml.Data), "\n[[snapshot]]\ndate = 1990-01-01\nlabel = \"Then\"\n"...), Mode: sitetoml.Mode}
	out := filepath.Join(t.TempDir(), "public")
	if _, err := generator.Build(fsys, out, generator.Options{}); err != nil { // its link check follows every cell
		t.Fatal(err)
	}
	r, err := generator.Check(fsys, generator.Options{})
	if err != nil {
		t.Fatal(err)
	}
	then := mustDate(t, "1990-01-01")
	// The roles each page should hold: every role of the date shown, and the
	// roles of the formats founded by 1990, whose starts are not dated.
	var now, before int
	for _, f := range r.Site.Formats {
		now += len(f.Members)
		if f.ExistsAt(then) {
			before += len(f.Members)
		}
	}
	count := func(glob string) (pages, cells int) {
		files, err := filepath.Glob(filepath.Join(out, glob))
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range files {
			b, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			cells += strings.Count(string(b), `<td class="r-`)
		}
		return len(files), cells
	}
	nowPages, nowCells := count("matrix/*-[0-9].html")
	thenPages, thenCells := count("matrix/*-1990-01-01.html")
	if nowPages < 3 || thenPages != nowPages {
		t.Errorf("%d parts of the matrix now, %d on the snapshot's date", nowPages, thenPages)
	}
	if nowCells != now || thenCells != before || before == 0 || before == now {
		t.Errorf("the parts hold %d roles now and %d then; the model %d and %d", nowCells, thenCells, now, before)
	}
	overview, err := os.ReadFile(filepath.Join(out, "matrix-1990-01-01.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`-1990-01-01.html"`, "Countries by parts of the matrix on 1 January 1990", `href="matrix.html"`} {
		if !strings.Contains(string(overview), want) {
			t.Errorf("the snapshot's overview lacks %q", want)
		}
	}
}

// TestCountrySummary: each country page opens with a sentence made from its
// data, with its NATO and EU standing, dates where the content gives them,
// and its formats by role, in the grammar of one and of many.
func TestCountrySummary(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if _, err := generator.Build(fixtureFS(t, "site-time"), out, generator.Options{}); err != nil {
		t.Fatal(err)
	}
	for code, want := range map[string]string{
		"fin": "Finland has been a member of the North Atlantic Treaty Organization since 4 April 2023. It takes part in 2 formats, in all of them as member.",
		"swe": "Sweden has been a member of the North Atlantic Treaty Organization since 7 March 2024. It takes part in 2 formats, in all of them as member.",
		"ukr": "Ukraine is not a member of the North Atlantic Treaty Organization. It takes part in 2 formats: as member in 1, as partner in 1.",
		"nor": "Norway has been a member of the North Atlantic Treaty Organization since 4 April 1949. It takes part in 1 format, as member.",
	} {
		b, err := os.ReadFile(filepath.Join(out, "countries", code+".html"))
		if err != nil {
			t.Fatal(err)
		}
		_, rest, _ := strings.Cut(string(b), `<p class="summary">`)
		got, _, _ := strings.Cut(rest, "</p>")
		if got != want {
			t.Errorf("%s: %q, want %q", code, got, want)
		}
	}
	// A role in a format founded after the snapshot was held then by no
	// one, so its line cites no source for it.
	b, err := os.ReadFile(filepath.Join(out, "countries", "fin.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), `">A Later Format</a>: the format did not exist yet; now member`) {
		t.Errorf("countries/fin.html: no plain then-and-now line for Late:\n%s", b)
	}
	// In the real content the undated roles of Austria all come from lists
	// of the paper's date (members_as_of), which the page says.
	real := filepath.Join(t.TempDir(), "real")
	if _, err := generator.Build(realFS(t), real, generator.Options{}); err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile(filepath.Join(real, "countries", "aut.html")); err != nil || !strings.Contains(string(b), "roles were held from 16 February 2021 or earlier; the sources do not date their start.") {
		t.Errorf("countries/aut.html does not date its undated roles from the paper (%v)", err)
	}
	// outside both status formats, and in one of them
	for code, want := range map[string]string{
		"che": "Switzerland is a member of neither the North Atlantic Treaty Organization nor the European Union. It takes part in ",
		"gbr": "The United Kingdom is a member of the North Atlantic Treaty Organization and is not a member of the European Union. It takes part in ",
	} {
		if b, err := os.ReadFile(filepath.Join(real, "countries", code+".html")); err != nil || !strings.Contains(string(b), `<p class="summary">`+want) {
			t.Errorf("countries/%s.html does not open with %q (%v)", code, want, err)
		}
	}
}

// TestMapsFollowSnapshots: the map page of the date shown and that of the
// snapshot show the members of their dates: Finland and Sweden in NATO in
// 2026, Norway alone in 2021.
func TestMapsFollowSnapshots(t *testing.T) {
	r := timeFixture(t, "")
	pages := map[string]string{}
	for _, f := range r.Files {
		pages[f.Path] = string(f.Data)
	}
	for path, want := range map[string][]string{
		view.MapsPath: {"<dt>NATO members (3)</dt>", `data-code="FIN"><title>Finland: NATO members</title>`, `data-code="SWE"><title>Sweden: NATO members</title>`},
		view.SnapshotMapsPath(mustDate(t, "2021-02-16")): {"<dt>NATO members (1)</dt>", `data-code="NOR"><title>Norway: NATO members</title>`, "16 February 2021 (February 2021)"},
	} {
		page, ok := pages[path]
		if !ok {
			t.Fatalf("no %s", path)
		}
		for _, w := range want {
			if !strings.Contains(page, w) {
				t.Errorf("%s lacks %s", path, w)
			}
		}
	}
	if then := pages[view.SnapshotMapsPath(mustDate(t, "2021-02-16"))]; strings.Contains(then, "Finland: NATO members") {
		t.Error("the 2021 map has Finland in NATO")
	}
}
