package event

import (
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/chronicle-news/chronicle/internal/shared"
	"github.com/chronicle-news/chronicle/ner/gazetteer"
)

var updateAgents = flag.Bool("update-agents", false, "rewrite agents.txt from the Phoenix dictionary")

// TestAgentsFile checks that agents.txt is what Phoenix.agents.txt gives;
// -update-agents rewrites it.
func TestAgentsFile(t *testing.T) {
	dir := shared.Path(t, "corpora", "petrarch2", "dictionaries")
	as, err := gazetteer.PhoenixAgents(dir)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	b.WriteString(agentsHeader)
	for _, a := range as {
		fmt.Fprintf(&b, "%s\t%s\n", a.Noun, a.Code)
	}
	if *updateAgents {
		if err := os.WriteFile("agents.txt", []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if agentsFile != b.String() {
		t.Errorf("agents.txt is not what %s gives (run with -update-agents)", dir)
	}
}

const agentsHeader = `# Nouns that name a kind of actor, with their Phoenix agent code: the head
# nouns of the agent phrases of Phoenix.agents.txt in the PETRARCH2
# dictionaries (The MIT License (MIT), Copyright (c) 2014 Open Event Data
# Alliance). An event none of whose participants is an actor, a name or one
# of these nouns is not stored ("that is impossible to crack").
# Generated: go test ./event -run TestAgentsFile -update-agents
# Columns: noun (lower case), code.
`
