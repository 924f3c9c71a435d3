package main

import (
	"context"
	"strconv"

	"github.com/peacegraph/peacegraph/memory"
	pgneo4j "github.com/peacegraph/peacegraph/neo4j"
)

// openStore opens Neo4j when NEO4J_URI is set, else the embedded store.
func (m *Main) openStore(ctx context.Context) error {
	if !m.Config.UsesNeo4j() {
		m.Store = memory.New()
		return nil
	}
	s, err := pgneo4j.Open(ctx, pgneo4j.Config{
		URI:      m.Config.Neo4jURI,
		Username: m.Config.Neo4jUsername,
		Password: m.Config.Neo4jPassword,
		Database: m.Config.Neo4jDatabase,
		Profile:  m.Config.Neo4jProfile,
		// Validate has checked they are whole numbers.
		LoadBatch:      atoi(m.Config.Neo4jLoadBatch),
		LoadSessions:   atoi(m.Config.Neo4jLoadSessions),
		ConnectTimeout: m.Config.Neo4jConnectTimeout,
		RetryTime:      m.Config.Neo4jRetryTime,
	}, m.Log)
	if err != nil {
		return err
	}
	m.Store = s
	return nil
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}
