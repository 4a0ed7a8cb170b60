package generator_test

import (
	"bytes"
	"fmt"
	"io"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"syscall"
	"testing"
	"testing/fstest"
	"time"

	"formatlas/generator"
	"formatlas/generator/internal/synth"
	"formatlas/generator/load"
	"formatlas/generator/markdown"
	"formatlas/generator/page"
	"formatlas/generator/publish"
	"formatlas/generator/render"
	"formatlas/generator/site"
)

// synthFS is the benchmark recipe's synthetic site (../shared/bench/gen.py
// --formatlas, generated in Go) with the repository's templates and static
// files. Its countries get the real site's codes, and its site.toml the
// real site's map views, so that the maps cost what they cost there.
func synthFS(b testing.TB, formats int) fstest.MapFS {
	b.Helper()
	m := fstest.MapFS{}
	realTheme := realFS(b)
	codes := regexp.MustCompile(`(?m)^code\s*=\s*"([A-Z]{3})"`).FindAllSubmatch(realTheme["content/countries.toml"].Data, -1)
	opts := synth.Options{N: formats, C: 60}
	for _, c := range codes {
		opts.Codes = append(opts.Codes, string(c[1]))
	}
	for p, data := range synth.Site(opts) {
		m[p] = &fstest.MapFile{Data: data, Mode: 0o644}
	}
	site := realTheme["content/site.toml"].Data
	if i := bytes.Index(site, []byte("[[map_view]]")); i >= 0 {
		views := site[i:]
		if j := bytes.Index(views, []byte("\n[[map]]")); j >= 0 {
			views = views[:j]
		}
		m["content/site.toml"].Data = append(append(slices.Clone(m["content/site.toml"].Data), '\n'), views...)
	}
	for p, f := range realTheme {
		if p[:len("content")] != "content" {
			m[p] = f
		}
	}
	return m
}

// BenchmarkBuild is a whole build — load, link, Markdown, render, write to
// disk — of the synthetic site at three sizes over 60 countries.
func BenchmarkBuild(b *testing.B) {
	for _, n := range []int{100, 1000, 10000} {
		b.Run(fmt.Sprintf("formats=%d", n), func(b *testing.B) { benchBuild(b, synthFS(b, n)) })
	}
}

// BenchmarkBuildReal is a whole build of the repository's own site, to
// disk: what a small site costs, fixed costs (templates, map shapes, the
// theme) included.
func BenchmarkBuildReal(b *testing.B) { benchBuild(b, realFS(b)) }

// BenchmarkBuildMaps is BenchmarkBuild at 1,000 formats with the maps
// (maps=on) and without them (maps=off: the synthetic site's own random
// codes, which have no shapes, and no map views), for what the maps cost.
func BenchmarkBuildMaps(b *testing.B) {
	on := synthFS(b, 1000)
	off := fstest.MapFS{}
	for p, f := range on {
		off[p] = f
	}
	for p, data := range synth.Site(synth.Options{N: 1000, C: 60}) {
		off[p] = &fstest.MapFile{Data: data, Mode: 0o644}
	}
	for i := range 3 { // interleaved, so that a slower spell of the machine falls on both
		b.Run("maps=on/"+strconv.Itoa(i), func(b *testing.B) { benchBuild(b, on) })
		b.Run("maps=off/"+strconv.Itoa(i), func(b *testing.B) { benchBuild(b, off) })
	}
}

// BenchmarkBuildSnapshot is BenchmarkBuild at 1,000 formats with one
// snapshot in site.toml, for what a snapshot costs: then-and-now lines on
// every format and country page, and changes.html.
func BenchmarkBuildSnapshot(b *testing.B) {
	fsys := synthFS(b, 1000)
	site := fsys["content/site.toml"]
	fsys["content/site.toml"] = &fstest.MapFile{Data: append(slices.Clone(site.Data), "\n[[snapshot]]\ndate = 2021-02-16\nlabel = \"Then\"\n"...), Mode: site.Mode}
	benchBuild(b, fsys)
}

