-- bronze.sales: one row per line of the weekly point-of-sale exports, exactly as received.

with

source as (
    select *
    from read_csv(
        getvariable('landing') || '/weekly/sales_*.csv',
        header = true, all_varchar = true, filename = true,
        delim = ',', quote = '"', escape = '"'
    )
),

renamed as (
    select
        sale_id,
        sale_date,
        store_id,
        region,
        product_id,
        product_name,
        quantity,
        unit_price,
        customer_id,
        replace(filename, getvariable('landing') || '/', '') as _source_file,
        getvariable('now') as _loaded_at
    from source
),

final as (
    select * from renamed
)

select * from final
