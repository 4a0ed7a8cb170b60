package geo

import "math"

// A Projection maps a longitude and latitude in degrees to a position in
// metres, x east and y north.
type Projection interface {
	Project(lon, lat float64) Point
}

const deg = math.Pi / 180

// GRS80 is the ellipsoid of ETRS89, which EPSG:3035 is defined on.
var GRS80 = Ellipsoid{A: 6378137, InvF: 298.257222101}

// Ellipsoid is an ellipsoid of revolution: its semi-major axis in metres and
// its inverse flattening.
type Ellipsoid struct{ A, InvF float64 }

// LAEA is the Lambert azimuthal equal-area projection on an ellipsoid, as
// EPSG's Guidance Note 7-2 gives it (method 9820), with its centre at
// (Lon0, Lat0) and its false easting and northing. EPSG:3035, the one used
// for maps of Europe, is NewLAEA(GRS80, 10, 52, 4321000, 3210000).
type LAEA struct {
	lon0, e, qp, rq, d, sinB0, cosB0, fe, fn float64
	a                                        float64
}

// NewLAEA is the projection centred on (lon0, lat0) in degrees.
func NewLAEA(el Ellipsoid, lon0, lat0, falseE, falseN float64) *LAEA {
	f := 1 / el.InvF
	e := math.Sqrt(2*f - f*f)
	p := &LAEA{lon0: lon0 * deg, e: e, a: el.A, fe: falseE, fn: falseN}
	p.qp = p.q(math.Pi / 2)
	p.rq = el.A * math.Sqrt(p.qp/2)
	phi0 := lat0 * deg
	b0 := math.Asin(p.q(phi0) / p.qp)
	p.sinB0, p.cosB0 = math.Sin(b0), math.Cos(b0)
	sin0 := math.Sin(phi0)
	p.d = el.A * (math.Cos(phi0) / math.Sqrt(1-e*e*sin0*sin0)) / (p.rq * p.cosB0)
	return p
}

// q is the function of latitude that the authalic latitude comes from.
func (p *LAEA) q(phi float64) float64 {
	e, s := p.e, math.Sin(phi)
	return (1 - e*e) * (s/(1-e*e*s*s) - (1/(2*e))*math.Log((1-e*s)/(1+e*s)))
}

// Project maps a point; the point opposite the centre, where the projection
// is undefined, goes to the edge of its disc.
func (p *LAEA) Project(lon, lat float64) Point {
	beta := math.Asin(max(-1, min(1, p.q(lat*deg)/p.qp)))
	sinB, cosB := math.Sin(beta), math.Cos(beta)
	dl := lon*deg - p.lon0
	den := 1 + p.sinB0*sinB + p.cosB0*cosB*math.Cos(dl)
	b := p.rq * math.Sqrt(2/max(den, 1e-12))
	return Point{p.fe + b*p.d*cosB*math.Sin(dl), p.fn + (b/p.d)*(p.cosB0*sinB-p.sinB0*cosB*math.Cos(dl))}
}

// EqualEarth is the Equal Earth projection (Šavrič, Patterson and Jenny,
// 2018) on a sphere of radius R, centred on the prime meridian.
type EqualEarth struct{ R float64 }

// The polynomial coefficients of Equal Earth.
const (
	eeA1 = 1.340264
	eeA2 = -0.081106
	eeA3 = 0.000893
	eeA4 = 0.003796
)

// Project maps a point.
func (p EqualEarth) Project(lon, lat float64) Point {
	m := math.Sqrt(3) / 2
	t := math.Asin(m * math.Sin(lat*deg))
	t2 := t * t
	t6 := t2 * t2 * t2
	x := p.R * 2 * math.Sqrt(3) * lon * deg * math.Cos(t) / (3 * (9*eeA4*t6*t2 + 7*eeA3*t6 + 3*eeA2*t2 + eeA1))
	y := p.R * t * (eeA4*t6*t2 + eeA3*t6 + eeA2*t2 + eeA1)
	return Point{x, y}
}
