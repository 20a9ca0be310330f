-- Model v2: whether a customer for a fab's output is reported (null: nothing on record). A fab reported
-- to have none may pause in the model (docs/model.md, "Fabs without a customer").
alter table fab add column customer_status varchar(255) check (customer_status in ('SECURED', 'NONE_REPORTED'));
