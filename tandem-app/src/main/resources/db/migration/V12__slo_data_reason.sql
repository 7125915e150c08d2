-- Why an SLO's data is not OK: the outage of a STALE source, or the message of a query Prometheus refused
-- (data state QUERY_REJECTED), so that the list and the readiness facts can say so without asking Prometheus.
alter table slo_states add column data_reason varchar(1000);
