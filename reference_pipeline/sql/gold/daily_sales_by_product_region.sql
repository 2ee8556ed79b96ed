-- gold.daily_sales_by_product_region: one row per day, product and region, store and web
-- sales together, with returns counted on the day they came back.

with

sales as (
    select * from silver.sales
),

returns as (
    select * from silver.returns
),

orders as (
    select * from silver.orders
),

order_items as (
    select * from silver.order_items
),

store_lines as (
    select sale_date, product_id, region, quantity, line_amount
    from sales
),

web_lines as (
    select
        orders.ordered_at::date as sale_date,
        order_items.product_id,
        orders.shipping_region as region,
        order_items.quantity,
        order_items.line_amount
    from orders
    inner join order_items on orders.order_id = order_items.order_id
    where not orders.is_cancelled
),

sold as (
    select
        sale_date,
        product_id,
        region,
        cast(sum(quantity) as bigint) as units_sold,
        sum(line_amount) as gross_revenue
    from (select * from store_lines union all select * from web_lines)
    group by sale_date, product_id, region
),

returned as (
    select
        returns.return_date as sale_date,
        sales.product_id,
        sales.region,
        cast(sum(returns.quantity) as bigint) as units_returned,
        sum(returns.refund_amount) as refund_amount
    from returns
    inner join sales on returns.sale_id = sales.sale_id
    group by returns.return_date, sales.product_id, sales.region
),

joined as (
    select
        coalesce(sold.sale_date, returned.sale_date) as sale_date,
        coalesce(sold.product_id, returned.product_id) as product_id,
        coalesce(sold.region, returned.region) as region,
        coalesce(sold.units_sold, 0) as units_sold,
        coalesce(returned.units_returned, 0) as units_returned,
        cast(coalesce(sold.gross_revenue, 0) as decimal(12, 2)) as gross_revenue,
        cast(coalesce(returned.refund_amount, 0) as decimal(12, 2)) as refund_amount
    from sold
    full outer join returned
        on sold.sale_date = returned.sale_date
        and sold.product_id = returned.product_id
        and sold.region = returned.region
),

final as (
    select
        *,
        cast(gross_revenue - refund_amount as decimal(12, 2)) as net_revenue
    from joined
)

select * from final
order by sale_date, product_id, region
