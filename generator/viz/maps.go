package viz

import (
	"math"
	"strconv"
	"strings"

	"formatlas/generator/geo"
)

// Sizes of a map, in the units of its viewBox: it is MapWidth wide, and
// scales to the width of the page.
const (
	MapWidth = 1000
	// minArea is the area below which a country is too small to find, and
	// gets a marker as well as its shape.
	minArea = 40
	// markerR is a marker's radius: 3.5 CSS px on a 390 px screen.
	markerR = 9
	margin  = 4 // how far past the edge shapes are clipped
	// tolerance is how far, in viewBox units, a simplified line may stray:
	// about a pixel where a map is widest on the page (46rem, 736 px).
	tolerance = 1.5
)

// MapFrame is a view of the world at a size: its projection and extent, and
// each country's shape in it, drawn once and shared by every map of the
// view. It is read-only once made.
type MapFrame struct {
	ID     string
	W, H   int
	shapes map[string]*MapShape
	land   strings.Builder // every shape, for the background
	border string          // the borders between countries
}

// MapShape is one country in a frame.
type MapShape struct {
	D      string    // its path, "" when it has no shape in view
	Area   float64   // in viewBox units
	Marker geo.Point // where its marker goes
	In     bool      // its point is inside the frame
}

// Shown reports whether the frame draws the country: its shape reaches
// into the frame, or its point is in it.
func (s *MapShape) Shown() bool { return s.D != "" || s.In }

// Small reports whether the country needs a marker to be seen.
func (s *MapShape) Small() bool { return s.Area < minArea }

// frameMath maps projected points into the viewBox.
type frameMath struct {
	proj       geo.Projection
	minX, maxY float64
	scale      float64
}

func (m frameMath) at(lon, lat float64) geo.Point {
	p := m.proj.Project(lon, lat)
	return geo.Point{X: (p.X - m.minX) * m.scale, Y: (m.maxY - p.Y) * m.scale}
}

// NewMapFrame draws the countries of w in proj, cut to bounds (west, south,
// east, north in degrees). Each arc is projected and simplified once, so
// the countries that share it still meet along it.
func NewMapFrame(id string, proj geo.Projection, bounds [4]float64, w *geo.World) *MapFrame {
	m, width, height := fit(proj, bounds)
	f := &MapFrame{ID: id, W: width, H: height, shapes: map[string]*MapShape{}}
	inView := f.boxTest(m, geo.Box(bounds))
	arcs := make([][]geo.Point, len(w.Arcs)) // projected where a shape in view needs them
	need := func(refs []int) {
		for _, r := range refs {
			if r < 0 {
				r = ^r
			}
			if arcs[r] == nil {
				arcs[r] = simplify(project(m, w.Arcs[r]), tolerance)
			}
		}
	}
	var d pathWriter
	for _, c := range w.Countries {
		sh := &MapShape{Marker: m.at(c.Point.X, c.Point.Y)}
		sh.In = sh.Marker.X >= 0 && sh.Marker.Y >= 0 && sh.Marker.X <= float64(width) && sh.Marker.Y <= float64(height)
		d.reset()
		for i, poly := range c.Rings {
			if !inView(c.Boxes[i]) {
				continue
			}
			var rings [][]geo.Point
			for _, refs := range poly {
				need(refs)
				ring, _ := geo.Ring(arcs, refs) // the refs were checked when decoded
				rings = append(rings, f.clip(ring))
			}
			sh.Area += geo.PolygonArea(rings)
			for _, r := range rings {
				d.ring(r)
			}
		}
		sh.D = d.String()
		f.land.WriteString(sh.D)
		f.shapes[c.Code] = sh
	}
	d.reset()
	for _, i := range w.Borders {
		if inView(w.ArcBoxes[i]) {
			need([]int{i})
			f.line(&d, arcs[i])
		}
	}
	f.border = d.String()
	return f
}

