-- A counter raised by every change to what a service list shows (a service added, changed or removed, a
-- system removed), in the transaction of that change. Readers compare it to decide whether rows they keep
-- in memory still hold, also when another replica made the change.
create table catalog_revision (
    id       int    not null primary key,
    revision bigint not null
);
insert into catalog_revision (id, revision) values (1, 0);
