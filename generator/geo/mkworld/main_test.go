package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// The committed world.json is what mkworld makes of the pinned npm
// packages: re-running the tool changes nothing. CI installs the packages
// (.ci/run runs npm ci); elsewhere the test needs them installed.
func TestWorldJSONIsUpToDate(t *testing.T) {
	node := filepath.Join("..", "..", "..", ".ci", "node_modules")
	if _, err := os.Stat(filepath.Join(node, "world-atlas")); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("CI without the npm packages of .ci: %v", err)
		}
		t.Skip("the npm packages of .ci are not installed: npm ci --prefix .ci")
	}
	got, err := fromPackages(node)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(filepath.Join("..", "world.json"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("generator/geo/world.json is not what mkworld makes (%d bytes, want %d): run go run ./generator/geo/mkworld", len(want), len(got))
	}
}

// A shape without a code that the table does not name stops the tool,
// rather than being dropped or drawn unnamed.
func TestUnnamedShapeIsAnError(t *testing.T) {
	src := []byte(`{"type":"Topology","objects":{"countries":{"type":"GeometryCollection","geometries":[{"type":"Polygon","properties":{"name":"Atlantis"},"arcs":[[0]]}]}},"arcs":[[[0,0],[1,0],[1,1],[0,0]]]}`)
	_, err := convert(src, src, []byte(`[]`))
	if err == nil || !bytes.Contains([]byte(err.Error()), []byte(`"Atlantis", that mkworld does not name`)) {
		t.Errorf("err = %v, want one naming Atlantis", err)
	}
}
