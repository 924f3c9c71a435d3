package synth

import (
	"strings"
)

// The names of a generated record are invented from syllables, so that no
// generated claim is ever put in the mouth of a real person or state.

var (
	onsets  = []string{"b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "br", "dr", "gr", "kr", "st", "tr"}
	vowels  = []string{"a", "e", "i", "o", "u", "a", "e", "o"}
	codas   = []string{"", "n", "r", "l", "s", "m", "k"}
	lands   = []string{"ia", "land", "ova", "ara", "mark", "onia", "eth", "avia"}
	endings = []string{"in", "ov", "ek", "ard", "ell", "ani", "ski", "o", "er", "enko", "son", "ez"}
	given   = []string{
		"Anna", "Boris", "Clara", "Daniel", "Elena", "Felix", "Greta", "Hanna",
		"Ivan", "Jonas", "Karin", "Lukas", "Maria", "Nikolai", "Olga", "Pavel",
		"Rosa", "Stefan", "Tamara", "Viktor", "Wanda", "Yuri", "Zofia", "Adam",
		"Bianca", "Oskar", "Irina", "Marek", "Lena", "Tomas", "Vera", "Emil",
		"Nadia", "Hugo", "Ilse", "Milan", "Petra", "Roman", "Sonja", "Teodor",
	}
	regionWords = []string{"Northern", "Western", "Eastern", "Southern", "Central", "Atlantic", "Baltic", "Coastal", "Inland", "Upper"}
)

// syllables makes a capitalised word of n syllables.
func syllables(r *rng, n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.WriteString(pick(r, onsets))
		b.WriteString(pick(r, vowels))
		if i == n-1 {
			b.WriteString(pick(r, codas))
		}
	}
	return capitalise(b.String())
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// namer hands out names unique within one replica: a clash would give two
// actors one ID.
type namer struct {
	r    *rng
	used map[string]bool
}

func (n *namer) unique(make func() string) string {
	for {
		s := make()
		if k := slug(s); !n.used[k] && k != "" {
			n.used[k] = true
			return s
		}
	}
}

func (n *namer) country() string {
	return n.unique(func() string { return strings.TrimRight(syllables(n.r, 2), "aeiou") + pick(n.r, lands) })
}

func (n *namer) city() string {
	return n.unique(func() string { return syllables(n.r, n.r.between(2, 3)) })
}

func (n *namer) person() string {
	return n.unique(func() string {
		if n.r.chance(50) {
			return pick(n.r, given) + " " + syllables(n.r, n.r.between(2, 3))
		}
		return pick(n.r, given) + " " + strings.TrimRight(syllables(n.r, n.r.between(1, 2)), "aeiou") + pick(n.r, endings)
	})
}

func (n *namer) region() string {
	return n.unique(func() string { return pick(n.r, regionWords) + " " + syllables(n.r, 2) })
}

// slug turns a name into an ID part: lower-case ASCII letters and digits,
// single hyphens, none at either end.
func slug(s string) string {
	var b strings.Builder
	hyphen := false
	for _, c := range strings.ToLower(s) {
		switch {
		case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			hyphen = false
			b.WriteRune(c)
		default:
			hyphen = true
		}
	}
	return b.String()
}

// lastName is the last word of a person's name, used in aliases and IDs.
func lastName(name string) string {
	f := strings.Fields(name)
	return f[len(f)-1]
}

// outlets is the pool of publishers a set draws from. It depends on the
// seed only, so the same outlet publishes in many replicas, as wire
// services and big papers do.
func outlets(seed int64) []string {
	r := newRNG(seed, 1<<62)
	n := &namer{r: r, used: map[string]bool{}}
	kinds := []string{"Times", "Herald", "Post", "News", "Wire", "Gazette", "Daily", "Observer", "Courier", "Telegraph", "Report", "Monitor", "Radio", "TV", "Agency", "Review"}
	out := make([]string, 400)
	for i := range out {
		out[i] = n.unique(func() string { return syllables(r, r.between(1, 2)) + " " + pick(r, kinds) })
	}
	return out
}
