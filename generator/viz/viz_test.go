package viz

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite the golden SVGs in testdata/viz")

// fixture is five small sets over eight elements: two near-twins, a
// superset, a loner and an empty one.
func fixture() []Item {
	mk := func(label string, members ...int) Item {
		s := NewSet(8)
		for _, m := range members {
			s.Add(m)
		}
		return Item{Label: label, Href: strings.ToLower(label) + ".html", Set: s}
	}
	return []Item{
		mk("Alpha", 0, 1, 2),
		mk("Loner", 7),
		mk("Beta", 0, 1, 2, 3),
		mk("Gamma & <Co>", 0, 1, 2, 3, 4, 5),
		mk("Empty"),
	}
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("..", "..", "testdata", "viz", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("%s differs from its golden file (go test ./generator/viz -update):\n%s", name, svgDiff(string(want), got))
	}
	if strings.Contains(got, "style=") || strings.Contains(got, "<script") || strings.Contains(got, "font-face") {
		t.Errorf("%s has inline style, script or a font to fetch", name)
	}
	for _, want := range []string{`aria-labelledby=`, "<title id=", "<desc id="} {
		if !strings.Contains(got, want) {
			t.Errorf("%s lacks %s: no text alternative", name, want)
		}
	}
}

// svgDiff shows how got differs from want, element by element: the SVGs are
// one line each.
func svgDiff(want, got string) string {
	return cmp.Diff(strings.SplitAfter(want, ">"), strings.SplitAfter(got, ">"))
}

func TestHeatMapGolden(t *testing.T) {
	items := fixture()
	golden(t, "heatmap.svg", HeatMap("h", "Shared members", items))
}

// TestLargeHeatMapGolden draws a map too large for numbers in its cells:
// one path per shade, every cell in exactly one of them.
func TestLargeHeatMapGolden(t *testing.T) {
	var items []Item
	for i := range 41 {
		s := NewSet(6)
		for e := range 6 {
			if (i>>e)&1 == 1 {
				s.Add(e)
			}
		}
		items = append(items, Item{Label: fmt.Sprintf("F%02d", i), Href: fmt.Sprintf("f%02d.html", i), Set: s})
	}
	got := HeatMap("big", "Shared members", items)
	golden(t, "heatmap-large.svg", got)
	if n := strings.Count(got, "h21v21h-21z"); n != 41*41 {
		t.Errorf("%d cells drawn, want %d", n, 41*41)
	}
	if strings.Contains(got, "<rect") {
		t.Error("a large heat map draws a rectangle per cell")
	}
}

func TestUpSetGolden(t *testing.T) {
	items := fixture()
	combos := Combinations(items, 8)
	golden(t, "upset.svg", UpSet("u", "Combinations", items, combos, "combo-"))
	var got []string
	for _, c := range combos {
		got = append(got, strings.Join(toStrings(c.Sets), ",")+":"+strings.Join(toStrings(c.Elements), ","))
	}
	// Elements 0-2 hold Alpha, Beta and Gamma; 4-5 Gamma; 7 the Loner; 3 Beta and
	// Gamma; 6 nothing. Largest first; among equals, fewer sets first.
	want := []string{"0,2,3:0,1,2", "3:4,5", "1:7", "2,3:3"}
	if !slices.Equal(got, want) {
		t.Errorf("combinations %v, want %v", got, want)
	}
}

func toStrings(xs []int) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = string(rune('0' + x))
	}
	return out
}

func TestTimelineGolden(t *testing.T) {
	rows := []TimelineRow{
		{Label: "Old", Href: "old.html", Points: []Point{{1949.5, "founded 1949"}, {2020.2, "North Macedonia joined 2020"}}},
		{Label: "New", Href: "new.html", Points: []Point{{2018.4, "founded June 2018"}}},
	}
	golden(t, "timeline.svg", Timeline("t", "Timeline", rows))
	if Timeline("t", "Empty", nil) != "" {
		t.Error("a timeline of nothing is drawn")
	}
}

func TestSeriateGroupsNeighbours(t *testing.T) {
	items := fixture()
	sets := make([]Set, len(items))
	for i := range items {
		sets[i] = items[i].Set
	}
	order := Seriate(sets)
	if !slices.Equal(order, Seriate(sets)) {
		t.Fatal("seriation is not deterministic")
	}
	pos := map[int]int{}
	for i, k := range order {
		pos[k] = i
	}
	if d := pos[0] - pos[2]; d != 1 && d != -1 {
		t.Errorf("the near-twins Alpha and Beta are not neighbours: %v", order)
	}
	if PathLength(sets, order) > PathLength(sets, []int{0, 1, 2, 3, 4})+1e-9 {
		t.Errorf("the seriated order %v is longer than the given one", order)
	}
}

// Labels are drawn whole, however long: the margins grow to fit them.
func TestLabelsAreWhole(t *testing.T) {
	long := "The Very Long Name of a Format That Goes On and On *"
	items := fixture()
	items[0].Label = long
	for name, got := range map[string]string{
		"heat map": HeatMap("h", "Shared", items),
		"upset":    UpSet("u", "Combinations", items, Combinations(items, 8), "c-"),
		"timeline": Timeline("t", "Dates", []TimelineRow{{Label: long, Href: "x.html", Points: []Point{{Year: 2001, Label: "founded"}}}}),
	} {
		if strings.Contains(got, "…") {
			t.Errorf("%s: a label is cut", name)
		}
		if name != "upset" && !strings.Contains(got, ">"+esc(long)+"</text>") {
			t.Errorf("%s: the long label is not drawn whole", name)
		}
	}
}

// A long stretch without dated events is cut from the timeline's axis,
// with a mark, and no tick falls inside it.
func TestTimelineCutsAGap(t *testing.T) {
	rows := []TimelineRow{
		{Label: "Old", Href: "old.html", Points: []Point{{Year: 1949.5, Label: "founded 1949"}}},
		{Label: "New", Href: "new.html", Points: []Point{{Year: 2001.5, Label: "founded 2001"}, {Year: 2020.5, Label: "2020"}}},
	}
	got := Timeline("t", "Dates", rows)
	if !strings.Contains(got, "1951 to 2000 left out: no dated events") {
		t.Errorf("no mark of the years cut:\n%s", got)
	}
	for _, tick := range []string{">1960<", ">1975<", ">1990<"} {
		if strings.Contains(got, tick) {
			t.Errorf("a tick %s inside the cut", tick)
		}
	}
	for _, tick := range []string{">1945<", ">1950<", ">2000<", ">2020<"} {
		if !strings.Contains(got, tick) {
			t.Errorf("no tick %s", tick)
		}
	}
}
