//go:build ignore

// gen writes assets/examples.json from the README's questions
// (ParseExamples). Run it with `go generate ./web`.
package main

import (
	"encoding/json"
	"log"
	"os"

	"github.com/peacegraph/peacegraph/web"
)

func main() {
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		log.Fatal(err)
	}
	examples, err := web.ParseExamples(readme)
	if err != nil {
		log.Fatal(err)
	}
	out, err := json.MarshalIndent(examples, "", "  ")
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile("assets/examples.json", append(out, '\n'), 0o644); err != nil {
		log.Fatal(err)
	}
}
