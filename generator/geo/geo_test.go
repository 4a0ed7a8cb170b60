package geo

import (
	"math"
	"testing"
)

func near(t *testing.T, what string, got, want, tol float64) {
	t.Helper()
	if math.Abs(got-want) > tol {
		t.Errorf("%s = %.4f, want %.4f (± %g)", what, got, want, tol)
	}
}

// The example of EPSG Guidance Note 7-2 for method 9820, on EPSG:3035
// (ETRS89 / LAEA Europe): 50°N 5°E.
func TestLAEAReferencePoint(t *testing.T) {
	p := NewLAEA(GRS80, 10, 52, 4321000, 3210000).Project(5, 50)
	near(t, "easting", p.X, 3962799.45, 0.01)
	near(t, "northing", p.Y, 2999718.85, 0.01)
	c := NewLAEA(GRS80, 10, 52, 4321000, 3210000).Project(10, 52)
	near(t, "centre easting", c.X, 4321000, 1e-6)
	near(t, "centre northing", c.Y, 3210000, 1e-6)
}

// PROJ's test of eqearth (+R=6378137) puts the equator at 180°E at
// 17263256.84 m.
func TestEqualEarthReferencePoint(t *testing.T) {
	p := EqualEarth{R: 6378137}
	near(t, "x at 180°E", p.Project(180, 0).X, 17263256.84, 0.01)
	near(t, "y at the equator", p.Project(180, 0).Y, 0, 1e-9)
	a, b := p.Project(-30, -40), p.Project(30, 40)
	near(t, "symmetry x", a.X, -b.X, 1e-6)
	near(t, "symmetry y", a.Y, -b.Y, 1e-6)
}

// cellArea is the area of the projected cell from (lon, lat) to
// (lon+d, lat+d), its edges sampled finely.
func cellArea(p Projection, lon, lat, d float64) float64 {
	var ring []Point
	const n = 64
	for i := range n {
		ring = append(ring, p.Project(lon+d*float64(i)/n, lat))
	}
	for i := range n {
		ring = append(ring, p.Project(lon+d, lat+d*float64(i)/n))
	}
	for i := range n {
		ring = append(ring, p.Project(lon+d-d*float64(i)/n, lat+d))
	}
	for i := range n {
		ring = append(ring, p.Project(lon, lat+d-d*float64(i)/n))
	}
	return math.Abs(Area(ring))
}

// Both projections keep areas: a cell's projected area is its area on the
// sphere or the ellipsoid.
func TestProjectionsAreEqualArea(t *testing.T) {
	const R = 6371007.0
	ee := EqualEarth{R: R}
	laea := NewLAEA(GRS80, 10, 52, 0, 0)
	for _, c := range [][2]float64{{0, 0}, {-100, 40}, {20, 60}, {140, -35}, {10, 52}, {-20, 30}, {40, 70}} {
		lon, lat, d := c[0], c[1], 5.0
		sphere := R * R * d * deg * (math.Sin((lat+d)*deg) - math.Sin(lat*deg))
		near(t, "Equal Earth cell area ratio", cellArea(ee, lon, lat, d)/sphere, 1, 1e-3)
		ellipsoid := GRS80.A * GRS80.A / 2 * d * deg * (laea.q((lat+d)*deg) - laea.q(lat*deg))
		near(t, "LAEA cell area ratio", cellArea(laea, lon, lat, d)/ellipsoid, 1, 1e-3)
	}
}

// A hand-made quantized topology: two unit squares side by side, sharing an
// arc that the second runs backwards.
const squares = `{"type":"Topology","transform":{"scale":[0.5,0.5],"translate":[10,20]},
"objects":{"countries":{"type":"GeometryCollection","geometries":[
 {"type":"Polygon","id":"AAA","properties":{"name":"A"},"arcs":[[0,1]]},
 {"type":"MultiPolygon","id":"BBB","properties":{"name":"B"},"arcs":[[[2,-1]]]}]},
 "points":{"type":"GeometryCollection","geometries":[{"type":"Point","id":"CCC","coordinates":[10,10]}]}},
"arcs":[[[2,0],[0,2]],[[2,2],[-2,0],[0,-2],[2,0]],[[2,0],[2,0],[0,2],[-2,0]]]}`

