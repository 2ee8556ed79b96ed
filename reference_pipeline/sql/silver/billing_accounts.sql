-- silver.billing_accounts: one row per billing account (customer_id), in the shared attribute names.

with

source as (
    select * from bronze.billing_accounts
),

final as (
    select
        try_cast(trim(customer_id) as integer) as customer_id,
        clean.proper_case(customer_name) as full_name,
        clean.email(billing_email) as email,
        trim(billing_address) as postal_address,
        -- billing says "current" where the other systems say "active"
        case lower(trim(account_status)) when 'current' then 'active' else lower(trim(account_status)) end
            as account_status,
        try_cast(trim(updated_at) as timestamp) as updated_at
    from source
)

select * from final
