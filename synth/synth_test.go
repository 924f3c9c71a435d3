package synth_test

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/peacegraph/peacegraph"
	"github.com/peacegraph/peacegraph/synth"
)

func TestGenerateIsDeterministic(t *testing.T) {
	cfg := synth.Config{Scale: 3, Seed: 7}
	first, _ := MustWrite(t, cfg)
	second, _ := MustWrite(t, cfg)
	a, b := MustFiles(t, first), MustFiles(t, second)

	t.Run("the same config writes the same files, byte for byte", func(t *testing.T) {
		if len(a) != len(b) {
			t.Fatalf("%d files, then %d", len(a), len(b))
		}
		for name, content := range a {
			if b[name] != content {
				t.Errorf("%s differs between two runs", name)
			}
		}
	})

	t.Run("another seed writes other content of the same shape", func(t *testing.T) {
		other, _ := MustWrite(t, synth.Config{Scale: 3, Seed: 8})
		c := MustFiles(t, other)
		if got, want := countsOf(MustRead(t, other)), countsOf(MustRead(t, first)); got != want {
			t.Errorf("seed 8 counts %+v, seed 7 %+v", got, want)
		}
		for _, name := range []string{"actors/000001.yaml", "claims/000001.yaml", "sources/000001.yaml", "plans/000001.yaml"} {
			if a[name] == "" || a[name] == c[name] {
				t.Errorf("%s is the same for seeds 7 and 8 (or missing)", name)
			}
		}
	})

	t.Run("a replica does not depend on the scale", func(t *testing.T) {
		one := MustGenerate(t, synth.Config{Scale: 1, Seed: 7})
		three := MustGenerate(t, cfg)
		// The first replica's parties are the same at every scale; only
		// its tie to the replica before it (the last) differs.
		for i, a := range one.Actors {
			b := three.Actors[i]
			if a.ID != b.ID || a.Name != b.Name || a.Role != b.Role {
				t.Fatalf("actor %d: %s (%s) at scale 1, %s (%s) at scale 3", i, a.ID, a.Name, b.ID, b.Name)
			}
		}
	})
}

func TestGeneratedSetsAreValid(t *testing.T) {
	for _, scale := range []int{1, 10} {
		cfg := synth.Config{Scale: scale, Seed: 1}
		dir, d := MustWrite(t, cfg)
		read := MustRead(t, dir) // completes and validates; fails the test on any problem

		t.Run(cfg.String()+": the dataset itself validates", func(t *testing.T) {
			d := MustGenerate(t, cfg)
			d.Complete()
			if err := d.Validate(); err != nil {
				t.Fatal(err)
			}
		})

		t.Run(cfg.String()+": the loaders read back exactly what was generated", func(t *testing.T) {
			d.Complete()
			if !reflect.DeepEqual(read, d) {
				t.Errorf("the set read from %s differs from the generated one", dir)
			}
		})

		t.Run(cfg.String()+": every citation of a stored text is located in it", func(t *testing.T) {
			nodes := read.Nodes()
			located := 0
			for _, c := range read.Claims {
				for _, ct := range c.Citations {
					src := nodes[ct.SourceID].(*peacegraph.Source)
					if src.Text == "" {
						continue
					}
					if !ct.HasOffsets() {
						t.Fatalf("claim %s: quote %q not located in %s", c.ID, ct.Quote, src.ID)
					}
					got := strings.Join(strings.Fields(peacegraph.Substring(src.Text, ct.Start, ct.End)), " ")
					if want := strings.TrimSpace(ct.Quote); got != want {
						t.Fatalf("claim %s: text at [%d,%d) is %q, quote %q", c.ID, ct.Start, ct.End, got, want)
					}
					located++
				}
			}
			if min := 50 * scale; located < min {
				t.Errorf("%d citations located in stored texts, want at least %d", located, min)
			}
		})
	}
}

func TestCountsScaleLinearly(t *testing.T) {
	one := countsOf(MustGenerate(t, synth.Config{Scale: 1, Seed: 1}))
	ten := countsOf(MustGenerate(t, synth.Config{Scale: 10, Seed: 1}))
	if want := one.times(10); ten != want {
		t.Errorf("scale 10 has %+v, want 10 × scale 1 = %+v", ten, want)
	}

	t.Run("scale 1 is about the size of the real seeds", func(t *testing.T) {
		real := countsOf(MustRead(t, "../seeds"))
		got := reflect.ValueOf(one)
		want := reflect.ValueOf(real)
		for i := 0; i < got.NumField(); i++ {
			g, w := got.Field(i).Int(), want.Field(i).Int()
			if g*2 < w || g > w*2 {
				t.Errorf("%s: %d at scale 1, %d in the real seeds", got.Type().Field(i).Name, g, w)
			}
		}
	})
}

