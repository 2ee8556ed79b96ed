-- materialized: view
-- silver.commodity_price_records: one row per quote received, typed. A quote that breaks a
-- rule carries a reject_reason; silver.commodity_prices and its quarantine both read this view.

with

source as (
    select * from bronze.commodity_prices
),

cleaned as (
    select
        clean.proper_case(commodity) as commodity,
        try_cast(trim(price) as decimal(12, 4)) as price,
        upper(trim(currency)) as currency,
        try_cast(trim(quoted_at) as timestamp) as quoted_at,
        feed_name,
        commodity as raw_commodity,
        price as raw_price,
        quoted_at as raw_quoted_at,
        _source_file,
        _loaded_at
    from source
),

validated as (
    select
        *,
        case
            when commodity is null then 'commodity is missing'
            when raw_price is null then 'price is missing'
            when price is null then 'price is not a number'
            when price <= 0 then 'price must be greater than 0'
            when quoted_at is null then 'quoted_at is not a timestamp'
        end as reject_reason
    from cleaned
),

final as (
    select * from validated
)

select * from final