// benchBuild builds fsys to disk, with its CPU time.
func benchBuild(b *testing.B, fsys fstest.MapFS) {
	out := filepath.Join(b.TempDir(), "public")
	b.ReportAllocs()
	cpu := cpuTime()
	for b.Loop() {
		if _, err := generator.Build(fsys, out, generator.Options{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(cpuTime()-cpu)/float64(b.N)/1e6, "cpu-ms/op")
}

// cpuTime is the CPU time, user and system, this process has used. On a
// shared machine it varies far less from run to run than wall time does.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// stageSizes are the synthetic sites each stage is timed on.
var stageSizes = []int{1000, 10000}

// sizes runs bench once per stage size, as formats=N.
func sizes(b *testing.B, bench func(b *testing.B, formats int)) {
	for _, n := range stageSizes {
		b.Run(fmt.Sprintf("formats=%d", n), func(b *testing.B) { bench(b, n) })
	}
}

func BenchmarkStageLoad(b *testing.B) { sizes(b, benchLoad) }

func benchLoad(b *testing.B, formats int) {
	fsys := synthFS(b, formats)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := load.Load(fsys); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkStageLink(b *testing.B) { sizes(b, benchLink) }

func benchLink(b *testing.B, formats int) {
	content, err := load.Load(synthFS(b, formats))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := site.Link(content); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkStageMarkdown plans every format's page and print article as
// the render stage does (page.Planner.FormatPage): it reads the commentary
// and converts it for both, with the real resolvers, without templates.
func BenchmarkStageMarkdown(b *testing.B) { sizes(b, benchMarkdown) }

func benchMarkdown(b *testing.B, formats int) {
	fsys, model := linkedSynth(b, formats)
	p := page.New(model, fsys, markdown.New(markdown.Options{}), nil)
	b.ReportAllocs()
	for b.Loop() {
		for _, f := range model.Formats {
			if _, conv, _ := p.FormatPage(f); len(conv.Errs) > 0 {
				b.Fatal(conv.Errs)
			}
		}
	}
}

// linkedSynth is the stage-size synthetic site and its linked model.
func linkedSynth(b *testing.B, formats int) (fstest.MapFS, *site.Site) {
	b.Helper()
	fsys := synthFS(b, formats)
	content, err := load.Load(fsys)
	if err != nil {
		b.Fatal(err)
	}
	model, err := site.Link(content)
	if err != nil {
		b.Fatal(err)
	}
	return fsys, model
}

// BenchmarkStageRender is the page plan (Markdown included) and the template
// rendering of every page, in memory.
func BenchmarkStageRender(b *testing.B) { sizes(b, benchRender) }

func benchRender(b *testing.B, formats int) {
	fsys, model := linkedSynth(b, formats)
	md := markdown.New(markdown.Options{})
	b.ReportAllocs()
	for b.Loop() {
		if _, err := render.Render(model, fsys, render.Options{Markdown: md}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkStageWrite writes the rendered files atomically to disk.
func BenchmarkStageWrite(b *testing.B) { sizes(b, benchWrite) }

func benchWrite(b *testing.B, formats int) {
	files, err := generator.Generate(synthFS(b, formats))
	if err != nil {
		b.Fatal(err)
	}
	out := filepath.Join(b.TempDir(), "public")
	b.ReportAllocs()
	for b.Loop() {
		if err := publish.Write(out, files, publish.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCheckReal is `formatlas check` on the real content: every stage in
// memory, nothing written.
func BenchmarkCheckReal(b *testing.B) {
	fsys := realFS(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := generator.Check(fsys, generator.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkStageEmit finishes every file of the rendered site as a build
// does, in the emitter: it scans each file's ids and links, hashes it for the
// manifest and compresses it into the offline zip, then writes the manifest.
// The sink drops the files.
func BenchmarkStageEmit(b *testing.B) { sizes(b, benchEmit) }

func benchEmit(b *testing.B, formats int) {
	files, err := generator.Generate(synthFS(b, formats))
	if err != nil {
		b.Fatal(err)
	}
	files = slices.DeleteFunc(files, func(f publish.File) bool { // the emitter makes these
		return f.Path == publish.OfflinePath || f.Path == publish.ManifestPath
	})
	b.ReportAllocs()
	for b.Loop() {
		e := publish.NewEmitter(discard{})
		e.PutAll(files, 0)
		e.CloseZip(len(files))
		if _, _, errs := e.Close(); len(errs) > 0 {
			b.Fatal(errs)
		}
	}
}

// discard is a sink that drops every file.
type discard struct{}

func (discard) Put(publish.File) error { return nil }

func (discard) Create(string) (io.WriteCloser, error) { return nopCloser{io.Discard}, nil }

type nopCloser struct{ io.Writer }

func (nopCloser) Close() error { return nil }
