package ner

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"strings"

	"github.com/chronicle-news/chronicle/conllu"
	"github.com/chronicle-news/chronicle/perceptron"
	"github.com/chronicle-news/chronicle/tag"
)

// Example is one sentence with IOB2 labels over the model types (B-PER,
// I-ORG, O, ...) and, once tagged, its UPOS and XPOS.
type Example struct {
	ID                string
	Forms, UPOS, XPOS []string
	Labels            []string
}

// ReadIOB2 reads a UNER-style IOB2 file: "# sent_id" comments, then lines of
// index, token, label (further columns ignored), a blank line after each
// sentence. Labels of other types than PER, ORG, LOC become O.
func ReadIOB2(path string) ([]Example, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("ner: %w", err)
	}
	defer f.Close()
	var out []Example
	var cur Example
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	line := 0
	flush := func() {
		if len(cur.Forms) > 0 {
			out = append(out, cur)
		}
		cur = Example{}
	}
	for sc.Scan() {
		line++
		t := sc.Text()
		switch {
		case strings.TrimSpace(t) == "":
			flush()
		case strings.HasPrefix(t, "#"):
			if k, v, ok := strings.Cut(strings.TrimSpace(t[1:]), "="); ok && strings.TrimSpace(k) == "sent_id" {
				cur.ID = strings.TrimSpace(v)
			}
		default:
			cols := strings.Split(t, "\t")
			if len(cols) < 3 {
				return nil, fmt.Errorf("%s:%d: want at least 3 columns", path, line)
			}
			lab := cols[2]
			if _, typ, ok := strings.Cut(lab, "-"); !ok || !isModelType(typ) || (lab[0] != 'B' && lab[0] != 'I') {
				lab = "O"
			}
			cur.Forms = append(cur.Forms, cols[1])
			cur.Labels = append(cur.Labels, lab)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s:%d: %w", path, line, err)
	}
	flush()
	return out, nil
}

func isModelType(t string) bool {
	for _, m := range modelTypes {
		if m == t {
			return true
		}
	}
	return false
}

// GUMExamples turns GUM CoNLL-U sentences into examples. Only named
// mentions count: a person, place or organization mention whose head word
// (the one whose head lies outside the mention) is a proper noun; its label
// covers the run of proper nouns around the head, joined by "of", "and",
// "&", "de", "-". place → LOC, person → PER, organization → ORG, except
// organizations named like a country or capital (GUM types metonymic
// "North Korea" as organization, UNER as LOC) which become LOC when isPlace
// says so.
func GUMExamples(sents []*conllu.Sentence, isPlace func(string) bool) []Example {
	var out []Example
	type open struct {
		id, typ string
		start   int
	}
	var stack []open
	for _, s := range sents {
		ex := Example{ID: s.ID}
		for _, w := range s.Words {
			ex.Forms = append(ex.Forms, w.Form)
			ex.Labels = append(ex.Labels, "O")
		}
		stack = stack[:0]
		for i, w := range s.Words {
			ent := miscField(w.Misc, "Entity")
			for ent != "" {
				switch {
				case ent[0] == '(':
					j := 1
					for j < len(ent) && ent[j] != '(' && ent[j] != ')' {
						j++
					}
					fields := strings.Split(ent[1:j], "-")
					o := open{start: i}
					if len(fields) > 1 {
						o.id, o.typ = fields[0], fields[1]
					}
					if j < len(ent) && ent[j] == ')' {
						markNamed(&ex, s, o.typ, i, i+1, isPlace)
						j++
					} else {
						stack = append(stack, o)
					}
					ent = ent[j:]
				default:
					j := strings.IndexByte(ent, ')')
					if j < 0 {
						ent = ""
						break
					}
					id := ent[:j]
					for k := len(stack) - 1; k >= 0; k-- {
						if stack[k].id == id {
							markNamed(&ex, s, stack[k].typ, stack[k].start, i+1, isPlace)
							stack = append(stack[:k], stack[k+1:]...)
							break
						}
					}
					ent = ent[j+1:]
				}
			}
		}
		if len(ex.Forms) > 0 {
			out = append(out, ex)
		}
	}
	return out
}

func miscField(misc, key string) string {
	for _, f := range strings.Split(misc, "|") {
		if k, v, ok := strings.Cut(f, "="); ok && k == key {
			return v
		}
	}
	return ""
}

func markNamed(ex *Example, s *conllu.Sentence, etype string, lo, hi int, isPlace func(string) bool) {
	var typ string
	switch etype {
	case "person":
		typ = "PER"
	case "place":
		typ = "LOC"
	case "organization":
		typ = "ORG"
	default:
		return
	}
	ws := s.Words
	head := -1
	for i := lo; i < hi; i++ {
		h := ws[i].Head - 1 // word index of the head; -1 for root
		if h < lo || h >= hi {
			head = i
			break
		}
	}
	if head < 0 || ws[head].UPOS != "PROPN" {
		return
	}
	a, b := head, head+1
	for a > lo && (ws[a-1].UPOS == "PROPN" || (isJoiner(ws[a-1].Form) && a-2 >= lo && ws[a-2].UPOS == "PROPN")) {
		a--
	}
	for b < hi && (ws[b].UPOS == "PROPN" || (isJoiner(ws[b].Form) && b+1 < hi && ws[b+1].UPOS == "PROPN")) {
		b++
	}
	for i := a; i < b; i++ {
		if ex.Labels[i] != "O" {
			return // nested inside a mention already labelled
		}
	}
	if typ == "ORG" && isPlace != nil {
		var parts []string
		for i := a; i < b; i++ {
			parts = append(parts, ws[i].Form)
		}
		if isPlace(strings.Join(parts, " ")) {
			typ = "LOC"
		}
	}
	ex.Labels[a] = "B-" + typ
	for i := a + 1; i < b; i++ {
		ex.Labels[i] = "I-" + typ
	}
}

