package neo4jtest

import (
	"io"
	"net"
	"net/url"
	"sync"
	"testing"
)

// Proxy forwards TCP connections to the test Neo4j, and can be taken down
// and brought back on the same address: a real outage of a real server,
// as the store sees it, without stopping the Neo4j other tests use. Down
// refuses new connections and cuts the open ones, as a stopped server
// does.
type Proxy struct {
	tb     testing.TB
	addr   string
	target string

	mu    sync.Mutex
	ln    net.Listener
	conns map[net.Conn]bool
	hang  bool
}

// StartProxy starts a proxy to the test Neo4j on a free local port; it is
// closed when the test ends.
func StartProxy(tb testing.TB) *Proxy {
	tb.Helper()
	u, err := url.Parse(Config().URI)
	if err != nil {
		tb.Fatalf("NEO4J_URI: %v", err)
	}
	p := &Proxy{tb: tb, addr: "127.0.0.1:0", target: u.Host, conns: map[net.Conn]bool{}}
	p.start(false)
	tb.Cleanup(p.Down)
	return p
}

// URI is the Bolt URI of the proxy, with the test server's scheme.
func (p *Proxy) URI() string {
	u, _ := url.Parse(Config().URI)
	u.Host = p.addr
	return u.String()
}

// Up starts (or restarts) forwarding connections.
func (p *Proxy) Up() {
	p.tb.Helper()
	p.Down()
	p.start(false)
}

func (p *Proxy) start(hang bool) {
	p.tb.Helper()
	ln, err := net.Listen("tcp", p.addr)
	if err != nil {
		p.tb.Fatalf("proxy listen on %s: %v", p.addr, err)
	}
	p.mu.Lock()
	p.ln, p.addr, p.hang = ln, ln.Addr().String(), hang
	p.mu.Unlock()
	go p.accept(ln)
}

// Hang cuts every open connection and then takes new ones without ever
// answering, as a server that is up but stuck (or a network that drops
// packets) does; Up ends it.
func (p *Proxy) Hang() {
	p.Down()
	p.start(true)
}

// Down stops taking connections and cuts every open one.
func (p *Proxy) Down() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.ln != nil {
		_ = p.ln.Close()
		p.ln = nil
	}
	for c := range p.conns {
		_ = c.Close()
	}
	clear(p.conns)
}

func (p *Proxy) accept(ln net.Listener) {
	for {
		client, err := ln.Accept()
		if err != nil {
			return
		}
		p.mu.Lock()
		hang := p.hang && p.ln == ln
		if hang {
			p.conns[client] = true
		}
		p.mu.Unlock()
		if hang {
			continue
		}
		server, err := net.Dial("tcp", p.target)
		if err != nil {
			_ = client.Close()
			continue
		}
		p.mu.Lock()
		if p.ln != ln {
			p.mu.Unlock()
			_ = client.Close()
			_ = server.Close()
			return
		}
		p.conns[client], p.conns[server] = true, true
		p.mu.Unlock()
		go p.pipe(client, server)
		go p.pipe(server, client)
	}
}

func (p *Proxy) pipe(dst, src net.Conn) {
	_, _ = io.Copy(dst, src)
	_ = dst.Close()
	_ = src.Close()
}
