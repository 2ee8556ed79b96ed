-- silver.orders: one row per web order (order_id), the latest version the API returned.

with

source as (
    select * from bronze.orders
),

typed as (
    select
        trim(order_id) as order_id,
        try_cast(trim(customer_id) as integer) as customer_id,
        try_cast(trim(ordered_at) as timestamp) as ordered_at,
        lower(trim(status)) as status,
        clean.region(shipping_region) as shipping_region,
        try_cast(trim(updated_at) as timestamp) as updated_at,
        page_number
    from source
),

latest as (
    -- pages are read while orders change, so one order can appear on two pages
    select *
    from typed
    qualify row_number() over (
        partition by order_id
        order by updated_at desc, page_number desc
    ) = 1
),

final as (
    select
        order_id,
        customer_id,
        ordered_at,
        status,
        shipping_region,
        updated_at,
        status = 'cancelled' as is_cancelled
    from latest
)

select * from final
