-- The service list filters and sorts by these columns; without indexes every page sorted 10,000 rows.
create index services_level_ix on services (readiness_level, name);
create index services_lifecycle_ix on services (lifecycle, name);
create index services_tier_ix on services (tier, name);
create index services_updated_ix on services (updated_at, name);
