package peacegraph

import "sort"

// Source is a published, dated document that claims cite.
type Source struct {
	ID        string
	Title     string
	Publisher string
	URL       string
	Published Date
	Retrieved Date
	// Language is the BCP 47 tag of the text, e.g. "en".
	Language string
	// Text is the full text where it is stored, else "". Every citation of
	// a source with stored text quotes a verbatim span of it.
	Text string
	// Note records caveats, e.g. that the outlet is state-aligned.
	Note string
	// Republishes is the ID of the report this page republishes, or "".
	// A republication counts as the report it copies when claims are
	// corroborated, so one wire story carried by ten sites counts once.
	Republishes string
}

// NodeID implements Node.
func (s *Source) NodeID() string { return s.ID }

// NodeKind implements Node.
func (s *Source) NodeKind() Kind { return KindSource }

// Label implements Node.
func (s *Source) Label() string { return s.Title }

// SortSources puts sources in the order of every list of sources: by
// publication date, undated last, then ID (SourceKey). A store lists its
// Sources so, and a dispute side its sources.
func SortSources(sources []*Source) {
	sort.SliceStable(sources, func(i, j int) bool { return SourceKey(sources[i]) < SourceKey(sources[j]) })
}
