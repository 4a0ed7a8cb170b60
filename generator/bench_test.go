package generator_test

import (
	"fmt"
	"path/filepath"
	"syscall"
	"testing"
	"testing/fstest"
	"time"

	"formatlas/generator"
	"formatlas/generator/internal/synth"
	"formatlas/generator/load"
	"formatlas/generator/markdown"
	"formatlas/generator/publish"
	"formatlas/generator/render"
	"formatlas/generator/site"
)

// synthFS is the benchmark recipe's synthetic site (../shared/bench/gen.py
// --formatlas, generated in Go) with the repository's templates and static files.
func synthFS(b testing.TB, formats int) fstest.MapFS {
	b.Helper()
	m := fstest.MapFS{}
	for p, data := range synth.Site(synth.Options{N: formats, C: 60}) {
		m[p] = &fstest.MapFile{Data: data, Mode: 0o644}
	}
	realTheme := realFS(b)
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
		b.Run(fmt.Sprintf("formats=%d", n), func(b *testing.B) {
			fsys := synthFS(b, n)
			out := filepath.Join(b.TempDir(), "public")
			b.ReportAllocs()
			cpu := cpuTime()
			for b.Loop() {
				if _, err := generator.Build(fsys, out, generator.Options{}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(cpuTime()-cpu)/float64(b.N)/1e6, "cpu-ms/op")
		})
	}
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

// BenchmarkStageMarkdown converts every commentary, as the render stage does,
// without templates.
func BenchmarkStageMarkdown(b *testing.B) { sizes(b, benchMarkdown) }

func benchMarkdown(b *testing.B, formats int) {
	fsys, model := linkedSynth(b, formats)
	md := markdown.New(markdown.Options{})
	sources := map[*site.Format][]byte{}
	for _, f := range model.Formats {
		sources[f] = fsys[f.CommentaryPath].Data
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, f := range model.Formats {
			r := md.Convert(markdown.Doc{Path: f.CommentaryPath, Source: sources[f],
				Resolver: nopResolver{}, HeadingShift: 1})
			if len(r.Errs) > 0 {
				b.Fatal(r.Errs)
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

type nopResolver struct{}

func (nopResolver) Resolve(scheme, target string) (string, string) { return "x.html", "" }

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

// BenchmarkStageZip packs the whole rendered site into the offline zip, as
// Render does last.
func BenchmarkStageZip(b *testing.B) { sizes(b, benchZip) }

func benchZip(b *testing.B, formats int) {
	files, err := generator.Generate(synthFS(b, formats))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := publish.OfflineZip(files); err != nil {
			b.Fatal(err)
		}
	}
}
