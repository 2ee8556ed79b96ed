-- silver.returns: one row per returned sale line (return_id), typed.

with

source as (
    select * from bronze.returns
),

typed as (
    select
        trim(return_id) as return_id,
        trim(sale_id) as sale_id,
        try_cast(trim(return_date) as date) as return_date,
        upper(trim(product_id)) as product_id,
        try_cast(trim(quantity) as integer) as quantity,
        try_cast(trim(refund_amount) as decimal(10, 2)) as refund_amount,
        lower(trim(return_reason)) as return_reason
    from source
),

final as (
    select distinct * from typed
)

select * from final
