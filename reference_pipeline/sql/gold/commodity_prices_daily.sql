-- gold.commodity_prices_daily: one row per commodity and day: valid quotes summarised.

with

prices as (
    select * from silver.commodity_prices
),

daily as (
    select
        commodity,
        quoted_at::date as price_date,
        count(*) as count_quotes,
        min(price) as low_price,
        max(price) as high_price,
        arg_max(price, quoted_at) as close_price
    from prices
    group by commodity, quoted_at::date
),

final as (
    select * from daily
)

select * from final
order by commodity, price_date
