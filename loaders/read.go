// Package loaders reads a seed directory (the format of docs/seed-format.md)
// into a validated peacegraph.Dataset and writes it through a Store.
//
// Every problem is reported at once, each at the file and line a person has
// to edit, and nothing is written unless the whole directory is valid.
package loaders

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/peacegraph/peacegraph"
	"gopkg.in/yaml.v3"
)

// Read parses every *.yaml file under dir, in lexical order of its path,
// reads the source texts they name, and returns the completed and
// validated dataset. Plans keep the order they were read in, so the first
// plan read is the default plan.
//
// On any problem it returns Errors, listing every problem found, and no
// dataset. A file that is not YAML at all hides everything it defines, so
// when there is one, unknown references are left unreported: most would be
// references to what that file defines.
//
// A directory is first read without noting where each field was written:
// that record serves only to place problems, and on a large set it weighs
// as much as the set itself. Only when this first reading finds a problem
// is the directory read again, noting every line, to report each problem
// where it is. Files are parsed and decoded on every CPU.
func Read(dir string) (*peacegraph.Dataset, error) {
	return ReadWith(dir, Options{})
}

// ReadWith is Read within the bounds of opts.
func ReadWith(dir string, opts Options) (*peacegraph.Dataset, error) {
	d, _, err := readWith(dir, opts.withDefaults())
	return d, err
}

// readWith is ReadWith, and also returns the names of the texts it read.
func readWith(dir string, opts Options) (*peacegraph.Dataset, []string, error) {
	fast := &reader{dir: dir, opts: opts, d: &peacegraph.Dataset{}}
	if err := fast.read(); err == nil && len(fast.errs) == 0 {
		return fast.d, fast.texts, nil
	}
	r := &reader{dir: dir, opts: opts, d: &peacegraph.Dataset{}, locs: make(map[any]*location)}
	if err := r.read(); err != nil {
		return nil, nil, err
	}
	if len(r.errs) > 0 {
		r.errs.sort()
		return nil, nil, r.errs
	}
	return r.d, r.texts, nil
}

// reader holds the state of one reading of a directory, or of one file
// of it (readAll).
type reader struct {
	dir  string
	opts Options
	root *os.Root
	d    *peacegraph.Dataset
	errs Errors
	// locs maps each entity (*peacegraph.Actor, *peacegraph.Stance, ...)
	// to where it was written, to place Validate's problems. It is nil on
	// the first reading, which records no locations (Read).
	locs map[any]*location
	// fileLoc names the file being decoded when no locations are recorded.
	fileLoc *location
	// broken is set when a file is not YAML at all, or cannot be read.
	broken bool
	// texts are the text_file names read, as the seeds write them.
	texts []string
}

// read records every problem of the directory in r.errs; its own error is
// for failures that are not the seeds' fault.
func (r *reader) read() error {
	root, err := os.OpenRoot(r.dir)
	if err != nil {
		r.fail(r.dir, 0, "", RuleMissingFile, "cannot open the seed directory: %v", unwrapPath(err))
		return nil
	}
	defer root.Close()
	r.root = root

	files, err := seedFiles(r.dir)
	if err != nil {
		r.fail(r.dir, 0, "", RuleMissingFile, "cannot list the seed directory: %v", unwrapPath(err))
		return nil
	}
	if len(files) == 0 {
		// An empty set is valid, but loading it would empty the store:
		// far more likely a wrong directory than an intent.
		r.fail(r.dir, 0, "", peacegraph.RuleRequired, "no *.yaml seed files in the directory")
		return nil
	}
	r.readAll(files)
	r.d.Complete()
	if err := r.d.Validate(); err != nil {
		var ps peacegraph.Problems
		if !errors.As(err, &ps) {
			return fmt.Errorf("validating %s: %w", r.dir, err)
		}
		for _, p := range ps {
			if r.broken && p.Rule == peacegraph.RuleUnknownReference {
				continue
			}
			r.problem(p)
		}
	}
	return nil
}

