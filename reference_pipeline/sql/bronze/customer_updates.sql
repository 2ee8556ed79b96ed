-- bronze.customer_updates: one row per line of the customer change feed, exactly as received.
-- Rows reach silver.customers only when `incremental` or `full` moves the watermark past them.

with

source as (
    select *
    from read_csv(
        getvariable('landing') || '/updates/customer_updates*.csv',
        header = true, all_varchar = true, filename = true,
        delim = ',', quote = '"', escape = '"'
    )
),

renamed as (
    select
        customer_id,
        first_name,
        last_name,
        email,
        phone,
        city,
        region,
        segment,
        status,
        signup_date,
        updated_at,
        replace(filename, getvariable('landing') || '/', '') as _source_file,
        getvariable('now') as _loaded_at
    from source
),

final as (
    select * from renamed
)

select * from final
