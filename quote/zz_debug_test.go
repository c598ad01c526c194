package quote_test

import (
	"context"
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/chronicle-news/chronicle"
	"github.com/chronicle-news/chronicle/quote"
	"github.com/chronicle-news/chronicle/quote/polnear"
)

func TestZZDebug(t *testing.T) {
	dir := os.Getenv("QDEBUG")
	if dir == "" {
		t.Skip()
	}
	arts, err := polnear.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	x := quote.New()
	missed := map[string]int{}
	fp := map[string]int{}
	bad := 0
	var ex []string
	for _, a := range arts {
		bad += a.Notes
		doc, _ := chronicle.NewDocument([]byte(a.Text), a.Name, chronicle.Meta{}, 0)
		x.Process(context.Background(), doc)
		pred := polnear.FromQuotes(doc, false)
		for _, g := range a.Gold {
			if len(g.Cue) == 0 {
				continue
			}
			hit := false
			for _, p := range pred {
				for _, c := range p.Cue {
					if c.Overlaps(g.Cue[0]) {
						hit = true
					}
				}
			}
			if !hit {
				w := strings.ToLower(doc.SpanText(g.Cue[0]))
				missed[w]++
				if os.Getenv("QEX") == w {
					lo := max(0, g.Cue[0].Start-150)
					hi := min(len(doc.Text), g.Cue[0].End+100)
					ex = append(ex, strings.ReplaceAll(doc.Text[lo:g.Cue[0].Start]+"[["+doc.SpanText(g.Cue[0])+"]]"+doc.Text[g.Cue[0].End:hi], "\n", " | "))
				}
			}
		}
		for _, p := range pred {
			hit := false
			for _, g := range a.Gold {
				for _, c := range g.Cue {
					if len(p.Cue) > 0 && c.Overlaps(p.Cue[0]) {
						hit = true
					}
				}
			}
			if !hit && len(p.Cue) > 0 {
				fp[strings.ToLower(doc.SpanText(p.Cue[0]))]++
			}
		}
	}
	fmt.Println("bad offsets", bad)
	dump := func(m map[string]int, n int) {
		type kv struct {
			k string
			v int
		}
		var s []kv
		for k, v := range m {
			s = append(s, kv{k, v})
		}
		sort.Slice(s, func(i, j int) bool { return s[i].v > s[j].v })
		for i := 0; i < len(s) && i < n; i++ {
			fmt.Printf("%d %q; ", s[i].v, s[i].k)
		}
		fmt.Println()
	}
	fmt.Println("MISSED:")
	dump(missed, 80)
	fmt.Println("FP:")
	dump(fp, 40)
	for i, e := range ex {
		if i < 25 {
			fmt.Println("---", e)
		}
	}
}

func TestZZSrc(t *testing.T) {
	dir := os.Getenv("QDEBUG")
	if dir == "" {
		t.Skip()
	}
	arts, _ := polnear.ReadDir(dir)
	x := quote.New()
	n := 0
	for _, a := range arts {
		doc, _ := chronicle.NewDocument([]byte(a.Text), a.Name, chronicle.Meta{}, 0)
		x.Process(context.Background(), doc)
		for _, p := range polnear.FromQuotes(doc, false) {
			for _, g := range a.Gold {
				if len(g.Cue) == 0 || len(p.Cue) == 0 || !g.Cue[0].Overlaps(p.Cue[0]) {
					continue
				}
				ok := false
				for _, gs := range g.Source {
					for _, ps := range p.Source {
						if gs.Overlaps(ps) {
							ok = true
						}
					}
				}
				if !ok && n < 60 {
					n++
					gs, ps := "", ""
					for _, s := range g.Source {
						gs += doc.SpanText(s) + "|"
					}
					for _, s := range p.Source {
						ps += doc.SpanText(s) + "|"
					}
					lo := max(0, g.Cue[0].Start-100)
					fmt.Printf("cue=%q gold=%q pred=%q  ctx=%q\n", doc.SpanText(g.Cue[0]), gs, ps, doc.Text[lo:g.Cue[0].End])
				}
			}
		}
	}
}

func TestZZMiss(t *testing.T) {
	dir := os.Getenv("QDEBUG")
	if dir == "" {
		t.Skip()
	}
	arts, _ := polnear.ReadDir(dir)
	x := quote.New()
	n := 0
	for ai, a := range arts {
		doc, _ := chronicle.NewDocument([]byte(a.Text), a.Name, chronicle.Meta{}, 0)
		x.Process(context.Background(), doc)
		pred := polnear.FromQuotes(doc, false)
		for gi, g := range a.Gold {
			if len(g.Cue) == 0 || (ai*7+gi)%9 != 0 {
				continue
			}
			hit := false
			for _, p := range pred {
				for _, c := range p.Content {
					for _, gc := range g.Content {
						if c.Overlaps(gc) {
							hit = true
						}
					}
				}
			}
			if !hit && n < 50 {
				n++
				src := ""
				for _, s := range g.Source {
					src += doc.SpanText(s)
				}
				c := g.Content[0]
				fmt.Printf("SRC=%q CUE=%q CONTENT=%q\n", src, doc.SpanText(g.Cue[0]), doc.SpanText(c)[:min(120, c.Len())])
			}
		}
	}
}

func TestZZTok(t *testing.T) {
	dir := os.Getenv("QTOK")
	if dir == "" {
		t.Skip()
	}
	arts, _ := polnear.ReadDir(dir)
	for _, a := range arts {
		func() {
			defer func() {
				if r := recover(); r != nil {
					fmt.Println("PANIC", a.Name, r)
				}
			}()
			doc, _ := chronicle.NewDocument([]byte(a.Text), a.Name, chronicle.Meta{}, 0)
			pipeline(t).Process(context.Background(), doc)
		}()
	}
}

func TestZZPrec(t *testing.T) {
	dir := os.Getenv("QDEBUG")
	if dir == "" {
		t.Skip()
	}
	arts, _ := polnear.ReadDir(dir)
	x := quote.New()
	tot := map[string]int{}
	ok := map[string]int{}
	for _, a := range arts {
		doc, _ := chronicle.NewDocument([]byte(a.Text), a.Name, chronicle.Meta{}, 0)
		x.Process(context.Background(), doc)
		for _, p := range polnear.FromQuotes(doc, false) {
			if len(p.Cue) == 0 {
				continue
			}
			f := strings.Fields(strings.ToLower(doc.SpanText(p.Cue[0])))
			if len(f) == 0 {
				continue
			}
			w := f[len(f)-1]
			if len(f) > 1 && (f[len(f)-1] == "statement" || f[len(f)-1] == "interview" || f[len(f)-1] == "remarks") {
				w = f[0]
			}
			tot[w]++
			for _, g := range a.Gold {
				hit := false
				for _, gc := range g.Content {
					for _, pc := range p.Content {
						if gc.Overlaps(pc) {
							hit = true
						}
					}
				}
				if hit {
					ok[w]++
					break
				}
			}
		}
	}
	for w, n := range tot {
		if n >= 4 && float64(ok[w])/float64(n) < 0.5 {
			fmt.Printf("%s %d/%d\n", w, ok[w], n)
		}
	}
}
