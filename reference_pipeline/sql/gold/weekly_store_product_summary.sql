-- gold.weekly_store_product_summary: one row per week, store and product: the three weekly
-- exports (sales, returns, inventory) merged into the one sheet the team used to build by hand.

with

inventory as (
    select * from silver.inventory
),

sales as (
    select * from silver.sales
),

returns as (
    select * from silver.returns
),

sold as (
    select
        date_trunc('week', sale_date)::date as week_start,
        store_id,
        product_id,
        cast(sum(quantity) as bigint) as units_sold
    from sales
    group by all
),

returned as (
    select
        date_trunc('week', returns.return_date)::date as week_start,
        sales.store_id,
        sales.product_id,
        cast(sum(returns.quantity) as bigint) as units_returned
    from returns
    inner join sales on returns.sale_id = sales.sale_id
    group by all
),

final as (
    select
        inventory.week_start,
        inventory.store_id,
        inventory.product_id,
        coalesce(sold.units_sold, 0) as units_sold,
        coalesce(returned.units_returned, 0) as units_returned,
        inventory.on_hand,
        inventory.on_order,
        inventory.on_hand < coalesce(sold.units_sold, 0) as is_low_stock
    from inventory
    left join sold
        on inventory.week_start = sold.week_start
        and inventory.store_id = sold.store_id
        and inventory.product_id = sold.product_id
    left join returned
        on inventory.week_start = returned.week_start
        and inventory.store_id = returned.store_id
        and inventory.product_id = returned.product_id
)

select * from final
order by week_start, store_id, product_id
