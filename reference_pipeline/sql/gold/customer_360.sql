-- gold.customer_360: one row per customer, with what the shop, the stores, billing and
-- support know about them.

with

customers as (
    select * from silver.customers
),

sales as (
    select * from silver.sales
),

orders as (
    select * from silver.orders
),

order_items as (
    select * from silver.order_items
),

resolved as (
    select * from silver.resolved_customer_fields
),

store_activity as (
    select
        customer_id,
        count(distinct sale_id) as count_store_purchases,
        sum(line_amount) as store_revenue,
        max(sale_date) as last_store_date
    from sales
    where customer_id is not null
    group by customer_id
),

web_activity as (
    select
        orders.customer_id,
        count(distinct orders.order_id) as count_web_orders,
        sum(order_items.line_amount) as web_revenue,
        max(orders.ordered_at)::date as last_web_date
    from orders
    inner join order_items on orders.order_id = order_items.order_id
    where not orders.is_cancelled
    group by orders.customer_id
),

other_systems as (
    select
        customer_id,
        max(field_value) filter (where field_name = 'account_status') as account_status,
        max(field_value) filter (where field_name = 'support_tier') as support_tier
    from resolved
    group by customer_id
),

joined as (
    select
        customers.customer_id,
        customers.full_name,
        customers.email,
        customers.city,
        customers.region,
        customers.segment,
        customers.status,
        other_systems.account_status,
        other_systems.support_tier,
        customers.signup_date,
        coalesce(store_activity.count_store_purchases, 0) as count_store_purchases,
        coalesce(web_activity.count_web_orders, 0) as count_web_orders,
        cast(coalesce(store_activity.store_revenue, 0) + coalesce(web_activity.web_revenue, 0)
            as decimal(12, 2)) as lifetime_revenue,
        greatest(store_activity.last_store_date, web_activity.last_web_date) as last_purchase_date
    from customers
    left join store_activity on customers.customer_id = store_activity.customer_id
    left join web_activity on customers.customer_id = web_activity.customer_id
    left join other_systems on customers.customer_id = other_systems.customer_id
),

final as (
    select
        *,
        count_store_purchases + count_web_orders >= 2 as is_repeat_customer
    from joined
)

select * from final
order by customer_id
