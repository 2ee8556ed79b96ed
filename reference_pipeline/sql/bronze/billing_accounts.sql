-- bronze.billing_accounts: one row per line of the billing extract, exactly as received.

with

source as (
    select *
    from read_csv(
        getvariable('landing') || '/billing/billing_accounts.csv',
        header = true, all_varchar = true, filename = true,
        delim = ',', quote = '"', escape = '"'
    )
),

renamed as (
    select
        cust_id as customer_id,
        customer_name,
        billing_email,
        billing_address,
        account_status,
        modified as updated_at,
        replace(filename, getvariable('landing') || '/', '') as _source_file,
        getvariable('now') as _loaded_at
    from source
),

final as (
    select * from renamed
)

select * from final
