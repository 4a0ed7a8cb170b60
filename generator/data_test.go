package generator_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"regexp"
	"slices"
	"strings"
	"testing"

	"formatlas/generator"
	"formatlas/generator/export"
	"formatlas/generator/load"
	"formatlas/generator/page/view"
	"formatlas/generator/site"
	"formatlas/generator/viz"
)

// TestExportsRoundTrip parses the data exports of the real site back and
// compares them with the model they came from.
func TestExportsRoundTrip(t *testing.T) {
	r, err := generator.Check(realFS(t), generator.Options{})
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{}
	for _, f := range r.Files {
		files[f.Path] = f.Data
	}
	s := r.Site

	var formats []export.FormatRecord
	decode(t, files[view.FormatsJSONPath], &formats)
	if len(formats) != len(s.Formats) {
		t.Fatalf("formats.json has %d formats, the model %d", len(formats), len(s.Formats))
	}
	for i, fr := range formats {
		f := s.Formats[i]
		if fr.ID != f.ID || fr.Name != f.Name || fr.Category != f.Category || fr.Status != f.Status ||
			fr.Founded != f.Founded.String() || fr.MemberList != f.MemberList || len(fr.Sources) != len(f.Sources) {
			t.Errorf("formats.json[%d] = %+v, model %s", i, fr, f.ID)
		}
		if _, ok := files[fr.URL]; !ok {
			t.Errorf("%s: url %s is no page", fr.ID, fr.URL)
		}
	}

	var countries []export.CountryRecord
	decode(t, files[view.CountriesJSONPath], &countries)
	for i, cr := range countries {
		c := s.Countries[i]
		if cr.Code != c.Code || cr.Name != c.Name || len(cr.Statuses) != len(c.Statuses) {
			t.Errorf("countries.json[%d] = %+v, model %s", i, cr, c.Code)
			continue
		}
		for k, st := range s.Statuses { // fields of the record, in no order once read
			if !slices.Contains(cr.Statuses, export.StatusValue{Format: st.Format.ID, Role: role(c.Statuses[k], "none")}) {
				t.Errorf("countries.json[%d] = %+v, model %s", i, cr, c.Code)
			}
		}
	}

	var lessons []export.LessonRecord
	decode(t, files[view.LessonsJSONPath], &lessons)
	for i, lr := range lessons {
		l := s.Lessons[i]
		if lr.ID != l.ID || lr.Kind != l.Kind || len(lr.Evidence) != len(l.Evidence) {
			t.Errorf("lessons.json[%d] = %+v, model %s", i, lr, l.ID)
		}
	}
	var sources []export.SourceRecord
	decode(t, files[view.SourcesJSONPath], &sources)
	if len(sources) != len(s.Sources) {
		t.Errorf("sources.json has %d sources, the model %d", len(sources), len(s.Sources))
	}

	rows := readCSV(t, files[view.MembershipsCSVPath], export.MembershipColumns)
	var spans []site.Span
	for _, f := range s.Formats {
		spans = append(spans, f.Spans...)
	}
	if len(rows) != len(spans) || len(rows) < 300 {
		t.Fatalf("memberships.csv has %d rows, the model %d spans", len(rows), len(spans))
	}
	for i, row := range rows {
		sp := spans[i]
		if row[0] != sp.Country.Code || row[1] != sp.Format.ID || row[2] != sp.Role ||
			row[3] != sp.Since.String() || row[4] != sp.Until.String() || row[5] == "" {
			t.Errorf("memberships.csv row %d = %v, model %s %s %s", i+1, row, sp.Country.Code, sp.Format.ID, sp.Role)
		}
		for _, ref := range strings.Fields(row[5]) {
			id, _, _ := strings.Cut(ref, "#")
			if s.Source(id) == nil {
				t.Errorf("memberships.csv row %d cites unknown source %s", i+1, ref)
			}
		}
	}
	events := readCSV(t, files[view.EventsCSVPath], export.EventColumns)
	n := 0
	for _, f := range s.Formats {
		for _, e := range f.Events {
			row := events[n]
			if row[0] != f.ID || row[1] != e.Date.String() || row[2] != e.Change {
				t.Errorf("events.csv row %d = %v, model %s %s %s", n+1, row, f.ID, e.Date, e.Change)
			}
			n++
		}
	}
	if n != len(events) {
		t.Errorf("events.csv has %d rows, the model %d events", len(events), n)
	}
}

