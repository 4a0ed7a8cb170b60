package viz

import (
	"slices"
	"strings"
)

// MapArea is one country drawn on a map: its code, where it links (none
// for "") and the tooltip that names it and what it is here. Class colours
// it (a role's "r-member", a class's "mc-2") and Pattern fills it in that
// colour, one of load.Patterns, so that colour is not the only cue.
type MapArea struct {
	Code, Href, Title string
	Class, Pattern    string
}

// MapSpec is one map: its id (unique on its page, the prefix of its
// patterns' ids), its accessible name (the caption beside it says the
// rest), the background picture it is drawn over, and the countries it
// shows, in the order drawn.
type MapSpec struct {
	ID, Title  string
	Background string // the href of the frame's Background file
	Areas      []MapArea
}

// DrawMap draws spec in frame f: the shared background as an image, then
// the countries of spec that the frame has, grouped by class and pattern:
// first those large enough to see, then, over them, the small ones, each
// with a marker. A country the frame does not hold is left out; the caller
// lists it.
func DrawMap(f *MapFrame, spec MapSpec) string {
	s := &svg{b: &strings.Builder{}}
	size := 512
	for _, a := range spec.Areas {
		if sh, ok := f.Shape(a.Code); ok {
			size += len(sh.D) + len(a.Href) + len(a.Title) + 64
		}
	}
	s.b.Grow(size)
	s.put(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 `)
	s.int(f.W)
	s.put(" ")
	s.int(f.H)
	s.put(`" role="group" aria-labelledby="`, spec.ID, `-title" class="map" fill-rule="evenodd">`)
	s.put(`<title id="`, spec.ID, `-title">`, esc(spec.Title), `</title>`)
	used := fills(spec)
	writePatterns(s, spec.ID, used)
	s.put(`<image href="`, esc(spec.Background), `" width="`)
	s.int(f.W)
	s.put(`" height="`)
	s.int(f.H)
	s.put(`"/>`)
	for _, small := range []bool{false, true} {
		for k, fl := range used {
			started := false
			for _, a := range spec.Areas {
				sh, ok := f.Shape(a.Code)
				if !ok || a.Class != fl.Class || a.Pattern != fl.Pattern || small != (sh.In && sh.Small()) || (!small && sh.D == "") {
					continue
				}
				if !started {
					startGroup(s, spec.ID, k, fl, small)
					started = true
				}
				area(s, a, sh, small)
			}
			if started {
				s.put(`</g>`)
			}
		}
	}
	s.put("</svg>")
	return s.b.String()
}

// fills are the distinct class and pattern pairs of the areas, in the order
// they first appear.
func fills(spec MapSpec) []MapArea {
	var out []MapArea
	for _, a := range spec.Areas {
		if !slices.ContainsFunc(out, func(o MapArea) bool { return o.Class == a.Class && o.Pattern == a.Pattern }) {
			out = append(out, MapArea{Class: a.Class, Pattern: a.Pattern})
		}
	}
	return out
}

// startGroup opens the group of the k-th fill: its colour by class, its
// pattern by id.
func startGroup(s *svg, id string, k int, fl MapArea, small bool) {
	s.put(`<g class="`, esc(fl.Class))
	if small {
		s.put(` small`)
	}
	s.put(`" fill="`)
	if solid(fl.Pattern) {
		s.put(`currentColor">`)
		return
	}
	s.put(`url(#`, id, `-`)
	s.int(k)
	s.put(`)">`)
}

// solid reports whether a pattern is a plain fill, which needs no pattern
// element.
func solid(pattern string) bool { return pattern == "" || pattern == "solid" }

// area draws one country, with a marker when it is small: a link to its
// page with its name as the title, or a group with it when it links
// nowhere.
func area(s *svg, a MapArea, sh *MapShape, small bool) {
	tag := "g"
	if a.Href != "" {
		tag = "a"
		s.put(`<a href="`, esc(a.Href), `"`)
	} else {
		s.put(`<g`)
	}
	s.put(` data-code="`, esc(a.Code), `"><title>`, esc(a.Title), `</title>`)
	if sh.D != "" {
		s.put(`<path d="`, sh.D, `"/>`)
	}
	if small {
		s.put(`<circle`)
		s.attrs(cxyr, sh.Marker.X, sh.Marker.Y, markerR)
		s.put(`/>`)
	}
	s.put(`</`, tag, `>`)
}

// writePatterns defines the pattern of each fill that has one, in the
// colour of its class: a pattern's content takes its colour from the
// pattern element.
func writePatterns(s *svg, id string, fills []MapArea) {
	if !slices.ContainsFunc(fills, func(f MapArea) bool { return !solid(f.Pattern) }) {
		return
	}
	s.put(`<defs>`)
	for k, fl := range fills {
		if solid(fl.Pattern) {
			continue
		}
		s.put(`<pattern id="`, id, `-`)
		s.int(k)
		s.put(`" class="`, esc(fl.Class), `" patternUnits="userSpaceOnUse" width="12" height="12"`)
		switch fl.Pattern {
		case "hatch":
			s.put(` patternTransform="rotate(45)"><rect width="12" height="12" class="pattern-ground" fill="#fff"/><rect width="6" height="12" fill="currentColor"/>`)
		case "dots":
			s.put(`><rect width="12" height="12" class="pattern-ground" fill="#fff"/><circle cx="6" cy="6" r="4" fill="currentColor"/>`)
		case "rings":
			s.put(`><rect width="12" height="12" class="pattern-ground" fill="#fff"/><circle cx="6" cy="6" r="3.5" fill="none" stroke="currentColor" stroke-width="2"/>`)
		case "lines":
			s.put(`><rect width="12" height="12" class="pattern-ground" fill="#fff"/><rect width="12" height="5" fill="currentColor"/>`)
		default: // cross
			s.put(`><rect width="12" height="12" fill="currentColor"/><path d="M0 6h12M6 0v12" stroke-width="3" class="pattern-line" stroke="#fff"/>`)
		}
		s.put(`</pattern>`)
	}
	s.put(`</defs>`)
}
