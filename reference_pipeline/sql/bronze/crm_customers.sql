-- bronze.crm_customers: one row per line of the CRM contact extract, exactly as received.

with

source as (
    select *
    from read_csv(
        getvariable('landing') || '/crm/crm_customers.csv',
        header = true, all_varchar = true, filename = true,
        delim = ',', quote = '"', escape = '"'
    )
),

renamed as (
    select
        customer_id,
        name as customer_name,
        email,
        phone,
        status as contact_status,
        last_update as updated_at,
        replace(filename, getvariable('landing') || '/', '') as _source_file,
        getvariable('now') as _loaded_at
    from source
),

final as (
    select * from renamed
)

select * from final
