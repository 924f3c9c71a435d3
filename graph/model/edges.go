package model

import "github.com/peacegraph/peacegraph"

// The edges of the connections name their cursor by method rather than
// hold it: a page of 50 claims made 50 cursors (a sort key, then base64)
// for every request, though most ask for none of them.

// ClaimEdge is a claim of a page and its cursor.
type ClaimEdge struct {
	Node *peacegraph.Claim
}

// Cursor is the opaque cursor of the claim, after which the next page
// starts.
func (e *ClaimEdge) Cursor() string { return peacegraph.EncodeCursor(peacegraph.ClaimKey(e.Node)) }

// ActorEdge is an actor of a page and its cursor.
type ActorEdge struct {
	Node *peacegraph.Actor
}

// Cursor is the opaque cursor of the actor, after which the next page
// starts.
func (e *ActorEdge) Cursor() string { return peacegraph.EncodeCursor(peacegraph.ActorKey(e.Node)) }
