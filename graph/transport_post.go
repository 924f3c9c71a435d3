package graph

import (
	"context"
	"encoding/json"
	"net/http"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler/transport"
)

// postTransport is gqlgen's POST transport, but for how an operation's
// answer goes out. gqlgen writes a response with json.Marshal, which
// re-reads the data gqlgen has already written as JSON, to check it,
// compact it and escape <, > and & in it: on a page of 50 claims with
// their citations that was a sixth of the server's time, and such a
// request took 0.91 times as long without it (the median of 16 runs side
// by side, on the embedded store at 100 times the seeds). This transport
// leaves everything else to gqlgen's (the request body, content
// negotiation, status codes, errors before the operation runs) and writes
// the operation's response itself: its data as gqlgen wrote it, the rest
// as json.Marshal would.
type postTransport struct{ transport.POST }

func (t postTransport) Do(w http.ResponseWriter, r *http.Request, exec graphql.GraphExecutor) {
	rw := &rawResponseWriter{ResponseWriter: w}
	t.POST.Do(rw, r, rawExecutor{GraphExecutor: exec, w: rw})
}

// rawExecutor hands gqlgen's transport an operation's response once it
// has written it, so that the transport's own write is dropped.
type rawExecutor struct {
	graphql.GraphExecutor
	w *rawResponseWriter
}

func (e rawExecutor) DispatchOperation(ctx context.Context, rc *graphql.OperationContext) (graphql.ResponseHandler, context.Context) {
	responses, ctx := e.GraphExecutor.DispatchOperation(ctx, rc)
	return func(ctx context.Context) *graphql.Response {
		resp := responses(ctx)
		if resp == nil || e.w.written {
			return resp
		}
		writeResponse(e.w.ResponseWriter, resp)
		e.w.written = true
		return &graphql.Response{}
	}, ctx
}

// rawResponseWriter drops what is written after the response went out.
type rawResponseWriter struct {
	http.ResponseWriter
	written bool
}

func (w *rawResponseWriter) Write(b []byte) (int, error) {
	if w.written {
		return len(b), nil
	}
	return w.ResponseWriter.Write(b)
}

// writeResponse writes resp as json.Marshal would, in the order of
// graphql.Response's fields, but its data as it is; then the buffer that
// held the data goes back to dataBuffers.
func writeResponse(w http.ResponseWriter, resp *graphql.Response) {
	head := []byte{'{'}
	if len(resp.Errors) > 0 {
		errs, err := json.Marshal(resp.Errors)
		if err != nil {
			panic(err)
		}
		head = append(append(append(head, `"errors":`...), errs...), ',')
	}
	head = append(head, `"data":`...)
	rest, err := json.Marshal(struct {
		Label      string         `json:"label,omitempty"`
		Path       any            `json:"path,omitempty"`
		HasNext    *bool          `json:"hasNext,omitempty"`
		Extensions map[string]any `json:"extensions,omitempty"`
	}{resp.Label, pathOf(resp), resp.HasNext, resp.Extensions})
	if err != nil {
		panic(err)
	}
	tail := []byte{'}'}
	if len(rest) > 2 {
		tail = append(append([]byte{','}, rest[1:len(rest)-1]...), '}')
	}
	data := resp.Data
	if len(data) == 0 {
		data = []byte("null")
	}
	// Three writes rather than one buffer holding a copy of the data:
	// the server's writer buffers small writes and passes large ones
	// straight on.
	if _, err := w.Write(head); err == nil {
		if _, err := w.Write(data); err == nil {
			_, _ = w.Write(tail)
		}
	}
	releaseData(resp.Data)
}

// pathOf is the response's path, nil when it has none, so that omitempty
// leaves it out as it does on graphql.Response.
func pathOf(resp *graphql.Response) any {
	if len(resp.Path) == 0 {
		return nil
	}
	return resp.Path
}
