package load

import (
	"reflect"
	"testing"
	"testing/fstest"
)

// TestCacheDecodesOnlyEdits loads a site through a Cache, edits, breaks and
// removes records, and loads it again after each: every Load gives what a
// Load without the cache gives, problems included, and a record whose file
// is as it was comes from the cache (it shares its slices with the last
// Load's) while an edited one is decoded again.
func TestCacheDecodesOnlyEdits(t *testing.T) {
	const lesson = "title = \"L\"\nkind = \"risk\"\nsummary = \"S.\"\nsources = [\"s\"]\n[[evidence]]\nformat = \"jef\"\nnote = \"N.\"\n"
	fsys := site(map[string]string{
		FormatsDir + "/two.toml":  "name = \"Two\"\ncategory = \"flexible\"\nstatus = \"active\"\nsources = [\"s\"]\n",
		FormatsDir + "/two.md":    "Two.\n",
		LessonsDir + "/less.toml": lesson,
	})
	cache := &Cache{}
	load := func() *Content {
		t.Helper()
		got, gotErr := cache.Load(fsys)
		want, wantErr := Load(fsys)
		if !reflect.DeepEqual(diagLines(gotErr), diagLines(wantErr)) || (gotErr == nil) != (wantErr == nil) {
			t.Fatalf("through the cache: %v\nwithout: %v", gotErr, wantErr)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("through the cache:\n%+v\nwithout:\n%+v", got, want)
		}
		return got
	}
	shared := func(a, b *Content, i int) bool { return &a.Formats[i].Sources[0] == &b.Formats[i].Sources[0] }

	first := load()
	again := load()
	if !shared(first, again, 0) || !shared(first, again, 1) || &first.Lessons[0].Evidence[0] != &again.Lessons[0].Evidence[0] {
		t.Error("records whose files did not change were decoded again")
	}

	fsys[FormatsDir+"/two.toml"].Data = []byte("name = \"Two, edited\"\ncategory = \"flexible\"\nstatus = \"active\"\nsources = [\"s\"]\n")
	edited := load()
	if edited.Formats[1].Name != "Two, edited" || shared(again, edited, 1) {
		t.Error("the edited record was not decoded again")
	}
	if !shared(again, edited, 0) {
		t.Error("the record left alone was decoded again")
	}

	fsys[FormatsDir+"/two.toml"].Data = []byte("name = \"Two\"\nnmae = \"x\"\ncategory = \"flexible\"\nstatus = \"active\"\nsources = [\"s\"]\n")
	load()
	load() // a record with a problem is reported on every Load
	delete(fsys, FormatsDir+"/two.toml")
	delete(fsys, FormatsDir+"/two.md")
	load()
	if _, kept := cache.files[FormatsDir+"/two.toml"]; kept || len(cache.files) != 2 {
		t.Errorf("the cache keeps %d files after a removal, want jef and the lesson", len(cache.files))
	}
}

// TestCacheReload: a Reload reads the records it is told changed, and
// those the cache lacks; it takes every other one as the cache holds it,
// without reading its file.
func TestCacheReload(t *testing.T) {
	const two = FormatsDir + "/two.toml"
	fsys := site(map[string]string{two: "name = \"Two\"\ncategory = \"flexible\"\nstatus = \"active\"\nsources = [\"s\"]\n"})
	cache := &Cache{}
	first, err := cache.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	fsys[two].Data = []byte("name = \"Two, edited\"\ncategory = \"flexible\"\nstatus = \"active\"\nsources = [\"s\"]\n")
	fsys[FormatsDir+"/three.toml"] = &fstest.MapFile{Data: []byte("name = \"Three\"\ncategory = \"flexible\"\nstatus = \"active\"\nsources = [\"s\"]\n")}
	unsaid, err := cache.Reload(fsys, nil)
	if err != nil {
		t.Fatal(err)
	}
	if names := []string{unsaid.Formats[0].Name, unsaid.Formats[1].Name, unsaid.Formats[2].Name}; !reflect.DeepEqual(names, []string{"JEF", "Three", "Two"}) {
		t.Errorf("a Reload told of no change gives %q, want the new record read and the others as they were", names)
	}
	if &unsaid.Formats[0].Sources[0] != &first.Formats[0].Sources[0] {
		t.Error("a record not among the changes was decoded again")
	}
	said, err := cache.Reload(fsys, []string{two})
	if err != nil {
		t.Fatal(err)
	}
	if want, _ := Load(fsys); !reflect.DeepEqual(said, want) {
		t.Errorf("a Reload told of the change:\n%+v\nwant:\n%+v", said, want)
	}
}
