# peacegraph API image: a static binary and the seeds on a small base.
#
#   docker build -t peacegraph .
#   docker run --rm -p 8080:8080 peacegraph                  # embedded store, seeds loaded at start
#   docker compose up                                        # with Neo4j: see docker-compose.yml
#
# The Go version follows the go directive of go.mod.
ARG GO_VERSION=1.26.8

FROM golang:${GO_VERSION}-alpine AS build
WORKDIR /src
# Modules first, so that editing the code does not download them again.
COPY go.mod go.sum ./
RUN go mod download
COPY . .
# The same package `make build` builds; static, so the final stage needs no libc.
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /usr/local/bin/peacegraph ./cmd/peacegraph
# An invalid seed set fails the image build instead of the first start.
RUN /usr/local/bin/peacegraph validate seeds

# Alpine rather than distroless: docker-compose.yml runs "load, then serve"
# through sh, and its health check uses busybox wget.
FROM alpine:3.22
RUN addgroup -S -g 10001 peacegraph && adduser -S -D -H -u 10001 -G peacegraph peacegraph
COPY --from=build /usr/local/bin/peacegraph /usr/local/bin/peacegraph
COPY --from=build /src/seeds /seeds
ENV PEACEGRAPH_ADDR=:8080 \
    PEACEGRAPH_SEEDS=/seeds \
    LOG_FORMAT=json
USER 10001:10001
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=10s --retries=3 \
  CMD wget -q -O /dev/null http://127.0.0.1:8080/readyz || exit 1
# A plain CMD (no ENTRYPOINT), so `docker run peacegraph peacegraph validate`
# and compose's "load, then serve" need no entrypoint override.
CMD ["peacegraph", "serve"]
