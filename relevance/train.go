package relevance

import (
	"context"
	"fmt"
	"io"
	"math"
	"math/rand/v2"

	"github.com/chronicle-news/chronicle/perceptron"
)

// Example is one article and whether it reports politics, diplomacy or
// conflict.
type Example struct {
	Name     string
	Text     string
	Relevant bool
}

// Config tunes Train.
type Config struct {
	Iterations int     // passes; the best on dev is kept (default 10)
	Seed       uint64  // shuffling seed (default 1)
	Prune      float64 // drop averaged weights below this (default 0.05)
	Log        io.Writer
}

func (c *Config) defaults() {
	if c.Iterations == 0 {
		c.Iterations = 10
	}
	if c.Seed == 0 {
		c.Seed = 1
	}
	if c.Prune == 0 {
		c.Prune = 0.05
	}
}

// Scores are percentages over the judged articles.
type Scores struct {
	Accuracy            float64 // at probability 0.5
	Relevant, Off       float64 // recall of each class at 0.5
	Dropped, Caught     float64 // relevant and off-topic articles below OffTopicBelow
	Judged, Unjudged    int     // articles long enough, and too short
	RelevantN, OffTopic int     // judged articles of each class
}

// Train learns a classifier on train, keeping the iteration whose model
// scores best on dev, and fits the probability scaling on dev.
func Train(ctx context.Context, train, dev []Example, cfg Config) (*Classifier, error) {
	cfg.defaults()
	if cfg.Iterations < 1 {
		return nil, fmt.Errorf("relevance.Train: %d iterations", cfg.Iterations)
	}
	if len(train) == 0 || len(dev) == 0 {
		return nil, fmt.Errorf("relevance.Train: %d training and %d dev articles", len(train), len(dev))
	}
	feats := make([][]uint64, len(train))
	for i, e := range train {
		feats[i] = Features(e.Text, nil)
	}
	tr := perceptron.NewTrainer(2)
	rng := rand.New(rand.NewPCG(cfg.Seed, 0x5eed))
	order := make([]int, len(train))
	for i := range order {
		order[i] = i
	}
	var best *Classifier
	bestAcc := -1.0
	scores := make([]float32, 2)
	for it := 1; it <= cfg.Iterations; it++ {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, i := range order {
			tr.Scores(feats[i], scores)
			guess := 0
			if scores[1] > scores[0] {
				guess = 1
			}
			truth := 0
			if train[i].Relevant {
				truth = 1
			}
			tr.Learn(feats[i], truth, guess)
		}
		c := &Classifier{model: tr.Model(cfg.Prune), a: 1}
		c.fit(dev)
		sc := c.Evaluate(dev)
		mark := ""
		if sc.Accuracy > bestAcc {
			best, bestAcc, mark = c, sc.Accuracy, "  *"
		}
		if cfg.Log != nil {
			fmt.Fprintf(cfg.Log, "iter %2d  dev accuracy %.2f%% (relevant %.2f%%, off topic %.2f%%)%s\n", it, sc.Accuracy, sc.Relevant, sc.Off, mark)
		}
	}
	return best, nil
}

// margin is the model's score difference for text, in weight units.
func (c *Classifier) margin(text string) float64 {
	var scores [2]int32
	c.model.Scores(Features(text, nil), scores[:])
	return float64(float32(scores[1]-scores[0]) * c.model.Unit())
}

// fit sets the Platt scaling a, b (probability = logistic(a*margin + b)) by
// gradient descent on the log loss of the judged dev articles.
func (c *Classifier) fit(dev []Example) {
	var ms []float64
	var ys []float64
	for _, e := range dev {
		if words(e.Text) < MinWords {
			continue
		}
		ms = append(ms, c.margin(e.Text))
		y := 0.0
		if e.Relevant {
			y = 1
		}
		ys = append(ys, y)
	}
	if len(ms) == 0 {
		return
	}
	scale := 0.0
	for _, m := range ms {
		scale += math.Abs(m)
	}
	scale /= float64(len(ms))
	if scale == 0 {
		scale = 1
	}
	a, b := 1/scale, 0.0
	for range 2000 {
		var ga, gb float64
		for i, m := range ms {
			p := 1 / (1 + math.Exp(-(a*m + b)))
			ga += (p - ys[i]) * m
			gb += p - ys[i]
		}
		n := float64(len(ms))
		a -= 0.5 * ga / n / scale
		b -= 0.5 * gb / n
	}
	c.a, c.b = float32(a), float32(b)
}

// Below returns, for a relevance bar, the percentages of the judged
// relevant and off-topic articles of ex that fall under it.
func (c *Classifier) Below(ex []Example, bar float64) (relevant, off float64) {
	var nr, no, br, bo int
	for _, e := range ex {
		p, ok := c.Relevance(e.Text)
		if !ok {
			continue
		}
		if e.Relevant {
			nr++
			if p < bar {
				br++
			}
		} else {
			no++
			if p < bar {
				bo++
			}
		}
	}
	if nr > 0 {
		relevant = 100 * float64(br) / float64(nr)
	}
	if no > 0 {
		off = 100 * float64(bo) / float64(no)
	}
	return relevant, off
}

// Evaluate judges the dev articles and scores the judgements.
func (c *Classifier) Evaluate(dev []Example) Scores {
	var sc Scores
	var right, relRight, offRight, dropped, caught int
	for _, e := range dev {
		p, ok := c.Relevance(e.Text)
		if !ok {
			sc.Unjudged++
			continue
		}
		sc.Judged++
		got := p >= 0.5
		if e.Relevant {
			sc.RelevantN++
			if p < OffTopicBelow {
				dropped++
			}
		} else {
			sc.OffTopic++
			if p < OffTopicBelow {
				caught++
			}
		}
		if got == e.Relevant {
			right++
			if e.Relevant {
				relRight++
			} else {
				offRight++
			}
		}
	}
	pct := func(a, b int) float64 {
		if b == 0 {
			return 0
		}
		return 100 * float64(a) / float64(b)
	}
	sc.Accuracy = pct(right, sc.Judged)
	sc.Relevant = pct(relRight, sc.RelevantN)
	sc.Off = pct(offRight, sc.OffTopic)
	sc.Dropped = pct(dropped, sc.RelevantN)
	sc.Caught = pct(caught, sc.OffTopic)
	return sc
}
