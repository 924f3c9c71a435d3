package synth

import (
	"fmt"
	"strings"

	"github.com/peacegraph/peacegraph"
)

// The parties of a replica, 54 as in seeds/: 15 governments, 12
// organizations and 27 people, with about 60 affiliations.

func (w *replica) newActor(kind peacegraph.ActorKind, name, role, desc string, aliases []string, affs ...peacegraph.Affiliation) *peacegraph.Actor {
	a := &peacegraph.Actor{ID: w.id(name), Name: name, Kind: kind, Role: role, Description: desc, Aliases: aliases, Affiliations: affs}
	w.d.Actors = append(w.d.Actors, a)
	return a
}

func member(a *peacegraph.Actor, role string) peacegraph.Affiliation {
	return peacegraph.Affiliation{ActorID: a.ID, Role: role}
}

func (w *replica) actors() {
	r, nm := w.r, w.name
	w.region = nm.region()
	for i := 0; i < 15; i++ {
		country := nm.country()
		capital := nm.city()
		w.capitals = append(w.capitals, capital)
		desc := []string{
			"The party to the war asked to make most of the plan's concessions.",
			"The other party to the war, which the plan asks to give up less.",
			"The mediating government, whose envoys drafted the plan.",
		}
		d := fmt.Sprintf("A %s government that reacted to the plan.", strings.ToLower(pick(r, []string{"neighbouring", "allied", "distant", "neutral"})))
		if i < len(desc) {
			d = desc[i]
		}
		aliases := []string{capital}
		if r.chance(40) {
			aliases = append(aliases, country+" government")
		}
		w.govs = append(w.govs, w.newActor(peacegraph.ActorGovernment, country, "Government of "+country, d, aliases))
	}
	for i := 0; i < 6; i++ {
		w.cities = append(w.cities, nm.city())
	}
	A, B, M := w.govs[govA].Name, w.govs[govB].Name, w.govs[govM].Name
	region2 := nm.region()
	orgs := []struct{ name, role, desc, alias string }{
		{w.region + " Union", "Union of " + w.region + " states", "The bloc to which the plan makes " + A + " eligible.", initials(w.region + " Union")},
		{region2 + " Treaty Organization", "Military alliance", "The alliance the plan asks to stop enlarging.", initials(region2 + " Treaty Organization")},
		{"Partners of " + A, A + "'s allied governments, taken together", "The allies of " + A + ", spoken of as one group.", ""},
		{"Presidency of " + B, "Presidential administration of " + B, "The office of " + B + "'s president.", ""},
		{"Ministry of Foreign Affairs of " + B, "Foreign ministry of " + B, "The foreign ministry of " + B + ".", ""},
		{"Department of State of " + M, "Foreign ministry of " + M, "The foreign ministry of the mediating government.", ""},
		{"National Security Council of " + A, "Security council of " + A, "The body that leads " + A + "'s delegation.", ""},
		{"Parliament of " + M, "Legislature of " + M, "The legislature whose members questioned the plan.", ""},
		{w.capitals[govAllyLead] + " Forum", "Forum of governments", "A standing forum of governments that meets on the war.", ""},
		{B + " State Energy Company", "State energy company of " + B, "The state company the plan's sanctions relief would benefit.", ""},
		{"Intelligence Directorate of " + A, "Intelligence service of " + A, "The intelligence service of " + A + ".", ""},
		{w.region + " Relief Agency", "Humanitarian agency", "The agency that would run the plan's humanitarian points.", ""},
	}
	for _, o := range orgs {
		var aliases []string
		if o.alias != "" {
			aliases = []string{o.alias}
		}
		w.orgs = append(w.orgs, w.newActor(peacegraph.ActorOrganization, o.name, o.role, o.desc, aliases))
	}
	bloc, alliance := w.orgs[orgBloc], w.orgs[orgAlliance]
	// Governments belong to the bloc and the alliance; ministries to their
	// governments.
	for i := govAllyLead; i <= govAllyLead+5; i++ {
		w.govs[i].Affiliations = append(w.govs[i].Affiliations, member(bloc, "Member"))
		if i%2 == 0 {
			w.govs[i].Affiliations = append(w.govs[i].Affiliations, member(alliance, "Member"))
		}
	}
	w.govs[govM].Affiliations = append(w.govs[govM].Affiliations, member(alliance, "Member"))
	for i := govAllyLead + 6; i < len(w.govs); i++ {
		w.govs[i].Affiliations = append(w.govs[i].Affiliations, member(w.orgs[orgForum], "Member"))
	}
	for _, o := range []struct{ org, gov int }{
		{orgPresidency, govB}, {orgForeignB, govB}, {orgEnergyB, govB}, {orgForeignM, govM},
		{orgSecurityA, govA}, {orgParliament, govM}, {orgIntelA, govA},
	} {
		w.orgs[o.org].Affiliations = append(w.orgs[o.org].Affiliations, member(w.govs[o.gov], ""))
	}
	w.orgs[orgRelief].Affiliations = []peacegraph.Affiliation{{ActorID: bloc.ID}}
	w.orgs[orgPartners].Affiliations = []peacegraph.Affiliation{member(bloc, "Most of its members")}

	g, o := w.govs, w.orgs
	people := []struct {
		role string
		affs []peacegraph.Affiliation
	}{
		{"President of " + A, []peacegraph.Affiliation{member(g[govA], "Head of state")}},
		{"President of " + B, []peacegraph.Affiliation{member(g[govB], "Head of state"), member(o[orgPresidency], "")}},
		{"President of " + M, []peacegraph.Affiliation{member(g[govM], "Head of state")}},
		{M + " special envoy", []peacegraph.Affiliation{member(g[govM], "Special envoy")}},
		{"Adviser to the President of " + M, []peacegraph.Affiliation{member(g[govM], "Adviser")}},
		{B + " special envoy for investment", []peacegraph.Affiliation{member(g[govB], "Special envoy")}},
		{"Foreign minister of " + A, []peacegraph.Affiliation{member(g[govA], "Foreign minister")}},
		{"Foreign minister of " + B, []peacegraph.Affiliation{member(g[govB], "Foreign minister"), member(o[orgForeignB], "Minister")}},
		{"Secretary of State of " + M, []peacegraph.Affiliation{member(g[govM], "Secretary of State"), member(o[orgForeignM], "Head")}},
		{"Spokesperson of the Presidency of " + B, []peacegraph.Affiliation{member(o[orgPresidency], "Spokesperson")}},
		{"Spokesperson of the foreign ministry of " + B, []peacegraph.Affiliation{member(o[orgForeignB], "Spokesperson")}},
		{"Secretary of the National Security Council of " + A, []peacegraph.Affiliation{member(g[govA], "Chief negotiator"), member(o[orgSecurityA], "Secretary")}},
		{"Head of the Presidential Office of " + A, []peacegraph.Affiliation{member(g[govA], "Chief of staff")}},
		{"Defence minister of " + A, []peacegraph.Affiliation{member(g[govA], "Defence minister")}},
		{"Army secretary of " + M, []peacegraph.Affiliation{member(g[govM], "Army secretary")}},
		{"President of the " + bloc.Name + " Commission", []peacegraph.Affiliation{member(bloc, "Commission president")}},
		{"Foreign policy chief of the " + bloc.Name, []peacegraph.Affiliation{member(bloc, "High representative")}},
		{"Secretary general of the " + alliance.Name, []peacegraph.Affiliation{member(alliance, "Secretary general")}},
		{"Prime minister of " + g[govAllyLead].Name, []peacegraph.Affiliation{member(g[govAllyLead], "Prime minister")}},
		{"Chancellor of " + g[govAllyLead+1].Name, []peacegraph.Affiliation{member(g[govAllyLead+1], "Head of government")}},
		{"President of " + g[govAllyLead+2].Name, []peacegraph.Affiliation{member(g[govAllyLead+2], "Head of state")}},
		{"Foreign minister of " + g[govAllyLead+3].Name, []peacegraph.Affiliation{member(g[govAllyLead+3], "Foreign minister"), member(bloc, "")}},
		{"Senator of " + M, []peacegraph.Affiliation{member(o[orgParliament], "Senator")}},
		{"Senator of " + M, []peacegraph.Affiliation{member(o[orgParliament], "Senator")}},
		{"Aide to the President of " + B, []peacegraph.Affiliation{member(o[orgPresidency], "Foreign-policy aide")}},
		{A + "'s ambassador to the " + bloc.Name, []peacegraph.Affiliation{member(g[govA], "Ambassador")}},
		{"Press secretary of the President of " + M, []peacegraph.Affiliation{member(g[govM], "Press secretary")}},
	}
	// Second ties, as the real record has them: leaders sit in the bloc's
	// council, ministers in the security council, senators serve their
	// state.
	more := map[int]peacegraph.Affiliation{
		allyLeader1: member(bloc, "Member of the council"), allyLeader1 + 1: member(bloc, "Member of the council"),
		allyLeader1 + 2: member(bloc, "Member of the council"), foreignA: member(o[orgSecurityA], "Member"),
		defenceA: member(o[orgSecurityA], "Member"), senator1: member(g[govM], "Senator"), senator2: member(g[govM], "Senator"),
		aideB: member(g[govB], "Aide"),
	}
	for i, p := range people {
		if f, ok := more[i]; ok {
			p.affs = append(p.affs, f)
		}
		name := nm.person()
		desc := fmt.Sprintf("%s serves as %s.", name, p.role)
		w.people = append(w.people, w.newActor(peacegraph.ActorPerson, name, p.role, desc, []string{lastName(name)}, p.affs...))
	}
}

// link adds the replica's tie to the one before it: an ally takes part in
// that replica's forum.
func (w *replica) link() {
	a := w.govs[govAllyLead+1]
	a.Affiliations = append(a.Affiliations, peacegraph.Affiliation{ActorID: w.prevForum, Role: "Observer"})
}

func initials(name string) string {
	var b strings.Builder
	for _, f := range strings.Fields(name) {
		b.WriteByte(f[0])
	}
	return b.String()
}
