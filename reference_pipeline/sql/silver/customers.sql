-- silver.customers: one row per customer, the latest valid record for each customer_id.

with

records as (
    select * from silver.customer_records
),

watermarks as (
    select * from meta.watermarks
),

applied_through as (
    select max(watermark_value) as watermark_value
    from watermarks
    where source_name = 'customer_updates'
),

applied as (
    -- change-feed rows count once `incremental` or `full` has moved the watermark past them
    select records.*
    from records
    cross join applied_through
    where records.record_source = 'export'
        or records.updated_at <= applied_through.watermark_value
),

latest as (
    -- the newest valid record wins, whatever its position in the file (exact ties: by email, city).
    -- Ranking valid records first and dropping invalid winners afterwards gives the same answer
    -- as filtering first, but DuckDB then cleans each record once instead of twice
    select *
    from applied
    qualify row_number() over (
        partition by customer_id
        order by reject_reason is null desc, updated_at desc, source_priority desc, _source_file desc, email, city
    ) = 1
),

valid as (
    select * from latest
    where reject_reason is null
),

final as (
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
    from valid
)

select * from final
