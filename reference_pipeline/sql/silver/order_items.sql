-- silver.order_items: one row per web order and product, from the order version silver.orders kept.

with

source as (
    select * from bronze.orders
),

orders as (
    select * from silver.orders
),

kept_versions as (
    select source.order_id, source.items
    from source
    inner join orders
        on trim(source.order_id) = orders.order_id
        and try_cast(trim(source.updated_at) as timestamp) = orders.updated_at
    -- both pages may hold the same latest version; keep one copy
    qualify row_number() over (partition by source.order_id order by source.page_number desc) = 1
),

flattened as (
    select
        order_id,
        unnest(
            from_json(items, '[{"product_id": "VARCHAR", "quantity": "INTEGER", "unit_price": "DECIMAL(10,2)"}]'),
            recursive := true
        )
    from kept_versions
),

final as (
    select
        trim(order_id) as order_id,
        upper(trim(product_id)) as product_id,
        quantity,
        unit_price,
        cast(quantity * unit_price as decimal(12, 2)) as line_amount
    from flattened
)

select * from final
