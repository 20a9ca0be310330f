-- One all-roles pool per region (issue 11, defect 3). The release-1 key on (region, role) counted
-- every null role as distinct, so racing requests could store several all-roles pools for a region.
-- The key keeps its name and now counts nulls as equal (PostgreSQL 15 or later): the losing insert
-- is refused, and the service answers it 409.
--
-- A database that already holds such duplicates stops here ("Key (region, role)=(…, null) is
-- duplicated") and is left as it was, since the migration runs in one transaction. Merge those pools
-- into one per region, then start the service again.
alter table talent_pool drop constraint talent_pool_region_role;
alter table talent_pool add constraint talent_pool_region_role unique nulls not distinct (region, role);