// boxTest is a quick test of whether a shape whose box in degrees is b may
// reach into the frame: it meets the view's bounds, or its box, projected
// at 5×5 points, meets the frame. An azimuthal view's frame is the
// rectangle around its curved bounds, so its corners reach past them.
func (f *MapFrame) boxTest(m frameMath, bounds geo.Box) func(geo.Box) bool {
	return func(b geo.Box) bool {
		if b.Overlaps(bounds) {
			return true
		}
		var pts []geo.Point
		for i := range 5 {
			for j := range 5 {
				pts = append(pts, m.at(b[0]+(b[2]-b[0])*float64(i)/4, b[1]+(b[3]-b[1])*float64(j)/4))
			}
		}
		return geo.BoxOf(pts).Overlaps(geo.Box{-margin, -margin, float64(f.W + margin), float64(f.H + margin)})
	}
}

// simplify drops the points of a line that lie within tol of the line
// through the points kept around them (Douglas–Peucker), keeping its ends.
func simplify(pts []geo.Point, tol float64) []geo.Point {
	if len(pts) < 3 {
		return pts
	}
	keep := make([]bool, len(pts))
	keep[0], keep[len(pts)-1] = true, true
	stack := [][2]int{{0, len(pts) - 1}}
	for len(stack) > 0 {
		lo, hi := stack[len(stack)-1][0], stack[len(stack)-1][1]
		stack = stack[:len(stack)-1]
		far, at := 0.0, -1
		for i := lo + 1; i < hi; i++ {
			if d := distance2(pts[i], pts[lo], pts[hi]); d > far {
				far, at = d, i
			}
		}
		if at >= 0 && far > tol*tol {
			keep[at] = true
			stack = append(stack, [2]int{lo, at}, [2]int{at, hi})
		}
	}
	out := make([]geo.Point, 0, len(pts))
	for i, p := range pts {
		if keep[i] {
			out = append(out, p)
		}
	}
	return out
}

// distance2 is the square of how far p lies from the segment from a to b.
func distance2(p, a, b geo.Point) float64 {
	dx, dy := b.X-a.X, b.Y-a.Y
	t := 0.0
	if dx != 0 || dy != 0 {
		t = max(0, min(1, ((p.X-a.X)*dx+(p.Y-a.Y)*dy)/(dx*dx+dy*dy)))
	}
	ex, ey := p.X-a.X-t*dx, p.Y-a.Y-t*dy
	return ex*ex + ey*ey
}

// fit finds the frame's scale and size: the projected box of bounds,
// sampled along its edges, at MapWidth.
func fit(proj geo.Projection, b [4]float64) (frameMath, int, int) {
	minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	const n = 64
	for i := 0; i <= n; i++ {
		t := float64(i) / n
		lon, lat := b[0]+t*(b[2]-b[0]), b[1]+t*(b[3]-b[1])
		for _, p := range []geo.Point{proj.Project(lon, b[1]), proj.Project(lon, b[3]), proj.Project(b[0], lat), proj.Project(b[2], lat)} {
			minX, maxX, minY, maxY = min(minX, p.X), max(maxX, p.X), min(minY, p.Y), max(maxY, p.Y)
		}
	}
	scale := MapWidth / (maxX - minX)
	return frameMath{proj: proj, minX: minX, maxY: maxY, scale: scale}, MapWidth, int(math.Ceil((maxY - minY) * scale))
}

func project(m frameMath, pts []geo.Point) []geo.Point {
	out := make([]geo.Point, len(pts))
	for i, p := range pts {
		out[i] = m.at(p.X, p.Y)
	}
	return out
}

// clip cuts a ring to the frame and its margin (Sutherland–Hodgman: the
// frame is convex, so one pass per edge).
func (f *MapFrame) clip(ring []geo.Point) []geo.Point {
	lo, hiX, hiY := -float64(margin), float64(f.W+margin), float64(f.H+margin)
	if b := geo.BoxOf(ring); b[0] >= lo && b[1] >= lo && b[2] <= hiX && b[3] <= hiY {
		return ring // inside: most rings are
	}
	edges := []struct {
		inside func(geo.Point) bool
		cross  func(a, b geo.Point) geo.Point
	}{
		{func(p geo.Point) bool { return p.X >= lo }, func(a, b geo.Point) geo.Point { return atX(a, b, lo) }},
		{func(p geo.Point) bool { return p.X <= hiX }, func(a, b geo.Point) geo.Point { return atX(a, b, hiX) }},
		{func(p geo.Point) bool { return p.Y >= lo }, func(a, b geo.Point) geo.Point { return atY(a, b, lo) }},
		{func(p geo.Point) bool { return p.Y <= hiY }, func(a, b geo.Point) geo.Point { return atY(a, b, hiY) }},
	}
	for _, e := range edges {
		var out []geo.Point
		for i, cur := range ring {
			prev := ring[(i+len(ring)-1)%len(ring)]
			switch in, was := e.inside(cur), e.inside(prev); {
			case in && !was:
				out = append(out, e.cross(prev, cur), cur)
			case in:
				out = append(out, cur)
			case was:
				out = append(out, e.cross(prev, cur))
			}
		}
		ring = out
	}
	return ring
}

