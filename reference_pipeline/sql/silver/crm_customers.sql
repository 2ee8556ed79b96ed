-- silver.crm_customers: one row per customer in the CRM, in the shared attribute names.

with

source as (
    select * from bronze.crm_customers
),

final as (
    select
        try_cast(trim(customer_id) as integer) as customer_id,
        clean.proper_case(customer_name) as full_name,
        clean.email(email) as email,
        clean.phone(phone) as phone,
        lower(trim(contact_status)) as account_status,
        try_cast(trim(updated_at) as timestamp) as updated_at
    from source
)

select * from final
