-- silver.quarantine_customers: one row per customer record that broke a validation rule,
-- with the values as received and the reason (columns: sql/macros/customers.sql).

with

applied as (
    select * from silver.applied_customer_records
),

rejected as (
    select * from applied
    where reject_reason is not null
),

final as (
    select * from clean.quarantine_columns('rejected')
)

select * from final
