-- The incremental version of silver.customers and silver.quarantine_customers: only the
-- change-feed rows newer than the watermark are read, cleaned (by silver.customer_records,
-- the same rules a full load uses) and merged, with the ranking and column lists of
-- sql/macros/customers.sql. The runner refreshes bronze.customer_updates before this file
-- (setting $new_feed_files to the files it appended), sets $late_rows from
-- rules/incremental.yml and moves the watermark after it.

-- 1. the watermark before this load
create or replace temp table applied_through as
select max(watermark_value) as watermark_value
from meta.watermarks
where source_name = 'customer_updates';

-- 2. rows past the watermark
create or replace temp table incoming as
with

records as (
    select * from silver.customer_records
),

final as (
    select records.*
    from records
    cross join applied_through
    where records.record_source = 'updates'
        and (applied_through.watermark_value is null or records.updated_at > applied_through.watermark_value)
)

select * from final;

-- 3. late rows: in a feed file loaded just now, but dated at or before the watermark
create or replace temp table late as
with

records as (
    select * from silver.customer_records
),

final as (
    select records.*
    from records
    cross join applied_through
    where records.record_source = 'updates'
        and list_contains(getvariable('new_feed_files'), records._source_file)
        and records.updated_at <= applied_through.watermark_value
)

select * from final;

-- 4. rows that break a rule go to quarantine, and late rows too when the rule says so
create or replace temp table rejected as
select * from incoming
where reject_reason is not null
union all by name
select * replace (coalesce(reject_reason, 'arrived late: updated_at is at or before the watermark') as reject_reason)
from late
where getvariable('late_rows') = 'quarantine';

insert into silver.quarantine_customers
select * from clean.quarantine_columns('rejected');

-- 5. the latest valid row per customer among the new rows (and the late ones, if applied)
create or replace temp table changed as
with

candidates as (
    select * from incoming
    union all by name
    select * from late
    where getvariable('late_rows') = 'apply'
),

latest as (
    select * from clean.latest_customer_record('candidates')
),

valid as (
    select * from latest
    where reject_reason is null
),

final as (
    select * from clean.customer_columns('valid')
)

select * from final;

-- 6. how each changed customer will be treated, for the report
create or replace temp table merge_plan as
select
    changed.customer_id,
    case
        when customers.customer_id is null then 'inserted'
        when changed.updated_at >= customers.updated_at then 'updated'
        else 'stale'
    end as action
from changed
left join silver.customers as customers on changed.customer_id = customers.customer_id;

-- 7. the merge: a newer row replaces the customer, a new customer is added, an older row is
--    ignored. Written as delete + insert (dbt calls it the delete+insert strategy) rather than
--    MERGE ... WHEN MATCHED THEN UPDATE, which says the same thing: in DuckDB, updating text
--    columns makes the commit rewrite those columns for the whole table, while replacing rows
--    keeps the cost with the changed rows.
delete from silver.customers
where customer_id in (select customer_id from merge_plan where action = 'updated');

insert into silver.customers by name
select changed.*
from changed
inner join merge_plan on changed.customer_id = merge_plan.customer_id
where merge_plan.action in ('updated', 'inserted');