func decode(t *testing.T, data []byte, v any) {
	t.Helper()
	if err := json.Unmarshal(data, v); err != nil {
		t.Fatal(err)
	}
}

func readCSV(t *testing.T, data []byte, head []string) [][]string {
	t.Helper()
	rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(rows[0], ",") != strings.Join(head, ",") {
		t.Fatalf("header %v, want %v", rows[0], head)
	}
	return rows[1:]
}

func role(m *site.Membership, none string) string {
	if m == nil {
		return none
	}
	return m.Role
}

// TestAsOf builds the real site as of 2019: North Macedonia, which joined
// NATO on 27 March 2020, is not yet a member, and the United Kingdom, which
// left the EU on 31 January 2020, still is, though undated as to its start.
func TestAsOf(t *testing.T) {
	now, err := generator.Check(realFS(t), generator.Options{})
	if err != nil {
		t.Fatal(err)
	}
	then, err := generator.Check(realFS(t), generator.Options{AsOf: mustDate(t, "2019")})
	if err != nil {
		t.Fatal(err)
	}
	mkd, gbr := now.Site.Country("MKD"), now.Site.Country("GBR")
	if now.Site.Format("nato").Role(mkd) != "member" || now.Site.Format("eu").Role(gbr) != "" {
		t.Fatal("the content no longer has North Macedonia in NATO and the UK out of the EU")
	}
	if then.Site.Format("nato").Role(then.Site.Country("MKD")) != "" {
		t.Error("as of 2019, North Macedonia is shown in NATO")
	}
	uk := then.Site.Country("GBR")
	if then.Site.Format("eu").Role(uk) != "member" || len(uk.Statuses) != 2 || uk.Statuses[1] == nil || uk.Statuses[1].Uncertain { // NATO, then the EU
		t.Error("as of 2019, the UK is not shown in the EU, a member since its founding in 1993")
	}
	page := func(r *generator.Result, path string) string {
		for _, f := range r.Files {
			if f.Path == path {
				return string(f.Data)
			}
		}
		t.Fatalf("no %s", path)
		return ""
	}
	if p := page(then, "formats/nato.html"); !strings.Contains(p, "This page shows membership as of <strong>2019</strong>") {
		t.Error("a page built --as-of 2019 does not say which date it shows")
	}
	if strings.Count(page(then, "formats/eu.html"), "countries/gbr.html") <= strings.Count(page(now, "formats/eu.html"), "countries/gbr.html") {
		t.Error("the EU page as of 2019 does not list the United Kingdom")
	}
}

