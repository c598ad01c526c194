package actor_test

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"testing"

	chronicle "github.com/chronicle-news/chronicle"
	"github.com/chronicle-news/chronicle/actor"
	"github.com/chronicle-news/chronicle/coref"
)

func TestDebugMentions(t *testing.T) {
	x, _ := actor.New(nil)
	gold := "/work/shared/corpora/gum/coref_conll/train"
	dep := "/work/shared/corpora/gum/dep/train"
	docs, _ := func() ([]coref.Document, error) { return nil, nil }()
	_ = docs
	miss := map[string]int{}
	bnd := map[string]int{}
	spur := map[string]int{}
	var tp, fp, fn int
	var cur *chronicle.Document
	res := func(ctx context.Context, d *chronicle.Document) ([][]chronicle.TokenRange, error) {
		cur = d
		return x.Clusters(ctx, d)
	}
	_ = cur
	// re-read gold by hand
	files := []string{}
	_ = files
	goldM := map[string]map[[2]int]bool{}
	_ = goldM
	key := func(d *chronicle.Document, r chronicle.TokenRange) string {
		h := d.Tokens[r.Start]
		w := strings.ToLower(d.Form(r.Start))
		_ = h
		return fmt.Sprintf("%s/%s len%d", d.Tokens[r.Start].UPOS, w, min(r.Len(), 3))
	}
	resolver := func(ctx context.Context, d *chronicle.Document) ([][]chronicle.TokenRange, error) {
		return res(ctx, d)
	}
	_ = resolver
	cfg := coref.Config{Gold: gold, Dep: dep, Syntax: coref.SyntaxGold}
	// Evaluate gives no gold per doc: wrap to compare with the gold read by ReadCoNLL.
	all := map[string]coref.Document{}
	{
		import_ := coref.ReadCoNLL
		_ = import_
	}
	_ = all
	_, per, err := coref.Evaluate(context.Background(), cfg, func(ctx context.Context, d *chronicle.Document) ([][]chronicle.TokenRange, error) {
		cl, err := x.Clusters(ctx, d)
		gd := goldFor(d)
		sys := map[chronicle.TokenRange]bool{}
		for _, c := range cl {
			for _, r := range c {
				sys[r] = true
			}
		}
		g := map[chronicle.TokenRange]bool{}
		for _, c := range gd {
			for _, m := range c {
				g[chronicle.TokenRange{Start: m.Start, End: m.End}] = true
			}
		}
		gs := map[int]chronicle.TokenRange{}
		for r := range g {
			gs[r.Start] = r
		}
		for r := range sys {
			if g[r] {
				tp++
			} else {
				fp++
				spur[key(d, r)]++
				if gr, ok := gs[r.Start]; ok && gr.End != r.End {
					if gr.End < r.End {
						tk := d.Tokens[gr.End]
						bnd["sys longer: next "+tk.Deprel+"/"+tk.UPOS]++
					} else {
						tk := d.Tokens[r.End]
						bnd["sys shorter: next "+tk.Deprel+"/"+tk.UPOS]++
					}
				}
			}
		}
		for r := range g {
			if !sys[r] {
				fn++
				miss[key(d, r)]++
			}
		}
		return cl, err
	})
	_ = per
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("mentions P %.3f R %.3f", float64(tp)/float64(tp+fp), float64(tp)/float64(tp+fn))
	top := func(m map[string]int) string {
		type kv struct {
			k string
			v int
		}
		var l []kv
		for k, v := range m {
			l = append(l, kv{k, v})
		}
		sort.Slice(l, func(a, b int) bool { return l[a].v > l[b].v })
		var b strings.Builder
		for _, e := range l[:min(40, len(l))] {
			fmt.Fprintf(&b, "%s:%d  ", e.k, e.v)
		}
		return b.String()
	}
	t.Logf("missed: %s", top(miss))
	t.Logf("spurious: %s", top(spur))
	t.Logf("boundary: %s", top(bnd))
}

var goldDocs map[string][][]coref.Mention

func goldFor(d *chronicle.Document) [][]coref.Mention {
	if goldDocs == nil {
		goldDocs = map[string][][]coref.Mention{}
		for _, split := range []string{"train"} {
			files, _ := filepathGlob("/work/shared/corpora/gum/coref_conll/" + split + "/*.conll")
			for _, f := range files {
				ds := readConll(f)
				for _, g := range ds {
					goldDocs[strings.Join(g.Words, " ")] = g.Clusters
				}
			}
		}
	}
	return goldDocs[d.Text]
}