func isJoiner(f string) bool {
	switch f {
	case "of", "and", "&", "de", "-", "du", "del", "la":
		return true
	}
	return false
}

// TagExamples fills UPOS and XPOS with the tagger's output.
func TagExamples(t *tag.Tagger, ex []Example) {
	for i := range ex {
		ex[i].UPOS, ex[i].XPOS, _ = t.Tag(ex[i].Forms)
	}
}

// bilou converts IOB2 labels to class ids.
func bilou(labels []string) []int32 {
	out := make([]int32, len(labels))
	for i, l := range labels {
		if l == "O" || len(l) < 3 {
			continue
		}
		typ := -1
		for k, m := range modelTypes {
			if l[2:] == m {
				typ = k
			}
		}
		if typ < 0 {
			continue
		}
		begin := l[0] == 'B' || i == 0 || labels[i-1] == "O" || labels[i-1][2:] != l[2:]
		end := i+1 == len(labels) || labels[i+1][0] != 'I' || labels[i+1][2:] != l[2:]
		pos := posI
		switch {
		case begin && end:
			pos = posU
		case begin:
			pos = posB
		case end:
			pos = posL
		}
		out[i] = int32(classOf(typ, pos))
	}
	return out
}

// Config sets training; zero fields take their defaults.
type Config struct {
	Iterations int    // passes; the best on dev is kept (default 12)
	Seed       uint64 // shuffling seed (default 1)
	Prune      float64
	Places     []string // gazetteer: countries, capitals, states
	NORP       []string // gazetteer: nationality and group words
	Clusters   tag.Clusters
	CaseStats  *perceptron.Index // from tag.Tagger.CaseStats
	Log        io.Writer
}

// Train learns a recognizer on tagged train examples, keeping the iteration
// with the best overall entity F1 on dev. Same data and Config give the same
// model bytes.
func Train(ctx context.Context, train, dev []Example, cfg Config) (*Recognizer, error) {
	if cfg.Iterations == 0 {
		cfg.Iterations = 12
	}
	if cfg.Seed == 0 {
		cfg.Seed = 1
	}
	if cfg.Prune == 0 {
		cfg.Prune = 0.05
	}
	if cfg.Log == nil {
		cfg.Log = io.Discard
	}
	if cfg.Clusters.Coarse == nil {
		cfg.Clusters = tag.Clusters{Coarse: perceptron.NewIndex(nil), Fine: perceptron.NewIndex(nil)}
	}
	if cfg.CaseStats == nil {
		cfg.CaseStats = perceptron.NewIndex(nil)
	}
	if len(train) == 0 {
		return nil, fmt.Errorf("ner.Train: no training sentences")
	}
	phrases := map[string]uint32{}
	for _, p := range cfg.NORP {
		phrases[p] = GazNORP
	}
	for _, p := range cfg.Places {
		phrases[p] = GazPlace
	}
	gaz := newGazetteer(phrases)
	gold := make([][]int32, len(train))
	for i, e := range train {
		gold[i] = bilou(e.Labels)
	}
	proto := newRecognizer(nil, gaz, cfg.Clusters, cfg.CaseStats)
	tr := perceptron.NewTrainer(numClasses)
	order := make([]int, len(train))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(cfg.Seed, 0x6e6572))
	s := new(sequence)
	scores := make([]float32, numClasses)
	var best *Recognizer
	bestF := -1.0
	for it := 1; it <= cfg.Iterations; it++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		errs := 0
		for n, k := range order {
			if n%1000 == 0 {
				if err := ctx.Err(); err != nil {
					return nil, err
				}
			}
			e := train[k]
			s.forms, s.upos, s.xpos = e.Forms, e.UPOS, e.XPOS
			proto.load(s)
			p1, p2 := -1, -1
			for i := range e.Forms {
				feats := s.features(i, p1, p2)
				tr.Scores(feats, scores)
				allowed := proto.allowedAfter(p1, i == len(e.Forms)-1)
				guess := 0
				first := true
				for c, v := range scores {
					if allowed[c] && (first || v > scores[guess]) {
						guess, first = c, false
					}
				}
				g := int(gold[k][i])
				if !allowed[g] {
					g = guess // gold path broken by our own history: skip
				}
				if guess != g {
					errs++
				}
				tr.Learn(feats, g, guess)
				p2, p1 = p1, guess
			}
		}
		r := newRecognizer(tr.Model(cfg.Prune), gaz, cfg.Clusters, cfg.CaseStats)
		msg := fmt.Sprintf("iter %2d  train errors %d", it, errs)
		score := float64(it)
		if len(dev) > 0 {
			rep := r.Evaluate(dev)
			o := rep.Overall
			msg += fmt.Sprintf("  dev P %.2f R %.2f F1 %.2f", o.Precision, o.Recall, o.F1)
			score = o.F1
		}
		if score > bestF {
			best, bestF = r, score
			msg += "  *"
		}
		fmt.Fprintln(cfg.Log, msg)
	}
	return best, nil
}
