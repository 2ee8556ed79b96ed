-- bronze.orders: one row per order record on each landed API page, exactly as received.
-- An order that changed between two page requests appears on both pages; silver keeps one.

with

source as (
    select *
    from read_json(
        getvariable('landing') || '/api/orders_page_*.json',
        filename = true,
        columns = {
            page: 'INTEGER',
            page_size: 'INTEGER',
            next_page: 'VARCHAR',
            data: 'STRUCT(order_id VARCHAR, customer_id VARCHAR, ordered_at VARCHAR, status VARCHAR,
                   shipping_region VARCHAR, items JSON, updated_at VARCHAR)[]'
        }
    )
),

records as (
    select
        page,
        unnest(data) as record,
        filename
    from source
),

renamed as (
    select
        record.order_id,
        record.customer_id,
        record.ordered_at,
        record.status,
        record.shipping_region,
        record.items,
        record.updated_at,
        page as page_number,
        replace(filename, getvariable('landing') || '/', '') as _source_file,
        getvariable('now') as _loaded_at
    from records
),

final as (
    select * from renamed
)

select * from final
