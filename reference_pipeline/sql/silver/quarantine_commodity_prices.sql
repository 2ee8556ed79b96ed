-- silver.quarantine_commodity_prices: one row per quote that broke a rule, as received, with the reason.

with

records as (
    select * from silver.commodity_price_records
),

rejected as (
    select * from records
    where reject_reason is not null
),

final as (
    select
        raw_commodity as commodity,
        raw_price as price,
        raw_quoted_at as quoted_at,
        reject_reason,
        feed_name,
        _source_file,
        _loaded_at
    from rejected
)

select * from final
