-- The built-in SLO store on disk, compact like the store in memory: minutes that can no longer be pushed
-- again (older than the minute horizon behind an SLO's newest minute) are rolled up into one row per hour.
create table slo_event_hours (
    slo_id   bigint   not null references slos (id) on delete cascade,
    hour_at  timestamp with time zone not null,
    good     bigint   not null,
    total    bigint   not null,
    primary key (slo_id, hour_at)
);
