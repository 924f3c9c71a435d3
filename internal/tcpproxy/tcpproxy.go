// Package tcpproxy forwards TCP connections to a server and can take the
// server away and give it back on the same address: a real outage of a
// real server as its clients see it, without stopping the server others
// use. Tests (internal/neo4jtest) and the fault runs (bench/faults) put
// it between peacegraph and Neo4j.
package tcpproxy

import (
	"io"
	"net"
	"sync"
)

// Proxy forwards connections from its address to a target.
type Proxy struct {
	target string

	mu    sync.Mutex
	addr  string
	ln    net.Listener
	conns map[net.Conn]bool
	hang  bool
}

// Start listens on a free port of 127.0.0.1 and forwards to target
// (host:port).
func Start(target string) (*Proxy, error) {
	p := &Proxy{target: target, addr: "127.0.0.1:0", conns: map[net.Conn]bool{}}
	if err := p.start(false); err != nil {
		return nil, err
	}
	return p, nil
}

// Addr is the proxy's host:port, the same across Down and Up.
func (p *Proxy) Addr() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.addr
}

// Up forwards connections again, as a server that came back does.
func (p *Proxy) Up() error {
	p.Down()
	return p.start(false)
}

// Hang cuts every open connection and then takes new ones without ever
// answering, as a server that is up but stuck (or a network that drops
// packets) does.
func (p *Proxy) Hang() error {
	p.Down()
	return p.start(true)
}

// Down refuses new connections and cuts the open ones, as a stopped
// server does.
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

func (p *Proxy) start(hang bool) error {
	p.mu.Lock()
	addr := p.addr
	p.mu.Unlock()
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	p.mu.Lock()
	p.ln, p.addr, p.hang = ln, ln.Addr().String(), hang
	p.mu.Unlock()
	go p.accept(ln)
	return nil
}

func (p *Proxy) accept(ln net.Listener) {
	for {
		client, err := ln.Accept()
		if err != nil {
			return
		}
		p.mu.Lock()
		current, hang := p.ln == ln, p.hang
		if current && hang {
			p.conns[client] = true
		}
		p.mu.Unlock()
		switch {
		case !current:
			_ = client.Close()
			return
		case hang:
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
		go pipe(client, server)
		go pipe(server, client)
	}
}

func pipe(dst, src net.Conn) {
	_, _ = io.Copy(dst, src)
	_ = dst.Close()
	_ = src.Close()
}
