// Package geo holds the shapes of the world's countries that the maps are
// drawn from, and the projections that draw them.
//
// The shapes are world.json, made from Natural Earth 4.1.0 as the npm
// package world-atlas 2.0.2 ships it (public domain), by the program in
// mkworld. It keys each shape by its ISO 3166-1 alpha-3 code, draws
// internationally recognised borders (Crimea is Ukraine's), and gives every
// country a point, so that a country too small for the shapes' scale is
// still found: see mkworld for each change made to the data, and README.md
// for the versions and licences.
package geo

import (
	_ "embed"
	"fmt"
	"math"
	"slices"
	"strings"
	"sync"
)

//go:embed world.json
var worldJSON []byte

// Point is a longitude and latitude in degrees, or a projected position.
type Point struct{ X, Y float64 }

// Country is one country's shape: its polygons, each an outer ring and its
// holes, and a point where a marker goes: the centroid of its largest
// polygon's outer ring, which for a concave country may lie outside it.
type Country struct {
	Code, Name string
	Polygons   [][][]Point
	Point      Point
	// Rings are the polygons' rings as arcs of World.Arcs (i, or ^i for
	// arc i reversed): a map that simplifies each arc once keeps the
	// borders that countries share.
	Rings [][][]int
	Boxes []Box // the box of each polygon's outer ring
}

// Box is a bounding box: west, south, east, north.
type Box [4]float64

// Overlaps reports whether b and o meet.
func (b Box) Overlaps(o Box) bool {
	return b[2] >= o[0] && b[0] <= o[2] && b[3] >= o[1] && b[1] <= o[3]
}

// BoxOf is the bounding box of pts.
func BoxOf(pts []Point) Box {
	b := Box{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)}
	for _, p := range pts {
		b = Box{min(b[0], p.X), min(b[1], p.Y), max(b[2], p.X), max(b[3], p.Y)}
	}
	return b
}

// World is every country of the data, sorted by code, and the borders
// between them: the arcs that two countries share.
type World struct {
	Countries []Country
	Arcs      [][]Point
	ArcBoxes  []Box // the box of each arc
	Borders   []int // the arcs two countries share
}

// Country returns the country with code, and whether the data has it.
func (w *World) Country(code string) (*Country, bool) {
	i, ok := slices.BinarySearchFunc(w.Countries, code, func(c Country, code string) int { return strings.Compare(c.Code, code) })
	if !ok {
		return nil, false
	}
	return &w.Countries[i], true
}

// Embedded is the embedded data, decoded once: it is never changed after.
var Embedded = sync.OnceValues(Load)

// AuthalicRadius is the radius of the sphere with the area of the GRS80
// ellipsoid, in metres: the sphere a world map is drawn on.
const AuthalicRadius = 6371007.2

// Load decodes the embedded data.
func Load() (*World, error) {
	t, err := ParseTopology(worldJSON)
	if err != nil {
		return nil, err
	}
	return t.World()
}

// World decodes t's "countries" collection, each geometry keyed by its id,
// and the marker points of its "points" collection, which give a point to
// every country, with a shape or not.
func (t *Topology) World() (*World, error) {
	arcs := t.DecodedArcs()
	owners := make([][]string, len(arcs))
	byCode := map[string]*Country{}
	for _, g := range t.Objects["countries"].Geometries {
		polys, err := g.Polygons()
		if err != nil {
			return nil, fmt.Errorf("country %s: %w", g.ID, err)
		}
		c := &Country{Code: g.ID, Name: g.Properties["name"], Rings: polys}
		for _, poly := range polys {
			var rings [][]Point
			for _, refs := range poly {
				ring, err := Ring(arcs, refs)
				if err != nil {
					return nil, fmt.Errorf("country %s: %w", g.ID, err)
				}
				if len(rings) == 0 {
					c.Boxes = append(c.Boxes, BoxOf(ring))
				}
				rings = append(rings, ring)
				for _, ref := range refs {
					i := ref
					if i < 0 {
						i = ^i
					}
					if !slices.Contains(owners[i], g.ID) {
						owners[i] = append(owners[i], g.ID)
					}
				}
			}
			c.Polygons = append(c.Polygons, rings)
		}
		c.Point = LargestCentre(c.Polygons)
		byCode[g.ID] = c
	}
	for _, g := range t.Objects["points"].Geometries {
		p, err := t.Position(g)
		if err != nil {
			return nil, err
		}
		c := byCode[g.ID]
		if c == nil {
			c = &Country{Code: g.ID, Name: g.Properties["name"]}
			byCode[g.ID] = c
		}
		c.Point = p
	}
	w := &World{Arcs: arcs}
	for _, a := range arcs {
		w.ArcBoxes = append(w.ArcBoxes, BoxOf(a))
	}
	for _, c := range byCode {
		w.Countries = append(w.Countries, *c)
	}
	slices.SortFunc(w.Countries, func(a, b Country) int { return strings.Compare(a.Code, b.Code) })
	for i, o := range owners {
		if len(o) == 2 {
			w.Borders = append(w.Borders, i)
		}
	}
	return w, nil
}

// Area is the signed area of a ring in the plane of its coordinates:
// positive when it runs anticlockwise.
func Area(ring []Point) float64 {
	var a float64
	for i := range ring {
		p, q := ring[i], ring[(i+1)%len(ring)]
		a += p.X*q.Y - q.X*p.Y
	}
	return a / 2
}

// PolygonArea is the area of a polygon, its holes taken out.
func PolygonArea(rings [][]Point) float64 {
	var a float64
	for i, r := range rings {
		if i == 0 {
			a += math.Abs(Area(r))
		} else {
			a -= math.Abs(Area(r))
		}
	}
	return a
}

// Contains reports whether p is inside the polygon (even-odd rule, so a
// point in a hole is outside).
func Contains(rings [][]Point, p Point) bool {
	in := false
	for _, r := range rings {
		for i, j := 0, len(r)-1; i < len(r); j, i = i, i+1 {
			a, b := r[i], r[j]
			if (a.Y > p.Y) != (b.Y > p.Y) && p.X < (b.X-a.X)*(p.Y-a.Y)/(b.Y-a.Y)+a.X {
				in = !in
			}
		}
	}
	return in
}

// LargestCentre is the centroid of the outer ring of the largest polygon:
// where a marker stands for the country.
func LargestCentre(polys [][][]Point) Point {
	best, bestArea := -1, 0.0
	for i, p := range polys {
		if len(p) == 0 || len(p[0]) == 0 {
			continue
		}
		if a := PolygonArea(p); best < 0 || a > bestArea {
			best, bestArea = i, a
		}
	}
	if best < 0 {
		return Point{}
	}
	ring := polys[best][0]
	var cx, cy, a float64
	for i := range ring {
		p, q := ring[i], ring[(i+1)%len(ring)]
		cross := p.X*q.Y - q.X*p.Y
		a += cross
		cx += (p.X + q.X) * cross
		cy += (p.Y + q.Y) * cross
	}
	if a == 0 {
		return ring[0]
	}
	return Point{math.Round(cx/(3*a)*1e4) / 1e4, math.Round(cy/(3*a)*1e4) / 1e4}
}