// readFiles reads the seed files named, and only those, into r.
func (r *reader) readFiles(files []string) error {
	root, err := os.OpenRoot(r.dir)
	if err != nil {
		return err
	}
	defer root.Close()
	r.root = root
	r.readAll(files)
	return nil
}

// seedFiles returns the slash-separated paths of the *.yaml files under
// dir, sorted as text, so that the order does not depend on the file
// system.
func seedFiles(dir string) ([]string, error) {
	return filesUnder(dir, func(name string) bool { return strings.HasSuffix(name, ".yaml") })
}

// filesUnder returns the slash-separated paths of the files under dir
// whose names keep accepts, sorted as text. Hidden files and directories
// (.git, editor state) are skipped.
func filesUnder(dir string, keep func(name string) bool) ([]string, error) {
	var files []string
	err := filepath.WalkDir(dir, func(path string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if path != dir && strings.HasPrefix(e.Name(), ".") {
			if e.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if e.IsDir() || !keep(e.Name()) {
			return nil
		}
		rel, err := filepath.Rel(dir, path)
		if err != nil {
			return err
		}
		files = append(files, filepath.ToSlash(rel))
		return nil
	})
	sort.Strings(files)
	return files, err
}

// section is a top-level key of a seed file, with the decoder of each
// entry of its list.
type section struct {
	name   string
	decode func(file string, n *yaml.Node)
}

func (r *reader) sections() []section {
	return []section{
		{"actors", r.actor},
		{"sources", r.source},
		{"plans", r.plan},
		{"claims", r.claim},
		{"stances", r.stance},
		{"events", r.event},
		{"disputes", r.dispute},
	}
}

// parsed is one seed file parsed as YAML, or the problem that stops it
// from being read at all.
type parsed struct {
	file string
	// top is the document's top node; nil for an empty file.
	top *yaml.Node
	// problem, when set, is why the file defines nothing.
	problem *Error
	// issues are problems that leave the rest of the file readable.
	issues []Error
}

// readAll reads the files on every CPU, a few ahead of the one being
// merged, and merges what each defines into r in the files' order, so
// the dataset and the problems come out as one reading after the other
// would give them. Each file is decoded by a reader of its own: what a
// file defines depends on nothing outside it until Complete.
func (r *reader) readAll(files []string) {
	ahead := make(chan struct{}, 2*runtime.GOMAXPROCS(0))
	results := make([]chan *reader, len(files))
	for i := range results {
		results[i] = make(chan *reader, 1)
	}
	go func() {
		for i, rel := range files {
			ahead <- struct{}{}
			go func() {
				fr := &reader{dir: r.dir, opts: r.opts, root: r.root, d: &peacegraph.Dataset{}}
				if r.locs != nil {
					fr.locs = make(map[any]*location)
				}
				fr.file(fr.parse(rel))
				results[i] <- fr
			}()
		}
	}()
	for i := range files {
		r.merge(<-results[i])
		<-ahead
	}
}

// merge adds what another reader read after what r holds.
func (r *reader) merge(fr *reader) {
	d, f := r.d, fr.d
	d.Actors = append(d.Actors, f.Actors...)
	d.Plans = append(d.Plans, f.Plans...)
	d.Points = append(d.Points, f.Points...)
	d.Claims = append(d.Claims, f.Claims...)
	d.Sources = append(d.Sources, f.Sources...)
	d.Stances = append(d.Stances, f.Stances...)
	d.Events = append(d.Events, f.Events...)
	d.Disputes = append(d.Disputes, f.Disputes...)
	r.errs = append(r.errs, fr.errs...)
	for entity, loc := range fr.locs {
		r.locs[entity] = loc
	}
	r.broken = r.broken || fr.broken
	r.texts = append(r.texts, fr.texts...)
}

// parse reads and parses one seed file, rel being its path inside the
// directory.
func (r *reader) parse(rel string) parsed {
	p := parsed{file: filepath.Join(r.dir, filepath.FromSlash(rel))}
	stop := func(line int, rule, format string, args ...any) parsed {
		p.problem = &Error{File: p.file, Line: line, Rule: rule, Message: fmt.Sprintf(format, args...)}
		return p
	}
	if info, err := r.root.Stat(filepath.FromSlash(rel)); err == nil && info.Size() > r.opts.MaxFileBytes {
		return stop(0, RuleTooLarge, "the file is %d bytes, more than the %d a seed file may hold", info.Size(), r.opts.MaxFileBytes)
	}
	data, err := r.root.ReadFile(filepath.FromSlash(rel))
	if err != nil {
		return stop(0, RuleMissingFile, "cannot read the file: %v", unwrapPath(err))
	}
	if line, b := invalidUTF8(data); line > 0 {
		return stop(line, RuleSyntax, "the file is not UTF-8 text: byte 0x%02x on this line", b)
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	switch err := dec.Decode(&doc); {
	case err == io.EOF:
		return p // an empty file, or only comments
	case err != nil:
		line, msg := yamlError(err)
		return stop(line, RuleSyntax, "%s", msg)
	}
	var next yaml.Node
	switch err := dec.Decode(&next); {
	case err == nil:
		return stop(next.Line, RuleSyntax, "a seed file holds one YAML document; start another file instead of using ---")
	case err != io.EOF:
		line, msg := yamlError(err)
		return stop(line, RuleSyntax, "%s", msg)
	}
	p.issues = strictness(p.file, &doc)
	p.top = deref(doc.Content[0])
	return p
}

// file decodes one parsed seed file.
func (r *reader) file(p parsed) {
	if p.problem != nil {
		r.broken = true
		r.errs = append(r.errs, *p.problem)
		return
	}
	r.errs = append(r.errs, p.issues...)
	file, top := p.file, p.top
	if top == nil {
		return
	}
	if top.Kind == yaml.ScalarNode && top.Tag == "!!null" {
		return
	}
	if top.Kind != yaml.MappingNode {
		r.broken = true
		r.fail(file, top.Line, "", RuleSyntax, "a seed file must be a mapping of %s, not %s", r.sectionNames(), describe(top))
		return
	}
	seen := make(map[string]int)
	for i := 0; i+1 < len(top.Content); i += 2 {
		k, v := top.Content[i], top.Content[i+1]
		if first, ok := seen[k.Value]; ok {
			r.fail(file, k.Line, k.Value, RuleSyntax, "%q is given twice in the file (first on line %d)", k.Value, first)
			continue
		}
		seen[k.Value] = k.Line
		found := false
		for _, sec := range r.sections() {
			if sec.name != k.Value {
				continue
			}
			found = true
			r.section(file, sec, v)
		}
		if !found {
			r.fail(file, k.Line, k.Value, RuleUnknownField, "a seed file has no section %q (it has %s)", k.Value, r.sectionNames())
		}
	}
}

func (r *reader) sectionNames() string {
	var names []string
	for _, s := range r.sections() {
		names = append(names, s.name)
	}
	return strings.Join(names, ", ")
}

// section decodes the list under one top-level key.
func (r *reader) section(file string, sec section, n *yaml.Node) {
	v := deref(n)
	switch {
	case v.Kind == yaml.ScalarNode && v.Tag == "!!null":
		return
	case v.Kind != yaml.SequenceNode:
		r.broken = true // what it should define is lost
		r.fail(file, n.Line, sec.name, RuleSyntax, "%s must be a list of entries, not %s", sec.name, describe(v))
		return
	}
	for _, item := range v.Content {
		sec.decode(file, item)
	}
}

// scope registers a new entity written at n and returns the scope that
// decodes its fields.
func (r *reader) scope(file string, n *yaml.Node, entity any) scope {
	if r.locs == nil {
		if r.fileLoc == nil || r.fileLoc.file != file {
			r.fileLoc = &location{file: file}
		}
		return scope{r: r, loc: r.fileLoc}
	}
	loc := &location{file: file, line: n.Line, fields: map[string]int{}}
	r.locs[entity] = loc
	return scope{r: r, loc: loc}
}

// text reads a source's text_file, relative to the seed directory and
// confined to it.
func (s scope) text(line int, name string) string {
	s.r.texts = append(s.r.texts, name)
	if info, err := s.r.root.Stat(filepath.FromSlash(name)); err == nil && info.Size() > s.r.opts.MaxFileBytes {
		s.fail(line, "text_file", RuleTooLarge, "text file %q is %d bytes, more than the %d a text may hold", name, info.Size(), s.r.opts.MaxFileBytes)
		return ""
	}
	data, err := s.r.root.ReadFile(filepath.FromSlash(name))
	switch {
	case errors.Is(err, fs.ErrNotExist):
		s.fail(line, "text_file", RuleMissingFile, "text file %q does not exist (paths are relative to the seed directory)", name)
	case err != nil:
		s.fail(line, "text_file", RuleMissingFile, "cannot read text file %q: %v", name, unwrapPath(err))
	case len(data) == 0:
		s.fail(line, "text_file", RuleMissingFile, "text file %q is empty", name)
	case !utf8.Valid(data):
		at, b := invalidUTF8(data)
		s.fail(line, "text_file", RuleMissingFile, "text file %q is not UTF-8 text: byte 0x%02x on its line %d", name, b, at)
	default:
		text := string(data)
		if r, ok := controlCharacter(text); ok {
			at := 1 + strings.Count(text[:strings.IndexRune(text, r)], "\n")
			s.fail(line, "text_file", RuleControlCharacter, "text file %q holds control character %U on its line %d: only tabs and line breaks may be written", name, r, at)
			return ""
		}
		return text
	}
	return ""
}

// fail records a problem.
func (r *reader) fail(file string, line int, field, rule, format string, args ...any) {
	r.errs = append(r.errs, Error{File: file, Line: line, Field: field, Rule: rule, Message: fmt.Sprintf(format, args...)})
}

// problem places one of Validate's problems at the line of the entity and
// field it concerns.
func (r *reader) problem(p peacegraph.Problem) {
	field := p.Field
	if st, ok := p.Entity.(*peacegraph.Stance); ok {
		// Validate names a stance's fields after its target; in the seed
		// file they are fields of the stance entry itself.
		field = strings.TrimPrefix(strings.TrimPrefix(field, "stance on "+st.TargetID), ".")
	}
	loc := r.locs[p.Entity]
	if loc == nil {
		// Not one of the entities read: never lose the problem, though.
		r.fail(r.dir, 0, field, p.Rule, "%s %q: %s", p.Kind, p.ID, p.Message)
		return
	}
	if loc.reported(field) {
		return
	}
	r.fail(loc.file, loc.lineOf(field), field, p.Rule, "%s", p.Message)
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// parserProblems are the messages of yaml.v3's parser, as opposed to its
// scanner. yaml.v3 prints the parser's lines counted from 0 (the scanner's
// from 1), and on the first line of a file it prints none at all.
var parserProblems = map[string]bool{
	"did not find expected <stream-start>":   true,
	"did not find expected <document start>": true,
	"did not find expected node content":     true,
	"did not find expected '-' indicator":    true,
	"did not find expected key":              true,
	"did not find expected ',' or ']'":       true,
	"did not find expected ',' or '}'":       true,
	"found undefined tag handle":             true,
	"found duplicate %YAML directive":        true,
	"found incompatible YAML document":       true,
	"found duplicate %TAG directive":         true,
}

// yamlError splits a yaml.v3 syntax error into a 1-based line and its
// message. For an unclosed construct the line is where it starts.
func yamlError(err error) (int, string) {
	m := yamlLine.FindStringSubmatch(err.Error())
	if m == nil {
		return 1, strings.TrimPrefix(err.Error(), "yaml: ")
	}
	line, _ := strconv.Atoi(m[1])
	if parserProblems[m[2]] {
		line++
	}
	return line, m[2]
}

// unwrapPath drops the operation and path from a file-system error: the
// problem already names the file.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
