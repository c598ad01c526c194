package polnear

import (
	"context"
	"fmt"

	"github.com/chronicle-news/chronicle"
)

// Evaluate runs stage on every article of the PolNeAR compartment dir
// and scores its quotes (see FromQuotes for nested). It returns an error
// when the corpus cannot be read, an article is refused, or the stage
// fails (including a cancelled ctx).
func Evaluate(ctx context.Context, dir string, stage chronicle.Stage, nested bool) (Scores, error) {
	arts, err := ReadDir(dir)
	if err != nil {
		return Scores{}, err
	}
	var s Scores
	for _, a := range arts {
		doc, err := chronicle.NewDocument([]byte(a.Text), a.Name, chronicle.Meta{}, 0)
		if err != nil {
			return s, err
		}
		if doc.Text != a.Text {
			return s, fmt.Errorf("polnear: %s: text changed on reading (invalid UTF-8?)", a.Name)
		}
		if err := stage.Process(ctx, doc); err != nil {
			return s, fmt.Errorf("polnear: %s: %w", a.Name, err)
		}
		s.Add(doc.Text, a.Gold, FromQuotes(doc, nested))
	}
	return s, nil
}
