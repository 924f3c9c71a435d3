package neo4jtest

import (
	"net/url"
	"testing"

	"github.com/peacegraph/peacegraph/internal/tcpproxy"
)

// Proxy is a tcpproxy.Proxy to the test Neo4j: Down, Hang and Up give a
// real outage of a real server, as the store sees it, without stopping
// the Neo4j other tests use.
type Proxy struct {
	*tcpproxy.Proxy
	tb testing.TB
}

// StartProxy starts a proxy to the test Neo4j on a free local port; it is
// taken down when the test ends.
func StartProxy(tb testing.TB) *Proxy {
	tb.Helper()
	u, err := url.Parse(Config().URI)
	if err != nil {
		tb.Fatalf("NEO4J_URI: %v", err)
	}
	p, err := tcpproxy.Start(u.Host)
	if err != nil {
		tb.Fatalf("proxy to %s: %v", u.Host, err)
	}
	tb.Cleanup(p.Down)
	return &Proxy{Proxy: p, tb: tb}
}

// URI is the Bolt URI of the proxy, with the test server's scheme.
func (p *Proxy) URI() string {
	u, _ := url.Parse(Config().URI)
	u.Host = p.Addr()
	return u.String()
}

// Up forwards again; a failure to listen ends the test.
func (p *Proxy) Up() {
	p.tb.Helper()
	if err := p.Proxy.Up(); err != nil {
		p.tb.Fatalf("proxy up: %v", err)
	}
}

// Hang takes connections and never answers; a failure ends the test.
func (p *Proxy) Hang() {
	p.tb.Helper()
	if err := p.Proxy.Hang(); err != nil {
		p.tb.Fatalf("proxy hang: %v", err)
	}
}
