-- silver.sales: one row per store sale line (sale_id), typed.

with

source as (
    select * from bronze.sales
),

typed as (
    select
        trim(sale_id) as sale_id,
        try_cast(trim(sale_date) as date) as sale_date,
        upper(trim(store_id)) as store_id,
        lower(trim(region)) as region,
        upper(trim(product_id)) as product_id,
        trim(product_name) as product_name,
        try_cast(trim(quantity) as integer) as quantity,
        try_cast(trim(unit_price) as decimal(10, 2)) as unit_price,
        try_cast(nullif(trim(customer_id), '') as integer) as customer_id
    from source
),

deduplicated as (
    -- an export sent twice repeats lines exactly, and identical lines are one sale;
    -- lines that share a sale_id but differ are left for the unique check to catch
    select distinct * from typed
),

final as (
    select
        *,
        cast(quantity * unit_price as decimal(12, 2)) as line_amount
    from deduplicated
)

select * from final
