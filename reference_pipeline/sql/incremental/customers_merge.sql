-- The incremental version of silver.customers and silver.quarantine_customers: only the
-- change-feed rows newer than the watermark are read, cleaned (by silver.customer_records,
-- the same rules a full load uses) and merged. The runner refreshes bronze.customer_updates
-- before this file and moves the watermark after it.

-- 1. rows past the watermark
create or replace temp table incoming as
with

records as (
    select * from silver.customer_records
),

applied_through as (
    select max(watermark_value) as watermark_value
    from meta.watermarks
    where source_name = 'customer_updates'
),

final as (
    select records.*
    from records
    cross join applied_through
    where records.record_source = 'updates'
        and (applied_through.watermark_value is null or records.updated_at > applied_through.watermark_value)
)

select * from final;

-- 2. rows that break a rule go to quarantine, as in silver/quarantine_customers.sql
insert into silver.quarantine_customers
select
    raw_customer_id as customer_id,
    reject_reason,
    raw_email as email,
    raw_signup_date as signup_date,
    raw_region as region,
    raw_segment as segment,
    raw_status as status,
    raw_updated_at as updated_at,
    record_source,
    _source_file,
    _loaded_at
from incoming
where reject_reason is not null;

-- 3. the latest valid row per customer, ranked as in silver/customers.sql
create or replace temp table changed as
select
    customer_id,
    first_name,
    last_name,
    first_name || ' ' || last_name as full_name,
    email,
    phone,
    city,
    region,
    segment,
    status,
    signup_date,
    updated_at,
    record_source,
    _source_file
from incoming
where reject_reason is null
qualify row_number() over (
    partition by customer_id
    order by updated_at desc, source_priority desc, _source_file desc, email, city
) = 1;

-- 4. how each changed customer will be treated, for the report
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

-- 5. the merge: a newer row replaces the customer, a new customer is added, an older row is
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
