-- silver.support_contacts: one row per support-desk contact (customer_id), in the shared attribute names.

with

source as (
    select * from bronze.support_contacts
),

final as (
    select
        try_cast(trim(customer_id) as integer) as customer_id,
        clean.proper_case(customer_name) as full_name,
        clean.email(email) as email,
        clean.phone(phone) as phone,
        lower(trim(support_tier)) as support_tier,
        try_cast(trim(updated_at) as timestamp) as updated_at
    from source
)

select * from final
