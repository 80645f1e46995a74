-- Every replica LISTENs on blockmine_block: an inserted block (whichever replica inserted it) reaches the others
-- at once, when its transaction commits. The payload is the block's index.
CREATE FUNCTION notify_new_block() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('blockmine_block', NEW.idx::text);
    RETURN NEW;
END;
$$;

CREATE TRIGGER block_inserted AFTER INSERT ON block FOR EACH ROW EXECUTE FUNCTION notify_new_block();
