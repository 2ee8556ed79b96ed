-- materialized: view
-- silver.applied_customer_records: one row per customer record the loads have applied: every
-- Day 1 export row, and the change-feed rows at or before the watermark (`incremental` or
-- `full` moves it past them). silver.customers and silver.quarantine_customers both read it,
-- so the watermark filter is written once.

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

final as (
    select * from applied
)

select * from final
