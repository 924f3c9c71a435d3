package main

import (
	"fmt"
	"io"
	"math"
	"strings"
)

// systemOrder is the order of the rows of a table.
var systemOrder = []string{sysNeo4j, sysEmbedded, sysPeer, sysRaw}

// report prints the tables of one scale: per query, each system's
// throughput, p50 and p99 latency and db hits, then the ratios of
// peacegraph to the peer and to raw Cypher.
func report(w io.Writer, r *scaleResult, c *config) {
	fmt.Fprintf(w, "\n== scale %d: %s (%s)\n", r.scale, r.seeds, r.summary)
	p := r.params
	fmt.Fprintf(w, "parameters: plan %s; Q2 claimant %s; Q5 point %d %s as of %s\n", p.Plan, p.Claimant, p.Point, p.Position, p.AsOf)
	for _, qr := range r.queries {
		fmt.Fprintf(w, "\n%s %s", qr.q.id, qr.q.title)
		if len(qr.diffs) > 0 {
			fmt.Fprintf(w, ": NOT MEASURED, the answers differ:\n")
			for _, d := range qr.diffs {
				fmt.Fprintf(w, "  %s\n", d)
			}
			continue
		}
		fmt.Fprintf(w, " (same answer from all %d systems, %d bytes of JSON", len(systemOrder), qr.size)
		if qr.empty {
			fmt.Fprint(w, "; WARNING: the answer is empty")
		}
		fmt.Fprintln(w, ")")
		fmt.Fprintf(w, "  %-20s %12s %10s %10s  %s\n", "system", fmt.Sprintf("req/s @%d", c.clients), "p50 ms", "p99 ms", "db hits")
		for _, name := range systemOrder {
			row := qr.rows[name]
			hits := row.hits.String()
			if row.noHits != "" {
				hits = row.noHits
			}
			if len(row.rates) == 0 {
				fmt.Fprintf(w, "  %-20s %12s %10s %10s  %s\n", name, "-", "-", "-", hits)
				continue
			}
			note := ""
			if row.samples < c.requests {
				note = fmt.Sprintf("  (latency over %d requests: the time bound)", row.samples)
			}
			fmt.Fprintf(w, "  %-20s %12.1f %10.3f %10.3f  %s%s\n", name, row.rate(), row.medP50(), row.medP99(), hits, note)
		}
		if len(qr.rows[sysNeo4j].rates) == 0 {
			continue
		}
		for _, pair := range [][2]string{{sysNeo4j, sysPeer}, {sysNeo4j, sysRaw}, {sysEmbedded, sysPeer}} {
			a, b := qr.rows[pair[0]], qr.rows[pair[1]]
			fmt.Fprintf(w, "  %s / %s: throughput %s (higher is better), p50 %s (lower is better)\n",
				pair[0], pair[1], ratio(a.rate(), b.rate()), ratio(a.medP50(), b.medP50()))
		}
	}
	if len(r.peakRSS) > 0 {
		var parts []string
		for _, name := range []string{sysNeo4j, sysEmbedded, sysPeer} {
			parts = append(parts, name+" "+mib(r.peakRSS[name]))
		}
		fmt.Fprintf(w, "\nserver memory (peak resident, after the timing): %s\n", strings.Join(parts, ", "))
	}
}

// mib shows bytes in MiB ("n/a" for 0, where the system does not tell).
func mib(b int64) string {
	if b == 0 {
		return "n/a"
	}
	return fmt.Sprintf("%.0f MiB", float64(b)/(1<<20))
}

func ratio(a, b float64) string {
	if b == 0 {
		return "n/a"
	}
	return fmt.Sprintf("%.2f", a/b)
}

// summarize prints the closing lines: the queries not measured, then one
// line with peacegraph-on-Neo4j's worst throughput ratio to the peer and
// worst p50 ratio to raw Cypher. It reports whether every answer agreed.
func summarize(w io.Writer, results []*scaleResult) bool {
	type worst struct {
		v     float64
		scale int
		q     string
	}
	tput := worst{v: math.Inf(1)}
	p50 := worst{v: math.Inf(-1)}
	var differ []string
	for _, r := range results {
		for _, qr := range r.queries {
			if len(qr.diffs) > 0 {
				differ = append(differ, fmt.Sprintf("%s at scale %d", qr.q.id, r.scale))
				continue
			}
			pg, peer, raw := qr.rows[sysNeo4j], qr.rows[sysPeer], qr.rows[sysRaw]
			if len(pg.rates) == 0 {
				continue
			}
			if peer.rate() > 0 {
				if v := pg.rate() / peer.rate(); v < tput.v {
					tput = worst{v, r.scale, qr.q.id}
				}
			}
			if raw.medP50() > 0 {
				if v := pg.medP50() / raw.medP50(); v > p50.v {
					p50 = worst{v, r.scale, qr.q.id}
				}
			}
		}
	}
	fmt.Fprintln(w)
	if len(differ) > 0 {
		fmt.Fprintf(w, "bench-peer: not measured, the answers differ (see above): %s\n", strings.Join(differ, ", "))
	}
	show := func(x worst) (string, string) {
		if math.IsInf(x.v, 0) {
			return "n/a", "n/a"
		}
		return fmt.Sprintf("%.2f", x.v), fmt.Sprint(x.scale)
	}
	if !math.IsInf(tput.v, 0) {
		fmt.Fprintf(w, "bench-peer: the worst throughput ratio vs the peer is %s's; the worst p50 ratio vs raw Cypher is %s's\n", tput.q, p50.q)
	}
	var rss []string
	for _, r := range results {
		if r.peakRSS != nil {
			rss = append(rss, fmt.Sprintf("%s at scale %d", mib(r.peakRSS[sysNeo4j]), r.scale))
		}
	}
	if len(rss) > 0 {
		fmt.Fprintf(w, "bench-peer: peacegraph/neo4j server peak memory: %s\n", strings.Join(rss, ", "))
	}
	r, s := show(tput)
	q, t := show(p50)
	fmt.Fprintf(w, "bench-peer: worst throughput ratio vs peer %s at scale %s; worst p50 ratio vs raw Cypher %s at scale %s\n", r, s, q, t)
	return len(differ) == 0
}