func atX(a, b geo.Point, x float64) geo.Point {
	return geo.Point{X: x, Y: a.Y + (b.Y-a.Y)*(x-a.X)/(b.X-a.X)}
}

func atY(a, b geo.Point, y float64) geo.Point {
	return geo.Point{X: a.X + (b.X-a.X)*(y-a.Y)/(b.Y-a.Y), Y: y}
}

// line writes the parts of a polyline whose segments reach into the frame.
func (f *MapFrame) line(d *pathWriter, pts []geo.Point) {
	var run []geo.Point
	for i := 1; i < len(pts); i++ {
		a, b := pts[i-1], pts[i]
		if max(a.X, b.X) < 0 || min(a.X, b.X) > float64(f.W) || max(a.Y, b.Y) < 0 || min(a.Y, b.Y) > float64(f.H) {
			d.polyline(run)
			run = run[:0]
			continue
		}
		if len(run) == 0 {
			run = append(run, a)
		}
		run = append(run, b)
	}
	d.polyline(run)
}

// pathWriter writes SVG path data in whole units, each point after the
// first of a ring as a move from the last: short, and exact, since the
// moves are between rounded points.
type pathWriter struct {
	b    strings.Builder
	num  [24]byte
	x, y int
}

func (w *pathWriter) reset() { w.b.Reset() }

func (w *pathWriter) String() string { return w.b.String() }

func (w *pathWriter) points(pts []geo.Point, closed bool) {
	n := 0
	for _, p := range pts {
		x, y := int(math.Round(p.X)), int(math.Round(p.Y))
		switch {
		case n == 0:
			w.b.WriteByte('M')
			w.pair(x, y)
		case x == w.x && y == w.y:
			continue
		case n == 1:
			w.b.WriteByte('l')
			w.pair(x-w.x, y-w.y)
		default:
			if x >= w.x { // a minus sign parts the numbers itself
				w.b.WriteByte(' ')
			}
			w.pair(x-w.x, y-w.y)
		}
		w.x, w.y, n = x, y, n+1
	}
	if closed && n > 0 {
		w.b.WriteByte('z')
	}
}

func (w *pathWriter) ring(pts []geo.Point) {
	if len(pts) >= 3 {
		w.points(pts, true)
	}
}

func (w *pathWriter) polyline(pts []geo.Point) {
	if len(pts) >= 2 {
		w.points(pts, false)
	}
}

func (w *pathWriter) pair(x, y int) {
	w.b.Write(strconv.AppendInt(w.num[:0], int64(x), 10))
	if y >= 0 {
		w.b.WriteByte(' ')
	}
	w.b.Write(strconv.AppendInt(w.num[:0], int64(y), 10))
}

// Shape is the country with code in the frame, if the data has it.
func (f *MapFrame) Shape(code string) (*MapShape, bool) {
	s, ok := f.shapes[code]
	return s, ok
}

// Background is the frame's link-free picture: every country's land and
// the borders between them. Pages draw their own shapes over it.
func (f *MapFrame) Background() []byte {
	var b strings.Builder
	b.WriteString(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 `)
	b.WriteString(strconv.Itoa(f.W) + " " + strconv.Itoa(f.H))
	b.WriteString(`"><rect width="100%" height="100%" fill="#f4f7fa"/><path fill="#d9dee4" fill-rule="evenodd" d="`)
	b.WriteString(f.land.String())
	b.WriteString(`"/><path fill="none" stroke="#fff" stroke-width="1.2" stroke-linejoin="round" d="`)
	b.WriteString(f.border)
	b.WriteString(`"/></svg>`)
	return []byte(b.String())
}
