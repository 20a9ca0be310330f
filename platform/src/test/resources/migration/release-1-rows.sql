-- The platform tests' probe table as release 1 left it.
insert into probe (id, name, version) values ('5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c01', 'release 1 probe', 3);
