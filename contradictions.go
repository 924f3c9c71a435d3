package peacegraph

import (
	"sort"
)

// completeContradictions derives Contradicts and ContradictionRules by the
// three rules of docs/rules.md. The explicit links are the seeds'
// contradicts, or, on a dataset already completed, the links recorded
// under ContradictionExplicit, so that running Complete again does not
// mistake derived links for written ones.
func (d *Dataset) completeContradictions(nodes map[string]Node) {
	rules := make(map[string]map[string]map[string]bool)
	link := func(a, b, rule string) {
		if a == b {
			return
		}
		for _, p := range [][2]string{{a, b}, {b, a}} {
			if _, ok := nodes[p[0]].(*Claim); !ok {
				return
			}
			if _, ok := nodes[p[1]].(*Claim); !ok {
				return
			}
		}
		for _, p := range [][2]string{{a, b}, {b, a}} {
			if rules[p[0]] == nil {
				rules[p[0]] = make(map[string]map[string]bool)
			}
			if rules[p[0]][p[1]] == nil {
				rules[p[0]][p[1]] = make(map[string]bool)
			}
			rules[p[0]][p[1]][rule] = true
		}
	}
	// Links that resolve to no other claim stay in Contradicts for
	// Validate to report.
	unresolved := make(map[string][]string)
	for _, c := range d.Claims {
		explicit := c.Contradicts
		if c.ContradictionRules == nil {
			for _, o := range c.Contradicts {
				if _, ok := nodes[o].(*Claim); !ok || o == c.ID {
					unresolved[c.ID] = append(unresolved[c.ID], o)
				}
			}
		} else {
			explicit = nil
			for o, rs := range c.ContradictionRules {
				if contains(rs, ContradictionExplicit) {
					explicit = append(explicit, o)
				}
			}
		}
		for _, o := range explicit {
			link(c.ID, o, ContradictionExplicit)
		}
		for _, o := range c.Denies {
			link(c.ID, o, ContradictionDenial)
		}
	}
	// positions: evidence of different positions of one actor on one
	// target, dated the same day.
	samePositionDays(d.Stances, nodes, func(x, y string) { link(x, y, ContradictionPositions) })
	for _, c := range d.Claims {
		m := rules[c.ID]
		if len(m) == 0 {
			c.Contradicts, c.ContradictionRules = unresolved[c.ID], nil
			continue
		}
		c.Contradicts = append(make([]string, 0, len(m)), unresolved[c.ID]...)
		c.ContradictionRules = make(map[string][]string, len(m))
		for o, rs := range m {
			c.Contradicts = append(c.Contradicts, o)
			list := make([]string, 0, len(rs))
			for r := range rs {
				list = append(list, r)
			}
			sort.Strings(list)
			c.ContradictionRules[o] = list
		}
		sort.Strings(c.Contradicts)
	}
}

// samePositionDays calls link for each pair of claims the positions rule
// joins: evidence of different positions of one actor on one target,
// dated the same day.
func samePositionDays(stances []*Stance, nodes map[string]Node, link func(x, y string)) {
	type pair struct{ actor, target string }
	byPair := make(map[pair][]*Stance)
	var pairs []pair
	for _, s := range stances {
		k := pair{s.ActorID, s.TargetID}
		if _, ok := byPair[k]; !ok {
			pairs = append(pairs, k)
		}
		byPair[k] = append(byPair[k], s)
	}
	for _, k := range pairs {
		ss := byPair[k]
		for i, a := range ss {
			for _, b := range ss[i+1:] {
				if a.Position == b.Position {
					continue
				}
				for _, x := range a.EvidenceIDs {
					for _, y := range b.EvidenceIDs {
						cx, ok1 := nodes[x].(*Claim)
						cy, ok2 := nodes[y].(*Claim)
						if ok1 && ok2 && cx.Date != "" && cx.Date == cy.Date {
							link(x, y)
						}
					}
				}
			}
		}
	}
}
