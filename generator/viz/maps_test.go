package viz

import (
	"math"
	"regexp"
	"strings"
	"testing"

	"formatlas/generator/geo"
)

func world(t *testing.T) *geo.World {
	t.Helper()
	w, err := geo.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	return w
}

// europe is EPSG:3035's projection over Europe, as the real site's first
// view.
func europe(t *testing.T) *MapFrame {
	return NewMapFrame("europe", geo.NewLAEA(geo.GRS80, 10, 52, 0, 0), [4]float64{-25, 34, 50, 72}, world(t))
}

func TestClipKeepsWhatIsInside(t *testing.T) {
	f := &MapFrame{W: 100, H: 50}
	inside := []geo.Point{{X: 10, Y: 10}, {X: 20, Y: 10}, {X: 20, Y: 20}}
	if got := f.clip(inside); len(got) != 3 || math.Abs(geo.Area(got)) != 50 {
		t.Errorf("a ring inside the frame clipped to %v", got)
	}
	// A square from (-50,-50) to (150,100) covers the frame and its margin.
	cover := f.clip([]geo.Point{{X: -50, Y: -50}, {X: 150, Y: -50}, {X: 150, Y: 100}, {X: -50, Y: 100}})
	if a, want := math.Abs(geo.Area(cover)), float64((100+2*margin)*(50+2*margin)); a != want {
		t.Errorf("a ring over the frame clipped to area %v, want %v (%v)", a, want, cover)
	}
	if got := f.clip([]geo.Point{{X: 200, Y: 200}, {X: 300, Y: 200}, {X: 300, Y: 300}}); len(got) != 0 {
		t.Errorf("a ring outside the frame clipped to %v, want nothing", got)
	}
}

func TestSimplifyKeepsEndsAndShape(t *testing.T) {
	line := []geo.Point{{X: 0, Y: 0}, {X: 1, Y: 0.1}, {X: 2, Y: -0.1}, {X: 3, Y: 0}, {X: 4, Y: 5}, {X: 5, Y: 0}}
	got := simplify(line, 0.5)
	want := []geo.Point{{X: 0, Y: 0}, {X: 3, Y: 0}, {X: 4, Y: 5}, {X: 5, Y: 0}}
	if len(got) != len(want) {
		t.Fatalf("simplify = %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("simplify = %v, want %v", got, want)
		}
	}
}

func TestPathWriterIsRelativeAndExact(t *testing.T) {
	var w pathWriter
	w.ring([]geo.Point{{X: 10.2, Y: 20.4}, {X: 15.6, Y: 20.4}, {X: 15.6, Y: 25}, {X: 15.7, Y: 25.1}, {X: 12, Y: 22}, {X: 12, Y: 30}})
	// points that round alike are dropped; a minus sign parts two numbers
	if got, want := w.String(), "M10 20l6 0 0 5-4-3 0 8z"; got != want {
		t.Errorf("ring = %q, want %q", got, want)
	}
}

// The frame keeps shapes: in EPSG:3035, Finland lies north-east of
// Germany, Malta has no shape at 1:110m but a marker point in the frame,
// and Australia is not in it.
func TestEuropeFrame(t *testing.T) {
	f := europe(t)
	if f.W != MapWidth || f.H < 500 || f.H > 1200 {
		t.Errorf("frame is %d×%d", f.W, f.H)
	}
	fin, _ := f.Shape("FIN")
	deu, _ := f.Shape("DEU")
	if !(fin.Marker.X > deu.Marker.X && fin.Marker.Y < deu.Marker.Y) || fin.Small() || deu.D == "" {
		t.Errorf("Finland at %v, Germany at %v", fin.Marker, deu.Marker)
	}
	mlt, _ := f.Shape("MLT")
	if mlt.D != "" || !mlt.In || !mlt.Small() {
		t.Errorf("Malta = %+v, want a marker and no shape", mlt)
	}
	if aus, _ := f.Shape("AUS"); aus.In || aus.D != "" {
		t.Errorf("Australia is drawn in the Europe frame: %+v", aus)
	}
	// the frame is the rectangle around the curved bounds: its corners
	// show land beyond them, south-east of Turkey and north of Africa
	for _, code := range []string{"ISR", "EGY", "JOR", "SAU", "TKM", "DZA"} {
		if sh, _ := f.Shape(code); sh.D == "" {
			t.Errorf("%s is not drawn in the corner of the Europe frame", code)
		}
	}
	bg := string(f.Background())
	if !strings.HasPrefix(bg, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1000 `) || strings.Contains(bg, "<a ") || strings.Contains(bg, "style") {
		t.Errorf("background is not a plain, link-free SVG: %.200s", bg)
	}
}

// A map names and links each country it draws, by code and title; fills
// each role with its pattern; and marks the small ones over the shapes.
func TestDrawMap(t *testing.T) {
	f := europe(t)
	got := DrawMap(f, MapSpec{ID: "m", Title: "Members & more", Background: "../maps/europe.svg", Areas: []MapArea{
		{Code: "FIN", Href: "../countries/fin.html", Title: "Finland: Member", Class: "r-member", Pattern: "solid"},
		{Code: "MLT", Href: "../countries/mlt.html", Title: "Malta: Partner", Class: "r-partner", Pattern: "hatch"},
		{Code: "AUS", Href: "../countries/aus.html", Title: "Australia: Partner", Class: "r-partner", Pattern: "hatch"},
		{Code: "XXX", Title: "Nowhere"},
	}})
	for _, want := range []string{
		`<title id="m-title">Members &amp; more</title>`,
		`<image href="../maps/europe.svg"`,
		`<pattern id="m-1" class="r-partner"`,
		`<g class="r-member" fill="currentColor"><a href="../countries/fin.html" data-code="FIN"><title>Finland: Member</title><path d="M`,
		`<g class="r-partner small" fill="url(#m-1)"><a href="../countries/mlt.html" data-code="MLT"><title>Malta: Partner</title><circle`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("map lacks %s", want)
		}
	}
	for _, gone := range []string{"AUS", "XXX", "<text"} {
		if strings.Contains(got, gone) {
			t.Errorf("map has %s, which it should leave out", gone)
		}
	}
	if strings.Index(got, `data-code="MLT"`) < strings.Index(got, `data-code="FIN"`) {
		t.Error("the small countries come before the large, which may hide them")
	}
	if n := len(regexp.MustCompile(`<a `).FindAllString(got, -1)); n != 2 {
		t.Errorf("%d links, want 2", n)
	}
}

// BenchmarkMapFrame is the cost of drawing one view of the world, which a
// build pays once per view.
func BenchmarkMapFrame(b *testing.B) {
	w, err := geo.Embedded()
	if err != nil {
		b.Fatal(err)
	}
	b.Run("laea-europe", func(b *testing.B) {
		for b.Loop() {
			NewMapFrame("europe", geo.NewLAEA(geo.GRS80, 10, 52, 0, 0), [4]float64{-25, 34, 50, 72}, w)
		}
	})
	b.Run("equal-earth-world", func(b *testing.B) {
		for b.Loop() {
			NewMapFrame("world", geo.EqualEarth{R: geo.AuthalicRadius}, [4]float64{-180, -58, 180, 84}, w)
		}
	})
}
