-- Table macros for the customer models: the ranking and the two column lists are written once
-- here and used by silver/customers.sql, silver/quarantine_customers.sql and the incremental
-- merge. Each takes the name of a table, view or CTE holding silver.customer_records rows:
--   select * from clean.customer_columns('silver.customer_records')

-- The newest record per customer, valid records first (exact ties: by email, city). Ranking
-- valid records first and dropping invalid winners afterwards gives the same answer as
-- filtering first, but DuckDB then cleans each record once instead of twice.
create or replace macro clean.latest_customer_record(records) as table
    select *
    from query_table(records)
    qualify row_number() over (
        partition by customer_id
        order by reject_reason is null desc, updated_at desc, source_priority desc, _source_file desc, email, city
    ) = 1;

-- The columns of silver.customers.
create or replace macro clean.customer_columns(records) as table
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
    from query_table(records);

-- The columns of silver.quarantine_customers: the values as received, and the reason.
create or replace macro clean.quarantine_columns(records) as table
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
    from query_table(records);
