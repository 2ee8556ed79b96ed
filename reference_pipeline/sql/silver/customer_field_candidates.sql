-- materialized: view
-- silver.customer_field_candidates: one row per customer, field and source system that holds a
-- value for it (CRM, billing, support), side by side so conflicts are visible.

with

crm as (
    select * from silver.crm_customers
),

billing as (
    select * from silver.billing_accounts
),

support as (
    select * from silver.support_contacts
),

crm_values as (
    unpivot (select *, 'crm' as source_name from crm)
    on columns(* exclude (customer_id, updated_at, source_name))
    into name field_name value field_value
),

billing_values as (
    unpivot (select *, 'billing' as source_name from billing)
    on columns(* exclude (customer_id, updated_at, source_name))
    into name field_name value field_value
),

support_values as (
    unpivot (select *, 'support' as source_name from support)
    on columns(* exclude (customer_id, updated_at, source_name))
    into name field_name value field_value
),

final as (
    select customer_id, field_name, source_name, field_value, updated_at from crm_values
    union all
    select customer_id, field_name, source_name, field_value, updated_at from billing_values
    union all
    select customer_id, field_name, source_name, field_value, updated_at from support_values
)

select * from final
