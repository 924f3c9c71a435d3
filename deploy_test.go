package peacegraph_test

// Docker cannot run where the tests run, so these tests check what can be
// checked without it: that docker-compose.yml and the Dockerfile say what
// the rest of the repository expects, so they cannot drift from it.

import (
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

type composeFile struct {
	Services map[string]struct {
		Image       string            `yaml:"image"`
		Build       any               `yaml:"build"`
		Environment map[string]string `yaml:"environment"`
		Ports       []string          `yaml:"ports"`
		Volumes     []string          `yaml:"volumes"`
		Command     []string          `yaml:"command"`
		DependsOn   map[string]struct {
			Condition string `yaml:"condition"`
		} `yaml:"depends_on"`
		Healthcheck struct {
			Test []string `yaml:"test"`
		} `yaml:"healthcheck"`
	} `yaml:"services"`
	Volumes map[string]any `yaml:"volumes"`
}

func MustReadFile(tb testing.TB, name string) string {
	tb.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		tb.Fatal(err)
	}
	return string(b)
}

func MustCompose(tb testing.TB) composeFile {
	tb.Helper()
	var c composeFile
	if err := yaml.Unmarshal([]byte(MustReadFile(tb, "docker-compose.yml")), &c); err != nil {
		tb.Fatalf("docker-compose.yml: %v", err)
	}
	return c
}

func TestComposeNeo4j(t *testing.T) {
	neo, ok := MustCompose(t).Services["neo4j"]
	if !ok {
		t.Fatal("no neo4j service")
	}
	if neo.Image != "neo4j:5.26-community" {
		t.Errorf("neo4j image = %q, want neo4j:5.26-community (the version neo4j-dev runs)", neo.Image)
	}
	for _, port := range []string{"127.0.0.1:7687:7687", "127.0.0.1:7474:7474"} {
		if !slices.Contains(neo.Ports, port) {
			t.Errorf("neo4j ports %v lack %s", neo.Ports, port)
		}
	}
	if len(neo.Healthcheck.Test) == 0 {
		t.Error("neo4j has no health check, so peacegraph cannot wait for it")
	}
	if !slices.ContainsFunc(neo.Volumes, func(v string) bool { return strings.HasSuffix(v, ":/data") }) {
		t.Errorf("neo4j volumes %v keep no /data", neo.Volumes)
	}
	if auth := neo.Environment["NEO4J_AUTH"]; !requiredPassword.MatchString(auth) {
		t.Errorf("neo4j NEO4J_AUTH = %q, want neo4j/ and the password required from the environment, with no default", auth)
	}
}

// requiredPassword is how compose takes a password that must be set:
// ${NEO4J_PASSWORD:?message}, which fails when it is not, rather than
// ${NEO4J_PASSWORD:-default}, which runs on a password anyone can read.
var requiredPassword = regexp.MustCompile(`\$\{NEO4J_PASSWORD:\?[^}]+\}`)

// TestComposePublishesLocallyOnly: every published port is bound to
// 127.0.0.1, never to every interface of the host.
func TestComposePublishesLocallyOnly(t *testing.T) {
	for name, svc := range MustCompose(t).Services {
		for _, port := range svc.Ports {
			if !strings.HasPrefix(port, "127.0.0.1:") {
				t.Errorf("%s publishes %q on every interface, want 127.0.0.1:…", name, port)
			}
		}
		for key, v := range svc.Environment {
			if strings.Contains(v, "NEO4J_PASSWORD") && !requiredPassword.MatchString(v) {
				t.Errorf("%s %s = %q gives the password a default", name, key, v)
			}
		}
	}
}

func TestComposePeacegraph(t *testing.T) {
	c := MustCompose(t)
	api, ok := c.Services["peacegraph"]
	if !ok {
		t.Fatal("no peacegraph service")
	}
	if api.Build == nil {
		t.Error("peacegraph is not built from the repository's Dockerfile")
	}
	if got := api.DependsOn["neo4j"].Condition; got != "service_healthy" {
		t.Errorf("peacegraph waits for neo4j condition %q, want service_healthy", got)
	}
	if !slices.Contains(api.Ports, "127.0.0.1:8080:8080") {
		t.Errorf("peacegraph ports %v lack 127.0.0.1:8080:8080", api.Ports)
	}
	// Every variable the service sets must be one the command reads.
	config := MustReadFile(t, "cmd/peacegraph/config.go")
	for name := range api.Environment {
		if !strings.Contains(config, `"`+name+`"`) {
			t.Errorf("peacegraph sets %s, which cmd/peacegraph does not read", name)
		}
	}
	for _, name := range []string{"NEO4J_URI", "NEO4J_USERNAME", "NEO4J_PASSWORD", "NEO4J_DATABASE"} {
		if _, ok := api.Environment[name]; !ok {
			t.Errorf("peacegraph does not set %s", name)
		}
	}
	if uri := api.Environment["NEO4J_URI"]; !strings.Contains(uri, "neo4j:7687") {
		t.Errorf("NEO4J_URI = %q, want the neo4j service's Bolt port", uri)
	}
	cmd := strings.Join(api.Command, " ")
	load, serve := strings.Index(cmd, "peacegraph load"), strings.Index(cmd, "peacegraph serve")
	if load < 0 || serve < load {
		t.Errorf("command %q does not load the seeds and then serve", cmd)
	}
}

func TestDockerfile(t *testing.T) {
	df := MustReadFile(t, "Dockerfile")
	build := regexp.MustCompile(`build (?:-\S+ )*-o bin/peacegraph (\S+)`).FindStringSubmatch(MustReadFile(t, "Makefile"))
	if build == nil {
		t.Fatal("Makefile has no build of bin/peacegraph")
	}
	if !regexp.MustCompile(`go build [^\n]*-o /usr/local/bin/peacegraph ` + regexp.QuoteMeta(build[1]) + `\s`).MatchString(df) {
		t.Errorf("Dockerfile does not build %s, the package make build builds", build[1])
	}
	goVersion := regexp.MustCompile(`(?m)^go (\S+)$`).FindStringSubmatch(MustReadFile(t, "go.mod"))
	if goVersion == nil || !strings.Contains(df, "ARG GO_VERSION="+goVersion[1]) {
		t.Errorf("Dockerfile's GO_VERSION differs from go.mod's go %v", goVersion)
	}
	if !strings.Contains(df, "EXPOSE 8080") {
		t.Error("Dockerfile does not expose 8080, the port compose publishes")
	}
	if !regexp.MustCompile(`COPY .*seeds /seeds`).MatchString(df) {
		t.Error("Dockerfile does not ship the seeds at /seeds, where compose loads them from")
	}
	ignored := MustReadFile(t, ".dockerignore")
	for _, needed := range []string{"seeds", "cmd", "go.mod"} {
		if regexp.MustCompile(`(?m)^` + needed + `/?$`).MatchString(ignored) {
			t.Errorf(".dockerignore excludes %s, which the build needs", needed)
		}
	}
}
