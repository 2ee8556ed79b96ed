-- bronze.customers: one row per line of the Day 1 customer export, exactly as received.
-- Bronze only renames columns and adds load metadata; every value stays text.

with

source as (
    select *
    from read_csv(
        getvariable('landing') || '/customers/customers.csv',
        header = true, all_varchar = true, filename = true,
        delim = ',', quote = '"', escape = '"'
    )
),

renamed as (
    select
        "Customer ID" as customer_id,
        "First Name" as first_name,
        "Last Name" as last_name,
        "Email" as email,
        "Phone" as phone,
        "City" as city,
        "Region" as region,
        "Segment" as segment,
        "Status" as status,
        "Signup Date" as signup_date,
        "Last Updated" as updated_at,
        replace(filename, getvariable('landing') || '/', '') as _source_file,
        getvariable('now') as _loaded_at
    from source
),

final as (
    select * from renamed
)

select * from final
