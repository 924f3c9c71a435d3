package graph_test

// deepQuery walks the two deep paths users take: plan → points → stances
// → actor → affiliations, and actors → claims → citations → source, with
// every nested list the API batches.
const deepQuery = `{
  plan {
    title
    authors { name affiliations { name } }
    points {
      number
      concededBy { name members { name } }
      stances { position actor { name affiliations { name } events { title participants { name } } } evidence { text contradictedBy { id } } }
      claims(first: 10) { totalCount edges { node { text claimant { name } } } }
    }
  }
  actors(first: 100) {
    edges { node {
      name
      claims(first: 20) { totalCount edges { node { text about { ... on Node { id } } citations { quote start end source { title published } } } } }
      stances { position target { ... on Point { number } ... on Plan { title } } }
    } }
  }
}`
