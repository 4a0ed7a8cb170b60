package export

import "testing"

// TestHeadersFor: a pattern ending in * covers every path below it, so
// every file gets the policy and the fingerprinted assets their caching.
func TestHeadersFor(t *testing.T) {
	names := func(file string) map[string]bool {
		out := map[string]bool{}
		for _, h := range HeadersFor(file) {
			out[h.Name] = true
		}
		return out
	}
	for file, want := range map[string][2]bool{ // policy, caching
		"index.html":                {true, false},
		"countries/fin.html":        {true, false},
		"assets/style.1a2b3c4d.css": {true, true},
		"matrix/flexible-1.html":    {true, false},
		"assetsx/not-an-asset.css":  {true, false},
	} {
		got := names(file)
		if got["Content-Security-Policy"] != want[0] || got["Cache-Control"] != want[1] {
			t.Errorf("%s: %v", file, got)
		}
	}
}
