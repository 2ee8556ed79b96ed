-- bronze.inventory: one row per line of the weekly inventory exports, exactly as received.

with

source as (
    select *
    from read_csv(
        getvariable('landing') || '/weekly/inventory_*.csv',
        header = true, all_varchar = true, filename = true,
        delim = ',', quote = '"', escape = '"'
    )
),

renamed as (
    select
        week_start,
        store_id,
        product_id,
        on_hand,
        on_order,
        replace(filename, getvariable('landing') || '/', '') as _source_file,
        getvariable('now') as _loaded_at
    from source
),

final as (
    select * from renamed
)

select * from final
