-- materialized: view
-- silver.customer_records: one row per customer record received (Day 1 export and change
-- feed), cleaned and typed. A record that breaks a rule carries a reject_reason.
-- A view, not a table: silver.customers, silver.quarantine_customers and the incremental
-- merge all read it, so the cleaning rules are written once.

with

export_rows as (
    select *, 'export' as record_source, 1 as source_priority
    from bronze.customers
),

update_rows as (
    select *, 'updates' as record_source, 2 as source_priority
    from bronze.customer_updates
),

received as (
    select * from export_rows
    union all by name
    select * from update_rows
),

cleaned as (
    select
        try_cast(trim(customer_id) as integer) as customer_id,
        clean.proper_case(first_name) as first_name,
        clean.proper_case(last_name) as last_name,
        clean.email(email) as email,
        clean.phone(phone) as phone,
        clean.proper_case(city) as city,
        clean.region(region) as region,
        clean.segment(segment) as segment,
        lower(trim(status)) as status,
        clean.to_date(signup_date) as signup_date,
        try_cast(trim(updated_at) as timestamp) as updated_at,
        record_source,
        source_priority,
        _source_file,
        _loaded_at,
        customer_id as raw_customer_id,
        email as raw_email,
        region as raw_region,
        segment as raw_segment,
        status as raw_status,
        signup_date as raw_signup_date,
        updated_at as raw_updated_at
    from received
),

validated as (
    select
        *,
        -- the first rule a record breaks is the reason it is quarantined
        case
            when customer_id is null then 'customer_id is missing or not a number'
            when email is null then 'email is missing'
            when not clean.is_valid_email(email) then 'email is not a valid address'
            when signup_date is null then 'signup_date is not a valid date'
            when region is null then 'region is not recognised'
            when segment is null then 'segment is not recognised'
            when status is null or status not in ('active', 'inactive', 'suspended')
                then 'status is not recognised'
            when updated_at is null then 'updated_at is not a timestamp'
        end as reject_reason
    from cleaned
),

final as (
    select * from validated
)

select * from final
