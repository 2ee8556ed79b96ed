-- bronze.returns: one row per line of the weekly returns exports, exactly as received.

with

source as (
    select *
    from read_csv(
        getvariable('landing') || '/weekly/returns_*.csv',
        header = true, all_varchar = true, filename = true,
        delim = ',', quote = '"', escape = '"'
    )
),

renamed as (
    select
        return_id,
        sale_id,
        return_date,
        product_id,
        quantity,
        refund_amount,
        reason as return_reason,
        replace(filename, getvariable('landing') || '/', '') as _source_file,
        getvariable('now') as _loaded_at
    from source
),

final as (
    select * from renamed
)

select * from final
