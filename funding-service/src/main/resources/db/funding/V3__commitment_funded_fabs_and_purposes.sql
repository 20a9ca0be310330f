-- Model v2: a commitment may name the tracked fabs it funds (not counted again as new capacity), and two
-- purposes join: LAB_EQUITY (a stake in an AI lab) and OPERATOR_CAPEX (a chipmaker's own capex).
alter table commitment add column funded_fab_ids text not null default '';
alter table commitment drop constraint commitment_purpose_check;
alter table commitment add constraint commitment_purpose_check
    check (purpose in ('FABS', 'DATA_CENTERS', 'GENERAL_AI_INFRASTRUCTURE', 'LAB_EQUITY', 'OPERATOR_CAPEX'));
