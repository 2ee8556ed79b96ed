-- silver.customers: one row per customer, the latest valid record for each customer_id.
-- The ranking and the column list are macros in sql/macros/customers.sql, shared with the
-- incremental merge.

with

applied as (
    select * from silver.applied_customer_records
),

latest as (
    -- the newest valid record wins, whatever its position in the file
    select * from clean.latest_customer_record('applied')
),

valid as (
    select * from latest
    where reject_reason is null
),

final as (
    select * from clean.customer_columns('valid')
)

select * from final
