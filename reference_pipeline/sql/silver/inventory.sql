-- silver.inventory: one row per week, store and product: stock on hand on the Monday.

with

source as (
    select * from bronze.inventory
),

typed as (
    select
        try_cast(trim(week_start) as date) as week_start,
        upper(trim(store_id)) as store_id,
        upper(trim(product_id)) as product_id,
        try_cast(trim(on_hand) as integer) as on_hand,
        try_cast(trim(on_order) as integer) as on_order
    from source
),

final as (
    select distinct * from typed
)

select * from final
