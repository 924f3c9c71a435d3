package graph

import (
	"context"
	"testing"

	gqlgencomplexity "github.com/99designs/gqlgen/complexity"
	"github.com/vektah/gqlparser/v2"

	"github.com/peacegraph/peacegraph"
)

// TestCostIsGqlgens checks that the linear cost walk gives, for queries
// without repeated spreads, the cost gqlgen's own walk gives: the limit
// means what it meant before, only reached in linear time.
func TestCostIsGqlgens(t *testing.T) {
	es := NewExecutableSchema(Config{Resolvers: &Resolver{}, Complexity: complexity(peacegraph.DefaultChangeDays)})
	for _, q := range []string{
		`{ plan { title points { number concededBy { name } stances { actor { name } evidence { text citations { quote source { title } } } } } } }`,
		`{ actors(first: 100) { edges { node { name claims(first: 20) { edges { node { text citations { source { title } } } } } } } } }`,
		`query($n: Int!) { claims(first: $n) { totalCount edges { node { ...C } } } } fragment C on Claim { text claimant { name ...A } } fragment A on Actor { affiliations { name } }`,
		`{ search(text: "x", first: 30) { ... on Claim { id about { ... on Node { id } } } ... on Actor { name } } graph(center: "x", maxNodes: 1000) { nodes { id } edges { id evidence { id } } } }`,
		`{ path(from: "a", to: "b", maxHops: 5) { node { id } evidence { text } } }`,
	} {
		doc, errs := gqlparser.LoadQuery(es.Schema(), q)
		if errs != nil {
			t.Fatalf("%s: %v", q, errs)
		}
		vars := map[string]any{"n": 40}
		op := doc.Operations[0]
		want := gqlgencomplexity.Calculate(context.Background(), es, op, vars)
		w := costWalk{ctx: context.Background(), es: es, schema: es.Schema(), vars: vars, depths: map[string]int{}, costs: map[string]int{}}
		if got := w.cost(op.SelectionSet); got != want {
			t.Errorf("%s: cost %d, gqlgen's walk gives %d", q, got, want)
		}
	}
}
