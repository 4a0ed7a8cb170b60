// Command mkworld makes generator/geo/world.json, the country shapes the
// maps are drawn from, out of the npm packages that .ci/package.json pins:
//
//	npm ci --prefix .ci && go run ./generator/geo/mkworld
//
// It reads world-atlas's countries-110m.json (Natural Earth 4.1.0) for the
// shapes and countries-50m.json for the points of countries too small for
// 1:110m, and keys every shape by its ISO 3166-1 alpha-3 code from
// i18n-iso-countries's codes.json. Its changes to the data, each tested:
//   - The shapes Natural Earth gives no code are named by unnamed below:
//     northern Cyprus is drawn as part of Cyprus and Somaliland as part of
//     Somalia, whose territory international law recognises them as;
//     Kosovo keeps a shape of its own, under XKX, the user-assigned code
//     in common use for it.
//   - Natural Earth draws de facto control, so it gives Crimea to Russia.
//     The atlas draws internationally recognised borders (UN General
//     Assembly resolution 68/262, 27 March 2014): the polygon of Crimea
//     moves from Russia's shape to Ukraine's, and the arc between them is
//     then no border.
//
// Re-running it on the same packages gives the same bytes; a test holds the
// committed file to its output.
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"

	"formatlas/generator/geo"
)

// unnamed gives a code to each shape Natural Earth leaves without one, by its
// name there; "" leaves the shape out. Two such shapes are only at 1:50m,
// where they give points, not shapes: Australia's Indian Ocean Territories
// (no country of their own) and the Siachen Glacier (contested by India and
// Pakistan, drawn as neither's).
var unnamed = map[string]string{
	"Kosovo":            "XKX",
	"N. Cyprus":         "CYP",
	"Somaliland":        "SOM",
	"Indian Ocean Ter.": "",
	"Siachen Glacier":   "",
}

// Crimea is a point of the peninsula, which must fall in Ukraine's shape.
var Crimea = geo.Point{X: 34.1, Y: 45.0}

func main() {
	node := flag.String("node", ".ci/node_modules", "the folder of the npm packages")
	out := flag.String("o", "generator/geo/world.json", "the file to write")
	flag.Parse()
	data, err := fromPackages(*node)
	if err == nil {
		err = os.WriteFile(*out, data, 0o644)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "mkworld:", err)
		os.Exit(1)
	}
}

// fromPackages reads the packages under node and converts them.
func fromPackages(node string) ([]byte, error) {
	var files [3][]byte
	for i, name := range []string{"world-atlas/countries-110m.json", "world-atlas/countries-50m.json", "i18n-iso-countries/codes.json"} {
		b, err := os.ReadFile(filepath.Join(node, name))
		if err != nil {
			return nil, err
		}
		files[i] = b
	}
	return convert(files[0], files[1], files[2])
}

