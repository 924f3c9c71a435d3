package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// system is one side of the comparison: a GraphQL server, or hand-written
// Cypher through the Go driver.
type system struct {
	name string
	// ask runs q once and returns its canonical answer.
	ask func(ctx context.Context, q *query, p params) (any, error)
	// prepare readies q for timing: the returned function runs it once
	// and checks that it succeeded, without decoding the answer.
	prepare func(q *query, p params) (func(ctx context.Context) error, error)
}

// The names of the systems, as the tables print them.
const (
	sysNeo4j    = "peacegraph/neo4j"
	sysEmbedded = "peacegraph/embedded"
	sysPeer     = "peer"
	sysRaw      = "raw cypher"
)

// graphqlClient posts GraphQL requests to one server on loopback.
type graphqlClient struct {
	url     string
	http    *http.Client
	timeout time.Duration
}

func newGraphQLClient(url string, clients int, timeout time.Duration) *graphqlClient {
	return &graphqlClient{
		url: url,
		http: &http.Client{Transport: &http.Transport{
			// Loopback only: no proxy from the environment.
			Proxy:               nil,
			MaxIdleConns:        2 * clients,
			MaxIdleConnsPerHost: 2 * clients,
			IdleConnTimeout:     90 * time.Second,
			DisableCompression:  true,
		}},
		timeout: timeout,
	}
}

func (c *graphqlClient) close() { c.http.CloseIdleConnections() }

// post sends one request and returns the response body of a 200 answer.
func (c *graphqlClient) post(ctx context.Context, body []byte, header http.Header) ([]byte, error) {
	ctx, cancel := context.WithTimeout(ctx, c.timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.url, bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "application/json")
	for k, vs := range header {
		req.Header[k] = vs
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("%s answered %s: %s", c.url, resp.Status, firstLine(b))
	}
	return b, nil
}

// errorsKey is how a GraphQL response that holds errors starts its
// errors: inside a JSON string every quote is escaped, so these bytes
// appear only as a key.
var errorsKey = []byte(`"errors":`)

// response is a decoded GraphQL response.
type response struct {
	Data       map[string]any `json:"data"`
	Errors     []gqlError     `json:"errors"`
	Extensions map[string]any `json:"extensions"`
}

type gqlError struct {
	Message string `json:"message"`
}

func (c *graphqlClient) do(ctx context.Context, query string, vars map[string]any, header http.Header) (*response, error) {
	body, err := json.Marshal(map[string]any{"query": query, "variables": vars})
	if err != nil {
		return nil, err
	}
	b, err := c.post(ctx, body, header)
	if err != nil {
		return nil, err
	}
	var r response
	if err := json.Unmarshal(b, &r); err != nil {
		return nil, fmt.Errorf("%s: the answer is not JSON: %v: %s", c.url, err, firstLine(b))
	}
	if len(r.Errors) > 0 {
		var msgs []string
		for _, e := range r.Errors {
			msgs = append(msgs, e.Message)
		}
		return nil, fmt.Errorf("%s: GraphQL errors: %s", c.url, strings.Join(msgs, "; "))
	}
	return &r, nil
}

// graphqlSystem is a GraphQL server asked a query in its own words.
func graphqlSystem(name string, c *graphqlClient, text func(*query) string, vars func(*query, params) map[string]any,
	path func(*query) []string, shape func(*query) func(any) any) *system {
	return &system{
		name: name,
		ask: func(ctx context.Context, q *query, p params) (any, error) {
			r, err := c.do(ctx, text(q), vars(q, p), nil)
			if err != nil {
				return nil, err
			}
			data, err := canonical(r.Data)
			if err != nil {
				return nil, err
			}
			v, err := follow(unwrap(data), path(q))
			if err != nil {
				return nil, err
			}
			if f := shape(q); f != nil {
				v = f(v)
			}
			return v, nil
		},
		prepare: func(q *query, p params) (func(context.Context) error, error) {
			body, err := json.Marshal(map[string]any{"query": text(q), "variables": vars(q, p)})
			if err != nil {
				return nil, err
			}
			return func(ctx context.Context) error {
				b, err := c.post(ctx, body, nil)
				if err != nil {
					return err
				}
				if bytes.Contains(b, errorsKey) {
					return fmt.Errorf("%s: %s answered with errors: %s", name, q.id, firstLine(b))
				}
				return nil
			}, nil
		},
	}
}

// peacegraphSystem asks a peacegraph server (either store) the query.
func peacegraphSystem(name string, c *graphqlClient) *system {
	return graphqlSystem(name, c,
		func(q *query) string { return q.pg },
		func(q *query, p params) map[string]any { return q.pgVars(p) },
		func(q *query) []string { return []string{q.pgField} },
		func(*query) func(any) any { return nil })
}

// peerSystem asks the peer its version of the query.
func peerSystem(c *graphqlClient) *system {
	return graphqlSystem(sysPeer, c,
		func(q *query) string { return q.peer },
		func(q *query, p params) map[string]any { return q.peerVars(p) },
		func(q *query) []string { return q.peerPath },
		func(q *query) func(any) any { return q.peerShape })
}

// rawSystem runs the hand-written statement of a query, one read
// transaction in its own session per request, as a server would.
func rawSystem(driver neo4j.DriverWithContext, database string, timeout time.Duration) *system {
	run := func(ctx context.Context, q *query, p params) (any, error) {
		ctx, cancel := context.WithTimeout(ctx, timeout)
		defer cancel()
		session := driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: database, AccessMode: neo4j.AccessModeRead})
		defer session.Close(context.WithoutCancel(ctx))
		return neo4j.ExecuteRead(ctx, session, func(tx neo4j.ManagedTransaction) (any, error) {
			res, err := tx.Run(ctx, q.cypher, q.cypherParams(p))
			if err != nil {
				return nil, err
			}
			records, err := res.Collect(ctx)
			if err != nil {
				return nil, err
			}
			switch len(records) {
			case 0:
				return nil, nil
			case 1:
				v, _ := records[0].Get("result")
				return v, nil
			}
			return nil, fmt.Errorf("%s: the statement returned %d rows, want at most 1", q.id, len(records))
		})
	}
	return &system{
		name: sysRaw,
		ask: func(ctx context.Context, q *query, p params) (any, error) {
			v, err := run(ctx, q, p)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", sysRaw, err)
			}
			return canonical(v)
		},
		prepare: func(q *query, p params) (func(context.Context) error, error) {
			return func(ctx context.Context) error {
				_, err := run(ctx, q, p)
				return err
			}, nil
		},
	}
}

// firstLine is the start of a body, for error messages.
func firstLine(b []byte) string {
	s := string(b)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	if len(s) > 300 {
		s = s[:297] + "..."
	}
	return s
}
