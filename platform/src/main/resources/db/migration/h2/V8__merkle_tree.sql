-- Merkle tree (RFC 9162) over the sealed history (platform/.../audit/tlog): leaf i is the i-th sealed
-- event, in sealing order. Existing sealed events get their leaf positions here; the sealer builds their
-- tiles on its first round (LogTree.catchUp).
ALTER TABLE event_chain ADD COLUMN leafIndex BIGINT;
MERGE INTO event_chain c
USING (SELECT globalIndex, ROW_NUMBER() OVER (ORDER BY globalIndex) - 1 AS n FROM event_chain) r
ON c.globalIndex = r.globalIndex
WHEN MATCHED THEN UPDATE SET leafIndex = r.n;
ALTER TABLE event_chain ALTER COLUMN leafIndex SET NOT NULL;
CREATE UNIQUE INDEX ix_event_chain_leaf ON event_chain (leafIndex);

-- How many leaves the stored tiles hold, and their root (hex): written with the chain head, under its lock.
ALTER TABLE event_chain_head ADD COLUMN treeSize BIGINT NOT NULL DEFAULT 0;
ALTER TABLE event_chain_head ADD COLUMN treeRoot CHAR(64);

-- Tiles of 256 hashes (C2SP tlog-tiles): tile (level L, idx i) holds the hashes of tree level 8L,
-- nodes 256i .. 256i + width - 1. A partial tile is rewritten as it grows; proofs read O(log n) tiles.
CREATE TABLE merkle_tile (
    level  INTEGER         NOT NULL,
    idx    BIGINT          NOT NULL,
    hashes VARBINARY(8192) NOT NULL,
    PRIMARY KEY (level, idx)
);

-- Every signed checkpoint (C2SP signed note of origin, tree size, root). The signing key is never in
-- the database; each note is also written to ledger.checkpoints.publish-dir.
CREATE TABLE log_checkpoint (
    treeSize BIGINT                   NOT NULL PRIMARY KEY,
    rootHash CHAR(64)                 NOT NULL,
    note     VARCHAR(8000)            NOT NULL,
    signedAt TIMESTAMP WITH TIME ZONE NOT NULL
);
