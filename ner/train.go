package ner

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"slices"
	"strings"

	"github.com/chronicle-news/chronicle/conllu"
	"github.com/chronicle-news/chronicle/perceptron"
	"github.com/chronicle-news/chronicle/tag"
)

// Example is one sentence with IOB2 labels over the model types (B-PER,
// I-ORG, O, ...).
type Example struct {
	ID, Doc string // sentence and document ids
	Forms   []string
	Labels  []string
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
	doc := ""
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	line := 0
	flush := func() {
		if len(cur.Forms) > 0 {
			out = append(out, cur)
		}
		cur = Example{Doc: doc}
	}
	for sc.Scan() {
		line++
		t := sc.Text()
		switch {
		case strings.TrimSpace(t) == "":
			flush()
		case strings.HasPrefix(t, "#"):
			k, v, ok := strings.Cut(strings.TrimSpace(t[1:]), "=")
			switch k = strings.TrimSpace(k); {
			case ok && k == "sent_id":
				cur.ID = strings.TrimSpace(v)
			case ok && k == "newdoc id":
				doc = strings.TrimSpace(v)
				cur.Doc = doc
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
	doc := ""
	for _, s := range sents {
		if s.DocStart {
			doc = s.NewDoc
		}
		ex := Example{ID: s.ID, Doc: doc}
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
	if head < 0 || !isProper(&ws[head]) {
		return
	}
	a, b := head, head+1
	for a > lo && (isProper(&ws[a-1]) || (isJoiner(ws[a-1].Form) && a-2 >= lo && isProper(&ws[a-2]))) {
		a--
	}
	for b < hi && (isProper(&ws[b]) || (isJoiner(ws[b].Form) && b+1 < hi && isProper(&ws[b+1]))) {
		b++
	}
	for a < b-1 && isTitle(ws[a].Form) {
		a++ // UNER leaves titles out of names: "Mr. [Brown]"
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

// isProper reports a proper noun: GUM tags "United" in "United Kingdom"
// VERB but NNP.
func isProper(w *conllu.Word) bool {
	return w.UPOS == "PROPN" || strings.HasPrefix(w.XPOS, "NNP")
}

// titles are honorifics and offices that GUM writes inside a person's name
// and UNER leaves O.
var titles = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "miss": true, "dr": true, "prof": true, "professor": true,
	"president": true, "senator": true, "sen": true, "gov": true, "governor": true, "general": true,
	"gen": true, "king": true, "queen": true, "pope": true, "sir": true, "lord": true, "lady": true,
	"captain": true, "capt": true, "col": true, "colonel": true, "lt": true, "lieutenant": true,
	"sgt": true, "sergeant": true, "rep": true, "rev": true, "reverend": true, "judge": true,
	"justice": true, "chairman": true, "minister": true, "prime": true, "uncle": true, "aunt": true,
	"emperor": true, "prince": true, "princess": true, "duke": true, "chancellor": true, "mayor": true,
}

func isTitle(f string) bool { return titles[strings.ToLower(strings.TrimSuffix(f, "."))] }

func isJoiner(f string) bool {
	switch f {
	case "of", "and", "&", "de", "-", "du", "del", "la":
		return true
	}
	return false
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
	BeamWidth  int    // label histories kept while training (default 8)
	Seed       uint64 // shuffling seed (default 1)
	Prune      float64
	Places     []string // gazetteer: countries, capitals, states
	NORP       []string // gazetteer: nationality and group words
	People     []string // gazetteer: full names of public figures
	FirstNames []string // gazetteer: first names
	Orgs       []string // gazetteer: organisations
	Clusters   tag.Clusters
	CaseStats  *perceptron.Index // from tag.Tagger.CaseStats
	Log        io.Writer
}

// Train learns a recognizer on train examples as a structured perceptron:
// each sentence is decoded with the beam, and where the gold labels fall out
// of it the gold history is rewarded and the best one penalised up to there
// (early update). It keeps the iteration with the best overall entity F1 on
// dev; the log counts, per iteration, the sentences that needed an update. Same data and Config give the same
// model bytes.
func Train(ctx context.Context, train, dev []Example, cfg Config) (*Recognizer, error) {
	if cfg.Iterations == 0 {
		cfg.Iterations = 12
	}
	if cfg.BeamWidth == 0 {
		cfg.BeamWidth = trainBeamWidth
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
	for _, p := range cfg.Orgs {
		phrases[p] = GazOrg
	}
	for _, p := range cfg.FirstNames {
		phrases[p] = GazFirst
	}
	for _, p := range cfg.People {
		phrases[p] = GazPerson
	}
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
	var beam beamScratch[float32]
	pred := make([]int32, 0, 64)
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
			if len(e.Forms) == 0 {
				continue
			}
			s.forms = e.Forms
			proto.load(s)
			g := gold[k]
			top, stop := search(proto, s, tr, cfg.BeamWidth, &beam, g)
			pred = slices.Grow(pred[:0], stop+1)[:stop+1]
			s.backtrack(top, stop, pred)
			if !slices.Equal(pred, g[:stop+1]) {
				errs++
				// Early update: reward the gold history and penalise the
				// best one up to where the gold one left the beam.
				for j := 0; j <= stop; j++ {
					gp1, gp2 := history(g, j)
					pp1, pp2 := history(pred, j)
					if g[j] == pred[j] && gp1 == pp1 && gp2 == pp2 {
						continue
					}
					if g[j] != pred[j] {
						sf, _ := s.staticFeatures(j)
						tr.Update(sf, int(g[j]), 1)
						tr.Update(sf, int(pred[j]), -1)
					}
					tr.Update(s.labelFeatures(j, gp1, gp2), int(g[j]), 1)
					tr.Update(s.labelFeatures(j, pp1, pp2), int(pred[j]), -1)
				}
			}
			for range stop + 1 {
				tr.Tick()
			}
		}
		r := newRecognizer(tr.Model(cfg.Prune), gaz, cfg.Clusters, cfg.CaseStats)
		// The iteration is chosen decoding as wide as selectBeamWidth, close
		// to how it was trained, so the choice does not follow the speed
		// setting beamWidth.
		r.width = selectBeamWidth
		msg := fmt.Sprintf("iter %2d  updated sentences %d", it, errs)
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
