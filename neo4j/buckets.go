package neo4j

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"hash/fnv"
	"slices"
	"strings"
)

// Buckets let a load read back only the part of the graph a change
// touches, so that a small change to a large graph reads little of it.
// Every unit falls in one of bucketCount buckets by its anchor (a node's
// own ID; a stance's or a span's actor), and the lock node keeps the
// digest of each bucket's keys and hashes, which the load's last
// transaction writes with the graph they describe. A load digests the
// dataset's buckets the same way and reads the hashes of the buckets
// whose digests differ, and only those. A graph without current digests
// (empty, or last written by a store that keeps none) is read whole, and
// its nodes are given their buckets (backfillBuckets) before the load
// writes the digests that make later loads read only what changes.
//
// Nodes carry their bucket (indexed, node_bucket); a relationship-only
// unit is found through its actor, which is in the same bucket.
const bucketCount = 4096

// bucketOf is the bucket of a unit with this anchor.
func bucketOf(anchor string) int64 {
	h := fnv.New32a()
	_, _ = h.Write([]byte(anchor))
	return int64(h.Sum32() % bucketCount)
}

// bucketDigests digests the units of each bucket: their keys and hashes
// in key order. Equal sets of units give equal digests, whatever order
// the units come in.
func bucketDigests(us []*unit) []string {
	in := make([][]*unit, bucketCount)
	for _, u := range us {
		in[u.bucket] = append(in[u.bucket], u)
	}
	out := make([]string, bucketCount)
	parallel(bucketCount, func(b int) {
		units := in[b]
		slices.SortFunc(units, func(x, y *unit) int { return strings.Compare(x.key, y.key) })
		h := sha256.New()
		for _, u := range units {
			h.Write([]byte(u.key))
			h.Write([]byte{0})
			h.Write([]byte(u.hash))
			h.Write([]byte{0})
		}
		out[b] = hex.EncodeToString(h.Sum(nil)[:16])
	})
	return out
}

// changedBuckets lists the buckets whose digests differ between the
// dataset's (want) and the graph's (have).
func changedBuckets(want, have []string) []int64 {
	var out []int64
	for b := range want {
		if want[b] != have[b] {
			out = append(out, int64(b))
		}
	}
	return out
}

// backfillBuckets gives every node of a graph read whole its bucket, a
// batch of loadBatch nodes to a transaction of its own (loadSessions at a
// time), and returns the statements it ran. The bucket is bookkeeping no read uses, so a batch
// committed ahead of the load changes no answer, and a backfill stopped
// half-way is done again by the next load, which finds no digests yet.
func (s *Store) backfillBuckets(ctx context.Context, held *heldState) (int, error) {
	var rows []any
	for key, u := range held.units {
		if u.label != "" {
			rows = append(rows, map[string]any{"id": key, "bucket": bucketOf(key)})
		}
	}
	n, err := s.writeBatches(ctx, s.loadSessions, s.batches(setBuckets, rows, nil))
	if err != nil {
		return n, err
	}
	s.log.Info().Int("nodes", len(rows)).Int("statements", n).Msg("gave the graph's nodes their buckets")
	return n, nil
}

// setBuckets sets the bucket of nodes that lack it or have another.
const setBuckets = `UNWIND $rows AS row
MATCH (n:` + nodeLabel + ` {id: row.id})
WHERE n.bucket IS NULL OR n.bucket <> row.bucket
SET n.bucket = row.bucket`
