-- silver.dim_customer_history: one row per customer version (SCD Type 2). A change to a
-- tracked column (city, region, segment, status) closes the current version and opens a new
-- one; other changes (email, phone) update nothing here. The order of the statements matters:
-- versions are closed before new ones are opened.

create table if not exists silver.dim_customer_history (
    customer_id integer,
    version_number integer,
    full_name varchar,
    city varchar,
    region varchar,
    segment varchar,
    status varchar,
    valid_from timestamp,
    valid_to timestamp,
    is_current boolean
);

-- 1. customers that are new or whose tracked columns changed since their current version
create or replace temp table scd2_changes as
with

customers as (
    select * from silver.customers
),

current_versions as (
    select * from silver.dim_customer_history
    where is_current
),

final as (
    select
        customers.customer_id,
        coalesce(current_versions.version_number, 0) + 1 as version_number,
        customers.full_name,
        customers.city,
        customers.region,
        customers.segment,
        customers.status,
        customers.updated_at as valid_from,
        current_versions.customer_id is null as is_new_customer
    from customers
    left join current_versions on customers.customer_id = current_versions.customer_id
    where current_versions.customer_id is null
        or customers.city is distinct from current_versions.city
        or customers.region is distinct from current_versions.region
        or customers.segment is distinct from current_versions.segment
        or customers.status is distinct from current_versions.status
)

select * from final;

-- 2. close the current version of every changed customer
update silver.dim_customer_history as history
set valid_to = changes.valid_from, is_current = false
from scd2_changes as changes
where history.customer_id = changes.customer_id
    and history.is_current
    and not changes.is_new_customer;

-- 3. open the new versions
insert into silver.dim_customer_history
select
    customer_id,
    version_number,
    full_name,
    city,
    region,
    segment,
    status,
    valid_from,
    null as valid_to,
    true as is_current
from scd2_changes;