func TestConfig(t *testing.T) {
	for _, tc := range []struct {
		name string
		cfg  synth.Config
		want string
	}{
		{"rejects scale 0", synth.Config{Scale: 0}, "scale 0"},
		{"rejects a negative scale", synth.Config{Scale: -2}, "scale -2"},
		{"rejects a scale above the default maximum", synth.Config{Scale: synth.DefaultMaxScale + 1}, "above the maximum"},
		{"rejects a scale above a set maximum", synth.Config{Scale: 5, MaxScale: 4}, "above the maximum of 4"},
		{"rejects a negative maximum", synth.Config{Scale: 1, MaxScale: -1}, "max scale -1"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := synth.Generate(tc.cfg)
			if peacegraph.ErrorCode(err) != peacegraph.EINVALID || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("Generate(%+v) = %v, want an invalid error saying %q", tc.cfg, err, tc.want)
			}
		})
	}
}

func TestWriteAndClear(t *testing.T) {
	d := MustGenerate(t, synth.Config{Scale: 1, Seed: 1})

	t.Run("refuses a directory that is not empty", func(t *testing.T) {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("mine"), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := synth.Write(dir, d); peacegraph.ErrorCode(err) != peacegraph.ECONFLICT {
			t.Errorf("Write into a non-empty directory = %v, want a conflict", err)
		}
	})

	t.Run("Clear refuses a directory synth did not write, and leaves it", func(t *testing.T) {
		dir := t.TempDir()
		mine := filepath.Join(dir, "actors.yaml")
		if err := os.WriteFile(mine, []byte("actors: []\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := synth.Clear(dir); peacegraph.ErrorCode(err) != peacegraph.ECONFLICT {
			t.Errorf("Clear = %v, want a conflict", err)
		}
		if _, err := os.Stat(mine); err != nil {
			t.Errorf("Clear removed a file it did not write: %v", err)
		}
	})

	t.Run("Clear empties a directory Write wrote", func(t *testing.T) {
		dir, _ := MustWrite(t, synth.Config{Scale: 1, Seed: 1})
		if err := synth.Clear(dir); err != nil {
			t.Fatal(err)
		}
		if entries, err := os.ReadDir(dir); err != nil || len(entries) != 0 {
			t.Errorf("after Clear: %d entries, %v", len(entries), err)
		}
		if err := synth.Write(dir, d); err != nil {
			t.Errorf("Write after Clear: %v", err)
		}
	})

	t.Run("Size counts the files written", func(t *testing.T) {
		dir, _ := MustWrite(t, synth.Config{Scale: 1, Seed: 1})
		files, bytes, err := synth.Size(dir)
		var total int64
		all := MustFiles(t, dir)
		for _, c := range all {
			total += int64(len(c))
		}
		if err != nil || files != len(all) || bytes != total {
			t.Errorf("Size = %d files, %d bytes, %v; want %d files, %d bytes", files, bytes, err, len(all), total)
		}
	})

	t.Run("refuses a point whose plan it does not hold", func(t *testing.T) {
		bad := &peacegraph.Dataset{Points: []*peacegraph.Point{{ID: "p-1", PlanID: "nowhere", Number: 1}}}
		err := synth.Write(filepath.Join(t.TempDir(), "set"), bad)
		if peacegraph.ErrorCode(err) != peacegraph.EINVALID || !strings.Contains(err.Error(), `"nowhere"`) {
			t.Errorf("Write = %v, want an invalid error naming the plan", err)
		}
	})
}

// TestQuotingSurvivesTheLoader writes values YAML would misread unless
// quoted, and reads them back unchanged.
func TestQuotingSurvivesTheLoader(t *testing.T) {
	tricky := []string{`say "no"`, `back\slash`, "tab\there", "line\nbreak", "# not a comment", "null", "- dash", "a: b", "“curly” ’quotes’ – dash", "\u2028separator", "yes"}
	d := &peacegraph.Dataset{}
	for i, s := range tricky {
		d.Actors = append(d.Actors, &peacegraph.Actor{ID: "actor-" + string(rune('a'+i)), Name: s, Kind: peacegraph.ActorPerson, Aliases: []string{s}})
	}
	dir := filepath.Join(t.TempDir(), "set")
	if err := synth.Write(dir, d); err != nil {
		t.Fatal(err)
	}
	got := MustRead(t, dir)
	for i, a := range got.Actors {
		if a.Name != tricky[i] || len(a.Aliases) != 1 || a.Aliases[0] != tricky[i] {
			t.Errorf("name %q, aliases %q; want %q", a.Name, a.Aliases, tricky[i])
		}
	}
}
