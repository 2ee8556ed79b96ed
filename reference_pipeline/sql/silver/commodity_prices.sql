-- silver.commodity_prices: one row per commodity and quote time, valid quotes only.

with

records as (
    select * from silver.commodity_price_records
),

valid as (
    select * from records
    where reject_reason is null
),

deduplicated as (
    -- a feed that sends the same quote twice has sent one quote
    select *
    from valid
    qualify row_number() over (partition by commodity, quoted_at order by feed_name, price) = 1
),

final as (
    select
        commodity,
        quoted_at,
        price,
        currency,
        feed_name
    from deduplicated
)

select * from final
