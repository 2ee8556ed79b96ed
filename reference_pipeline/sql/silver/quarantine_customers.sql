-- silver.quarantine_customers: one row per customer record that broke a validation rule,
-- with the values as received and the reason.

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
    select records.*
    from records
    cross join applied_through
    where records.record_source = 'export'
        or records.updated_at <= applied_through.watermark_value
),

rejected as (
    select * from applied
    where reject_reason is not null
),

final as (
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
    from rejected
)

select * from final
