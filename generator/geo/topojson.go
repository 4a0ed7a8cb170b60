package geo

import (
	"encoding/json"
	"fmt"
	"math"
)

// Topology is a TopoJSON document (github.com/topojson/topojson-specification)
// as far as maps of countries need it: quantized or plain arcs, and
// collections of polygons, multipolygons and points, each with an id.
type Topology struct {
	Type      string                `json:"type"`
	Transform *Transform            `json:"transform,omitempty"`
	Objects   map[string]Collection `json:"objects"`
	Arcs      [][][2]float64        `json:"arcs"`
}

// Transform maps quantized positions to longitude and latitude.
type Transform struct {
	Scale     [2]float64 `json:"scale"`
	Translate [2]float64 `json:"translate"`
}

// Collection is a GeometryCollection object.
type Collection struct {
	Type       string     `json:"type"`
	Geometries []Geometry `json:"geometries"`
}

// Geometry is one Polygon, MultiPolygon or Point. Arcs holds a Polygon's
// rings, or a MultiPolygon's polygons, as arc indexes: i is arc i, ^i
// (-i-1) arc i reversed.
type Geometry struct {
	Type        string            `json:"type"`
	ID          string            `json:"id,omitempty"`
	Properties  map[string]string `json:"properties,omitempty"`
	Arcs        json.RawMessage   `json:"arcs,omitempty"`
	Coordinates []float64         `json:"coordinates,omitempty"`
}

// ParseTopology reads a TopoJSON document.
func ParseTopology(data []byte) (*Topology, error) {
	var t Topology
	if err := json.Unmarshal(data, &t); err != nil {
		return nil, fmt.Errorf("topojson: %w", err)
	}
	if t.Type != "Topology" {
		return nil, fmt.Errorf("topojson: type %q, want Topology", t.Type)
	}
	return &t, nil
}

// Polygons are the polygons of g, each a list of rings of arc indexes:
// one for a Polygon, several for a MultiPolygon, none for other types.
func (g Geometry) Polygons() ([][][]int, error) {
	switch g.Type {
	case "Polygon":
		var rings [][]int
		err := json.Unmarshal(g.Arcs, &rings)
		return [][][]int{rings}, err
	case "MultiPolygon":
		var polys [][][]int
		err := json.Unmarshal(g.Arcs, &polys)
		return polys, err
	}
	return nil, nil
}

// SetPolygons stores polys as g's arcs, making g a MultiPolygon.
func (g *Geometry) SetPolygons(polys [][][]int) {
	g.Type = "MultiPolygon"
	g.Arcs, _ = json.Marshal(polys) // ints always marshal
}

// DecodedArcs are the arcs in longitude and latitude: delta-decoded and
// transformed when the topology is quantized.
func (t *Topology) DecodedArcs() [][]Point {
	out := make([][]Point, len(t.Arcs))
	for i, arc := range t.Arcs {
		pts := make([]Point, len(arc))
		var x, y float64
		for j, p := range arc {
			if t.Transform == nil {
				pts[j] = Point{p[0], p[1]}
				continue
			}
			x, y = x+p[0], y+p[1]
			pts[j] = t.Transform.apply(x, y)
		}
		out[i] = pts
	}
	return out
}

func (tr *Transform) apply(x, y float64) Point {
	return Point{x*tr.Scale[0] + tr.Translate[0], y*tr.Scale[1] + tr.Translate[1]}
}

// Position is a point geometry's longitude and latitude.
func (t *Topology) Position(g Geometry) (Point, error) {
	if g.Type != "Point" || len(g.Coordinates) != 2 {
		return Point{}, fmt.Errorf("topojson: %s %q is no point", g.Type, g.ID)
	}
	if t.Transform == nil {
		return Point{g.Coordinates[0], g.Coordinates[1]}, nil
	}
	return t.Transform.apply(g.Coordinates[0], g.Coordinates[1]), nil
}

// Quantize is p as a position of t's grid, for a point geometry.
func (t *Topology) Quantize(p Point) []float64 {
	tr := t.Transform
	return []float64{math.Round((p.X - tr.Translate[0]) / tr.Scale[0]), math.Round((p.Y - tr.Translate[1]) / tr.Scale[1])}
}

// Ring joins the arcs of a ring: each arc after the first starts where
// the last ended, so its first point is dropped.
func Ring(arcs [][]Point, refs []int) ([]Point, error) {
	var ring []Point
	for k, ref := range refs {
		i, reversed := ref, false
		if ref < 0 {
			i, reversed = ^ref, true
		}
		if i >= len(arcs) {
			return nil, fmt.Errorf("topojson: arc %d of %d", i, len(arcs))
		}
		arc := arcs[i]
		for j := range arc {
			p := arc[j]
			if reversed {
				p = arc[len(arc)-1-j]
			}
			if k > 0 && j == 0 {
				continue
			}
			ring = append(ring, p)
		}
	}
	return ring, nil
}
