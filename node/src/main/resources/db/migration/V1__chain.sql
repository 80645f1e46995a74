-- node.store=postgres: the chain every replica reads and appends, and the transactions waiting for the next block.

-- One row per block, stored as its block string (the canonical serialisation the next block's hash covers).
-- The primary key on idx is what makes exactly one block per index, whichever replica appends it.
CREATE TABLE block (
    idx           bigint PRIMARY KEY CHECK (idx >= 1),
    hash          char(64) NOT NULL UNIQUE,
    previous_hash text NOT NULL,
    block_string  text NOT NULL,
    stored_at     timestamptz NOT NULL DEFAULT now()
);

-- Transactions posted to any replica, in arrival order; the block that includes them deletes them in the same
-- database transaction that inserts it, so a transaction is either pending or in exactly one block.
CREATE TABLE pending_transaction (
    id          bigserial PRIMARY KEY,
    body        text NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now()
);