func mustDate(t *testing.T, s string) load.Date {
	t.Helper()
	d, err := load.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestClusteredOrder checks, on the real content, that the matrix's
// clustered order is deterministic and puts similar countries closer than
// A-Z does: its summed Jaccard distance between neighbouring rows is lower.
func TestClusteredOrder(t *testing.T) {
	r, err := generator.Check(realFS(t), generator.Options{})
	if err != nil {
		t.Fatal(err)
	}
	s := r.Site
	col := map[*site.Format]int{}
	for i, f := range s.Formats {
		col[f] = i
	}
	countries := slices.Clone(s.Countries)
	slices.SortFunc(countries, func(a, b *site.Country) int { return strings.Compare(a.Name, b.Name) })
	sets := make([]viz.Set, len(countries))
	for i, c := range countries {
		sets[i] = viz.NewSet(len(s.Formats))
		for _, m := range c.Memberships {
			sets[i].Add(col[m.Format])
		}
	}
	az := make([]int, len(countries))
	for i := range az {
		az[i] = i
	}
	clustered := viz.Seriate(sets)
	if !slices.Equal(clustered, viz.Seriate(sets)) {
		t.Fatal("the clustered order is not deterministic")
	}
	if c, a := viz.PathLength(sets, clustered), viz.PathLength(sets, az); c >= a {
		t.Errorf("clustered order: summed distance %.2f, A-Z %.2f", c, a)
	} else {
		t.Logf("summed neighbour distance: clustered %.2f, A-Z %.2f", c, a)
	}
	// and the matrix page uses it
	var matrix string
	for _, f := range r.Files {
		if f.Path == view.MatrixPath {
			matrix = string(f.Data)
		}
	}
	first := strings.Index(matrix, `<tbody>`)
	want := `countries/` + strings.ToLower(countries[clustered[0]].Code) + `.html`
	if i := strings.Index(matrix[first:], `<th scope="row"><a href="`); i < 0 || !strings.HasPrefix(matrix[first+i+len(`<th scope="row"><a href="`):], want) {
		t.Errorf("the matrix's first row is not the clustered order's first country, %s", want)
	}
}

// TestPicturesLinkBack checks on the real site that the pages a picture
// summarises link back to it: every format page to its category's heat map,
// each format on the timeline or in an UpSet plot to that picture, and each
// country to the UpSet combination that lists it.
func TestPicturesLinkBack(t *testing.T) {
	r, err := generator.Check(realFS(t), generator.Options{})
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{}
	for _, f := range r.Files {
		files[f.Path] = string(f.Data)
	}
	hrefs := func(html string) []string {
		var out []string
		for _, m := range hrefRE.FindAllStringSubmatch(html, -1) {
			out = append(out, m[1])
		}
		return out
	}
	timeline := files[view.TimelinePath]
	table := strings.Index(timeline, "<table") // the table of the formats drawn, not the list of those left out
	if table < 0 {
		t.Fatal("timeline.html has no table")
	}
	onTimeline := hrefs(timeline[table:])
	listedIn := map[string][]string{} // page -> the UpSet combinations that list it
	for _, m := range comboRE.FindAllStringSubmatch(files[view.UpSetPath], -1) {
		for _, h := range hrefs(m[2]) {
			listedIn[h] = append(listedIn[h], m[1])
		}
	}
	if len(onTimeline) == 0 || len(listedIn) == 0 {
		t.Fatal("found no pages on the timeline or in the UpSet plots")
	}
	plotOf := func(combo string) string { return combo[:strings.LastIndex(combo, "-")] }
	countries := 0
	for _, f := range r.Site.Formats {
		page := view.FormatPath(f)
		have := hrefs(files[page])
		want := []string{"../overlaps.html#cat-" + f.Category}
		if slices.Contains(onTimeline, page) {
			want = append(want, "../timeline.html")
		}
		for _, combo := range listedIn[page] {
			want = append(want, "../upset.html#"+plotOf(combo))
		}
		for _, w := range want {
			if !slices.Contains(have, w) {
				t.Errorf("%s does not link to %s", page, w)
			}
		}
	}
	for _, c := range r.Site.Countries {
		page := view.CountryPath(c)
		for _, combo := range listedIn[page] {
			countries++
			if !slices.Contains(hrefs(files[page]), "../upset.html#"+combo) {
				t.Errorf("%s is listed under combination %s but does not link to it", page, combo)
			}
		}
	}
	if countries == 0 {
		t.Error("no country is listed under an UpSet combination")
	}
}

var (
	hrefRE  = regexp.MustCompile(`href="([^"]*)"`)
	comboRE = regexp.MustCompile(`<li id="([^"]+)">(.*?)</li>`) // a combination listed under an UpSet plot
)
