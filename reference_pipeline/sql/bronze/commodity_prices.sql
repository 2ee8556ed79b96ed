-- bronze.commodity_prices: one row per quote line from the price feeds, exactly as received.

with

source as (
    select *
    from read_json(
        getvariable('landing') || '/prices/commodity_prices.json',
        format = 'newline_delimited',
        filename = true,
        columns = {
            commodity: 'VARCHAR', price: 'VARCHAR', currency: 'VARCHAR',
            quoted_at: 'VARCHAR', source: 'VARCHAR'
        }
    )
),

renamed as (
    select
        commodity,
        price,
        currency,
        quoted_at,
        source as feed_name,
        replace(filename, getvariable('landing') || '/', '') as _source_file,
        getvariable('now') as _loaded_at
    from source
),

final as (
    select * from renamed
)

select * from final
