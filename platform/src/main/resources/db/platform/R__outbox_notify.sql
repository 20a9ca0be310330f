-- The relay's wake-up call: a NOTIFY on chipbet_outbox (Outbox.NOTIFY_CHANNEL; OutboxNotifyTest checks that the two agree)
-- whenever a statement inserts outbox rows. PostgreSQL delivers it only when the transaction commits, and folds the
-- notifications of one transaction into one. Done here rather than by a query of the writer's own: a write makes one
-- round trip fewer, and no writer can forget it.
create or replace function chipbet_outbox_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify('chipbet_outbox', '');
    return null;
end
$$;

drop trigger if exists outbox_event_notify on outbox_event;
create trigger outbox_event_notify after insert on outbox_event for each statement execute function chipbet_outbox_notify();
