package peacegraph

import (
	"encoding/base64"
	"strings"
)

// Cursors are opaque to clients but are, inside, the sort key of the last
// item of a page, so paging stays stable while the data does not change and
// both stores can compare keys the same way (as plain strings).

const cursorPrefix = "pg1:"

// keySep separates the parts of a sort key; it sorts before every
// printable character, so "Ann" sorts before "Anna".
const keySep = "\x1f"

// undatedKey stands for an unknown date in sort keys: undated items last.
const undatedKey = "9999-12-31"

// EncodeCursor turns a sort key into an opaque cursor.
func EncodeCursor(key string) string {
	return base64.RawURLEncoding.EncodeToString([]byte(cursorPrefix + key))
}

// DecodeCursor returns the sort key inside a cursor; "" decodes to "".
// EINVALID when the cursor was not made by EncodeCursor.
func DecodeCursor(cursor string) (string, error) {
	if cursor == "" {
		return "", nil
	}
	b, err := base64.RawURLEncoding.DecodeString(cursor)
	if err != nil || !strings.HasPrefix(string(b), cursorPrefix) {
		return "", FieldErrorf(EINVALID, "after", "%q is not a cursor this API issued", cursor)
	}
	return strings.TrimPrefix(string(b), cursorPrefix), nil
}

// DateKey is the sort key of a date: undated sorts last.
func DateKey(d Date) string {
	if d == "" {
		return undatedKey
	}
	return string(d)
}

// ClaimKey is a claim's sort key: date (undated last), then ID.
func ClaimKey(c *Claim) string { return DateKey(c.Date) + keySep + c.ID }

// ActorKey is an actor's sort key: name, then ID.
func ActorKey(a *Actor) string { return a.Name + keySep + a.ID }

// EventKey is an event's sort key: date (undated last), then ID.
func EventKey(e *Event) string { return DateKey(e.Date) + keySep + e.ID }

// SourceKey is a source's sort key: publication date (undated last), then ID.
func SourceKey(s *Source) string { return DateKey(s.Published) + keySep + s.ID }
