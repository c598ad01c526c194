package parse

import (
	"context"
	"math"
	"os"
	"testing"

	"github.com/chronicle-news/chronicle/conllu"
)

func TestTmpPrune(t *testing.T) {
	data, _ := os.ReadFile(os.Getenv("PM"))
	dev, _ := conllu.ReadFile("/work/shared/corpora/ud-english-ewt/en_ewt-ud-dev.conllu")
	for _, th := range []float64{0, 0.3, 0.5, 0.8, 1.0} {
		m, err := decodeModel(data)
		if err != nil {
			t.Fatal(err)
		}
		var feats []feature
		for s := 0; s+1 < len(m.w.slots); s++ {
			sl := m.w.slots[s]
			if sl.key == 0 {
				continue
			}
			var ent []uint32
			for _, e := range m.w.ent[sl.start:m.w.slots[s+1].start] {
				if math.Abs(float64(int16(uint16(e)))*float64(m.w.scale)) >= th {
					ent = append(ent, e)
				}
			}
			if len(ent) > 0 {
				feats = append(feats, feature{sl.key, ent})
			}
		}
		feats = sortFeatures(feats)
		b, _ := encodeModel(m.labels, m.w.scale, feats)
		p, err := fromBytes(b)
		if err != nil {
			t.Fatal(err)
		}
		doc := FromCoNLLU(dev, true)
		p.Process(context.Background(), doc)
		s, _ := Score(dev, doc)
		t.Logf("th %.2f feats %d size %.1fMB UAS %.2f LAS %.2f", th, len(feats), float64(len(b))/1e6, s.UAS(), s.LAS())
	}
}