func TestDecodeKnownShapes(t *testing.T) {
	tp, err := ParseTopology([]byte(squares))
	if err != nil {
		t.Fatal(err)
	}
	w, err := tp.World()
	if err != nil {
		t.Fatal(err)
	}
	if len(w.Countries) != 3 || len(w.Borders) != 1 {
		t.Fatalf("%d countries and %d borders, want 3 and 1", len(w.Countries), len(w.Borders))
	}
	a, _ := w.Country("AAA")
	b, _ := w.Country("BBB")
	near(t, "area of A", PolygonArea(a.Polygons[0]), 1, 1e-12)
	near(t, "area of B", PolygonArea(b.Polygons[0]), 1, 1e-12)
	if got := a.Point; got != (Point{10.5, 20.5}) {
		t.Errorf("centre of A = %v, want {10.5 20.5}", got)
	}
	if got := b.Point; got != (Point{11.5, 20.5}) {
		t.Errorf("centre of B = %v, want {11.5 20.5}", got)
	}
	if c, ok := w.Country("CCC"); !ok || c.Point != (Point{15, 25}) || c.Polygons != nil {
		t.Errorf("point-only CCC = %+v, want the point {15 25} and no shape", c)
	}
	if !Contains(b.Polygons[0], Point{11.9, 20.1}) || Contains(b.Polygons[0], Point{10.9, 20.1}) {
		t.Error("B's shape does not hold just its own square")
	}
}

func bounds(polys [][][]Point) (lo, hi Point) {
	lo, hi = Point{math.Inf(1), math.Inf(1)}, Point{math.Inf(-1), math.Inf(-1)}
	for _, p := range polys {
		for _, q := range p[0] {
			lo = Point{min(lo.X, q.X), min(lo.Y, q.Y)}
			hi = Point{max(hi.X, q.X), max(hi.Y, q.Y)}
		}
	}
	return lo, hi
}

func world(t *testing.T) *World {
	t.Helper()
	w, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	return w
}

// The embedded shapes decode to the countries' known bounds and areas, as
// far as the scale of 1:110m allows.
func TestWorldKnownShapes(t *testing.T) {
	w := world(t)
	isl, _ := w.Country("ISL")
	lo, hi := bounds(isl.Polygons)
	near(t, "Iceland's west", lo.X, -24.5, 0.5) // 63.3°N–66.6°N, 24.5°W–13.5°W
	near(t, "Iceland's east", hi.X, -13.5, 0.5)
	near(t, "Iceland's south", lo.Y, 63.3, 0.3)
	near(t, "Iceland's north", hi.Y, 66.6, 0.3)
	aus, _ := w.Country("AUS")
	ee := EqualEarth{R: 6371007}
	var area float64
	for _, poly := range aus.Polygons {
		rings := make([][]Point, len(poly))
		for i, r := range poly {
			for _, q := range r {
				rings[i] = append(rings[i], ee.Project(q.X, q.Y))
			}
		}
		area += PolygonArea(rings)
	}
	near(t, "Australia's area, million km²", area/1e12, 7.69, 0.15)
	for _, code := range []string{"MLT", "BHR", "LUX", "AND", "SGP", "XKX"} {
		if _, ok := w.Country(code); !ok {
			t.Errorf("no %s in the data", code)
		}
	}
	if c, _ := w.Country("MLT"); c.Polygons != nil || math.Abs(c.Point.X-14.4) > 0.3 || math.Abs(c.Point.Y-35.9) > 0.2 {
		t.Errorf("Malta = %+v, want no shape at 1:110m and its point near 14.4°E 35.9°N", c)
	}
}

// The boundary policy: Crimea is drawn as part of Ukraine, not Russia, and
// the line between them is no border; so is the line across Cyprus.
func TestWorldRecognisedBorders(t *testing.T) {
	w := world(t)
	in := func(code string, p Point) bool {
		c, _ := w.Country(code)
		for _, poly := range c.Polygons {
			if Contains(poly, p) {
				return true
			}
		}
		return false
	}
	crimea := Point{34.1, 45.0}
	if !in("UKR", crimea) || in("RUS", crimea) {
		t.Errorf("34.1°E 45.0°N: in Ukraine %v, in Russia %v; want Ukraine's only", in("UKR", crimea), in("RUS", crimea))
	}
	if !in("CYP", Point{33.6, 35.25}) {
		t.Error("northern Cyprus is not drawn as part of Cyprus")
	}
	if !in("SOM", Point{45, 9.5}) {
		t.Error("Somaliland is not drawn as part of Somalia")
	}
	boxes := map[string][4]float64{"Crimea": {32.4, 44.3, 36.7, 46.3}, "Cyprus": {32, 34.5, 34.7, 35.8}}
	for name, b := range boxes {
		for _, i := range w.Borders {
			arc := w.Arcs[i]
			inside := true
			for _, q := range arc {
				inside = inside && q.X > b[0] && q.Y > b[1] && q.X < b[2] && q.Y < b[3]
			}
			if inside {
				t.Errorf("a border is drawn across %s: %v", name, arc)
			}
		}
	}
}