// convert makes world.json from the 1:110m and 1:50m topologies and the
// table of codes.
func convert(src110, src50, codesJSON []byte) ([]byte, error) {
	alpha3, err := alpha3Codes(codesJSON)
	if err != nil {
		return nil, err
	}
	t, err := geo.ParseTopology(src110)
	if err != nil {
		return nil, err
	}
	countries, err := byCode(t, alpha3)
	if err != nil {
		return nil, fmt.Errorf("countries-110m.json: %w", err)
	}
	if err := moveCrimea(t, countries); err != nil {
		return nil, err
	}
	t50, err := geo.ParseTopology(src50)
	if err != nil {
		return nil, err
	}
	points, err := markerPoints(t, t50, alpha3)
	if err != nil {
		return nil, err
	}
	t.Objects = map[string]geo.Collection{
		"countries": {Type: "GeometryCollection", Geometries: sorted(countries)},
		"points":    {Type: "GeometryCollection", Geometries: points},
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	err = enc.Encode(t)
	return b.Bytes(), err
}

// alpha3Codes maps each ISO 3166-1 numeric code to its alpha-3 code.
func alpha3Codes(codesJSON []byte) (map[string]string, error) {
	var rows [][]string // alpha-2, alpha-3, numeric, ...
	if err := json.Unmarshal(codesJSON, &rows); err != nil {
		return nil, fmt.Errorf("codes.json: %w", err)
	}
	out := map[string]string{}
	for _, r := range rows {
		if len(r) >= 3 {
			out[r[2]] = r[1]
		}
	}
	return out, nil
}

// code is the alpha-3 code of a geometry of Natural Earth's.
func code(g geo.Geometry, alpha3 map[string]string) (string, error) {
	if g.ID == "" {
		if c, ok := unnamed[g.Properties["name"]]; ok {
			return c, nil
		}
		return "", fmt.Errorf("a shape without a code, %q, that mkworld does not name", g.Properties["name"])
	}
	if c, ok := alpha3[g.ID]; ok {
		return c, nil
	}
	return "", fmt.Errorf("no alpha-3 code for %s (%s)", g.ID, g.Properties["name"])
}

// byCode keys t's countries by alpha-3 code, merging the shapes that share
// one.
func byCode(t *geo.Topology, alpha3 map[string]string) (map[string]*geo.Geometry, error) {
	out := map[string]*geo.Geometry{}
	err := eachCountry(t, alpha3, func(c string, g geo.Geometry, polys [][][]int) {
		if prev, ok := out[c]; ok {
			have, _ := prev.Polygons()
			prev.SetPolygons(append(have, polys...))
			return
		}
		ng := &geo.Geometry{ID: c, Properties: map[string]string{"name": g.Properties["name"]}}
		ng.SetPolygons(polys)
		out[c] = ng
	})
	return out, err
}

// eachCountry calls each with every shape of t's countries that has a
// code, or gets one from unnamed, and its polygons; it returns the problems
// of the others.
func eachCountry(t *geo.Topology, alpha3 map[string]string, each func(code string, g geo.Geometry, polys [][][]int)) error {
	var errs []error
	for _, g := range t.Objects["countries"].Geometries {
		c, err := code(g, alpha3)
		if err != nil {
			errs = append(errs, err)
		}
		if c == "" {
			continue
		}
		polys, err := g.Polygons()
		if err != nil {
			errs = append(errs, err)
			continue
		}
		each(c, g, polys)
	}
	return errors.Join(errs...)
}

// moveCrimea moves the polygon of Russia's shape that holds Crimea to
// Ukraine's.
func moveCrimea(t *geo.Topology, countries map[string]*geo.Geometry) error {
	rus, ukr := countries["RUS"], countries["UKR"]
	if rus == nil || ukr == nil {
		return errors.New("no shape for Russia or Ukraine")
	}
	arcs := t.DecodedArcs()
	polys, _ := rus.Polygons()
	for i, poly := range polys {
		outer, err := geo.Ring(arcs, poly[0])
		if err != nil {
			return err
		}
		if geo.Contains([][]geo.Point{outer}, Crimea) {
			have, _ := ukr.Polygons()
			ukr.SetPolygons(append(have, poly))
			rus.SetPolygons(slices.Delete(polys, i, i+1))
			return nil
		}
	}
	return errors.New("no polygon of Russia's holds Crimea: the data changed, and moveCrimea must be looked at again")
}

// markerPoints gives every country of 1:50m, which has all of 1:110m's
// and more, its point: the centre of its largest polygon there, quantized
// on t's grid.
func markerPoints(t, t50 *geo.Topology, alpha3 map[string]string) ([]geo.Geometry, error) {
	arcs := t50.DecodedArcs()
	polysOf, names := map[string][][][]geo.Point{}, map[string]string{}
	var errs []error
	err := eachCountry(t50, alpha3, func(c string, g geo.Geometry, polys [][][]int) {
		if names[c] == "" {
			names[c] = g.Properties["name"]
		}
		for _, poly := range polys {
			var rings [][]geo.Point
			for _, refs := range poly {
				ring, err := geo.Ring(arcs, refs)
				errs = append(errs, err)
				rings = append(rings, ring)
			}
			polysOf[c] = append(polysOf[c], rings)
		}
	})
	if err != nil {
		errs = append(errs, fmt.Errorf("countries-50m.json: %w", err))
	}
	var out []geo.Geometry
	for _, c := range slices.Sorted(maps.Keys(polysOf)) {
		q := t.Quantize(geo.LargestCentre(polysOf[c]))
		out = append(out, geo.Geometry{Type: "Point", ID: c, Properties: map[string]string{"name": names[c]}, Coordinates: q})
	}
	return out, errors.Join(errs...)
}

func sorted(m map[string]*geo.Geometry) []geo.Geometry {
	var out []geo.Geometry
	for _, c := range slices.Sorted(maps.Keys(m)) {
		out = append(out, *m[c])
	}
	return out
}
