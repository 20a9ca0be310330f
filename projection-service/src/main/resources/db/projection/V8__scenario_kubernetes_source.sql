-- A scenario declared as a FeasibilityScenario resource is stored under the resource's uid, with the namespace and
-- name it has there, so the REST API can show where it comes from (and refuse to change it).
alter table scenario add column source_namespace varchar(253);
alter table scenario add column source_name varchar(253);
