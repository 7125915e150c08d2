-- The readiness of an engagement's services when it started and when it completed, so that a finished
-- engagement can show what changed while the SRE was there (checks passing, checklist done, scorecards).
create table engagement_snapshots (
    engagement_id bigint       not null references engagements (id) on delete cascade,
    kind          varchar(8)   not null,
    taken_at      timestamp with time zone not null,
    document      varchar(200000) not null,
    primary key (engagement_id, kind),
    constraint engagement_snapshots_kind_ck check (kind in ('START', 'END'))
);
