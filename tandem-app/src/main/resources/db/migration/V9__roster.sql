-- The SRE roster and the rotation settings. Every catalog person with role SRE is on the roster; a row
-- here only exists once an admin has changed an SRE's defaults (capacity 100 %, one engagement at a time).
create table roster_entries (
    person_id        bigint        not null primary key references people (id) on delete cascade,
    capacity_percent integer       not null,
    max_concurrent   integer       not null,
    skills           varchar(1000) not null,
    unavailable_until date,
    updated_by       varchar(200)  not null,
    updated_at       timestamp with time zone not null,
    version          integer       not null,
    constraint roster_entries_capacity_ck check (capacity_percent between 0 and 100),
    constraint roster_entries_concurrent_ck check (max_concurrent between 1 and 10)
);

-- One row: the program's rotation settings.
create table rotation_settings (
    id                  integer      not null primary key,
    max_stay_days       integer      not null,
    default_length_days integer      not null,
    updated_by          varchar(200),
    updated_at          timestamp with time zone,
    version             integer      not null
);
insert into rotation_settings (id, max_stay_days, default_length_days, version) values (1, 180, 90, 0);
